"""A questionnaire version with the risk model and measure catalogue that belong to it."""

from __future__ import annotations

from dataclasses import dataclass

from quickscan_app.domain.measures import MeasureCatalogue
from quickscan_app.domain.questionnaire import Questionnaire
from quickscan_app.domain.risk import RiskModel


@dataclass(frozen=True)
class Library:
    questionnaire: Questionnaire
    risk_model: RiskModel
    catalogue: MeasureCatalogue
