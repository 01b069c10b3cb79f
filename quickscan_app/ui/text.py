"""Showing user text safely: Streamlit renders markdown in most places, user text must not."""

from __future__ import annotations

import re

# Every ASCII punctuation mark that markdown or Streamlit's extensions give a meaning,
# including "&" (entities such as &amp;) and ":" (emoji and colour directives).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&])")


# GitHub-flavoured markdown (Streamlit's) also finds plain web and e-mail addresses in the text
# once parsed, escapes resolved, and makes them links. An invisible word joiner (U+2060) after
# "http:" or "https:", between "www" and "." and after "@" keeps them plain text.
_AUTOLINK = re.compile(r"(?i)(?<=http:)(?=//)|(?<=https:)(?=//)|(?<=www)(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """``text`` escaped so that markdown shows it literally (no links, images, HTML, math)."""
    plain = _AUTOLINK.sub(WORD_JOINER, str(text))
    return _MARKDOWN.sub(r"\\\1", plain).replace("\n", "  \n")
