"""A person beside what they did: their name and the part they played, each shown once."""

from __future__ import annotations


def role_beside(name: str, role: str) -> str:
    """The role to show beside ``name``: nothing when the name already holds it, as a display
    name with a job title in brackets may ("Olga de Vries (inkoper)" with "inkoper")."""
    return "" if role.casefold() in name.casefold() else role


def name_and_role(name: str, role: str) -> str:
    """The name with the role after a comma, unless the name holds it: "Ruben Bakker
    (beveiligingsadviseur), beoordelaar", but "Olga de Vries (inkoper)" alone."""
    shown = role_beside(name, role)
    return f"{name}, {shown}" if shown else name
