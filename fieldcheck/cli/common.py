"""What every command shares: reading JSON, printing it, the --db option, failing in one sentence."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.paths import default_db_path
from fieldcheck.store import Store, StoreError


def fail(message: str) -> int:
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


def db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help=t("数据库文件(默认在用户数据文件夹,或 FIELDCHECK_HOME)",
                                                        "database file (default: the user data folder, or FIELDCHECK_HOME)"))


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def open_store(args: argparse.Namespace, **kwargs: Any) -> Store:
    """The database ``--db`` names; a database that cannot be opened is a UserError."""
    try:
        return Store.open(db_path(args), **kwargs)
    except StoreError as exc:
        raise UserError(str(exc)) from None


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
