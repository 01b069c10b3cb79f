"""The 5×5 heatmap and each scenario's level with the reasons behind it.

The panel is drawn as a few blocks of HTML (text escaped) rather than thirty-odd Streamlit
elements: the wizard draws it again after every answer, and the browser's cost is per element.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import streamlit as st

from quickscan_app.domain.library import Library
from quickscan_app.domain.risk import Level
from quickscan_app.domain.text import Lang
from quickscan_app.engine.assessment import Assessment
from quickscan_app.engine.scoring import Reason, ScenarioScore, strongest_first
from quickscan_app.i18n import t
from quickscan_app.presenters import answer_label
from quickscan_app.ui.text import md

# Light-to-medium fills with dark text: readable (WCAG AA) and still a heatmap.
LEVEL_COLOURS = {
    Level.LOW: ("#b7dfb0", "#0b2e0b"),
    Level.MEDIUM: ("#ffe08a", "#3d2e00"),
    Level.HIGH: ("#f6b07a", "#3d1a00"),
    Level.VERY_HIGH: ("#ec8a83", "#2b0000"),
}

_STYLE = """<style>
.qs-heat{border-collapse:collapse;margin:.25rem 0 .25rem 0;font-size:.85rem;width:100%;
  table-layout:fixed}
.qs-heat th,.qs-heat td{border:2px solid #fff;padding:.15rem;text-align:center}
.qs-heat td{height:2.3rem;font-weight:600}
.qs-heat th{font-weight:600;color:#1f2937;background:#f3f4f6}
.qs-heat th.qs-axis{background:none;font-weight:400;width:5.5rem}
.qs-heat caption{caption-side:top;text-align:left;font-weight:600;color:#1f2937;
  padding-bottom:.2rem}
.qs-panel{color:#1f2937}
.qs-panel .qs-note{font-size:.875rem;color:#4b5563;margin:.25rem 0}
.qs-levels{display:flex;gap:1rem;margin-bottom:.5rem}
.qs-levels>div{flex:1}
.qs-badge{display:inline-block;border-radius:.5rem;padding:.05rem .5rem;font-size:.875rem;
  font-weight:600}
.qs-panel details{border:1px solid #d5dae5;border-radius:.5rem;margin:.5rem 0;padding:0 .75rem}
.qs-panel summary{cursor:pointer;padding:.5rem 0}
.qs-panel details[open]>summary{border-bottom:1px solid #e5e7eb;margin-bottom:.5rem}
.qs-panel details details{border:none;padding:0;margin:.25rem 0}
.qs-panel ul{padding-left:1.25rem;margin:.25rem 0 .5rem 0}
.qs-panel li{margin:.2rem 0}
</style>"""


def heatmap_html(
    library: Library, points: Sequence[tuple[int, int]], title: str, lang: Lang
) -> str:
    """The grid with the numbers of the scenarios in each cell."""
    cells: dict[tuple[int, int], list[str]] = {}
    for number, (likelihood, impact) in enumerate(points, start=1):
        cells.setdefault((likelihood, impact), []).append(str(number))
    return grid_html(library, {k: " ".join(v) for k, v in cells.items()}, title, lang)


def grid_html(library: Library, cells: dict[tuple[int, int], str], title: str, lang: Lang) -> str:
    """An accessible HTML table: rows likelihood 5..1, columns impact 1..5, coloured by the
    risk model's grid, with ``cells`` as their text. Only content and interface text, escaped."""
    model = library.risk_model
    rows = []
    for likelihood in range(5, 0, -1):
        label = escape(model.likelihood_scale[likelihood - 1].label.get(lang))
        row = [f'<th scope="row" title="{label}">{likelihood}</th>']
        for impact in range(1, 6):
            level = model.level(likelihood, impact)
            bg, fg = LEVEL_COLOURS[level]
            text = escape(cells.get((likelihood, impact), ""))
            name = escape(model.level_label(level).get(lang))
            row.append(f'<td style="background:{bg};color:{fg}" title="{name}">{text}</td>')
        rows.append("<tr>" + "".join(row) + "</tr>")
    head = "".join(
        f'<th scope="col" title="{escape(model.impact_scale[i - 1].label.get(lang))}">{i}</th>'
        for i in range(1, 6)
    )
    axis = escape(f"{t('ui.likelihood', lang)} ↓ {t('ui.impact', lang)} →")
    return (
        f'{_STYLE}<table class="qs-heat"><caption>{escape(title)}</caption>'
        f'<tr><th scope="col" class="qs-axis">{axis}</th>{head}</tr>{"".join(rows)}</table>'
    )


def scale_legend(library: Library, lang: Lang) -> list[str]:
    """One line per scale: "Kans: 1 zeer klein, 2 klein, …"."""
    model = library.risk_model
    return [
        f"{t(name, lang)}: " + ", ".join(f"{p.value} {p.label.get(lang)}" for p in scale) + "."
        for name, scale in (
            ("ui.likelihood", model.likelihood_scale),
            ("ui.impact", model.impact_scale),
        )
    ]


def render_heatmap(library: Library, scores: Sequence, title: str, lang: Lang) -> None:
    points = [(s.likelihood, s.impact) for s in scores]
    st.markdown(heatmap_html(library, points, title, lang), unsafe_allow_html=True)
    st.caption("  \n".join(md(line) for line in scale_legend(library, lang)))
    legend = [
        f"{n}. {md(library.risk_model.scenario_by_id[s.scenario_id].title.get(lang))}"
        for n, s in enumerate(scores, start=1)
    ]
    st.caption("  \n".join(legend))


def reasons_html(library: Library, score: ScenarioScore, lang: Lang) -> str:
    """One scenario's reasons as HTML (text escaped), strongest cause first; the reasons that
    change nothing in the score (a cause group already at its cap, a lower floor) are left to
    ``folded_reasons_html``."""
    if not score.reasons:
        return f"<p>{escape(t('ui.no_reasons', lang))}</p>"
    ordered = strongest_first(library.risk_model, score)
    head = ""
    if score.factors is not None:
        f = score.factors
        step = f" ({t('ui.exposure_step', lang)})" if f.control_step else ""
        line = (
            f"{t('ui.threat', lang)} {f.threat} · {t('ui.exposure', lang)} {f.exposure}{step} · "
            f"{t('ui.raw_points', lang)} {f.raw_likelihood_points}"
        )
        head = f"<em>{escape(line)}</em>"
        if any(counts and any(a.unknown for a in r.answers) for r, counts in ordered):
            head += f"<br><strong>{escape(t('ui.rests_on_unknown', lang))}</strong>"
        head = f"<p>{head}</p>"
    items = "".join(_reason_item(library, reason, lang) for reason, counts in ordered if counts)
    return head + (f"<ul>{items}</ul>" if items else "")


def folded_reasons_html(library: Library, score: ScenarioScore, lang: Lang) -> str:
    """The reasons that change nothing in the score, folded away in a <details> element (text
    escaped for HTML); empty when every reason counts."""
    rest = [r for r, counts in strongest_first(library.risk_model, score) if not counts]
    if not rest:
        return ""
    items = "".join(_reason_item(library, reason, lang) for reason in rest)
    summary = escape(f"{t('ui.reasons_folded', lang)} ({len(rest)})")
    return f"<details><summary>{summary}</summary><ul>{items}</ul></details>"


def _reason_parts(library: Library, reason: Reason, lang: Lang) -> tuple[str, str, str]:
    """Plain text: what it does ("kans +2 · Toegang op afstand"), why, and the answers cited."""
    questions = library.questionnaire.by_id
    parts = []
    for cited in reason.answers:
        question = questions[cited.question_id]
        text = answer_label(question, cited.given, lang)
        if cited.unknown:
            text += f" → {t('assumed', lang)}: {answer_label(question, cited.scored, lang)}"
        parts.append(text)
    amount = (
        f"{t('ui.at_least', lang)} {reason.at_least}" if reason.at_least is not None
        else reason.effect
    )  # fmt: skip
    effect = f"{t(reason.dimension.value, lang)} {amount}"
    group = library.risk_model.group_by_id.get(reason.group or "")
    if group is not None:
        effect += f" · {group.title.get(lang)}"
    return effect, reason.text.get(lang), "; ".join(parts)


def _reason_item(library: Library, reason: Reason, lang: Lang) -> str:
    effect, because, answers = _reason_parts(library, reason, lang)
    answer = f"<br><em>{escape(t('ui.your_answer', lang))}: {escape(answers)}</em>"
    return (
        f"<li><strong>{escape(effect)}</strong>: {escape(because)}{answer if answers else ''}</li>"
    )


def render_risk_panel(
    library: Library, assessment: Assessment, lang: Lang, *, compact: bool
) -> None:
    """Overall level, the heatmap (inherent, and residual when there is a plan), scenarios.

    A scenario is a block of its own: one whose text did not change keeps its state (folded
    or unfolded) when the page is drawn again."""
    st.markdown(f"### {t('ui.risk_panel', lang)}")
    planned = assessment.residual is not None and any(r.measure_ids for r in assessment.residual)
    levels = [(t("overall_level", lang), assessment.overall_level)]
    if planned:
        levels.append((t("residual_level", lang), assessment.residual_level or Level.LOW))
    badges = "".join(
        f'<div><p class="qs-note">{escape(label)}</p>{_badge_html(library, level, lang)}</div>'
        for label, level in levels
    )
    maps = _heatmap_block(library, assessment.scenarios, t("ui.inherent_risk", lang), lang)
    if planned and not compact:
        maps += _heatmap_block(library, assessment.residual, t("ui.residual_risk", lang), lang)
    st.html(f'{_STYLE}<div class="qs-panel"><div class="qs-levels">{badges}</div>{maps}</div>')
    for number, score in enumerate(assessment.scenarios, start=1):
        st.html(
            f'<div class="qs-panel">{_scenario_html(library, number, score, lang, compact)}</div>'
        )


def _scenario_html(
    library: Library, number: int, score: ScenarioScore, lang: Lang, compact: bool
) -> str:
    scenario = library.risk_model.scenario_by_id[score.scenario_id]
    label = library.risk_model.level_label(score.level).get(lang)
    figures = f"{t('ui.l_short', lang)}{score.likelihood} × {t('ui.i_short', lang)}{score.impact}"
    title = escape(f"{number}. {scenario.title.get(lang)} — {label} ({figures})")
    about = "" if compact else f'<p class="qs-note">{escape(scenario.description.get(lang))}</p>'
    return (
        f"<details><summary>{title}</summary>{about}{reasons_html(library, score, lang)}"
        f"{folded_reasons_html(library, score, lang)}</details>"
    )


def _heatmap_block(library: Library, scores: Sequence, title: str, lang: Lang) -> str:
    """The heatmap with its two legends (what ``render_heatmap`` draws), as HTML."""
    points = [(s.likelihood, s.impact) for s in scores]
    scales = "<br>".join(escape(line) for line in scale_legend(library, lang))
    names = "<br>".join(
        escape(f"{n}. {library.risk_model.scenario_by_id[s.scenario_id].title.get(lang)}")
        for n, s in enumerate(scores, start=1)
    )
    table = heatmap_html(library, points, title, lang).removeprefix(_STYLE)
    return f'{table}<p class="qs-note">{scales}</p><p class="qs-note">{names}</p>'


def _badge_html(library: Library, level: Level, lang: Lang) -> str:
    """The level as a coloured label: the heatmap's colours, readable (WCAG AA)."""
    bg, fg = LEVEL_COLOURS[level]
    label = escape(library.risk_model.level_label(level).get(lang))
    return f'<span class="qs-badge" style="background:{bg};color:{fg}">{label}</span>'
