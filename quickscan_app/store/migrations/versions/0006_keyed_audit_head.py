"""The audit head records the key the chain is sealed with, and an HMAC of itself.

Existing chains stay as they are (plain SHA-256); the first write with a key records the
switch-over as an ``audit.key`` event, from which on events are sealed with HMAC-SHA-256.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("mac", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("mac")
        batch_op.drop_column("key_id")
