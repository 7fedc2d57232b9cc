"""Built figures and tables are shared across sessions and reruns, and dropped when the data changes."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from egov.charts import base, theme
from egov.storage import db
from egov.ui import cache, state


def _reads_per_run():
    import streamlit as st

    from egov.ui import state

    calls = st.session_state.setdefault("calls", [])

    def read():
        calls.append(1)
        return len(calls)

    st.write(f"{state.per_run('probe', read)} {state.per_run('probe', read)}")
    if st.session_state.get("write"):
        state.data_changed()  # a write in this run: what it reads next is read again
        st.write(str(state.per_run("probe", read)))


def test_a_small_read_happens_once_per_run_again_at_the_next_run_and_after_a_write():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_reads_per_run).run()
    assert [m.value for m in at.markdown] == ["1 1"]
    at.run()
    assert [m.value for m in at.markdown] == ["2 2"]
    at.session_state["write"] = True
    at.run()
    assert [m.value for m in at.markdown] == ["3 3", "4"]
    calls = []
    for _ in range(2):  # outside a script run (the command line): read every time
        state.per_run("probe", lambda: calls.append(1))
    assert len(calls) == 2


def test_a_built_object_is_reused_for_the_same_choices_and_rebuilt_after_the_data_changes(sample_db, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    calls = []

    def build():
        calls.append(1)
        return object()

    first = cache.built("chart:x", ("CGE-GE", "2024", ["Salud"]), build)
    assert cache.built("chart:x", ("CGE-GE", "2024", ["Salud"]), build) is first
    other = cache.built("chart:x", ("CGE-GE", "2023", ["Salud"]), build)
    assert other is not first and len(calls) == 2
    assert cache.built("chart:y", ("CGE-GE", "2024", ["Salud"]), build) is not first  # another chart key
    version = cache.data_version()
    state.data_changed()  # what an import, an undo or a recorded follow-up calls
    assert cache.data_version() != version
    again = cache.built("chart:x", ("CGE-GE", "2024", ["Salud"]), build)
    assert again is not first and len(calls) == 4


def test_the_data_version_names_the_database(sample_db, tmp_path, monkeypatch):
    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    here = cache.data_version()
    monkeypatch.setenv(db.ENV_DB, str(tmp_path / "other.duckdb"))
    assert cache.data_version() != here


def test_figures_take_the_one_finished_template_without_merging_templates_again(monkeypatch):
    import streamlit.elements.plotly_chart  # noqa: F401  (sets Plotly's default to Streamlit's template)

    merged = pio.templates[theme.TEMPLATE_NAME]
    base.figure("", "es")
    assert pio.templates.default is merged
    # plotly_white's own trace defaults and the project's layer are both in it
    assert merged.layout.font.family == theme.FONT_FAMILY
    assert merged.layout.plot_bgcolor == "#FFFFFF" and merged.data.bar

    def refuse(*args):
        raise AssertionError("templates merged again while building a figure")

    monkeypatch.setattr(pio.templates, "merge_templates", refuse)
    fig = base.figure("Título", "es")
    fig.add_trace(go.Bar(x=[1, 2], y=["a", "b"], orientation="h"))
    assert fig.layout.template.layout.font.family == theme.FONT_FAMILY
    assert fig.layout.separators == ",."


def probe_figure() -> go.Figure:
    """Text from data with markup, a missing value, arrays of numbers, text and dates."""
    import numpy as np
    import pandas as pd

    fig = go.Figure(go.Bar(x=np.array([3.25, np.nan, 1.0]), y=np.array(["Entidad <b>A</b>", "B", "Ñandú"], dtype=object),
                           customdata=np.array([["A", "x"], ["B", "y"], ["C", "z"]], dtype=object), orientation="h"))
    fig.add_trace(go.Scatter(x=pd.to_datetime(["2024-01-31", "2025-06-30"]), y=np.array([1, 2]), text=["1", "2"]))
    fig.update_layout(title="Índice por entidad")
    return fig


def _cached_chart_page():
    from egov.ui import show
    from tests.test_page_cache import probe_figure

    show.chart(probe_figure, key="probe_chart", depends=("2024", "es"))


def test_a_cached_chart_is_validated_once_and_sends_the_spec_a_dict_would(sample_db, monkeypatch):
    """st.plotly_chart validates a dict into a Figure and encodes it at every run; handed the cached
    figure it sends the text made once."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    state.data_changed()
    made = []
    original = go.Figure.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(go.Figure, "__init__", counting)
    at = AppTest.from_function(_cached_chart_page).run()
    first_run = len(made)
    sent = at.get("plotly_chart")[0].proto.spec
    from egov.ui import show

    encoded = []
    plain = show._plain_to_json
    monkeypatch.setattr(show, "_plain_to_json", lambda *a, **k: encoded.append(1) or plain(*a, **k))
    for _ in range(2):
        at.run()
        assert at.get("plotly_chart")[0].proto.spec == sent
    assert first_run >= 1 and len(made) == first_run  # later runs build and validate nothing
    assert not encoded  # nor encode it: the text made with the figure is sent
    assert pio.to_json(go.Figure(), validate=False) == plain(go.Figure(), validate=False)  # others as before
    monkeypatch.setattr(go.Figure, "__init__", original)
    as_dict = pio.to_json(go.Figure(**base.inert(probe_figure())).to_dict(), validate=False)  # what a dict became
    assert sent == as_dict and "Entidad <b>A" not in sent and "bdata" in sent and "\\u00d1and\\u00fa" in sent
    (kept,) = [value for key, (value, _) in cache._built.items() if key[1] == "inert:probe_chart"]
    assert pio.to_json(kept.to_dict(), validate=False) == as_dict  # what Streamlit read, unchanged


def test_a_loaded_result_is_the_callers_own_a_change_to_it_never_reaches_the_cache(sample_db, monkeypatch):
    from egov import scoring

    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    state.data_changed()
    with state.reading() as cur:
        framework = scoring.default_framework(cur)
        period = scoring.periods(cur, framework)[0]
    pristine = cache.load(scoring.entity_scores, framework, period)
    expected = pristine.copy(deep=True)
    mine = cache.load(scoring.entity_scores, framework, period)
    mine.loc[mine.index[0], "name"] = "cambiada"
    mine.iloc[1, 0] = "otra"
    mine["index_value"] += 10
    mine.attrs["marked"] = True
    mine.index.name = "renamed"
    bundle = cache.load(scoring.periods, framework)
    bundle.append("9999")
    again = cache.load(scoring.entity_scores, framework, period)
    assert again is not pristine and not again.attrs
    import pandas as pd

    pd.testing.assert_frame_equal(again, expected)
    pd.testing.assert_frame_equal(pristine, expected)
    assert "9999" not in cache.load(scoring.periods, framework)



def test_the_navigation_is_built_once_per_session_role_and_language(sample_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from egov.i18n import t
    from egov.ui import navigation

    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    at = AppTest.from_file(str(db.PROJECT_ROOT / "app.py"), default_timeout=60).run()
    kept = at.session_state["_navigation_pages"]
    (role, lang), sections = next(iter(kept.items()))
    assert lang == "es" and role == "admin"  # single-user local mode
    at.run()
    assert at.session_state["_navigation_pages"][(role, lang)] is sections  # the same pages at the next run
    at.segmented_control(key="lang_choice").set_value("en").run()  # the sidebar's switch
    english = at.session_state["_navigation_pages"]
    assert list(english) == [(role, "en")] and english[(role, "en")] is not sections
    titles = [page.title for pages in english[(role, "en")].values() for page in pages]
    assert titles == [t(spec.title_key, "en") for spec in navigation.PAGES if navigation.allowed(role, spec)]
    assert not at.exception


def probe_table() -> "pd.DataFrame":
    """A displayed table as the pages build them: labels, formatted numbers, nullable integers, gaps."""
    import pandas as pd

    return pd.DataFrame({"Entidad": ["Ñandú (GAM)", "**B**", "<i>C</i>"], "Índice": ["41,20", "—", "7,05"],
                         "Posición": pd.array([2, None, 1], dtype="Int64"), "Cambio": [1.5, float("nan"), -2.0]})


def _table_page():
    import streamlit as st

    from egov.ui import show
    from tests.test_page_cache import probe_table

    if st.session_state.get("as_frame"):
        st.dataframe(probe_table(), hide_index=True, key="probe_table")
    elif st.session_state.get("limit"):
        whole = show.table("probe", ("2024", "es", "cut"), probe_table, lang="es", limit=2, hide_index=True,
                           key="probe_table")
        st.write(f"descarga: {len(whole)} filas")
    else:
        show.table("probe", ("2024", "es"), probe_table, lang="es", hide_index=True, key="probe_table")


def test_a_big_table_is_converted_to_arrow_once_and_sends_the_bytes_a_dataframe_would(sample_db, monkeypatch):
    """Handed a DataFrame, st.dataframe converts it to Arrow at every run; show.table hands it the table made once."""
    from streamlit import dataframe_util
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    state.data_changed()
    converted = []
    original = dataframe_util.convert_pandas_df_to_arrow_table

    def counting(frame, *args, **kwargs):
        converted.append(1)
        return original(frame, *args, **kwargs)

    monkeypatch.setattr(dataframe_util, "convert_pandas_df_to_arrow_table", counting)
    at = AppTest.from_function(_table_page).run()
    sent = at.dataframe[0].proto.arrow_data.data
    for _ in range(2):
        at.run()
        assert at.dataframe[0].proto.arrow_data.data == sent
    assert len(converted) == 1  # later runs convert nothing
    at.session_state["as_frame"] = True
    at.run()
    assert at.dataframe[0].proto.arrow_data.data == sent  # the bytes the DataFrame itself sends
    assert len(converted) == 2
    assert at.dataframe[0].value.equals(probe_table())
    assert not at.caption  # every row shown: nothing to say


def test_a_table_longer_than_its_limit_shows_its_first_rows_says_so_and_returns_them_all(sample_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    state.data_changed()
    at = AppTest.from_function(_table_page)
    at.session_state["limit"] = True
    at.run()
    assert at.dataframe[0].value.equals(probe_table().head(2))
    assert [c.value for c in at.caption] == ["Se muestran las primeras 2 de 3 filas, en el orden de la tabla. "
                                             "Acote con los filtros o descargue la tabla completa."]
    assert [m.value for m in at.markdown] == ["descarga: 3 filas"]  # what the page downloads is whole



def test_a_read_is_refused_an_argument_whose_repr_is_abridged():
    """Keys compare by repr: two long arrays that print alike must never be taken for one read."""
    import numpy as np
    import pandas as pd
    import pytest

    from egov import scoring

    for argument in (np.arange(2000), pd.Series(["a"] * 2000), ["ok", np.arange(3)], {"codes": pd.Index(["x"])}):
        with pytest.raises(TypeError, match="cache key argument"):
            cache.load(scoring.periods, argument)


def test_a_cached_run_of_the_crowded_pages_converts_no_table_and_encodes_no_chart(sample_db, monkeypatch):
    """The five pages the sessions benchmark drives: what they send is made once, not at every run."""
    from streamlit import dataframe_util
    from streamlit.testing.v1 import AppTest

    from egov.ui import show

    monkeypatch.setenv(db.ENV_DB, str(sample_db))
    state.data_changed()
    made: list[str] = []
    convert, encode = dataframe_util.convert_pandas_df_to_arrow_table, show._plain_to_json
    monkeypatch.setattr(dataframe_util, "convert_pandas_df_to_arrow_table",
                        lambda *a, **k: made.append("arrow") or convert(*a, **k))
    monkeypatch.setattr(show, "_plain_to_json", lambda *a, **k: made.append("json") or encode(*a, **k))
    at = AppTest.from_file(str(db.PROJECT_ROOT / "app.py"), default_timeout=60).run()
    for page in ("views/resumen.py", "views/areas.py", "views/herramientas.py", "views/evolucion.py",
                 "views/seguimiento.py"):
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        first = len(made)
        assert at.get("plotly_chart"), page
        at.run()
        assert not at.exception and len(made) == first, (page, made[first:])  # the cached run made nothing
