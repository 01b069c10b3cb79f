"""Errors a service raises for a refused call, with their message in NL and EN.

Each carries a message key from ``quickscan_app.i18n`` and its parameters; ``str(error)`` is
the English text (for logs and the CLI), ``error.message(lang)`` the text for the user. The
message names codes in words ("Ingediend", not "submitted"): a ``status`` parameter is a
dossier's status and a ``step`` a workflow step unless given as a :class:`Code` of another
family; a dossier's last change goes in as a :class:`Change`. The audit trail, which records
the parameters as text, keeps the codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import code_word, t


@dataclass(frozen=True)
class Code:
    """A code (``submitted``, ``approve``) of a family of strings (``status``, ``step``)."""

    family: str
    code: str

    def __str__(self) -> str:
        return self.code

    def text(self, lang: Lang) -> str:
        return code_word(self.family, self.code, lang)


_NAMED_CODES = ("status", "step")
"""Parameters whose plain text is a code of the family of that name."""

_CHANGE = re.compile(r"(status|answer|plan|questionnaire)\b ?(.*)")


@dataclass(frozen=True)
class Change:
    """A dossier's ``last_change`` record ("status submitted", "answer q", "plan m rejected",
    "questionnaire 1 -> 2", "created", "imported") and how it reads."""

    record: str

    def __str__(self) -> str:
        return self.record

    def text(self, lang: Lang) -> str:
        found = _CHANGE.fullmatch(self.record)
        if found is None:
            return code_word("change", self.record, lang)
        kind, rest = found.groups()
        if kind == "status":
            return t("change.status", lang).format(status=Code("status", rest).text(lang))
        if kind == "questionnaire":
            return t("change.questionnaire", lang).format(version=rest.rpartition(" ")[2])
        return t(f"change.{kind}", lang)


class ServiceError(Exception):
    """Base: the call was refused and nothing was changed."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def words(self, lang: Lang) -> dict[str, Any]:
        """The parameters as the message shows them: codes and changes in words."""
        shown: dict[str, Any] = {}
        for name, value in self.params.items():
            if isinstance(value, str) and name in _NAMED_CODES:
                shown[name] = Code(name, value).text(lang)
            elif isinstance(value, Code | Change):
                shown[name] = value.text(lang)
            else:
                shown[name] = value
        return shown

    def message(self, lang: Lang) -> str:
        return t(f"err.{self.key}", lang).format(**self.words(lang))


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    """A write based on a stale version of the dossier."""


class WorkflowError(ServiceError):
    """An illegal state transition, or a step whose preconditions are not met."""


class InvalidInput(ServiceError):
    pass


class AuthenticationFailed(ServiceError):
    pass
