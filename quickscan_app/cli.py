"""The ``quickscan`` command line: validate content, show the questionnaire, score answers."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quickscan_app.answer_files import AnswerFileError, load_answer_file
from quickscan_app.content import ContentError, ContentSet, load_content
from quickscan_app.domain.library import Library
from quickscan_app.domain.text import Lang
from quickscan_app.engine import assess
from quickscan_app.engine.assessment import UnknownMeasureError
from quickscan_app.i18n import t
from quickscan_app.presenters import answer_label, assessment_data, summary_text

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A user mistake: printed as one message, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.handler(args)
    except (ContentError, AnswerFileError, UsageError) as exc:
        print(f"quickscan: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quickscan",
        description="National-security quickscan for public procurement.",
    )
    commands = parser.add_subparsers(metavar="COMMAND")

    validate = commands.add_parser("validate", help="validate the content (or the given files)")
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE")
    validate.add_argument("--json", action="store_true", help="print a JSON summary")
    validate.set_defaults(handler=_validate)

    questionnaire = commands.add_parser("questionnaire", help="questionnaire commands")
    q_commands = questionnaire.add_subparsers(metavar="COMMAND", required=True)
    show = q_commands.add_parser("show", help="show a questionnaire (newest version by default)")
    show.add_argument("id", nargs="?")
    show.add_argument("--version", type=int)
    show.add_argument("--json", action="store_true", help="the full questionnaire as JSON")
    show.add_argument("--lang", choices=("nl", "en"), default="nl")
    show.set_defaults(handler=_questionnaire_show)

    score = commands.add_parser("score", help="score an answers file (JSON or YAML)")
    score.add_argument("answers", type=Path, metavar="ANSWERS")
    score.add_argument("--measures", default=None, help="chosen measure ids, comma separated")
    score.add_argument("--json", action="store_true")
    score.add_argument("--lang", choices=("nl", "en"), default=None)
    score.set_defaults(handler=_score)
    return parser


def _validate(args: argparse.Namespace) -> int:
    content = load_content(extra=args.files) if args.files else load_content()
    libraries = list(content.libraries.values())
    if args.json:
        _print_json(
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


def _questionnaire_show(args: argparse.Namespace) -> int:
    library = _library(load_content(), args.id, args.version)
    questionnaire = library.questionnaire
    if args.json:
        _print_json(questionnaire.model_dump(mode="json", by_alias=True, exclude_none=True))
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


def _score(args: argparse.Namespace) -> int:
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
        _print_json(assessment_data(loaded.library, assessment, lang))
    else:
        print(summary_text(loaded.library, assessment, lang))
    return EXIT_OK


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.exit(main())
