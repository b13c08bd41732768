"""``fieldcheck score RUBRIC ANSWERS.json``: score an answers file, as a table or JSON."""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import load_answers_document, print_json, read_json
from fieldcheck.engine import catalog
from fieldcheck.engine.scoring import score
from fieldcheck.i18n import t
from fieldcheck.reports.scoretable import render_score


def cmd_score(args: argparse.Namespace) -> int:
    rubric = catalog.find(args.rubric)
    assessee, answers = load_answers_document(read_json(args.answers), rubric.id)
    result = score(rubric, answers, assessee)
    if args.json:
        print_json(result.to_json())
    else:
        print(render_score(rubric, result))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help=t("按细则为一份答案计分", "score an answers file against a rubric"))
    p.add_argument("rubric", metavar="RUBRIC", help=t("细则 id 或文件路径", "rubric id or file path"))
    p.add_argument("answers", metavar="ANSWERS.json")
    p.add_argument("--json", action="store_true", help=t("输出 JSON", "print JSON"))
    p.set_defaults(handler=cmd_score)
