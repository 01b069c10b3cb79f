"""Load content files, validate them as a set, and assemble libraries."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from quickscan_app.content.checks import (
    Finding,
    check_bio2_list,
    check_catalogue,
    check_questionnaire,
    check_risk_model,
)
from quickscan_app.content.errors import ContentError, Problem
from quickscan_app.content.yaml_source import LineFinder, read_yaml
from quickscan_app.domain.library import Library
from quickscan_app.domain.measures import Bio2MeasureList, MeasureCatalogue
from quickscan_app.domain.questionnaire import Questionnaire
from quickscan_app.domain.risk import RiskModel

KINDS: dict[str, type[BaseModel]] = {
    "questionnaire": Questionnaire,
    "risk_model": RiskModel,
    "measure_catalogue": MeasureCatalogue,
    # Reference data, not content: kept apart by version, for checking catalogue references.
    "bio2_measures": Bio2MeasureList,
}
CONTENT_DIRS = ("questionnaires", "mitigations")
Key = tuple[str, int]


def content_root() -> Path:
    """Where questionnaires/ and mitigations/ live: QUICKSCAN_CONTENT_DIR or the project root."""
    configured = os.environ.get("QUICKSCAN_CONTENT_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[2]


def default_content_paths(root: Path | None = None) -> list[Path]:
    root = root or content_root()
    return sorted(p for d in CONTENT_DIRS for p in (root / d).glob("*.yaml"))


@dataclass
class ContentSet:
    """Every questionnaire version with its risk model and catalogue, validated together."""

    libraries: dict[Key, Library] = field(default_factory=dict)
    files: dict[Key, Path] = field(default_factory=dict)
    bio2: dict[str, Bio2MeasureList] = field(default_factory=dict)
    """The BIO2 government-measure lists (``mitigations/bio2-measures.yaml``) by BIO2 version."""

    def library(self, questionnaire_id: str | None = None, version: int | None = None) -> Library:
        """The library for a questionnaire version; the newest when no version is given."""
        keys = [
            k
            for k in self.libraries
            if (questionnaire_id is None or k[0] == questionnaire_id)
            and (version is None or k[1] == version)
        ]
        if not keys:
            wanted = questionnaire_id or "any questionnaire"
            if version is not None:
                wanted += f" version {version}"
            known = ", ".join(f"{i} v{v}" for i, v in sorted(self.libraries)) or "none"
            raise KeyError(f"no content for {wanted} (available: {known})")
        return self.libraries[max(keys, key=lambda k: (k[1], k[0]))]


def load_content(paths: Sequence[Path] | None = None, *, extra: Sequence[Path] = ()) -> ContentSet:
    """Load and cross-check content.

    ``paths`` defaults to the shipped content. Files in ``extra`` replace loaded ones with the
    same kind, id and version, so an edited copy can be validated against the rest.
    """
    documents: dict[tuple[str, str, int], tuple[Path, BaseModel]] = {}
    references: dict[str, tuple[Path, Bio2MeasureList]] = {}
    problems: list[Problem] = []
    for path in [*(paths if paths is not None else default_content_paths()), *extra]:
        try:
            model = _parse(Path(path))
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(model, Bio2MeasureList):
            # Reference data: a later file (e.g. in ``extra``) replaces one of the same version.
            references[model.version] = (Path(path), model)
            continue
        key = (str(model.kind), model.id, model.version)  # type: ignore[attr-defined]
        documents[key] = (Path(path), model)
    if problems:
        raise ContentError(problems)
    content = _assemble(documents, references)
    return content


def _parse(path: Path) -> BaseModel:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ContentError([Problem(path, 1, "expected a mapping with kind, id and version")])
    kind = data.get("kind")
    model_type = KINDS.get(kind) if isinstance(kind, str) else None
    if model_type is None:
        raise ContentError(
            [
                Problem(
                    path,
                    LineFinder(path).line(("kind",)),
                    f"kind must be one of {', '.join(KINDS)}",
                )
            ]
        )
    try:
        return model_type.model_validate(data)
    except ValidationError as exc:
        raise ContentError(_validation_problems(path, exc)) from None


def _validation_problems(path: Path, exc: ValidationError) -> list[Problem]:
    finder = LineFinder(path)
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        where = ".".join(str(p) for p in loc) or "(document)"
        message = error["msg"].removeprefix("Value error, ")
        given = error.get("input")
        if isinstance(given, str | int | float) and len(str(given)) <= 60:
            message += f" (got {given!r})"
        problems.append(Problem(path, finder.line(loc), f"{where}: {message}"))
    return problems


def _findings(path: Path, findings: Iterable[Finding]) -> list[Problem]:
    finder = LineFinder(path)
    return [
        Problem(path, finder.line(loc), f"{'.'.join(str(p) for p in loc)}: {message}")
        for loc, message in findings
    ]


def _assemble(
    documents: dict[tuple[str, str, int], tuple[Path, Any]],
    references: dict[str, tuple[Path, Bio2MeasureList]] | None = None,
) -> ContentSet:
    references = references or {}
    bio2 = {version: reference for version, (_, reference) in references.items()}
    questionnaires = {(i, v): d for (k, i, v), d in documents.items() if k == "questionnaire"}
    risk_models = {(i, v): d for (k, i, v), d in documents.items() if k == "risk_model"}
    catalogues = {(i, v): d for (k, i, v), d in documents.items() if k == "measure_catalogue"}
    problems: list[Problem] = []
    for path, reference in references.values():
        problems += _findings(path, check_bio2_list(reference))
    for path, questionnaire in questionnaires.values():
        problems += _findings(path, check_questionnaire(questionnaire))

    model_for: dict[Key, tuple[Path, RiskModel]] = {}
    for path, model in risk_models.values():
        ref = (model.questionnaire.id, model.questionnaire.version)
        if ref not in questionnaires:
            problems += _findings(
                path, [(("questionnaire",), f"no questionnaire {ref[0]} version {ref[1]}")]
            )
            continue
        if ref in model_for:
            problems += _findings(
                path, [(("questionnaire",), f"{ref[0]} v{ref[1]} already has a risk model")]
            )
            continue
        model_for[ref] = (path, model)
        problems += _findings(path, check_risk_model(model, questionnaire_of(questionnaires, ref)))

    catalogue_for: dict[Key, tuple[Path, MeasureCatalogue]] = {}
    for path, catalogue in catalogues.values():
        ref = (catalogue.risk_model.id, catalogue.risk_model.version)
        owner = next((q for q, (_, m) in model_for.items() if m.key == ref), None)
        if owner is None:
            problems += _findings(
                path, [(("risk_model",), f"no risk model {ref[0]} version {ref[1]}")]
            )
            continue
        if owner in catalogue_for:
            problems += _findings(
                path, [(("risk_model",), f"{ref[0]} v{ref[1]} already has a catalogue")]
            )
            continue
        catalogue_for[owner] = (path, catalogue)
        problems += _findings(
            path,
            check_catalogue(
                catalogue, model_for[owner][1], questionnaire_of(questionnaires, owner), bio2
            ),
        )

    content = ContentSet(bio2=bio2)
    for key, (path, questionnaire) in sorted(questionnaires.items()):
        if key not in model_for:
            problems.append(Problem(path, None, f"no risk model for {key[0]} version {key[1]}"))
        elif key not in catalogue_for:
            problems.append(
                Problem(path, None, f"no measure catalogue for {key[0]} version {key[1]}")
            )
        else:
            content.libraries[key] = Library(
                questionnaire, model_for[key][1], catalogue_for[key][1]
            )
            content.files[key] = path
    if not questionnaires:
        problems.append(Problem(Path("."), None, "no questionnaire found"))
    if problems:
        raise ContentError(problems)
    return content


def questionnaire_of(
    questionnaires: dict[Key, tuple[Path, Questionnaire]], key: Key
) -> Questionnaire:
    return questionnaires[key][1]
