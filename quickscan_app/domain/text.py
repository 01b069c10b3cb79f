"""Bilingual text and the identifiers used in content files."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]*$", min_length=1, max_length=80)
]
Version = Annotated[int, Field(ge=1, strict=True)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for content models: unknown keys are an error, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(Strict):
    """A text a person reads, in Dutch and English. Both are required."""

    nl: NonEmpty
    en: NonEmpty

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


class ContentRef(Strict):
    """Points at another content file by id and version."""

    id: Identifier
    version: Version
