"""The planned publication date has one source: the answer. Copy it into the dossier column.

Before, the column (set from the new-dossier form or an answers file's metadata) and the
answer to the question ``planned_publication_date`` (changed in the wizard) could differ,
and the deadline flag read only the column. From now on the services keep the column equal
to the answer; this copies the answer over where the two differ (a date, or empty for
"unknown"). Each dossier changed is named in the log with both dates.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import logging
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

QUESTION = "planned_publication_date"

_dossiers = sa.table(
    "dossiers",
    sa.column("id", sa.Integer),
    sa.column("planned_publication_date", sa.Date),
)
_answers = sa.table(
    "answers",
    sa.column("dossier_id", sa.Integer),
    sa.column("question_id", sa.String),
    sa.column("value", sa.JSON),
)


def _as_date(value: object) -> date | None:
    """A stored date answer (ISO text); anything else ("unknown") leaves the date empty."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def upgrade() -> None:
    log = logging.getLogger("alembic.runtime.migration")
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_dossiers.c.id, _dossiers.c.planned_publication_date, _answers.c.value)
        .join(_answers, _answers.c.dossier_id == _dossiers.c.id)
        .where(_answers.c.question_id == QUESTION)
        .order_by(_dossiers.c.id)
    ).all()
    changed = []
    for dossier_id, column, value in rows:
        answer = _as_date(value)
        if answer != column:
            log.info(
                "dossier %s: planned publication date %s -> %s (from the answer)",
                dossier_id, column, answer,
            )  # fmt: skip
            changed.append({"dossier": dossier_id, "planned": answer})
    if changed:
        conn.execute(
            _dossiers.update()
            .where(_dossiers.c.id == sa.bindparam("dossier"))
            .values(planned_publication_date=sa.bindparam("planned")),
            changed,
        )


def downgrade() -> None:
    """Nothing to undo: the copied dates are the answers' own."""
