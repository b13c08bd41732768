"""The audit log: every change, who made it, when, on which device, old → new.

It is written by ``Database.record`` inside each change's transaction, and SQLite triggers
refuse UPDATE and DELETE on it (see ``schema``); this part only reads it.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.store.database import Database, load
from fieldcheck.store.events import EVENT_COLUMNS, event_from_row
from fieldcheck.store.records import AuditEntry


class AuditLog:
    def __init__(self, db: Database):
        self._db = db

    def entries(self, inspection_id: str | None = None) -> list[AuditEntry]:
        """Every recorded change, oldest first; with an id, only that inspection's."""
        sql = "SELECT at, who, device, action, entity, entity_id, field, old, new, inspection_id, hlc FROM audit"
        params: tuple = ()
        if inspection_id is not None:
            sql += " WHERE inspection_id = ?"
            params = (inspection_id,)
        with self._db.lock:
            rows = self._db.conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], load(r[7]), load(r[8]), r[9], r[10])
                for r in rows]

    def of_field(self, entity: str, entity_id: str, field: str, inspection_id: str | None) -> list[dict[str, Any]]:
        """The events of one field and its record's create, oldest first (each with its id and reason)."""
        where = "inspection_id = ?" if inspection_id else "inspection_id IS NULL AND ? IS NULL"
        with self._db.lock:
            rows = self._db.conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM audit WHERE {where} AND entity_id = ? AND entity = ?"
                " AND (coalesce(field, '') = ? OR action IN ('create', 'delete', 'restore')) ORDER BY hlc, id",
                (inspection_id, entity_id, entity, field)).fetchall()
        return [event_from_row(r) for r in rows]
