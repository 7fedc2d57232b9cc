"""The audit log as the Auditoría page shows it: each entry's detail said in words beside the record.

The log keeps each entry's detail as JSON, exactly as it was written, and the page shows it unchanged
(it is what the chain's hashes cover). Beside it, ``summary`` says what the entry did in the page's
language; an entry this version cannot read (a newer action, a detail of another shape) shows an
empty summary rather than a guess.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from egov import auth
from egov.i18n import fmt_number, t

USER_ACTIONS = ("user_disable", "user_enable", "user_password")


def role_label(role: Any, lang: str) -> str:
    """A role as people name it («Analista»); a code this version does not know, as it was stored."""
    return t(f"auth.role.{role}", lang) if isinstance(role, str) and auth.is_role(role) else str(role)


def _number(value: Any, lang: str) -> str:
    return fmt_number(value, 0, lang) if isinstance(value, (int, float)) else "—"


def summary(action: str, detail: str | None, lang: str) -> str:
    """What the entry did, in words («puntajes.csv (puntajes): 315 nuevas, 0 modificadas, 0 sin cambios»)."""
    try:
        facts = json.loads(detail) if detail else {}
    except (TypeError, ValueError):
        return ""
    if not isinstance(facts, dict):
        return ""
    try:
        if action == "import":
            text = t("audit.summary.import", lang, file=facts["file"], kind=facts["kind"],
                     new=_number(facts["new"], lang), changed=_number(facts["changed"], lang),
                     unchanged=_number(facts["unchanged"], lang))
            return text + (t("audit.summary.synthetic", lang) if facts.get("synthetic") else "")
        if action == "undo":
            return t("audit.summary.undo", lang, batch=facts["batch_id"], file=facts["file"])
        if action == "backup":
            size = facts["bytes"] / 1024 / 1024 if isinstance(facts["bytes"], (int, float)) else None
            return t("audit.summary.backup", lang, file=PurePath(facts["file"]).name,
                     size=fmt_number(size, 1, lang), entries=_number(facts.get("audit_entries"), lang))
        if action == "restore":
            source, kept = PurePath(facts["from"]).name, facts.get("previous_kept_as")
            if kept:
                return t("audit.summary.restore_kept", lang, source=source, kept=PurePath(kept).name)
            return t("audit.summary.restore", lang, source=source)
        if action == "migrate":
            applied = facts["applied"]
            return t("audit.summary.migrate", lang,
                     applied=", ".join(str(a) for a in applied) if isinstance(applied, list) else str(applied))
        if action == "user_add":
            return t("audit.summary.user_add", lang, user=facts["user"], role=role_label(facts["role"], lang))
        if action == "user_role":
            return t("audit.summary.user_role", lang, user=facts["user"], before=role_label(facts["before"], lang),
                     after=role_label(facts["after"], lang))
        if action in USER_ACTIONS:
            return t("audit.summary.user", lang, user=facts["user"])
    except (KeyError, TypeError):
        return ""
    return ""
