"""The measure catalogue: what a buyer can do about each scenario, with its tender text."""

from __future__ import annotations

import datetime
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from quickscan_app.domain.conditions import Condition, yes_no_field
from quickscan_app.domain.risk import Level
from quickscan_app.domain.text import (
    ContentRef,
    Identifier,
    LocalText,
    NonEmpty,
    Strict,
    Version,
)

Steps = Annotated[int, Field(ge=0, le=4, strict=True)]
ControlRef = Annotated[str, Field(pattern=r"^\d+(\.\d+){1,2}$")]
Bio2Id = Annotated[str, Field(pattern=r"^\d\.\d{2}\.\d{2}$")]
"""A BIO2 government measure number: ISO control (two digits) and sequence, e.g. ``5.20.06``."""
IsoControl = Annotated[str, Field(pattern=r"^\d\.\d{1,2}$")]
"""An ISO/IEC 27002:2022 control as the catalogue cites it, e.g. ``6.6``."""


class MeasureKind(StrEnum):
    EXCLUSION_GROUND = "exclusion_ground"
    SELECTION_CRITERION = "selection_criterion"
    REQUIREMENT = "requirement"
    CONTRACT_CLAUSE = "contract_clause"
    AWARD_CRITERION = "award_criterion"
    TECHNICAL = "technical"
    ORGANISATIONAL = "organisational"
    PROCEDURAL = "procedural"


class Phase(StrEnum):
    BEFORE_PUBLICATION = "before_publication"
    IN_TENDER_DOCUMENTS = "in_tender_documents"
    AT_AWARD = "at_award"
    DURING_CONTRACT = "during_contract"


class TenderSection(StrEnum):
    """Where a measure's text goes in the tender dossier, in the order the dossier lists them."""

    PREPARATION = "preparation"
    NDA = "nda"
    EXCLUSION_SELECTION = "exclusion_selection"
    REQUIREMENTS = "requirements"
    CONTRACT_CLAUSES = "contract_clauses"
    AWARD_CRITERIA = "award_criteria"
    CONTRACT_MANAGEMENT = "contract_management"


_SECTION_OF_KIND = {
    MeasureKind.EXCLUSION_GROUND: TenderSection.EXCLUSION_SELECTION,
    MeasureKind.SELECTION_CRITERION: TenderSection.EXCLUSION_SELECTION,
    MeasureKind.REQUIREMENT: TenderSection.REQUIREMENTS,
    MeasureKind.CONTRACT_CLAUSE: TenderSection.CONTRACT_CLAUSES,
    MeasureKind.AWARD_CRITERION: TenderSection.AWARD_CRITERIA,
}
_SECTION_OF_PHASE = {
    Phase.BEFORE_PUBLICATION: TenderSection.PREPARATION,
    Phase.DURING_CONTRACT: TenderSection.CONTRACT_MANAGEMENT,
}


class Controls(Strict):
    """References to BIO2 government measures and ISO/IEC 27002:2022 controls."""

    bio2: tuple[ControlRef, ...] = ()
    iso27002: tuple[ControlRef, ...] = ()

    @model_validator(mode="after")
    def _at_least_one(self) -> Controls:
        if not self.bio2 and not self.iso27002:
            raise ValueError("a measure needs at least one BIO2 or ISO/IEC 27002 reference")
        return self


class Mitigation(Strict):
    scenario: Identifier
    likelihood: Steps = 0
    impact: Steps = 0

    @model_validator(mode="after")
    def _some_effect(self) -> Mitigation:
        if self.likelihood == 0 and self.impact == 0:
            raise ValueError("a mitigation lowers likelihood or impact by at least one step")
        return self


class Guarantee(Strict):
    """An answer a measure makes true once it is in place.

    Exactly one of: ``answer`` (the answer becomes this), ``without`` (these options are taken
    out of a multiple-choice answer), ``at_most`` (a number answer is capped at this value).
    """

    question: Identifier
    answer: Any = None
    without: tuple[Identifier, ...] | None = None
    at_most: float | None = None
    keeps: tuple[Identifier, ...] = ()
    """With ``answer``: answers already at least as good, which the measure leaves as they are."""

    @model_validator(mode="before")
    @classmethod
    def _yaml_booleans_are_yes_no(cls, data: Any) -> Any:
        return yes_no_field(data, "answer")

    @model_validator(mode="after")
    def _one_form(self) -> Guarantee:
        given = [n for n in ("answer", "without", "at_most") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("a guarantee needs exactly one of 'answer', 'without', 'at_most'")
        return self


class ProposalRule(Strict):
    min_level: Level = Level.MEDIUM
    condition: Condition | None = None


class Measure(Strict):
    id: Identifier
    title: LocalText
    description: LocalText
    kind: MeasureKind
    phase: Phase
    controls: Controls
    mitigates: tuple[Mitigation, ...] = ()
    """Steps down without changing an answer (version 1; version 2: paper measures only)."""
    guarantees: tuple[Guarantee, ...] = ()
    """Version 2: the answers this measure makes true; its residual is the score of those."""
    alternatives: tuple[Identifier, ...] = ()
    """Measures that do the same job another way: at most one of them in a plan."""
    last_resort: bool = False
    """Proposed after the lighter measures (proportionality, art. 1.10 Aanbestedingswet 2012)."""
    obligation: bool = False
    """A task that is due whenever its condition holds (a BIO2 duty for every supplier
    contract, an assessment not yet done): proposed as a to-do, whatever the risk."""
    proposed_when: ProposalRule = ProposalRule()
    tender_text: LocalText
    tender_section: TenderSection | None = None
    """Where the tender dossier puts it; by default follows from kind and phase."""

    @model_validator(mode="after")
    def _acts_somehow(self) -> Measure:
        if not self.mitigates and not self.guarantees and not self.obligation:
            raise ValueError("a measure needs 'mitigates', 'guarantees' or 'obligation: true'")
        return self

    @property
    def acts_on_answers(self) -> bool:
        return bool(self.guarantees)

    @property
    def section(self) -> TenderSection:
        if self.tender_section is not None:
            return self.tender_section
        if self.kind in _SECTION_OF_KIND:
            return _SECTION_OF_KIND[self.kind]
        return _SECTION_OF_PHASE.get(self.phase, TenderSection.REQUIREMENTS)


class MeasureCatalogue(Strict):
    kind: Literal["measure_catalogue"] = "measure_catalogue"
    id: Identifier
    version: Version
    risk_model: ContentRef
    bio2_reference: NonEmpty | None = None
    """The BIO2 version (``version`` of a ``bio2_measures`` file) whose list of government
    measures every ``controls.bio2`` id must be in, current. Without it nothing is checked."""
    measures: tuple[Measure, ...] = Field(min_length=1)

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)

    @cached_property
    def by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in self.measures}


class Bio2Status(StrEnum):
    CURRENT = "current"
    LAPSED = "lapsed"
    """The text reads "Vervallen": the number is no longer a measure."""
    MOVED = "moved"
    """The text reads "Verplaatst naar …" (or "Zie overheidsmaatregel …"): cite ``moved_to``."""


class Bio2Measure(Strict):
    id: Bio2Id
    title: NonEmpty
    """A short Dutch title (a paraphrase, not the BIO2 text)."""
    status: Bio2Status = Bio2Status.CURRENT
    moved_to: Bio2Id | None = None
    note: NonEmpty | None = None

    @model_validator(mode="after")
    def _moved_names_its_target(self) -> Bio2Measure:
        if (self.status is Bio2Status.MOVED) != (self.moved_to is not None):
            raise ValueError("'moved_to' goes with status 'moved', and only with it")
        return self

    @property
    def iso_control(self) -> str:
        return iso_control_of(self.id)


class Bio2MeasureList(Strict):
    """Reference data: the government measures of one BIO2 version (``mitigations/bio2-*.yaml``).

    Not content of its own: the loader keeps it apart and checks the ``controls.bio2`` ids of
    every catalogue that declares ``bio2_reference`` with this version against it.
    """

    kind: Literal["bio2_measures"] = "bio2_measures"
    version: NonEmpty
    date: datetime.date
    status: NonEmpty | None = None
    source: NonEmpty
    measures: tuple[Bio2Measure, ...] = Field(min_length=1)
    no_government_measure: tuple[IsoControl, ...] = ()
    """ISO/IEC 27002 controls for which BIO2 reads "Geen overheidsmaatregel"."""

    @cached_property
    def by_id(self) -> dict[str, Bio2Measure]:
        return {m.id: m for m in self.measures}


def iso_control_of(bio2_id: str) -> str:
    """The ISO/IEC 27002 control a BIO2 number belongs to: ``6.06.01`` -> ``6.6``."""
    chapter, control = bio2_id.split(".")[:2]
    return f"{int(chapter)}.{int(control)}"
