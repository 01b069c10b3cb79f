"""Bidders answer for themselves: invitation links (only the token's SHA-256), evidence files
in the database, and the bidder's own submission beside the check it fills.

Existing bidders were typed in by the officer: their new columns stay empty.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 20:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BIDDER_COLUMNS = (
    ("reply_status", sa.String(length=16)),
    ("reply", sa.JSON()),
    ("corrections", sa.JSON()),
    ("reply_note", sa.Text()),
)


def upgrade() -> None:
    for name, kind in BIDDER_COLUMNS:
        op.add_column("bidders", sa.Column(name, kind, nullable=True))
    op.create_table(
        "bidder_invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bidder_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_reason", sa.String(length=16), nullable=True),
        sa.Column("ended_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["bidder_id"], ["bidders.id"],
            name=op.f("fk_bidder_invitations_bidder_id_bidders"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"],
            name=op.f("fk_bidder_invitations_dossier_id_dossiers"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"],
            name=op.f("fk_bidder_invitations_created_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["ended_by_id"], ["users.id"], name=op.f("fk_bidder_invitations_ended_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bidder_invitations")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_bidder_invitations_token_sha256")),
    )  # fmt: skip
    op.create_index(op.f("ix_bidder_invitations_bidder_id"), "bidder_invitations", ["bidder_id"])
    op.create_table(
        "bidder_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bidder_id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.String(length=80), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["bidder_id"], ["bidders.id"],
            name=op.f("fk_bidder_evidence_bidder_id_bidders"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bidder_evidence")),
    )  # fmt: skip
    op.create_index(op.f("ix_bidder_evidence_bidder_id"), "bidder_evidence", ["bidder_id"])


def downgrade() -> None:
    # Plain DROP TABLE and ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch copy would drop
    # and recreate the bidders table, which the foreign keys of other tables refuse.
    op.drop_index(op.f("ix_bidder_evidence_bidder_id"), table_name="bidder_evidence")
    op.drop_table("bidder_evidence")
    op.drop_index(op.f("ix_bidder_invitations_bidder_id"), table_name="bidder_invitations")
    op.drop_table("bidder_invitations")
    for name, _ in reversed(BIDDER_COLUMNS):
        op.drop_column("bidders", name)
