"""The event keeper: the store's one door to its event log, heads, held events and conflicts (docs/sync.md).

Every change is an event in the audit table. A field's state is its events that nothing
supersedes (its heads, in ``heads``; every superseded id is in ``superseded``, so an event
arriving after the one that supersedes it never becomes a head). The parts own their tables:
the keeper tells them a record's creation (``apply_creates``) and a field's value (``apply_field``).

``Events`` itself takes local changes' heads and reads the log; the rest is in its own modules:
``field_state`` (a field's value, held events, conflicts noted), ``remote`` (other laptops'
events applied), ``conflicts`` (listing, discarding, withdrawing), ``event_rows`` (an event's shape).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from fieldcheck.store.conflicts import Conflicts
from fieldcheck.store.database import Database
from fieldcheck.store.event_rows import (
    ACTIONS,
    CHANGED_FIELDS,
    CHUNK,
    CREATE_ORDER,
    ENTITIES,
    EVENT_COLUMNS,
    EVENT_FIELDS,
    LOCKING,
    Part,
    conflict_id,
    event_from_row,
    event_row,
)
from fieldcheck.store.field_state import FieldState
from fieldcheck.store.remote import Applied, Remote

#: what other modules import from here (sync, store.audit): the event's shape, re-exported
__all__ = ["ACTIONS", "CHANGED_FIELDS", "CREATE_ORDER", "ENTITIES", "EVENT_COLUMNS", "EVENT_FIELDS", "LOCKING",
           "Applied", "Events", "Part", "conflict_id", "event_from_row", "event_row"]


class Events:
    """Heads, held events, conflicts; applying remote events; resolving conflicts."""

    def __init__(self, db: Database, parts: Mapping[str, Part]):
        self._db = db
        self._parts = parts
        self._state = FieldState(db, parts)
        self._remote = Remote(db, parts, self._state)
        self._conflicts = Conflicts(db, self._state)
        db.on_event = self

    def part(self, entity: str) -> Part:
        """The store part that owns an entity's table."""
        return self._parts[entity]

    # -- local changes (called by Database.record / audit_row) ----------------------------------------

    def take_heads(self, event_id: str, action: str, entity: str, entity_id: str, field: str,
                   inspection_id: str | None, new: Any) -> tuple[list[str], list[str] | None]:
        """Make a local change the only head of its field; return (what it supersedes, what it saw)."""
        conn = self._db.conn
        heads = sorted(r[0] for r in conn.execute(
            "SELECT event_id FROM heads WHERE entity_id = ? AND field = ? AND entity = ?", (entity_id, field, entity)))
        seen = None
        if action == "delete":
            photos = self._state.photo_creates(entity, entity_id, inspection_id, local=True)
            seen = sorted([r[0] for r in conn.execute(
                "SELECT event_id FROM heads WHERE entity_id = ? AND entity = ? AND field != 'deleted'",
                (entity_id, entity))] + [r[0] for r in photos])
        elif entity == "inspection" and field == "status" and new in LOCKING:
            seen = sorted(r[0] for r in conn.execute(
                "SELECT id FROM audit WHERE inspection_id = ? AND entity != 'inspection'", (entity_id,)))
        conn.execute("DELETE FROM heads WHERE entity_id = ? AND field = ? AND entity = ?", (entity_id, field, entity))
        conn.executemany("INSERT OR IGNORE INTO superseded (event_id) VALUES (?)", [(h,) for h in heads])
        conn.execute("INSERT INTO heads (entity, entity_id, field, event_id, inspection_id) VALUES (?, ?, ?, ?, ?)",
                     (entity, entity_id, field, event_id, inspection_id))
        return heads, seen

    def settled(self, event_id: str, entity: str, entity_id: str, field: str, inspection_id: str | None) -> None:
        """After a local change is written: its field has one head now, so no conflict."""
        self._db.conn.execute("DELETE FROM conflicts WHERE id = ?", (conflict_id(entity, entity_id, field),))
        if entity == "inspection" and field == "status":
            self._state.refresh_inspection(entity_id)
        elif field != "deleted" and self._state.has_heads(entity, entity_id, "deleted"):
            self._state.refresh_slot(entity, entity_id, "deleted", inspection_id)

    # -- reading events ----------------------------------------------------------------------------

    def since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        """(seq, event) of every event after ``seq``, in the order this database learnt them."""
        cur = self._db.conn.execute(f"SELECT seq, {EVENT_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq", (seq,))
        while rows := cur.fetchmany(CHUNK):
            for r in rows:
                yield r[0], event_from_row(r[1:])

    def creates_of(self, entity_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """The create events of these records (one streamed pass: the log has no index by record,
        which would slow every merge by a third, measured)."""
        wanted = set(entity_ids)
        if not wanted:
            return
        cur = self._db.conn.execute(f"SELECT {EVENT_COLUMNS} FROM audit WHERE action = 'create'")
        while rows := cur.fetchmany(CHUNK):
            for r in rows:
                if r[7] in wanted:
                    yield event_from_row(r)

    def last_seq(self) -> int:
        return self._db.conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]

    def known(self, ids: list[str]) -> set[str]:
        """Which of these event ids the log has."""
        return self._remote.known(ids)

    # -- remote events and fields' state (remote.py, field_state.py) -----------------------------------

    def apply(self, events: Iterable[dict[str, Any]]) -> Applied:
        """Apply events from elsewhere (checked already), inside the caller's transaction (``Remote.apply``)."""
        return self._remote.apply(events)

    def refresh_slot(self, entity: str, entity_id: str, field: str, inspection_id: str | None,
                     held: set[str] | None = None) -> None:
        """Set a field's stored value from its heads and note or clear its conflict."""
        self._state.refresh_slot(entity, entity_id, field, inspection_id, held)

    def refresh_inspection(self, inspection_id: str) -> None:
        """Recompute everything of one inspection: held events, records, fields, conflicts."""
        self._state.refresh_inspection(inspection_id)

    # -- conflicts (conflicts.py) ----------------------------------------------------------------------

    def conflicts(self, inspection_id: str | None = None) -> list[dict[str, Any]]:
        """Every open conflict with each side's event: value, device, who, when; sorted by id."""
        return self._conflicts.conflicts(inspection_id)

    def count_conflicts(self, inspection_ids: Iterable[str]) -> int:
        """How many open conflicts these inspections have."""
        return self._conflicts.count_in(inspection_ids)

    def conflict(self, cid: str) -> dict[str, Any]:
        """One open conflict by its id; a StoreError naming the id if there is none."""
        return self._conflicts.conflict(cid)

    def discard(self, c: dict[str, Any], reason: str | None = None) -> str:
        """Keep the signed side of an "arrived after signing" conflict; return the discard event's id."""
        return self._conflicts.discard(c, reason)

    def withdraw(self, event_ids: list[str]) -> None:
        """Take back local events that never left this laptop, as if they had never been made."""
        self._conflicts.withdraw(event_ids)

    def as_json(self, cid: str) -> str:
        return self._conflicts.as_json(cid)
