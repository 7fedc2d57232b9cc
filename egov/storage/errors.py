"""Storage failures said as one Spanish sentence: read-only, locked by another process, disk or memory full.

A failure of the file system or of the database's lock is not the user's
data being wrong, and its raw text (English, with server paths) must not
reach them: ``storage_problem`` recognises those failures and says what to
do, in one sentence without paths; ``StorageUnavailable`` carries that
sentence from the storage package to the app and the command line.
"""

from __future__ import annotations

import errno


class StorageUnavailable(Exception):
    """The store cannot be opened or written; the message is one Spanish sentence for the user."""


LOCKED = ("La base de datos está abierta por otro proceso (¿otra copia de la aplicación o un comando egov en "
          "marcha?): ciérrelo y vuelva a intentarlo.")
READ_ONLY = ("La base de datos es de solo lectura (el archivo o su carpeta no admite escritura): pida al "
             "administrador del servidor permiso de escritura y vuelva a intentarlo.")
DISK_FULL = ("No queda espacio en el disco para {what}: libere espacio (por ejemplo, copias de seguridad "
             "antiguas) y vuelva a intentarlo; no se guardó nada.")
OUT_OF_MEMORY = ("La base de datos se quedó sin memoria para {what}: cierre otros programas o use un equipo con más "
                 "memoria y vuelva a intentarlo; no se guardó nada.")


def _texts(exc: BaseException) -> list[str]:
    found, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        found.append(str(exc).lower())
        exc = exc.__cause__ or exc.__context__
    return found


def _errnos(exc: BaseException) -> set[int]:
    found, seen = set(), set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno is not None:
            found.add(exc.errno)
        exc = exc.__cause__ or exc.__context__
    return found


def storage_problem(exc: BaseException, *, what: str = "los datos") -> str | None:
    """The Spanish sentence for a storage failure, or None when ``exc`` is something else."""
    codes = _errnos(exc)
    texts = " | ".join(_texts(exc))
    if errno.ENOSPC in codes or errno.EDQUOT in codes or "no space left" in texts or "disk quota" in texts:
        return DISK_FULL.format(what=what)
    if "out of memory" in texts:  # DuckDB's OutOfMemoryException: what must fit in memory did not, under its cap
        return OUT_OF_MEMORY.format(what=what)
    if "could not set lock" in texts or "conflicting lock" in texts:
        return LOCKED
    if (errno.EROFS in codes or errno.EACCES in codes or errno.EPERM in codes or "read-only file system" in texts
            or "permission denied" in texts or "read only" in texts or "read-only" in texts):
        return READ_ONLY
    return None
