"""The framework as it is in the database, for the Metodología page and for anyone defending a figure.

Thin Python over ``queries/framework_*.sql``; nothing here is hard-coded: an
institution that loads another framework sees that one.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from egov.storage import sql
from egov.storage.db import Connection


def info(cur: Connection, framework: str) -> dict[str, Any] | None:
    found = sql.run(cur, "framework_info", framework=framework)
    return None if found.empty else found.iloc[0].to_dict()


def areas(cur: Connection, framework: str) -> pd.DataFrame:
    return sql.run(cur, "framework_areas", framework=framework)


def criteria(cur: Connection, framework: str) -> pd.DataFrame:
    return sql.run(cur, "framework_criteria", framework=framework)


def levels(cur: Connection, framework: str) -> pd.DataFrame:
    return sql.run(cur, "framework_levels", framework=framework)


def bands(cur: Connection, framework: str) -> pd.DataFrame:
    return sql.run(cur, "framework_bands", framework=framework)


def tools(cur: Connection, framework: str) -> pd.DataFrame:
    return sql.run(cur, "framework_tools", framework=framework)


def ladder(cur: Connection, framework: str) -> pd.DataFrame:
    """One row per step and requirement group (tool codes, names and minimum statuses as lists)."""
    return sql.run(cur, "framework_ladder", framework=framework)
