"""The default framework reads as a supervisor writes: a descriptor of its own for every criterion and
level, in Spanish and English, in agreement, citing only rules in force for the gestiones it scores,
and grades of the index whose names are not the criterion levels' names."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict

import pytest

from egov import sample, scoring
from egov.i18n import catalogue
from egov.ingest import import_file
from egov.storage import db
from tests.support.spanish import check

FRAMEWORK_FILE = sample.DEFAULT_FRAMEWORK_FILE


def rows(kind: str | None = None) -> list[dict]:
    with FRAMEWORK_FILE.open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if kind is None or r["tipo"] == kind]


def words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.findall(r"[a-z0-9]+", plain)


def template_remainders(levels: list[dict], criteria: dict[str, dict]) -> dict[tuple[str, str], list[str]]:
    """Level descriptor with the criterion's own words taken out -> the criteria whose descriptor it is."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for level in levels:
        crit = criteria[level["codigo"]]
        own = set(words(crit["nombre"])) | set(words(crit["descripcion"]))
        for column in ("descripcion", "descripcion_en"):
            rest = " ".join(w for w in words(level[column]) if w not in own)
            found[(column, rest)].append(level["codigo"])
    return found


def shared(found: dict) -> dict:
    return {k: v for k, v in found.items() if len(set(v)) > 1}


def test_no_two_criteria_share_a_level_descriptor_once_their_own_words_are_taken_out():
    criteria = {r["codigo"]: r for r in rows("criterio")}
    assert shared(template_remainders(rows("nivel"), criteria)) == {}


def test_the_uniqueness_check_finds_a_pasted_template():
    # The generated sentences of version 2024.1: one phrase with the criterion's name pasted in.
    criteria = {"A.1": {"nombre": "Plan aprobado", "descripcion": "Se verifica el plan aprobado."},
                "A.2": {"nombre": "Manual de procesos", "descripcion": "Se verifica el manual de procesos."}}
    levels = [{"codigo": c, "descripcion": f"El {criteria[c]['nombre'].lower()} está formalizado, vigente y se aplica.",
               "descripcion_en": f"The {criteria[c]['nombre'].lower()} is formalised."} for c in criteria]
    assert len(shared(template_remainders(levels, criteria))) == 2


def test_every_criterion_has_a_descriptor_per_level_in_spanish_and_english():
    levels = rows("nivel")
    for crit in rows("criterio"):
        mine = [r for r in levels if r["codigo"] == crit["codigo"]]
        top = int(crit["escala_max"])
        assert [int(r["nivel"]) for r in mine] == list(range(top + 1)), crit["codigo"]
        assert top == (3 if crit["herramienta"] else 4)
        for r in mine:
            assert r["descripcion"] and r["descripcion_en"] and r["descripcion"] != r["descripcion_en"]
        assert crit["descripcion"] and crit["descripcion_en"]
    es = [r["descripcion"] for r in levels]
    assert len(es) == len(set(es))


def test_the_2025_version_has_the_ds_3251_criteria_and_scores_each_rule_once():
    (fw,) = rows("marco")
    assert fw["version"] == "2025.1"
    crit = {r["codigo"]: r for r in rows("criterio")}
    for code in ("PLAN.6", "PLAN.7", "PLAN.8", "ORG.5", "INFRA.6"):
        assert code in crit
    assert "PISLEA" in crit["PLAN.8"]["nombre"] and not crit["PLAN.8"]["herramienta"]
    assert "HERR.5" not in crit and "HERR.8" not in crit
    tool_criteria = {r["herramienta"] for r in crit.values() if r["herramienta"]}
    assert "portal_tramites" not in tool_criteria and "software_libre" not in tool_criteria
    assert {r["area"] for r in crit.values()} == {"PLAN", "ORG", "INFRA", "PROC", "HERR"}
    every_text = " ".join(" ".join(r.values()) for r in rows())
    citing = {r["codigo"] for r in rows() if r["tipo"] in ("criterio", "nivel") and "3525" in " ".join(r.values())}
    assert citing == {"PROC.3"} and "art. 9" in crit["PROC.3"]["nombre"]
    # A version cites only rules in force for the gestiones it scores (DS 5519 is of January 2026).
    assert "5519" not in every_text
    # The PEI in force is the one of the gestión assessed: no fixed years.
    plan2 = " ".join(" ".join(r.values()) for r in rows() if r["codigo"] == "PLAN.2")
    assert not re.search(r"\b20\d\d\b", plan2)
    # Digital signature rests on certificates of an accredited certification entity.
    signature = [r for r in rows() if r["codigo"] in ("HERR.1", "firma_digital") and r["tipo"] != "nivel"]
    assert all("entidad certificadora acreditada" in r["descripcion"] for r in signature)
    assert any("acreditad" in r["descripcion"] for r in rows("escalon") if r["nombre"] == "Solo firma digital")


@pytest.mark.parametrize("wrong", [
    "La articulación del PIIGE con el PEI vigente (2021–2025) está formalizado, vigente y se aplica.",
    "Una cartera de proyectos en la línea Infraestructura y Conectividad del PIGE está formalizado.",
    "La oferta de trámites en línea existe, pero está desactualizado, es parcial o no está formalizado.",
    "El PISLEA está aprobado y remitida a la AGETIC.",
    "Los informes de seguimiento está vigente.",
    "Las entradas verificada se guardan.",
])
def test_the_agreement_check_catches_what_a_pasted_template_writes(wrong):
    assert check(wrong)


@pytest.mark.parametrize("right", [
    "La articulación con el PEI se revisa cada vez que cambia el PEI.",
    "El PIIGE fue aprobado por resolución, pero su horizonte ya concluyó.",
    "La oficina central y parte de las regionales están conectadas de forma segura.",
    "El área está definida en el MOF.",
    "Todas las rondas usan la misma metodología, así que la serie es comparable.",
])
def test_the_agreement_check_accepts_correct_spanish(right):
    assert check(right) == []


def test_the_framework_and_the_catalogue_are_in_agreement():
    texts = [r[c] for r in rows() for c in ("nombre", "descripcion") if r[c]]
    for key, value in catalogue().items():
        texts += [value[i] for i in range(0, len(value), 2)]  # the Spanish ones: (es, en, es, en …)
    problems = [(d.subject, d.predicate, d.why, d.text) for text in texts for d in check(text)]
    assert problems == []


def test_grades_have_names_of_their_own_and_all_criteria_developing_is_not_established(empty_db):
    level_names = {r["nombre"] for r in rows("nivel")}
    grades = [r["nombre"] for r in rows("banda")]
    assert grades and not set(grades) & level_names
    # An entity whose every 0–4 criterion is at «2 — En desarrollo» (and no tool data: HERR unscored).
    graded = [r["codigo"] for r in rows("criterio") if not r["herramienta"]]
    scores = "entidad,gestion,marco,criterio,puntaje\n" + "".join(
        f"MIN-GOB,2025,CGE-GE,{code},2\n" for code in graded)
    con = db.connect(empty_db)
    try:
        entities = sample.DATA_DIR / "sample" / "entidades.csv"
        assert import_file(con, entities.read_bytes(), "entidades.csv").status == "imported"
        assert import_file(con, scores.encode("utf-8"), "desarrollo.csv").status == "imported"
        found = scoring.entity_scores(con.cursor(), "CGE-GE", "2025").iloc[0]
    finally:
        con.close()
    assert found["index_value"] == pytest.approx(50)
    assert found["band_name_es"] == "Intermedio" and found["band_name_es"] not in level_names
