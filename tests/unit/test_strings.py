"""Every interface string the code asks for exists, in Dutch and in English."""

from __future__ import annotations

import re
from pathlib import Path

from quickscan_app.domain.bidders import Response, Verdict
from quickscan_app.domain.measures import MeasureKind, Phase, TenderSection
from quickscan_app.domain.risk import Level
from quickscan_app.domain.versions import COMPARED
from quickscan_app.domain.workflow import Status
from quickscan_app.exports.source import KINDS
from quickscan_app.services.context import Role
from quickscan_app.services.plan import IMPLEMENTATION_STATUSES
from quickscan_app.strings import STRINGS
from quickscan_app.ui.pages_index import PAGES
from tests.conftest import ROOT

ERRORS = "PermissionDenied|NotFound|Conflict|WorkflowError|InvalidInput|AuthenticationFailed"
LITERAL_KEY = re.compile(r'\bt\(\s*"([a-z_.]+)"|\b(?:' + ERRORS + r')\(\s*"([a-z_]+)"')


def keys_in_code() -> set[str]:
    found: set[str] = set()
    for path in Path(ROOT / "quickscan_app").rglob("*.py"):
        for literal, error in LITERAL_KEY.findall(path.read_text()):
            if literal:
                found.add(literal)
            if error:
                found.add(f"err.{error}")
    return found


def test_every_string_has_dutch_and_english() -> None:
    for key, texts in STRINGS.items():
        assert set(texts) == {"nl", "en"}, key
        assert texts["nl"].strip() and texts["en"].strip(), key


def test_every_key_in_the_code_exists() -> None:
    keys = keys_in_code()
    assert len(keys) > 150
    assert sorted(k for k in keys if k not in STRINGS) == []


def test_every_key_family_is_complete() -> None:
    families = {
        "status": [s.value for s in Status],
        "level": [lv.value for lv in Level],
        "kind": [k.value for k in MeasureKind],
        "phase": [p.value for p in Phase],
        "impl": list(IMPLEMENTATION_STATUSES),
        "role": [r.value for r in Role],
        "ui.decision": ["selected", "rejected", "open"],
        "ui.page": [*PAGES, "sign_in"],
        "ui.group": sorted({p.group for p in PAGES.values() if p.group} | {"account"}),
        "ui.step": ["results", "plan", "submit", "award"],
        "ui.award.status": ["draft", "submitted", "changes_requested", "approved"],
        "ui.award.verdict": [v.value for v in Verdict],
        "ui.award.verdict_long": [v.value for v in Verdict],
        "ui.award.response": [r.value for r in Response],
        "exp.tender": [s.value for s in TenderSection],
        "ui.export.kind": list(KINDS),
        "diff.part": [*COMPARED, "options"],
        "exp": [f"{kind}_title" for kind in KINDS] + [f"subject_{kind}" for kind in KINDS],
    }
    missing = [f"{prefix}.{name}" for prefix, names in families.items() for name in names]
    missing += [f"exp.tender.{s.value}.intro" for s in TenderSection]
    assert [k for k in missing if k not in STRINGS] == []


def test_tables_escape_every_cell_and_keep_line_breaks() -> None:
    from quickscan_app.ui.tables import answers_html, table_html

    hostile = '<script>alert(1)</script> **vet** http://evil.example "quote"\nregel 2'
    html = table_html([{"Titel <b>": hostile, "Dagen": 3}], name="t", lang="nl", numeric=["Dagen"])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **vet** http://evil.example" in html
    assert "&quot;quote&quot;<br>regel 2" in html
    assert 'data-label="Titel &lt;b&gt;"' in html and 'class="qs-num"' in html
    listing = answers_html([("Vraag <i>", hostile, ["Ruben: <img src=x>"])], name="s", lang="en")
    assert "<img" not in listing and "<i>" not in listing and 'lang="en"' in listing
