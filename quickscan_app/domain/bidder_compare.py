"""Bidders side by side at award (pure): per bidder the supplier-specific risk per scenario
against the plan, the requirements met / not met / unknown, the knock-outs not met, the
evidence still open and the outcome; a bidder that did not answer is shown as such.

A column is made from a bidder record in the form ``services.bidders.bidder_record`` gives
(and an approval freezes), so the page and the award report compare the same things.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from quickscan_app.domain.bidders import Response
from quickscan_app.domain.risk import Level


@dataclass(frozen=True)
class ScenarioLevel:
    """A scenario's residual level for one bidder, against the plan's."""

    plan: str
    bidder: str | None
    """None: not higher than the plan, the level itself not kept (a check approved before
    the record held every scenario)."""

    @property
    def change(self) -> int:
        """+1 higher than the plan, -1 lower, 0 the same (or not known to be higher)."""
        if self.bidder is None:
            return 0
        own, planned = Level(self.bidder).rank, Level(self.plan).rank
        return (own > planned) - (own < planned)


@dataclass(frozen=True)
class Column:
    """One bidder in the comparison."""

    number: int
    """1, 2, ...: in the order the bidders were added; it keeps equal names apart."""
    name: str
    status: str
    """The status of the bidder's check (``ui.award.status``)."""
    answered: bool
    open_evidence: int = 0
    scenarios: Mapping[str, ScenarioLevel] | None = None
    residual: ScenarioLevel | None = None
    met: int = 0
    not_met: int = 0
    unknown: int = 0
    knock_outs: tuple[str, ...] = ()
    """Measure ids of the knock-out requirements the bidder does not meet."""
    verdict: str | None = None


@dataclass(frozen=True)
class Comparison:
    scenarios: tuple[tuple[str, str], ...]
    """(scenario id, the plan's residual level), in the risk model's order."""
    plan_residual: str | None
    """The plan's overall residual level (None: no bidders, nothing compared)."""
    requirements: int
    """How many requirements of the plan every bidder is asked to meet."""
    columns: tuple[Column, ...]

    @property
    def answered(self) -> int:
        return sum(1 for c in self.columns if c.answered)


def missing_evidence(asked: Iterable[str], given: Iterable[str]) -> int:
    """How many requirements that ask for evidence have no file yet."""
    return len(set(asked) - set(given))


def column(
    record: Mapping[str, Any],
    number: int,
    plan: Mapping[str, str],
    *,
    status: str,
    open_evidence: int = 0,
) -> Column:
    """The column of a bidder that answered, from its record; ``plan`` maps each scenario to
    the plan's residual level (for records that kept only the scenarios that came out worse)."""
    kept = {s["scenario"]: s["bidder"] for s in record.get("scenarios") or []}
    worse = {w["scenario"]: w["bidder"] for w in record.get("worse") or []}
    scenarios = {
        scenario: ScenarioLevel(level, kept.get(scenario, worse.get(scenario)))
        for scenario, level in plan.items()
    }
    responses = [r["response"] for r in record["requirements"]]
    return Column(
        number=number,
        name=record["name"],
        status=status,
        answered=True,
        open_evidence=open_evidence,
        scenarios=scenarios,
        residual=ScenarioLevel(record["plan_residual_level"], record["residual_level"]),
        met=responses.count(Response.MET.value),
        not_met=responses.count(Response.NOT_MET.value),
        unknown=responses.count(Response.UNKNOWN.value),
        knock_outs=tuple(
            r["measure"]
            for r in record["requirements"]
            if r.get("knock_out") and r["response"] == Response.NOT_MET.value
        ),
        verdict=record["verdict"],
    )


def silent(number: int, name: str, status: str) -> Column:
    """The column of a bidder that did not answer: nothing to compare."""
    return Column(number=number, name=name, status=status, answered=False)


def of_records(
    records: Sequence[Mapping[str, Any]], plan: Sequence[tuple[str, str]], plan_residual: str
) -> Comparison:
    """Approved checks side by side, as an award report holds them (frozen records)."""
    levels = dict(plan)
    columns = [
        column(r, n, levels, status="approved", open_evidence=_open_evidence(r))
        for n, r in enumerate(records, start=1)
    ]
    requirements = len(records[0]["requirements"]) if records else 0
    return Comparison(tuple(plan), plan_residual, requirements, tuple(columns))


def _open_evidence(record: Mapping[str, Any]) -> int:
    """Evidence still missing when the check was approved (records of bidders who answered
    through a link name what was asked and the files given)."""
    given = (e["measure"] for e in record.get("evidence") or [])
    return missing_evidence(record.get("evidence_asked") or [], given)
