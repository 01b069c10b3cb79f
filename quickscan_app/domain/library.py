"""A questionnaire version with the risk model and measure catalogue that belong to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quickscan_app.domain.measures import MeasureCatalogue
from quickscan_app.domain.questionnaire import Questionnaire
from quickscan_app.domain.risk import RiskModel


@dataclass(frozen=True)
class Library:
    questionnaire: Questionnaire
    risk_model: RiskModel
    catalogue: MeasureCatalogue
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Lookups the engine derives once per library (e.g. which rules read which question):
    they live and go with the library instead of in a module-level cache."""
