"""The local store: places, households, inspections, findings, photos and the audit log in SQLite.

Crash safety: WAL journal with ``synchronous=FULL`` and one transaction per edit, the
audit rows written in the same transaction as the change, so a change and its history
are both there or both not, even after a power cut. Nothing is ever deleted: a delete
sets a tombstone, and every row carries a UUID, the device that last changed it and a
hybrid logical clock stamp, so that many laptops' data can later be merged exactly.

The score is never stored as the truth: ``ops.scores`` derives the engine's answers from
the live findings and marks and scores them on the inspection's frozen rubric snapshot, so
editing a rubric file never changes an old inspection. The inspections list keeps what it
shows of each score in ``score_cache`` (schema 3), keyed by the inspection's change stamp,
rubric version and engine: a cache that any change misses.

A ``Store`` is made of parts, as Anki's collection is (``col.decks``): ``store.places``,
``store.households``, ``store.inspections``, ``store.findings``, ``store.photos`` and
``store.audit``, ``store.signatures``, ``store.team`` (the team's certificate, enrolled devices), ``store.reconciliations`` (交叉检查 links),
``store.rubrics`` (the published rubrics), ``store.assignments`` and ``store.events`` (heads, conflicts and merging, docs/sync.md),
``store.imports`` (the bundles imported) and ``store.decisions`` (the leader's decisions, undoable until exported),
over one ``Database`` (``database.py``) that owns the connection, the
transaction, the clock and the audit writer. Each part owns its tables and talks to the
others through their public methods.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldcheck.file_errors import reason
from fieldcheck.i18n import t
from fieldcheck.paths import clean_device, device_name
from fieldcheck.store import backup as backups
from fieldcheck.store import photofiles as photo_files
from fieldcheck.store import schema
from fieldcheck.store.assignments import Assignments
from fieldcheck.store.audit import AuditLog
from fieldcheck.store.database import SQLITE_HEADER, Database, StoreError, os_user, refuse_foreign_file
from fieldcheck.store.events import Events
from fieldcheck.store.findings import Findings
from fieldcheck.store.id_numbers import holds_id_number, mask_id_number, mask_in_text
from fieldcheck.store.inspections import Inspections
from fieldcheck.store.photos import Photos
from fieldcheck.store.places import MAX_HOUSEHOLD_MEMBERS, Households, Places, check_members
from fieldcheck.store.records import Assignment, AuditEntry, Finding, Household, Inspection, InspectionRow, Photo, Place
from fieldcheck.store.rubrics import PublishedRubrics
from fieldcheck.store.sql_errors import reason as sql_reason

#: the ``meta`` key of the inspector's name the window set (``Store.set_user``)
INSPECTOR_META = "inspector"


def saved_inspector(conn: sqlite3.Connection) -> str:
    """The inspector's name the window last set in this database, or ""."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (INSPECTOR_META,)).fetchone()
    return row[0] if row else ""


if TYPE_CHECKING:  # made when first used (``Store``'s lazy parts)
    from fieldcheck.store.decisions import Decisions
    from fieldcheck.store.imports import Imports
    from fieldcheck.store.reconciliations import Reconciliations
    from fieldcheck.store.signatures import Signatures
    from fieldcheck.store.team import Team

#: the part that owns each kind of record that travels in bundles (``Events`` applies them)
PART_OF = {"place": "places", "household": "households", "inspection": "inspections", "finding": "findings",
           "mark": "findings", "photo": "photos", "revision": "signatures", "signature": "signatures",
           "team": "team", "enrolment": "team", "reconciliation": "reconciliations", "rubric": "rubrics",
           "assignment": "assignments"}


class _PartsOf(Mapping[str, Any]):
    """The store's parts by the entity each owns, taken from the store when asked (some are made lazily)."""

    def __init__(self, store: Store):
        self._store = store

    def __getitem__(self, entity: str) -> Any:
        return getattr(self._store, PART_OF[entity])

    def __iter__(self) -> Iterator[str]:
        return iter(PART_OF)

    def __len__(self) -> int:
        return len(PART_OF)


class Store:
    """One FieldCheck database. Every method that changes something commits before it returns."""

    def __init__(self, db: Database, *, backup_keep: int, backup_on_close: bool):
        self.db = db
        self.backup_keep = backup_keep
        self.backup_on_close = backup_on_close
        self.places = Places(db)
        self.households = Households(db, self.places)
        self.inspections = Inspections(db, self.places)
        self.findings = Findings(db, self.inspections, self.households)
        self.households.findings_of = self.findings.count_for_household
        self.photos = Photos(db, self.findings)
        self.audit = AuditLog(db)
        self.rubrics = PublishedRubrics(db, self.inspections.snapshot)
        self.assignments = Assignments(db, self.places, self.inspections)
        self.events = Events(db, _PartsOf(self))

    # The parts of signing, the team, 交叉检查 and the leader's merging: their modules (and their
    # records' dataclasses, hashlib for signatures) load when first used, not at every start
    # (about 10 ms of the window's start). Events reaches them through ``_PartsOf``.

    @cached_property
    def signatures(self) -> Signatures:
        from fieldcheck.store.signatures import Signatures  # lazy: signing, not every start

        return Signatures(self.db, self.inspections)

    @cached_property
    def reconciliations(self) -> Reconciliations:
        from fieldcheck.store.reconciliations import Reconciliations  # lazy: 交叉检查, not every start

        return Reconciliations(self.db)

    @cached_property
    def team(self) -> Team:
        from fieldcheck.store.team import Team  # lazy: the team's devices, not every start

        return Team(self.db)

    @cached_property
    def imports(self) -> Imports:
        from fieldcheck.store.imports import Imports  # lazy: merging bundles, not every start

        return Imports(self.db)

    @cached_property
    def decisions(self) -> Decisions:
        from fieldcheck.store.decisions import Decisions  # lazy: settling conflicts, not every start

        return Decisions(self.db, self.events)

    path = property(lambda self: self.db.path)
    device = property(lambda self: self.db.device)
    user = property(lambda self: self.db.user)
    photo_dir = property(lambda self: self.db.photo_dir)

    def set_user(self, name: str) -> None:
        """Who the audit log names from now on (the inspector's name from the settings); blank keeps it.

        The name is kept in the database's ``meta`` too, so that the command line, run on the same
        laptop's data, records the same person as the window does rather than the system login.
        """
        name = (name or "").strip()
        if not name:
            return
        self.db.user = name
        if saved_inspector(self.db.conn) != name:
            # a database another program holds must not stop the window opening: the name stands for
            # this session and is kept the next time it can be
            with contextlib.suppress(StoreError), self.db.transaction():
                self.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                     (INSPECTOR_META, name))

    def transaction(self):
        """Group several edits, of any parts, into one commit."""
        return self.db.transaction()

    def duplicate_inspection(self, inspection_id: str) -> str:
        """A new draft with the same rubric snapshot, assessee, findings, marks and photos."""
        with self.db.transaction():
            new = self.inspections.copy(inspection_id)
            for finding in self.findings.of(inspection_id):
                copied = self.findings.copy(finding, new)
                self.photos.copy(finding.id, copied, new)
            self.findings.copy_marks(inspection_id, new)
        return new

    # -- opening and closing ----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, device: str | None = None, user: str | None = None,
             backup_keep: int = backups.KEEP, daily_backup: bool = True, backup_on_close: bool = True) -> Store:
        """Open (creating or migrating) the database at ``path``.

        StoreError, leaving the file untouched, when it is not a SQLite file, not a
        FieldCheck database, or made by a newer FieldCheck.
        """

        path = Path(path).expanduser()
        refuse_foreign_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(t(f"无法创建数据库文件夹 {path.parent}:{reason(exc)}",
                               f"cannot create the database folder {path.parent}: {reason(exc)}")) from None
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(t(f"无法打开数据库 {path}:{sql_reason(exc)}",
                               f"cannot open the database {path}: {sql_reason(exc)}")) from None
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            version = schema.user_version(conn)
            if version > schema.VERSION:
                raise StoreError(t(f"此数据库由更新版本的 FieldCheck 创建(数据格式 {version},本程序支持到 {schema.VERSION}),"
                                   "请升级 FieldCheck 后再打开",
                                   f"this database was made by a newer FieldCheck (data format {version}, this one "
                                   f"knows up to {schema.VERSION}); upgrade FieldCheck to open it"))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables - schema.OUR_TABLES or (version == 0 and tables):
                raise StoreError(t(f"{path} 是 SQLite 数据库,但不是 FieldCheck 的数据库;请选择 FieldCheck 数据文件",
                                   f"{path} is a SQLite database but not a FieldCheck one; choose a FieldCheck data file"))
            if 0 < version < schema.VERSION and tables & schema.later_tables(version):
                raise StoreError(t(f"无法打开数据库 {path}:文件头记的数据格式 {version} 与其中的表不符,文件已损坏;请从备份恢复",
                                   f"cannot open the database {path}: its header says data format {version} but it "
                                   "holds a later one's tables: the file is damaged; restore a backup"))
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            if 0 < version < schema.VERSION:
                backups.take(conn, path, keep=backup_keep, label=f"before-v{schema.VERSION}")
            schema.migrate(conn)
            # reads every table's newest stamp: a damaged page anywhere in them is found here
            db = Database(path, conn, clean_device(device) if device else device_name(),
                          user or saved_inspector(conn) or os_user())
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(t(f"无法打开数据库 {path}:{sql_reason(exc, path)}",
                               f"cannot open the database {path}: {sql_reason(exc, path)}")) from None
        except BaseException:
            conn.close()
            raise
        store = cls(db, backup_keep=backup_keep, backup_on_close=backup_on_close)
        photo_files.remove_temps(store.photo_dir)
        if daily_backup and store.daily_backup_due():
            # a full disk, or damage in pages the work may not need, must not stop the work: closing
            with contextlib.suppress(sqlite3.Error, OSError, StoreError):  # tries again, and says so if it fails
                store.backup()
        return store

    def close(self) -> None:
        """Take a rotating backup, when the database was written since the last one, and close.

        Closing twice is harmless.
        """
        with self.db.lock:
            if self.db.closed:
                return
            try:
                if self.backup_on_close and backups.written_since_backup(self.path):
                    self.backup()
            except (sqlite3.Error, OSError) as exc:  # every edit is committed already: only the copy is missing
                # said by its cause: a database whose header says "read only" was told to check the disk space
                why = reason(exc) if isinstance(exc, OSError) else sql_reason(exc, self.path)
                raise StoreError(t(f"数据已保存,但关闭时的自动备份未能完成({why}),下次打开时会再备份",
                                   f"everything is saved, but the backup taken on closing could not be made ({why}); "
                                   "the next start takes one")) from None
            finally:
                self.db.closed = True
                self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
            return
        # The block failed (an edit refused by a full disk): its sentence is the one to show. The
        # backup's "everything is saved" would replace it and claim the refused edit was kept.
        with contextlib.suppress(StoreError):
            self.close()

    def backup(self, label: str = "") -> Path:
        """A consistent copy of the database in the backup folder (online backup API); the oldest drop off."""
        with self.db.lock:
            return backups.take(self.db.conn, self.path, keep=self.backup_keep, label=label)

    def daily_backup_due(self) -> bool:
        """No backup from the last day, and the database written since the newest one."""
        return backups.due(self.path) and backups.written_since_backup(self.path)

    def backup_detached(self) -> Path:
        """The daily backup on a connection of its own, for a thread other than the one editing: the
        store's connection (and its lock) stays free while a county's hundreds of MB are copied."""
        return backups.take_detached(self.path, keep=self.backup_keep)

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only queries by benchmarks and checks."""
        return self.db.conn


__all__ = ["Store", "StoreError", "Assignment", "Place", "Household", "Inspection", "InspectionRow", "Finding", "Photo",
           "AuditEntry", "holds_id_number", "mask_id_number", "mask_in_text", "check_members", "MAX_HOUSEHOLD_MEMBERS",
           "SQLITE_HEADER", "refuse_foreign_file"]
