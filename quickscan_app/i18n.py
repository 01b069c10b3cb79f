"""Every interface string in Dutch and English, and dates the way the Dutch write them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from quickscan_app.domain.text import Lang

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

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
    # Refused service calls. Parameters in braces.
    "err.needs_role": {
        "nl": "Hiervoor is de rol {roles} nodig.",
        "en": "This needs the role {roles}.",
    },
    "err.no_view": {
        "nl": "U hebt geen toegang tot dossier {dossier}.",
        "en": "You may not see dossier {dossier}.",
    },
    "err.owner_only": {
        "nl": "Alleen de eigenaar mag dossier {dossier} wijzigen.",
        "en": "Only the owner may change dossier {dossier}.",
    },
    "err.not_editable": {
        "nl": "Dossier {dossier} heeft status '{status}': antwoorden en plan liggen vast.",
        "en": "Dossier {dossier} is '{status}': answers and plan cannot change now.",
    },
    "err.owner_or_admin": {
        "nl": "Alleen de eigenaar of een beheerder mag dit met dossier {dossier} doen.",
        "en": "Only the owner or an administrator may do this with dossier {dossier}.",
    },
    "err.four_eyes_owner": {
        "nl": "Vier-ogenprincipe: u kunt uw eigen dossier niet beoordelen.",
        "en": "Four-eyes principle: you cannot review your own dossier.",
    },
    "err.four_eyes_answered": {
        "nl": (
            "Vier-ogenprincipe: u hebt vragen in dit dossier beantwoord "
            "en kunt het niet beoordelen."
        ),
        "en": "Four-eyes principle: you answered questions in this dossier and cannot review it.",
    },
    "err.not_found": {
        "nl": "Dossier {dossier} bestaat niet.",
        "en": "Dossier {dossier} does not exist.",
    },
    "err.user_not_found": {
        "nl": "Gebruiker '{user}' bestaat niet.",
        "en": "User '{user}' does not exist.",
    },
    "err.stale": {
        "nl": (
            "Dossier {dossier} is intussen gewijzigd door {who} ({change}, {when}). "
            "Uw wijziging is niet opgeslagen; laad het dossier opnieuw."
        ),
        "en": (
            "Dossier {dossier} was changed by {who} in the meantime ({change}, {when}). "
            "Your change was not saved; reload the dossier."
        ),
    },
    "err.transition": {
        "nl": "Dossier {dossier} heeft status '{status}': '{step}' kan nu niet.",
        "en": "Dossier {dossier} is '{status}': '{step}' is not possible now.",
    },
    "err.incomplete": {
        "nl": "Nog niet alle verplichte vragen zijn beantwoord: {questions}.",
        "en": "Not all required questions are answered: {questions}.",
    },
    "err.invalid_answer": {
        "nl": "Ongeldig antwoord op '{question}': {problem}",
        "en": "Invalid answer to '{question}': {problem}",
    },
    "err.unknown_measure": {
        "nl": "Maatregel '{measure}' staat niet in de catalogus.",
        "en": "Measure '{measure}' is not in the catalogue.",
    },
    "err.justification_required": {
        "nl": "Geef een motivering waarom deze maatregel wordt afgewezen.",
        "en": "Give a justification for rejecting this measure.",
    },
    "err.note_required": {
        "nl": "Licht toe welke wijzigingen nodig zijn.",
        "en": "Explain which changes are needed.",
    },
    "err.empty_comment": {
        "nl": "Een opmerking mag niet leeg zijn.",
        "en": "A comment cannot be empty.",
    },
    "err.invalid_field": {
        "nl": "Ongeldige waarde voor '{field}': {problem}",
        "en": "Invalid value for '{field}': {problem}",
    },
    "err.login_failed": {
        "nl": "Onbekende gebruikersnaam of onjuist wachtwoord.",
        "en": "Unknown user name or wrong password.",
    },
    "err.user_exists": {
        "nl": "Gebruiker '{user}' bestaat al.",
        "en": "User '{user}' already exists.",
    },
    "err.password_too_short": {
        "nl": "Een wachtwoord moet minstens {length} tekens lang zijn.",
        "en": "A password must be at least {length} characters long.",
    },
    "err.unknown_role": {
        "nl": "Onbekende rol '{role}' (kies uit officer, reviewer, admin).",
        "en": "Unknown role '{role}' (choose from officer, reviewer, admin).",
    },
    "err.not_demo": {
        "nl": "De database bevat echte gegevens; demogegevens worden niet toegevoegd.",
        "en": "The database holds real data; demo data is not added.",
    },
    "err.no_content": {"nl": "{problem}", "en": "{problem}"},
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


def format_datetime(value: datetime, lang: Lang) -> str:
    """``28-11-2026 12:05`` in Dutch local time (stored times are UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(AMSTERDAM)
    return f"{format_date(local.date(), lang)} {local:%H:%M}"
