"""Static chart images (PNG, SVG) through Plotly's exporter, kaleido.

Kaleido drives the system Chromium (Debian's ``chromium``, found at
/usr/bin/chromium or through $BROWSER_PATH), so images work with no internet.
Its sync server is started once per process: the first image then pays the
browser start (~2 s) and every later one takes ~0.2 s instead of ~2.6 s (field
notes). One lock serialises exports, because Streamlit sessions run in
threads and the server renders one figure at a time.
"""

from __future__ import annotations

import os
import shutil
import threading
import warnings

import plotly.graph_objects as go
import plotly.io as pio

from egov.charts import base

# Slide-sized by default: 16:9, rendered at twice the pixels for sharp projection.
SLIDE_WIDTH, SLIDE_HEIGHT, SLIDE_SCALE = 1200, 640, 2

_lock = threading.Lock()
_started = False


class ImageExportError(RuntimeError):
    """Static images could not be produced (usually: no Chromium on this machine)."""


def _browser_path() -> str | None:
    return os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def available() -> bool:
    """Whether this machine can render static images (the deck, the PDF's charts, PNG/SVG)."""
    return _browser_path() is not None


def _ensure_server() -> None:
    global _started
    if _started:
        return
    import kaleido

    if not _browser_path():
        raise ImageExportError("no se encontró Chromium para generar imágenes; instálelo con `make system-deps` "
                               "(paquete Debian chromium)")
    kaleido.start_sync_server(silence_warnings=True)
    _started = True


def to_image(fig: go.Figure, fmt: str = "png", *, width: int = SLIDE_WIDTH, height: int = SLIDE_HEIGHT,
             scale: float | None = None) -> bytes:
    """The figure as PNG or SVG bytes (``scale`` defaults to 2 for PNG, 1 for SVG)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    if scale is None:
        scale = SLIDE_SCALE if fmt == "png" else 1
    with _lock:
        _ensure_server()
        with warnings.catch_warnings():
            # With a running server kaleido says its per-call options are ignored: expected.
            warnings.filterwarnings("ignore", message=".*kopts.*")
            try:
                return pio.to_image(base.inert(fig), format=fmt, width=width, height=height, scale=scale)
            except Exception as exc:  # kaleido/Chromium failures arrive as many types
                raise ImageExportError(f"no se pudo generar la imagen {fmt.upper()}: {exc}") from exc


def to_png(fig: go.Figure, **kwargs) -> bytes:
    return to_image(fig, "png", **kwargs)


def to_svg(fig: go.Figure, **kwargs) -> bytes:
    return to_image(fig, "svg", **kwargs)
