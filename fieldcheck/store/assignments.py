"""Assignments: which inspector visits which assessee on which day, with which rubric.

Making one makes its draft inspection at once, with the rubric snapshot frozen then, so the
inspector's laptop receives a draft ready to walk (docs/sync.md). An assignment never
changes afterwards: another day or another inspector is a removal and a new assignment, so
the only field that merges is its tombstone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the rubric model loads with the first rubric parsed, not with the store
    from fieldcheck.engine.rubric import Rubric
from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError, parse_date, rows_in
from fieldcheck.store.inspections import Inspections
from fieldcheck.store.places import Places
from fieldcheck.store.records import Assignment

_COLUMNS = "id, inspector, date, rubric_id, rubric_version, assessee_id, inspection_id, deleted"


class Assignments:
    """Making, listing and removing assignments; merging them from other laptops."""

    def __init__(self, db: Database, places: Places, inspections: Inspections):
        self._db = db
        self._places = places
        self._inspections = inspections

    def add(self, inspector: str, date: str, rubric: Rubric, assessee_ids: list[str]) -> list[str]:
        """One assignment, with its draft inspection, per assessee; all or nothing."""
        inspector = (inspector or "").strip()
        if not inspector:
            raise StoreError(t("请填写检查人员姓名", "give the inspector's name"))
        day = parse_date(date)
        if not assessee_ids:
            raise StoreError(t("请至少选择一个被考核单位", "choose at least one assessee"))
        made = []
        with self._db.transaction():
            for assessee_id in dict.fromkeys(assessee_ids):
                place = self._places.row(assessee_id)
                if self._db.conn.execute(
                        "SELECT 1 FROM assignments WHERE inspector = ? AND date = ? AND assessee_id = ?"
                        " AND rubric_id = ? AND deleted = 0", (inspector, day, assessee_id, rubric.id)).fetchone():
                    raise StoreError(t(f"{inspector} 在 {day} 已有「{place['name']}」的任务,不必再分派",
                                       f"{inspector} is already assigned to {place['name']} on {day}; "
                                       "there is nothing to add"))
                inspection_id = self._inspections.create(rubric, assessee_id=assessee_id, assessee_name="",
                                                         inspectors=[inspector], date=day)
                assignment_id = self._db.new_id()
                hlc, at = self._db.stamp()
                self._db.conn.execute(
                    f"INSERT INTO assignments ({_COLUMNS}, device, hlc, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                    (assignment_id, inspector, day, rubric.id, rubric.version, assessee_id, inspection_id,
                     self._db.device, hlc, at, at))
                # inspection_id stays empty on the event: an assignment is not part of its
                # inspection, so signing the inspection does not hold the assignment's removal
                self._db.record(hlc, at, "create", "assignment", assignment_id, None, None, None,
                                {"inspector": inspector, "date": day, "rubric_id": rubric.id,
                                 "rubric_version": rubric.version, "assessee_id": assessee_id,
                                 "inspection_id": inspection_id})
                made.append(assignment_id)
        return made

    def remove(self, assignment_id: str) -> Assignment:
        """Tombstone an assignment (its inspection is left to the caller); returns it."""
        with self._db.transaction():
            assignment = self.get(assignment_id)
            if assignment.deleted:
                raise StoreError(t("这项任务已经删除", "this assignment was already removed"))
            self._db.set_deleted("assignments", "assignment", assignment.id, None, True)
        return assignment

    def get(self, assignment_id: str) -> Assignment:
        """One assignment by its id or a unique beginning of it (removed ones too)."""
        ref = (assignment_id or "").strip()
        with self._db.lock:
            rows = self._db.conn.execute(f"SELECT {_COLUMNS} FROM assignments WHERE id = ?", (ref,)).fetchall() or \
                (self._db.conn.execute(f"SELECT {_COLUMNS} FROM assignments WHERE substr(id, 1, ?) = ?",
                                       (len(ref), ref)).fetchall() if len(ref) >= 4 else [])
        if len(rows) != 1:
            raise StoreError(t(f"找不到任务 {ref};用 fieldcheck assign list 列出现有任务",
                               f"no assignment {ref}; list them with fieldcheck assign list") if not rows else
                             t(f"以 {ref} 开头的任务不止一个,请多写几位", f"more than one assignment starts with {ref}; "
                               "give more of its id"))
        return _record(rows[0])

    def all(self, inspector: str | None = None, *, include_removed: bool = False) -> list[Assignment]:
        """Live assignments (removed ones too if asked), by date, inspector and the order they were made."""
        sql = f"SELECT {_COLUMNS} FROM assignments WHERE {'1' if include_removed else 'deleted = 0'}"
        params: list[Any] = []
        if inspector is not None:
            sql += " AND inspector = ?"
            params.append(inspector.strip())
        with self._db.lock:
            rows = self._db.conn.execute(sql + " ORDER BY date, inspector, created_at, rowid", params).fetchall()
        return [_record(r) for r in rows]

    def inspectors(self) -> list[str]:
        """Everyone who has had an assignment here, by name."""
        with self._db.lock:
            return [r[0] for r in self._db.conn.execute("SELECT DISTINCT inspector FROM assignments ORDER BY 1")]

    def of_inspections(self, inspection_ids: list[str]) -> dict[str, Assignment]:
        """The live assignment of each of these inspections that has one."""
        out: dict[str, Assignment] = {}
        with self._db.lock:
            for r in rows_in(self._db.conn, f"SELECT {_COLUMNS} FROM assignments WHERE deleted = 0"
                             " AND inspection_id IN ({ids})", list(inspection_ids)):
                out[r[6]] = _record(r)
        return out

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        self._db.conn.executemany(
            f"INSERT OR IGNORE INTO assignments ({_COLUMNS}, device, hlc, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
            [(e["entity_id"], e["new"]["inspector"], e["new"]["date"], e["new"]["rubric_id"],
              e["new"]["rubric_version"], e["new"]["assessee_id"], e["new"]["inspection_id"], e["device"], e["hlc"],
              e["at"], e["at"]) for e in events])

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if field == "deleted":
            self._db.conn.execute("UPDATE assignments SET deleted = ? WHERE id = ?", (int(bool(value)), entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM assignments WHERE id = ?", (entity_id,)).fetchone() is not None


def _record(r: tuple) -> Assignment:
    return Assignment(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]))
