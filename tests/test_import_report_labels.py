"""Every table an import may write has its name in the preview and the command line's summary, in both languages."""

from __future__ import annotations

import pytest

from egov.ingest import report
from egov.storage import store


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_plan_of_a_batch_touching_every_table_names_each_table(lang):
    # A framework file with its `marco` row writes criterion_version (migration 009): its preview and
    # `egov import`'s summary failed on the missing name.
    plan = store.Plan({name: store.TableDiff(name, new=1) for name in store.TABLES})
    shown = report.plan_frame(plan, lang)
    names = shown.iloc[:, 0].tolist()
    assert len(names) == len(store.TABLES) and len(set(names)) == len(names)
    assert not any(name.startswith("import.table.") for name in names)
