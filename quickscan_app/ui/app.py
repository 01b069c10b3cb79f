"""Entry point: ``streamlit run quickscan_app/ui/app.py`` (or ``quickscan serve``).

The shell builds the navigation for the signed-in user's roles: a page that is not in it
cannot be reached, not even by its URL, and every page checks the role again itself.
"""

import sys
from pathlib import Path

# `streamlit run` puts this file's folder on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from quickscan_app.ui.shell import main

main()
