"""Setting an item as the window does, and deciding a merge conflict (docs/sync.md).

Every decision is ordinary events (they travel in the next bundle) with an optional reason,
noted in ``store.decisions`` so that the last one can be undone until it is exported.
"""

from __future__ import annotations

import json
from typing import Any

from fieldcheck.engine.answers import COUNT_FORMS, NAME_FORMS
from fieldcheck.engine.marks import MARKS
from fieldcheck.engine.rubric import Item
from fieldcheck.engine.rules.verdicts import yes_or_no
from fieldcheck.engine.typed import MARK_WORDS, read
from fieldcheck.i18n import t
from fieldcheck.ops.conflict_text import summary
from fieldcheck.store import Store, StoreError
from fieldcheck.store.decisions import Decision
from fieldcheck.store.id_numbers import answer_holds_id_number, mask_in_text


def _json_or_text(text: str) -> Any:
    """A value typed for a field no rule form reads: JSON when it parses (4, ["张三"]), else the text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def set_item(store: Store, inspection_id: str, item_id: str, value: Any) -> None:
    """"checked"/"na" (已检查/不适用) mark the item, "none"/null clear its mark; anything else is its value,
    read as typed by the item's rule form (达标, 三): one more finding where findings are occurrences or
    households' ratings, else the item's one value."""
    inspection = store.inspections.get(inspection_id)
    try:
        node = inspection.rubric.node(str(item_id))
    except KeyError:
        node = None
    if isinstance(node, Item):
        value = read(node, value)
    if value is None or (isinstance(value, str) and (value in MARKS or value == "none")):  # a dict is a value
        store.findings.set_mark(inspection_id, item_id, None if value in (None, "none") else value)
        return
    kind = getattr(getattr(node, "rule", None), "kind", None)
    with store.transaction():  # the value and the mark it clears, or neither
        if store.findings.marks(inspection_id).get(str(item_id)) == "na":
            # as in the window: an answer given makes the item applicable, else 不适用 would hide it from the score
            store.findings.set_mark(inspection_id, item_id, "checked")
        # these count occurrences, and a rating is one household's (the worst counts), as the window's + 满意 adds
        # one: one more finding, never another household's rating changed
        if kind in COUNT_FORMS or kind in NAME_FORMS or kind == "rating":
            store.findings.add(inspection_id, item_id, value=value)
        else:
            store.findings.set_value(inspection_id, item_id, value)


def resolve(store: Store, conflict: str, *, value: Any = None, keep: str | None = None, has_value: bool = False,
            reason: str | None = None) -> str:
    """Decide a conflict with a value or one side's event; the decision is an event that supersedes both sides.

    A value given as text is read as typed for the field it decides (达标, 三, 删除, a note as it is).

    For a change that arrived after signing, keeping the signed side rejects it (kept in the
    history, not scored); ``accept`` takes it instead. Returns the decision's event id.
    """
    reason = mask_in_text((reason or "").strip()) or None  # it travels: an ID number kept masked
    with store.transaction():
        first = store.events.last_seq()
        c = store.events.conflict(conflict)
        sides = {s["event"]: s for s in c["sides"]}
        if keep is not None and keep not in sides:
            raise StoreError(t(f"事件 {keep} 不是冲突 {conflict} 的一方;可选:{'、'.join(sides)}",
                               f"event {keep} is not a side of conflict {conflict}; choose one of: {', '.join(sides)}"))
        if c["kind"] == "after-signing":
            if keep is None or sides[keep]["held"]:
                raise StoreError(t("检查已签字,签字后到达的修改不能直接采用;如需采用,请选择“采纳”(检查将修订并需重新签字)",
                                   "the inspection is signed, so a change that arrived after signing cannot be taken "
                                   "as it is; accept it instead (the inspection is amended and must be signed again)"))
            event = store.events.discard(c, reason)
            _note(store, c, "reject", reason, first)
            return event
        inspection = c["inspection"]
        if inspection and not store.inspections.editable(inspection) and c["entity"] != "inspection":
            raise StoreError(t("这份检查已签字或已删除,请先退回草稿再解决冲突",
                               "this inspection is signed or deleted; reopen it as a draft before resolving"))
        chosen = sides[keep]["value"] if keep is not None else value
        if c["kind"] == "deleted-edited" or c["field"] == "deleted":
            deleted = (sides[keep]["action"] == "delete") if keep is not None else \
                yes_or_no(chosen, ("删除", "delete"), ("恢复", "保留", "restore", "keep"))
            if deleted is None:  # any text was true here once: 否 typed to keep the record deleted it
                raise StoreError(t("这是删除与修改的冲突:请填「删除」或「恢复」",
                                   "this is a delete against an edit: give delete or restore"))
            event = _decide_deleted(store, c, deleted, reason)
            _note(store, c, "delete" if deleted else "restore", reason, first, deleted)
            return event
        if not has_value and keep is None:
            raise StoreError(t("请给出 --value 或 --keep", "give --value or --keep"))
        if keep is None:
            chosen = _no_whole_id_number(c, chosen)
        event = _decide_field(store, c, chosen, reason)
        _note(store, c, "keep" if keep is not None else "value", reason, first, chosen)
        return event


def reject(store: Store, conflict: str, reason: str | None = None) -> str:
    """Refuse what arrived after signing: kept in the history, never scored (the signed side stands)."""
    reason = mask_in_text((reason or "").strip()) or None  # it travels: an ID number kept masked
    with store.transaction():
        first = store.events.last_seq()
        c = _late(store, conflict)
        event = store.events.discard(c, reason)
        _note(store, c, "reject", reason, first)
        return event


def _late(store: Store, conflict: str) -> dict[str, Any]:
    c = store.events.conflict(conflict)
    if c["kind"] != "after-signing":
        raise StoreError(t("只有签字后到达的修改需要采纳或拒绝;这个冲突请选择一方或给出新值",
                           "only a change that arrived after signing is accepted or rejected; for this conflict "
                           "choose a side or give a value"))
    return c


def accept(store: Store, conflict: str, reason: str | None = None) -> int:
    """Take a change that arrived after signing: the inspection is amended (修订), its signatures voided,
    and every held change applies; it must be signed again. Returns the new revision number."""
    reason = mask_in_text((reason or "").strip()) or None  # it travels: an ID number kept masked
    with store.transaction():
        first = store.events.last_seq()
        c = _late(store, conflict)
        number = store.signatures.amend(c["inspection"], reason or t("采纳签字后到达的修改",
                                                                     "taking changes that arrived after signing"))
        _note(store, c, "accept", reason, first)
        return number


def undo(store: Store) -> Decision:
    """Take back the last decision while it has not been exported (StoreError, one sentence, otherwise)."""
    return store.decisions.undo()


def _note(store: Store, c: dict[str, Any], kind: str, reason: str | None, first: int, value: Any = None) -> None:
    store.decisions.record(c["id"], kind, c["inspection"], summary(store, c, kind, value), reason, first)


def _no_whole_id_number(c: dict[str, Any], value: Any) -> Any:
    """A typed value as the store keeps it: a note with an ID number masked, as everywhere; a whole ID
    number anywhere else (a head's name, 其他's names) refused, as when it is typed in the window."""
    if c["entity"] == "finding" and c["field"] == "note" and isinstance(value, str):
        return mask_in_text(value)
    if answer_holds_id_number(value):
        raise StoreError(t("给出的值中含有完整的身份证号;这里不保存身份证号,请删去",
                           "the value holds a whole ID number, which is not kept here; remove the number"))
    return value


def _decide_field(store: Store, c: dict[str, Any], value: Any, reason: str | None) -> str:
    db = store.db
    entity, record, field = c["entity"], c["record"], c["field"]
    if isinstance(value, str):
        value = _typed(store, c, value)
    if entity in ("finding", "mark"):
        value = store.findings.check_field(entity, record, field, value)
    hlc, at = db.stamp()
    store.events.part(entity).apply_field(entity, record, field, value, hlc, at)
    return db.record(hlc, at, "update", entity, record, c["inspection"], field, c["sides"][-1]["value"], value,
                     reason=reason)


def _typed(store: Store, c: dict[str, Any], text: str) -> Any:
    """A value the leader typed, read for the field it decides: a note as typed, an item's value by its form."""
    entity, field = c["entity"], c["field"]
    if entity == "mark":
        return MARK_WORDS.get(text.strip(), text.strip())  # 不适用 as the window names it
    if entity == "finding" and field == "note":
        return text  # "true" or "3" typed in a note is text
    if entity == "finding" and field == "value" and c.get("item"):
        node = store.inspections.get(c["inspection"]).rubric.node(c["item"])
        return read(node, text) if isinstance(node, Item) else text  # 达标 or 三 as the leader typed it
    return _json_or_text(text)


def _decide_deleted(store: Store, c: dict[str, Any], deleted: bool, reason: str | None) -> str:
    db = store.db
    hlc, at = db.stamp()
    store.events.part(c["entity"]).apply_field(c["entity"], c["record"], "deleted", deleted, hlc, at)
    return db.record(hlc, at, "delete" if deleted else "restore", c["entity"], c["record"], c["inspection"],
                     "deleted", not deleted, deleted, reason=reason)
