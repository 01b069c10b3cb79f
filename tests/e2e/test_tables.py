"""Tables people must read whole (measures, plan, dossiers, content) fit the page at desktop
and phone width: nothing cut off, no sideways scrolling, and on a phone every column of a row
is readable (each row a card), not only the title."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import screenshot, sign_in, wait_idle

PAGES = [
    ("my-dossiers", "officer", "/my_dossiers", None, "qs_my_dossiers"),
    ("plan", "officer", "/dossier?dossier={returned}&step=plan", None, "measures"),
    ("plan-tasks", "officer", "/dossier?dossier={draft}&step=plan", None, "tasks"),
    ("review-plan", "reviewer", "/review?dossier={submitted}", "Plan", "review_plan"),
    ("content", "admin", "/content", None, "content"),
]

# Per table: its width against the space it has, and every cell whose text is wider than
# the cell (cut off or hidden); at phone width also how many filled cells of the first row
# show (empty ones are left out of a card).
MEASURE = """(name) => {
  const table = document.querySelector(`table[data-table="${name}"]`);
  if (!table) return null;
  const box = table.parentElement.getBoundingClientRect();
  const cut = [...table.querySelectorAll('td')].filter(
    td => td.scrollWidth > td.clientWidth + 1).map(td => td.textContent);
  const first = table.querySelector('tbody tr');
  const filled = first ? [...first.querySelectorAll('td')].filter(td => td.textContent) : [];
  const shown = filled.filter(td => {
    const r = td.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1;
  }).length;
  return {width: table.scrollWidth, room: box.width, cut, shown, columns: filled.length,
          pageScroll: document.documentElement.scrollWidth - window.innerWidth};
}"""


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize(("name", "who", "path", "tab", "table"), PAGES, ids=[p[0] for p in PAGES])
def test_tables_fit_and_wrap(demo_server, browser, width, name, who, path, tab, table) -> None:
    server, ids = demo_server
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page: Page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(server.url + path.format(draft=ids["draft"], submitted=ids["submitted"],
                                           returned=ids["changes_requested"]))  # fmt: skip
        sign_in(page, who)
        if tab:
            page.get_by_role("tab", name=tab).click()
            wait_idle(page)
        page.wait_for_selector(f'table[data-table="{table}"]')
        found = page.evaluate(MEASURE, table)
        screenshot(page, f"table-{name}-{width}")
    finally:
        context.close()
    assert found is not None
    assert found["width"] <= found["room"] + 1, found
    assert found["cut"] == [], found
    if width == 390:
        assert found["shown"] == found["columns"] > 1, found


def test_the_page_speaks_the_chosen_language(demo_server, page: Page) -> None:
    """``<html lang>``, the skip link and icon names follow the language the user chose."""
    server, _ = demo_server
    page.goto(server.url + "/")
    sign_in(page, "officer")
    state = """() => ({
      lang: document.documentElement.lang,
      skip: document.querySelector('[data-testid="stSkipToContent"]')?.textContent,
      spoken: [...document.querySelectorAll('[data-testid="stIconMaterial"]')]
        .filter(i => i.getAttribute('aria-hidden') !== 'true').map(i => i.textContent)})"""
    page.wait_for_function("() => document.documentElement.lang === 'nl'")
    dutch = page.evaluate(state)
    assert dutch["skip"] == "Naar de inhoud" and dutch["spoken"] == [], dutch
    page.goto(server.url + "/new_dossier")  # a form with a text input: its Enter hint
    sign_in(page, "officer")
    page.locator("input[type=text]").first.fill("Pakketscanners")
    hint = page.locator('[data-testid="InputInstructions"]').first
    assert "Enter om het formulier te versturen" in hint.inner_text()
    page.locator("[data-testid=stSidebar]").get_by_text("English", exact=True).click()
    wait_idle(page)
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    english = page.evaluate(state)
    assert english["skip"] == "Skip to main content" and english["spoken"] == [], english
