"""Reconciliations (交叉检查): the link from a reconciled inspection to the two it settles.

When two inspections of one assessee disagree, the team leader records a new inspection
whose answers are the ones picked per item; the originals are never changed. This part
keeps the link: the reconciled inspection, the two originals, and per differing item the
side taken ("a", "b" or "entered") and why. A link is written once, by a create event
(``Database.record``) whose ``inspection_id`` is the reconciled inspection, so it travels
in bundles with that inspection and applies on any laptop (docs/sync.md). Only its
tombstone can change afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError, dump, load, rows_in
from fieldcheck.store.id_numbers import mask_in_text

SIDES = ("a", "b", "entered")


@dataclass(frozen=True)
class ItemDecision:
    """What the leader decided on one item: the side taken and why."""

    item_id: str
    side: str  # "a", "b" or "entered"
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"item": self.item_id, "side": self.side, "reason": self.reason}


@dataclass(frozen=True)
class Reconciliation:
    id: str
    inspection_id: str  # the reconciled inspection
    first_id: str
    second_id: str
    items: tuple[ItemDecision, ...]
    decided_by: str
    hlc: str
    created_at: str

    @property
    def originals(self) -> tuple[str, str]:
        return self.first_id, self.second_id

    def decision(self, item_id: str) -> ItemDecision | None:
        return next((d for d in self.items if d.item_id == item_id), None)


def _decisions(raw: Any) -> tuple[ItemDecision, ...]:
    return tuple(ItemDecision(str(d["item"]), str(d["side"]), str(d.get("reason") or "")) for d in raw or ())


class Reconciliations:
    """Links from reconciled inspections to their originals; written once, inside the caller's transaction."""

    _COLUMNS = "id, inspection_id, first_id, second_id, items, decided_by, hlc, created_at"

    def __init__(self, db: Database):
        self._db = db

    def _from_row(self, r) -> Reconciliation:
        return Reconciliation(r[0], r[1], r[2], r[3], _decisions(load(r[4])), r[5], r[6], r[7])

    def add(self, inspection_id: str, first_id: str, second_id: str, items: Iterable[ItemDecision]) -> str:
        """Link ``inspection_id`` to the two inspections it reconciles; returns the link's id."""
        # a reason quoting a household's ID number keeps it masked, as a note does: the link travels
        decisions = [ItemDecision(d.item_id, d.side, mask_in_text(d.reason)) for d in items]
        for d in decisions:
            if d.side not in SIDES:
                raise StoreError(t(f"项目 {d.item_id} 的取舍「{d.side}」未知,可选:a、b、entered",
                                   f"unknown choice '{d.side}' for item {d.item_id}; expected a, b or entered"))
        with self._db.transaction():
            link_id = self._db.new_id()
            hlc, at = self._db.stamp()
            payload = [d.to_json() for d in decisions]
            self._db.conn.execute(
                f"INSERT INTO reconciliations ({self._COLUMNS}, device, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (link_id, inspection_id, first_id, second_id, dump(payload), self._db.user, hlc, at, self._db.device,
                 at))
            self._db.record(hlc, at, "create", "reconciliation", link_id, inspection_id, None, None,
                            {"inspection_id": inspection_id, "first_id": first_id, "second_id": second_id,
                             "items": payload, "decided_by": self._db.user})
        return link_id

    def of(self, inspection_id: str) -> Reconciliation | None:
        """The live link that made ``inspection_id`` a reconciled result, or None."""
        with self._db.lock:
            r = self._db.conn.execute(f"SELECT {self._COLUMNS} FROM reconciliations WHERE inspection_id = ?"
                                      " AND deleted = 0 ORDER BY hlc DESC LIMIT 1", (inspection_id,)).fetchone()
        return self._from_row(r) if r else None

    def among(self, inspection_ids: Iterable[str]) -> list[Reconciliation]:
        """The live links whose reconciled inspection is one of ``inspection_ids``, oldest first."""
        ids = sorted(set(inspection_ids))
        out: list[Reconciliation] = []
        with self._db.lock:
            out.extend(self._from_row(r) for r in rows_in(
                self._db.conn, f"SELECT {self._COLUMNS} FROM reconciliations WHERE deleted = 0"
                " AND inspection_id IN ({ids})", ids))
        return sorted(out, key=lambda r: (r.hlc, r.id))

    def all(self) -> list[Reconciliation]:
        """Every live link, oldest first."""
        with self._db.lock:
            rows = self._db.conn.execute(f"SELECT {self._COLUMNS} FROM reconciliations WHERE deleted = 0"
                                         " ORDER BY hlc, id").fetchall()
        return [self._from_row(r) for r in rows]

    def delete(self, link_id: str, inspection_id: str) -> None:
        """Withdraw a link (a tombstone, audited): its inspection no longer settles the originals."""
        self._db.set_deleted("reconciliations", "reconciliation", link_id, inspection_id, True)

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        """Links made on another laptop; one already here is left as it is."""
        self._db.conn.executemany(
            f"INSERT OR IGNORE INTO reconciliations ({self._COLUMNS}, device, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e["entity_id"], e["inspection_id"], str(e["new"].get("first_id") or ""),
              str(e["new"].get("second_id") or ""), dump(e["new"].get("items") or []), e["new"].get("decided_by") or e["who"],
              e["hlc"], e["at"], e["device"], e["at"]) for e in events])

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if field == "deleted":  # a link's only field that changes
            self._db.conn.execute("UPDATE reconciliations SET deleted = ?, hlc = max(hlc, ?) WHERE id = ?",
                                  (int(bool(value)), hlc, entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM reconciliations WHERE id = ?",
                                     (entity_id,)).fetchone() is not None
