"""The one look of every chart: a Plotly template and one colour scale.

Everything that draws a chart (the pages, the slides, the PDF) takes its
colours from here, so a manager reads the same colour as the same level
everywhere. The ordered scale is sampled from *viridis* (perceptually even,
readable with the common colour-vision deficiencies and in grey print),
reversed so that ink grows with maturity: light yellow = nothing yet, deep
violet = the most mature. Maturity bands, ladder steps, criterion levels and
tool adoption statuses are all evenly spaced samples of that one scale; a
neutral grey means "no data", never a level.

Categories without an order (the entities of a comparison, the channels of
the interoperability network) use the Okabe–Ito palette, designed to stay
distinct for colour-blind readers.
"""

from __future__ import annotations

import plotly.colors as pcolors
import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "egov"
# Names with spaces or digits are quoted: an unquoted "Source Sans 3" makes the whole CSS list
# invalid and Chromium (the browser, and kaleido for static images) falls back to a serif face.
# Liberation Sans / DejaVu Sans come with Debian's Chromium, so exports match the screen.
FONT_FAMILY = ("'Source Sans Pro', 'Source Sans 3', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', "
               "sans-serif")
TEXT_COLOR = "#262730"
MUTED_COLOR = "#6B6E76"
GRID_COLOR = "#E6E6EA"
NO_DATA_COLOR = "#D4D4D8"

# viridis from its bright end to its dark end (0 = least mature, 1 = most).
_VIRIDIS_REVERSED = list(reversed(pcolors.sequential.Viridis))
MATURITY_COLORSCALE: list[list[float | str]] = [
    [i / (len(_VIRIDIS_REVERSED) - 1), colour] for i, colour in enumerate(_VIRIDIS_REVERSED)]

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

# Order of adoption statuses, as in queries/criterion_results.sql (0..3).
TOOL_STATUS_ORDER = ("ninguna", "planificada", "propia", "plataforma")
# Interoperability channels: the state platform vs an own bilateral agreement.
CHANNEL_COLORS = {"plataforma": OKABE_ITO[0], "bilateral": OKABE_ITO[1]}


def _hex(colour: str) -> str:
    if colour.startswith("#"):
        return colour.upper()
    r, g, b = (int(float(part)) for part in colour[colour.index("(") + 1:-1].split(",")[:3])
    return f"#{r:02X}{g:02X}{b:02X}"


def scale_color(share: float) -> str:
    """The colour of a position 0..1 on the maturity scale (None/NaN -> no-data grey)."""
    if share is None or share != share:
        return NO_DATA_COLOR
    share = min(max(float(share), 0.0), 1.0)
    return _hex(pcolors.sample_colorscale(MATURITY_COLORSCALE, [share])[0])


def ordered_colors(n: int) -> list[str]:
    """n evenly spaced colours of the maturity scale, least mature first."""
    if n <= 0:
        return []
    if n == 1:
        return [scale_color(1.0)]
    return [scale_color(i / (n - 1)) for i in range(n)]


def level_colors(levels: list) -> dict:
    """Each ordered level (band codes, ladder steps, criterion levels) -> its colour."""
    return dict(zip(levels, ordered_colors(len(levels))))


def band_colors(band_codes_in_order: list[str]) -> dict[str, str]:
    """Maturity bands (lowest first) -> colour."""
    return level_colors(list(band_codes_in_order))


def step_colors(steps_in_order: list[int]) -> dict[int, str]:
    """Adoption-ladder steps (0 first) -> colour."""
    return level_colors(list(steps_in_order))


TOOL_STATUS_COLORS: dict[str, str] = level_colors(list(TOOL_STATUS_ORDER))


def text_color_on(background: str) -> str:
    """Dark or white text, whichever reads better on ``background`` (WCAG luminance)."""
    colour = _hex(background).lstrip("#")
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return TEXT_COLOR if luminance > 0.22 else "#FFFFFF"


def discrete_colorscale(colors: list[str]) -> list[list[float | str]]:
    """A stepped colorscale for a heatmap whose z holds the integer codes 0..n-1."""
    n = len(colors)
    scale: list[list[float | str]] = []
    for i, colour in enumerate(colors):
        scale.append([i / n, colour])
        scale.append([(i + 1) / n, colour])
    return scale


def _template() -> go.layout.Template:
    return go.layout.Template(layout=go.Layout(
        font=dict(family=FONT_FAMILY, size=13, color=TEXT_COLOR),
        title=dict(x=0, xanchor="left", xref="paper", y=0.98, yanchor="top",
                   font=dict(size=16, color=TEXT_COLOR)),
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        colorway=list(OKABE_ITO),
        colorscale=dict(sequential=MATURITY_COLORSCALE, sequentialminus=MATURITY_COLORSCALE),
        margin=dict(l=10, r=20, t=70, b=50),
        xaxis=dict(gridcolor=GRID_COLOR, linecolor="#BFC0C5", zerolinecolor="#BFC0C5", automargin=True,
                   title=dict(standoff=8), ticks=""),
        yaxis=dict(gridcolor=GRID_COLOR, linecolor="#BFC0C5", zerolinecolor="#BFC0C5", automargin=True,
                   title=dict(standoff=8), ticks=""),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.12, yanchor="top", title=dict(text="")),
        hoverlabel=dict(bgcolor="#FFFFFF", bordercolor="#BFC0C5", font=dict(family=FONT_FAMILY, size=13,
                                                                              color=TEXT_COLOR)),
        polar=dict(bgcolor="#FFFFFF", radialaxis=dict(gridcolor=GRID_COLOR, linecolor=GRID_COLOR),
                   angularaxis=dict(gridcolor=GRID_COLOR, linecolor="#BFC0C5")),
        coloraxis=dict(colorscale=MATURITY_COLORSCALE, colorbar=dict(outlinewidth=0, thickness=12)),
        separators=",.",
    ))


_finished: go.layout.Template | None = None  # the registered template object (set by register)


def register() -> str:
    """Register the finished template once (idempotent) and make it Plotly's default; returns its name.

    The template is Plotly's "plotly_white" with the project's layer merged in, once, here:
    every ``go.Figure`` then takes this one object as is. Naming a merged template
    (``"plotly_white+egov"``) or passing a dict instead makes Plotly merge and validate the
    templates again for every figure, which cost about a third of a page run.
    """
    global _finished
    if TEMPLATE_NAME not in pio.templates:
        pio.templates[TEMPLATE_NAME] = pio.templates.merge_templates(pio.templates["plotly_white"], _template())
    _finished = pio.templates[TEMPLATE_NAME]
    pio.templates.default = _finished
    return TEMPLATE_NAME


def ensure_default() -> None:
    """Make the finished template Plotly's default again if something replaced it.

    Importing Streamlit's Plotly support sets the default to its own "streamlit" template; a
    figure built after that would take Streamlit's look. An identity check costs nothing.
    """
    if pio.templates.default is not _finished:
        pio.templates.default = _finished


def separators(lang: str) -> str:
    """Plotly's number separators: decimal comma and thousands point in Spanish."""
    return ",." if lang == "es" else ".,"


register()
