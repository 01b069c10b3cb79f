"""A refused service call in the user's language, including the part the service says in English.

``err.invalid_field`` and ``err.invalid_answer`` carry a ``problem`` the service writes in
English ("1-64 characters, no spaces") and a ``field`` by its code name ("name"). The
``problem.*`` strings hold each English text (``{name}`` for a varying part) with its Dutch
translation, the ``field.*`` strings the field names: matched here, so a Dutch page shows
"Ongeldige waarde voor 'naam': 1 tot 64 tekens, zonder spaties" instead of half English.
"""

from __future__ import annotations

import re
from functools import cache

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t
from quickscan_app.services.errors import ServiceError
from quickscan_app.strings import STRINGS
from quickscan_app.ui.text import md

_PART = re.compile(r"\\\{(\w+)\\\}")  # a "{name}" after re.escape


@cache
def _problems() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(_PART.sub(r"(?P<\1>.+?)", re.escape(texts["en"]))), key)
        for key, texts in STRINGS.items()
        if key.startswith("problem.")
    ]


def problem_text(problem: str, lang: Lang) -> str:
    """The service's English ``problem`` in ``lang``; as it is when no translation is known."""
    for pattern, key in _problems():
        if found := pattern.fullmatch(problem):
            return t(key, lang).format(**found.groupdict())
    return problem


def error_message(exc: ServiceError, lang: Lang) -> str:
    """What to show the user for a refused call: ``exc.message(lang)`` with its English
    ``problem`` and field name translated, every part escaped for markdown (they name people,
    titles and values someone typed; ``st.error`` renders markdown)."""
    params = exc.words(lang)
    if isinstance(params.get("problem"), str):
        params["problem"] = problem_text(params["problem"], lang)
    field = params.get("field")
    if isinstance(field, str) and f"field.{field}" in STRINGS:
        params["field"] = t(f"field.{field}", lang)
    return t(f"err.{exc.key}", lang).format(**{k: md(v) for k, v in params.items()})
