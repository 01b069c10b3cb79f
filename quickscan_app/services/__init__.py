"""Use-cases: the only code that writes. Each checks the role and the dossier, and audits."""
