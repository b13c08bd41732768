"""What an event is: its fields and kinds, its row in the audit table, and the id of a field's conflict.

Pure helpers shared by the event keeper's modules (``events``, ``field_state``, ``remote``,
``conflicts``) and by sync, which checks and writes events in bundles (docs/sync.md).
"""

from __future__ import annotations

from typing import Any, Protocol

from fieldcheck.store.database import dump, load

EVENT_FIELDS = ("id", "at", "who", "device", "hlc", "action", "entity", "entity_id", "inspection_id", "field",
                "old", "new", "supersedes", "seen", "reason")
EVENT_COLUMNS = ", ".join(EVENT_FIELDS)
ACTIONS = ("create", "update", "delete", "restore", "discard", "sign", "amend", "void")
ENTITIES = ("place", "household", "inspection", "finding", "mark", "photo", "revision", "signature", "team",
            "enrolment", "reconciliation", "rubric", "assignment")
#: the fields a change of each kind of record may name (a mark's field is its item id, checked against the
#: rubric instead): an event naming another field would change nothing, yet stand in the log and its
#: conflicts; a bundle carrying one is refused (sync.checks). "deleted" is every record's tombstone.
CHANGED_FIELDS = {
    "place": frozenset(("deleted",)),
    "household": frozenset(("head_name", "members", "helper", "status", "id_masked", "deleted")),
    "inspection": frozenset(("inspectors", "date", "status", "assessee_name", "assessee_group", "revision", "deleted")),
    "finding": frozenset(("value", "household_id", "note", "deleted")),
    "photo": frozenset(("deleted",)),
    "revision": frozenset(("amended", "deleted")),
    "signature": frozenset(("voided", "deleted")),
    "team": frozenset(("deleted",)),
    "enrolment": frozenset(("revoked", "deleted")),
    "reconciliation": frozenset(("deleted",)),
    "rubric": frozenset(("version", "deleted")),
    "assignment": frozenset(("deleted",)),
}
#: statuses that lock an inspection: a merge never changes it (events it did not see are held)
LOCKING = ("signed", "exported")
#: creates are applied parent first, so a finding's inspection exists when the finding is written
CREATE_ORDER = ("place", "household", "rubric", "inspection", "assignment", "revision", "signature", "finding", "photo",
                "mark", "team", "enrolment", "reconciliation")
#: events read or applied at a time: memory stays flat however long the log
CHUNK = 2000


class Part(Protocol):
    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None: ...

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None: ...

    def has(self, entity: str, entity_id: str) -> bool: ...


def conflict_id(entity: str, entity_id: str, field: str) -> str:
    """The same conflict has the same id on every laptop: a hash of its field."""
    import hashlib  # lazy: merging only; hashlib loads OpenSSL (3 ms of every start)

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
