"""The Metodología page (views/metodologia.py) under AppTest: the framework as stored, the
arithmetic rebuilt for one entity, and every column of every import kind."""

from __future__ import annotations

import re

import pytest

from egov import kinds
from tests.support.pages_entity import open_page, table_with, tables, texts


@pytest.fixture
def sample(sample_db, use_db):
    use_db(sample_db)


def test_the_framework_areas_criteria_levels_bands_tools_and_ladder_as_stored(sample):
    at = open_page("metodologia")
    assert not at.exception
    shown = texts(at)
    assert "versión 2025.1" in shown and "`CGE-GE`" in shown
    areas = table_with(at, "Parte del índice")
    assert areas["Código"].tolist() == ["PLAN", "ORG", "INFRA", "PROC", "HERR"]
    assert areas["Parte del índice"].tolist() == ["20,0 %"] * 5
    criteria = [f for f in tables(at) if "Peso en el área" in f.columns]
    assert sum(len(f) for f in criteria) == 29
    described = [m.value for m in at.markdown if m.value.startswith("**PLAN.") or m.value.startswith("**HERR.")
                 or m.value.startswith("**ORG.") or m.value.startswith("**INFRA.") or m.value.startswith("**PROC.")]
    assert len(described) == 29
    plan1 = next(m for m in described if m.startswith("**PLAN.1 ·"))
    assert "- **2 En desarrollo.** El PIIGE fue aprobado por resolución, pero su horizonte ya concluyó" in plan1
    assert sum(m.count("\n- **") for m in described) == 23 * 5 + 6 * 4
    bands = table_with(at, "Rango del índice")
    assert bands["Rango del índice"].tolist() == ["0 ≤ índice < 25", "25 ≤ índice < 50", "50 ≤ índice < 75",
                                                  "75 ≤ índice ≤ 100"]
    assert bands["Grado de madurez"].tolist() == ["Incipiente", "Básico", "Intermedio", "Consolidado"]
    assert "Qué cambió entre versiones del marco" in shown and "PLAN.8 PISLEA aprobado y remitido" in shown
    assert len(table_with(at, "Criterio derivado")) == 8
    ladder = table_with(at, "Requisitos (estado mínimo)")
    assert ladder["Escalón"].tolist() == [0, 1, 2, 3, 4]
    assert ladder["Requisitos (estado mínimo)"].iloc[2] == (
        "Firma digital (Plataforma del Estado) y (Pagos electrónicos (Plataforma del Estado) o "
        "Ciudadanía digital (Plataforma del Estado))")


def test_the_arithmetic_is_written_out_and_rebuilt_for_one_entity(sample):
    at = open_page("metodologia")
    shown = texts(at)
    for words in ("normaliza", "media ponderada", "nunca cuentan como cero", "Cobertura", "comparten la mejor",
                  "estado de adopción"):
        assert words in shown
    at.selectbox(key="method_example_entity").set_value("DIGEMIG").run()
    result = next(m.value for m in at.markdown if "Σ" in m.value)
    rebuilt, stored = re.findall(r"\*\*(\d+,\d\d)\*\*", result)
    assert rebuilt == stored == "46,92"
    assert "18 de 29 criterios evaluados" in result
    example = table_with(at, "Normalizado (0–1)").set_index("Código")
    assert example.loc["PLAN.1", "Normalizado (0–1)"] == "0,5"
    assert example.loc["PLAN.3", "Resultado"] == "Desconocido" and example.loc["PLAN.3", "Normalizado (0–1)"] == "—"


def test_every_column_of_every_import_kind_is_listed_with_its_help(sample):
    at = open_page("metodologia")
    listed = [f for f in tables(at) if "Columna" in f.columns]
    assert len(listed) == len(kinds.KINDS)
    for frame, kind in zip(listed, kinds.KINDS.values()):
        assert frame["Columna"].tolist() == [c.name for c in kind.columns]
        assert frame["Qué poner"].tolist() == [c.help_es for c in kind.columns]
        assert frame["Obligatoria"].tolist() == ["Sí" if c.required else "No" for c in kind.columns]


def test_methodology_in_english(sample):
    at = open_page("metodologia", lang="en")
    assert at.title[0].value == "Methodology"
    assert "never count as zero" in texts(at)
    assert table_with(at, "What to enter")["What to enter"].iloc[0] == kinds.KINDS["entidades"].columns[0].help_en


def test_methodology_on_an_empty_store_still_shows_the_framework(empty_db, use_db):
    use_db(empty_db)
    at = open_page("metodologia")
    assert not at.exception
    assert len(table_with(at, "Parte del índice")) == 5
    assert "Cargue puntajes" in texts(at)  # the worked example needs an assessment
    assert len([f for f in tables(at) if "Columna" in f.columns]) == len(kinds.KINDS)


def test_the_priorities_and_the_criticality_factor_with_its_default_weight(sample):
    from egov import priorities
    at = open_page("metodologia")
    assert not at.exception
    shown = texts(at)
    assert "Cómo se calcula la prioridad" in shown
    body = next(m.value for m in at.markdown if "Criticidad asignada por la institución" in m.value)
    assert "alta 1, media 2/3, baja 1/3" in body and "nunca se toma como «baja»" in body
    weight = priorities.DEFAULT_WEIGHTS["criticidad"]
    assert f"criticidad {weight:.0f}" in body and weight == 2
    assert f"(suman {sum(priorities.DEFAULT_WEIGHTS.values()):.0f})" in body
