"""Run the named queries under ``queries/`` with named parameters.

Each ``.sql`` file answers one question; values always travel as parameters
(``$period``, ``$framework``...), never spliced into the text. A query may
build on another one by naming it as ``{{ other_query }}`` (like dbt's
``ref``): the loader inlines that file's text, so a question is answered in
one place only. Only files of ``queries/`` are ever inlined.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import pandas as pd

from egov.storage.db import PROJECT_ROOT, Connection

QUERIES_DIR = PROJECT_ROOT / "queries"
_PARAM = re.compile(r"\$([a-zA-Z_][a-zA-Z0-9_]*)")
_REF = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


@lru_cache(maxsize=None)
def query_text(name: str) -> str:
    """The query's SQL with every ``{{ other }}`` replaced by that query's SQL."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {QUERIES_DIR}")
    text = path.read_text(encoding="utf-8")
    return _REF.sub(lambda m: "\n" + _strip_comments(query_text(m.group(1))) + "\n", text)


def _strip_comments(text: str) -> str:
    return "\n".join(line.split("--", 1)[0].rstrip() for line in text.splitlines() if line.split("--", 1)[0].strip())


def query_params(name: str) -> set[str]:
    """The parameter names a query declares (``$name`` outside comments)."""
    text = "\n".join(line.split("--", 1)[0] for line in query_text(name).splitlines())
    return set(_PARAM.findall(text))


def run(cur: Connection, name: str, **params: Any) -> pd.DataFrame:
    """Run ``queries/<name>.sql``; every declared parameter must be given (None is NULL)."""
    wanted = query_params(name)
    missing = wanted - params.keys()
    if missing:
        raise TypeError(f"query {name!r} needs parameters {sorted(missing)}")
    used = {k: v for k, v in params.items() if k in wanted}
    return cur.execute(query_text(name), used).df()


def plain(value: Any) -> Any:
    """A value out of a query frame as plain Python: numpy/pandas scalars unwrapped, missing -> None."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # a list or array is not "missing" as a whole
        pass
    return value.item() if hasattr(value, "item") else value


def scalar(cur: Connection, name: str, **params: Any) -> Any:
    rows = cur.execute(query_text(name), {k: v for k, v in params.items() if k in query_params(name)}).fetchall()
    return rows[0][0] if rows else None
