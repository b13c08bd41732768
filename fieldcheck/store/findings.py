"""Findings (one row per occurrence) and item marks ("checked", "na").

The answers the engine scores are derived from them elsewhere (``ops.scores``); this part
hands out the (item, value) pairs and the marks that derivation needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fieldcheck.engine.marks import MARKS
from fieldcheck.engine.numbers import shown
from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError, dump, finding_summary, load
from fieldcheck.store.finding_checks import FindingChecks
from fieldcheck.store.id_numbers import mask_in_text
from fieldcheck.store.inspections import Inspections
from fieldcheck.store.places import Households
from fieldcheck.store.records import Finding, Inspection

#: the namespace of items' value findings, whose ids every laptop derives alike (``set_value``)
_VALUE_FINDINGS = "6f1d2c3a-5b7e-4c1d-9a2f-0e8b7c6d5a4f"
_SHARED_HLC = "000000000000000-0000-shared"


def _uuid5(name: str) -> str:
    import uuid  # lazy: on Linux uuid imports platform (5 ms of every start); the list makes no record

    return str(uuid.uuid5(uuid.UUID(_VALUE_FINDINGS), name))


def value_finding_id(inspection_id: str, item_id: str) -> str:
    """The id of an item's value finding: the same on every laptop (see ``Findings.set_value``)."""
    return _uuid5(f"{inspection_id}/{item_id}")


class Findings:
    """Findings and item marks; a finding or mark may change only while its inspection is an editable draft."""

    def __init__(self, db: Database, inspections: Inspections, households: Households):
        self._db = db
        self._inspections = inspections
        self._checks = FindingChecks(households)

    _FINDING_COLUMNS = ("id, inspection_id, item_id, value, household_id, note, entered_by, created_at, updated_at,"
                        " device, hlc")

    def _finding_from_row(self, r) -> Finding:
        return Finding(r[0], r[1], r[2], load(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10])

    def add(self, inspection_id: str, item_id: str, *, value: Any = None, household_id: str | None = None,
                    note: str = "", entered_by: str | None = None) -> Finding:
        """Record one occurrence on an item; committed before it returns."""
        with self._db.transaction():
            inspection = self._inspections.require_editable(inspection_id)
            value = self._checks.finding(inspection, item_id, value, household_id)
            finding_id = self._insert_finding(inspection_id, str(item_id), value, household_id, mask_in_text(note or ""),
                                              entered_by or self._db.user)
            return self.get(finding_id)

    def add_many(self, inspection_id: str, rows: Iterable[Mapping[str, Any]]) -> list[str]:
        """Many findings in one commit (imports, the demo); each row has item_id and optionally
        value, household_id, note, entered_by. All are checked first: one bad row adds none."""
        with self._db.transaction():
            inspection = self._inspections.require_editable(inspection_id)
            households: set[str] = set()
            findings, audits, ids = [], [], []
            for row in rows:
                item_id = str(row["item_id"])
                household = row.get("household_id")
                value = self._checks.finding(inspection, item_id, row.get("value"), household, households)
                note, who = mask_in_text(row.get("note") or ""), row.get("entered_by") or self._db.user
                finding_id = self._db.new_id()
                hlc, at = self._db.stamp()
                findings.append((finding_id, inspection_id, item_id, dump(value), household, note, who,
                                 self._db.device, hlc, at, at))
                audits.append(self._db.audit_row(hlc, at, "create", "finding", finding_id, inspection_id, None, None,
                                                 {"item_id": item_id, "value": value, "household_id": household,
                                                  "note": note, "entered_by": who}))
                ids.append(finding_id)
            self._db.conn.executemany(
                "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device,"
                " hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", findings)
            self._db.conn.executemany(Database.AUDIT_INSERT, audits)
            return ids

    def _insert_finding(self, inspection_id: str, item_id: str, value: Any, household_id: str | None, note: str,
                        entered_by: str) -> str:
        finding_id = self._db.new_id()
        hlc, at = self._db.stamp()
        self._db.conn.execute(
            "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device, hlc,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (finding_id, inspection_id, item_id, dump(value), household_id, note, entered_by, self._db.device, hlc,
             at, at))
        self._db.record(hlc, at, "create", "finding", finding_id, inspection_id, None, None,
                    {"item_id": item_id, "value": value, "household_id": household_id, "note": note,
                     "entered_by": entered_by})
        return finding_id

    def get(self, finding_id: str) -> Finding:
        with self._db.lock:
            r = self._db.conn.execute(f"SELECT {self._FINDING_COLUMNS} FROM findings WHERE id = ?",
                                   (finding_id,)).fetchone()
        if r is None:
            raise StoreError(t(f"找不到发现记录 {finding_id}", f"no finding with id {finding_id}"))
        return self._finding_from_row(r)

    def _with_tombstone(self, finding_id: str) -> tuple[Finding, bool] | None:
        r = self._db.conn.execute(f"SELECT {self._FINDING_COLUMNS}, deleted FROM findings WHERE id = ?",
                                  (finding_id,)).fetchone()
        return None if r is None else (self._finding_from_row(r), bool(r[-1]))

    def live(self, finding_id: str) -> tuple[Finding, Inspection]:
        """A live finding and its inspection, if it may change; else StoreError."""
        found = self._with_tombstone(finding_id)
        if found is None or found[1]:
            raise StoreError(t(f"找不到发现记录 {finding_id}(可能已删除)", f"no finding with id {finding_id} (it may be deleted)"))
        return found[0], self._inspections.require_editable(found[0].inspection_id)

    def update(self, finding_id: str, **changes: Any) -> Finding:
        """Change a finding's value, household_id or note; each changed field is audited old → new."""
        allowed = {"value", "household_id", "note"}
        unknown = set(changes) - allowed
        if unknown:
            raise StoreError(t(f"不能修改发现记录的字段:{'、'.join(sorted(unknown))}",
                               f"these finding fields cannot be changed: {', '.join(sorted(unknown))}"))
        with self._db.transaction():
            finding, inspection = self.live(finding_id)
            value = changes.get("value", finding.value)
            household = changes.get("household_id", finding.household_id)
            # the household is checked when it changes: a note edited on an old finding is not refused for it
            value = self._checks.finding(inspection, finding.item_id, value,
                                        household if "household_id" in changes else None)
            # a note may quote a handbook's wrong ID number: only its masked form is kept
            new = {"value": value, "household_id": household, "note": mask_in_text(changes.get("note", finding.note) or "")}
            diff = {k: (getattr(finding, k), v) for k, v in new.items() if k in changes and getattr(finding, k) != v}
            if diff:
                hlc, at = self._db.stamp()
                for key, (old, val) in diff.items():
                    self._db.conn.execute(f"UPDATE findings SET {key} = ?, hlc = ?, updated_at = ? WHERE id = ?",
                                       (dump(val) if key == "value" else val, hlc, at, finding_id))
                    self._db.record(hlc, at, "update", "finding", finding_id, finding.inspection_id, key, old, val)
            return self.get(finding_id)

    def delete(self, finding_id: str) -> None:
        """Tombstone a finding (kept for the audit log and merges); ``restore`` undoes it.

        As lean as an add (the window's undo of one): the row is read once, and a finding
        without photos does not search the log for them (``FieldState.photo_creates``)."""
        with self._db.transaction():
            finding, _ = self.live(finding_id)
            self._db.set_deleted("findings", "finding", finding_id, finding.inspection_id, True, was=False)

    def restore(self, finding_id: str) -> Finding:
        """Bring a deleted finding back, with its id and photos; returns it as it is now stored."""
        with self._db.transaction():
            found = self._with_tombstone(finding_id)
            if found is None:
                raise StoreError(t(f"找不到发现记录 {finding_id}", f"no finding with id {finding_id}"))
            finding, deleted = found
            self._inspections.require_editable(finding.inspection_id)
            if not deleted:
                return finding
            self._db.set_deleted("findings", "finding", finding_id, finding.inspection_id, False, was=True)
            return self.get(finding_id)

    def _findings(self, inspection_id: str, item_id: str | None = None) -> list[Finding]:
        sql = f"SELECT {self._FINDING_COLUMNS} FROM findings WHERE inspection_id = ? AND deleted = 0"
        params: list[Any] = [inspection_id]
        if item_id is not None:
            sql += " AND item_id = ?"
            params.append(str(item_id))
        rows = self._db.conn.execute(sql + " ORDER BY created_at, rowid", params).fetchall()
        return [self._finding_from_row(r) for r in rows]

    def search(self, text: str, *, household_ids: Iterable[str] = (), inspection_id: str | None = None,
               limit: int = 200) -> list[Finding]:
        """Live findings whose note contains ``text``, or that name one of ``household_ids``; last entered first.

        Three characters or more use the trigram full-text index; shorter ones (two-character
        Chinese words: 签字, 照片) scan the notes, which is still under a frame at 10,000 findings
        (README, performance).
        """
        text = (text or "").strip()
        households = list(dict.fromkeys(household_ids))
        if not text and not households:
            return []
        where: list[str] = []
        params: list[Any] = []
        if len(text) >= 3:
            where.append("rowid IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)")
            params.append('"' + text.replace('"', '""') + '"')
        elif text:
            where.append("instr(lower(note), lower(?)) > 0")  # as the index: ASCII without case
            params.append(text)
        if households:
            where.append(f"household_id IN ({', '.join('?' * len(households))})")
            params.extend(households)
        sql = f"SELECT {self._FINDING_COLUMNS} FROM findings WHERE deleted = 0 AND ({' OR '.join(where)})"
        if inspection_id is not None:
            sql += " AND inspection_id = ?"
            params.append(inspection_id)
        sql += " ORDER BY rowid DESC LIMIT ?"  # newest entered first; stops at ``limit`` without sorting
        params.append(limit)
        with self._db.lock:
            rows = self._db.conn.execute(sql, params).fetchall()
        return [self._finding_from_row(r) for r in rows]

    def count_for_household(self, household_id: str) -> int:
        """How many live findings, in any inspection, name this household."""
        with self._db.lock:
            return self._db.conn.execute("SELECT count(*) FROM findings WHERE household_id = ? AND deleted = 0",
                                         (household_id,)).fetchone()[0]

    def of_household(self, inspection_id: str, household_id: str) -> list[Finding]:
        """The live findings of an inspection about one household, in entry order."""
        with self._db.lock:
            rows = self._db.conn.execute(
                f"SELECT {self._FINDING_COLUMNS} FROM findings WHERE inspection_id = ? AND household_id = ?"
                " AND deleted = 0 ORDER BY created_at, rowid", (inspection_id, household_id)).fetchall()
        return [self._finding_from_row(r) for r in rows]

    def of(self, inspection_id: str, item_id: str | None = None) -> list[Finding]:
        """The live findings of an inspection (or of one item), in entry order."""
        with self._db.lock:
            return self._findings(inspection_id, item_id)

    # -- item marks ---------------------------------------------------------------------------------

    def set_mark(self, inspection_id: str, item_id: str, mark: str | None) -> None:
        """Mark an item "checked" (looked at), "na" (not applicable), or clear the mark (None)."""
        if mark is not None and mark not in MARKS:
            raise StoreError(t(f"标记「{mark}」未知,可选:checked、na", f"unknown mark '{mark}'; expected checked or na"))
        with self._db.transaction():
            inspection = self._inspections.require_editable(inspection_id)
            self._checks.mark(inspection, item_id, mark)
            old = self._marks(inspection_id).get(str(item_id))
            if old == mark:
                return
            hlc, at = self._db.stamp()
            self._write_mark(inspection_id, str(item_id), mark, hlc, at)
            self._db.record(hlc, at, "update", "mark", f"{inspection_id}/{item_id}", inspection_id, str(item_id), old, mark)

    def _write_mark(self, inspection_id: str, item_id: str, mark: str | None, hlc: str, at: str) -> None:
        self._db.conn.execute(
            "INSERT INTO item_marks (id, inspection_id, item_id, mark, device, hlc, created_at, updated_at, deleted)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (inspection_id, item_id) DO UPDATE SET"
            " mark = excluded.mark, hlc = excluded.hlc, updated_at = excluded.updated_at,"
            " deleted = excluded.deleted",
            (self._db.new_id(), inspection_id, item_id, mark, self._db.device, hlc, at, at, int(mark is None)))

    def _marks(self, inspection_id: str) -> dict[str, str]:
        return dict(self._db.conn.execute(
            "SELECT item_id, mark FROM item_marks WHERE inspection_id = ? AND deleted = 0 AND mark IS NOT NULL",
            (inspection_id,)).fetchall())

    def marks(self, inspection_id: str) -> dict[str, str]:
        with self._db.lock:
            return self._marks(inspection_id)

    # -- what answers are derived from ---------------------------------------------------------------

    def values(self, inspection_id: str) -> tuple[list[tuple[str, Any]], dict[str, str]]:
        """(item id, value) of the live findings in entry order, and the item marks: all that answers need.

        Building whole Finding records for 2,000 findings took 16 ms of a 17 ms rescore.
        """
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT item_id, value FROM findings WHERE inspection_id = ? AND deleted = 0"
                " ORDER BY created_at, rowid", (inspection_id,)).fetchall()
            return [(item_id, load(value)) for item_id, value in rows], self._marks(inspection_id)

    # -- copying -------------------------------------------------------------------------------------

    def copy(self, finding: Finding, to_inspection: str) -> str:
        """The same finding in another inspection (duplicating an inspection); returns the new id."""
        with self._db.transaction():
            new_id = self._db.new_id()
            hlc, at = self._db.stamp()
            self._db.conn.execute(
                "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by,"
                " device, hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (new_id, to_inspection, finding.item_id, dump(finding.value), finding.household_id, finding.note,
                 finding.entered_by, self._db.device, hlc, at, at))
            self._db.record(hlc, at, "create", "finding", new_id, to_inspection, None, None,
                            finding_summary(finding))
        return new_id

    def copy_marks(self, from_inspection: str, to_inspection: str) -> None:
        with self._db.transaction():
            for item_id, mark in self._marks(from_inspection).items():
                hlc, at = self._db.stamp()
                self._write_mark(to_inspection, item_id, mark, hlc, at)
                self._db.record(hlc, at, "update", "mark", f"{to_inspection}/{item_id}", to_inspection, item_id,
                                None, mark)

    def set_value(self, inspection_id: str, item_id: str, value: Any) -> Finding:
        """Set the value of an item answered by one value (met/not met, a rating, a metric).

        The item's latest live finding is changed. With none, the item's *value finding* is
        made: its id and create event are the same on every laptop (derived from the
        inspection and the item), so two inspectors setting the same item on two laptops
        edit one field, and differing values merge as a conflict rather than two findings.
        """
        with self._db.transaction():
            inspection = self._inspections.require_editable(inspection_id)
            value = self._checks.finding(inspection, str(item_id), value, None)
            live = self._findings(inspection_id, str(item_id))
            if live:
                return self.update(live[-1].id, value=value)
            finding_id = value_finding_id(inspection_id, item_id)
            if self._db.conn.execute("SELECT 1 FROM findings WHERE id = ?", (finding_id,)).fetchone() is None:
                at = self._db.conn.execute("SELECT created_at FROM inspections WHERE id = ?",
                                           (inspection_id,)).fetchone()[0]
                payload = {"item_id": str(item_id), "value": None, "household_id": None, "note": "", "entered_by": ""}
                self._db.conn.execute(
                    "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device,"
                    " hlc, created_at, updated_at) VALUES (?, ?, ?, NULL, NULL, '', '', '', ?, ?, ?)",
                    (finding_id, inspection_id, str(item_id), _SHARED_HLC, at, at))
                self._db.conn.execute(Database.AUDIT_INSERT, (
                    _uuid5(f"{finding_id}/create"), at, "", "", _SHARED_HLC, "create",
                    "finding", finding_id, inspection_id, None, None, dump(payload), None, None))
            else:
                self.restore(finding_id)
            return self.update(finding_id, value=value)

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        """Findings made on another laptop; one already here is left as it is.

        In a merge (``Database.bulk``) the notes' trigger is suspended: the new rows, the
        ones past the largest rowid (findings are never deleted), are indexed in one statement.
        """
        conn = self._db.conn
        last = conn.execute("SELECT coalesce(max(rowid), 0) FROM findings").fetchone()[0] if self._db.bulk else 0
        conn.executemany(
            "INSERT OR IGNORE INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device,"
            " hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e["entity_id"], e["inspection_id"], e["new"]["item_id"], dump(e["new"].get("value")),
              e["new"].get("household_id"), e["new"].get("note") or "", e["new"].get("entered_by") or "",
              e["device"], e["hlc"], e["at"], e["at"]) for e in events])
        if self._db.bulk:
            conn.execute("INSERT INTO findings_fts (rowid, note) SELECT rowid, note FROM findings WHERE rowid > ?",
                         (last,))

    _FIELDS = ("value", "household_id", "note", "deleted")

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if entity == "mark":
            inspection_id, _, item_id = entity_id.rpartition("/")
            mark = value if value in MARKS else None
            self._db.conn.execute(
                "INSERT INTO item_marks (id, inspection_id, item_id, mark, device, hlc, created_at, updated_at, deleted)"
                " VALUES (?, ?, ?, ?, '', ?, '', '', ?) ON CONFLICT (inspection_id, item_id) DO UPDATE SET"
                " mark = excluded.mark, hlc = max(hlc, excluded.hlc), deleted = excluded.deleted",
                (entity_id, inspection_id, item_id, mark, hlc, int(mark is None)))
            return
        if field not in self._FIELDS:
            return
        stored = dump(value) if field == "value" else int(bool(value)) if field == "deleted" else value
        self._db.conn.execute(f"UPDATE findings SET {field} = ?, hlc = max(hlc, ?) WHERE id = ?",
                              (stored, hlc, entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM findings WHERE id = ?", (entity_id,)).fetchone() is not None

    def check_field(self, entity: str, entity_id: str, field: str, value: Any) -> Any:
        """A value for a field, checked as an edit in the window would be; StoreError if it cannot be."""
        if entity == "mark":
            if value is not None and value not in MARKS:
                raise StoreError(t(f"标记「{shown(value)}」未知,可选:已检查(checked)、不适用(na)",
                                   f"unknown mark '{shown(value)}'; expected checked or na"))
            inspection_id, _, item_id = entity_id.partition("/")
            self._checks.mark(self._inspections.get(inspection_id), item_id, value)
            return value
        finding = self.get(entity_id)
        inspection = self._inspections.get(finding.inspection_id)
        if field == "value":
            return self._checks.finding(inspection, finding.item_id, value, None)
        if field == "note":
            return "" if value is None else str(value)
        if field == "household_id" and value not in (None, ""):  # typed: a name or a stray id reached SQLite
            self._checks.household(inspection, value)
        return value or None if field == "household_id" else value

