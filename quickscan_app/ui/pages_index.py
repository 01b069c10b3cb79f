"""Which pages exist, which roles see them, and under which heading."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quickscan_app.services.context import Role

PAGES_DIR = Path(__file__).with_name("views")


@dataclass(frozen=True)
class PageSpec:
    name: str
    group: str
    roles: tuple[Role, ...]
    hidden: bool = False

    @property
    def path(self) -> str:
        return str(PAGES_DIR / f"{self.name}.py")


PAGES: dict[str, PageSpec] = {
    spec.name: spec
    for spec in (
        # Everyone's first page: what waits for them (no section heading above it).
        PageSpec("inbox", "", tuple(Role)),
        PageSpec("my_dossiers", "officer", (Role.OFFICER,)),
        PageSpec("new_dossier", "officer", (Role.OFFICER,)),
        PageSpec("dossier", "officer", (Role.OFFICER,), hidden=True),
        PageSpec("review_queue", "reviewer", (Role.REVIEWER,)),
        PageSpec("review", "reviewer", (Role.REVIEWER,), hidden=True),
        PageSpec("bidders_compare", "officer", (Role.OFFICER, Role.REVIEWER), hidden=True),
        PageSpec("acceptance", "risk_owner", (Role.RISK_OWNER,)),
        PageSpec(
            "portfolio", "portfolio", (Role.OFFICER, Role.REVIEWER, Role.RISK_OWNER, Role.ADMIN)
        ),
        PageSpec("users", "admin", (Role.ADMIN,)),
        PageSpec("content", "admin", (Role.ADMIN,)),
        PageSpec("audit", "admin", (Role.ADMIN,)),
    )
}
