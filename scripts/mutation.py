"""Targeted mutation check: plant small bugs, run the tests that should catch each, list survivors.

Every mutant replaces one exact snippet of one file (a weighted mean by a plain
one, a filter dropped, a comparison turned, a coalesce default changed, a
condition negated) in a private copy of the project, runs the few fast test
files chosen for it (``pytest -x -q``), and counts it *killed* when a test
fails. The working tree is never touched: the copy lives in a temporary
folder and each file is restored after its mutant.

    python scripts/mutation.py                 # every mutant
    python scripts/mutation.py --list          # the catalogue
    python scripts/mutation.py -k area_scores  # mutants whose id contains the text
    python scripts/mutation.py -k compliance.,followup.  # either text
    make mutation

Exit status 1 when a mutant survives or a snippet no longer exists in its file
(the catalogue must follow the code). Not part of ``make test``: a full run
takes tens of minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCORING = ("tests/test_scoring.py", "tests/test_scoring_arithmetic.py")
FOLLOWUP = ("tests/test_followup_core.py",)
STORE = ("tests/test_store.py", "tests/test_import_batches.py")
# test_import_bulk compares the bulk path of score files with the row-by-row one: a mutant in either differs
IMPORT = ("tests/test_import_corpus.py", "tests/test_import_bulk.py")
STREAM = ("tests/test_import_stream.py",)  # the streamed path (egov import of a national file) against both
TOOLS = ("tests/test_scoring.py", "tests/test_scoring_arithmetic.py", "tests/test_entity_core.py")
DECLARED = ("tests/test_declared_verified.py",)
COMPLIANCE = ("tests/test_compliance.py",)
PRIORITIES = ("tests/test_priorities.py",)


@dataclass(frozen=True)
class Mutant:
    id: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]
    kind: str  # weighted mean, filter, comparison, default, constant, condition


def m(id: str, path: str, old: str, new: str, tests: tuple[str, ...], kind: str) -> Mutant:
    return Mutant(id, path, old, new, tests, kind)


MUTANTS: list[Mutant] = [
    # --- scoring SQL -------------------------------------------------------------------------
    m("area_scores.plain_mean", "queries/area_scores.sql",
      "100 * sum(r.weight * r.normalised) FILTER (WHERE r.status = 'evaluado')\n"
      "           / sum(r.weight) FILTER (WHERE r.status = 'evaluado') AS area_score",
      "100 * avg(r.normalised) FILTER (WHERE r.status = 'evaluado') AS area_score", SCORING, "weighted mean"),
    m("area_scores.weights_over_all", "queries/area_scores.sql",
      "/ sum(r.weight) FILTER (WHERE r.status = 'evaluado') AS area_score",
      "/ sum(r.weight) FILTER (WHERE r.status <> 'no_aplica') AS area_score", SCORING, "filter"),
    m("area_scores.raw_not_normalised", "queries/area_scores.sql",
      "sum(r.weight * r.normalised) FILTER", "sum(r.weight * r.score / r.scale_max) FILTER", SCORING,
      "weighted mean"),
    m("area_scores.coverage_no_na_filter", "queries/area_scores.sql",
      "/ nullif(count(*) - count(*) FILTER (WHERE r.status = 'no_aplica'), 0) AS coverage",
      "/ nullif(count(*), 0) AS coverage", SCORING, "filter"),
    m("area_scores.coverage_unknown_out", "queries/area_scores.sql",
      "/ nullif(count(*) - count(*) FILTER (WHERE r.status = 'no_aplica'), 0) AS coverage",
      "/ nullif(count(*) - count(*) FILTER (WHERE r.status IN ('no_aplica', 'desconocido')), 0) AS coverage",
      SCORING, "filter"),
    m("area_scores.na_count_any", "queries/area_scores.sql",
      "count(*) FILTER (WHERE r.status = 'no_aplica') AS criteria_not_applicable",
      "count(*) FILTER (WHERE r.status <> 'evaluado') AS criteria_not_applicable", SCORING, "filter"),
    m("entity_scores.plain_area_mean", "queries/entity_scores.sql",
      "round(sum(area_weight * area_score) FILTER (WHERE area_score IS NOT NULL)\n"
      "                 / sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 2)",
      "round(avg(area_score), 2)", SCORING, "weighted mean"),
    m("entity_scores.missing_area_as_zero", "queries/entity_scores.sql",
      "/ sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 2)", "/ sum(area_weight), 2)", SCORING,
      "filter"),
    m("entity_scores.round_one_decimal", "queries/entity_scores.sql",
      "/ sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 2)",
      "/ sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 1)", SCORING, "constant"),
    m("entity_scores.round_three_decimals", "queries/entity_scores.sql",
      "/ sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 2)",
      "/ sum(area_weight) FILTER (WHERE area_score IS NOT NULL), 3)", SCORING, "constant"),
    m("entity_scores.dense_rank", "queries/entity_scores.sql",
      "THEN rank() OVER", "THEN dense_rank() OVER", SCORING, "comparison"),
    m("entity_scores.rank_ascending", "queries/entity_scores.sql",
      "ORDER BY index_value DESC) END", "ORDER BY index_value ASC) END", SCORING, "comparison"),
    m("entity_scores.coverage_no_na_filter", "queries/entity_scores.sql",
      "r.criteria_assessed / nullif(r.criteria_total - r.criteria_not_applicable, 0) AS coverage",
      "r.criteria_assessed / nullif(r.criteria_total, 0) AS coverage", SCORING, "filter"),
    m("entity_scores.band_lower_exclusive", "queries/entity_scores.sql",
      "r.index_value >= b.lower_bound", "r.index_value > b.lower_bound", SCORING, "comparison"),
    m("entity_scores.band_upper_inclusive", "queries/entity_scores.sql",
      "(r.index_value < b.upper_bound OR", "(r.index_value <= b.upper_bound OR", SCORING, "comparison"),
    m("entity_scores.top_band_open", "queries/entity_scores.sql",
      "OR (r.index_value = b.upper_bound AND b.upper_bound = tb.top))", ")", SCORING, "condition"),
    m("entity_scores.ranked_counts_all", "queries/entity_scores.sql",
      "count(index_value) OVER (PARTITION BY period)", "count(*) OVER (PARTITION BY period)", SCORING,
      "filter"),
    m("entity_scores.rank_over_all_periods", "queries/entity_scores.sql",
      "rank() OVER (PARTITION BY period, index_value IS NULL", "rank() OVER (PARTITION BY index_value IS NULL",
      SCORING, "filter"),
    m("criterion_results.tool_scale_ignores_min", "queries/criterion_results.sql",
      "c.scale_min + (c.scale_max - c.scale_min) * sr.status_value / 3.0 AS score",
      "c.scale_max * sr.status_value / 3.0 AS score", TOOLS, "constant"),
    m("criterion_results.tool_wins_over_explicit", "queries/criterion_results.sql",
      "coalesce(cs.status, ft.status, cd.status, 'sin_dato') AS status,",
      "coalesce(ft.status, cs.status, cd.status, 'sin_dato') AS status,",
      TOOLS, "default"),
    m("criterion_results.missing_is_unknown", "queries/criterion_results.sql",
      "coalesce(cs.status, ft.status, cd.status, 'sin_dato') AS status,",
      "coalesce(cs.status, ft.status, cd.status, 'desconocido') AS status,", SCORING + ("tests/test_entity_core.py",),
      "default"),
    m("criterion_results.planned_is_two", "queries/criterion_results.sql",
      "('planificada', 1), ('propia', 2)", "('planificada', 2), ('propia', 2)", TOOLS, "constant"),
    m("area_by_group.plain_index", "queries/area_by_group.sql",
      "THEN sum(area_weight * area_score) FILTER (WHERE area_score IS NOT NULL)\n"
      "                     / sum(area_weight) FILTER (WHERE area_score IS NOT NULL) END AS index_value",
      "THEN avg(area_score) END AS index_value", SCORING, "weighted mean"),
    m("criteria_failed.at_threshold_fails", "queries/criteria_failed.sql",
      "count(*) FILTER (WHERE r.status = 'evaluado' AND r.normalised < $threshold) AS failing",
      "count(*) FILTER (WHERE r.status = 'evaluado' AND r.normalised <= $threshold) AS failing",
      SCORING + ("tests/test_pages_overview.py",), "comparison"),
    m("tool_ladder.status_strict", "queries/tool_ladder.sql",
      "bool_or(coalesce(ad.status_value, 0) >= q.min_value) AS met",
      "bool_or(coalesce(ad.status_value, 0) > q.min_value) AS met", TOOLS, "comparison"),
    m("tool_ladder.any_group", "queries/tool_ladder.sql",
      "GROUP BY ALL HAVING bool_and(met)", "GROUP BY ALL HAVING bool_or(met)", TOOLS, "condition"),
    m("trend_movers.other_rounds_scored", "queries/trend_movers.sql",
      "WHERE period IN ($from_period, $to_period)", "WHERE period NOT IN ($from_period)",
      ("tests/test_entity_core.py",), "filter"),
    m("trend_movers.change_reversed", "queries/trend_movers.sql",
      "round(t.index_value - f.index_value, 2) AS change", "round(f.index_value - t.index_value, 2) AS change",
      ("tests/test_pages_evolucion.py", "tests/test_entity_core.py"), "comparison"),
    m("trend_series.n_counts_missing", "queries/trend_series.sql",
      "avg(a.area_score), count(a.area_score)", "avg(a.area_score), count(*)",
      ("tests/test_pages_evolucion.py", "tests/test_entity_core.py"), "filter"),
    # --- follow-up SQL and Python -------------------------------------------------------------
    m("rec_current.latest_is_earliest", "queries/recommendation_current.sql",
      "ORDER BY s.status_date DESC, s.recorded_at DESC", "ORDER BY s.status_date ASC, s.recorded_at DESC", FOLLOWUP,
      "comparison"),
    m("rec_current.future_statuses_count", "queries/recommendation_current.sql",
      "WHERE s.status_date <= CAST($as_of AS DATE)", "WHERE true", FOLLOWUP, "filter"),
    m("rec_current.as_of_exclusive", "queries/recommendation_current.sql",
      "WHERE s.status_date <= CAST($as_of AS DATE)", "WHERE s.status_date < CAST($as_of AS DATE)", FOLLOWUP,
      "comparison"),
    m("rec_current.no_status_is_in_process", "queries/recommendation_current.sql",
      "coalesce(l.status, 'pendiente') AS status", "coalesce(l.status, 'en_proceso') AS status", FOLLOWUP,
      "default"),
    m("rec_current.not_met_is_closed", "queries/recommendation_current.sql",
      "status IN ('pendiente', 'en_proceso', 'parcialmente_cumplida', 'no_cumplida') AS is_open",
      "status IN ('pendiente', 'en_proceso', 'parcialmente_cumplida') AS is_open", FOLLOWUP, "filter"),
    m("rec_current.partial_is_met", "queries/recommendation_current.sql",
      "status = 'cumplida' AS is_met", "status IN ('cumplida', 'parcialmente_cumplida') AS is_met", FOLLOWUP,
      "filter"),
    m("rec_current.overdue_on_due_date", "queries/recommendation_current.sql",
      "coalesce(is_open AND due_date < CAST($as_of AS DATE), false) AS is_overdue",
      "coalesce(is_open AND due_date <= CAST($as_of AS DATE), false) AS is_overdue", FOLLOWUP, "comparison"),
    m("rec_current.overdue_ignores_open", "queries/recommendation_current.sql",
      "coalesce(is_open AND due_date < CAST($as_of AS DATE), false) AS is_overdue",
      "coalesce(due_date < CAST($as_of AS DATE), false) AS is_overdue",
      FOLLOWUP, "condition"),
    m("rec_current.history_scope_other_gestion", "queries/recommendation_current.sql",
      "AND (CAST($period AS VARCHAR) IS NULL OR (s.entity_code, s.report_number) IN (\n"
      "               SELECT entity_code, report_number FROM recommendation WHERE period = $period))",
      "AND (CAST($period AS VARCHAR) IS NULL OR (s.entity_code, s.report_number) IN (\n"
      "               SELECT entity_code, report_number FROM recommendation WHERE period < $period))",
      FOLLOWUP, "filter"),
    m("rec_current.schedule_scope_other_entities", "queries/recommendation_current.sql",
      "WHERE (CAST($entities AS VARCHAR[]) IS NULL OR list_contains($entities, entity_code))",
      "WHERE (CAST($entities AS VARCHAR[]) IS NULL OR NOT list_contains($entities, entity_code))",
      FOLLOWUP, "filter"),
    m("rec_tie_back.areas_before_the_round", "queries/recommendation_tie_back.sql",
      "OR period >= $rec_period", "OR period < $rec_period", FOLLOWUP, "comparison"),
    m("rec_summary.share_over_all", "queries/recommendation_summary.sql",
      "count(*) FILTER (WHERE is_met) / nullif(count(*) FILTER (WHERE is_applicable), 0) AS share_met",
      "count(*) FILTER (WHERE is_met) / nullif(count(*), 0) AS share_met", FOLLOWUP, "filter"),
    m("rec_share_met.share_over_all", "queries/recommendation_share_met.sql",
      "count(*) FILTER (WHERE is_met) / nullif(count(*) FILTER (WHERE is_applicable), 0) AS share_met",
      "count(*) FILTER (WHERE is_met) / nullif(count(*), 0) AS share_met", FOLLOWUP, "filter"),
    m("rec_ageing.bucket_edge", "queries/recommendation_ageing.sql",
      "WHEN days_overdue <= 90 THEN '1_90'", "WHEN days_overdue < 90 THEN '1_90'", FOLLOWUP, "comparison"),
    m("rec_tie_back.next_round_any", "queries/recommendation_tie_back.sql",
      "AND a.period > m.period", "AND a.period >= m.period", FOLLOWUP, "comparison"),
    m("rec_tie_back.outcome_reversed", "queries/recommendation_tie_back.sql",
      "WHEN change > 0 THEN 'mejoro'", "WHEN change < 0 THEN 'mejoro'", FOLLOWUP, "comparison"),
    m("followup.future_date_allowed", "egov/followup.py",
      "    if status_date > today:", "    if status_date > date.max:", FOLLOWUP, "comparison"),
    m("followup.na_without_evidence", "egov/followup.py",
      "    if status == NOT_APPLICABLE and not (evidence or \"\").strip():",
      "    if status == NOT_APPLICABLE and not (evidence or \"x\").strip():", FOLLOWUP, "default"),
    m("followup.before_issue_allowed", "egov/followup.py",
      "        if status_date < issued:", "        if status_date < date.min:", FOLLOWUP,
      "comparison"),
    m("followup.same_date_allowed", "egov/followup.py",
      "    if status_date in {pd.Timestamp(d).date() for d in recorded}:", "    if False:", FOLLOWUP, "condition"),
    m("followup.overwrite_allowed", "egov/followup.py",
      "batch_id = store.write_batch(con, info, frames, allow_changes=False)",
      "batch_id = store.write_batch(con, info, frames, allow_changes=True)", FOLLOWUP, "constant"),
    # --- store: write and undo -----------------------------------------------------------------
    m("store.changed_never_seen", "egov/storage/store.py",
      "f\" (o.{first_key} IS NOT NULL AND ({diff})) AS is_changed\"", "f\" false AS is_changed\"", STORE,
      "condition"),
    m("store.no_before_image", "egov/storage/store.py",
      "f\" CASE WHEN c.is_new THEN NULL ELSE to_json(o) END,\"", "f\" NULL,\"", STORE, "default"),
    m("store.changes_unconfirmed_pass", "egov/storage/store.py",
      "if counts.changed and not allow_changes:", "if counts.changed and allow_changes is None:", STORE,
      "condition"),
    m("store.duplicate_not_refused", "egov/storage/store.py",
      "            if previous is not None:\n                raise AlreadyImported(previous)",
      "            if previous is None and False:\n                raise AlreadyImported(previous)", STORE,
      "condition"),
    m("store.undo_keeps_new_rows", "egov/storage/store.py",
      "                cur.execute(\n                    f\"DELETE FROM {_q(spec.name)} WHERE ({keys}) IN (\"",
      "                cur.execute(\n                    f\"DELETE FROM {_q(spec.name)} WHERE false AND ({keys}) IN (\"",
      STORE, "condition"),
    m("store.undo_ignores_later_batches", "egov/storage/store.py",
      "            if later:\n                ids", "            if later and False:\n                ids", STORE,
      "condition"),
    m("store.undo_twice", "egov/storage/store.py",
      "            if found[0][0] is not None:\n                raise StoreError(f\"El lote {batch_id} ya fue deshecho.\")",
      "            if False:\n                raise StoreError(f\"El lote {batch_id} ya fue deshecho.\")", STORE,
      "condition"),
    m("store.undo_keeps_live_sha", "egov/storage/store.py",
      "undone_by = ?, live_sha256 = NULL\"", "undone_by = ?\"", STORE, "default"),
    m("store.no_integrity_check", "egov/storage/store.py",
      "    orphans = sql.run(cur, \"integrity_orphans\")\n    if not orphans.empty:",
      "    orphans = sql.run(cur, \"integrity_orphans\")\n    if False:", STORE, "condition"),
    # --- import: validation and parsing ---------------------------------------------------------
    m("validate.scale_upper_open", "egov/ingest/validate.py",
      "not criterion[2] <= score <= criterion[3]", "not criterion[2] <= score < criterion[3]", IMPORT,
      "comparison"),
    m("validate.scale_lower_open", "egov/ingest/validate.py",
      "not criterion[2] <= score <= criterion[3]", "not criterion[2] < score <= criterion[3]", IMPORT,
      "comparison"),
    m("validate.status_with_score", "egov/ingest/validate.py",
      "elif status in (\"desconocido\", \"no_aplica\", \"limitacion\") and score is not None:",
      "elif status in (\"desconocido\", \"limitacion\") and score is not None:", IMPORT, "condition"),
    m("validate.zero_weight", "egov/ingest/validate.py",
      "(value < 0 or (value == 0 and not allow_zero))", "(value < 0)", IMPORT + STORE, "comparison"),
    m("validate.band_overlap", "egov/ingest/validate.py",
      "            if current[0] < previous[1]:", "            if current[0] < previous[1] - 1:", IMPORT,
      "comparison"),
    m("validate.future_date", "egov/ingest/validate.py",
      "if value is not None and value > today:", "if value is not None and False:",
      IMPORT, "condition"),
    m("validate.na_followup_without_evidence", "egov/ingest/validate.py",
      "if values[\"estado\"] == \"no_aplicable\" and not values[\"evidencia\"]:",
      "if values[\"estado\"] == \"no_aplicable\" and values[\"evidencia\"] is False:", IMPORT, "condition"),
    m("validate.duplicates_pass", "egov/ingest/validate.py",
      "            if key in first:\n", "            if key in first and False:\n", IMPORT, "condition"),
    m("bulk.scale_upper_open", "queries/import_score_rules.sql",
      "NOT (scale_min <= puntaje AND puntaje <= scale_max)", "NOT (scale_min <= puntaje AND puntaje < scale_max)",
      IMPORT, "comparison"),
    m("bulk.duplicates_pass", "queries/import_score_duplicates.sql",
      "WHERE r.idx <> r.first_idx", "WHERE r.idx <> r.first_idx AND false", IMPORT, "condition"),
    m("stream.chunk_offset_lost", "egov/ingest/stream.py",
      "report = bulk.Report(parsed, offset=count)", "report = bulk.Report(parsed, offset=0)", STREAM, "constant"),
    m("stream.problems_uncapped", "egov/ingest/stream.py",
      "    if len(problems) < MAX_PROBLEMS:\n", "    if True:\n", STREAM, "condition"),
    m("parse.year_range", "egov/ingest/parse.py",
      "if not 1900 <= year <= 2100:", "if not 1000 <= year <= 9999:", IMPORT, "constant"),
    # --- declared vs verified, minimum coverage (issue 16) --------------------------------------
    m("criterion_results.declared_wins", "queries/criterion_results.sql",
      "       (CASE WHEN cs.status IS NOT NULL THEN cs.score WHEN ft.status IS NOT NULL THEN ft.score ELSE cd.score END\n"
      "           - c.scale_min) / (c.scale_max - c.scale_min) AS normalised,",
      "       (CASE WHEN cd.status IS NOT NULL THEN cd.score WHEN cs.status IS NOT NULL THEN cs.score ELSE ft.score END\n"
      "           - c.scale_min) / (c.scale_max - c.scale_min) AS normalised,", DECLARED + SCORING, "default"),
    m("criterion_results.declared_counts_as_verified", "queries/criterion_results.sql",
      "            WHEN cd.status IS NOT NULL THEN 'declarado' END AS source,",
      "            WHEN cd.status IS NOT NULL THEN 'verificado' END AS source,", DECLARED, "constant"),
    m("entity_scores.min_coverage_inclusive", "queries/entity_scores.sql",
      "                     >= m.min_coverage THEN c.index_computed END AS index_value",
      "                     > m.min_coverage THEN c.index_computed END AS index_value", DECLARED + SCORING, "comparison"),
    m("entity_scores.min_coverage_ignored", "queries/entity_scores.sql",
      "    SELECT coalesce(min_coverage, 0) AS min_coverage FROM framework WHERE framework_code = $framework",
      "    SELECT 0 AS min_coverage FROM framework WHERE framework_code = $framework", DECLARED + SCORING, "default"),
    # --- compliance with recommendations (issue 17) --------------------------------------------
    m("compliance.partial_full_credit", "queries/compliance_by_entity.sql",
      "WHEN status = 'parcialmente_cumplida' THEN CAST($partial_credit AS DOUBLE)",
      "WHEN status = 'parcialmente_cumplida' THEN 1.0", COMPLIANCE, "constant"),
    m("compliance.not_applicable_counted", "queries/compliance_by_entity.sql",
      "WHEN status = 'no_cumplida' OR is_overdue THEN 0.0 END AS credit",
      "WHEN status IN ('no_cumplida', 'no_aplicable') OR is_overdue THEN 0.0 END AS credit", COMPLIANCE, "filter"),
    m("compliance.overdue_not_zero", "queries/compliance_by_entity.sql",
      "WHEN status = 'no_cumplida' OR is_overdue THEN 0.0 END AS credit",
      "WHEN status = 'no_cumplida' THEN 0.0 END AS credit", COMPLIANCE, "condition"),
    m("compliance.deadline_day_late", "queries/compliance_by_entity.sql",
      "m.met_date <= due_date AS met_on_time", "m.met_date < due_date AS met_on_time", COMPLIANCE, "comparison"),
    m("compliance.degree_weight_swapped", "queries/compliance_by_entity.sql",
      "ELSE CAST($degree_weight AS DOUBLE) * degree + (1 - CAST($degree_weight AS DOUBLE)) * timeliness",
      "ELSE CAST($degree_weight AS DOUBLE) * timeliness + (1 - CAST($degree_weight AS DOUBLE)) * degree",
      COMPLIANCE, "weighted mean"),
    m("compliance.met_since_first_ever", "queries/compliance_by_entity.sql",
      "      AND (r.last_other IS NULL OR s.status_date > r.last_other)",
      "      AND (r.last_other IS NULL OR s.status_date > r.last_other OR true)", COMPLIANCE, "filter"),
    # --- priorities (issue 17) -----------------------------------------------------------------
    m("priorities.unknown_criticality_is_low", "egov/priorities.py",
      '"f_criticidad": CRITICALITY_VALUES.get(r["criticality"], 0.0),',
      '"f_criticidad": CRITICALITY_VALUES.get(r["criticality"], 1 / 3),', PRIORITIES, "default"),
    m("priorities.never_supervised_is_recent", "egov/priorities.py",
      '"f_tiempo": 1.0 if last is None else _cap(years / YEARS_FULL),',
      '"f_tiempo": 0.0 if last is None else _cap(years / YEARS_FULL),', PRIORITIES, "default"),
    m("priorities.weights_ignored", "egov/priorities.py",
      "parts = pd.DataFrame({f: weights.values[f] * out[f\"f_{f}\"].astype(float) for f in FACTORS})",
      "parts = pd.DataFrame({f: out[f\"f_{f}\"].astype(float) for f in FACTORS})", PRIORITIES, "weighted mean"),
]


def project_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                         check=True, capture_output=True).stdout.decode()
    return [p for p in out.split("\0") if p and (ROOT / p).is_file()]


def make_copy(target: Path) -> None:
    for rel in project_files():
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest)


def run_tests(copy: Path, tests: tuple[str, ...], timeout: float) -> tuple[str, float, str]:
    """'killed' when a test fails, 'survived' when all pass, 'timeout' (counted as killed)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("EGOV_DB", None)
    start = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                               "-m", "not browser", *tests], cwd=copy, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - start, ""
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    last = lines[-1] if lines else proc.stderr.strip()[-200:]
    failed = next((line.split(" ", 1)[1] for line in lines if line.startswith("FAILED ")), last)
    return ("survived" if proc.returncode == 0 else "killed"), time.monotonic() - start, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", dest="select", help="only mutants whose id contains this text (several: comma-separated)")
    parser.add_argument("--list", action="store_true", help="print the catalogue and stop")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per mutant (default 1200)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated run of the test files")
    args = parser.parse_args(argv)
    wanted = [part.strip() for part in (args.select or "").split(",") if part.strip()]
    chosen = [mu for mu in MUTANTS if not wanted or any(part in mu.id for part in wanted)]
    if args.list:
        for mu in chosen:
            print(f"{mu.id:45} {mu.kind:14} {mu.path}  <- {' '.join(mu.tests)}")
        return 0
    stale = [mu for mu in chosen if (ROOT / mu.path).read_text(encoding="utf-8").count(mu.old) != 1]
    for mu in stale:
        print(f"STALE {mu.id}: the snippet is not exactly once in {mu.path}", flush=True)
    chosen = [mu for mu in chosen if mu not in stale]
    results: list[tuple[Mutant, str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="egov-mutation-") as folder:
        copy = Path(folder)
        make_copy(copy)
        if not args.no_baseline:
            files = tuple(sorted({t for mu in chosen for t in mu.tests}))
            outcome, seconds, detail = run_tests(copy, files, args.timeout * 3)
            print(f"baseline ({len(files)} files): {'green' if outcome == 'survived' else outcome} "
                  f"in {seconds:.0f} s", flush=True)
            if outcome != "survived":
                print(f"the unmutated tests fail ({detail}); fix them first", flush=True)
                return 2
        for n, mu in enumerate(chosen, 1):
            path = copy / mu.path
            original = path.read_text(encoding="utf-8")
            path.write_text(original.replace(mu.old, mu.new, 1), encoding="utf-8")
            try:
                outcome, seconds, detail = run_tests(copy, mu.tests, args.timeout)
            finally:
                path.write_text(original, encoding="utf-8")
            results.append((mu, outcome, seconds, detail))
            print(f"[{n}/{len(chosen)}] {outcome:8} {seconds:5.0f} s  {mu.id}"
                  + (f"  ({detail})" if outcome == "killed" else ""), flush=True)
    survivors = [r for r in results if r[1] == "survived"]
    killed = len(results) - len(survivors)
    print(f"\n{killed} of {len(results)} mutants killed; {len(survivors)} survived; {len(stale)} stale")
    for mu, _, _, _ in survivors:
        print(f"SURVIVED {mu.id} ({mu.kind}) in {mu.path}: {mu.old.strip()!r} -> {mu.new.strip()!r}")
    return 1 if survivors or stale else 0


if __name__ == "__main__":
    sys.exit(main())
