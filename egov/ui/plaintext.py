"""Text from data inside a Markdown sentence, shown as written: every Markdown, HTML and KaTeX mark escaped."""

from __future__ import annotations

import re

_MARKS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def plain(text: object) -> str:
    """``"**x** [a](b)"`` -> ``"\\*\\*x\\*\\* \\[a\\]\\(b\\)"``: Streamlit's Markdown shows it literally."""
    return _MARKS.sub(r"\\\1", str(text))
