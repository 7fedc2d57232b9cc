"""Synthetic data sets of any size, in the import formats, for benchmarks and load checks.

``write_files(folder, entities=1000)`` writes entidades.csv, puntajes.csv,
herramientas.csv, recomendaciones.csv and seguimiento.csv for N invented
entities over three rounds of the default framework (criteria and tools read
from ``data/framework/cge-ge.csv``, so the files follow the framework as data).
``build_database(path, entities=1000)`` loads them through the real importer
(``egov.ingest.import_file``, marked synthetic) into a new DuckDB file.
Seeded: the same arguments give the same files.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

from egov import ingest, sample
from egov.storage import db

FRAMEWORK_FILE = db.PROJECT_ROOT / "data" / "framework" / "cge-ge.csv"
ROUNDS = ("2022", "2023", "2024")
SECTORS = ("Salud", "Educación", "Economía y finanzas", "Justicia", "Seguridad interior", "Obras públicas",
           "Desarrollo productivo", "Medio ambiente", "Trabajo", "Culturas")
LEVELS = ("central", "descentralizada", "departamental", "municipal", "universidad", "empresa_publica")
TOOL_STATUSES = ("ninguna", "planificada", "propia", "plataforma")
FOLLOW_PATHS = (["en_proceso", "cumplida"], ["en_proceso"], ["en_proceso", "parcialmente_cumplida"],
                ["en_proceso", "no_cumplida"], ["cumplida"], ["no_aplicable"], [],
                ["en_proceso", "cumplida", "en_proceso"])
# Files in import order: entities before what refers to them.
FILES = ("entidades.csv", "puntajes.csv", "herramientas.csv", "recomendaciones.csv", "seguimiento.csv")


def framework_parts(path: Path = FRAMEWORK_FILE) -> tuple[str, dict[str, list[str]], list[str]]:
    """(framework code, {area: criteria scored directly}, tools) of a framework file."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    code = next(r["marco"] for r in rows if r["tipo"] == "marco")
    criteria: dict[str, list[str]] = {}
    for r in rows:
        if r["tipo"] == "criterio" and not r["herramienta"]:  # tool criteria are scored from adoption
            criteria.setdefault(r["area"], []).append(r["codigo"])
    tools = [r["codigo"] for r in rows if r["tipo"] == "herramienta"]
    return code, criteria, tools


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def write_files(folder: Path, entities: int = 1000, *, seed: int = 7, today: date | None = None) -> list[Path]:
    """Write the five import files for ``entities`` entities × three rounds; returns their paths in import order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    today = today or date.today()
    fw, criteria, tools = framework_parts()
    ents, scores, tool_rows, recs, follow = [], [], [], [], []
    for i in range(1, entities + 1):
        code = f"GEN-{i:05d}"
        ents.append({"entidad": code, "nombre": f"Entidad sintética {i:05d}", "sigla": f"ES{i:05d}",
                     "sector": SECTORS[i % len(SECTORS)], "nivel": LEVELS[(i // len(SECTORS)) % len(LEVELS)],
                     "tipo_entidad": "Sintética", "departamento": "", "dependencia": "",
                     "fuente": "bench/generate.py (sintético)"})
        base, trend = rng.uniform(0.3, 3.6), rng.choice([-0.3, 0.0, 0.3, 0.5])
        bias = {area: rng.uniform(-0.8, 0.8) for area in criteria}
        adoption = {tool: rng.randrange(4) for tool in tools}
        for r, period in enumerate(ROUNDS):
            report = f"GEN/{i:05d}/S{period[2:]}-G{r + 1}"
            issued = date(int(period), rng.randint(9, 12), rng.randint(1, 28))
            common = {"entidad": code, "periodo": period, "marco": fw}
            for area, codes in criteria.items():
                for criterion in codes:
                    value = max(0, min(4, round(base + trend * (r - 1) + bias[area] + rng.uniform(-1, 1))))
                    scores.append({**common, "criterio": criterion, "puntaje": value, "estado": "evaluado",
                                   "evidencia": "Sintético.", "informe": report, "fecha_emision": _d(issued)})
            for tool in tools:
                status = TOOL_STATUSES[max(0, adoption[tool] - (2 - r) * (rng.random() < 0.3))]
                tool_rows.append({**common, "herramienta": tool, "estado": status,
                                  "tramites": rng.randint(1, 20) if status in ("propia", "plataforma") else 0,
                                  "alcance": "Sintético."})
            for number, area in enumerate(sorted(criteria, key=bias.get)[:2], 1):
                due = issued + timedelta(days=rng.choice([180, 270, 365]))
                recs.append({**common, "informe": report, "tipo": "recomendacion", "numero": number, "area": area,
                             "texto": f"Recomendación sintética sobre {area}.", "fecha_limite": _d(due)})
                when = issued
                follow.append({"entidad": code, "informe": report, "numero": number, "fecha": _d(issued),
                               "estado": "pendiente", "evidencia": "Cronograma presentado."})
                for status in rng.choice(FOLLOW_PATHS):
                    when += timedelta(days=rng.randint(60, 200))
                    if when >= today:
                        break
                    follow.append({"entidad": code, "informe": report, "numero": number, "fecha": _d(when),
                                   "estado": status, "evidencia": "Informe de seguimiento sintético."})
    paths = []
    for name, rows in zip(FILES, (ents, scores, tool_rows, recs, follow)):
        _write(folder / name, rows)
        paths.append(folder / name)
    return paths


def import_files(con: db.Connection, paths: list[Path]) -> list[ingest.ImportResult]:
    """Import the files in order through the real importer; raises when one is refused."""
    results = []
    for path in paths:
        result = ingest.import_file(con, path.read_bytes(), path.name, synthetic=True)
        if result.status != "imported":
            raise RuntimeError(f"{path.name}: {result.summary('es')}")
        results.append(result)
    return results


def build_database(path: Path, entities: int = 1000, *, folder: Path | None = None, seed: int = 7) -> Path:
    """A new DuckDB file with the default framework and the generated data, imported for real."""
    folder = folder or Path(path).with_suffix("")
    paths = write_files(folder, entities, seed=seed)
    con = db.connect(path)
    try:
        sample.load_default_framework(con)
        import_files(con, paths)
        db.checkpoint(con)
    finally:
        con.close()
    return Path(path)
