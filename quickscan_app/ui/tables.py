"""Tables people must read whole: plain HTML that wraps, every cell escaped.

Streamlit's data grid draws on a canvas: long texts are cut off and narrow screens scroll
sideways. These tables wrap within the page width; on a phone each row becomes a small card
with the column name before each value, so more than the first column stays readable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

import streamlit as st

from quickscan_app.domain.text import Lang

# One rule set for every table; sent with each table (a few hundred bytes) so a page needs
# no global set-up. Colours meet WCAG AA on white (#1f2937 13:1, borders decorative).
# On a phone a long word (a column named after a bidder) may break anywhere: 'break-word'
# breaks it too, but still lets it widen the card beyond the screen.
_STYLE = """<style>
.qs-table{width:100%;border-collapse:collapse;font-size:0.92rem;line-height:1.4}
.qs-table th{text-align:left;font-weight:600;color:#1f2937;border-bottom:2px solid #9ca3af;
padding:.35rem .5rem;vertical-align:bottom}
.qs-table td{color:#1f2937;border-bottom:1px solid #e5e7eb;padding:.35rem .5rem;
vertical-align:top;overflow-wrap:break-word;hyphens:auto}
.qs-table td.qs-num,.qs-table th.qs-num{text-align:right}
.qs-table td.qs-num{white-space:nowrap}
.qs-table td.qs-wide{min-width:10rem}
.qs-table caption{caption-side:top;text-align:left;color:#4b5563;padding-bottom:.25rem}
@media (max-width:640px){
.qs-table thead{position:absolute;left:-9999px}
.qs-table tr{display:block;border-bottom:2px solid #9ca3af;padding:.35rem 0}
.qs-table td{display:grid;grid-template-columns:38% 1fr;gap:.5rem;border:none;padding:.15rem 0;
overflow-wrap:anywhere}
.qs-table td.qs-num{text-align:left;white-space:normal}
.qs-table td.qs-wide{min-width:0}
.qs-table td:empty{display:none}
.qs-table td::before{content:attr(data-label);font-weight:600;color:#374151}
}
</style>"""


def _cell(value: object) -> str:
    if value is None:
        return ""
    return escape(str(value), quote=True).replace("\n", "<br>")


def table_html(
    rows: Sequence[Mapping[str, object]],
    *,
    name: str,
    lang: Lang,
    numeric: Iterable[str] = (),
    wide: Iterable[str] = (),
    caption: str | None = None,
) -> str:
    """The rows as an escaped HTML table. ``numeric`` columns align right, ``wide`` columns
    (long texts such as a title or justification) get room before the others squeeze them."""
    columns = list(rows[0]) if rows else []
    numbers, long_texts = set(numeric), set(wide)

    def css(column: str) -> str:
        classes = [
            name
            for name, applies in (("qs-num", column in numbers), ("qs-wide", column in long_texts))
            if applies
        ]
        return f' class="{" ".join(classes)}"' if classes else ""

    head = "".join(f'<th scope="col"{css(c)}>{_cell(c)}</th>' for c in columns)
    body = "".join(
        "<tr>"
        + "".join(f'<td{css(c)} data-label="{_cell(c)}">{_cell(row.get(c))}</td>' for c in columns)
        + "</tr>"
        for row in rows
    )
    title = f"<caption>{_cell(caption)}</caption>" if caption else ""
    return (
        f'{_STYLE}<table class="qs-table" lang="{lang}" data-table="{escape(name)}">'
        f"{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def show_table(rows: Sequence[Mapping[str, object]], **options: Any) -> None:
    """Draws the table (``st.html``: no markdown, so no links or emphasis from user text);
    ``options`` as for ``table_html``."""
    st.html(table_html(rows, **options))


_ANSWERS_STYLE = """<style>
.qs-answers{margin:0;padding:0}
.qs-answers dt{font-weight:600;color:#1f2937;margin:.6rem 0 0 0;padding:0}
.qs-answers dd{margin:.1rem 0 0 0;color:#1f2937;overflow-wrap:break-word}
.qs-answers dd.qs-comment{color:#1e3a8a;background:#eff6ff;padding:.25rem .5rem;margin-top:.25rem}
</style>"""


def answers_html(items: Sequence[tuple[str, str, Sequence[str]]], *, name: str, lang: Lang) -> str:
    """Questions and their answers as readable text (a description list), each with the
    comments made on it: the read-only view of a dossier, with no form controls to squint at."""
    parts = []
    for question, answer, comments in items:
        parts.append(f"<dt>{_cell(question)}</dt><dd>{_cell(answer)}</dd>")
        parts.extend(f'<dd class="qs-comment">💬 {_cell(c)}</dd>' for c in comments)
    return (
        f'{_ANSWERS_STYLE}<dl class="qs-answers" lang="{lang}" data-answers="{escape(name)}">'
        + "".join(parts)
        + "</dl>"
    )
