"""A throwaway PostgreSQL cluster for the tests: a real server, never a mock.

Debian's ``postgresql`` is installed with apt-get when missing. ``initdb``
refuses to run as root (CI runs as root), so the server runs as the
``postgres`` user; it listens only on a Unix socket in a temporary folder
(no TCP port), trusts local connections for the superuser ``egov``, and is
stopped (and its folder removed) at the end of the session.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

USER = "egov"


def bin_dir() -> Path:
    """The newest installed PostgreSQL's binaries, installing Debian's package when there is none."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "postgresql"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed and could not be installed")
    return Path(found[-1]).parent


class Cluster:
    """One server for the test session; ``new_database()`` gives each test its own database."""

    def __init__(self) -> None:
        self.bin = bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="egov-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "sock"
        self._names = itertools.count(1)
        self.as_server = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        for folder in (self.root, self.data, self.socket):
            folder.mkdir(exist_ok=True)
            if self.as_server:
                shutil.chown(folder, "postgres", "postgres")
        self.root.chmod(0o755)
        self._server("initdb", "-D", str(self.data), "-A", "trust", "-U", USER, "--no-sync")
        self._server("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                     "-o", f"-k {self.socket} -c listen_addresses='' -c fsync=off -c max_connections=200"
                     # A small WAL: several clusters run at once and the suite's disk is bounded.
                     " -c min_wal_size=32MB -c max_wal_size=64MB", "start")

    def _server(self, program: str, *args: str) -> None:
        subprocess.run(self.as_server + [str(self.bin / program), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def uri(self, name: str) -> str:
        return f"postgresql://{USER}@/{name}?host={self.socket}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = subprocess.run([str(self.bin / "psql"), "-h", str(self.socket), "-U", USER, "-d", database,
                               "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql],
                              check=True, capture_output=True, text=True)
        return done.stdout.strip()

    def new_database(self, template: str | None = None, *, name: str | None = None) -> str:
        """A new database (a copy of ``template`` when given); returns its URI."""
        name = name or f"t{os.getpid()}_{next(self._names)}"
        self.psql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.uri(name)

    def stop(self) -> None:
        try:
            self._server("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
