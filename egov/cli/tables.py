"""Tables the `egov` command prints for people: headers from the catalogue, values as the pages show
them (Sí/No, «—» for nothing, dates dd/mm/yyyy, decimal comma in Spanish). CSV and JSON outputs stay
machine-friendly and do not come through here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import pandas as pd

from egov.cli import lang as cli_lang
from egov.i18n import fmt_number, t


def value(v, lang: str) -> str:
    """One cell as a person reads it."""
    if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and v != v):
        return "—"
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        return t("cli.yes" if v else "cli.no", lang)
    if isinstance(v, (pd.Timestamp, dt.datetime)):
        return v.strftime("%d/%m/%Y %H:%M") if (v.hour, v.minute, v.second) != (0, 0, 0) else v.strftime("%d/%m/%Y")
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float):
        return fmt_number(v, 0 if v.is_integer() else 2, lang)
    return str(v)


def render(frame: pd.DataFrame, headers: Mapping[str, str], *,
           formatters: Mapping[str, Callable[[object], str]] | None = None, empty_key: str = "cli.empty",
           lang: str | None = None) -> str:
    """The columns named in ``headers`` (column -> catalogue key), aligned; a note under an empty table."""
    lang = lang or cli_lang.language()
    formatters = formatters or {}
    names = [t(key, lang) for key in headers.values()]
    cells = [[(formatters[c](row[c]) if c in formatters else value(row[c], lang)) for c in headers]
             for _, row in frame.iterrows()]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    if not cells:
        lines.append(t(empty_key, lang))
    return "\n".join(lines)
