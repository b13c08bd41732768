"""What every part of the store shares: the error, JSON columns, transactions, clock stamps, the audit writer.

Every edit runs in ``transaction()`` (``BEGIN IMMEDIATE`` … ``COMMIT``) and writes its audit
rows inside it, so a change and its history are both on disk or both not.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from fieldcheck.engine.numbers import to_json
from fieldcheck.errors import UserError
from fieldcheck.file_errors import cannot_read
from fieldcheck.i18n import t
from fieldcheck.store.clock import HybridClock
from fieldcheck.store.records import Finding, split_names
from fieldcheck.store.sql_errors import damaged
from fieldcheck.store.sql_errors import reason as sql_reason

SQLITE_HEADER = b"SQLite format 3\x00"
PLACE_KINDS = ("县", "乡镇", "村", "县市区", "单位")
PARENT_KIND = {"乡镇": "县", "村": "乡镇"}
STATUSES = ("draft", "signed", "exported")
#: the usual household statuses, offered by the window; another text is accepted too
HOUSEHOLD_STATUSES = ("贫困户", "脱贫户", "低保户", "五保户", "一般户", "边缘户")


class StoreError(UserError):
    """A store operation that cannot be done; ``str(e)`` is one clear sentence in the user's language."""


class ReadLock:
    """The connection's lock (reentrant), held while a query or a transaction runs.

    A read under it that finds the file damaged (changed under a running store, or in a page
    the open did not read) leaves as StoreError, one sentence, not as SQLite's words in a
    traceback: every part's reads hold this lock, so none needs its own handler.
    """

    __slots__ = ("_lock", "_path")

    def __init__(self, path: Path):
        self._lock = threading.RLock()
        self._path = path

    def __enter__(self) -> ReadLock:
        self._lock.acquire()
        return self

    def _is_owned(self) -> bool:
        """Whether this thread holds the lock, as ``threading.RLock`` says it."""
        return self._lock._is_owned()  # type: ignore[attr-defined]  # RLock's own, untyped

    def __exit__(self, exc_type, exc, tb) -> None:
        self._lock.release()
        if exc is not None and damaged(exc):
            raise StoreError(t(f"无法读取数据库 {self._path}:文件已损坏;请运行 fieldcheck db check,并从备份恢复",
                               f"cannot read the database {self._path}: the file is damaged; run fieldcheck db check "
                               "and restore a backup")) from None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return to_json(value)
    raise TypeError(f"cannot store {type(value).__name__}")


#: one encoder for every column: ``json.dumps`` with options builds a new one per call (a merge
#: encodes four columns of every event)
_ENCODE = json.JSONEncoder(ensure_ascii=False, default=_json_default).encode


def dump(value: Any) -> str | None:
    return None if value is None else _ENCODE(value)


def load(text: str | None) -> Any:
    """A JSON column's value; StoreError when it is not JSON, which only a damaged file makes (``dump`` wrote it)."""
    try:
        return None if text is None else json.loads(text)
    except ValueError:  # json.JSONDecodeError, or bytes that are not UTF-8
        raise StoreError(t("数据库中的一个值无法读取:文件已损坏;请运行 fieldcheck db check,并从备份恢复",
                           "a value in the database cannot be read: the file is damaged; run fieldcheck db check and "
                           "restore a backup")) from None


class Database:
    """The connection, its lock, the transaction, the device clock and the audit writer.

    The store's parts (places, inspections, findings, photos, audit) each own their tables
    and share one ``Database``; they reach each other only through public methods.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, device: str, user: str):
        self.path = path
        self.device = device
        self.user = user
        self.photo_dir = path.with_name(f"{path.stem}-photos")
        self.conn = conn
        #: held while a query or a transaction runs; the connection is shared across threads
        self.lock = ReadLock(path)
        self._depth = 0
        self.closed = False
        self.clock = HybridClock(device)
        for table in ("places", "households", "inspections", "findings", "photos", "item_marks", "audit",
                      "revisions", "signatures", "teams", "enrolments"):
            row = conn.execute(f"SELECT max(hlc) FROM {table}").fetchone()
            if row[0]:
                try:
                    self.clock.observe(row[0])
                except ValueError:
                    pass
        #: true while a merge has the per-row triggers suspended (``without_triggers``)
        self.bulk = False
        #: the store's event keeper (``store.events``): heads of the fields a change supersedes
        self.on_event: Any = None
        #: makes new record ids; the demo swaps in a seeded one so that a seed gives the same data
        self.new_id: Callable[[], str] = new_uuid

    # -- transactions and history -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several edits into one commit (nested uses join the outer one)."""
        with self.lock:
            if self.closed:
                raise StoreError(t("数据库已关闭", "the database is closed"))
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:  # another program holds the database
                raise StoreError(t(f"无法开始保存:{sql_reason(exc)}", f"cannot start saving: {sql_reason(exc)}")) from None
            self._depth = 1
            try:
                yield
            except sqlite3.Error as exc:  # disk full, I/O error: nothing of this edit is kept
                self._depth = 0
                self._rollback()
                raise StoreError(t(f"保存失败,刚才的修改没有保存:{sql_reason(exc)}",
                                   f"saving failed and the change was not kept: {sql_reason(exc)}")) from exc
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            self._depth = 0
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise StoreError(t(f"保存失败,刚才的修改没有保存:{sql_reason(exc)}",
                                   f"saving failed and the change was not kept: {sql_reason(exc)}")) from exc

    @contextmanager
    def without_triggers(self, names: tuple[str, ...]) -> Iterator[None]:
        """Inside the caller's transaction: these per-row triggers dropped, then put back exactly as they were.

        For a merge that does the triggers' work set-based instead: each finding's stamp bump
        rewrites its inspection's row with the rubric text (17 KB) in it, which made a merge
        four times slower (README, merging bundles). While suspended, ``bulk`` is true. On an
        error the transaction's rollback puts them back too (DDL is transactional in SQLite).
        """
        if not self.conn.in_transaction:
            raise RuntimeError("without_triggers needs a transaction")
        marks = ", ".join("?" * len(names))
        saved = self.conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})"
                                  " ORDER BY rowid", names).fetchall()
        for name, _ in saved:
            self.conn.execute(f'DROP TRIGGER "{name}"')
        self.bulk = True
        try:
            yield
        finally:
            self.bulk = False
            if self.conn.in_transaction:  # else SQLite rolled back already, triggers included
                for _, sql in saved:
                    self.conn.execute(sql)

    @contextmanager
    def wal_checkpoints_past(self, pages: int) -> Iterator[None]:
        """While this lasts, commits checkpoint the WAL into the database only past ``pages`` pages.

        A merge commits once per bundle, and each commit past the usual 1,000 pages (4 MB)
        copied the WAL into the database with two more fsyncs: a fifth of a 50-bundle merge's
        time on a busy disk (measured). Durability is the same (each commit still syncs the WAL).
        """
        with self.lock:
            before = self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
        try:
            yield
        finally:
            with self.lock:
                self.conn.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")

    @contextmanager
    def cache(self, kib: int) -> Iterator[None]:
        """A page cache of at least ``kib`` KiB for a while (a merge), then the connection's own again."""
        before = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        wanted = -kib
        if (before < 0 and before > wanted) or (before >= 0 and before * 4 < kib):  # > 0 counts pages of ~4 KiB
            self.conn.execute(f"PRAGMA cache_size = {wanted}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {before}")

    def _rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite already rolled back (e.g. after a disk-full error)

    def stamp(self) -> tuple[str, str]:
        """A new HLC stamp and the wall time, for one change."""
        return self.clock.tick(), _now()

    def record(self, hlc: str, at: str, action: str, entity: str, entity_id: str, inspection_id: str | None,
               field: str | None = None, old: Any = None, new: Any = None, *, reason: str | None = None) -> str:
        """Write one event (an audit row), inside the caller's transaction; returns its id.

        A change of a field also names the events it supersedes, the field's heads when it
        was made (docs/sync.md), and the store's event keeper updates the heads. ``reason``
        says why (a leader's decision on a conflict); it travels with the event.
        """
        row = self.audit_row(hlc, at, action, entity, entity_id, inspection_id, field, old, new)
        self.conn.execute(self.EVENT_INSERT, (*row, reason or None))
        if self.on_event is not None and action != "create":
            self.on_event.settled(row[0], entity, entity_id, field or "", inspection_id)
        return row[0]

    def audit_row(self, hlc: str, at: str, action: str, entity: str, entity_id: str, inspection_id: str | None,
                  field: str | None = None, old: Any = None, new: Any = None) -> tuple:
        """The parameters of ``AUDIT_INSERT`` for one event, for parts that write many rows with executemany.

        A change (not a create) takes over its field's heads here, so the rows must be
        inserted in the same transaction.
        """
        event_id = self.new_id()
        supersedes = seen = None
        if self.on_event is not None and action != "create":
            supersedes, seen = self.on_event.take_heads(event_id, action, entity, entity_id, field or "",
                                                        inspection_id, new)
        return (event_id, at, self.user, self.device, hlc, action, entity, entity_id, inspection_id, field,
                dump(old), dump(new), dump(supersedes), dump(seen))

    AUDIT_INSERT = ("INSERT INTO audit (id, at, who, device, hlc, action, entity, entity_id, inspection_id, field,"
                    " old, new, supersedes, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    #: the same with the event's reason (schema 8), for events that may carry one
    EVENT_INSERT = ("INSERT INTO audit (id, at, who, device, hlc, action, entity, entity_id, inspection_id, field,"
                    " old, new, supersedes, seen, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

    def set_deleted(self, table: str, entity: str, row_id: str, inspection_id: str | None, deleted: bool, *,
                    was: bool | None = None) -> None:
        """Set or clear a row's tombstone, audited; nothing happens when it already is so.

        ``was``: the tombstone as the caller has just read it in this transaction (not read again).
        """
        with self.transaction():
            if was is None:
                row = self.conn.execute(f"SELECT deleted FROM {table} WHERE id = ?", (row_id,)).fetchone()
                if row is None:
                    raise StoreError(t(f"找不到记录 {row_id}", f"no record with id {row_id}"))
                was = bool(row[0])
            if was == deleted:
                return
            hlc, at = self.stamp()
            self.conn.execute(f"UPDATE {table} SET deleted = ?, hlc = ?, updated_at = ? WHERE id = ?",
                              (int(deleted), hlc, at, row_id))
            self.record(hlc, at, "delete" if deleted else "restore", entity, row_id, inspection_id,
                        "deleted", not deleted, deleted)


#: ids bound at once in an ``IN (...)``: older SQLite builds allow 999 parameters to a statement
IN_CHUNK = 900


def rows_in(conn: sqlite3.Connection, sql: str, ids: list[str]) -> Iterator[tuple]:
    """The rows of ``sql`` for every one of ``ids``, bound ``IN_CHUNK`` at a time where ``sql`` says
    ``{ids}`` (``... WHERE id IN ({ids})``)."""
    for i in range(0, len(ids), IN_CHUNK):
        part = ids[i:i + IN_CHUNK]
        yield from conn.execute(sql.replace("{ids}", ",".join("?" * len(part))), part)


def new_uuid() -> str:
    """A random (version 4) UUID, the id of a new record."""
    import uuid  # lazy: on Linux uuid imports platform (5 ms of every start); the list makes no record

    return str(uuid.uuid4())


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def parse_people(value: Any) -> list[str]:
    if isinstance(value, str):
        value = split_names(value)
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) for p in value):
        raise StoreError(t("检查人员应为姓名列表", "inspectors must be a list of names"))
    return [p.strip() for p in value if p.strip()]


def parse_date(value: Any) -> str:
    text = str(value or "").strip()
    try:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise StoreError(t(f"日期「{text}」无效,请写成 2026-11-22 的格式", f"invalid date '{text}'; write it as 2026-11-22")) from None


def locked_message(status: str) -> str:
    zh = {"signed": "已签字", "exported": "已导出"}.get(status, status)
    return t(f"这份检查{zh},不能再修改;如需修改,请修订并说明原因",
             f"this inspection is {status} and locked; amend it, giving a reason, to change it")


def finding_summary(f: Finding) -> dict[str, Any]:
    return {"item_id": f.item_id, "value": f.value, "household_id": f.household_id, "note": f.note,
            "entered_by": f.entered_by}


def refuse_foreign_file(path: Path) -> None:
    """StoreError when ``path`` exists and is not a SQLite file (checked without opening it as one)."""
    if path.is_dir():
        raise StoreError(t(f"{path} 是文件夹,请给出数据库文件的路径", f"{path} is a folder; give the path of a database file"))
    if not path.exists():
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(cannot_read(path, exc)) from None
    if head and head != SQLITE_HEADER:
        raise StoreError(t(f"{path} 不是 FieldCheck 数据库(不是 SQLite 文件);文件未被改动",
                           f"{path} is not a FieldCheck database (not a SQLite file); it was left untouched"))
