"""Residual-risk acceptance by the risk owner, and a review date on every approval.

Existing approvals get no stored review date: they are due a year after they were given
(``domain.workflow.REVIEW_AFTER_DAYS``), which the code applies when the column is empty.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "acceptances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("risk_owner_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("residual", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_acceptances_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["risk_owner_id"], ["users.id"], name=op.f("fk_acceptances_risk_owner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acceptances")),
    )
    with op.batch_alter_table("acceptances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_acceptances_dossier_id"), ["dossier_id"], unique=False
        )
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_date", sa.Date(), nullable=True))
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("review_date", sa.Date(), nullable=True))
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "put_to_risk_owner", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch copy would drop and recreate
    # tables that others refer to, which foreign keys refuse.
    op.drop_column("dossiers", "put_to_risk_owner")
    op.drop_column("decisions", "review_date")
    op.drop_column("approvals", "review_date")
    op.drop_index(op.f("ix_acceptances_dossier_id"), table_name="acceptances")
    op.drop_table("acceptances")
