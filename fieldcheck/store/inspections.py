"""Inspections: a frozen rubric snapshot, the assessee, the inspectors, the date and the status.

A signed or exported inspection is locked (findings, marks and photos refuse to change)
until it is reopened as a draft; the audit log records who did that.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.engine.rubric import Rubric
from fieldcheck.engine.rubric_file import RubricInvalid, load_text
from fieldcheck.engine.rules import AnswerError
from fieldcheck.i18n import t
from fieldcheck.store.database import (
    STATUSES,
    StoreBase,
    StoreError,
    _date,
    _dump,
    _finding_summary,
    _load,
    _locked_message,
    _people,
)
from fieldcheck.store.records import Inspection, InspectionRow


class InspectionsMixin(StoreBase):
    """Creating, listing, changing, copying and deleting inspections."""

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
        values = self._values(inspection.id)
        photos = self._conn.execute(
            "SELECT count(*) FROM photos p JOIN findings f ON f.id = p.finding_id"
            " WHERE f.inspection_id = ? AND p.deleted = 0 AND f.deleted = 0", (inspection.id,)).fetchone()[0]
        path = self.place_path(inspection.assessee_id) if inspection.assessee_id else inspection.assessee_name
        error = None
        try:
            result = self._score(inspection, values, self._marks(inspection.id))
            total, maximum, grade = result.total, result.max, result.grade
            complete, answered, items = result.complete, result.answered, result.item_count
        except AnswerError as exc:
            error = str(exc)
            total, maximum, grade = None, inspection.rubric.max_points, None
            complete, answered, items = False, 0, len(inspection.rubric.items())
        return InspectionRow(inspection.id, path, inspection.assessee_name, inspection.rubric_id,
                             inspection.rubric_title, inspection.rubric_version, inspection.status, inspection.date,
                             total, maximum, grade, complete, answered, items, len(values), photos,
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
                self._conn.execute(f"UPDATE inspections SET {column} = ?, hlc = ?, updated_at = ? WHERE id = ?",
                                   (stored, hlc, at, inspection_id))
                self._audit(hlc, at, "update", "inspection", inspection_id, inspection_id, key, old, new)

    def duplicate_inspection(self, inspection_id: str) -> str:
        """A new draft with the same rubric snapshot, assessee, findings, marks and photos."""
        with self.transaction():
            self.inspection(inspection_id)  # StoreError for an unknown id
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
        return new

    def delete_inspection(self, inspection_id: str) -> None:
        """Move an inspection to the wastebasket (a tombstone); ``restore_inspection`` brings it back."""
        self._set_deleted("inspections", "inspection", inspection_id, inspection_id, True)

    def restore_inspection(self, inspection_id: str) -> None:
        self._set_deleted("inspections", "inspection", inspection_id, inspection_id, False)

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
