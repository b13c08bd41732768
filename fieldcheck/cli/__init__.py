"""The ``fieldcheck`` command: a thin layer over the library.

With no arguments it opens the window. Every user-facing failure is one sentence in
the user's language on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fieldcheck.i18n import t

Handler = Callable[[argparse.Namespace], int]


class UserError(Exception):
    """A problem the user can fix; its message is shown as is."""


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def read_json(path: str) -> Any:
    """A JSON document from a file ('-' for stdin), or UserError saying what is wrong."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(t(f"找不到文件 {path}", f"file not found: {path}")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(t(f"无法读取 {path}:{exc}", f"cannot read {path}: {exc}")) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(t(f"{path} 不是有效的 JSON(第 {exc.lineno} 行第 {exc.colno} 列:{exc.msg})",
                          f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")) from None


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# -- rubric commands -------------------------------------------------------------------------------


def cmd_rubric_validate(args: argparse.Namespace) -> int:
    from fieldcheck.engine.rubric_file import check_file

    failed = False
    for path in args.files:
        rubric, problems = check_file(path)
        for problem in problems:
            print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
        if rubric is None:
            failed = True
        else:
            print(t(f"{path}:有效({rubric.id},版本 {rubric.version[:12]},满分 {rubric.max_points})",
                    f"{path}: valid ({rubric.id}, version {rubric.version[:12]}, maximum {rubric.max_points})"))
    return 1 if failed else 0


def cmd_rubric_list(args: argparse.Namespace) -> int:
    from fieldcheck.engine import catalog

    rubrics = catalog.installed()
    if args.json:
        print_json([{"id": r.id, "title": r.title, "version": r.version, "path": str(r.path),
                     "complete": r.complete} for r in rubrics])
        return 0
    for r in rubrics:
        note = "" if r.complete else t("(原文不完整)", " (incomplete source)")
        print(f"{r.id}\t{r.title}{note}\t{r.version[:12]}\t{r.path}")
    return 0


def cmd_rubric_show(args: argparse.Namespace) -> int:
    from fieldcheck.engine import catalog
    from fieldcheck.reports.scoretable import render_tree

    print(render_tree(catalog.find(args.rubric)))
    return 0


# -- scoring ---------------------------------------------------------------------------------------------


def load_answers_document(doc: Any, rubric_id: str | None = None) -> tuple[dict, dict]:
    """Split an answers document into (assessee, answers), checking its rubric id when given."""
    if not isinstance(doc, dict) or not isinstance(doc.get("answers"), dict):
        raise UserError(t('答案文件应为 {"rubric": …, "answers": {项目编号: 答案}}',
                          'the answers file must be {"rubric": …, "answers": {item id: answer}}'))
    if rubric_id is not None and doc.get("rubric") not in (None, rubric_id):
        raise UserError(t(f"答案文件是为细则「{doc['rubric']}」写的,不是「{rubric_id}」",
                          f"the answers are for rubric '{doc['rubric']}', not '{rubric_id}'"))
    assessee = doc.get("assessee") or {}
    return assessee, doc["answers"]


def cmd_score(args: argparse.Namespace) -> int:
    from fieldcheck.engine import catalog
    from fieldcheck.engine.scoring import score
    from fieldcheck.reports.scoretable import render_score

    rubric = catalog.find(args.rubric)
    assessee, answers = load_answers_document(read_json(args.answers), rubric.id)
    result = score(rubric, answers, assessee)
    if args.json:
        print_json(result.to_json())
    else:
        print(render_score(rubric, result))
    return 0


# -- the parser ----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldcheck", description=t(
        "FieldCheck:脱贫攻坚考核的离线检查与计分。不带参数运行即打开窗口。",
        "FieldCheck: offline inspection and scoring of poverty-alleviation work. Run without arguments to open the window."))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    rubric = sub.add_parser("rubric", help=t("考核细则:校验、列出、查看", "rubrics: validate, list, show"))
    rsub = rubric.add_subparsers(dest="rubric_command", metavar="ACTION", required=True)
    p = rsub.add_parser("validate", help=t("校验细则文件,逐条报告问题", "check rubric files and report every problem"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=cmd_rubric_validate)
    p = rsub.add_parser("list", help=t("列出已安装的细则", "list the installed rubrics"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_rubric_list)
    p = rsub.add_parser("show", help=t("按章节显示细则及分值", "print a rubric's tree with points"))
    p.add_argument("rubric", metavar="ID", help=t("细则 id 或文件路径", "rubric id or file path"))
    p.set_defaults(handler=cmd_rubric_show)

    p = sub.add_parser("score", help=t("按细则为一份答案计分", "score an answers file against a rubric"))
    p.add_argument("rubric", metavar="RUBRIC", help=t("细则 id 或文件路径", "rubric id or file path"))
    p.add_argument("answers", metavar="ANSWERS.json")
    p.add_argument("--json", action="store_true", help=t("输出 JSON", "print JSON"))
    p.set_defaults(handler=cmd_score)

    for register in _extensions():
        register(sub)
    return parser


def _extensions() -> list[Callable[[Any], None]]:
    """Command groups defined beside their library modules (store, demo, …)."""
    from fieldcheck.cli import store_commands as store_cli

    return [store_cli.register]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] == "gui" or argv[0] == "--db" or argv[0].startswith("--db="):
        # The window: `fieldcheck`, `fieldcheck --db PATH`, `fieldcheck gui [--db PATH]`.
        from fieldcheck.gui.app import run

        return run(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return run_handler(args.handler, args)


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command, turning every expected failure into one clear message and exit 1."""
    from fieldcheck.engine.catalog import UnknownRubric
    from fieldcheck.engine.rubric_file import RubricInvalid
    from fieldcheck.engine.rules import AnswerError

    try:
        return handler(args)
    except (UserError, UnknownRubric, AnswerError) as exc:
        return _fail(str(exc))
    except RubricInvalid as exc:
        return _fail(t("细则文件有错误:\n", "the rubric file has errors:\n") + str(exc))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    # Run as a script this file is "__main__", a second copy of fieldcheck.cli: the
    # extensions' exceptions would be the other copy's classes and escape run_handler.
    from fieldcheck.cli import main as _main

    sys.exit(_main())
