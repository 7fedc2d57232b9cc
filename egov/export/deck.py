"""The slides as a PowerPoint deck (16:9), written with python-pptx.

Each slide keeps the headline as real, editable title text (the layout's
title placeholder, so outlines and screen readers see it), the chart as a
picture rendered by kaleido (``egov.export.images``), the note under it and
the source note (framework, round, filters, date, «Datos de demostración»
when synthetic data is in it) at the bottom; note and source are repeated
in the speaker notes. A cover slide opens the deck.
"""

from __future__ import annotations

import io
from typing import Callable, Sequence

from egov.export import images
from egov.export.slides import Slide, styled
from egov.i18n import t

# 13.333 × 7.5 in (16:9). Chart pictures are rendered at this pixel size (×2 for sharpness).
PICTURE_WIDTH, PICTURE_HEIGHT = 1200, 500
INK = (0x1A, 0x1A, 0x1A)
ACCENT = (0x0F, 0x4C, 0x81)
MUTED = (0x55, 0x55, 0x55)
DEMO = (0x8A, 0x1C, 0x1C)


def _rgb(colour):
    from pptx.dml.color import RGBColor

    return RGBColor(*colour)


def _text(slide, left, top, width, height, text: str, *, size: int, bold: bool = False, colour=INK,
          italic: bool = False):
    from pptx.util import Pt

    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = _rgb(colour)
    return box


def _title(slide, text: str, left, top, width, height, size: int):
    from pptx.util import Pt

    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = left, top, width, height
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = text
    for paragraph in frame.paragraphs:
        paragraph.alignment = 1  # left
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.color.rgb = _rgb(ACCENT)
    return shape


def pptx_deck(slides: Sequence[Slide], *, lang: str = "es", title: str | None = None,
              render: Callable | None = None) -> bytes:
    """The .pptx bytes of ``slides`` (a cover first). ``render(fig) -> PNG bytes`` defaults to kaleido."""
    from pptx import Presentation
    from pptx.util import Inches

    render = render or (lambda fig: images.to_png(fig, width=PICTURE_WIDTH, height=PICTURE_HEIGHT, scale=2))
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    title_only = deck.slide_layouts[5]
    margin, width = Inches(0.5), Inches(12.333)
    synthetic = any(s.synthetic for s in slides)
    source = slides[0].source if slides else ""

    cover = deck.slides.add_slide(title_only)
    subject = slides[0].subject if slides else ""
    if not title:
        title = t("present.deck.cover_entity", lang, entity=subject) if subject else t("present.deck.cover", lang)
    _title(cover, title, margin, Inches(2.3), width, Inches(1.6), 40)
    _text(cover, margin, Inches(4.0), width, Inches(1.0), source, size=16, colour=MUTED)
    if synthetic:
        _text(cover, margin, Inches(5.0), width, Inches(0.6), t("present.demo", lang).upper(), size=16, bold=True,
              colour=DEMO)
    _text(cover, margin, Inches(6.6), width, Inches(0.5), t("export.report.institution", lang), size=12,
          colour=MUTED)

    for slide in slides:
        page = deck.slides.add_slide(title_only)
        _title(page, slide.headline, margin, Inches(0.25), width, Inches(1.05), 26)
        png = render(styled(slide.figure, height=PICTURE_HEIGHT, font_size=15))
        page.shapes.add_picture(io.BytesIO(png), margin, Inches(1.35), width=width)  # 12.333 × 5.14 in
        if slide.note:
            _text(page, margin, Inches(6.5), width, Inches(0.5), slide.note, size=14)
        _text(page, margin, Inches(7.0), width, Inches(0.4), slide.source, size=10,
              colour=DEMO if slide.synthetic else MUTED)
        notes = page.notes_slide.notes_text_frame
        notes.text = "\n".join(part for part in (slide.headline, slide.note, slide.source) if part)

    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
