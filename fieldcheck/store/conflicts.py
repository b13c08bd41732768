"""Open conflicts listed with each side's event, and the two ways the keeper itself ends one:
discarding what arrived after signing, and withdrawing local events that never left this laptop.

Deciding a conflict (keeping a side or a value) is ``ops.conflicts``; the decisions and
their undo are kept by ``store.decisions``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError, load, rows_in
from fieldcheck.store.event_rows import EVENT_COLUMNS, event_from_row, event_row
from fieldcheck.store.field_state import FieldState


class Conflicts:
    """The conflicts table read for people, and the keeper's own ways out of a conflict."""

    def __init__(self, db: Database, state: FieldState):
        self._db = db
        self._state = state

    def conflicts(self, inspection_id: str | None = None) -> list[dict[str, Any]]:
        """Every open conflict with each side's event: value, device, who, when; sorted by id."""
        if inspection_id is None:
            return self._read("", ())
        return self._read(" WHERE inspection_id = ?", (inspection_id,))

    def count_in(self, inspection_ids: Iterable[str]) -> int:
        """How many open conflicts these inspections have (an import's report), without reading their sides."""
        return sum(n for (n,) in rows_in(self._db.conn, "SELECT count(*) FROM conflicts WHERE inspection_id IN ({ids})",
                                         sorted(set(inspection_ids))))

    def _read(self, where: str, params: tuple) -> list[dict[str, Any]]:
        sql = "SELECT id, kind, entity, entity_id, field, inspection_id, events FROM conflicts" + where
        with self._db.lock:
            out = []
            for cid, kind, entity, entity_id, fld, insp, ids in self._db.conn.execute(sql + " ORDER BY id", params):
                sides = []
                for event_id in load(ids):
                    r = self._db.conn.execute(f"SELECT {EVENT_COLUMNS} FROM audit WHERE id = ?", (event_id,)).fetchone()
                    e = event_from_row(r)
                    held = self._db.conn.execute("SELECT 1 FROM held WHERE event_id = ?", (event_id,)).fetchone()
                    sides.append({"event": e["id"], "value": e["new"], "action": e["action"], "device": e["device"],
                                  "who": e["who"], "at": e["at"], "hlc": e["hlc"], "held": held is not None,
                                  "entity": e["entity"], "record": e["entity_id"], "field": e["field"],
                                  "reason": e["reason"]})
                out.append({"id": cid, "kind": kind, "entity": entity, "record": entity_id, "field": fld,
                            "inspection": insp, "item": self._item_of(entity, entity_id, fld),
                            "sides": sides})
            return out

    def _item_of(self, entity: str, entity_id: str, field: str) -> str | None:
        if entity == "mark":
            return field
        if entity == "finding":
            row = self._db.conn.execute("SELECT item_id FROM findings WHERE id = ?", (entity_id,)).fetchone()
            return row[0] if row else None
        return None

    def conflict(self, cid: str) -> dict[str, Any]:
        for c in self._read(" WHERE id = ?", (cid,)):
            return c
        raise StoreError(t(f"没有编号为 {cid} 的冲突;用 fieldcheck conflicts 列出现有冲突",
                           f"no conflict with id {cid}; list them with fieldcheck conflicts"))

    def discard(self, c: dict[str, Any], reason: str | None = None) -> str:
        """Resolve an "arrived after signing" conflict by keeping the signed side: the late events are superseded."""
        late = [s["event"] for s in c["sides"] if s["held"]]
        hlc, at = self._db.stamp()
        e = {"id": self._db.new_id(), "at": at, "who": self._db.user, "device": self._db.device, "hlc": hlc,
             "action": "discard", "entity": c["entity"], "entity_id": c["record"], "inspection_id": c["inspection"],
             "field": c["field"], "old": None, "new": None, "supersedes": late, "seen": None, "reason": reason}
        self._db.conn.execute(Database.EVENT_INSERT, event_row(e))
        self._db.conn.executemany("INSERT OR IGNORE INTO superseded (event_id) VALUES (?)", [(s,) for s in late])
        self._state.refresh_inspection(c["inspection"])
        return e["id"]

    def withdraw(self, event_ids: list[str]) -> None:
        """Take back local events that never left this laptop (a decision undone before any export).

        They are deleted from the log (the one exception to append-only, see schema 8), the
        events they superseded become heads again unless something else supersedes them, and
        the fields and inspections they touched are recomputed: as if they had never been made.
        """
        conn = self._db.conn
        marks = ",".join("?" * len(event_ids))
        gone = [event_from_row(r) for r in conn.execute(f"SELECT {EVENT_COLUMNS} FROM audit WHERE id IN ({marks})",
                                                       event_ids)]
        conn.executemany("INSERT OR IGNORE INTO undoing (event_id) VALUES (?)", [(i,) for i in event_ids])
        conn.execute(f"DELETE FROM audit WHERE id IN ({marks})", event_ids)
        conn.execute("DELETE FROM undoing")
        conn.execute(f"DELETE FROM heads WHERE event_id IN ({marks})", event_ids)
        for e in gone:
            for old in e["supersedes"] or []:
                if conn.execute("SELECT 1 FROM audit WHERE supersedes LIKE ? LIMIT 1", (f'%"{old}"%',)).fetchone():
                    continue  # still superseded by an event that stays
                conn.execute("DELETE FROM superseded WHERE event_id = ?", (old,))
                r = conn.execute("SELECT action, entity, entity_id, coalesce(field, ''), inspection_id FROM audit"
                                 " WHERE id = ?", (old,)).fetchone()
                if r and r[0] not in ("create", "discard"):
                    conn.execute("INSERT OR IGNORE INTO heads (entity, entity_id, field, event_id, inspection_id)"
                                 " VALUES (?, ?, ?, ?, ?)", (r[1], r[2], r[3], old, r[4]))
        inspections = sorted({e["inspection_id"] for e in gone if e["inspection_id"]})
        for e in gone:
            if e["inspection_id"] is None or e["entity"] != "inspection":
                self._state.refresh_slot(e["entity"], e["entity_id"], e["field"], e["inspection_id"])
            if e["entity"] != "inspection" and e["field"] != "deleted" \
                    and self._state.has_heads(e["entity"], e["entity_id"], "deleted"):
                self._state.refresh_slot(e["entity"], e["entity_id"], "deleted", e["inspection_id"])
        for e in gone:
            if e["entity"] == "inspection":
                self._state.refresh_slot("inspection", e["entity_id"], e["field"], e["inspection_id"])
        for inspection_id in inspections:
            self._state.refresh_inspection(inspection_id)

    def as_json(self, cid: str) -> str:
        return json.dumps(self.conflict(cid), ensure_ascii=False)
