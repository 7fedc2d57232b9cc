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
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
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
# Bump when write_files would write other rows for the same arguments (the cached stores' key).
GENERATOR_VERSION = 2
# Files in import order: entities before what refers to them.
# A follow-up needs an accepted recommendation (issue 13): the acceptances come before it.
FILES = ("entidades.csv", "puntajes.csv", "herramientas.csv", "recomendaciones.csv", "aceptacion.csv",
         "seguimiento.csv")


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


def gestiones(n: int = len(ROUNDS), last: int = 2024) -> tuple[str, ...]:
    """The ``n`` gestiones ending with ``last`` (three: the default ROUNDS)."""
    return tuple(str(year) for year in range(last - n + 1, last + 1))


class _Writers:
    """CSV files written row by row (a national data set does not fit in lists of dicts).

    One file per kind, or with ``split`` one per kind and gestión (``puntajes_2024.csv``)
    so that each stays under the browser upload caps and imports as its own batch.
    """

    def __init__(self, folder: Path, split: bool):
        self.folder, self.split = folder, split
        self.open: dict[str, tuple] = {}
        self.order: list[str] = []

    def write(self, kind: str, period: str | None, row: dict) -> None:
        name = kind if not (self.split and period) else kind.replace(".csv", f"_{period}.csv")
        if name not in self.open:
            handle = (self.folder / name).open("w", newline="", encoding="utf-8")
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
            self.open[name] = (handle, writer)
            self.order.append(name)
        self.open[name][1].writerow(row)

    def close(self) -> list[Path]:
        for handle, _ in self.open.values():
            handle.close()
        # import order: entities, then each kind (each gestión in turn) in FILES order
        rank = {kind: i for i, kind in enumerate(FILES)}
        def key(name: str) -> tuple[int, str]:
            kind = next(k for k in FILES if name == k or name.startswith(k[:-4] + "_"))
            return rank[kind], name
        return [self.folder / name for name in sorted(self.order, key=key)]


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def write_files(folder: Path, entities: int = 1000, *, seed: int = 7, today: date | None = None,
                periods: int = len(ROUNDS), split: bool = False) -> list[Path]:
    """Write the import files for ``entities`` entities × ``periods`` gestiones; returns their paths in import order.

    ``split`` writes one file per kind and gestión (entities stay one file).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    today = today or date.today()
    rounds = gestiones(periods)
    fw, criteria, tools = framework_parts()
    out = _Writers(folder, split)
    for i in range(1, entities + 1):
        code = f"GEN-{i:05d}"
        out.write("entidades.csv", None, {
            "entidad": code, "nombre": f"Entidad sintética {i:05d}", "sigla": f"ES{i:05d}",
            "sector": SECTORS[i % len(SECTORS)], "nivel": LEVELS[(i // len(SECTORS)) % len(LEVELS)],
            "tipo_entidad": "Sintética", "departamento": "", "dependencia": "",
            "fuente": "bench/generate.py (sintético)"})
        base, trend = rng.uniform(0.3, 3.6), rng.choice([-0.3, 0.0, 0.3, 0.5])
        bias = {area: rng.uniform(-0.8, 0.8) for area in criteria}
        adoption = {tool: rng.randrange(4) for tool in tools}
        for r, period in enumerate(rounds):
            # the trend runs from -1 to +1 across the gestiones (with three: -1, 0, +1 as always)
            step = r - (len(rounds) - 1) / 2
            report = f"GEN/{i:05d}/S{period[2:]}-G{r + 1}"
            issued = date(int(period), rng.randint(9, 12), rng.randint(1, 28))
            common = {"entidad": code, "periodo": period, "marco": fw}
            for area, codes in criteria.items():
                for criterion in codes:
                    value = max(0, min(4, round(base + trend * step / max(1, (len(rounds) - 1) / 2)
                                                + bias[area] + rng.uniform(-1, 1))))
                    out.write("puntajes.csv", period, {
                        **common, "criterio": criterion, "puntaje": value, "estado": "evaluado",
                        "evidencia": "Sintético.", "informe": report, "fecha_emision": _d(issued)})
            for tool in tools:
                lag = max(0, len(rounds) - 1 - r)
                status = TOOL_STATUSES[max(0, adoption[tool] - min(lag, 2) * (rng.random() < 0.3))]
                out.write("herramientas.csv", period, {
                    **common, "herramienta": tool, "estado": status,
                    "tramites": rng.randint(1, 20) if status in ("propia", "plataforma") else 0,
                    "alcance": "Sintético."})
            for number, area in enumerate(sorted(criteria, key=bias.get)[:2], 1):
                due = issued + timedelta(days=rng.choice([180, 270, 365]))
                out.write("recomendaciones.csv", period, {
                    **common, "informe": report, "tipo": "recomendacion", "numero": number, "area": area,
                    "texto": f"Recomendación sintética sobre {area}.", "fecha_limite": _d(due)})
                out.write("aceptacion.csv", period, {
                    "entidad": code, "informe": report, "numero": number, "fecha_recepcion": _d(issued),
                    "decision": "aceptada", "fecha_decision": _d(issued), "firmante": "MAE sintética"})
                when = issued
                out.write("seguimiento.csv", period, {
                    "entidad": code, "informe": report, "numero": number, "fecha": _d(issued),
                    "estado": "pendiente", "evidencia": "Cronograma presentado."})
                for status in rng.choice(FOLLOW_PATHS):
                    when += timedelta(days=rng.randint(60, 200))
                    if status == "no_cumplida" and when <= due:  # rated «no cumplida» only once the deadline passed
                        when = due + timedelta(days=1)
                    if when >= today:
                        break
                    out.write("seguimiento.csv", period, {
                        "entidad": code, "informe": report, "numero": number, "fecha": _d(when),
                        "estado": status, "evidencia": "Informe de seguimiento sintético."})
    return out.close()


def import_files(con: db.Connection, paths: list[Path]) -> list[ingest.ImportResult]:
    """Import the files in order through the real importer; raises when one is refused."""
    results = []
    for path in paths:
        result = ingest.import_file(con, path.read_bytes(), path.name, synthetic=True)
        if result.status != "imported":
            raise RuntimeError(f"{path.name}: {result.summary('es')}")
        results.append(result)
    return results


def build_database(path: Path, entities: int = 1000, *, folder: Path | None = None, seed: int = 7,
                   periods: int = len(ROUNDS), through_cli: bool = False) -> Path:
    """A new DuckDB file with the default framework and the generated data, imported for real.

    ``through_cli`` runs ``egov import --synthetic --yes`` on files split by gestión (each under
    the upload caps), the way an institution loads a decade: the national benchmark store.
    """
    folder = folder or Path(path).with_suffix("")
    paths = write_files(folder, entities, seed=seed, periods=periods, split=through_cli)
    con = db.connect(path)
    try:
        sample.load_default_framework(con)
        if not through_cli:
            import_files(con, paths)
        db.checkpoint(con)
    finally:
        con.close()
    if through_cli:
        command = [sys.executable, "-m", "egov", "--db", str(path), "import", "--synthetic", "--yes"]
        # $EGOV_AUTO_BACKUP=0: a fresh benchmark store needs no snapshot before each of its 41 files
        # (each would copy the whole, growing database)
        subprocess.run(command + [str(p) for p in paths], check=True, stdout=subprocess.DEVNULL,
                       cwd=db.PROJECT_ROOT, env={**os.environ, "EGOV_AUTO_BACKUP": "0"})
    return Path(path)


def cached_database(entities: int, periods: int, *, seed: int = 7, today: date | None = None) -> Path:
    """The national store, built once per generator parameters and code version under the temp dir.

    Building 10,000 entities × 10 gestiones through ``egov import`` takes minutes; a benchmark
    run reuses the file when the parameters, GENERATOR_VERSION, the importer and the migrations
    are unchanged (their sources are part of the key). Callers copy it before opening it for writing.
    """
    today = today or date.today()
    sources = [*sorted((db.PROJECT_ROOT / "egov" / "ingest").glob("*.py")),
               db.PROJECT_ROOT / "egov" / "kinds.py",
               *sorted((db.PROJECT_ROOT / "egov" / "storage" / "migrations").glob("*.sql"))]
    digest = hashlib.sha256(f"{GENERATOR_VERSION}|{entities}|{periods}|{seed}|{today}".encode())
    for source in sources:
        digest.update(source.read_bytes())
    target = Path(tempfile.gettempdir()) / "egov-bench-stores" / f"gen-{entities}x{periods}-{digest.hexdigest()[:12]}"
    store_file = target / "store.duckdb"
    if (target / "done").exists():
        return store_file
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    build_database(store_file, entities, folder=target / "files", seed=seed, periods=periods, through_cli=True)
    shutil.rmtree(target / "files", ignore_errors=True)
    (target / "done").write_text(f"{entities} entities x {periods} gestiones\n")
    return store_file


def copy_of(store_file: Path, folder: Path) -> Path:
    """A private copy of a cached store (and its WAL, if any) to serve or write to."""
    target = Path(folder) / store_file.name
    shutil.copy(store_file, target)
    wal = store_file.with_name(store_file.name + ".wal")
    if wal.exists():
        shutil.copy(wal, target.with_name(target.name + ".wal"))
    return target
