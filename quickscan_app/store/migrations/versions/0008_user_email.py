"""An e-mail address per user, for the daily digest of what waits for them (the inbox).

Empty for every existing user: nobody gets e-mail until an administrator enters an address.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=254), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch copy would drop and recreate
    # the users table, which the foreign keys of every other table refuse.
    op.drop_column("users", "email")
