"""Peer groups: sector, level of government, department and complexity group (given, or computed from
size), the minimum group size, and the profile's radar and sentence under AppTest."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from egov import ingest, profile, scoring
from egov.storage import db, sql
from tests.support.pages_entity import chart_figures, open_page, table_with, texts, values

ROOT = Path(__file__).resolve().parent.parent
# Test-only groups (the sample's real entities carry none): DIGEMIG and four others in B, SEGIP and
# one other in C (too small a group to compare with).
GROUP_B = ("DIGEMIG", "SIN", "SERECI", "SEGIP", "ASFI")
GROUP_C = ("RUAT", "CNS")


def entities_file(groups: dict[str, str], sizes: dict[str, tuple[str, str]] | None = None) -> bytes:
    """The sample's entidades file re-stated with a complexity group (and sizes) for some entities."""
    with open(ROOT / "data" / "sample" / "entidades.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    out = io.StringIO()
    fields = list(rows[0]) + ["grupo_complejidad", "funcionarios", "presupuesto"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        staff, budget = (sizes or {}).get(row["entidad"], ("", ""))
        writer.writerow({**row, "grupo_complejidad": groups.get(row["entidad"], ""), "funcionarios": staff,
                         "presupuesto": budget})
    return out.getvalue().encode("utf-8")


def load_groups(path: Path, groups: dict[str, str], sizes=None) -> None:
    con = db.connect(path)
    try:
        done = ingest.import_file(con, entities_file(groups, sizes), "entidades-grupos.csv", confirm_changes=True)
        assert done.status == "imported", done.summary()
    finally:
        con.close()


@pytest.fixture
def grouped(sample_db, use_db):
    groups = {**{c: "B" for c in GROUP_B}, **{c: "C" for c in GROUP_C}}
    load_groups(sample_db, groups)
    return use_db(sample_db)


def area_means(path: Path, codes) -> list[float]:
    con = db.connect(path)
    try:
        with db.cursor(con) as cur:
            areas = scoring.area_scores(cur, "CGE-GE", "2024")
    finally:
        con.close()
    part = areas[areas["entity_code"].isin(codes)]
    return part.groupby("area_order")["area_score"].mean().sort_index().tolist()


def radar_traces(at) -> dict[str, list]:
    figure = chart_figures(at)[0]
    return {trace["name"]: values(trace["r"]) for trace in figure["data"]}


def test_choosing_the_complexity_group_changes_the_radar_line_and_the_sentence(grouped):
    at = open_page("entidad", entidad="DIGEMIG", periodo="2024")
    assert not at.exception
    assert "Comparada con la media de las 20 otras entidades del nivel de gobierno «Nivel central» evaluadas en 2024." \
        in texts(at)
    level_line = radar_traces(at)["media del nivel de gobierno (n = 20)"]
    at.get("button_group")[0].set_value("complexity").run()
    assert not at.exception
    traces = radar_traces(at)
    line = traces["media del grupo de complejidad (n = 4)"]
    assert line != level_line
    expected = area_means(grouped, [c for c in GROUP_B if c != "DIGEMIG"])
    assert line[:5] == pytest.approx(expected)  # the closed polygon repeats the first point
    shown = texts(at)
    assert "Comparada con la media de las 4 otras entidades del grupo de complejidad «B» evaluadas en 2024." in shown
    assert "Misma complejidad (4)" in [o for o in at.get("button_group")[0].options]


def test_a_group_below_the_minimum_says_so_instead_of_drawing_a_mean(grouped):
    at = open_page("entidad", entidad="RUAT", periodo="2024")
    at.get("button_group")[0].set_value("complexity").run()
    assert not at.exception
    assert ("En el grupo de complejidad «C» hay 1 otra entidad evaluada en 2024: hacen falta al menos 3 "
            "para comparar con una media, así que no se dibuja.") in texts(at)
    line = radar_traces(at)["media del grupo de complejidad (n = 1)"]
    assert line == [0] * 6 or all(v in (0, None) for v in line)  # no mean drawn (a line at the centre)
    table = table_with(at, "Media de pares")
    assert table["Media de pares"].tolist() == ["—"] * 5 and table["Pares (n)"].tolist() == [1] * 5
    assert "más débil" in chart_figures(at)[0]["layout"]["title"]["text"] and "pares" not in \
        chart_figures(at)[0]["layout"]["title"]["text"]


def test_department_groups_come_from_the_real_entities_and_an_unknown_department_says_so(grouped):
    at = open_page("entidad", entidad="GAD-LPZ", periodo="2024")
    at.get("button_group")[0].set_value("department").run()
    assert "departamento «La Paz»" in texts(at)
    at = open_page("entidad", entidad="DIGEMIG", periodo="2024")
    at.get("button_group")[0].set_value("department").run()
    assert "No se conoce el departamento de esta entidad" in texts(at)


def test_the_complexity_group_is_computed_from_size_when_none_is_given(sample_db):
    # Eight entities with a staff count only (no budget): quartiles of two, the largest in A.
    sizes = {code: (str(staff), "") for code, staff in
             [("YPFB", 9000), ("CNS", 8000), ("SIN", 3000), ("SEGIP", 2500), ("ASFI", 400), ("RUAT", 300),
              ("SERECI", 120), ("DIGEMIG", 100)]}
    load_groups(sample_db, {"ASFI": "Z"}, sizes)  # a given group wins over the computed one
    con = db.connect(sample_db)
    try:
        with db.cursor(con) as cur:
            found = sql.run(cur, "entity_peer_groups").set_index("entity_code")
            counts = profile.peer_counts(cur, "CGE-GE", "2024", "DIGEMIG")
    finally:
        con.close()
    groups = found["complexity_group"].to_dict()
    assert [groups[c] for c in ("YPFB", "CNS", "SIN", "SEGIP", "RUAT", "SERECI", "DIGEMIG")] == \
        ["A", "A", "B", "B", "C", "D", "D"]
    assert groups["ASFI"] == "Z" and not found.loc["ASFI", "complexity_computed"]
    assert found.loc["DIGEMIG", "complexity_computed"]
    assert found["complexity_group"].isna().sum() == len(found) - 8  # no size, no group: never invented
    assert counts["complexity"] == 1  # SERECI


def test_a_negative_staff_count_is_refused_with_row_and_column(sample_db):
    data = entities_file({}, {"DIGEMIG": ("-5", "")})
    con = db.connect(sample_db)
    try:
        result = ingest.import_file(con, data, "entidades.csv", confirm_changes=True)
    finally:
        con.close()
    assert result.status == "refused"
    problem = result.problems[0]
    assert problem.column == "funcionarios" and problem.row > 1


OLD_EXPORT = ROOT / "tests" / "data" / "store_v002"  # a store made by migrations 001-002


def test_an_existing_store_upgrades_in_place_and_an_older_batch_still_undoes(tmp_path, monkeypatch):
    path = tmp_path / "before-005.duckdb"
    con = db.connect(path, migrate_schema=False)
    try:
        con.execute(f"IMPORT DATABASE '{OLD_EXPORT.relative_to(ROOT)}'")
        # What the importer of that version wrote when an entity was renamed: a batch holding the row as it was.
        con.execute("""INSERT INTO import_batch (batch_id, kind, file_name, sha256, live_sha256, is_synthetic,
                           rows_total, rows_new, rows_changed, rows_unchanged, user_name, user_role, created_at)
                       VALUES (11, 'entidades', 'nombre.csv', repeat('e', 64), repeat('e', 64), false, 1, 0, 1, 0,
                               'ana', 'admin', TIMESTAMP '2026-12-01 10:00:00')""")
        con.execute("""INSERT INTO batch_change
                       SELECT 11, 1, 'entity', json_object('entity_code', entity_code), to_json(e),
                              json_merge_patch(to_json(e), json_object('name', 'GAD La Paz', 'batch_id', 11))
                       FROM entity e WHERE entity_code = 'GAD-LPZ'""")
        con.execute("UPDATE entity SET name = 'GAD La Paz', batch_id = 11 WHERE entity_code = 'GAD-LPZ'")
    finally:
        con.close()
    everything = db.migration_files()
    monkeypatch.setattr(db, "migration_files", lambda: [m for m in everything if m[0] < 5])
    con = db.connect(path)  # 003 and 004, as they ran before 005 existed
    assert "complexity_group" not in [r[0] for r in con.execute("DESCRIBE entity").fetchall()]
    con.close()
    monkeypatch.setattr(db, "migration_files", lambda: everything)
    con = db.connect(path)
    try:
        assert db.schema_version(con) == everything[-1][0]
        with db.cursor(con) as cur:
            found = sql.run(cur, "entity_peer_groups").set_index("entity_code")
        assert found.loc["GAD-LPZ", "department"] == "La Paz"  # kept as it was
        assert found["complexity_group"].isna().all()  # nothing known, nothing invented
        second = ingest.import_file(con, entities_file({"DIGEMIG": "B"}), "grupos.csv", confirm_changes=True)
        assert second.status == "imported"
        ingest.undo(con, second.batch_id)
        ingest.undo(con, 11)  # written before the upgrade: the entity gets its name back, nothing else moves
        rows = con.execute("SELECT name, department, complexity_group FROM entity WHERE entity_code = 'GAD-LPZ'")
        assert rows.fetchall() == [("Gobierno Autónomo Departamental de La Paz", "La Paz", None)]
    finally:
        con.close()


def test_comparar_lets_the_user_pick_the_first_entitys_peer_group_and_names_it(grouped):
    at = open_page("comparar", comparar=["DIGEMIG", "ASFI"], periodo="2024")
    assert not at.exception
    chooser = [g for g in at.get("button_group") if g.key == "compare_peer_by"][0]
    assert chooser.value == "level"
    assert "Comparada con la media de las 20 otras entidades del nivel de gobierno «Nivel central»" in texts(at)
    chooser.set_value("complexity").run()
    shown = texts(at)
    assert "Comparada con la media de las 4 otras entidades del grupo de complejidad «B» evaluadas en 2024." in shown
    table = table_with(at, "Media de pares")
    expected = area_means(grouped, [c for c in GROUP_B if c != "DIGEMIG"])
    assert table["Media de pares"].tolist() == [f"{v:.1f}".replace(".", ",") for v in expected]
    at = open_page("comparar", comparar=["RUAT", "ASFI"], periodo="2024")
    [g for g in at.get("button_group") if g.key == "compare_peer_by"][0].set_value("complexity").run()
    assert "hacen falta al menos 3" in texts(at)
    assert table_with(at, "Media de pares")["Media de pares"].tolist() == ["—"] * 5


def test_the_deck_about_one_entity_compares_it_with_the_chosen_group(grouped):
    from egov.export import slides

    con = db.connect(grouped)
    try:
        with db.cursor(con) as cur:
            official = slides.build_deck(cur, "CGE-GE", "2024", entity="DIGEMIG", peer_by="complexity")
            radar = slides.build_deck(cur, "CGE-GE", "2024", entity="DIGEMIG", peer_by="complexity",
                                      include_synthetic=True)
            small = slides.build_deck(cur, "CGE-GE", "2024", entity="RUAT", peer_by="complexity",
                                      only=["entity.radar"], include_synthetic=True)[0]
            default = slides.build_deck(cur, "CGE-GE", "2024", entity="DIGEMIG", only=["entity.radar"])[0]
    finally:
        con.close()
    # The deck about one entity is official: its group's other members are synthetic (the demonstration
    # set), so by default none of them is averaged and nothing on it is marked as demonstration.
    assert official[0].note.startswith("En el grupo de complejidad «B» no hay otra entidad evaluada en 2024")
    assert "Solo registros reales" in official[0].note
    assert official[0].data["peer_score"].isna().all()
    assert not any(s.synthetic or "demostración" in s.source for s in official)
    # Asked to include them, the group's mean comes back and every slide carries the demonstration mark.
    assert radar[0].note.startswith("Comparada con la media de las 4 otras entidades del grupo de complejidad «B»")
    assert radar[0].figure.data[0].name == "media del grupo de complejidad (n = 4)"
    expected = area_means(grouped, [c for c in GROUP_B if c != "DIGEMIG"])
    assert radar[0].data.sort_values("area_order")["peer_score"].tolist() == pytest.approx(expected)
    assert all(s.synthetic and s.source.endswith("Datos de demostración.") for s in radar)
    assert "Solo registros reales" not in radar[0].note
    assert "hacen falta al menos 3" in small.note and small.data["peer_score"].isna().all()
    assert default.note.startswith("Comparado con el promedio de")  # without a choice: as before
