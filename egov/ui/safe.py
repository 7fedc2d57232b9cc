"""One way to show text from data or users on a page: it can never be read as Markdown, HTML or KaTeX.

Streamlit renders Markdown (with its own directives: ``:red[…]``,
``:material/…:``, emoji shortcodes, KaTeX between ``$``) in titles, headers,
captions, alerts, metric and widget labels, tabs and expanders. Entity
names, findings, file names, user names and URL parameters are data: a cell
holding ``![x](http://…)`` would make every browser fetch that address, and
a finding numbered 99 written as ``99. …`` is renumbered by the Markdown
list. ``plain`` escapes every character Markdown, HTML or a directive could
use (a backslash before each), so the text shows exactly as stored; ``t``
is the catalogue's ``t`` with every parameter made plain (the catalogue's
own Markdown stays); ``text`` draws a block of text with no Markdown at all.
"""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from egov.i18n import t as catalogue_t

# Characters that form markup wherever they stand: emphasis, code, links and images, HTML, KaTeX,
# strikethrough, tables, entities; a colon before a word (emoji and icon shortcodes, "http:").
_INLINE = re.compile(r"([\\`*_\[\]<>$~|&]|:(?=\S))")
# Characters that form markup only at the start of a line: headings, quotes, lists (also "99." and "99)",
# which a Markdown list would renumber), setext underlines.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))", re.MULTILINE)


# GFM turns bare addresses into links after escapes are resolved (on the text itself), so a backslash cannot
# stop it: an invisible word joiner (U+2060) after the scheme, before "www." dots and before "@" keeps the
# text as shown while no address forms. The stored text is never changed.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)(?=[:.])|(?=@)")
_JOINER = "\u2060"


def plain(value: Any) -> str:
    """``value`` as text Markdown shows literally (no link, image, emphasis, heading, list, HTML, KaTeX).

    Only what could form markup is escaped (with a backslash), so ordinary
    text such as «MIN-SALUD, 2.5» stays as it is in the Markdown source.
    """
    text = _AUTOLINK.sub(lambda m: (m.group(1) or "") + _JOINER, "" if value is None else str(value))
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit()
                                                    else "\\" + m.group(2)), text)


def t(key: str, lang: str, **params: Any) -> str:
    """The catalogue's text with every parameter shown literally (for Markdown-rendering elements)."""
    return catalogue_t(key, lang, **{name: plain(value) for name, value in params.items()})


def text(value: Any, *, where=st) -> None:
    """A block of data text with no Markdown at all (line breaks kept)."""
    where.text("" if value is None else str(value))
