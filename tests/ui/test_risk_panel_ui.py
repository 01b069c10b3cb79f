"""The wizard's live risk panel: drawn as a few HTML blocks (the browser redraws it after every
answer, at a cost per element), one per scenario with its level and reasons."""

from __future__ import annotations

from html import escape

from quickscan_app.services import dossiers
from tests.ui.conftest import actor_named
from tests.ui.test_wizard import key, new_draft, open_step


def panel_blocks(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.value for h in at.html if '<div class="qs-panel">' in h.value]


def test_the_panel_beside_a_step_is_a_block_of_levels_and_heatmap_and_one_per_scenario(
    at, ctx
) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "information")
    library = dossiers.get_dossier(ctx, actor_named(ctx, "officer"), dossier).library
    scenarios = library.risk_model.scenarios
    head, *rest = panel_blocks(at)
    assert 'class="qs-heat"' in head and 'class="qs-badge"' in head and "Totaalniveau" in head
    assert len(rest) == len(scenarios)
    for number, (block, scenario) in enumerate(zip(rest, scenarios, strict=True), start=1):
        assert block.count("<summary>") >= 1
        assert f"<summary>{escape(f'{number}. {scenario.title.nl}')} — " in block
    assert not [e for e in at.expander if e.label[:2] == "1."]  # no Streamlit expanders


def test_an_answer_redraws_the_scenario_it_moves(at, ctx) -> None:
    dossier = new_draft(ctx)
    open_step(at, ctx, dossier, "information")
    before = panel_blocks(at)
    at.radio(key=key(dossier, "supplier_sees_information")).set_value("stores_copies").run()
    after = panel_blocks(at)
    assert len(after) == len(before)
    moved = [a for b, a in zip(before, after, strict=True) if a != b]
    assert moved and "leverancier bewaart of verwerkt" in "".join(moved)  # the answer, cited
