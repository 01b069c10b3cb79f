"""BIO2 references are checked against the shipped list of government measures.

A catalogue that declares ``bio2_reference`` may cite only current measures of that BIO2
version; an unknown, lapsed or moved id is refused with the file and the line. Version 1 declares
nothing and is not checked: it is frozen, approved plans rest on it byte for byte.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from quickscan_app.content import ContentError, ContentSet, default_content_paths, load_content
from quickscan_app.domain.measures import Bio2Status
from tests.conftest import MINI, ROOT

CATALOGUE_V1 = ROOT / "mitigations" / "scan-detection-measures.yaml"
CATALOGUE_V2 = ROOT / "mitigations" / "scan-detection-measures-v2.yaml"
V1_SHA256 = "227269edb52b4e296bffc17e1f49e53afc5f960bb778a7fca75747824d1fc062"
BIO2_ID = re.compile(r"\b\d\.\d{2}\.\d{1,2}\b")

TEST_LIST = """\
kind: bio2_measures
version: "test-1"
date: 2026-01-09
source: test fixture
measures:
  - {id: "5.20.04", title: "Eigen onderzoek en externe audit"}
  - {id: "5.20.06", title: "Exitstrategie"}
  - {id: "5.21.01", title: "Vervallen", status: lapsed}
  - {id: "5.21.05", title: "Ketenbeveiliging in risicoanalyse"}
  - {id: "5.24.06", title: "Verplaatst", status: moved, moved_to: "5.21.05"}
  - {id: "8.05.01", title: "Netwerktoegang leveranciers"}
no_government_measure: ["6.6", "7.6", "7.13"]
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The mini content with a small BIO2 list, its catalogue declaring that list."""
    root = tmp_path / "content"
    shutil.copytree(MINI, root)
    (root / "mitigations" / "bio2-test.yaml").write_text(TEST_LIST, encoding="utf-8")
    edit(catalogue(root), "risk_model: {id: mini-risk, version: 1}\n",
         'risk_model: {id: mini-risk, version: 1}\nbio2_reference: "test-1"\n')  # fmt: skip
    return root


def catalogue(root: Path) -> Path:
    return root / "mitigations" / "mini-measures.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def problems(paths: list[Path], extra: list[Path] | None = None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(paths, extra=extra or [])
    return [str(p) for p in caught.value.problems]


# --- the shipped content ------------------------------------------------------------------------


def test_shipped_content_validates_against_the_shipped_list(shipped: ContentSet) -> None:
    reference = shipped.bio2["1.3"]
    assert reference.date == datetime.date(2026, 1, 9)
    catalogue_v2 = shipped.library("scan-detection", 2).catalogue
    assert catalogue_v2.bio2_reference == "1.3"
    cited = [ref for m in catalogue_v2.measures for ref in m.controls.bio2]
    assert len(cited) > 40
    assert all(reference.by_id[ref].status is Bio2Status.CURRENT for ref in cited)


def test_shipped_list_has_the_adopted_numbering(shipped: ContentSet) -> None:
    """DOMAIN.md §3: 5.20.01–06, 5.21.01 lapsed, 5.21.02–05; the draft's 5.20.07/08 are gone."""
    by_id = shipped.bio2["1.3"].by_id
    current = {i for i, m in by_id.items() if m.status is Bio2Status.CURRENT}
    assert {f"5.20.0{n}" for n in range(1, 7)} <= current
    assert {"5.21.02", "5.21.03", "5.21.04", "5.21.05", "5.22.01", "5.22.02", "5.23.01"} <= current
    assert {"6.01.01", "8.02.01", "8.05.01", "8.15.01", "8.20.01", "8.20.02", "8.21.04"} <= current
    assert {"8.22.01", "8.30.01"} <= current
    assert "5.20.07" not in by_id and "5.20.08" not in by_id
    assert by_id["5.21.01"].status is Bio2Status.LAPSED
    assert by_id["5.24.06"].moved_to == "5.21.05"
    assert by_id["8.08.06"].moved_to == "5.24.08"
    assert {"6.6", "7.6", "7.13"} <= set(shipped.bio2["1.3"].no_government_measure)


def test_v2_tender_texts_cite_no_bio2_numbers(shipped: ContentSet) -> None:
    """BIO2 binds the buyer, not the supplier, and its numbers move: the plan cites them."""
    for measure in shipped.library("scan-detection", 2).catalogue.measures:
        tender, title = measure.tender_text, measure.title
        for text in (tender.nl, tender.en, title.nl, title.en):
            assert "BIO" not in text and not BIO2_ID.search(text), measure.id


def test_v2_descriptions_cite_only_current_measures(shipped: ContentSet) -> None:
    by_id = shipped.bio2["1.3"].by_id
    for measure in shipped.library("scan-detection", 2).catalogue.measures:
        for text in (measure.description.nl, measure.description.en):
            for ref in BIO2_ID.findall(text):
                assert ref in by_id and by_id[ref].status is Bio2Status.CURRENT, (measure.id, ref)


# --- refusals, with file and line ---------------------------------------------------------------


def test_unknown_id_names_file_and_line(tree: Path) -> None:
    cat = catalogue(tree)
    edit(cat, 'controls: {bio2: ["5.20.04"]}', 'controls: {bio2: ["5.20.07"]}')
    [message] = problems(default_content_paths(tree))
    assert message.startswith(f"{cat}:{line_of(cat, '5.20.07')}: measures.1.controls.bio2.0:")
    assert "'5.20.07' is not a government measure in BIO2 test-1" in message


def test_lapsed_id_names_file_and_line(tree: Path) -> None:
    cat = catalogue(tree)
    edit(cat, 'controls: {bio2: ["5.20.04"]}', 'controls: {bio2: ["5.20.06", "5.21.01"]}')
    [message] = problems(default_content_paths(tree))
    assert message.startswith(f"{cat}:{line_of(cat, '5.21.01')}: measures.1.controls.bio2.1:")
    assert "5.21.01 has lapsed" in message


def test_moved_id_names_its_new_number(tree: Path) -> None:
    cat = catalogue(tree)
    edit(cat, 'controls: {bio2: ["5.20.04"]}', 'controls: {bio2: ["5.24.06"]}')
    [message] = problems(default_content_paths(tree))
    assert message.startswith(f"{cat}:{line_of(cat, '5.24.06')}:")
    assert "moved to 5.21.05" in message


def test_no_government_measure_points_to_the_iso_control(tree: Path) -> None:
    cat = catalogue(tree)
    edit(cat, 'controls: {bio2: ["5.20.04"]}', 'controls: {bio2: ["6.06.01"]}')
    [message] = problems(default_content_paths(tree))
    assert message.startswith(f"{cat}:{line_of(cat, '6.06.01')}:")
    assert "no government measure for ISO/IEC 27002 6.6" in message
    assert "cite iso27002 '6.6' alone" in message


def test_declared_version_must_be_loaded(tree: Path) -> None:
    cat = catalogue(tree)
    edit(cat, 'bio2_reference: "test-1"', 'bio2_reference: "9.9"')
    [message] = problems(default_content_paths(tree))
    assert message.startswith(f"{cat}:{line_of(cat, 'bio2_reference')}: bio2_reference:")
    assert "no BIO2 measure list version '9.9'" in message and "test-1" in message


def test_a_broken_list_is_refused_with_its_line(tree: Path) -> None:
    listing = tree / "mitigations" / "bio2-test.yaml"
    edit(listing, 'moved_to: "5.21.05"', 'moved_to: "5.21.01"')
    [message] = problems(default_content_paths(tree))
    assert message.startswith(f"{listing}:{line_of(listing, 'moved_to')}: measures.4.moved_to:")
    assert "not a current measure" in message


# --- version 1 ----------------------------------------------------------------------------------


def test_a_catalogue_without_declaration_is_not_checked(tree: Path) -> None:
    cat = catalogue(tree)
    edit(cat, 'bio2_reference: "test-1"\n', "")
    edit(cat, 'controls: {bio2: ["5.20.04"]}', 'controls: {bio2: ["5.20.07"]}')
    assert load_content(default_content_paths(tree)).library("mini", 1)


def test_v1_is_not_checked_and_stays_byte_for_byte(shipped: ContentSet, tmp_path: Path) -> None:
    """v1 cites the pre-final draft numbering (5.20.07, "6.01.1", …) and declares no BIO2 list,
    so validation leaves it alone; declared, the same file would be refused."""
    assert hashlib.sha256(CATALOGUE_V1.read_bytes()).hexdigest() == V1_SHA256
    v1 = shipped.library("scan-detection", 1).catalogue
    assert v1.bio2_reference is None
    cited = {ref for m in v1.measures for ref in m.controls.bio2}
    assert {"5.20.07", "6.01.1"} <= cited

    declared = tmp_path / "scan-detection-measures.yaml"
    text = CATALOGUE_V1.read_text(encoding="utf-8")
    head = "risk_model: {id: scan-detection-risk, version: 1}\n"
    declared.write_text(text.replace(head, head + 'bio2_reference: "1.3"\n', 1), encoding="utf-8")
    found = problems(default_content_paths(ROOT), extra=[declared])
    assert found and all(p.startswith(f"{declared}:") for p in found)
    assert any("'5.20.07' is not a government measure in BIO2 1.3" in p for p in found)
    assert any("'6.01.1' is not a government measure" in p for p in found)


def test_v2_supplier_obligations_go_into_the_tender_documents(shipped: ContentSet) -> None:
    """Issue 12 §2: measures with supplier obligations are not filed under preparation or
    contract management, where the tender team would not look for contract text."""
    by_id = shipped.library("scan-detection", 2).catalogue.by_id
    for measure_id in (
        "escort_technicians_on_site", "privileged_rights_quarterly_review",
        "yearly_supplier_compliance_review", "supplier_register", "fallback_and_tested_continuity",
        "scan_network_monitoring", "reassessment_on_change", "abro_applicability_check",
        "consult_nctv_aivd", "multi_vendor_diversification",
        "high_risk_suppliers_out_of_critical_assets",
    ):  # fmt: skip
        assert by_id[measure_id].section.value not in {"preparation", "contract_management"}


def test_content_sources_lists_every_v2_measure_once(shipped: ContentSet) -> None:
    text = (ROOT / "docs" / "content-sources.md").read_text(encoding="utf-8")
    listed = re.findall(r"^- `([a-z0-9_]+)` — ", text, flags=re.M)
    catalogue_v2 = shipped.library("scan-detection", 2).catalogue
    assert sorted(listed) == sorted(m.id for m in catalogue_v2.measures)
