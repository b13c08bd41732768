"""Setting an item as the window does, and resolving a merge conflict (docs/sync.md)."""

from __future__ import annotations

import json
from typing import Any

from fieldcheck.engine.answers import COUNT_FORMS, MARKS, NAME_FORMS
from fieldcheck.i18n import t
from fieldcheck.store import Store, StoreError


def parse_value(text: str) -> Any:
    """A value typed on the command line: JSON when it parses (true, 3, {"selected": […]}), else the text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def set_item(store: Store, inspection_id: str, item_id: str, value: Any) -> None:
    """"checked"/"na" mark the item, "none"/null clear its mark; anything else is its value."""
    if value is None or (isinstance(value, str) and (value in MARKS or value == "none")):  # a dict is a value
        store.findings.set_mark(inspection_id, item_id, None if value in (None, "none") else value)
        return
    inspection = store.inspections.get(inspection_id)
    try:
        node = inspection.rubric.node(str(item_id))
    except KeyError:
        node = None
    kind = getattr(getattr(node, "rule", None), "kind", None)
    if kind in COUNT_FORMS or kind in NAME_FORMS:  # these count occurrences: one more finding
        store.findings.add(inspection_id, item_id, value=value)
    else:
        store.findings.set_value(inspection_id, item_id, value)


def resolve(store: Store, conflict: str, *, value: Any = None, keep: str | None = None, has_value: bool = False) -> str:
    """Decide a conflict with a value or one side's event; the decision is an event that supersedes both sides."""
    with store.transaction():
        c = store.events.conflict(conflict)
        sides = {s["event"]: s for s in c["sides"]}
        if keep is not None and keep not in sides:
            raise StoreError(t(f"事件 {keep} 不是冲突 {conflict} 的一方;可选:{'、'.join(sides)}",
                               f"event {keep} is not a side of conflict {conflict}; choose one of: {', '.join(sides)}"))
        if c["kind"] == "after-signing":
            if keep is None or sides[keep]["held"]:
                raise StoreError(t("检查已签字,签字后到达的修改不能直接采用;如需采用,请先将检查退回草稿",
                                   "the inspection is signed, so a change that arrived after signing cannot be taken; "
                                   "reopen the inspection as a draft first to take it"))
            return store.events.discard(c)
        inspection = c["inspection"]
        if inspection and not store.inspections.editable(inspection) and c["entity"] != "inspection":
            raise StoreError(t("这份检查已签字或已删除,请先退回草稿再解决冲突",
                               "this inspection is signed or deleted; reopen it as a draft before resolving"))
        chosen = sides[keep]["value"] if keep is not None else value
        if c["kind"] == "deleted-edited" or c["field"] == "deleted":
            deleted = (sides[keep]["action"] == "delete") if keep is not None else bool(chosen)
            return _decide_deleted(store, c, deleted)
        if not has_value and keep is None:
            raise StoreError(t("请给出 --value 或 --keep", "give --value or --keep"))
        return _decide_field(store, c, chosen)


def _decide_field(store: Store, c: dict[str, Any], value: Any) -> str:
    db = store.db
    entity, record, field = c["entity"], c["record"], c["field"]
    if entity in ("finding", "mark"):
        value = store.findings.check_field(entity, record, field, value)
    hlc, at = db.stamp()
    store.events.part(entity).apply_field(entity, record, field, value, hlc, at)
    return db.record(hlc, at, "update", entity, record, c["inspection"], field, c["sides"][-1]["value"], value)


def _decide_deleted(store: Store, c: dict[str, Any], deleted: bool) -> str:
    db = store.db
    hlc, at = db.stamp()
    store.events.part(c["entity"]).apply_field(c["entity"], c["record"], "deleted", deleted, hlc, at)
    return db.record(hlc, at, "delete" if deleted else "restore", c["entity"], c["record"], c["inspection"],
                     "deleted", not deleted, deleted)
