"""The leader's decisions on conflicts: each one recorded with its events and reason, undoable until exported.

A decision is ordinary events (docs/sync.md) plus a row here saying which events it made,
why, who and when. Undo takes the last decision back while its events have not left this
laptop: no export since it was made (``sync_exports``), and no later change built on it.
The row stays, marked undone, so the history keeps the decision and its undo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError, _now, dump, load
from fieldcheck.store.events import Events


@dataclass(frozen=True)
class Decision:
    id: int
    conflict_id: str
    kind: str  # "keep", "value", "delete", "restore", "accept", "reject"
    inspection_id: str | None
    summary: str
    reason: str | None
    events: list[str]
    at: str
    who: str
    undone_at: str | None = None
    undone_by: str | None = None


class Decisions:
    """Recording decisions and undoing the last one."""

    _COLUMNS = "id, conflict_id, kind, inspection_id, summary, reason, events, at, who, undone_at, undone_by"

    def __init__(self, db: Database, events: Events):
        self._db = db
        self._events = events

    def record(self, conflict_id: str, kind: str, inspection_id: str | None, summary: tuple[str, str],
               reason: str | None, first_seq: int) -> Decision:
        """Note the decision whose events are those after ``first_seq``, inside the decision's transaction.

        ``summary`` is what was decided, in Chinese and English; it is shown in the language of the moment.
        """
        conn = self._db.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM audit WHERE seq > ? ORDER BY seq", (first_seq,))]
        at = _now()
        cur = conn.execute(
            "INSERT INTO decisions (conflict_id, kind, inspection_id, summary, reason, events, first_seq, at, who)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (conflict_id, kind, inspection_id, dump(list(summary)), reason or None, dump(ids), first_seq + 1, at,
             self._db.user))
        return Decision(int(cur.lastrowid or 0), conflict_id, kind, inspection_id, t(*summary), reason or None, ids,
                        at, self._db.user)

    def history(self) -> list[Decision]:
        """Every decision made here, newest first, undone ones included."""
        with self._db.lock:
            rows = self._db.conn.execute(f"SELECT {self._COLUMNS} FROM decisions ORDER BY id DESC").fetchall()
        return [Decision(r[0], r[1], r[2], r[3], t(*load(r[4])), r[5], load(r[6]), *r[7:]) for r in rows]

    def last(self) -> Decision | None:
        """The last decision not undone, or None."""
        return next((d for d in self.history() if d.undone_at is None), None)

    def undoable(self, decision: Decision | None = None) -> str | None:
        """None when the last decision can be undone; else the one sentence why not."""
        d = decision or self.last()
        if d is None:
            return t("没有可撤销的决定", "there is no decision to undo")
        conn = self._db.conn
        first = conn.execute("SELECT first_seq FROM decisions WHERE id = ?", (d.id,)).fetchone()[0]
        exported = conn.execute("SELECT coalesce(max(last_seq), 0) FROM sync_exports").fetchone()[0]
        if exported >= first:
            return t("这个决定已随同步包导出,其他电脑可能已经收到,不能再撤销;如需改变,请在冲突处重新决定或直接修改",
                     "this decision has been exported in a bundle and other laptops may have it, so it cannot be "
                     "undone; change the value again instead")
        marks = ",".join("?" * len(d.events))
        if d.events and conn.execute(f"SELECT 1 FROM superseded WHERE event_id IN ({marks}) LIMIT 1",
                                     d.events).fetchone():
            return t("这个决定之后又有修改建立在它之上,不能撤销;请直接修改该项",
                     "a later change was made on top of this decision, so it cannot be undone; change the item directly")
        return None

    def undo(self) -> Decision:
        """Take back the last decision (StoreError, one sentence, when it was exported or built on)."""
        with self._db.transaction():
            d = self.last()
            why = self.undoable(d)
            if why is not None:
                raise StoreError(why)
            assert d is not None
            if d.events:
                self._events.withdraw(d.events)
            self._db.conn.execute("UPDATE decisions SET undone_at = ?, undone_by = ? WHERE id = ?",
                                  (_now(), self._db.user, d.id))
        return d

    def as_dict(self, d: Decision) -> dict[str, Any]:
        return {"id": d.id, "conflict": d.conflict_id, "kind": d.kind, "inspection": d.inspection_id,
                "summary": d.summary, "reason": d.reason, "events": d.events, "at": d.at, "who": d.who,
                "undone_at": d.undone_at, "undone_by": d.undone_by}
