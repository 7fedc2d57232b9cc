"""Many people at once: N sessions driving the real server (`streamlit run`) through its websocket.

No browser and no AppTest: each simulated session opens
``ws://127.0.0.1:PORT/_stcore/stream`` (subprotocols ``streamlit`` and a
placeholder token, as Streamlit's own client does), loads a page with a
``BackMsg.rerun_script`` (the URL path as ``page_name``), waits for the
``script_finished`` ForwardMsg (following ``FINISHED_EARLY_FOR_RERUN`` to the
last run), then reruns the same page, then moves to the next page; no pause.
A run counts as an error when the server answers ``page_not_found``, draws an
exception or an ``st.error``, times out, or the page's title (from the
catalogue) never arrives: an error page is never a fast success.

For each N (1, 5, 10, 20) it prints p50/p95/max of a run as the client waits
for it, the ratio of p95 to one session's p95, the errors, and the server's
CPU seconds per run (from /proc). First, as a reference, the same pages in an app
that draws only each page's title (``bare_app``): what Streamlit itself costs a
run and the ratio a crowd reaches on this machine with nothing drawn. The data: the sample, and 1,000 generated
entities imported for real; then those 1,000 entities copied into a throwaway
PostgreSQL cluster (the shared store of a team), served by one app server and
by two, each session staying on one server as behind a proxy with sticky
sessions. One process runs Python on one core at a time: with sessions that
never pause, p95 grows with N × CPU per run ÷ the cores that serve them.

    python -m bench.run_all bench_sessions     # or: python -m bench.bench_sessions [N ...]
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from bench import generate
from egov import sample
from egov.storage import db

SESSIONS = (1, 5, 10, 20)
SERVERS = 2           # app servers on one shared store (this machine has two cores)
ROUNDS = 5            # pages each session visits (each loaded, then rerun): 200 runs at 20 sessions
RUN_TIMEOUT = 120.0   # seconds one run may take before it counts as an error
# (url path, page file); "" is the default page, which lives only at "/"
PAGES = (("", "views/resumen.py"), ("areas", "views/areas.py"), ("herramientas", "views/herramientas.py"),
         ("evolucion", "views/evolucion.py"), ("seguimiento", "views/seguimiento.py"))


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """User + system CPU of the server process and its threads."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")


@contextmanager
def serve(db_path: Path | str, *, timeout: float = 90, root: Path | None = None) -> Iterator[Server]:
    """`streamlit run app.py` on a free loopback port against ``db_path``; always stopped.

    ``root``: another checkout of the project to serve (to compare two versions in one run).
    """
    port = _free_port()
    env = {**os.environ, db.ENV_DB: str(db_path)}
    log = tempfile.NamedTemporaryFile(prefix="egov-bench-server-", suffix=".log", delete=False)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
        cwd=root or db.PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {log.name}")
            time.sleep(0.3)
        yield Server(url, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        text = Path(log.name).read_text(errors="replace")
        if "Traceback" in text:  # an exception page counted as an error: show why, once
            print("  server log, last traceback:\n    " + "\n    ".join(
                text[text.rindex("Traceback"):].splitlines()[-12:]))
        os.unlink(log.name)


@dataclass
class Run:
    page: str
    seconds: float
    error: str = ""


@dataclass
class Session:
    """One simulated visitor: a websocket, and what the server drew in its last run."""

    base_url: str
    query: str = ""
    texts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def _rerun(self, path: str):
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_name = path
        state.page_script_hash = ""
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "America/La_Paz", 240, "es-BO"
        info.url = f"{self.base_url}/{path}"
        info.is_embedded, info.color_scheme = False, "light"
        return msg.SerializeToString()

    def _take(self, forward) -> str | None:
        """Record what one ForwardMsg draws; returns 'done' once the run (not one cut for a rerun) ended."""
        kind = forward.WhichOneof("type")
        if kind == "page_not_found":
            self.errors.append("page_not_found")
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                self.errors.append(f"exception: {element.exception.message[:80]}")
            elif which == "alert":
                if element.alert.format == 1:  # ERROR
                    self.errors.append(f"st.error: {element.alert.body[:80]}")
                self.texts.append(element.alert.body)
            elif which == "heading":
                self.texts.append(element.heading.body)
            elif which == "markdown":
                self.texts.append(element.markdown.body)
        elif kind == "script_finished":
            if forward.script_finished != 2:  # FINISHED_EARLY_FOR_RERUN: wait for the next run's end
                return "done"
        return None

    async def run(self, ws, path: str, expect: str) -> Run:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.texts, self.errors = [], []
        started = time.perf_counter()
        await ws.send(self._rerun(path))
        try:
            async with asyncio.timeout(RUN_TIMEOUT):
                while True:
                    forward = ForwardMsg.FromString(await ws.recv())
                    if self._take(forward) == "done":
                        break
        except TimeoutError:
            self.errors.append("timeout")
        took = time.perf_counter() - started
        if not self.errors and not any(expect in text for text in self.texts):
            self.errors.append(f"missing text «{expect}»")
        return Run(path or "resumen", took, "; ".join(self.errors))


def every_page() -> tuple[tuple[str, str], ...]:
    """(url path, page file) of every page of the navigation (an administrator sees them all)."""
    from egov.ui.navigation import PAGES as SPECS

    return tuple(("" if spec.default else spec.url_path, spec.file) for spec in SPECS)


# Pages whose heading is not their navigation title: the catalogue text each always draws instead
# (their own titles; a slide's counter, «1 / N», since a slide's heading is its own).
DRAWN = {"views/entidad.py": ("entity.title", {}), "views/sensibilidad.py": ("sens.title", {}),
         "views/presentacion.py": ("present.page.counter", {"at": 1, "total": ""})}


def _expected(page_file: str) -> str:
    from egov.i18n import t
    from egov.ui.navigation import PAGES as SPECS

    if page_file in DRAWN:
        key, params = DRAWN[page_file]
        return t(key, "es", **params)
    spec = next(s for s in SPECS if s.file == page_file)
    return t(spec.title_key, "es")


async def _visitor(base_url: str, first_page: int, rounds: int, pages: tuple = PAGES) -> list[Run]:
    import websockets

    ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    runs: list[Run] = []
    session = Session(base_url)
    async with websockets.connect(ws_url, subprotocols=["streamlit", "PLACEHOLDER_AUTH_TOKEN"], max_size=None,
                                  open_timeout=RUN_TIMEOUT, ping_interval=None) as ws:
        for r in range(rounds):
            path, page_file = pages[(first_page + r) % len(pages)]
            expect = _expected(page_file)
            runs.append(await session.run(ws, path, expect))   # load the page
            runs.append(await session.run(ws, path, expect))   # and run it again
    return runs


async def _crowd(base_urls: list[str], n: int, rounds: int, pages: tuple = PAGES) -> list[Run]:
    # Sticky, as behind the README's proxy: session i stays on server i mod K.
    tasks = [_visitor(base_urls[i % len(base_urls)], i, rounds, pages) for i in range(n)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    runs: list[Run] = []
    for result in results:
        if isinstance(result, BaseException):
            runs.append(Run("?", RUN_TIMEOUT, f"{type(result).__name__}: {str(result)[:80]}"))
        else:
            runs.extend(result)
    return runs


def visit(server: Server | list[Server], n: int, rounds: int = ROUNDS, pages: tuple = PAGES) -> dict:
    """N sessions at once (spread over the servers given); their runs' timings, errors and the
    servers' CPU per run (all of them together), and their resident memory added up."""
    servers = server if isinstance(server, list) else [server]
    cpu_before = sum(s.cpu_seconds() for s in servers)
    started = time.perf_counter()
    runs = asyncio.run(_crowd([s.url for s in servers], n, rounds, pages))
    wall = time.perf_counter() - started
    cpu = sum(s.cpu_seconds() for s in servers) - cpu_before
    ok = sorted(r.seconds for r in runs if not r.error)
    errors = [r for r in runs if r.error]

    def pct(q: float) -> float | None:
        if not ok:
            return None
        return ok[min(len(ok) - 1, max(0, round(q * len(ok) + 0.5) - 1))]

    return {"n": n, "runs": len(runs), "errors": len(errors), "first_errors": [e.error for e in errors[:3]],
            "p50": statistics.median(ok) if ok else None, "p95": pct(0.95), "max": ok[-1] if ok else None,
            "cpu_per_run": cpu / max(1, len(runs)), "runs_per_s": len(runs) / wall,
            "rss_mb": sum(s.rss_mb() for s in servers)}


def _fmt(value: float | None, spec: str = "6.2f") -> str:
    return "—" if value is None else format(value, spec)


def measure(db_path: Path | str, label: str, sessions: tuple[int, ...] = SESSIONS, *, root: Path | None = None,
            servers: int = 1, base: float | None = None) -> list[dict]:
    """The table for one store: ``servers`` app servers on it, each session sticking to one.

    ``base``: the one-session p95 the ratios are taken against (by default this table's own first row).
    """
    with ExitStack() as stack:
        running = [stack.enter_context(serve(db_path, root=root)) for _ in range(servers)]
        for server in running:  # warm: every page once, so imports and first builds are not timed
            visit(server, 1, rounds=len(PAGES))
        rows = [visit(running, n) for n in sessions]
    base = base or rows[0]["p95"]
    print(f"\n{label}")
    print(f"  {'sessions':>8} {'runs':>5} {'err':>4} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'p95/1':>6} "
          f"{'cpu s/run':>9} {'runs/s':>7} {'rss MB':>7}")
    for row in rows:
        ratio = row["p95"] / base if row["p95"] and base else None
        print(f"  {row['n']:>8} {row['runs']:>5} {row['errors']:>4} {_fmt(row['p50']):>7} {_fmt(row['p95']):>7} "
              f"{_fmt(row['max']):>7} {_fmt(ratio, '5.1f'):>6} {row['cpu_per_run']:>9.3f} "
              f"{row['runs_per_s']:>7.2f} {row['rss_mb']:>7.0f}")
        for error in row["first_errors"]:
            print(f"           error: {error}")
    return rows


def shared_store(large: Path, sessions: tuple[int, ...], label: str) -> dict[str, list[dict]]:
    """The same crowd on the PostgreSQL store (the team deployment), served by one server and then by
    ``SERVERS`` servers, the ratios of both against one server's one session."""
    from egov.storage import transfer
    from tests.support.pg import Cluster

    cluster = Cluster()
    try:
        uri = cluster.new_database()
        transfer.copy_store(str(large), uri)
        one = measure(uri, f"{label} on PostgreSQL, 1 server", sessions)
        many = measure(uri, f"{label} on PostgreSQL, {SERVERS} servers (session i on server i mod {SERVERS})",
                       sessions, servers=SERVERS, base=one[0]["p95"])
        return {"pg_1": one, f"pg_{SERVERS}": many}
    finally:
        cluster.stop()


def bare_app(folder: Path, pages: tuple = PAGES) -> Path:
    """A Streamlit app of the same pages (same paths, same titles, the project's server settings)
    where each page draws only its title: what a run costs Streamlit itself, under which no page
    of this app can go, and the ratio its crowd reaches on this machine."""
    import shutil

    root = folder / "bare-app"
    (root / ".streamlit").mkdir(parents=True, exist_ok=True)
    shutil.copy(db.PROJECT_ROOT / ".streamlit" / "config.toml", root / ".streamlit" / "config.toml")
    entries = [f"    st.Page(_page({_expected(file)!r}), title={_expected(file)!r}, url_path={(path or 'resumen')!r},"
               f" default={path == ''})," for path, file in pages]
    (root / "app.py").write_text("\n".join([
        "import streamlit as st", "", "", "def _page(title):", "    def draw():", "        st.title(title)",
        "    return draw", "", "", "st.navigation([", *entries, "]).run()", ""]), encoding="utf-8")
    return root


def main(sessions: tuple[int, ...] = SESSIONS, entities: int = 1000) -> dict[str, list[dict]]:
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-sessions-"))
    try:
        bare = bare_app(folder)
        results = {"bare": measure(folder / "unused.duckdb", "Streamlit alone (the same pages drawing only their "
                                   "titles), 1 server", sessions, root=bare)}
        results["bare_2"] = measure(folder / "unused.duckdb", f"Streamlit alone, {SERVERS} servers", sessions,
                                    root=bare, servers=SERVERS, base=results["bare"][0]["p95"])
        small = sample.build_database(folder / "sample.duckdb")
        large = generate.copy_of(generate.cached_database(entities, len(generate.ROUNDS)), folder)
        results["sample"] = measure(small, "sample data", sessions)
        label = f"{entities} entities × {len(generate.ROUNDS)} gestiones"
        results["large"] = measure(large, label, sessions)
        results.update(shared_store(large, sessions, label))
        print("(seconds a client waits for one page run, load or rerun; p95/1 = p95 over one session's p95; "
              "goal: 20 sessions within 3×)")
        return results
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SESSIONS)
