"""Errors a service raises for a refused call, with their message in NL and EN.

Each carries a message key from ``quickscan_app.i18n`` and its parameters; ``str(error)`` is
the English text (for logs and the CLI), ``error.message(lang)`` the text for the user.
"""

from __future__ import annotations

from typing import Any

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t


class ServiceError(Exception):
    """Base: the call was refused and nothing was changed."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: Lang) -> str:
        return t(f"err.{self.key}", lang).format(**self.params)


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
