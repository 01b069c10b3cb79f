"""Persistence: SQLAlchemy tables, engine set-up and migrations. Only services write here."""
