"""What leaves the tool: the PDF mitigation plan, the tender dossier and their registers.

Every renderer works from an :class:`~quickscan_app.exports.source.ExportSource` only (the
frozen snapshot, its hash and the audit extract), never from the live database, so the same
approved snapshot always gives the same bytes.
"""
