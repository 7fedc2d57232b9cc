"""A real `streamlit run` on a free local port, and headless Chromium to drive it.

Used by every browser test: Debian's /usr/bin/chromium through Playwright
(no browser download), the flags this sandbox needs, and the field-notes
rule for "rendered": the script is not running, no skeleton is left, and
every Plotly chart holds its SVG.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(db_path: Path, *, env: dict[str, str] | None = None,
                     timeout: float = 60) -> Iterator[str]:
    """Serve app.py against ``db_path``; yields the base URL; always stops the server."""
    with streamlit_process(db_path, env=env, timeout=timeout) as (url, _):
        yield url


@contextmanager
def streamlit_process(db_path: Path, *, env: dict[str, str] | None = None,
                      timeout: float = 60) -> Iterator[tuple[str, subprocess.Popen]]:
    """Like ``streamlit_server``, also yielding the server's process (a test may kill it)."""
    port = free_port()
    full_env = {**os.environ, "EGOV_DB": str(db_path), **(env or {})}
    log = (ARTIFACTS / f"streamlit-{port}.log")
    ARTIFACTS.mkdir(exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)
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
                    raise RuntimeError(f"streamlit did not start; see {log}")
                time.sleep(0.3)
            yield url, proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


@contextmanager
def serve_copy(db_file: Path, folder: Path, **kwargs) -> Iterator[tuple[str, Path]]:
    """Serve a private copy of ``db_file`` (put in ``folder``): yields (base URL, the copy's path)."""
    copy = Path(folder) / "egov.duckdb"
    shutil.copy(db_file, copy)
    with streamlit_server(copy, **kwargs) as url:
        yield url, copy


@contextmanager
def browser_page(width: int = 1280, height: int = 800):
    """A fresh headless Chromium page (Playwright driving the system browser)."""
    with browser_pages(1, width=width, height=height) as (page,):
        yield page


@contextmanager
def browser_pages(count: int, width: int = 1280, height: int = 800):
    """``count`` pages of one headless Chromium, each in a context of its own (its own cookies: one
    visitor per page)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield [browser.new_context(viewport={"width": width, "height": height}, locale="es-BO").new_page()
                   for _ in range(count)]
        finally:
            browser.close()


RENDERED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  for (const c of charts) { if (!c.querySelector('.main-svg')) return false; }
  return true;
}"""


def wait_rendered(page, timeout_ms: int = 30000) -> None:
    page.wait_for_timeout(300)  # let a rerun start before waiting for it to end
    page.wait_for_function(RENDERED_JS, timeout=timeout_ms)
    page.wait_for_timeout(300)


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Keep a screenshot under test-artifacts/ (full page: viewport grown to the content)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if full_page:
        height = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]') || document.body;"
            " return Math.max(m.scrollHeight, 720); }")
        page.set_viewport_size({"width": page.viewport_size["width"], "height": min(int(height) + 40, 6000)})
    page.screenshot(path=str(path))
    return path


def error_texts(page) -> list[str]:
    """Texts of any Streamlit exception or error box on screen."""
    return page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').all_inner_texts()


POINT_JS = """(el, wanted) => {
  // Every point of a Plotly chart (of the trace type `wanted`, or any) with a customdata[0], and where
  // it is drawn on screen: heatmap cells at their centre, bars half-way along.
  const gd = el.querySelector('.js-plotly-plot');
  const layout = gd._fullLayout, box = gd.getBoundingClientRect();
  const axis = (ref, letter) => layout[letter + 'axis' + (ref && ref.length > 1 ? ref.slice(1) : '')];
  const at = (ax, v) => ax._offset + ax.l2p(ax.d2l(v));
  const code = (c) => (Array.isArray(c) || ArrayBuffer.isView(c)) ? c[0] : c;
  const found = [];
  for (const tr of gd._fullData) {
    if (!tr.visible || !tr.customdata) continue;
    if (wanted && tr.type !== wanted) continue;
    const xa = axis(tr.xaxis, 'x'), ya = axis(tr.yaxis, 'y');
    if (tr.type === 'heatmap') {
      for (let i = 0; i < tr.y.length; i++) for (let j = 0; j < tr.x.length; j++) {
        const c = tr.customdata[i] && tr.customdata[i][j];
        const z = tr.z[i] && tr.z[i][j];
        if (!c || !code(c) || z === null || z === undefined || Number.isNaN(z)) continue;
        found.push({code: String(code(c)), x: box.left + at(xa, tr.x[j]), y: box.top + at(ya, tr.y[i])});
      }
    } else if (tr.type === 'bar') {
      for (let i = 0; i < tr.customdata.length; i++) {
        const c = tr.customdata[i];
        if (!c || !code(c)) continue;
        const horizontal = tr.orientation === 'h';
        const value = horizontal ? tr.x[i] : tr.y[i], category = horizontal ? tr.y[i] : tr.x[i];
        if (!value) continue;
        const along = horizontal ? at(xa, value / 2) : at(ya, value / 2);
        const across = horizontal ? at(ya, category) : at(xa, category);
        found.push({code: String(code(c)),
                    x: box.left + (horizontal ? along : across), y: box.top + (horizontal ? across : along)});
      }
    }
  }
  return found;
}"""


def entity_points(chart, codes) -> list[dict]:
    """The points of ``chart`` that carry one of ``codes`` in customdata[0], with their screen positions."""
    return [p for p in chart.evaluate(POINT_JS, None) if p["code"] in codes]


def click_entity_point(page, chart, codes) -> str:
    """Click with the real mouse on a point of ``chart`` carrying an entity code (one of ``codes``).

    Returns the clicked code. ``chart`` is the locator of one ``stPlotlyChart``; the point's screen
    position comes from the chart's own axes (Plotly draws a heatmap as one image: no element to click).
    """
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    size = page.viewport_size
    points = [p for p in entity_points(chart, codes)
              if 0 < p["x"] < size["width"] and 40 < p["y"] < size["height"] - 10]
    if not points:
        raise AssertionError("no clickable entity point of the chart is on screen")
    point = points[0]
    page.mouse.move(point["x"], point["y"])
    page.wait_for_timeout(200)
    page.mouse.click(point["x"], point["y"])
    return point["code"]


def entity_chart(page, trace_type: str, codes):
    """The first stPlotlyChart with a ``trace_type`` trace ('heatmap', 'bar') whose points carry entity codes."""
    charts = page.locator('[data-testid="stPlotlyChart"]')
    for i in range(charts.count()):
        chart = charts.nth(i)
        kinds = chart.evaluate("(el) => { const gd = el.querySelector('.js-plotly-plot');"
                               " return gd ? gd._fullData.map(t => t.type) : []; }")
        if trace_type in kinds and entity_points(chart, codes):
            return chart
    raise AssertionError(f"no chart with a {trace_type} trace whose points carry entity codes")
