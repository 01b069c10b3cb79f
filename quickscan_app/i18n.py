"""Every interface string in Dutch and English, and dates the way the Dutch write them."""

from __future__ import annotations

from datetime import date

from quickscan_app.domain.text import Lang

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

STRINGS: dict[str, dict[Lang, str]] = {
    "overall_level": {"nl": "Totaalniveau", "en": "Overall level"},
    "residual_level": {"nl": "Restrisico na maatregelen", "en": "Residual risk after measures"},
    "full_analysis_yes": {
        "nl": "Een volledige risicoanalyse is nodig (een scenario is hoog of hoger).",
        "en": "A full risk analysis is required (a scenario is high or above).",
    },
    "full_analysis_no": {
        "nl": "Geen volledige risicoanalyse nodig: geen scenario is hoog of hoger.",
        "en": "No full risk analysis required: no scenario is high or above.",
    },
    "scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    "likelihood": {"nl": "kans", "en": "likelihood"},
    "impact": {"nl": "impact", "en": "impact"},
    "escalations": {"nl": "Escalaties", "en": "Escalations"},
    "open_points": {
        "nl": "Open punten (onbekend, gerekend als ongunstigste geval)",
        "en": "Open points (unknown, scored as the worst credible case)",
    },
    "open_required": {"nl": "Nog te beantwoorden", "en": "Still to answer"},
    "proposed_measures": {"nl": "Voorgestelde maatregelen", "en": "Proposed measures"},
    "residual": {"nl": "Restrisico", "en": "Residual risk"},
    "none": {"nl": "geen", "en": "none"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "assumed": {"nl": "aangenomen", "en": "assumed"},
    "reduction": {"nl": "risicoreductie", "en": "risk reduction"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "questions": {"nl": "vragen", "en": "questions"},
    "scenario_count": {"nl": "scenario's", "en": "scenarios"},
    "measure_count": {"nl": "maatregelen", "en": "measures"},
    "content_ok": {"nl": "Inhoud in orde", "en": "Content valid"},
}


def t(key: str, lang: Lang) -> str:
    """The interface string ``key`` in ``lang``."""
    return STRINGS[key][lang]


def format_date(value: date, lang: Lang, *, long: bool = False) -> str:
    """``15-03-2027`` (numeric, as on Dutch forms, in both languages) or ``15 maart 2027``."""
    if not long:
        return f"{value.day:02d}-{value.month:02d}-{value.year}"
    months = MONTHS_NL if lang == "nl" else MONTHS_EN
    return f"{value.day} {months[value.month - 1]} {value.year}"
