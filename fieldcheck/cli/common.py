"""What every command shares: reading JSON, printing it, the --db option, failing in one sentence.

Answer files come from people and from Chinese Windows tools: ``read_json`` reads UTF-8
with or without a BOM, UTF-16 and UTF-32 with a BOM, and GB18030 (which includes GBK); a
document typed with full-width punctuation (｛"6.3"：２９．５｝) is read too. It refuses,
in one sentence, what no answers file holds: more than a few megabytes, nesting deeper
than a few levels, numbers with thousands of digits or huge exponents, NaN, and text with
lone surrogates (which could be neither printed nor stored).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from fieldcheck.engine.numbers import shown
from fieldcheck.errors import UserError
from fieldcheck.file_errors import cannot_read
from fieldcheck.i18n import t
from fieldcheck.paths import default_db_path
from fieldcheck.store import Store, holds_id_number

#: an answers file is a few kilobytes; this is a thousand times that
MAX_BYTES = 5_000_000
#: {"answers": {"3.1.2": {"not_done": [...]}}} is four deep
MAX_DEPTH = 12
#: values in one document
MAX_VALUES = 100_000
#: characters in one JSON number
MAX_NUMBER = 40

_SURROGATE = re.compile("[\ud800-\udfff]")

_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def say_masked(*texts: str | None) -> None:
    """One sentence on stderr when a text given was kept with its ID number masked (never stored whole)."""
    if any(holds_id_number(text) for text in texts if text):
        print(t("身份证号只保存了前 6 位和后 4 位,其余已遮蔽", "the ID number given is kept masked: only its first 6 and "
                "last 4 characters"), file=sys.stderr)


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


class _BadNumber(ValueError):
    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER:
        raise _BadNumber(text)
    return int(text)


def _float(text: str) -> float:
    value = float(text) if len(text) <= MAX_NUMBER else float("inf")
    if value in (float("inf"), float("-inf")):
        raise _BadNumber(text)
    return value


def _constant(text: str) -> Any:
    raise _BadNumber(text)  # NaN, Infinity


def decode(data: bytes, path: str) -> str:
    """The text of an answers file in whichever encoding a Chinese Windows tool saved it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError:
                break
    else:
        for encoding in ("utf-8", "gb18030"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise UserError(t(f"{path} 的编码无法识别:请另存为 UTF-8", f"cannot tell the encoding of {path}: save it as UTF-8"))


def _parse(text: str) -> Any:
    return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)


def parse_json(text: str, path: str) -> Any:
    """A JSON document from text, checked for size and shape; UserError says what is wrong."""
    try:
        try:
            doc = _parse(text)
        except json.JSONDecodeError as first:
            # Typed on a Chinese keyboard: full-width braces, colons, commas, digits.
            try:
                doc = _parse(unicodedata.normalize("NFKC", text))
            except json.JSONDecodeError:
                raise first from None
    except json.JSONDecodeError as exc:
        # the parser's words ("Expecting value") are for programmers; the place is what helps
        raise UserError(t(f"{path} 不是有效的 JSON:请检查第 {exc.lineno} 行第 {exc.colno} 列附近的括号、引号和逗号",
                          f"{path} is not valid JSON: check the brackets, quotes and commas near line {exc.lineno}, "
                          f"column {exc.colno}")) from None
    except _BadNumber as exc:
        raise UserError(t(f"{path} 中的数「{shown(exc.text)}」无法计分:请写成普通的数,如 29.5",
                          f"the number '{shown(exc.text)}' in {path} cannot be scored: write a plain number such as 29.5")) from None
    except RecursionError:
        raise UserError(t(f"{path} 嵌套太深,不是答案文件", f"{path} is nested too deeply to be an answers file")) from None
    _check_shape(doc, path)
    return doc


def _where(trail: tuple[str, ...]) -> str:
    return " › ".join(shown(p, 20) for p in trail) or t("顶层", "the top level")


def _check_shape(doc: Any, path: str) -> None:
    """Depth, count and text of every value, without recursion."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(doc, ())]
    count = 0
    while stack:
        value, trail = stack.pop()
        count += 1
        if count > MAX_VALUES:
            raise UserError(t(f"{path} 含有超过 {MAX_VALUES} 个值,不是答案文件",
                              f"{path} holds over {MAX_VALUES} values; it is not an answers file"))
        if len(trail) > MAX_DEPTH:
            raise UserError(t(f"{path} 在「{_where(trail[:3])}」处嵌套太深", f"{path} nests too deeply under {_where(trail[:3])}"))
        if isinstance(value, dict):
            for key, inner in value.items():
                if _SURROGATE.search(key):
                    raise UserError(t(f"{path} 在「{_where(trail)}」处有一个名称含无法识别的字符,请检查文件的编码",
                                      f"{path}: a name under {_where(trail)} holds characters that are not text; check the file's encoding"))
                stack.append((inner, (*trail, key)))
        elif isinstance(value, list):
            stack.extend((inner, (*trail, str(i + 1))) for i, inner in enumerate(value))
        elif isinstance(value, str) and _SURROGATE.search(value):
            raise UserError(t(f"{path} 在「{_where(trail)}」处的文字含无法识别的字符,请检查文件的编码",
                              f"{path}: the text at {_where(trail)} holds characters that are not text; check the file's encoding"))


def read_json(path: str) -> Any:
    """A JSON document from a file ('-' for stdin), or UserError saying what is wrong."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise UserError(t(f"{path} 是一个文件夹,不是答案文件", f"{path} is a folder, not an answers file")) from None
    except OSError as exc:
        raise UserError(cannot_read(path, exc)) from None
    if len(data) > MAX_BYTES:
        raise UserError(t(f"{path} 超过 {MAX_BYTES // 1_000_000} MB,不是答案文件",
                          f"{path} is over {MAX_BYTES // 1_000_000} MB; it is not an answers file"))
    if not data.strip():
        raise UserError(t(f"{path} 是空的", f"{path} is empty"))
    return parse_json(decode(data, path), path)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def db_arg(parser: argparse.ArgumentParser, *, inherited: bool = False) -> None:
    """``--db``; ``inherited`` for an action under a group that has its own ``--db``: not given after the
    action, it leaves the group's (``conflicts --db X resolve …``) instead of resetting it to none."""
    extra = {"default": argparse.SUPPRESS} if inherited else {}
    parser.add_argument("--db", metavar="PATH", **extra, help=t("数据库文件(默认在用户数据文件夹,或 FIELDCHECK_HOME)",
                                                        "database file (default: the user data folder, or FIELDCHECK_HOME)"))


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def open_store(args: argparse.Namespace, *, create: bool = False, **kwargs: Any) -> Store:
    """The database ``--db`` names; a database that cannot be opened is a UserError.

    Only the commands that add records (``create``) make a database ``--db`` names that is not
    there: a mistyped path given to any other would make an empty one and report it empty.
    Use it as ``with open_store(args) as store:``: the store closes however the command ends,
    and a StoreError inside is a UserError that ``run_handler`` prints as one sentence.
    """
    path = db_path(args)
    if args.db and not create and not path.exists():
        raise UserError(t(f"找不到数据库 {path};请检查 --db 给出的路径",
                          f"database not found: {path}; check the path given to --db"))
    return Store.open(path, **kwargs)


def load_answers_document(doc: Any, rubric_id: str | None = None) -> tuple[dict, dict]:
    """Split an answers document into (assessee, answers), checking its rubric id when given."""
    if not isinstance(doc, dict) or not isinstance(doc.get("answers"), dict):
        raise UserError(t('答案文件应为 {"rubric": …, "answers": {项目编号: 答案}}',
                          'the answers file must be {"rubric": …, "answers": {item id: answer}}'))
    if rubric_id is not None and doc.get("rubric") not in (None, rubric_id):
        raise UserError(t(f"答案文件是为细则「{shown(doc['rubric'])}」写的,不是「{rubric_id}」",
                          f"the answers are for rubric '{shown(doc['rubric'])}', not '{rubric_id}'"))
    assessee = doc.get("assessee") or {}
    if not isinstance(assessee, dict):
        raise UserError(t('被考核单位应写成 "assessee": {"name": 单位名称}',
                          'the assessee must be written "assessee": {"name": the unit\'s name}'))
    return assessee, doc["answers"]
