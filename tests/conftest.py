from __future__ import annotations

import os
from pathlib import Path

import pytest

from quickscan_app.content import ContentSet, default_content_paths, load_content
from quickscan_app.domain.library import Library

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"

# One audit key for the whole run (and the app servers and commands it starts), as a
# deployment has: template databases copied into each test stay sealed with a key at hand.
TEST_AUDIT_KEY = "test-audit-key-for-the-quickscan-test-suite-only"
os.environ.setdefault("QUICKSCAN_AUDIT_KEY", TEST_AUDIT_KEY)


@pytest.fixture(scope="session")
def mini_paths() -> list[Path]:
    return default_content_paths(MINI)


@pytest.fixture(scope="session")
def mini(mini_paths: list[Path]) -> Library:
    return load_content(mini_paths).library("mini", 1)


@pytest.fixture(scope="session")
def shipped() -> ContentSet:
    return load_content(default_content_paths(ROOT))


@pytest.fixture(scope="session")
def library(shipped: ContentSet) -> Library:
    """The shipped content new dossiers start on (version 2)."""
    return shipped.library("scan-detection", 2)


@pytest.fixture(scope="session")
def library_v1(shipped: ContentSet) -> Library:
    """Version 1: frozen, kept for the dossiers and approvals made on it."""
    return shipped.library("scan-detection", 1)
