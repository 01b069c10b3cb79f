"""In the wizard: a newer questionnaire version is announced with what it changes, and the
officer carries the dossier over."""

from __future__ import annotations

import shutil

import pytest
import streamlit as st
import yaml

from quickscan_app.content import load_content
from quickscan_app.content.yaml_source import read_yaml
from quickscan_app.services import dossiers
from quickscan_app.services.context import ServiceContext
from tests.conftest import ROOT
from tests.ui.conftest import actor_named, dossier_id, signed_in


@pytest.fixture
def with_v2(tmp_path, monkeypatch, ui_db):
    """The shipped content plus a version 3: one question reworded, one added."""
    for folder in ("questionnaires", "mitigations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    q = read_yaml(ROOT / "questionnaires" / "scan-detection-v2.yaml")
    q["version"] = 3
    first = q["sections"][0]["questions"][0]
    first["text"] = {"nl": first["text"]["nl"] + " (herzien)", "en": first["text"]["en"]}
    q["sections"][-1]["questions"].append({
        "id": "sbom_delivered", "type": "yes_no", "required": False,
        "text": {"nl": "Levert de leverancier een SBOM?", "en": "SBOM delivered?"},
        "why": {"nl": "Zicht op de keten.", "en": "Sight of the chain."},
    })  # fmt: skip
    risk = read_yaml(ROOT / "questionnaires" / "scan-detection-v2.risk.yaml")
    risk["version"], risk["questionnaire"]["version"] = 3, 3
    catalogue = read_yaml(ROOT / "mitigations" / "scan-detection-measures-v2.yaml")
    catalogue["version"], catalogue["risk_model"]["version"] = 3, 3
    for path, data in (("questionnaires/v3.yaml", q), ("questionnaires/v3.risk.yaml", risk),
                       ("mitigations/v3.measures.yaml", catalogue)):  # fmt: skip
        (tmp_path / path).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    monkeypatch.setenv("QUICKSCAN_CONTENT_DIR", str(tmp_path))
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def test_officer_sees_the_new_version_and_moves_over(at, ctx, with_v2) -> None:
    draft = dossier_id(ctx, "draft")
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(draft)
    at.switch_page("views/dossier.py").run()
    assert not at.exception
    [notice] = [w.value for w in at.warning if "Versie 3" in w.value]
    assert "1 vraag toegevoegd, 0 verwijderd, 1 gewijzigd" in notice
    at.button(key="qs_move_version").click().run()
    assert not at.exception
    both = ServiceContext(ctx.engine, load_content())  # the test's own context knows only v1
    view = dossiers.get_dossier(both, actor_named(ctx, "officer"), draft, with_history=False)
    assert (view.dossier.questionnaire_version, view.dossier.revision) == (3, 2)
    assert any("versie 3" in s.value for s in at.success)
