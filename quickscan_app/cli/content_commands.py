"""``quickscan validate``, ``questionnaire show`` and ``score``: the content and the engine.

Only the standard library at module level (see ``quickscan_app.cli``): the content loader, the
engine and the presenters are imported by the handlers that use them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quickscan_app.cli.common import EXIT_OK, UsageError, print_json

if TYPE_CHECKING:
    from quickscan_app.content import ContentSet
    from quickscan_app.domain.library import Library
    from quickscan_app.domain.text import Lang


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = commands.add_parser("validate", help="validate the content (or the given files)")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE")
    check.add_argument("--json", action="store_true", help="print a JSON summary")
    check.set_defaults(handler=validate)

    questionnaire = commands.add_parser("questionnaire", help="questionnaire commands")
    q_commands = questionnaire.add_subparsers(metavar="COMMAND", required=True)
    show = q_commands.add_parser("show", help="show a questionnaire (newest version by default)")
    show.add_argument("id", nargs="?")
    show.add_argument("--version", type=int)
    show.add_argument("--json", action="store_true", help="the full questionnaire as JSON")
    show.add_argument("--lang", choices=("nl", "en"), default="nl")
    show.set_defaults(handler=questionnaire_show)

    diff = q_commands.add_parser(
        "diff",
        help="what changed between two versions of a questionnaire (and for one dossier)",
        description="OLD and NEW: a version number of the (only) questionnaire, or ID:VERSION.",
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument(
        "--with", dest="extra", nargs="+", type=Path, default=[], metavar="FILE",
        help="content files to load besides the shipped ones (a version not yet published)",
    )  # fmt: skip
    diff.add_argument("--dossier", type=int, help="also what it means for this dossier")
    diff.add_argument("--json", action="store_true")
    diff.add_argument("--lang", choices=("nl", "en"), default="nl")
    diff.set_defaults(handler=questionnaire_diff)

    scoring = commands.add_parser("score", help="score an answers file (JSON or YAML)")
    scoring.add_argument("answers", type=Path, metavar="ANSWERS")
    scoring.add_argument("--measures", default=None, help="chosen measure ids, comma separated")
    scoring.add_argument("--json", action="store_true")
    scoring.add_argument("--lang", choices=("nl", "en"), default=None)
    scoring.set_defaults(handler=score)


def validate(args: argparse.Namespace) -> int:
    from quickscan_app.content import load_content
    from quickscan_app.i18n import t

    content = load_content(extra=args.files) if args.files else load_content()
    libraries = list(content.libraries.values())
    if args.json:
        print_json(
            {
                "valid": True,
                "questionnaires": [
                    {
                        "id": lib.questionnaire.id,
                        "version": lib.questionnaire.version,
                        "questions": len(lib.questionnaire.questions),
                        "sections": len(lib.questionnaire.sections),
                    }
                    for lib in libraries
                ],
                "scenarios": sum(len(lib.risk_model.scenarios) for lib in libraries),
                "rules": sum(len(lib.risk_model.rules) for lib in libraries),
                "measures": sum(len(lib.catalogue.measures) for lib in libraries),
                "files": [str(p) for p in content.files.values()],
            }
        )
        return EXIT_OK
    for lib in libraries:
        print(
            f"{t('content_ok', 'nl')} / {t('content_ok', 'en')}: "
            f"{lib.questionnaire.id} v{lib.questionnaire.version}: "
            f"{len(lib.questionnaire.questions)} questions, "
            f"{len(lib.risk_model.scenarios)} scenarios, {len(lib.risk_model.rules)} rules, "
            f"{len(lib.catalogue.measures)} measures"
        )
    return EXIT_OK


def _library(content: ContentSet, questionnaire_id: str | None, version: int | None) -> Library:
    try:
        return content.library(questionnaire_id, version)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None


def questionnaire_show(args: argparse.Namespace) -> int:
    from quickscan_app.content import load_content
    from quickscan_app.presenters import answer_label

    library = _library(load_content(), args.id, args.version)
    questionnaire = library.questionnaire
    if args.json:
        print_json(questionnaire.model_dump(mode="json", by_alias=True, exclude_none=True))
        return EXIT_OK
    lang: Lang = args.lang
    print(f"{questionnaire.title.get(lang)} ({questionnaire.id} v{questionnaire.version})")
    print(questionnaire.description.get(lang))
    for number, section in enumerate(questionnaire.sections, start=1):
        print(f"\n{number}. {section.title.get(lang)}")
        for question in section.questions:
            flags = [question.type.value]
            if not question.required:
                flags.append("optional")
            if question.visible_if is not None:
                flags.append("conditional")
            print(f"   [{question.id}] {question.text.get(lang)}  ({', '.join(flags)})")
            for option_id in question.option_ids:
                print(f"       - {option_id}: {answer_label(question, option_id, lang)}")
    return EXIT_OK


def score(args: argparse.Namespace) -> int:
    from quickscan_app.answer_files import load_answer_file
    from quickscan_app.content import load_content
    from quickscan_app.engine import assess
    from quickscan_app.engine.assessment import UnknownMeasureError
    from quickscan_app.presenters import assessment_data, summary_text

    content = load_content()
    loaded = load_answer_file(args.answers, content)
    chosen = None
    if args.measures is not None:
        chosen = [m.strip() for m in args.measures.split(",") if m.strip()]
    meta = loaded.file.dossier
    lang: Lang = args.lang or (meta.language if meta and meta.language else "nl")
    try:
        assessment = assess(loaded.library, loaded.answers, chosen)
    except UnknownMeasureError as exc:
        raise UsageError(f"--measures: {exc}") from None
    if args.json:
        print_json(assessment_data(loaded.library, assessment, lang))
    else:
        print(summary_text(loaded.library, assessment, lang))
    return EXIT_OK


def _version_ref(content: ContentSet, ref: str, questionnaire_id: str | None) -> Library:
    """``3`` or ``scan-detection:3``, as a loaded library."""
    name, _, number = ref.rpartition(":")
    try:
        version = int(number)
    except ValueError:
        raise UsageError(f"{ref!r}: expected VERSION or ID:VERSION") from None
    try:
        return content.library(name or questionnaire_id, version)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None


def questionnaire_diff(args: argparse.Namespace) -> int:
    from quickscan_app.content import load_content
    from quickscan_app.domain.versions import diff_questionnaires
    from quickscan_app.i18n import t
    from quickscan_app.presenters import diff_data, diff_lines

    content = load_content(extra=args.extra) if args.extra else load_content()
    old = _version_ref(content, args.old, None)
    new = _version_ref(content, args.new, old.questionnaire.id)
    if new.questionnaire.id != old.questionnaire.id:
        raise UsageError("OLD and NEW must be versions of the same questionnaire")
    diff = diff_questionnaires(old.questionnaire, new.questionnaire)
    found = _dossier_impact(args, content, old, new) if args.dossier else None
    if args.json:
        data = diff_data(diff, args.lang)
        if found is not None:
            data["dossier"] = {
                "id": args.dossier,
                "kept": sorted(found.carry.kept),
                "dropped": found.carry.dropped,
                "trimmed": {q: list(o) for q, o in found.carry.trimmed.items()},
                "review": list(found.carry.to_review),
                "new_questions": list(found.carry.new_questions),
                "measures_dropped": list(found.measures_dropped),
                "risks_changed": [
                    {"scenario": s, "before": a, "after": b} for s, a, b in found.risks_changed
                ],
            }
        print_json(data)
        return EXIT_OK
    print("\n".join(diff_lines(diff, args.lang)))
    if found is not None:
        from quickscan_app.presenters import impact_lines

        print(f"\n{t('diff.dossier', args.lang).format(id=args.dossier)}")
        print("\n".join(f"  {line}" for line in impact_lines(found, args.lang)))
    return EXIT_OK


def _dossier_impact(args, content, old: Library, new: Library):  # type: ignore[no-untyped-def]
    from quickscan_app.cli.store_commands import cli_actor, open_context
    from quickscan_app.services import versions

    ctx = open_context()
    ctx.content = content
    found = versions.impact(ctx, cli_actor(), args.dossier, new.questionnaire.version)
    if found.diff.old.version != old.questionnaire.version:
        raise UsageError(
            f"dossier {args.dossier} is on version {found.diff.old.version}, not "
            f"{old.questionnaire.version}"
        )
    return found
