"""The event keeper: fields' heads, held events and conflicts, and other laptops' events applied (docs/sync.md).

Every change is an event in the audit table. A field's state is its events that nothing
supersedes (its heads, in ``heads``; every superseded id is in ``superseded``, so an event
arriving after the one that supersedes it never becomes a head). The stored tables show,
per field, the value of the head with the greatest stamp; several heads with different
values are a conflict, listed in ``conflicts``. The parts own their tables: this keeper
tells them a record's creation (``apply_creates``) and a field's value (``apply_field``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, Protocol

from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError, dump, load
from fieldcheck.store.schema import BULK_SUSPENDED

EVENT_FIELDS = ("id", "at", "who", "device", "hlc", "action", "entity", "entity_id", "inspection_id", "field",
                "old", "new", "supersedes", "seen", "reason")
EVENT_COLUMNS = ", ".join(EVENT_FIELDS)
ACTIONS = ("create", "update", "delete", "restore", "discard", "sign", "amend", "void")
ENTITIES = ("place", "household", "inspection", "finding", "mark", "photo", "revision", "signature", "team",
            "enrolment", "reconciliation", "rubric", "assignment")
#: statuses that lock an inspection: a merge never changes it (events it did not see are held)
LOCKING = ("signed", "exported")
#: creates are applied parent first, so a finding's inspection exists when the finding is written
CREATE_ORDER = ("place", "household", "rubric", "inspection", "assignment", "revision", "signature", "finding", "photo",
                "mark", "team", "enrolment", "reconciliation")
_CHUNK = 2000


class Part(Protocol):
    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None: ...

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None: ...

    def has(self, entity: str, entity_id: str) -> bool: ...


def conflict_id(entity: str, entity_id: str, field: str) -> str:
    """The same conflict has the same id on every laptop: a hash of its field."""
    return hashlib.sha256(f"{entity}\x00{entity_id}\x00{field}".encode()).hexdigest()[:12]


def event_from_row(r: tuple) -> dict[str, Any]:
    e = dict(zip(EVENT_FIELDS, r))
    for key in ("old", "new", "supersedes", "seen"):
        e[key] = load(e[key])
    e["field"] = e["field"] or ""
    return e


def event_row(e: dict[str, Any]) -> tuple:
    return (e["id"], e["at"], e["who"], e["device"], e["hlc"], e["action"], e["entity"], e["entity_id"],
            e.get("inspection_id"), e.get("field") or None, dump(e.get("old")), dump(e.get("new")),
            dump(e.get("supersedes")), dump(e.get("seen")), e.get("reason") or None)


@dataclass
class Applied:
    """What applying a batch of events did."""

    new: int = 0
    known: int = 0
    updated: set[tuple[str, str]] = field(default_factory=set)
    slots: set[tuple[str, str, str, str | None]] = field(default_factory=set)
    dirty: set[str] = field(default_factory=set)
    #: inspections with a new event: their change stamp moves (the score cache's key)
    touched: set[str] = field(default_factory=set)


class Events:
    """Heads, held events, conflicts; applying remote events; resolving conflicts."""

    def __init__(self, db: Database, parts: dict[str, Part]):
        self._db = db
        self._parts = parts
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
            seen = sorted([r[0] for r in conn.execute(
                "SELECT event_id FROM heads WHERE entity_id = ? AND entity = ? AND field != 'deleted'",
                (entity_id, entity))] + [r[0] for r in self._photo_creates(entity, entity_id, inspection_id)])
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
            self.refresh_inspection(entity_id)
        elif field != "deleted" and self._has_heads(entity, entity_id, "deleted"):
            self.refresh_slot(entity, entity_id, "deleted", inspection_id)

    # -- reading events ----------------------------------------------------------------------------

    def since(self, seq: int) -> Iterator[tuple[int, dict[str, Any]]]:
        """(seq, event) of every event after ``seq``, in the order this database learnt them."""
        cur = self._db.conn.execute(f"SELECT seq, {EVENT_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq", (seq,))
        while rows := cur.fetchmany(_CHUNK):
            for r in rows:
                yield r[0], event_from_row(r[1:])

    def creates_of(self, entity_ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """The create events of these records (one streamed pass: the log has no index by record,
        which would slow every merge by a third, measured)."""
        wanted = set(entity_ids)
        if not wanted:
            return
        cur = self._db.conn.execute(f"SELECT {EVENT_COLUMNS} FROM audit WHERE action = 'create'")
        while rows := cur.fetchmany(_CHUNK):
            for r in rows:
                if r[7] in wanted:
                    yield event_from_row(r)

    def last_seq(self) -> int:
        return self._db.conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]

    def known(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 900):
            part = ids[i:i + 900]
            found.update(r[0] for r in self._db.conn.execute(
                f"SELECT id FROM audit WHERE id IN ({','.join('?' * len(part))})", part))
        return found

    # -- remote events -----------------------------------------------------------------------------

    def apply(self, events: Iterable[dict[str, Any]]) -> Applied:
        """Apply events from elsewhere (checked already), inside the caller's transaction.

        Known ids are skipped; the result is the same whatever order events arrive in.
        """
        done = Applied()
        with self._db.transaction(), ExitStack() as bulk:
            batch: list[dict[str, Any]] = []
            for e in events:
                batch.append(e)
                if len(batch) >= _CHUNK:
                    self._apply_chunk(batch, done, bulk)
                    batch = []
            if batch:
                self._apply_chunk(batch, done, bulk)
            for slot in sorted(done.slots, key=lambda s: (s[0], s[1], s[2])):
                if slot[3] not in done.dirty:
                    self.refresh_slot(*slot)
            for inspection_id in sorted(done.dirty):
                self.refresh_inspection(inspection_id)
            # the suspended stamp triggers' work: each inspection that got anything changes its stamp once
            self._db.conn.executemany("UPDATE inspections SET changes = changes + 1 WHERE id = ?",
                                      [(i,) for i in sorted(done.touched)])
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
        if fresh:  # the clock moves past the newest stamp seen, so later local edits sort after
            self._db.clock.observe(max(e["hlc"] for e in fresh))
        conn.executemany(Database.EVENT_INSERT, [event_row(e) for e in fresh])
        done.new += len(fresh)
        done.touched.update(e["inspection_id"] for e in fresh if e.get("inspection_id"))
        locked: dict[str, bool] = {}
        changes: list[dict[str, Any]] = []

        def is_locked(inspection_id: str) -> bool:
            if inspection_id not in locked:
                locked[inspection_id] = self._locked(inspection_id)
            return locked[inspection_id]

        for e in fresh:
            inspection_id = e.get("inspection_id")
            if e["action"] == "create":
                creates.setdefault(e["entity"], []).append(e)
                if e["entity"] != "inspection" and inspection_id and is_locked(inspection_id):
                    done.dirty.add(inspection_id)
                continue
            entity, entity_id, fld = e["entity"], e["entity_id"], e.get("field") or ""
            changes.append(e)
            done.slots.add((entity, entity_id, fld, inspection_id))
            done.updated.add((entity, entity_id))
            if inspection_id and ((entity == "inspection" and fld == "status") or e["action"] == "discard"
                                  or (entity != "inspection" and is_locked(inspection_id))):
                done.dirty.add(inspection_id)
        self._take_heads(changes)
        for entity in CREATE_ORDER:
            if entity in creates:
                self._parts[entity].apply_creates(entity, creates[entity])
        self._photos_of_deleted(creates.get("photo", []), done)

    def _take_heads(self, changes: list[dict[str, Any]]) -> None:
        """A chunk's changes into heads and superseded, set-based: what they supersede first, then
        those of them nothing supersedes become heads (so the order inside the chunk does not matter)."""
        conn = self._db.conn
        slot = [(e, e["entity_id"], e.get("field") or "", e["entity"]) for e in changes]
        gone = [(entity_id, fld, entity, s) for e, entity_id, fld, entity in slot for s in e.get("supersedes") or ()]
        conn.executemany("INSERT OR IGNORE INTO superseded (event_id) VALUES (?)", [(g[3],) for g in gone])
        conn.executemany("DELETE FROM heads WHERE entity_id = ? AND field = ? AND entity = ? AND event_id = ?", gone)
        superseded = self._superseded([e["id"] for e in changes])
        conn.executemany("INSERT OR IGNORE INTO heads (entity, entity_id, field, event_id, inspection_id)"
                         " VALUES (?, ?, ?, ?, ?)",
                         [(entity, entity_id, fld, e["id"], e.get("inspection_id")) for e, entity_id, fld, entity
                          in slot if e["action"] != "discard" and e["id"] not in superseded])

    def _photos_of_deleted(self, photos: list[dict[str, Any]], done: Applied) -> None:
        """A photo arriving for a finding that has deletion events: that finding's deletion is decided again."""
        findings = {e["new"]["finding_id"]: e.get("inspection_id") for e in photos}
        ids = sorted(findings)
        for i in range(0, len(ids), 900):
            part = ids[i:i + 900]
            for (finding_id,) in self._db.conn.execute(
                    f"SELECT DISTINCT entity_id FROM heads WHERE entity_id IN ({','.join('?' * len(part))})"
                    " AND field = 'deleted' AND entity = 'finding'", part):
                done.slots.add(("finding", finding_id, "deleted", findings[finding_id]))

    def _locked(self, inspection_id: str) -> bool:
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

    def _photo_creates(self, entity: str, entity_id: str, inspection_id: str | None) -> list[tuple]:
        """(event id, hlc, device) of the create events of a finding's photos, from the log (order-free)."""
        if entity != "finding" or inspection_id is None:
            return []
        return self._db.conn.execute(
            "SELECT id, hlc, device FROM audit WHERE inspection_id = ? AND entity = 'photo' AND action = 'create'"
            " AND json_extract(new, '$.finding_id') = ? ORDER BY hlc, id", (inspection_id, entity_id)).fetchall()

    def _has_heads(self, entity: str, entity_id: str, field: str) -> bool:
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
                edits += sorted((r[0], r[1]) for r in self._photo_creates(entity, entity_id, inspection_id)
                                if not (r[2] == delete[0] and r[1] < delete[1]))
                others = [r[0] for r in edits if r[0] not in seen and r[0] not in (held or ())]
                if others:  # deleted here, edited there: the record stays until someone decides
                    value = False
                    self._note_conflict(cid, "deleted-edited", entity, entity_id, field, inspection_id,
                                        [heads[-1][0], *others])
        else:
            value, hlc = self._base(entity, entity_id, field, inspection_id), ""
        self._parts[entity].apply_field(entity, entity_id, field, value, hlc, "")
        if field != "deleted" and self._has_heads(entity, entity_id, "deleted"):
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
        if self._locked(inspection_id):
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
        superseded = self._superseded(sorted(held))
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

    def _superseded(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 900):
            part = ids[i:i + 900]
            found.update(r[0] for r in self._db.conn.execute(
                f"SELECT event_id FROM superseded WHERE event_id IN ({','.join('?' * len(part))})", part))
        return found

    # -- conflicts -----------------------------------------------------------------------------------

    def conflicts(self, inspection_id: str | None = None) -> list[dict[str, Any]]:
        """Every open conflict with each side's event: value, device, who, when; sorted by id."""
        sql = "SELECT id, kind, entity, entity_id, field, inspection_id, events FROM conflicts"
        params: tuple = ()
        if inspection_id is not None:
            sql += " WHERE inspection_id = ?"
            params = (inspection_id,)
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
        for c in self.conflicts():
            if c["id"] == cid:
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
        self.refresh_inspection(c["inspection"])
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
                self.refresh_slot(e["entity"], e["entity_id"], e["field"], e["inspection_id"])
            if e["entity"] != "inspection" and e["field"] != "deleted" \
                    and self._has_heads(e["entity"], e["entity_id"], "deleted"):
                self.refresh_slot(e["entity"], e["entity_id"], "deleted", e["inspection_id"])
        for e in gone:
            if e["entity"] == "inspection":
                self.refresh_slot("inspection", e["entity_id"], e["field"], e["inspection_id"])
        for inspection_id in inspections:
            self.refresh_inspection(inspection_id)

    def as_json(self, cid: str) -> str:
        return json.dumps(self.conflict(cid), ensure_ascii=False)
