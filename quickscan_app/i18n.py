"""Every interface string in Dutch and English, and dates the way the Dutch write them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from quickscan_app.domain.text import Lang
from quickscan_app.strings import STRINGS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


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
