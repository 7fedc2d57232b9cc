"""How much a position depends on the method: what-if weights and uncertainty ranges.

Everything here works on one matrix read from the stored criterion results
(``queries/criterion_results.sql``): assessments (entity × round) × criteria,
each cell the normalised score (0–1) or a status (unknown, not applicable, no
data). Nothing in the store changes.

**The official arithmetic, vectorised.** Exactly as ``area_scores.sql`` and
``entity_scores.sql``: area score = 100 × weighted mean of the criteria
assessed in the area (no criterion assessed → no score, never zero); index =
weighted mean of the areas that have a score, rounded to two decimals (half
away from zero, as DuckDB's ``round``); competition rank within the round on
the rounded index (ties share the best rank); band = the one whose
``[lower, upper)`` holds the index (the top band includes its upper bound).
With the framework's own weights :func:`whatif` returns the official indices
(tested on the sample).

**Uncertainty runs** (:func:`uncertainty`), in the spirit of the JRC/OECD
handbook on composite indicators:

* each run multiplies every area weight by an independent uniform factor in
  ``[1 − spread, 1 + spread]`` (default ±50 %). Uniform and independent
  because the framework gives no reason to believe one area's weight more
  than another's, and multiplicative so that a weight never turns negative
  and equal official weights vary alike (``spread`` ≤ 1);
* each criterion without a result (``desconocido``, or no data) is filled
  with a value drawn uniformly between the lowest and the highest level of
  its scale (0–1 normalised); «no aplica» stays out, as in the official
  index. The official index leaves those criteria out, so filling them is
  the treatment of missing data being varied;
* runs are drawn from ``numpy.random.default_rng(seed)`` in fixed-size
  chunks, so the same seed and data give the same figures on any machine.

Per entity: the 5th–95th percentile of its index and of its position over
the runs, each widened to include the official value when the runs fall on
one side of it (the interval is meant to say where the entity could be,
and the official figure is one of those places); and the share of runs in
which it keeps its official band. Entities whose position intervals overlap
are shown as tied (:func:`tied_positions`); the official position stays in
the data beside it. Overlap is not transitive, so tie groups are anchored on the entity that opens
each one, walking down the official positions (:func:`tie_group_ids`). Only entities with an
official index take part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from egov import scoring
from egov.storage import sql
from egov.storage.db import Connection

DEFAULT_SPREAD = 0.5
DEFAULT_RUNS = 1000
DEFAULT_SEED = 20241212  # the seed report's issue date: any fixed number would do
PERCENTILES = (5.0, 95.0)
_CHUNK = 50  # runs drawn at a time: bounds memory (chunk × entities × criteria floats)


class WeightError(ValueError):
    """A what-if weight that names no area/criterion of the framework, or is negative."""


@dataclass
class Matrix:
    """The stored criterion results of one framework as arrays (rows = assessments)."""

    framework: str
    rows: pd.DataFrame  # entity_code, period + entity facts + official index, rank, band
    area_codes: list[str]
    area_names_es: list[str]
    area_names_en: list[str]
    area_weights: np.ndarray  # (A,)
    criterion_codes: list[str]
    criterion_area: np.ndarray  # (C,) index into area_codes
    criterion_weights: np.ndarray  # (C,)
    normalised: np.ndarray  # (R, C): the normalised score where assessed, else NaN
    not_applicable: np.ndarray  # (R, C) bool
    bands: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def assessed(self) -> np.ndarray:
        return ~np.isnan(self.normalised)

    @property
    def unknown(self) -> np.ndarray:
        """Criteria with no result that could have one: neither assessed nor «no aplica»."""
        return ~self.assessed & ~self.not_applicable

    def official_weights(self) -> tuple[dict[str, float], dict[str, float]]:
        return (dict(zip(self.area_codes, self.area_weights.tolist())),
                dict(zip(self.criterion_codes, self.criterion_weights.tolist())))


def load(cur: Connection, framework: str, period: str | None = None) -> Matrix:
    """Read the matrix for one framework (one round, or every round with ``period=None``)."""
    results = scoring.criterion_results(cur, framework, period)
    areas = sql.run(cur, "framework_areas", framework=framework)
    criteria = sql.run(cur, "framework_criteria", framework=framework)
    bands = sql.run(cur, "framework_bands", framework=framework)
    official = scoring.entity_scores(cur, framework, period)
    area_codes = areas["area_code"].tolist()
    crit_codes = criteria["criterion_code"].tolist()
    keys = official[["entity_code", "period"]]
    if results.empty:
        normalised = np.full((len(keys), len(crit_codes)), np.nan)
        not_applicable = np.zeros_like(normalised, dtype=bool)
    else:
        results = results.assign(value=results["normalised"].where(results["status"] == "evaluado"),
                                 na=results["status"] == "no_aplica")
        # One row per assessment and criterion (criterion_results.sql): a plain unstack, no aggregation.
        keyed = results.set_index(["entity_code", "period", "criterion_code"])
        wide = keyed["value"].astype(float).unstack("criterion_code")
        na = keyed["na"].astype(float).unstack("criterion_code") > 0
        index = pd.MultiIndex.from_frame(keys)
        normalised = wide.reindex(index=index, columns=crit_codes).to_numpy(dtype=float)
        not_applicable = na.reindex(index=index, columns=crit_codes).fillna(False).to_numpy(dtype=bool)
    position = {code: i for i, code in enumerate(area_codes)}
    return Matrix(framework=framework, rows=official.reset_index(drop=True), area_codes=area_codes,
                  area_names_es=areas["name_es"].tolist(), area_names_en=areas["name_en"].tolist(),
                  area_weights=areas["weight"].to_numpy(dtype=float), criterion_codes=crit_codes,
                  criterion_area=np.array([position[a] for a in criteria["area_code"]], dtype=int),
                  criterion_weights=criteria["weight"].to_numpy(dtype=float), normalised=normalised,
                  not_applicable=not_applicable, bands=bands)


# --- the arithmetic -------------------------------------------------------------------------------


def round2(values: np.ndarray) -> np.ndarray:
    """Two decimals, half away from zero (DuckDB's ``round`` on a double), NaN kept."""
    return np.sign(values) * np.floor(np.abs(values) * 100.0 + 0.5) / 100.0


def _onehot(m: Matrix, criterion_weights: np.ndarray) -> np.ndarray:
    """(C, A): each criterion's weight in its area's column."""
    out = np.zeros((len(m.criterion_codes), len(m.area_codes)))
    out[np.arange(len(m.criterion_codes)), m.criterion_area] = criterion_weights
    return out


def area_scores(m: Matrix, criterion_weights: np.ndarray | None = None) -> np.ndarray:
    """(R, A) area scores 0–100: weighted mean of the assessed criteria; NaN where none is."""
    w = _onehot(m, m.criterion_weights if criterion_weights is None else criterion_weights)
    assessed = m.assessed
    num = np.where(assessed, m.normalised, 0.0) @ w
    den = assessed.astype(float) @ w
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, 100.0 * num / np.where(den > 0, den, 1.0), np.nan)


def index_values(areas: np.ndarray, area_weights: np.ndarray) -> np.ndarray:
    """Index (…, R): weighted mean of the areas with a score, rounded to two decimals.

    ``areas`` is (R, A) or (runs, R, A); ``area_weights`` is (A,) or (runs, A).
    No area with a score and a positive weight → NaN (no index, never zero).
    """
    scored = ~np.isnan(areas)
    weights = area_weights if area_weights.ndim == 1 else area_weights[:, None, :]
    num = np.where(scored, areas, 0.0) * weights
    den = scored * weights
    num, den = num.sum(axis=-1), den.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return round2(np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan))


def ranks(index: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
    """Competition rank (1 = highest; ties share the best rank) along the last axis; NaN stays NaN.

    ``groups`` (one label per row) ranks within each group (the round); ``index`` may be
    (R,) or (runs, R).
    """
    values = np.atleast_2d(index)
    out = np.full(values.shape, np.nan)
    labels = np.zeros(values.shape[-1], dtype=int) if groups is None else pd.factorize(groups)[0]
    for label in np.unique(labels):
        cols = np.flatnonzero(labels == label)
        out[:, cols] = _competition_rank(values[:, cols])
    return out.reshape(np.shape(index))


_CENTS = 10_000  # an index runs from 0 to 100 in hundredths (``round2``)
_CENTS_CHUNK = 64  # runs counted at once: 64 × 10,001 counts stay a few MB


def _competition_rank(values: np.ndarray) -> np.ndarray:
    """Row-wise 1 + the number of strictly greater values (NaN stays NaN)."""
    by_cents = _rank_by_cents(values)
    return by_cents if by_cents is not None else _rank_by_sort(values)


def _rank_by_cents(values: np.ndarray) -> np.ndarray | None:
    """``_competition_rank`` by counting, when every value is a whole number of hundredths in 0–100.

    Indices are rounded to two decimals, so a run holds at most 10,001 distinct values: count each
    run's values per hundredth, and the values above a hundredth are a cumulative sum from the top.
    Linear in the entities, where sorting each run was most of the uncertainty runs' time at
    national size. None when some value is not such a number (then ``_rank_by_sort``).
    """
    valid = ~np.isnan(values)
    cents = np.rint(np.where(valid, values, 0.0) * 100.0)
    if not (np.all((cents >= 0) & (cents <= _CENTS)) and np.array_equal(cents[valid] / 100.0, values[valid])):
        return None
    keys = cents.astype(np.int64)
    out = np.full(values.shape, np.nan)
    for start in range(0, len(values), _CENTS_CHUNK):
        rows = slice(start, start + _CENTS_CHUNK)
        part, ok = keys[rows], valid[rows]
        shifted = part + np.arange(len(part))[:, None] * (_CENTS + 1)
        counts = np.bincount(shifted[ok], minlength=len(part) * (_CENTS + 1)).reshape(len(part), _CENTS + 1)
        at_least = counts[:, ::-1].cumsum(axis=1)[:, ::-1]  # values >= each hundredth
        above = np.take_along_axis(at_least - counts, part, axis=1)  # values strictly above
        out[rows] = np.where(ok, above + 1.0, np.nan)
    return out


def _rank_by_sort(values: np.ndarray) -> np.ndarray:
    """``_competition_rank`` for any values.

    One sort per row and one search per row: its sorted copy stays in the processor's cache. One
    search of every row at once in a flat array (each row shifted into its own range) was seven
    times slower on 1,000 runs of 10,000 entities, the accesses scattered over the whole array."""
    runs, n = values.shape
    valid = ~np.isnan(values)
    filled = np.where(valid, values, -np.inf)
    ordered = np.sort(filled, axis=1)
    above = np.empty((runs, n))
    for row in range(runs):
        above[row] = n - np.searchsorted(ordered[row], filled[row], side="right")
    return np.where(valid, above + 1.0, np.nan)


def band_index(m: Matrix, index: np.ndarray) -> np.ndarray:
    """Position of each index's band in ``m.bands`` (-1 when none holds it or no index)."""
    out = np.full(index.shape, -1, dtype=int)
    for i, b in enumerate(m.bands.itertuples()):
        inside = (index >= b.lower_bound) & ((index < b.upper_bound) | (bool(b.is_top) & (index == b.upper_bound)))
        out = np.where(inside & (out < 0), i, out)
    return out


# --- what-if weights ------------------------------------------------------------------------------


def resolve_weights(m: Matrix, area_weights: Mapping[str, float] | None = None,
                    criterion_weights: Mapping[str, float] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The official weight arrays with the what-if ones put in; unknown codes and negatives refused."""
    areas, crits = m.area_weights.copy(), m.criterion_weights.copy()
    for given, codes, target, what in ((area_weights, m.area_codes, areas, "área"),
                                       (criterion_weights, m.criterion_codes, crits, "criterio")):
        for code, weight in (given or {}).items():
            if code not in codes:
                raise WeightError(f"el {what} «{code}» no es del marco {m.framework}; use uno de: "
                                  + ", ".join(codes))
            if not np.isfinite(weight) or weight < 0:
                raise WeightError(f"el peso del {what} {code} debe ser un número mayor o igual a 0 "
                                  f"(se escribió {weight})")
            target[codes.index(code)] = float(weight)
    if not (areas > 0).any():
        raise WeightError("al menos un área debe tener un peso mayor que 0")
    return areas, crits


def whatif(m: Matrix, area_weights: Mapping[str, float] | None = None,
           criterion_weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Every assessment's index, rank and band under the given weights, beside the official ones.

    Columns added to ``m.rows``: ``whatif_index``, ``whatif_rank``, ``whatif_band_code``,
    ``whatif_band_name_es/en``, ``index_change`` and ``rank_change`` (positive = climbs), plus
    one column per area with its what-if score.
    """
    aw, cw = resolve_weights(m, area_weights, criterion_weights)
    areas = area_scores(m, cw)
    index = index_values(areas, aw)
    rank = ranks(index, m.rows["period"].to_numpy())
    bands = band_index(m, index)
    out = m.rows.copy()
    out["whatif_index"] = index
    out["whatif_rank"] = pd.array(np.where(np.isnan(rank), np.nan, rank), dtype="Float64").astype("Int64")
    codes = m.bands["band_code"].tolist() if not m.bands.empty else []
    for lc in ("es", "en"):
        names = m.bands[f"name_{lc}"].tolist() if not m.bands.empty else []
        out[f"whatif_band_name_{lc}"] = [names[b] if b >= 0 else None for b in bands]
    out["whatif_band_code"] = [codes[b] if b >= 0 else None for b in bands]
    out["index_change"] = out["whatif_index"] - out["index_value"].astype(float)
    out["rank_change"] = out["rank_in_period"].astype("Float64") - out["whatif_rank"].astype("Float64")
    for j, code in enumerate(m.area_codes):
        out[f"area_{code}"] = areas[:, j]
    return out


def movers(table: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The entities whose position moves most under the what-if weights (either way), biggest first."""
    moved = table.dropna(subset=["rank_change"])
    moved = moved[moved["rank_change"] != 0]
    order = moved["rank_change"].abs().astype(float).sort_values(ascending=False, kind="stable").index
    return moved.loc[order].head(n)


# --- uncertainty runs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """One uncertainty analysis: how many runs, how far the weights move, and the seed."""

    runs: int = DEFAULT_RUNS
    spread: float = DEFAULT_SPREAD
    seed: int = DEFAULT_SEED
    fill_unknown: bool = True

    def __post_init__(self):
        if not 0 <= self.spread <= 1:
            raise WeightError(f"el rango de variación de los pesos debe estar entre 0 y 1 (se dio {self.spread})")
        if self.runs < 1:
            raise WeightError("hace falta al menos una corrida")


def simulate(m: Matrix, settings: Settings = Settings()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(runs, R) indices, ranks and band positions; rows without an official index are NaN/-1.

    The rows of ``m`` must be one round (ranks are over all of them).
    """
    rng = np.random.default_rng(settings.seed)
    w = _onehot(m, m.criterion_weights)
    assessed, unknown = m.assessed, m.unknown & settings.fill_unknown
    official = ~np.isnan(m.rows["index_value"].to_numpy(dtype=float))
    known_num = np.where(assessed, m.normalised, 0.0) @ w  # (R, A)
    den = (assessed | unknown).astype(float) @ w  # filled criteria count as assessed
    n_rows, n_areas = known_num.shape
    # Each unknown cell adds (its drawn value × its criterion's weight) to one (row, area) sum: a
    # bincount over flat (run, row, area) positions does it for a whole chunk without a dense draw.
    cell_row, cell_crit = np.nonzero(unknown)
    cell_at = cell_row * n_areas + m.criterion_area[cell_crit]
    cell_weight = m.criterion_weights[cell_crit]
    indices = np.empty((settings.runs, n_rows))
    done = 0
    while done < settings.runs:
        size = min(_CHUNK, settings.runs - done)
        factors = rng.uniform(1 - settings.spread, 1 + settings.spread, size=(size, n_areas))
        num = np.broadcast_to(known_num, (size, n_rows, n_areas))
        if len(cell_at):
            fill = rng.uniform(0.0, 1.0, size=(size, len(cell_at)))
            at = (np.arange(size)[:, None] * (n_rows * n_areas) + cell_at[None, :]).ravel()
            added = np.bincount(at, weights=(fill * cell_weight[None, :]).ravel(), minlength=size * n_rows * n_areas)
            num = num + added.reshape(size, n_rows, n_areas)
        with np.errstate(invalid="ignore", divide="ignore"):
            areas = np.where(den > 0, 100.0 * num / np.where(den > 0, den, 1.0), np.nan)
        indices[done:done + size] = index_values(areas, m.area_weights[None, :] * factors)
        done += size
    indices[:, ~official] = np.nan
    run_ranks = _competition_rank(indices)
    return indices, run_ranks, band_index(m, indices)


def uncertainty(m: Matrix, settings: Settings = Settings()) -> pd.DataFrame:
    """Per entity of one round: index and position intervals, share of runs keeping its band, ties.

    Columns added to ``m.rows``: ``index_p05``, ``index_p95`` (raw percentiles), ``index_low``,
    ``index_high`` (the interval, widened to hold the official value), ``rank_p05``, ``rank_p95``,
    ``rank_low``, ``rank_high``, ``band_kept`` (0–1), ``tied_rank``, ``tied_with`` (how many others).
    """
    if m.rows["period"].nunique() > 1:
        raise ValueError("the uncertainty runs work on one round at a time")
    indices, run_ranks, bands = simulate(m, settings)
    out = m.rows.copy()
    official = out["index_value"].to_numpy(dtype=float)
    official_rank = out["rank_in_period"].to_numpy(dtype=float)
    has = ~np.isnan(official)
    lo, hi = PERCENTILES
    # Filling only adds assessed criteria and weights stay positive: an entity with an official index
    # has one in every run, so plain percentiles (no NaN handling) are exact here.
    ip = np.percentile(np.where(has, indices, 0.0), [lo, hi], axis=0)
    rp = np.percentile(np.where(has, run_ranks, 0.0), [lo, hi], axis=0, method="nearest")
    nan = np.where(has, 1.0, np.nan)
    out["index_p05"], out["index_p95"] = ip[0] * nan, ip[1] * nan
    out["index_low"] = np.fmin(ip[0], official) * nan
    out["index_high"] = np.fmax(ip[1], official) * nan
    out["rank_p05"], out["rank_p95"] = rp[0] * nan, rp[1] * nan
    out["rank_low"] = np.fmin(rp[0], official_rank) * nan
    out["rank_high"] = np.fmax(rp[1], official_rank) * nan
    official_band = band_index(m, official)
    out["band_kept"] = np.where(has, (bands == official_band[None, :]).mean(axis=0), np.nan)
    tied_rank, tied_with = tied_positions(out["rank_low"].to_numpy(), out["rank_high"].to_numpy(), official_rank)
    out["tied_rank"] = pd.array(tied_rank, dtype="Float64").astype("Int64")
    out["tied_with"] = pd.array(tied_with, dtype="Float64").astype("Int64")
    out.attrs.update(runs=settings.runs, spread=settings.spread, seed=settings.seed)
    return out


def tie_group_ids(low: np.ndarray, high: np.ndarray, official: np.ndarray) -> np.ndarray:
    """A tie group for each entity (-1 without an interval), in official order.

    Walking down the official positions, an entity joins the group of the entity that opened the
    current group (its leader) when their position intervals overlap; otherwise it opens a new group.
    Overlap is not transitive (A may overlap B and B overlap C while A and C do not), so groups are
    anchored on their leader: every member's interval overlaps the leader's, and a display shows every
    member at the leader's official position — one consistent tie, as the official ranking shares
    the best position among equal indices.
    """
    groups = np.full(len(low), -1, dtype=int)
    valid = ~np.isnan(low) & ~np.isnan(official)
    leader, current = -1, -1
    for i in sorted(np.flatnonzero(valid), key=lambda j: (official[j], j)):
        if leader >= 0 and low[i] <= high[leader] and low[leader] <= high[i]:
            groups[i] = current
        else:
            leader, current = i, current + 1
            groups[i] = current
    return groups


def tied_positions(low: np.ndarray, high: np.ndarray, official: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The position shown for each entity (its tie group's best official position) and how many
    others share its group; NaN for entities without an interval (see :func:`tie_group_ids`)."""
    groups = tie_group_ids(low, high, official)
    shown = np.full(len(low), np.nan)
    others = np.full(len(low), np.nan)
    for g in np.unique(groups[groups >= 0]):
        members = groups == g
        shown[members] = np.nanmin(official[members])
        others[members] = members.sum() - 1
    return shown, others


def tie_members(table: pd.DataFrame) -> list[list[str]]:
    """The entity codes of each tie group, in the table's order (entities without an interval in none)."""
    groups = tie_group_ids(table["rank_low"].to_numpy(dtype=float), table["rank_high"].to_numpy(dtype=float),
                           table["rank_in_period"].to_numpy(dtype=float))
    members: dict[int, list[str]] = {}  # one pass (a scan per entity is 10⁸ comparisons at national size)
    for code, group in zip(table["entity_code"], groups.tolist()):
        if group >= 0:
            members.setdefault(group, []).append(code)
    return list(members.values())


def tie_groups(table: pd.DataFrame) -> dict[str, list[str]]:
    """Entity code -> the codes of the other entities shown tied with it (its tie group)."""
    return {code: group[:k] + group[k + 1:] for group in tie_members(table) for k, code in enumerate(group)}


def uncertainty_table(cur: Connection, framework: str, period: str, runs: int = DEFAULT_RUNS,
                      spread: float = DEFAULT_SPREAD, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """:func:`uncertainty` for one round read from the store (what the page and ``egov sensibilidad`` show)."""
    return uncertainty(load(cur, framework, period), Settings(runs=runs, spread=spread, seed=seed))


# --- saving a set of weights as a framework version -----------------------------------------------


def framework_file(cur: Connection, framework: str, version: str, area_weights: Mapping[str, float] | None,
                   criterion_weights: Mapping[str, float] | None) -> bytes:
    """A ``marco`` file (CSV) re-stating the stored framework's areas and criteria with new weights.

    Only the weights and the version differ from what is stored; levels, bands, tools and the
    ladder are not in the file and stay as they are. Weights must be > 0 (the importer's rule: an
    area that should not count is removed from the framework, not weighted zero).
    """
    import csv
    import io

    from egov.framework import areas as stored_areas, criteria as stored_criteria, info as stored_info

    about = stored_info(cur, framework)
    if not about:
        raise WeightError(f"el marco {framework} no existe")
    areas, criteria = stored_areas(cur, framework), stored_criteria(cur, framework)
    given_areas, given_criteria = dict(area_weights or {}), dict(criterion_weights or {})
    for given, codes, what in ((given_areas, areas["area_code"].tolist(), "área"),
                               (given_criteria, criteria["criterion_code"].tolist(), "criterio")):
        for code, weight in given.items():
            if code not in codes:
                raise WeightError(f"el {what} «{code}» no es del marco {framework}")
            if not weight > 0:
                raise WeightError(f"el peso del {what} {code} es {weight}: un marco solo admite pesos mayores "
                                  "que 0 (para que un área no cuente, quítela del marco)")
    version = (version or "").strip()
    if not version or version == str(about.get("version") or ""):
        raise WeightError("escriba una versión nueva, distinta de la vigente "
                          f"({about.get('version') or '—'}), p. ej. {about.get('version') or '1'}-pesos")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["marco", "tipo", "codigo", "area", "nombre", "nombre_en", "descripcion", "version", "peso",
                     "escala_min", "escala_max", "herramienta", "orden"])

    def text(value) -> str:
        return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)

    writer.writerow([framework, "marco", "", "", about["name_es"], text(about.get("name_en")),
                     text(about.get("description_es")), version, "", "", "", "", ""])
    for r in areas.itertuples():
        writer.writerow([framework, "area", r.area_code, "", r.name_es, text(r.name_en), "", "",
                         repr(float(given_areas.get(r.area_code, r.weight))), "", "", "", int(r.sort_order)])
    for r in criteria.itertuples():
        writer.writerow([framework, "criterio", r.criterion_code, r.area_code, r.name_es, text(r.name_en),
                         text(r.description_es), "", repr(float(given_criteria.get(r.criterion_code, r.weight))),
                         repr(float(r.scale_min)), repr(float(r.scale_max)), text(r.tool_code), int(r.sort_order)])
    return out.getvalue().encode("utf-8")


def save_as_version(con: Connection, framework: str, version: str, area_weights: Mapping[str, float] | None,
                    criterion_weights: Mapping[str, float] | None, *, user: str, role: str):
    """Store a set of weights as a new version of the framework: an audited, undoable ``marco`` batch.

    Goes through the importer exactly like a framework file uploaded by an administrator (the
    permission is checked there and again inside the transaction). Returns its ImportResult.
    """
    from egov import ingest
    from egov.storage import db

    with db.cursor(con) as cur:
        data = framework_file(cur, framework, version, area_weights, criterion_weights)
    safe = "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in version.strip())
    return ingest.import_file(con, data, f"pesos-{framework}-{safe}.csv", user=user, role=role,
                              confirm_changes=True, kind="marco")
