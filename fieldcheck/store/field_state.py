"""A field's state from its events: its heads give its stored value, held events and conflicts (docs/sync.md).

A field's state is its events that nothing supersedes (its heads). The stored tables show,
per field, the value of the head with the greatest stamp; several heads with different
values are a conflict, listed in ``conflicts``. A signed inspection holds the events it did
not see: ``refresh_inspection`` recomputes which, so that the result depends on the events
alone, not on the order they came in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldcheck.store.database import Database, dump, load, rows_in
from fieldcheck.store.event_rows import CREATE_ORDER, EVENT_COLUMNS, LOCKING, Part, conflict_id, event_from_row


class FieldState:
    """Recomputes fields' stored values, held events and conflicts from the event log."""

    def __init__(self, db: Database, parts: Mapping[str, Part]):
        self._db = db
        self._parts = parts

    def locked(self, inspection_id: str) -> bool:
        """Whether the inspection is signed or exported: a merge never changes it."""
        row = self._db.conn.execute("SELECT status FROM inspections WHERE id = ?", (inspection_id,)).fetchone()
        return row is not None and row[0] in LOCKING

    def _create(self, entity: str, entity_id: str, inspection_id: str | None, column: str) -> tuple | None:
        """A column of a record's create event, found through its inspection (the log's index)."""
        if inspection_id is not None:
            return self._db.conn.execute(
                f"SELECT {column} FROM audit WHERE inspection_id = ? AND entity_id = ? AND entity = ?"
                " AND action = 'create'", (inspection_id, entity_id, entity)).fetchone()
        return self._db.conn.execute(f"SELECT {column} FROM audit WHERE entity_id = ? AND entity = ?"
                                     " AND action = 'create' AND inspection_id IS NULL",
                                     (entity_id, entity)).fetchone()

    def photo_creates(self, entity: str, entity_id: str, inspection_id: str | None, *,
                      local: bool = False) -> list[tuple]:
        """(event id, hlc, device) of the create events of a finding's photos, from the log (order-free).

        ``local``: for a change made here, outside a merge. In a draft every create event in the
        log has made its row (a record is held only while its inspection is locked), so a finding
        no photo row names has none: the log, which has no index by record, is not searched.
        """
        if entity != "finding" or inspection_id is None:
            return []
        if local and not self.locked(inspection_id) and self._db.conn.execute(
                "SELECT 1 FROM photos WHERE finding_id = ? LIMIT 1", (entity_id,)).fetchone() is None:
            return []  # an undone add in the walk: no scan of the whole inspection's log
        return self._db.conn.execute(
            "SELECT id, hlc, device FROM audit WHERE inspection_id = ? AND entity = 'photo' AND action = 'create'"
            " AND json_extract(new, '$.finding_id') = ? ORDER BY hlc, id", (inspection_id, entity_id)).fetchall()

    def has_heads(self, entity: str, entity_id: str, field: str) -> bool:
        """Whether the field has events of its own (else its value is what its create gave it)."""
        return self._db.conn.execute("SELECT 1 FROM heads WHERE entity_id = ? AND field = ? AND entity = ? LIMIT 1",
                                     (entity_id, field, entity)).fetchone() is not None

    # -- state of a field ----------------------------------------------------------------------------

    def _heads(self, entity: str, entity_id: str, field: str, held: set[str] | None,
               inspection_id: str | None = None) -> list[tuple]:
        """(id, hlc, new as text, seen as text) of the field's heads, held events left out, by stamp."""
        conn = self._db.conn
        if not held:
            rows = conn.execute(
                "SELECT a.id, a.hlc, a.new, a.seen FROM heads h JOIN audit a ON a.id = h.event_id"
                " WHERE h.entity_id = ? AND h.field = ? AND h.entity = ?", (entity_id, field, entity)).fetchall()
        else:  # the heads among the events that are not held: a held event supersedes nothing yet
            every = conn.execute(
                "SELECT id, hlc, new, seen, supersedes, action FROM audit WHERE inspection_id = ? AND entity_id = ?"
                " AND entity = ? AND coalesce(field, '') = ? AND action != 'create'",
                (inspection_id, entity_id, entity, field)).fetchall()
            live = [r for r in every if r[0] not in held]
            gone = {s for r in live for s in (load(r[4]) or [])}
            rows = [r[:4] for r in live if r[0] not in gone and r[5] != "discard"]
        return sorted(rows, key=lambda r: (r[1], r[0]))

    def _base(self, entity: str, entity_id: str, field: str, inspection_id: str | None) -> Any:
        """A field's value when it has no events of its own: what its record's create gave it."""
        if field == "deleted" or entity == "mark":
            return False if field == "deleted" else None
        row = self._create(entity, entity_id, inspection_id, "new")
        payload = load(row[0]) if row else None
        if entity == "inspection" and field == "status":
            return "draft"
        return payload.get(field) if isinstance(payload, dict) else None

    def refresh_slot(self, entity: str, entity_id: str, field: str, inspection_id: str | None,
                     held: set[str] | None = None) -> None:
        """Set a field's stored value from its heads and note or clear its conflict."""
        conn = self._db.conn
        heads = self._heads(entity, entity_id, field, held, inspection_id)
        cid = conflict_id(entity, entity_id, field)
        conn.execute("DELETE FROM conflicts WHERE id = ?", (cid,))
        if heads:
            value, hlc = load(heads[-1][2]), heads[-1][1]
            if len({h[2] for h in heads}) > 1:
                self._note_conflict(cid, "concurrent", entity, entity_id, field, inspection_id, [h[0] for h in heads])
            elif field == "deleted" and value is True:
                seen = set(load(heads[-1][3]) or [])
                edits = conn.execute(
                    "SELECT h.event_id, a.hlc FROM heads h JOIN audit a ON a.id = h.event_id WHERE h.entity_id = ?"
                    " AND h.entity = ? AND h.field != 'deleted' ORDER BY a.hlc", (entity_id, entity)).fetchall()
                # a photo added to a finding is an edit of it too; one made earlier on the deleting
                # laptop was seen (deletes written before photos were listed in ``seen`` lack them)
                delete = conn.execute("SELECT device, hlc FROM audit WHERE id = ?", (heads[-1][0],)).fetchone()
                edits += sorted((r[0], r[1]) for r in self.photo_creates(entity, entity_id, inspection_id)
                                if not (r[2] == delete[0] and r[1] < delete[1]))
                others = [r[0] for r in edits if r[0] not in seen and r[0] not in (held or ())]
                if others:  # deleted here, edited there: the record stays until someone decides
                    value = False
                    self._note_conflict(cid, "deleted-edited", entity, entity_id, field, inspection_id,
                                        [heads[-1][0], *others])
        else:
            value, hlc = self._base(entity, entity_id, field, inspection_id), ""
        self._parts[entity].apply_field(entity, entity_id, field, value, hlc, "")
        if field != "deleted" and self.has_heads(entity, entity_id, "deleted"):
            self.refresh_slot(entity, entity_id, "deleted", inspection_id, held)

    def _note_conflict(self, cid: str, kind: str, entity: str, entity_id: str, field: str,
                       inspection_id: str | None, event_ids: list[str]) -> None:
        self._db.conn.execute(
            "INSERT OR REPLACE INTO conflicts (id, kind, entity, entity_id, field, inspection_id, events)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", (cid, kind, entity, entity_id, field, inspection_id, dump(event_ids)))

    def refresh_inspection(self, inspection_id: str) -> None:
        """Recompute everything of one inspection: which events are held, its records, its fields, its conflicts.

        Run when its status changes or an event arrives for it while it is signed, so that
        what is held depends on the events alone, not on the order they came in.
        """
        conn = self._db.conn
        if conn.execute("SELECT 1 FROM inspections WHERE id = ?", (inspection_id,)).fetchone() is None:
            return
        self.refresh_slot("inspection", inspection_id, "status", inspection_id)
        held: set[str] = set()
        if self.locked(inspection_id):
            heads = self._heads("inspection", inspection_id, "status", None)
            seen = set(load(heads[-1][3]) or []) if heads else set()
            held = {r[0] for r in conn.execute(
                "SELECT id FROM audit WHERE inspection_id = ? AND entity != 'inspection' AND action != 'discard'",
                (inspection_id,)) if r[0] not in seen}
        conn.execute("DELETE FROM held WHERE inspection_id = ?", (inspection_id,))
        # noted again below while still so: a record made after signing has no field of its own to clear it
        conn.execute("DELETE FROM conflicts WHERE inspection_id = ? AND kind = 'after-signing'", (inspection_id,))
        conn.executemany("INSERT INTO held (event_id, inspection_id) VALUES (?, ?)",
                         [(h, inspection_id) for h in sorted(held)])
        creates: dict[str, list[dict[str, Any]]] = {}
        hidden = []
        for r in conn.execute(f"SELECT {EVENT_COLUMNS} FROM audit WHERE inspection_id = ? AND action = 'create'"
                              " AND entity != 'inspection' ORDER BY hlc, id", (inspection_id,)).fetchall():
            e = event_from_row(r)
            (hidden.append(e) if e["id"] in held else creates.setdefault(e["entity"], []).append(e))
        for entity in CREATE_ORDER:
            if entity in creates:
                self._parts[entity].apply_creates(entity, creates[entity])
                for e in creates[entity]:
                    self.refresh_slot(entity, e["entity_id"], "deleted", inspection_id, held)
        slots = conn.execute("SELECT DISTINCT entity, entity_id, coalesce(field, '') FROM audit WHERE inspection_id = ?"
                             " AND action NOT IN ('create', 'discard') ORDER BY 1, 2, 3", (inspection_id,)).fetchall()
        for entity, entity_id, fld in slots:
            self.refresh_slot(entity, entity_id, fld, inspection_id, held if entity != "inspection" else None)
        for e in hidden:  # a record made after signing: not there until it is decided
            if self._parts[e["entity"]].has(e["entity"], e["entity_id"]):
                self._parts[e["entity"]].apply_field(e["entity"], e["entity_id"], "deleted", True, "", "")
        late: dict[tuple[str, str, str], list[str]] = {}
        superseded = self.superseded(sorted(held))
        for r in conn.execute(f"SELECT {EVENT_COLUMNS} FROM audit WHERE inspection_id = ? AND entity != 'inspection'"
                              " ORDER BY hlc, id", (inspection_id,)):
            if r[0] in held and r[0] not in superseded:
                late.setdefault((r[6], r[7], r[9] or ""), []).append(r[0])
        for (entity, entity_id, fld), ids in sorted(late.items()):
            signed_side = [h[0] for h in self._heads(entity, entity_id, fld, held, inspection_id)] if fld else []
            if fld and not signed_side:  # the field still has the value its record was made with
                created = self._create(entity, entity_id, inspection_id, "id")
                signed_side = [created[0]] if created else []
            self._note_conflict(conflict_id(entity, entity_id, fld), "after-signing", entity, entity_id, fld,
                                inspection_id, signed_side + ids)

    def superseded(self, ids: list[str]) -> set[str]:
        """Which of these event ids something supersedes."""
        return {r[0] for r in rows_in(self._db.conn, "SELECT event_id FROM superseded WHERE event_id IN ({ids})", ids)}

