"""The pages' code, as functions: imported once, not recompiled on every rerun."""
