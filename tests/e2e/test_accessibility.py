"""axe-core on the main pages: no serious or critical violation in our own markup.

axe-core comes from the npm registry (scripts/test.sh installs it under build/axe); it is
required like Chromium. Violations inside Streamlit's own widgets are counted and printed,
not failed on: they are the framework's, reported upstream, not ours to fix here.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from tests.conftest import ROOT
from tests.e2e.conftest import SCREENSHOTS, Server, screenshot, sign_in, wait_idle

pytestmark = pytest.mark.e2e
AXE = ROOT / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Our own markup: what we write into the page (markdown and our HTML), not Streamlit's widgets.
OURS = ('[data-testid="stMarkdownContainer"]', ".qs-heat", ".qs-panel",
        '[data-testid="stCaptionContainer"]')  # fmt: skip
RESULTS: dict[str, dict] = {}


def audit(page: Page, name: str) -> dict:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: npm install axe-core (scripts/test.sh does)")
    wait_idle(page)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (ours) => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => {
                    const el = document.querySelector(n.target[0]);
                    const mine = !!el && ours.some(sel => el.closest(sel));
                    return {
                        target: n.target.join(' '), ours: mine, html: n.html.slice(0, 160),
                        summary: (n.failureSummary || "").slice(0, 200),
                    };
                }),
            }));
        }""",
        list(OURS),
    )
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    counts = {
        "ours_serious": sum(n["ours"] for v in serious for n in v["nodes"]),
        "framework_serious": sum(not n["ours"] for v in serious for n in v["nodes"]),
        "all_violations": sum(len(v["nodes"]) for v in result),
        "rules": sorted({v["id"] for v in result}),
        "details": [
            {
                "id": v["id"],
                "impact": v["impact"],
                "ours": [(n["target"], n["html"], n["summary"]) for n in v["nodes"] if n["ours"]],
            }
            for v in serious
        ],
    }
    RESULTS[name] = counts
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "axe-report.json").write_text(json.dumps(RESULTS, indent=2))
    return counts


def open_as(page: Page, server: Server, who: str, path: str) -> None:
    page.goto(f"{server.url}{path}")
    sign_in(page, who)
    wait_idle(page)


PAGES = [
    ("sign-in", None, "/"),
    ("officer-inbox", "officer", "/"),
    ("officer-overview", "officer", "/my_dossiers"),
    ("wizard-section", "officer", "/dossier?dossier={draft}&step=network"),
    ("wizard-results", "officer", "/dossier?dossier={draft}&step=results"),
    ("wizard-plan", "officer", "/dossier?dossier={draft}&step=plan"),
    ("wizard-export", "officer", "/dossier?dossier={approved}&step=submit"),
    ("wizard-award", "officer", "/dossier?dossier={approved}&step=award"),
    ("review-queue", "reviewer", "/review_queue"),
    ("review", "reviewer", "/review?dossier={submitted}"),
    ("admin-users", "admin", "/users"),
    ("admin-audit", "admin", "/audit"),
    ("portfolio", "admin", "/portfolio"),
]


@pytest.mark.parametrize(("name", "who", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_no_serious_violations_in_our_markup(demo_server, page: Page, name, who, path) -> None:
    server, ids = demo_server
    address = path.format(draft=ids["draft"], submitted=ids["submitted"], approved=ids["approved"])
    if who is None:
        page.goto(f"{server.url}{address}")
        wait_idle(page)
    else:
        open_as(page, server, who, address)
    counts = audit(page, name)
    screenshot(page, f"page-{name}")
    print(name, counts)
    assert counts["ours_serious"] == 0, counts["details"]
