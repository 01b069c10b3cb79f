"""Control characters in text, on SQLite and PostgreSQL (issue 14, point 5).

NUL was stored on SQLite (and the backup then failed to restore into PostgreSQL, printing
rows) and raised an unhandled DataError on PostgreSQL. Every text field now refuses control
characters by name, the same on both; multi-line texts keep tab and newline, one-line texts
do not. Text that only searches or signs in is never refused with a crash either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import Engine, MetaData, func, select, text

from quickscan_app.cli import main
from quickscan_app.config import get_settings
from quickscan_app.services import bidders, dossiers, plan, portfolio, users, workflow
from quickscan_app.services.context import system_actor
from quickscan_app.services.errors import AuthenticationFailed, InvalidInput
from quickscan_app.services.sso import SsoConfig, identity
from quickscan_app.store.db import make_engine
from quickscan_app.store.models import AuditEvent, Dossier
from tests.conftest import MINI
from tests.integration.conftest import PASSWORD
from tests.integration.helpers import answer_all, new_dossier, submitted
from tests.pg import pg_database

NUL, ESC, C1 = "Scanner\x00Eemshaven", "Scanner \x1b[2J\x1b[31mEemshaven", "Scanner\x9bEemshaven"


def approved(ctx, people) -> int:
    """A dossier whose approved plan asks bidders for a jump host."""
    dossier = new_dossier(ctx, people.olga)
    current = answer_all(ctx, people.olga, dossier)
    current = plan.select_measure(ctx, people.olga, dossier, "jump_host", current)
    current = workflow.submit(ctx, people.olga, dossier, current)
    workflow.approve(ctx, people.rita, dossier, current)
    return dossier


def dossier_meta(field: str) -> Callable[[Any, Any, str], object]:
    def call(ctx, people, value: str) -> object:
        meta = {"title": "Scanner Eemshaven", field: value}
        return dossiers.create_dossier(ctx, people.olga, meta)

    return call


def text_answer(ctx, people, value: str) -> object:
    dossier = new_dossier(ctx, people.olga)
    return dossiers.save_answer(ctx, people.olga, dossier, "remarks", value, 1)


def comment(ctx, people, value: str) -> object:
    return workflow.comment(ctx, people.olga, new_dossier(ctx, people.olga), value)


def submit_note(ctx, people, value: str) -> object:
    dossier = new_dossier(ctx, people.olga)
    return workflow.submit(ctx, people.olga, dossier, answer_all(ctx, people.olga, dossier), value)


def request_changes_note(ctx, people, value: str) -> object:
    dossier, current = submitted(ctx, people.olga)
    return workflow.request_changes(ctx, people.rita, dossier, value, current)


def measure_owner(ctx, people, value: str) -> object:
    dossier = new_dossier(ctx, people.olga)
    return plan.select_measure(ctx, people.olga, dossier, "jump_host", 1, owner=value)


def justification(ctx, people, value: str) -> object:
    dossier = new_dossier(ctx, people.olga)
    return plan.reject_measure(ctx, people.olga, dossier, "jump_host", value, 1)


def bidder_field(field: str) -> Callable[[Any, Any, str], object]:
    def call(ctx, people, value: str) -> object:
        data = {"name": "Scanco", field: value}
        return bidders.add_bidder(ctx, people.olga, approved(ctx, people), data)

    return call


def bidder_note(ctx, people, value: str) -> object:
    responses = {"jump_host": {"response": "met", "note": value}}
    return bidders.add_bidder(ctx, people.olga, approved(ctx, people),
                              {"name": "Scanco", "responses": responses})  # fmt: skip


def decision_note(ctx, people, value: str) -> object:
    b = bidders.add_bidder(ctx, people.olga, approved(ctx, people), {"name": "Scanco"})
    current = bidders.submit_bidder(ctx, people.olga, b, 1)
    return bidders.decide_bidder(ctx, people.rita, b, current, approve=False, note=value)


def user_name(ctx, people, value: str) -> object:
    return users.add_user(ctx, people.anna, value.replace(" ", ""), PASSWORD, ["officer"])


def display_name(ctx, people, value: str) -> object:
    return users.add_user(ctx, people.anna, "nieuw", PASSWORD, ["officer"], display_name=value)


ONE_LINE = {
    "title": dossier_meta("title"),
    "reference": dossier_meta("reference"),
    "contracting_authority": dossier_meta("contracting_authority"),
    "classification": dossier_meta("classification"),
    "measure_owner": measure_owner,
    "bidder_name": bidder_field("name"),
    "bidder_country": bidder_field("registration_country"),
    "user_name": user_name,
    "display_name": display_name,
}
MULTI_LINE = {
    "text_answer": text_answer,
    "comment": comment,
    "submit_note": submit_note,
    "request_changes_note": request_changes_note,
    "justification": justification,
    "bidder_ownership": bidder_field("ownership"),
    "bidder_note": bidder_note,
    "decision_note": decision_note,
}


def rows(engine: Engine) -> dict[str, int]:
    """Rows per table, the audit trail left out (refusals are recorded there)."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in meta.tables.items()
            if not name.startswith(("audit", "alembic"))
        }


@pytest.mark.parametrize("value", [NUL, ESC, C1], ids=["nul", "escape", "c1"])
@pytest.mark.parametrize("call", [*ONE_LINE.values(), *MULTI_LINE.values()],
                         ids=[*ONE_LINE, *MULTI_LINE])  # fmt: skip
def test_every_text_field_refuses_control_characters(ctx, people, engine, call, value) -> None:
    before = rows(engine)
    with pytest.raises(InvalidInput) as refused:
        call(ctx, people, value)
    assert "control character U+" in refused.value.message("en")
    assert "stuurteken U+" not in refused.value.message("en")
    changed = {t: n for t, n in rows(engine).items() if n != before[t]}
    assert set(changed) <= {"dossiers", "answers", "answer_changes", "decisions", "approvals",
                            "plan_items", "bidders", "users", "user_roles"}  # fmt: skip
    with ctx.factory() as session:  # what the set-up made, never the refused text
        stored = session.execute(select(Dossier.title)).scalars().all()
    assert all(title.isprintable() for title in stored)


@pytest.mark.parametrize("call", MULTI_LINE.values(), ids=MULTI_LINE)
def test_multi_line_texts_keep_tab_and_newline(ctx, people, call) -> None:
    call(ctx, people, "Eerste regel\n\tTweede regel")


@pytest.mark.parametrize("call", ONE_LINE.values(), ids=ONE_LINE)
def test_one_line_texts_refuse_tab_and_newline(ctx, people, call) -> None:
    with pytest.raises(InvalidInput) as refused:
        call(ctx, people, "Scanner\nEemshaven")
    assert "control character U+000A" in refused.value.message("en") or (
        "no spaces" in refused.value.message("en")  # a user name holds no white space at all
    )


def test_signing_in_with_a_control_character_is_a_plain_refusal(ctx) -> None:
    with pytest.raises(AuthenticationFailed) as refused:
        users.authenticate(ctx, "ol\x00ga", PASSWORD, "test")
    assert refused.value.key == "login_failed"
    with ctx.factory() as session:
        last = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc())).scalars()
        event = next(iter(last))
    assert (event.action, event.result, event.actor) == ("login", "denied", "ol\\u0000ga")


def test_a_search_with_a_control_character_finds_nothing_and_does_not_crash(ctx, people) -> None:
    new_dossier(ctx, people.olga)
    found = portfolio.portfolio(ctx, people.anna, portfolio.PortfolioFilter(text="\x00"))
    assert found.total == 0


def test_a_display_name_from_single_sign_on_is_printable() -> None:
    config = SsoConfig.from_settings({"roles": {"GG-Inkoop": "officer"}})
    claims = {"sub": "1", "iss": "idp", "name": "Olga\x1b[31m\nOfficier\x00"}
    shown = identity(claims, config).display_name
    assert shown.isprintable() and "Olga" in shown and "Officier" in shown


@pytest.mark.postgres
def test_old_nul_text_from_sqlite_does_not_restore_into_postgres_with_a_traceback(
    tmp_path, monkeypatch, capsys, mini_content
) -> None:
    """Data from before the refusal: the restore names the file in one line, no rows."""
    from quickscan_app.services.context import ServiceContext
    from quickscan_app.store.migrate import upgrade

    source = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(source)
    upgrade(engine)
    ctx = ServiceContext(engine, mini_content)
    users.add_user(ctx, system_actor("test"), "olga", PASSWORD, ["officer"])
    olga = users.authenticate(ctx, "olga", PASSWORD, "test")
    dossiers.create_dossier(ctx, olga, {"title": "Scanner Eemshaven"})
    with engine.begin() as conn:
        conn.execute(text("UPDATE dossiers SET title = 'Scanner' || char(0) || 'Eemshaven'"))
    engine.dispose()
    monkeypatch.setenv("QUICKSCAN_CONTENT_DIR", str(MINI))
    backup = tmp_path / "old.qsbak"
    assert run_cli(monkeypatch, capsys, source, "backup", str(backup))[0] == 0
    with pg_database("qs_restore") as (_, target):
        code, out, err = run_cli(monkeypatch, capsys, target, "restore", str(backup))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(f"quickscan: {backup}")
    assert "Traceback" not in err and "argon2" not in err and "Scanner" not in err


def run_cli(monkeypatch, capsys, url: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        code = main(list(argv))
    finally:
        get_settings.cache_clear()
    out, err = capsys.readouterr()
    return code, out, err
