"""Other laptops' events applied: written to the log, their fields' heads taken, their records made (docs/sync.md).

Applying is set-based per chunk of events and does not depend on the order events arrive
in; known ids are skipped, so importing the same bundle twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from dataclasses import field
from typing import Any

from fieldcheck.store.database import Database, rows_in
from fieldcheck.store.event_rows import CHUNK, CREATE_ORDER, Part, event_row
from fieldcheck.store.field_state import FieldState
from fieldcheck.store.id_numbers import masked_value
from fieldcheck.store.lazy_dataclass import lazy_dataclass
from fieldcheck.store.schema import BULK_SUSPENDED

#: the page cache while a merge writes: the id and index B-trees it inserts into at random places
#: stay in memory instead of being read and spilt again (a fifth less time in the inserts, measured)
MERGE_CACHE_KB = 64 << 10


@lazy_dataclass
class Applied:
    """What applying a batch of events did."""

    new: int = 0
    known: int = 0
    updated: set[tuple[str, str]] = field(default_factory=set)
    #: records this batch created: their later field events are part of what is new, not an update
    created: set[tuple[str, str]] = field(default_factory=set)
    slots: set[tuple[str, str, str, str | None]] = field(default_factory=set)
    dirty: set[str] = field(default_factory=set)
    #: inspections with a new event: their change stamp moves (the score cache's key)
    touched: set[str] = field(default_factory=set)
    #: the greatest stamp among the new events
    newest: str = ""


class Remote:
    """Applies events from elsewhere through each part's ``apply_creates`` and the field state."""

    def __init__(self, db: Database, parts: Mapping[str, Part], state: FieldState):
        self._db = db
        self._parts = parts
        self._state = state

    def known(self, ids: list[str]) -> set[str]:
        """Which of these event ids the log has already."""
        return {r[0] for r in rows_in(self._db.conn, "SELECT id FROM audit WHERE id IN ({ids})", ids)}

    def apply(self, events: Iterable[dict[str, Any]]) -> Applied:
        """Apply events from elsewhere (checked already), inside the caller's transaction.

        Known ids are skipped; the result is the same whatever order events arrive in.
        """
        done = Applied()
        with self._db.transaction(), ExitStack() as bulk, self._db.cache(MERGE_CACHE_KB):
            batch: list[dict[str, Any]] = []
            for e in events:
                batch.append(e)
                if len(batch) >= CHUNK:
                    self._apply_chunk(batch, done, bulk)
                    batch = []
            if batch:
                self._apply_chunk(batch, done, bulk)
            for slot in sorted(done.slots, key=lambda s: (s[0], s[1], s[2])):
                if slot[3] not in done.dirty:
                    self._state.refresh_slot(*slot)
            for inspection_id in sorted(done.dirty):
                self._state.refresh_inspection(inspection_id)
            # the suspended stamp triggers' work: each inspection that got anything changes its stamp once
            self._db.conn.executemany("UPDATE inspections SET changes = changes + 1 WHERE id = ?",
                                      [(i,) for i in sorted(done.touched)])
        if done.newest:  # the clock moves past the newest stamp seen, so later local edits sort after (not
            self._db.clock.observe(done.newest)  # before: a bundle refused on its last line moves nothing)
        return done

    def _apply_chunk(self, chunk: list[dict[str, Any]], done: Applied, bulk: ExitStack) -> None:
        conn = self._db.conn
        known = self.known([e["id"] for e in chunk])
        fresh: list[dict[str, Any]] = []
        creates: dict[str, list[dict[str, Any]]] = {}
        for e in chunk:
            if e["id"] in known:
                done.known += 1
                continue
            known.add(e["id"])
            fresh.append(e)
        if fresh and not self._db.bulk:  # only when there is work: a re-import writes nothing, not even DDL
            bulk.enter_context(self._db.without_triggers(BULK_SUSPENDED))
        if fresh:
            done.newest = max(done.newest, max(e["hlc"] for e in fresh))
        for e in fresh:  # a laptop not yet on schema 11 may still send a number typed in groups: kept masked here
            for key in ("old", "new", "reason", "who"):
                if e.get(key) is not None:
                    e[key] = masked_value(e[key])
        conn.executemany(Database.EVENT_INSERT, [event_row(e) for e in fresh])
        done.new += len(fresh)
        done.touched.update(e["inspection_id"] for e in fresh if e.get("inspection_id"))
        locked: dict[str, bool] = {}
        changes: list[dict[str, Any]] = []

        def is_locked(inspection_id: str) -> bool:
            if inspection_id not in locked:
                locked[inspection_id] = self._state.locked(inspection_id)
            return locked[inspection_id]

        for e in fresh:
            inspection_id = e.get("inspection_id")
            if e["action"] == "create":
                creates.setdefault(e["entity"], []).append(e)
                done.created.add((e["entity"], e["entity_id"]))
                if e["entity"] != "inspection" and inspection_id and is_locked(inspection_id):
                    done.dirty.add(inspection_id)
                continue
            entity, entity_id, fld = e["entity"], e["entity_id"], e.get("field") or ""
            changes.append(e)
            done.slots.add((entity, entity_id, fld, inspection_id))
            # a change to a signed inspection's record is held for the leader (arrived after signing): it
            # changed nothing, so the report counts it among the conflicts, not the updates
            held = bool(inspection_id and entity != "inspection" and is_locked(inspection_id))
            if not held:
                done.updated.add((entity, entity_id))
            if inspection_id and (held or (entity == "inspection" and fld == "status") or e["action"] == "discard"):
                done.dirty.add(inspection_id)
        self._marks_new_here([e for e in changes if e["entity"] == "mark"], done)
        self._take_heads(changes)
        for entity in CREATE_ORDER:
            if entity in creates:
                self._parts[entity].apply_creates(entity, creates[entity])
        self._photos_of_deleted(creates.get("photo", []), done)

    def _marks_new_here(self, marks: list[dict[str, Any]], done: Applied) -> None:
        """An item's mark has no create event: one this database never had is new, not an update. The marks
        the bundle brings are written when its slots are refreshed, after every chunk, so this reads the
        database as it was before the bundle."""
        if not marks:
            return
        here = {f"{i}/{item}" for i, item in rows_in(self._db.conn, "SELECT inspection_id, item_id FROM item_marks"
                                                     " WHERE inspection_id IN ({ids})",
                                                     sorted({str(e.get("inspection_id")) for e in marks}))}
        done.created.update(("mark", e["entity_id"]) for e in marks if e["entity_id"] not in here)

    def _take_heads(self, changes: list[dict[str, Any]]) -> None:
        """A chunk's changes into heads and superseded, set-based: what they supersede first, then
        those of them nothing supersedes become heads (so the order inside the chunk does not matter)."""
        conn = self._db.conn
        slot = [(e, e["entity_id"], e.get("field") or "", e["entity"]) for e in changes]
        gone = [(entity_id, fld, entity, s) for e, entity_id, fld, entity in slot for s in e.get("supersedes") or ()]
        conn.executemany("INSERT OR IGNORE INTO superseded (event_id) VALUES (?)", [(g[3],) for g in gone])
        conn.executemany("DELETE FROM heads WHERE entity_id = ? AND field = ? AND entity = ? AND event_id = ?", gone)
        superseded = self._state.superseded([e["id"] for e in changes])
        conn.executemany("INSERT OR IGNORE INTO heads (entity, entity_id, field, event_id, inspection_id)"
                         " VALUES (?, ?, ?, ?, ?)",
                         [(entity, entity_id, fld, e["id"], e.get("inspection_id")) for e, entity_id, fld, entity
                          in slot if e["action"] != "discard" and e["id"] not in superseded])

    def _photos_of_deleted(self, photos: list[dict[str, Any]], done: Applied) -> None:
        """A photo arriving for a finding that has deletion events: that finding's deletion is decided again."""
        findings = {e["new"]["finding_id"]: e.get("inspection_id") for e in photos}
        for (finding_id,) in rows_in(self._db.conn, "SELECT DISTINCT entity_id FROM heads WHERE entity_id IN ({ids})"
                                     " AND field = 'deleted' AND entity = 'finding'", sorted(findings)):
            done.slots.add(("finding", finding_id, "deleted", findings[finding_id]))
