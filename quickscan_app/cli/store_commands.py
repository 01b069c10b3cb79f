"""Commands on the database: ``db``, ``user``, ``demo``, ``dossier`` and ``audit``.

Only the standard library at module level (see ``quickscan_app.cli``): the settings, the
database and the services are imported by the handlers, when a command runs.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quickscan_app.cli.common import EXIT_FAILED, EXIT_OK, UsageError, print_json

if TYPE_CHECKING:
    from quickscan_app.domain.text import Lang
    from quickscan_app.services import audit, dossiers
    from quickscan_app.services.context import Actor, ServiceContext


def record_id(text: str) -> int:
    """A database id: a whole number from 1 to 2^31 - 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= 2**31 - 1:
        raise argparse.ArgumentTypeError(f"no such id: {text}")
    return value


def cli_language() -> Lang:
    from pydantic import ValidationError

    from quickscan_app.config import get_settings

    try:
        return get_settings().language
    except ValidationError:
        return "nl"


def cli_origin() -> str:
    return f"cli:{getpass.getuser()}@{socket.gethostname()}"[:120]


def cli_actor() -> Actor:
    from quickscan_app.services.context import system_actor

    return system_actor(cli_origin())


def open_context(*, upgrade_schema: bool = False) -> ServiceContext:
    """The database from QUICKSCAN_DATABASE_URL. SQLite is created or upgraded on the spot;
    a shared PostgreSQL database is upgraded only by ``quickscan db upgrade``."""
    from sqlalchemy.engine import make_url

    from quickscan_app.config import get_settings
    from quickscan_app.content import load_content
    from quickscan_app.services import audit, context
    from quickscan_app.store.db import make_engine
    from quickscan_app.store.migrate import is_current, upgrade

    url = get_settings().database_url
    engine = make_engine(url)
    if upgrade_schema or engine.dialect.name == "sqlite":
        upgrade(engine)
    elif not is_current(engine):
        shown = make_url(url).render_as_string(hide_password=True)
        raise UsageError(
            f"the database {shown} is not at the current schema: run `quickscan db upgrade`"
        )
    ctx = context.ServiceContext(engine, load_content())
    audit.ensure_keyed(ctx.factory, ctx.clock(), cli_origin())
    return ctx


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help="database commands").add_subparsers(
        metavar="COMMAND", required=True
    )
    db.add_parser("upgrade", help="create or upgrade the database").set_defaults(handler=db_upgrade)

    user = commands.add_parser("user", help="user accounts").add_subparsers(
        metavar="COMMAND", required=True
    )
    add = user.add_parser("add", help="add a user; the password is read from stdin or a prompt")
    add.add_argument("name")
    add.add_argument(
        "--role",
        action="append",
        required=True,
        choices=("officer", "reviewer", "risk_owner", "admin"),
    )
    add.add_argument("--display-name")
    add.add_argument("--email", help="where the daily digest of what waits goes")
    add.set_defaults(handler=user_add)
    email = user.add_parser("email", help="set a user's e-mail address (none given: remove it)")
    email.add_argument("name")
    email.add_argument("address", nargs="?")
    email.set_defaults(handler=user_email)
    listing = user.add_parser("list", help="list users")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=user_list)

    commands.add_parser(
        "demo", help="add demo users and dossiers (refused on a database with real data)"
    ).set_defaults(handler=seed_demo)

    dossier = commands.add_parser("dossier", help="dossiers").add_subparsers(
        metavar="COMMAND", required=True
    )
    dlist = dossier.add_parser("list", help="list all dossiers")
    dlist.add_argument("--json", action="store_true")
    dlist.set_defaults(handler=dossier_list)
    imp = dossier.add_parser("import", help="create a dossier from an answers file; prints its id")
    imp.add_argument("answers", type=Path, metavar="ANSWERS")
    imp.add_argument("--owner", required=True, metavar="USER")
    imp.set_defaults(handler=dossier_import)
    show = dossier.add_parser("show", help="show one dossier")
    show.add_argument("id", type=record_id)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=dossier_show)

    audit_cmd = commands.add_parser("audit", help="audit trail").add_subparsers(
        metavar="COMMAND", required=True
    )
    audit_cmd.add_parser(
        "verify", help="check the sealed chain and the approvals; exit 1 naming what is wrong"
    ).set_defaults(handler=audit_verify)
    audit_cmd.add_parser(
        "new-key", help="print a fresh random key for QUICKSCAN_AUDIT_KEY (docs/deploy.md)"
    ).set_defaults(handler=audit_new_key)


def db_upgrade(args: argparse.Namespace) -> int:
    ctx = open_context(upgrade_schema=True)
    print(f"database is at the current schema ({ctx.engine.dialect.name})")
    return EXIT_OK


def _read_password(name: str) -> str:
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"password for {name}: ")
        if getpass.getpass("again: ") != password:
            raise UsageError("the passwords differ")
    if not password:
        raise UsageError("no password given (pipe it to stdin or type it at the prompt)")
    return password


def user_add(args: argparse.Namespace) -> int:
    from quickscan_app.services import users

    ctx = open_context()
    password = _read_password(args.name)
    users.add_user(
        ctx, cli_actor(), args.name, password, args.role,
        display_name=args.display_name, email=args.email,
    )  # fmt: skip
    print(f"user {args.name} added ({', '.join(args.role)})")
    return EXIT_OK


def user_email(args: argparse.Namespace) -> int:
    from quickscan_app.services import users

    ctx = open_context()
    users.set_email(ctx, cli_actor(), args.name, args.address)
    print(f"user {args.name}: " + (f"e-mail {args.address}" if args.address else "no e-mail"))
    return EXIT_OK


def user_list(args: argparse.Namespace) -> int:
    from quickscan_app.services import users

    ctx = open_context()
    rows = users.list_users(ctx, cli_actor())
    if args.json:
        print_json([u.__dict__ for u in rows])
        return EXIT_OK
    for u in rows:
        flags = ("" if u.active else " (inactive)") + (" [demo]" if u.demo else "")
        email = f" <{u.email}>" if u.email else ""
        print(f"{u.name:<16} {', '.join(u.roles):<24} {u.display_name}{email}{flags}")
    return EXIT_OK


def seed_demo(args: argparse.Namespace) -> int:
    from quickscan_app.services import demo

    ctx = open_context()
    result = demo.seed_demo(ctx, cli_actor())
    if result.dossiers:
        print(f"demo dossiers created: {', '.join(map(str, result.dossiers))}")
    else:
        print("demo data was already there; the demo users have new passwords")
    print("demo users (user name / password):")
    for name, password in result.passwords.items():
        print(f"  {name:<10} {password}")
    return EXIT_OK


def deadline_data(
    publication: date | None, rfq: date | None, status: str, today: date
) -> dict[str, Any]:
    """Days to the planned publication (or request for quotation) from the service clock's
    today, and the overview's deadline flag."""
    from quickscan_app.services import overview

    days = overview.days_left(publication, rfq, today)
    return {
        "days_to_publication": days,
        "publication_deadline_flag": overview.deadline_flagged(days, status),
    }


def dossier_list(args: argparse.Namespace) -> int:
    from quickscan_app.i18n import format_date
    from quickscan_app.services import dossiers

    ctx = open_context()
    rows = dossiers.list_dossiers(ctx, cli_actor())
    if args.json:
        today = ctx.clock().date()
        print_json(
            [
                {
                    **r.__dict__,
                    **deadline_data(
                        r.planned_publication_date, r.planned_rfq_date, r.status, today
                    ),
                }
                for r in rows
            ]
        )
        return EXIT_OK
    lang = cli_language()
    for r in rows:
        publication = (
            format_date(r.planned_publication_date, lang) if r.planned_publication_date else "-"
        )
        print(f"{r.id:>5}  {r.status:<18} v{r.revision}  {publication:<10}  {r.title}  ({r.owner})")
    return EXIT_OK


def dossier_import(args: argparse.Namespace) -> int:
    from quickscan_app.answer_files import load_answer_file
    from quickscan_app.services import dossiers

    ctx = open_context()
    loaded = load_answer_file(args.answers, ctx.content)
    print(dossiers.import_dossier(ctx, cli_actor(), loaded, args.owner))
    return EXIT_OK


def dossier_data(view: dossiers.DossierView, lang: Lang, today: date) -> dict[str, Any]:
    from quickscan_app.presenters import assessment_data
    from quickscan_app.services.snapshot import answers_record, dossier_record, plan_record

    d = view.dossier
    return {
        **dossier_record(d),
        **deadline_data(d.planned_publication_date, d.planned_rfq_date, d.status, today),
        "status": d.status,
        "lock_version": d.lock_version,
        "questionnaire": {"id": d.questionnaire_id, "version": d.questionnaire_version},
        "answers": answers_record(view),
        "results": assessment_data(view.library, view.assessment, lang),
        "plan": plan_record(view.plan),
        "comments": [
            {
                "author": c.author.name,
                "target": f"{c.target_kind}:{c.target_id or ''}",
                "body": c.body,
                "at": c.created_at,
            }
            for c in view.comments
        ],
        "decisions": [
            {
                "by": x.actor.name if x.actor else "system",
                "from": x.from_status,
                "to": x.to_status,
                "note": x.note,
                "at": x.created_at,
            }
            for x in view.decisions
        ],
        "approvals": [
            {
                "by": a.approver.name,
                "role": a.approver_role,
                "at": a.approved_at,
                "revision": a.revision,
                "sha256": a.sha256,
            }
            for a in view.approvals
        ],
    }


def dossier_show(args: argparse.Namespace) -> int:
    from quickscan_app.i18n import format_date, format_datetime
    from quickscan_app.services import dossiers

    ctx = open_context()
    view = dossiers.get_dossier(ctx, cli_actor(), args.id)
    lang: Lang = "en" if view.dossier.language == "en" else "nl"
    data = dossier_data(view, lang, ctx.clock().date())
    if args.json:
        print_json(data)
        return EXIT_OK
    results = data["results"]
    print(f"{data['id']}: {data['title']} ({data['reference'] or '-'})")
    print(f"status {data['status']}, revision {data['revision']}, owner {data['owner']}")
    planned = view.dossier.planned_publication_date or view.dossier.planned_rfq_date
    if planned is not None:
        near = ", publication near" if data["publication_deadline_flag"] else ""
        when = format_date(planned, lang)
        print(f"planned publication {when}: {data['days_to_publication']} days{near}")
    questionnaire = f"{data['questionnaire']['id']} v{data['questionnaire']['version']}"
    print(f"questionnaire {questionnaire}, {len(data['answers'])} answers")
    print(f"open required questions: {len(results['open_required'])}")
    print(f"overall level: {results['overall_level']}")
    print(f"full risk analysis required: {results['full_risk_analysis_required']}")
    chosen = [p for p in data["plan"] if p["decision"] == "selected"]
    print(f"plan: {len(chosen)} measures chosen, {len(data['plan']) - len(chosen)} rejected")
    for a in view.approvals:
        when = format_datetime(a.approved_at, lang)
        print(f"approved by {a.approver.name} on {when}: sha256 {a.sha256}")
    return EXIT_OK


def audit_verify(args: argparse.Namespace) -> int:
    from quickscan_app.services import audit

    ctx = open_context()
    with ctx.factory() as session:
        report = audit.verify(session)
    print_chain_report(report)
    return EXIT_OK if report.intact else EXIT_FAILED


def print_chain_report(report: audit.ChainReport) -> None:
    """One line on the outcome (to stderr when broken), and one on the key."""
    lang = cli_language()
    if not report.intact:
        where = f" at event {report.first_bad_seq}" if report.first_bad_seq else ""
        print(f"audit trail BROKEN{where}: {report.message(lang)}", file=sys.stderr)
        return
    print(f"audit trail intact: {report.events} events")
    print(report.sealing(lang))


def audit_new_key(args: argparse.Namespace) -> int:
    from quickscan_app.store.audit_key import new_key

    print(new_key())
    return EXIT_OK
