"""Pure, deterministic functions from content and answers to results."""

from quickscan_app.engine.assessment import Assessment, assess

__all__ = ["Assessment", "assess"]
