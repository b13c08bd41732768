"""The local store: places, households, inspections, findings, photos and the audit log in SQLite.

Crash safety: WAL journal with ``synchronous=FULL`` and one transaction per edit, the
audit rows written in the same transaction as the change, so a change and its history
are both there or both not, even after a power cut. Nothing is ever deleted: a delete
sets a tombstone, and every row carries a UUID, the device that last changed it and a
hybrid logical clock stamp, so that many laptops' data can later be merged exactly.

The score is never stored: ``answers`` derives the rubric engine's answers from the live
findings and marks, and ``score`` runs ``scoring.score`` on the inspection's frozen
rubric snapshot, so editing a rubric file never changes an old inspection.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
import threading
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from . import backup as backups
from . import photos as photo_files
from . import schema
from .answers import MARKS, answers_from_findings, check_value
from .clock import HybridClock
from .lang import t
from .numbers import to_json
from .records import AuditEntry, Finding, Household, Inspection, InspectionRow, Photo, Place
from .rubric import Rubric, RubricInvalid, load_text
from .rules import AnswerError

SQLITE_HEADER = b"SQLite format 3\x00"
PLACE_KINDS = ("县", "乡镇", "村", "县市区", "单位")
PARENT_KIND = {"乡镇": "县", "村": "乡镇"}
STATUSES = ("draft", "signed", "exported")
HOUSEHOLD_STATUSES = ("贫困户", "脱贫户", "低保户", "五保户", "一般户", "边缘户")


#: rubric snapshots already parsed, by version (the SHA-256 of their content): parsing YAML is
#: the slowest part of opening an inspection, and a version always parses to the same rubric
_RUBRICS: dict[str, Rubric] = {}
_ITEMS: dict[str, dict[str, Any]] = {}


class StoreError(Exception):
    """A store operation that cannot be done; ``str(e)`` is one clear sentence in the user's language."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return to_json(value)
    raise TypeError(f"cannot store {type(value).__name__}")


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=_json_default)


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def mask_id_number(number: str | None) -> str | None:
    """Keep only the first 6 and last 4 characters of a 身份证号: 430421********1234.

    An already masked number is accepted as it is. StoreError for anything that is not a
    15- or 18-character ID number, so a typo is caught rather than stored half-masked.
    """
    if number is None:
        return None
    text = str(number).strip().upper().replace(" ", "")
    if not text:
        return None
    if len(text) in (15, 18) and text[:6].isdigit() and text[-4:-1].isdigit() and set(text[6:-4]) == {"*"}:
        return text
    digits_ok = text[:-1].isdigit() and (text[-1].isdigit() or (len(text) == 18 and text[-1] == "X"))
    if len(text) not in (15, 18) or not digits_ok:
        raise StoreError(t("身份证号应为 18 位(或旧版 15 位)数字,末位可为 X;请核对后重新输入",
                           "an ID number has 18 digits (or 15 for old cards), the last may be X; check it and enter it again"))
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


class Store:
    """One FieldCheck database. Every method that changes something commits before it returns."""

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

    # -- opening and closing ----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, device: str | None = None, user: str | None = None,
             backup_keep: int = backups.KEEP, daily_backup: bool = True, backup_on_close: bool = True) -> "Store":
        """Open (creating or migrating) the database at ``path``.

        StoreError, leaving the file untouched, when it is not a SQLite file, not a
        FieldCheck database, or made by a newer FieldCheck.
        """
        from .paths import clean_device, device_name

        path = Path(path).expanduser()
        _refuse_foreign_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(t(f"无法创建数据库文件夹 {path.parent}:{exc.strerror}",
                               f"cannot create the database folder {path.parent}: {exc.strerror}")) from None
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(t(f"无法打开数据库 {path}:{exc}", f"cannot open the database {path}: {exc}")) from None
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
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            if 0 < version < schema.VERSION:
                backups.take(conn, path, keep=backup_keep, label=f"before-v{schema.VERSION}")
            schema.migrate(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(t(f"{path} 无法作为数据库读取({exc});请选择 FieldCheck 数据文件或从备份恢复",
                               f"{path} cannot be read as a database ({exc}); choose a FieldCheck data file "
                               "or restore a backup")) from None
        except BaseException:
            conn.close()
            raise
        store = cls(path, conn, clean_device(device) if device else device_name(), user or _os_user(),
                    backup_keep=backup_keep, backup_on_close=backup_on_close)
        photo_files.remove_temps(store.photo_dir)
        if daily_backup and backups.due(path):
            store.backup()
        return store

    def close(self) -> None:
        """Take a rotating backup and close. Closing twice is harmless."""
        with self._lock:
            if self._closed:
                return
            try:
                if self.backup_on_close:
                    self.backup()
            finally:
                self._closed = True
                self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def backup(self, label: str = "") -> Path:
        """A consistent copy of the database in the backup folder (online backup API); the oldest drop off."""
        with self._lock:
            return backups.take(self._conn, self.path, keep=self.backup_keep, label=label)

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only queries by benchmarks and checks."""
        return self._conn

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

    # -- places and people --------------------------------------------------------------------------

    def add_place(self, kind: str, name: str, parent_id: str | None = None, *, group: str | None = None) -> str:
        """A county, township, village, or another rubric's assessee (县市区 with group 县市|区, 单位)."""
        name = (name or "").strip()
        if kind not in PLACE_KINDS:
            raise StoreError(t(f"未知的单位类型「{kind}」,可选:{'、'.join(PLACE_KINDS)}",
                               f"unknown place kind '{kind}'; expected one of: {', '.join(PLACE_KINDS)}"))
        if not name:
            raise StoreError(t("名称不能为空", "the name cannot be empty"))
        if group is not None and kind != "县市区":
            raise StoreError(t("只有县市区有分组(县市/区)", "only a 县市区 has a group (县市/区)"))
        if group is not None and group not in ("县市", "区"):
            raise StoreError(t(f"分组「{group}」未知,可选:县市、区", f"unknown group '{group}'; expected 县市 or 区"))
        with self.transaction():
            if parent_id is not None:
                parent = self._place_row(parent_id)
                want = PARENT_KIND.get(kind)
                if want and parent["kind"] != want:
                    raise StoreError(t(f"「{kind}」应属于一个「{want}」,而「{parent['name']}」是「{parent['kind']}」",
                                       f"a {kind} belongs to a {want}, but '{parent['name']}' is a {parent['kind']}"))
            elif kind in PARENT_KIND:
                raise StoreError(t(f"请指定这个{kind}所属的{PARENT_KIND[kind]}", f"give the {PARENT_KIND[kind]} this {kind} belongs to"))
            place_id = self.new_id()
            hlc, at = self._stamp()
            self._conn.execute(
                "INSERT INTO places (id, kind, name, parent_id, grp, device, hlc, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (place_id, kind, name, parent_id, group, self.device, hlc, at, at))
            self._audit(hlc, at, "create", "place", place_id, None, None, None,
                        {"kind": kind, "name": name, "parent_id": parent_id, "group": group})
        return place_id

    def _place_row(self, place_id: str) -> sqlite3.Row:
        row = self._conn.execute("SELECT id, kind, name, parent_id, grp FROM places WHERE id = ? AND deleted = 0",
                                 (place_id,)).fetchone()
        if row is None:
            raise StoreError(t(f"找不到单位或地点 {place_id}", f"no place with id {place_id}"))
        return {"id": row[0], "kind": row[1], "name": row[2], "parent_id": row[3], "group": row[4]}  # type: ignore[return-value]

    def place(self, place_id: str) -> Place:
        with self._lock:
            r = self._place_row(place_id)
        return Place(r["id"], r["kind"], r["name"], r["parent_id"], r["group"])

    def places(self, kind: str | None = None, parent_id: str | None = None) -> list[Place]:
        """Live places, by kind and/or parent, in the order they were added."""
        sql = "SELECT id, kind, name, parent_id, grp FROM places WHERE deleted = 0"
        params: list[Any] = []
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        if parent_id is not None:
            sql += " AND parent_id = ?"
            params.append(parent_id)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY created_at, rowid", params).fetchall()
        return [Place(*r) for r in rows]

    def place_path(self, place_id: str) -> str:
        """"衡阳县/西渡镇/梅花村": the names from the top down."""
        names = []
        seen = set()
        with self._lock:
            current: str | None = place_id
            while current is not None and current not in seen:
                seen.add(current)
                row = self._conn.execute("SELECT name, parent_id FROM places WHERE id = ?", (current,)).fetchone()
                if row is None:
                    if current == place_id:
                        raise StoreError(t(f"找不到单位或地点 {place_id}", f"no place with id {place_id}"))
                    break
                names.append(row[0])
                current = row[1]
        return "/".join(reversed(names))

    def find_place(self, name_or_path: str) -> Place | None:
        """A live place by its name or its path ("衡阳县/西渡镇/梅花村"), or None."""
        for place in self.places():
            if place.name == name_or_path or ("/" in name_or_path and self.place_path(place.id) == name_or_path):
                return place
        return None

    def add_household(self, village_id: str, head_name: str, *, members: int = 1, helper: str = "",
                      status: str = "贫困户", id_number: str | None = None) -> str:
        """A household of a village. Only a masked ID number is kept (430421********1234)."""
        head_name = (head_name or "").strip()
        if not head_name:
            raise StoreError(t("户主姓名不能为空", "the head of household's name cannot be empty"))
        if isinstance(members, bool) or not isinstance(members, int) or members < 1:
            raise StoreError(t(f"家庭人口应为 ≥1 的整数,收到 {members!r}", f"members must be a whole number ≥ 1, got {members!r}"))
        masked = mask_id_number(id_number)
        with self.transaction():
            village = self._place_row(village_id)
            if village["kind"] != "村":
                raise StoreError(t(f"农户应属于一个村,而「{village['name']}」是「{village['kind']}」",
                                   f"a household belongs to a village, but '{village['name']}' is a {village['kind']}"))
            household_id = self.new_id()
            hlc, at = self._stamp()
            self._conn.execute(
                "INSERT INTO households (id, village_id, head_name, members, helper, status, id_masked, device, hlc,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (household_id, village_id, head_name, members, helper or "", status, masked, self.device, hlc, at, at))
            self._audit(hlc, at, "create", "household", household_id, None, None, None,
                        {"village_id": village_id, "head_name": head_name, "members": members, "helper": helper,
                         "status": status, "id_masked": masked})
        return household_id

    def households(self, village_id: str) -> list[Household]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, village_id, head_name, members, helper, status, id_masked FROM households"
                " WHERE village_id = ? AND deleted = 0 ORDER BY created_at, rowid", (village_id,)).fetchall()
        return [Household(*r) for r in rows]

    def household(self, household_id: str) -> Household:
        with self._lock:
            r = self._conn.execute(
                "SELECT id, village_id, head_name, members, helper, status, id_masked FROM households WHERE id = ?",
                (household_id,)).fetchone()
        if r is None:
            raise StoreError(t(f"找不到农户 {household_id}", f"no household with id {household_id}"))
        return Household(*r)

    # -- inspections --------------------------------------------------------------------------------

    def create_inspection(self, rubric: Rubric, *, assessee_id: str | None, assessee_name: str,
                          inspectors: list[str], date: str, assessee_group: str | None = None) -> str:
        """A new draft inspection holding a frozen copy of ``rubric`` (its text and version)."""
        if not rubric.text:
            raise StoreError(t("细则没有原文,无法保存快照", "the rubric has no text to freeze"))
        name = (assessee_name or "").strip()
        with self.transaction():
            if assessee_id is not None:
                place = self._place_row(assessee_id)
                name = name or place["name"]
                assessee_group = assessee_group or place["group"]
            if not name:
                raise StoreError(t("请填写被考核单位", "give the name of the unit being assessed"))
            if assessee_group is not None and rubric.groups and assessee_group not in rubric.groups:
                raise StoreError(t(f"分组「{assessee_group}」未知,可选:{'、'.join(rubric.groups)}",
                                   f"unknown group '{assessee_group}'; expected one of: {', '.join(rubric.groups)}"))
            inspection_id = self.new_id()
            hlc, at = self._stamp()
            people = _people(inspectors)
            self._rubrics.setdefault(rubric.version, rubric)
            self._conn.execute(
                "INSERT INTO inspections (id, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id,"
                " assessee_name, assessee_group, inspectors, date, status, device, hlc, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
                (inspection_id, rubric.id, rubric.version, rubric.title, rubric.text, assessee_id, name,
                 assessee_group, _dump(people), _date(date), self.device, hlc, at, at))
            self._audit(hlc, at, "create", "inspection", inspection_id, inspection_id, None, None,
                        {"rubric_id": rubric.id, "rubric_version": rubric.version, "assessee_id": assessee_id,
                         "assessee_name": name, "assessee_group": assessee_group, "inspectors": people,
                         "date": _date(date)})
        return inspection_id

    # the snapshot text (tens of KB) is read only when its version has not been parsed yet
    _INSPECTION_COLUMNS = ("id, rubric_id, rubric_version, rubric_title, '' AS rubric_text, assessee_id, assessee_name,"
                           " assessee_group, inspectors, date, status, device, created_at, updated_at, deleted")

    def _rubric(self, version: str, text: str, rubric_id: str) -> Rubric:
        cached = self._rubrics.get(version)
        if cached is None:
            if not text:
                row = self._conn.execute("SELECT rubric_text FROM inspections WHERE rubric_version = ? LIMIT 1",
                                         (version,)).fetchone()
                text = row[0] if row else ""
            try:
                cached = load_text(text, f"<{rubric_id} {version[:12]}>")
            except RubricInvalid as exc:
                raise StoreError(t(f"检查所存的细则「{rubric_id}」快照无法读取:{exc.problems[0].message}",
                                   f"the stored snapshot of rubric '{rubric_id}' cannot be read: "
                                   f"{exc.problems[0].message}")) from None
            self._rubrics[version] = cached
        return cached

    def _inspection_from_row(self, r) -> Inspection:
        return Inspection(r[0], self._rubric(r[2], r[4], r[1]), r[1], r[2], r[3], r[5], r[6], r[7], _load(r[8]),
                          r[9], r[10], r[11], r[12], r[13], bool(r[14]))

    def inspection(self, inspection_id: str) -> Inspection:
        """One inspection (deleted ones too: ``.deleted`` says so); StoreError for an unknown id."""
        with self._lock:
            r = self._conn.execute(f"SELECT {self._INSPECTION_COLUMNS} FROM inspections WHERE id = ?",
                                   (inspection_id,)).fetchone()
            if r is None:
                raise StoreError(t(f"找不到检查记录 {inspection_id}", f"no inspection with id {inspection_id}"))
            return self._inspection_from_row(r)

    def inspections(self, *, status: str | None = None, place_id: str | None = None, search: str | None = None,
                    include_deleted: bool = False) -> list[InspectionRow]:
        """A row per inspection with its current score, newest date first.

        ``place_id`` keeps the inspections of that place and of everything under it;
        ``search`` matches the assessee path, the inspectors and the rubric title.
        """
        with self._lock:
            sql = f"SELECT {self._INSPECTION_COLUMNS} FROM inspections"
            where, params = [], []
            if not include_deleted:
                where.append("deleted = 0")
            if status is not None:
                where.append("status = ?")
                params.append(status)
            if where:
                sql += " WHERE " + " AND ".join(where)
            rows = self._conn.execute(sql + " ORDER BY date DESC, created_at DESC", params).fetchall()
            wanted_places = self._subtree(place_id) if place_id is not None else None
            out = []
            for r in rows:
                if wanted_places is not None and r[5] not in wanted_places:
                    continue
                row = self._row(r)
                if search:
                    needle = search.strip().lower()
                    haystack = " ".join([row.assessee_path, row.assessee_name, row.rubric_title, row.rubric_id,
                                         *row.inspectors, row.date]).lower()
                    if needle not in haystack:
                        continue
                out.append(row)
            return out

    def _subtree(self, place_id: str) -> set[str]:
        found = {place_id}
        frontier = [place_id]
        while frontier:
            marks = ",".join("?" * len(frontier))
            frontier = [r[0] for r in self._conn.execute(
                f"SELECT id FROM places WHERE parent_id IN ({marks})", frontier) if r[0] not in found]
            found.update(frontier)
        return found

    def _row(self, r) -> InspectionRow:
        inspection = self._inspection_from_row(r)
        findings = self._findings(inspection.id)
        photos = self._conn.execute(
            "SELECT count(*) FROM photos p JOIN findings f ON f.id = p.finding_id"
            " WHERE f.inspection_id = ? AND p.deleted = 0 AND f.deleted = 0", (inspection.id,)).fetchone()[0]
        path = self.place_path(inspection.assessee_id) if inspection.assessee_id else inspection.assessee_name
        error = None
        try:
            result = self._score(inspection, findings, self._marks(inspection.id))
            total, maximum, grade = result.total, result.max, result.grade
            complete, answered, items = result.complete, result.answered, result.item_count
        except AnswerError as exc:
            error = str(exc)
            total, maximum, grade = None, inspection.rubric.max_points, None
            complete, answered, items = False, 0, len(inspection.rubric.items())
        return InspectionRow(inspection.id, path, inspection.assessee_name, inspection.rubric_id,
                             inspection.rubric_title, inspection.rubric_version, inspection.status, inspection.date,
                             total, maximum, grade, complete, answered, items, len(findings), photos,
                             inspection.device, inspection.inspectors, inspection.updated_at, error)

    def update_inspection(self, inspection_id: str, **fields: Any) -> None:
        """Change inspectors, date, status, assessee_name or assessee_group; each change is audited.

        A signed or exported inspection is locked: only its status can change (back to
        "draft" to reopen it, which the audit log records).
        """
        allowed = {"inspectors", "date", "status", "assessee_name", "assessee_group"}
        unknown = set(fields) - allowed
        if unknown:
            raise StoreError(t(f"不能修改检查的字段:{'、'.join(sorted(unknown))}",
                               f"these inspection fields cannot be changed: {', '.join(sorted(unknown))}"))
        with self.transaction():
            current = self.inspection(inspection_id)
            if current.deleted:
                raise StoreError(t("这份检查已删除,请先恢复", "this inspection is deleted; restore it first"))
            changes: dict[str, Any] = {}
            for key, value in fields.items():
                if key == "inspectors":
                    value = _people(value)
                elif key == "date":
                    value = _date(value)
                elif key == "status":
                    if value not in STATUSES:
                        raise StoreError(t(f"状态「{value}」未知,可选:draft、signed、exported",
                                           f"unknown status '{value}'; expected draft, signed or exported"))
                elif key == "assessee_name":
                    value = (value or "").strip()
                    if not value:
                        raise StoreError(t("请填写被考核单位", "give the name of the unit being assessed"))
                elif key == "assessee_group" and value is not None and current.rubric.groups \
                        and value not in current.rubric.groups:
                    raise StoreError(t(f"分组「{value}」未知,可选:{'、'.join(current.rubric.groups)}",
                                       f"unknown group '{value}'; expected one of: {', '.join(current.rubric.groups)}"))
                old = getattr(current, key)
                if old != value:
                    changes[key] = (old, value)
            if current.status != "draft" and set(changes) - {"status"}:
                raise StoreError(_locked_message(current.status))
            if not changes:
                return
            hlc, at = self._stamp()
            for key, (old, new) in changes.items():
                column = key
                stored = _dump(new) if key == "inspectors" else new
                self._conn.execute(f"UPDATE inspections SET {column} = ?, hlc = ?, device = ?, updated_at = ?"
                                   " WHERE id = ?", (stored, hlc, self.device, at, inspection_id))
                self._audit(hlc, at, "update", "inspection", inspection_id, inspection_id, key, old, new)

    def duplicate_inspection(self, inspection_id: str) -> str:
        """A new draft with the same rubric snapshot, assessee, findings, marks and photos."""
        with self.transaction():
            src = self.inspection(inspection_id)
            new = self.new_id()
            hlc, at = self._stamp()
            self._conn.execute(
                "INSERT INTO inspections (id, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id,"
                " assessee_name, assessee_group, inspectors, date, status, device, hlc, created_at, updated_at)"
                " SELECT ?, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id, assessee_name,"
                " assessee_group, inspectors, date, 'draft', ?, ?, ?, ? FROM inspections WHERE id = ?",
                (new, self.device, hlc, at, at, inspection_id))
            self._audit(hlc, at, "create", "inspection", new, new, "duplicated_from", None, inspection_id)
            for f in self._findings(inspection_id):
                fid = self.new_id()
                self._conn.execute(
                    "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by,"
                    " device, hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (fid, new, f.item_id, _dump(f.value), f.household_id, f.note, f.entered_by, self.device, hlc,
                     at, at))
                self._audit(hlc, at, "create", "finding", fid, new, None, None, _finding_summary(f))
                for p in self._photo_rows(f.id):
                    pid = self.new_id()
                    self._conn.execute(
                        "INSERT INTO photos (id, finding_id, sha256, original_name, device, hlc, created_at,"
                        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (pid, fid, p.sha256, p.original_name, self.device, hlc, at, at))
                    self._audit(hlc, at, "create", "photo", pid, new, None, None,
                                {"finding_id": fid, "sha256": p.sha256})
            for item_id, mark in self._marks(inspection_id).items():
                self._write_mark(new, item_id, mark, hlc, at)
        _ = src
        return new

    def delete_inspection(self, inspection_id: str) -> None:
        """Move an inspection to the wastebasket (a tombstone); ``restore_inspection`` brings it back."""
        self._set_deleted("inspections", "inspection", inspection_id, inspection_id, True)

    def restore_inspection(self, inspection_id: str) -> None:
        self._set_deleted("inspections", "inspection", inspection_id, inspection_id, False)

    def _set_deleted(self, table: str, entity: str, row_id: str, inspection_id: str, deleted: bool) -> None:
        with self.transaction():
            row = self._conn.execute(f"SELECT deleted FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if row is None:
                raise StoreError(t(f"找不到记录 {row_id}", f"no record with id {row_id}"))
            if bool(row[0]) == deleted:
                return
            hlc, at = self._stamp()
            self._conn.execute(f"UPDATE {table} SET deleted = ?, hlc = ?, device = ?, updated_at = ? WHERE id = ?",
                               (int(deleted), hlc, self.device, at, row_id))
            self._audit(hlc, at, "delete" if deleted else "restore", entity, row_id, inspection_id,
                        "deleted", not deleted, deleted)

    def editable(self, inspection_id: str) -> bool:
        """Whether findings, marks and photos of the inspection may change (a live draft)."""
        inspection = self.inspection(inspection_id)
        return not inspection.deleted and inspection.status == "draft"

    def _editable(self, inspection_id: str) -> Inspection:
        """The inspection, if findings may change: it exists, is not deleted and is a draft."""
        inspection = self.inspection(inspection_id)
        if inspection.deleted:
            raise StoreError(t("这份检查已删除,请先恢复", "this inspection is deleted; restore it first"))
        if inspection.status != "draft":
            raise StoreError(_locked_message(inspection.status))
        return inspection

    # -- findings -----------------------------------------------------------------------------------

    _FINDING_COLUMNS = ("id, inspection_id, item_id, value, household_id, note, entered_by, created_at, updated_at,"
                        " device, hlc")

    def _finding_from_row(self, r) -> Finding:
        return Finding(r[0], r[1], r[2], _load(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10])

    def _items(self, inspection: Inspection) -> dict[str, Any]:
        items = _ITEMS.get(inspection.rubric_version)
        if items is None:
            items = _ITEMS[inspection.rubric_version] = {i.id: i for i in inspection.rubric.items()}
        return items

    def _check_finding(self, inspection: Inspection, item_id: str, value: Any, household_id: str | None,
                       known_households: set[str] | None = None) -> Any:
        item = self._items(inspection).get(str(item_id))
        if item is None:
            raise StoreError(t(f"细则「{inspection.rubric_title}」中没有项目 {item_id}",
                               f"rubric '{inspection.rubric_title}' has no item {item_id}"))
        try:
            value = check_value(item, value)
        except AnswerError as exc:
            raise StoreError(str(exc)) from None
        if household_id is not None and (known_households is None or household_id not in known_households):
            if self._conn.execute("SELECT 1 FROM households WHERE id = ? AND deleted = 0",
                                  (household_id,)).fetchone() is None:
                raise StoreError(t(f"找不到农户 {household_id}", f"no household with id {household_id}"))
            if known_households is not None:
                known_households.add(household_id)
        return value

    def add_finding(self, inspection_id: str, item_id: str, *, value: Any = None, household_id: str | None = None,
                    note: str = "", entered_by: str | None = None) -> Finding:
        """Record one occurrence on an item; committed before it returns."""
        with self.transaction():
            inspection = self._editable(inspection_id)
            value = self._check_finding(inspection, item_id, value, household_id)
            finding_id = self._insert_finding(inspection_id, str(item_id), value, household_id, note or "",
                                              entered_by or self.user)
            return self.finding(finding_id)

    def add_findings(self, inspection_id: str, rows: Iterable[Mapping[str, Any]]) -> list[str]:
        """Many findings in one commit (imports, the demo); each row has item_id and optionally
        value, household_id, note, entered_by. All are checked first: one bad row adds none."""
        with self.transaction():
            inspection = self._editable(inspection_id)
            households: set[str] = set()
            findings, audits, ids = [], [], []
            for row in rows:
                item_id = str(row["item_id"])
                household = row.get("household_id")
                value = self._check_finding(inspection, item_id, row.get("value"), household, households)
                note, who = row.get("note") or "", row.get("entered_by") or self.user
                finding_id = self.new_id()
                hlc, at = self._stamp()
                findings.append((finding_id, inspection_id, item_id, _dump(value), household, note, who,
                                 self.device, hlc, at, at))
                audits.append((self.new_id(), at, self.user, self.device, hlc, "create", "finding", finding_id,
                               inspection_id, None, None, _dump({"item_id": item_id, "value": value,
                                                                 "household_id": household, "note": note,
                                                                 "entered_by": who})))
                ids.append(finding_id)
            self._conn.executemany(
                "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device,"
                " hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", findings)
            self._conn.executemany(
                "INSERT INTO audit (id, at, who, device, hlc, action, entity, entity_id, inspection_id, field,"
                " old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", audits)
            return ids

    def _insert_finding(self, inspection_id: str, item_id: str, value: Any, household_id: str | None, note: str,
                        entered_by: str) -> str:
        finding_id = self.new_id()
        hlc, at = self._stamp()
        self._conn.execute(
            "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device, hlc,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (finding_id, inspection_id, item_id, _dump(value), household_id, note, entered_by, self.device, hlc,
             at, at))
        self._audit(hlc, at, "create", "finding", finding_id, inspection_id, None, None,
                    {"item_id": item_id, "value": value, "household_id": household_id, "note": note,
                     "entered_by": entered_by})
        return finding_id

    def finding(self, finding_id: str) -> Finding:
        with self._lock:
            r = self._conn.execute(f"SELECT {self._FINDING_COLUMNS} FROM findings WHERE id = ?",
                                   (finding_id,)).fetchone()
        if r is None:
            raise StoreError(t(f"找不到发现记录 {finding_id}", f"no finding with id {finding_id}"))
        return self._finding_from_row(r)

    def _finding_live(self, finding_id: str) -> tuple[Finding, Inspection]:
        r = self._conn.execute(f"SELECT {self._FINDING_COLUMNS}, deleted FROM findings WHERE id = ?",
                               (finding_id,)).fetchone()
        if r is None or r[-1]:
            raise StoreError(t(f"找不到发现记录 {finding_id}(可能已删除)", f"no finding with id {finding_id} (it may be deleted)"))
        finding = self._finding_from_row(r)
        return finding, self._editable(finding.inspection_id)

    def update_finding(self, finding_id: str, **changes: Any) -> Finding:
        """Change a finding's value, household_id or note; each changed field is audited old → new."""
        allowed = {"value", "household_id", "note"}
        unknown = set(changes) - allowed
        if unknown:
            raise StoreError(t(f"不能修改发现记录的字段:{'、'.join(sorted(unknown))}",
                               f"these finding fields cannot be changed: {', '.join(sorted(unknown))}"))
        with self.transaction():
            finding, inspection = self._finding_live(finding_id)
            value = changes.get("value", finding.value)
            household = changes.get("household_id", finding.household_id)
            value = self._check_finding(inspection, finding.item_id, value, household)
            new = {"value": value, "household_id": household, "note": changes.get("note", finding.note) or ""}
            diff = {k: (getattr(finding, k), v) for k, v in new.items() if k in changes and getattr(finding, k) != v}
            if diff:
                hlc, at = self._stamp()
                for key, (old, val) in diff.items():
                    self._conn.execute(f"UPDATE findings SET {key} = ?, hlc = ?, device = ?, updated_at = ?"
                                       " WHERE id = ?", (_dump(val) if key == "value" else val, hlc, self.device,
                                                         at, finding_id))
                    self._audit(hlc, at, "update", "finding", finding_id, finding.inspection_id, key, old, val)
            return self.finding(finding_id)

    def delete_finding(self, finding_id: str) -> None:
        """Tombstone a finding (kept for the audit log and merges); ``restore_finding`` undoes it."""
        with self.transaction():
            finding, _ = self._finding_live(finding_id)
            self._set_deleted("findings", "finding", finding_id, finding.inspection_id, True)

    def restore_finding(self, finding_id: str) -> None:
        with self.transaction():
            finding = self.finding(finding_id)
            self._editable(finding.inspection_id)
            self._set_deleted("findings", "finding", finding_id, finding.inspection_id, False)

    def _findings(self, inspection_id: str, item_id: str | None = None) -> list[Finding]:
        sql = f"SELECT {self._FINDING_COLUMNS} FROM findings WHERE inspection_id = ? AND deleted = 0"
        params: list[Any] = [inspection_id]
        if item_id is not None:
            sql += " AND item_id = ?"
            params.append(str(item_id))
        rows = self._conn.execute(sql + " ORDER BY created_at, rowid", params).fetchall()
        return [self._finding_from_row(r) for r in rows]

    def findings(self, inspection_id: str, item_id: str | None = None) -> list[Finding]:
        """The live findings of an inspection (or of one item), in entry order."""
        with self._lock:
            return self._findings(inspection_id, item_id)

    # -- item marks ---------------------------------------------------------------------------------

    def set_item_mark(self, inspection_id: str, item_id: str, mark: str | None) -> None:
        """Mark an item "checked" (looked at), "na" (not applicable), or clear the mark (None)."""
        if mark is not None and mark not in MARKS:
            raise StoreError(t(f"标记「{mark}」未知,可选:checked、na", f"unknown mark '{mark}'; expected checked or na"))
        with self.transaction():
            inspection = self._editable(inspection_id)
            self._check_finding_item(inspection, item_id)
            old = self._marks(inspection_id).get(str(item_id))
            if old == mark:
                return
            hlc, at = self._stamp()
            self._write_mark(inspection_id, str(item_id), mark, hlc, at)
            self._audit(hlc, at, "update", "mark", f"{inspection_id}/{item_id}", inspection_id, str(item_id), old, mark)

    def _check_finding_item(self, inspection: Inspection, item_id: str) -> None:
        try:
            node = inspection.rubric.node(str(item_id))
        except KeyError:
            node = None
        if node is None or not hasattr(node, "rule"):
            raise StoreError(t(f"细则「{inspection.rubric_title}」中没有项目 {item_id}",
                               f"rubric '{inspection.rubric_title}' has no item {item_id}"))

    def _write_mark(self, inspection_id: str, item_id: str, mark: str | None, hlc: str, at: str) -> None:
        self._conn.execute(
            "INSERT INTO item_marks (id, inspection_id, item_id, mark, device, hlc, created_at, updated_at, deleted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (inspection_id, item_id) DO UPDATE SET"
            " mark = excluded.mark, device = excluded.device, hlc = excluded.hlc, updated_at = excluded.updated_at,"
            " deleted = excluded.deleted",
            (self.new_id(), inspection_id, item_id, mark, self.device, hlc, at, at, int(mark is None)))

    def _marks(self, inspection_id: str) -> dict[str, str]:
        return dict(self._conn.execute(
            "SELECT item_id, mark FROM item_marks WHERE inspection_id = ? AND deleted = 0 AND mark IS NOT NULL",
            (inspection_id,)).fetchall())

    def item_marks(self, inspection_id: str) -> dict[str, str]:
        with self._lock:
            return self._marks(inspection_id)

    # -- answers and score --------------------------------------------------------------------------

    def answers(self, inspection_id: str) -> dict:
        """The answers the rubric engine scores, derived from the live findings and the marks."""
        with self._lock:
            inspection = self.inspection(inspection_id)
            return answers_from_findings(inspection.rubric, self._findings(inspection_id), self._marks(inspection_id))

    def score(self, inspection_id: str):
        """``scoring.score`` on the frozen rubric with the derived answers and the assessee."""
        with self._lock:
            inspection = self.inspection(inspection_id)
            return self._score(inspection, self._findings(inspection_id), self._marks(inspection_id))

    @staticmethod
    def _score(inspection: Inspection, findings: list[Finding], marks: dict[str, str]):
        from .scoring import score

        answers = answers_from_findings(inspection.rubric, findings, marks)
        return score(inspection.rubric, answers, inspection.assessee)

    # -- photos -------------------------------------------------------------------------------------

    def add_photo(self, finding_id: str, source: str | Path | bytes) -> Photo:
        """Attach a photo to a finding as evidence. The same photo twice is stored once.

        StoreError, with nothing changed, for a missing, empty, truncated or non-image file.
        """
        with self._lock:
            self._finding_live(finding_id)  # refuse before the work of decoding
        try:
            ingested = photo_files.ingest(source)
        except photo_files.PhotoError as exc:
            raise StoreError(str(exc)) from None
        self.photo_dir.mkdir(parents=True, exist_ok=True)
        try:
            photo_files.write_original(self.photo_dir, ingested)
        except OSError as exc:
            raise StoreError(t(f"无法保存照片:{exc.strerror}", f"cannot save the photo: {exc.strerror}")) from None
        with self.transaction():
            finding, _ = self._finding_live(finding_id)
            hlc, at = self._stamp()
            self._conn.execute(
                "INSERT OR IGNORE INTO photo_files (sha256, ext, size, width, height, taken_at, lat, lon, thumbnail,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ingested.sha256, ingested.ext, len(ingested.data), ingested.width, ingested.height,
                 ingested.taken_at, ingested.lat, ingested.lon, ingested.thumbnail, at))
            existing = self._conn.execute("SELECT id, deleted FROM photos WHERE finding_id = ? AND sha256 = ?",
                                          (finding_id, ingested.sha256)).fetchone()
            if existing is not None:
                if existing[1]:
                    self._set_deleted("photos", "photo", existing[0], finding.inspection_id, False)
                photo_id = existing[0]
            else:
                photo_id = self.new_id()
                self._conn.execute(
                    "INSERT INTO photos (id, finding_id, sha256, original_name, device, hlc, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (photo_id, finding_id, ingested.sha256, ingested.original_name, self.device, hlc, at, at))
                self._audit(hlc, at, "create", "photo", photo_id, finding.inspection_id, None, None,
                            {"finding_id": finding_id, "sha256": ingested.sha256,
                             "original_name": ingested.original_name})
            return self._photo(photo_id)

    _PHOTO_SQL = ("SELECT p.id, p.sha256, f.width, f.height, f.taken_at, f.lat, f.lon, p.original_name, p.finding_id,"
                  " f.size FROM photos p JOIN photo_files f ON f.sha256 = p.sha256")

    def _photo(self, photo_id: str) -> Photo:
        r = self._conn.execute(self._PHOTO_SQL + " WHERE p.id = ?", (photo_id,)).fetchone()
        if r is None:
            raise StoreError(t(f"找不到照片 {photo_id}", f"no photo with id {photo_id}"))
        return Photo(*r)

    def _photo_rows(self, finding_id: str) -> list[Photo]:
        rows = self._conn.execute(self._PHOTO_SQL + " WHERE p.finding_id = ? AND p.deleted = 0"
                                  " ORDER BY p.created_at, p.rowid", (finding_id,)).fetchall()
        return [Photo(*r) for r in rows]

    def photos(self, finding_id: str) -> list[Photo]:
        """The live photos of a finding, in the order they were attached."""
        with self._lock:
            return self._photo_rows(finding_id)

    def photo_path(self, sha256: str) -> Path:
        """Where the original bytes of a photo are, unchanged."""
        with self._lock:
            row = self._conn.execute("SELECT ext FROM photo_files WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise StoreError(t(f"找不到照片 {sha256[:12]}", f"no photo {sha256[:12]}"))
        return photo_files.original_path(self.photo_dir, sha256, row[0])

    def thumbnail_bytes(self, sha256: str) -> bytes:
        """A JPEG of at most 256 px, EXIF orientation applied."""
        with self._lock:
            row = self._conn.execute("SELECT thumbnail FROM photo_files WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise StoreError(t(f"找不到照片 {sha256[:12]}", f"no photo {sha256[:12]}"))
        return bytes(row[0])

    def remove_photo(self, finding_id: str, photo_id: str) -> None:
        """Detach a photo from a finding (a tombstone: the file stays for the audit log and undo)."""
        self._photo_deleted(finding_id, photo_id, True)

    def restore_photo(self, finding_id: str, photo_id: str) -> None:
        self._photo_deleted(finding_id, photo_id, False)

    def _photo_deleted(self, finding_id: str, photo_id: str, deleted: bool) -> None:
        with self.transaction():
            finding, _ = self._finding_live(finding_id)
            row = self._conn.execute("SELECT finding_id FROM photos WHERE id = ?", (photo_id,)).fetchone()
            if row is None or row[0] != finding_id:
                raise StoreError(t(f"这条发现记录没有照片 {photo_id}", f"this finding has no photo {photo_id}"))
            self._set_deleted("photos", "photo", photo_id, finding.inspection_id, deleted)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some containers
        return "unknown"


def _people(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [p for p in value.replace(",", "、").replace(",", "、").split("、")]
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


__all__ = ["Store", "StoreError", "Place", "Household", "Inspection", "InspectionRow", "Finding", "Photo",
           "AuditEntry", "mask_id_number"]
