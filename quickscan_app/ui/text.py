"""Showing user text safely: Streamlit renders markdown in most places, user text must not."""

from __future__ import annotations

import re

# Every ASCII punctuation mark that markdown or Streamlit's extensions give a meaning,
# including "&" (entities such as &amp;) and ":" (emoji and colour directives).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&])")


def md(text: object) -> str:
    """``text`` escaped so that markdown shows it literally (no links, images, HTML, math)."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", "  \n")
