"""Loading and validating the YAML content under questionnaires/ and mitigations/."""

from quickscan_app.content.errors import ContentError, Problem
from quickscan_app.content.loader import ContentSet, default_content_paths, load_content

__all__ = ["ContentError", "ContentSet", "Problem", "default_content_paths", "load_content"]
