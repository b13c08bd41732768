"""What every part of the store shares: the error, JSON columns, transactions, clock stamps, the audit log.

Every edit runs in ``transaction()`` (``BEGIN IMMEDIATE`` … ``COMMIT``) and writes its audit
rows inside it, so a change and its history are both on disk or both not.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from fieldcheck.engine.numbers import to_json
from fieldcheck.engine.rubric import Rubric
from fieldcheck.i18n import t
from fieldcheck.store.clock import HybridClock
from fieldcheck.store.records import AuditEntry, Finding, split_names

SQLITE_HEADER = b"SQLite format 3\x00"
PLACE_KINDS = ("县", "乡镇", "村", "县市区", "单位")
PARENT_KIND = {"乡镇": "县", "村": "乡镇"}
STATUSES = ("draft", "signed", "exported")
#: the usual household statuses, offered by the window; another text is accepted too
HOUSEHOLD_STATUSES = ("贫困户", "脱贫户", "低保户", "五保户", "一般户", "边缘户")


#: rubric snapshots already parsed, by version (the SHA-256 of their content): parsing YAML is
#: the slowest part of opening an inspection, and a version always parses to the same rubric
_RUBRICS: dict[str, Rubric] = {}
_ITEMS: dict[str, dict[str, Any]] = {}


class StoreError(Exception):
    """A store operation that cannot be done; ``str(e)`` is one clear sentence in the user's language."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return to_json(value)
    raise TypeError(f"cannot store {type(value).__name__}")


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=_json_default)


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class StoreBase:
    """The connection, its lock, the device clock and the audit log; the parts of ``Store`` build on it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, device: str, user: str, *, backup_keep: int,
                 backup_on_close: bool):
        self.path = path
        self.device = device
        self.user = user
        self.photo_dir = path.with_name(f"{path.stem}-photos")
        self.backup_keep = backup_keep
        self.backup_on_close = backup_on_close
        self._conn = conn
        self._lock = threading.RLock()
        self._depth = 0
        self._rubrics = _RUBRICS
        self._closed = False
        self.clock = HybridClock(device)
        for table in ("places", "households", "inspections", "findings", "photos", "item_marks", "audit"):
            row = conn.execute(f"SELECT max(hlc) FROM {table}").fetchone()
            if row[0]:
                try:
                    self.clock.observe(row[0])
                except ValueError:
                    pass
        #: makes new record ids; the demo swaps in a seeded one so that a seed gives the same data
        self.new_id: Callable[[], str] = lambda: str(uuid.uuid4())

    # -- transactions and history -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several edits into one commit (nested uses join the outer one)."""
        with self._lock:
            if self._closed:
                raise StoreError(t("数据库已关闭", "the database is closed"))
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:  # another program holds the database
                raise StoreError(t(f"数据库正被其他程序使用,请关闭后重试({exc})",
                                   f"the database is in use by another program; close it and try again ({exc})")) from None
            self._depth = 1
            try:
                yield
            except sqlite3.Error as exc:  # disk full, I/O error: nothing of this edit is kept
                self._depth = 0
                self._rollback()
                raise StoreError(t(f"保存失败,刚才的修改没有保存:{exc}",
                                   f"saving failed and the change was not kept: {exc}")) from exc
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            self._depth = 0
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(t(f"保存失败,刚才的修改没有保存:{exc}",
                                   f"saving failed and the change was not kept: {exc}")) from exc

    def _rollback(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite already rolled back (e.g. after a disk-full error)

    def _stamp(self) -> tuple[str, str]:
        return self.clock.tick(), _now()

    def _audit(self, hlc: str, at: str, action: str, entity: str, entity_id: str, inspection_id: str | None,
               field: str | None = None, old: Any = None, new: Any = None) -> None:
        self._conn.execute(
            "INSERT INTO audit (id, at, who, device, hlc, action, entity, entity_id, inspection_id, field, old, new)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.new_id(), at, self.user, self.device, hlc, action, entity, entity_id, inspection_id, field,
             _dump(old), _dump(new)))

    def audit(self, inspection_id: str | None = None) -> list[AuditEntry]:
        """Every recorded change, oldest first; with an id, only that inspection's."""
        sql = "SELECT at, who, device, action, entity, entity_id, field, old, new, inspection_id, hlc FROM audit"
        params: tuple = ()
        if inspection_id is not None:
            sql += " WHERE inspection_id = ?"
            params = (inspection_id,)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _load(r[7]), _load(r[8]), r[9], r[10])
                for r in rows]

    def _set_deleted(self, table: str, entity: str, row_id: str, inspection_id: str, deleted: bool) -> None:
        with self.transaction():
            row = self._conn.execute(f"SELECT deleted FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if row is None:
                raise StoreError(t(f"找不到记录 {row_id}", f"no record with id {row_id}"))
            if bool(row[0]) == deleted:
                return
            hlc, at = self._stamp()
            self._conn.execute(f"UPDATE {table} SET deleted = ?, hlc = ?, updated_at = ? WHERE id = ?",
                               (int(deleted), hlc, at, row_id))
            self._audit(hlc, at, "delete" if deleted else "restore", entity, row_id, inspection_id,
                        "deleted", not deleted, deleted)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def _people(value: Any) -> list[str]:
    if isinstance(value, str):
        value = split_names(value)
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) for p in value):
        raise StoreError(t("检查人员应为姓名列表", "inspectors must be a list of names"))
    return [p.strip() for p in value if p.strip()]


def _date(value: Any) -> str:
    text = str(value or "").strip()
    try:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise StoreError(t(f"日期「{text}」无效,请写成 2026-11-22 的格式", f"invalid date '{text}'; write it as 2026-11-22")) from None


def _locked_message(status: str) -> str:
    zh = {"signed": "已签字", "exported": "已导出"}.get(status, status)
    return t(f"这份检查{zh},不能再修改;如需修改,请先退回草稿", f"this inspection is {status} and locked; reopen it as a draft to change it")


def _finding_summary(f: Finding) -> dict[str, Any]:
    return {"item_id": f.item_id, "value": f.value, "household_id": f.household_id, "note": f.note,
            "entered_by": f.entered_by}


def _refuse_foreign_file(path: Path) -> None:
    """StoreError when ``path`` exists and is not a SQLite file (checked without opening it as one)."""
    if path.is_dir():
        raise StoreError(t(f"{path} 是文件夹,请给出数据库文件的路径", f"{path} is a folder; give the path of a database file"))
    if not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(t(f"无法读取 {path}:{exc.strerror}", f"cannot read {path}: {exc.strerror}")) from None
    if head and head != SQLITE_HEADER:
        raise StoreError(t(f"{path} 不是 FieldCheck 数据库(不是 SQLite 文件);文件未被改动",
                           f"{path} is not a FieldCheck database (not a SQLite file); it was left untouched"))
