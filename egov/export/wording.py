"""How an entity is named in running Spanish text: "la DIGEMIG", "el Ministerio de Gobierno".

The seed report writes "la DIGEMIG" (la Dirección...), so sentences built
from data need the article of the entity's name. Spanish gives it from the
name's first noun: Dirección, Agencia, Caja, Universidad... are feminine;
Ministerio, Servicio, Gobierno... masculine; Yacimientos... plural. An
acronym is used when it reads as one (see ``short_name``).
"""

from __future__ import annotations

_FEMININE_ENDINGS = ("a", "ción", "sión", "dad", "tud", "ía")
_MASCULINE_EXCEPTIONS = {"sistema", "programa", "día", "mapa"}


def article(name: str) -> str:
    """'la', 'el', 'las', 'los' for a Spanish institution name (by its first word)."""
    first = (name.split() or [""])[0].lower().strip(",.")
    if first.endswith("s") and len(first) > 3:
        plural = True
        first = first[:-2] if first.endswith("es") else first[:-1]
    else:
        plural = False
    feminine = first.endswith(_FEMININE_ENDINGS) and first not in _MASCULINE_EXCEPTIONS
    if plural:
        return "las" if feminine else "los"
    return "la" if feminine else "el"


def short_name(name: str, acronym: str | None) -> str:
    """The acronym when it reads as one (DIGEMIG, SEGIP), else the full name.

    The full name is kept for short names (Policía Boliviana), for codes used
    as acronyms (MIN-GOB) and for autonomous governments, whose "acronyms" in
    the entity list are place codes (LPZ, SCZ) nobody says aloud.
    """
    acronym = acronym.strip() if isinstance(acronym, str) else ""
    if (not acronym or "-" in acronym or acronym == name or len(name) <= 25
            or name.lower().startswith("gobierno autónomo")):
        return name
    return acronym


def entity_phrase(name: str, acronym: str | None = None, lang: str = "es", *, short: bool = True,
                  capital: bool = False) -> str:
    """'la DIGEMIG' / 'el Ministerio de Gobierno' / 'YPFB' (a plural name's acronym goes bare)."""
    shown = short_name(name, acronym) if short else name
    if lang == "en":
        return shown
    art = article(name)
    if art in ("los", "las") and shown != name:
        phrase = shown  # "YPFB", not "los YPFB"
    else:
        phrase = f"{art} {shown}"
    return phrase[0].upper() + phrase[1:] if capital else phrase
