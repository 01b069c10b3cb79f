"""Every interface string in Dutch and English, and numbers, amounts and dates written the way
each language writes them.

Babel does the formatting from the Unicode CLDR data: the Dutch thousands dot and decimal
comma, where the euro sign goes, month names, and which plural form a count takes. Dates stay
numeric ``29-11-2026`` in both languages (as on Dutch forms), or ``29 november 2026`` long.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from quickscan_app.domain.text import Lang
from quickscan_app.strings import PLURALS, STRINGS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LOCALES: dict[Lang, str] = {"nl": "nl_NL", "en": "en_GB"}
SHORT_DATE = "dd-MM-yyyy"
LONG_DATE = "d MMMM y"

Number = int | float


@cache
def locale(lang: Lang) -> Locale:
    return Locale.parse(LOCALES[lang])


def t(key: str, lang: Lang) -> str:
    """The interface string ``key`` in ``lang``."""
    return STRINGS[key][lang]


def code_word(family: str, code: str, lang: Lang) -> str:
    """A code (``submitted``, ``success``) as the word the string ``{family}.{code}`` gives
    it in ``lang``; the code itself where there is none (an audit action added later)."""
    key = f"{family}.{code}"
    return STRINGS[key][lang] if key in STRINGS else code


def plural(key: str, count: Number, lang: Lang, **fields: Any) -> str:
    """The form of the counted text ``key`` that ``count`` takes in ``lang`` (Babel's plural
    rules: ``one`` for 1, ``other`` for 0 and many in Dutch and English), filled in with the
    count written as a number of that language and ``fields``."""
    forms = PLURALS[key][lang]
    text = forms.get(locale(lang).plural_form(count), forms["other"])
    return text.format(count=format_number(count, lang), **fields)


def format_number(value: Number, lang: Lang) -> str:
    """``14.500.000`` and ``2,5`` in Dutch, ``14,500,000`` and ``2.5`` in English."""
    return babel_numbers.format_decimal(value, locale=locale(lang))


@cache
def _whole_amount_pattern(lang: Lang) -> babel_numbers.NumberPattern:
    pattern = copy.copy(locale(lang).currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern


def format_amount(value: Number, lang: Lang, currency: str = "EUR") -> str:
    """``€ 14.500.000`` in Dutch, ``€14,500,000`` in English; cents only when there are any
    (``€ 1.234,50``). The space after ``€`` is a no-break space, so it never wraps."""
    whole = float(value).is_integer()
    return babel_numbers.format_currency(
        int(value) if whole else value,
        currency,
        format=_whole_amount_pattern(lang) if whole else None,
        locale=locale(lang),
        currency_digits=not whole,
    )


def format_percent(value: Number, lang: Lang) -> str:
    """A share given in percent (``45`` for 45 %): ``45%``, ``12,5%`` / ``12.5%``."""
    return babel_numbers.format_percent(value / 100, "#,##0.##%", locale=locale(lang))


def format_quantity(value: Number, lang: Lang, unit: str, unit_one: str | None = None) -> str:
    """A number with its unit: ``3 jaar``, ``1 year``, ``12 stuks``; ``%`` as a percentage.
    ``unit_one`` is the unit after a count of one, where it differs (``1 leverancier``)."""
    if unit == "%":
        return format_percent(value, lang)
    if unit_one is not None and locale(lang).plural_form(value) == "one":
        unit = unit_one
    return f"{format_number(value, lang)} {unit}"


def format_date(value: date, lang: Lang, *, long: bool = False) -> str:
    """``15-03-2027`` (numeric, as on Dutch forms, in both languages) or ``15 maart 2027``."""
    return babel_dates.format_date(value, LONG_DATE if long else SHORT_DATE, locale=locale(lang))


def format_datetime(value: datetime, lang: Lang) -> str:
    """``28-11-2026 12:05`` in Dutch local time (stored times are UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return babel_dates.format_datetime(
        value, f"{SHORT_DATE} HH:mm", tzinfo=AMSTERDAM, locale=locale(lang)
    )
