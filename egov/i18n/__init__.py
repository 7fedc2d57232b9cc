"""One catalogue of user-facing text, Spanish first, English available.

The catalogue is split by topic (``catalog_*.py`` modules, each a dict of
key -> (es, en)) so that features can be added side by side; ``t`` sees
them all as one. A missing key raises in tests rather than showing a code.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("catalog_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            for key, value in module.TEXT.items():
                if key in merged:
                    raise KeyError(f"text key {key!r} defined twice (in {info.name})")
                merged[key] = value
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    es, en = catalogue()[key]
    text = en if lang == "en" else es
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """``t`` for a count: the ``key.one`` text when ``n`` is 1, else ``key.many`` (``{n}`` filled in)."""
    return t(f"{key}.{'one' if n == 1 else 'many'}", lang, n=n, **values)


def fmt_number(value: float | int | None, decimals: int = 1, lang: str = DEFAULT_LANGUAGE) -> str:
    """1234.5 -> '1.234,5' in Spanish, '1,234.5' in English; None -> '—'."""
    if value is None or value != value:  # NaN
        return "—"
    text = f"{value:,.{decimals}f}"
    if lang == "es":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


MINUS = "\u2212"  # the typographic minus, as the catalogue's titles write a fall («−12,2»)


def fmt_signed(value: float | int | None, decimals: int = 1, lang: str = DEFAULT_LANGUAGE) -> str:
    """A change with its sign: '+19,2', '−12,2', '0,0' (as shown: what rounds to zero has none); None -> '—'."""
    if value is None or value != value:  # NaN
        return "—"
    text = fmt_number(abs(value), decimals, lang)
    shown = round(value, decimals)
    return ("+" + text) if shown > 0 else (MINUS + text) if shown < 0 else text


def fmt_percent(share: float | None, decimals: int = 0, lang: str = DEFAULT_LANGUAGE) -> str:
    return "—" if share is None or share != share else fmt_number(share * 100, decimals, lang) + " %"
