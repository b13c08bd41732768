"""The ``fieldcheck`` commands: a thin layer over the library, one module per command group.

Every user-facing failure is one sentence in the user's language on stderr and a non-zero
exit, never a traceback. (With no command, ``fieldcheck`` opens the window: see
``fieldcheck/__main__.py``.)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from fieldcheck.cli import (
    assign,
    bundle,
    compare,
    conflicts,
    db,
    demo,
    household,
    inspection,
    results,
    rubric,
    sampling,
    score,
    sheet,
    summary,
    tables,
    team,
    verify,
)
from fieldcheck.cli.common import fail
from fieldcheck.engine.rubric_file import RubricInvalid
from fieldcheck.errors import UserError
from fieldcheck.i18n import t

Handler = Callable[[argparse.Namespace], int]

#: the command groups, in the order ``--help`` lists them
GROUPS = (rubric, score, db, demo, inspection, household, summary, sheet, verify, bundle, conflicts, compare, tables,
          sampling, results, team, assign)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldcheck", description=t(
        "FieldCheck:脱贫攻坚考核的离线检查与计分。不带参数运行即打开窗口。",
        "FieldCheck: offline inspection and scoring of poverty-alleviation work. Run without arguments to open the window."))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return run_handler(args.handler, args)


def run_handler(handler: Handler, args: argparse.Namespace) -> int:
    """Run a command, turning every expected failure into one clear message and exit 1."""
    try:
        return handler(args)
    except RubricInvalid as exc:
        return fail(t("细则文件有错误:\n", "the rubric file has errors:\n") + str(exc))
    except UserError as exc:
        return fail(str(exc))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
