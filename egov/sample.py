"""The sample data: the default framework, real entities, the real DIGEMIG
assessment, and the synthetic demonstration set.

Everything goes through the same checked import as an analyst's file, so the
sample data is also a standing test of the importer. The synthetic part is
imported as synthetic batches: the UI shows a "Datos de demostración" badge
while any of it is on screen, and ``remove_demo`` undoes exactly those batches.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from egov.storage import store
from egov.storage.db import PROJECT_ROOT, Connection

DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_FRAMEWORK_FILE = DATA_DIR / "framework" / "cge-ge.csv"
# DIGEMIG's real report as recorded: its record, results, scores, tools, findings and recommendations. No
# acceptance, schedule or follow-up: the report gives none.
REAL_FILES = [DATA_DIR / "sample" / "entidades.csv",
              DATA_DIR / "sample" / "digemig" / "informes.csv",
              DATA_DIR / "sample" / "digemig" / "puntajes.csv",
              DATA_DIR / "sample" / "digemig" / "herramientas.csv",
              DATA_DIR / "sample" / "digemig" / "resultados.csv",
              DATA_DIR / "sample" / "digemig" / "hallazgos.csv",
              DATA_DIR / "sample" / "digemig" / "recomendaciones.csv",
              # The supervision as the report shows it: issued, its number; no office or dates (it gives none).
              DATA_DIR / "sample" / "digemig" / "programa.csv"]
# Synthetic entities only, with full life cycles covering every follow-up stage.
DEMO_FILES = [DATA_DIR / "sample" / "demo" / "puntajes.csv",
              DATA_DIR / "sample" / "demo" / "herramientas.csv",
              DATA_DIR / "sample" / "demo" / "recomendaciones.csv",
              DATA_DIR / "sample" / "demo" / "aceptacion.csv",
              DATA_DIR / "sample" / "demo" / "cronograma.csv",
              DATA_DIR / "sample" / "demo" / "seguimiento.csv",
              # Last: self-assessments of some synthetic entities (never DIGEMIG), beside their verified scores.
              DATA_DIR / "sample" / "demo" / "autoevaluacion.csv",
              # The supervision programme of synthetic supervisions (2024 issued, 2025 programmed).
              DATA_DIR / "sample" / "demo" / "programa.csv"]
SYSTEM_USER = "sistema"


class SampleDataError(Exception):
    pass


@dataclass
class Loaded:
    file: Path
    status: str
    batch_id: int | None


def _import(con: Connection, path: Path, *, synthetic: bool) -> Loaded:
    from egov.ingest import import_file  # the importer checks sample files like any other

    result = import_file(con, path.read_bytes(), path.name, user=SYSTEM_USER, role="admin",
                         confirm_changes=True, synthetic=synthetic)
    if result.status not in ("imported", "already_imported"):
        details = "; ".join(str(p) for p in list(result.problems)[:3])
        raise SampleDataError(f"{path.relative_to(PROJECT_ROOT)}: {result.summary_es} {details}")
    return Loaded(path, result.status, result.batch_id)


def load_default_framework(con: Connection) -> Loaded:
    return _import(con, DEFAULT_FRAMEWORK_FILE, synthetic=False)


def load_sample(con: Connection) -> list[Loaded]:
    """Framework, real entities and DIGEMIG, then the synthetic demonstration set."""
    loaded = [load_default_framework(con)]
    loaded += [_import(con, path, synthetic=False) for path in REAL_FILES]
    loaded += [_import(con, path, synthetic=True) for path in DEMO_FILES]
    return loaded


def build_database(path: Path) -> Path:
    """A new database file at ``path`` holding the sample data, checkpointed (ready to copy)."""
    from egov.storage import db

    con = db.connect(path)
    try:
        load_sample(con)
        db.checkpoint(con)
    finally:
        con.close()
    return path


def is_empty(con: Connection) -> bool:
    """No assessment at all: the first screen would be blank."""
    return con.execute("SELECT count(*) FROM assessment").fetchall()[0][0] == 0


def ensure_sample(con: Connection) -> bool:
    """Load the sample data into an empty database; True when it did."""
    if not is_empty(con):
        return False
    load_sample(con)
    return True


def demo_batches(con: Connection) -> list[int]:
    rows = con.execute("SELECT batch_id FROM import_batch WHERE is_synthetic AND undone_at IS NULL"
                       " ORDER BY batch_id DESC").fetchall()
    return [r[0] for r in rows]


def remove_demo(con: Connection, *, user: str = SYSTEM_USER, role: str = "admin") -> list[int]:
    """Undo every live synthetic batch, newest first; real data stays as it is."""
    removed = []
    for batch_id in demo_batches(con):
        store.undo_batch(con, batch_id, user=user, role=role)
        removed.append(batch_id)
    return removed
