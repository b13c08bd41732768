"""``fieldcheck db check``: the database's integrity, foreign keys and every photo's hash."""

from __future__ import annotations

import argparse
import sys

from fieldcheck.cli.common import db_arg, db_path
from fieldcheck.i18n import t
from fieldcheck.store.integrity import check, render


def cmd_db_check(args: argparse.Namespace) -> int:
    report = check(db_path(args))
    print(render(report), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help=t("本地数据库:检查", "the local database: check"))
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = dsub.add_parser("check", help=t("检查数据库完整性、外键和每张照片的哈希;有问题时退出码为 1",
                                        "check integrity, foreign keys and every photo's hash; exit 1 on any problem"))
    db_arg(p)
    p.set_defaults(handler=cmd_db_check)
