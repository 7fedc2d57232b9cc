"""A small, lexicon-based check of Spanish agreement, for the framework's descriptors and the catalogue.

It looks for the mistake a pasted template makes: a subject and the participle or adjective its
verb «estar/ser/quedar» predicates of it disagreeing in gender or number («La articulación … está
formalizado», «Los informes … está vigente»). It is deliberately narrow — a subject is a
determiner and its noun at the start of a clause, the predicate is the word right after the
copula (adverbs skipped) and any participle coordinated with it — so what it reports is a real
error, not a guess. Nothing is downloaded: the lexicon is below.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

M, F, S, P = "m", "f", "s", "p"
DETERMINERS = {
    "el": (M, S), "la": (F, S), "los": (M, P), "las": (F, P), "un": (M, S), "una": (F, S), "unos": (M, P),
    "unas": (F, P), "este": (M, S), "esta": (F, S), "estos": (M, P), "estas": (F, P), "ese": (M, S),
    "esa": (F, S), "esos": (M, P), "esas": (F, P), "ningún": (M, S), "ninguna": (F, S), "algún": (M, S),
    "alguna": (F, S), "algunos": (M, P), "algunas": (F, P), "cada": (None, S), "su": (None, S),
    "sus": (None, P), "nuestro": (M, S), "nuestra": (F, S), "otro": (M, S), "otra": (F, S), "otros": (M, P),
    "otras": (F, P),
}
# Feminine nouns that take «el»/«un» (stressed a-), and collectives that agree either way.
STRESSED_A = {"area", "agua", "aula", "alma", "arma", "hacha", "ancla"}
COLLECTIVES = {"mayoria", "parte", "mitad", "resto", "conjunto", "cantidad", "minoria", "total"}
# Written with their accents: «esta» (this) is a determiner, «está» (is) a copula.
COPULAS = {
    "está": S, "están": P, "es": S, "son": P, "fue": S, "fueron": P, "era": S, "eran": P, "queda": S,
    "quedan": P, "quedó": S, "quedaron": P, "será": S, "serán": P, "estará": S, "estarán": P, "resulta": S,
    "resultan": P, "permanece": S, "permanecen": P, "sigue": S, "siguen": P, "estuvo": S, "estuvieron": P,
}
SKIPPED = {"no", "ya", "aun", "todavia", "solo", "muy", "mas", "menos", "bien", "tambien", "siempre", "nunca",
           "recien", "casi", "tan", "hoy", "ahora", "luego", "asi"}
CLAUSE_OPENERS = {"y", "e", "o", "u", "pero", "aunque", "sino", "mientras", "porque", "cuando", "si", "pues"}
IRREGULAR = {"escrito", "inscrito", "abierto", "cubierto", "descubierto", "previsto", "dispuesto", "puesto",
             "resuelto", "hecho", "vuelto", "roto", "visto", "impuesto", "propuesto", "compuesto", "suscrito"}
ADJECTIVES = {"completo", "incompleto", "nuevo", "propio", "vacio", "obligatorio", "valido", "invalido", "unico",
              "listo", "correcto", "incorrecto", "exacto", "distinto", "cierto", "publico", "privado", "sintetico",
              "bloqueado", "activo", "inactivo", "nulo", "oficial", "vigente", "disponible", "pendiente",
              "visible", "posible", "imposible", "igual", "legible", "suficiente", "insuficiente",
              "responsable", "aplicable", "cumplido"}
NOT_PARTICIPLES = {"nada", "cada", "vida", "medida", "salida", "partida", "llegada", "entrada", "entradas",
                   "estado", "estados", "dato", "datos", "lado", "grado", "grados", "mercado", "resultado",
                   "resultados", "contenido", "sentido", "periodo", "todo", "toda", "todos", "todas", "cuanto",
                   "tanto", "punto", "texto", "contexto", "proyecto", "proyectos", "objeto", "efecto",
                   "asunto", "derecho", "cada", "pasado", "pasada", "ayuda", "comida", "bebida", "parte"}


@dataclass(frozen=True)
class Disagreement:
    text: str
    subject: str
    predicate: str
    why: str


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()


def _tokens(text: str) -> list[str]:
    text = re.sub(r"\{[^}]*\}", " X ", text)  # placeholders are opaque
    text = re.sub(r"«[^»]*»|“[^”]*”", " X ", text)  # a quoted label is a name, not part of the sentence
    text = re.sub(r"[*`\"']", " ", text)
    return re.findall(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+|[.,;:!?()—\-\n]", text)


def _number_of(word: str) -> str:
    return P if _plain(word).endswith("s") else S


def _agreement(word: str) -> tuple[str | None, str] | None:
    """(gender or None when invariant, number) of a participle or adjective; None for other words."""
    w = _plain(word)
    if w in NOT_PARTICIPLES or len(w) < 4:
        return None
    m = re.fullmatch(r"(\w+?)(o|a|os|as)", w)
    if m:
        stem, end = m.groups()
        base = stem + "o"
        if (re.search(r"(ad|id)$", stem) or base in IRREGULAR or base in ADJECTIVES) and base not in NOT_PARTICIPLES:
            return (M if end.startswith("o") else F), (P if end.endswith("s") else S)
    singular = w[:-1] if w.endswith("s") else w
    if singular in ADJECTIVES and not singular.endswith(("o", "a")):
        return None, (P if w.endswith("s") else S)
    return None


def _attributive(sentence: str, tokens: list[str], i: int) -> list[Disagreement]:
    """Determiner, noun and the participle right after it: «las entradas verificada»."""
    low = tokens[i].lower()
    gender, number = DETERMINERS.get(low, (M, S))
    if i + 2 >= len(tokens) or not tokens[i + 1].isalpha() or gender is None:
        return []
    noun = _plain(tokens[i + 1])
    if noun in SKIPPED or noun in STRESSED_A or noun in COLLECTIVES or tokens[i + 1].isupper():
        return []
    agreed = _agreement(tokens[i + 2])
    if agreed is None:
        return []
    g, n = agreed
    if n != number or (g is not None and g != gender):
        return [Disagreement(sentence, f"{tokens[i]} {tokens[i + 1]}", tokens[i + 2], "concordancia nominal")]
    return []


def check(text: str) -> list[Disagreement]:
    """Every subject–predicate disagreement found in ``text`` (one or more sentences)."""
    found: list[Disagreement] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        tokens = _tokens(sentence)
        subject = None  # (words, gender, number)
        for i, tok in enumerate(tokens):
            low = tok.lower()
            before = _plain(tokens[i - 1]) if i else ""
            twice = _plain(tokens[i - 2]) if i > 1 else ""
            opener = (i == 0 or tokens[i - 1] in ",;:(—-" or before in CLAUSE_OPENERS
                      or (before in ("todo", "todos", "todas") and (i == 1 or twice in CLAUSE_OPENERS
                                                                    or tokens[i - 2] in ",;:(—-"))
                      or (before == "que" and twice in ("asi", "ya")))
            if tok in ";:":
                subject = None  # a new clause names its own subject
            if low in DETERMINERS or low in ("del", "al"):
                found.extend(_attributive(sentence, tokens, i))
            if opener and low in DETERMINERS and i + 1 < len(tokens) and tokens[i + 1].isalpha():
                noun = _plain(tokens[i + 1])
                gender, number = DETERMINERS[low]
                if noun in STRESSED_A:
                    gender = F
                if gender is None:  # «su», «cada»: the noun tells
                    gender = F if re.search(r"(a|as|cion|ciones|sion|siones|dad|dades|tud)$", noun) else (
                        M if re.search(r"(o|os|e|es|or|ores)$", noun) else None)
                if low in ("su", "sus"):
                    number = _number_of(noun)
                subject = None if noun in COLLECTIVES else [f"{tok} {tokens[i + 1]}", gender, number]
                continue
            if subject and low in ("y", "e") and i + 1 < len(tokens) \
                    and (tokens[i + 1].lower() in DETERMINERS or _plain(tokens[i + 1]) in COLLECTIVES) \
                    and not any(t.lower() in COPULAS for t in tokens[:i]):
                subject[2] = P  # «La capacidad y la obsolescencia …»: a compound subject
                if DETERMINERS.get(tokens[i + 1].lower(), (None,))[0] == M:
                    subject[1] = M
                continue
            if subject is None or low not in COPULAS:
                continue
            j = i + 1
            while j < len(tokens) and (_plain(tokens[j]) in SKIPPED or _plain(tokens[j]).endswith("mente")):
                j += 1
            predicates = []
            while j < len(tokens):
                agreed = _agreement(tokens[j])
                if agreed is None:
                    break
                predicates.append((tokens[j], agreed))
                # A participle coordinated with it: «aprobado y remitido».
                if j + 2 < len(tokens) and _plain(tokens[j + 1]) in ("y", "o", "ni", "e", "u") \
                        and _agreement(tokens[j + 2]) is not None:
                    j += 2
                    continue
                break
            words, gender, number = subject
            if COPULAS[low] != number:
                found.append(Disagreement(sentence, words, tok, "número del verbo"))
            for word, (g, n) in predicates:
                if n != number:
                    found.append(Disagreement(sentence, words, word, "número"))
                elif g is not None and gender is not None and g != gender:
                    found.append(Disagreement(sentence, words, word, "género"))
    return found
