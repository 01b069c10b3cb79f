"""In Chromium: the officer downloads the tender dossier of the approved demo plan; the file
is the approved one (``export verify``), and its pages are turned into PNGs to look at."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from quickscan_app.content import load_content
from quickscan_app.services import exports
from quickscan_app.services.context import ServiceContext, system_actor
from quickscan_app.store.db import make_engine
from tests.e2e.conftest import SCREENSHOTS, screenshot, sign_in, wait_idle

pytestmark = pytest.mark.e2e


def test_officer_downloads_the_approved_tender_dossier(demo_server, page: Page) -> None:
    server, ids = demo_server
    approved = ids["approved"]
    page.goto(f"{server.url}/dossier?dossier={approved}&step=submit")
    sign_in(page, "officer")
    page.wait_for_selector(f".st-key-qs_export_make_{approved}")
    kind = page.locator(f".st-key-qs_export_kind_{approved} input")
    kind.click()
    page.get_by_role("option", name="Aanbestedingsdossier", exact=True).click()
    wait_idle(page)
    page.locator(f".st-key-qs_export_make_{approved} button").click()
    wait_idle(page)
    with page.expect_download() as download_info:
        page.locator(f".st-key-qs_export_download_{approved} button").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"quickscan-tender-dossier{approved}-r1-")
    target = SCREENSHOTS / "tender-dossier.pdf"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    download.save_as(target)
    data = target.read_bytes()
    screenshot(page, "wizard-export")

    reader = PdfReader(io.BytesIO(data))
    assert "Aanbestedingsdossier nationale veiligheid" in reader.pages[0].extract_text()
    engine = make_engine(server.database_url)
    try:
        ctx = ServiceContext(engine, load_content())
        result = exports.verify_file(ctx, system_actor("e2e"), data)
    finally:
        engine.dispose()
    assert (result.outcome, result.kind, result.dossier_id) == ("match", "tender", approved)

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail("pdftoppm is missing: install poppler-utils (scripts/test.sh does)")
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", "-l", "3", str(target), str(SCREENSHOTS / "tender-page")],
        check=True,
    )
    assert (SCREENSHOTS / "tender-page-1.png").exists()
