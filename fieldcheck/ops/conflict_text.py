"""A conflict as a person reads it: the inspection, the item's title, the field, each side's value in words.

The store lists conflicts by record ids and raw values; the leader's view, the command line
and the decision history show them through here, in both languages (``t``), rendered late.
"""

from __future__ import annotations

import json
from typing import Any

from fieldcheck.i18n import t
from fieldcheck.store import Store, StoreError
from fieldcheck.store.clock import shown_time

FIELD_NAMES = {"value": ("结论", "answer"), "note": ("说明", "note"), "deleted": ("删除", "deleted"),
               "household_id": ("农户", "household"), "entered_by": ("录入人", "entered by"),
               "inspectors": ("检查人员", "inspectors"), "date": ("日期", "date"), "status": ("状态", "status"),
               "assessee_name": ("被考核单位", "unit assessed"), "assessee_group": ("分组", "group"),
               "name": ("名称", "name"), "head_name": ("户主", "head of household"), "caption": ("说明", "caption")}
KIND_NAMES = {"concurrent": ("两处修改不同", "changed differently"),
              "deleted-edited": ("一处删除、一处修改", "deleted here, edited there"),
              "after-signing": ("签字后到达", "arrived after signing")}
MARK_NAMES = {"checked": ("已查看,未发现问题", "checked, nothing found"), "na": ("不适用", "not applicable")}


def kind_name(kind: str) -> str:
    return t(*KIND_NAMES.get(kind, (kind, kind)))


def when(at: str | None) -> str:
    """A stored UTC time as the list shows it: date and minutes, marked when a wrong clock made it."""
    return shown_time(at)


def value_text(value: Any, entity: str = "", field: str = "", rule: str = "") -> str:
    """One value in words: met/not met, yes/no, a mark's meaning, a list joined, nothing as "(empty)"."""
    if rule == "pass_fail" and isinstance(value, bool):
        return t("达标", "met") if value else t("未达标", "not met")
    if entity == "mark" and isinstance(value, str) and value in MARK_NAMES:
        return t(*MARK_NAMES[value])
    if field == "deleted":
        return t("删除", "deleted") if value else t("保留", "kept")
    if value is None or value == "":
        return t("(空)", "(empty)")
    if value is True:
        return t("是", "yes")
    if value is False:
        return t("否", "no")
    if isinstance(value, dict) and isinstance(value.get("selected"), list):
        return "、".join(str(v) for v in value["selected"])
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, (dict,)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def side_text(side: dict[str, Any], entity: str, field: str, rule: str = "") -> str:
    """What one side did, in words: its value, or the record it added, deleted or restored."""
    action, value = side["action"], side["value"]
    if action == "create":
        if isinstance(value, dict) and value.get("value") is None and not value.get("note") \
                and not value.get("entered_by"):  # store.findings.set_value's shared record: nobody's, no value yet
            return t("该项的值记录(各台电脑共用,尚无值)", "the item's value record (shared by every laptop, no value yet)")
        if isinstance(value, dict):
            parts = [value_text(value.get("value"), rule=rule)] if value.get("value") not in (None, "") else []
            if value.get("note"):
                parts.append(str(value["note"]))
            return t("新增记录:", "added: ") + ("; ".join(parts) or t("(无说明)", "(no note)"))
        return t("新增记录", "added")
    if action in ("delete", "restore"):
        return t("删除", "deleted") if action == "delete" else t("恢复", "restored")
    return value_text(value, entity, field, rule)


def rule_kind(store: Store, inspection_id: str | None, item_id: str | None) -> str:
    """The rule form of an item (pass_fail, rating …), to word its values; "" when unknown."""
    if not inspection_id or not item_id:
        return ""
    try:
        node = store.inspections.get(inspection_id).rubric.node(str(item_id))
    except (KeyError, StoreError):
        return ""
    return str(getattr(getattr(node, "rule", None), "kind", "") or "")


def item_label(store: Store, inspection_id: str | None, item_id: str | None) -> str:
    """"2.5.4 title" from the inspection's frozen rubric; the id alone when it cannot be found."""
    if not item_id:
        return ""
    if inspection_id:
        try:
            node = store.inspections.get(inspection_id).rubric.node(str(item_id))
            return f"{item_id} {node.title}"
        except (KeyError, StoreError):
            pass
    return str(item_id)


def inspection_label(store: Store, inspection_id: str | None) -> str:
    if not inspection_id:
        return ""
    try:
        inspection = store.inspections.get(inspection_id)
    except StoreError:
        return inspection_id[:8]
    return f"{inspection.assessee_name} {inspection.date}"


def field_label(c: dict[str, Any]) -> str:
    """The field in words: an item's mark, a finding's answer or note, an inspection's field."""
    entity, field = c["entity"], c["field"]
    if entity == "mark":
        return t("标记", "mark")
    if entity == "finding" and not field:
        return t("发现记录", "finding")
    return t(*FIELD_NAMES.get(field, (field, field)))


def describe(store: Store, c: dict[str, Any]) -> dict[str, Any]:
    """The conflict with its words: inspection, item, field, kind, and each side's value, who, device, when."""
    rule = rule_kind(store, c["inspection"], c["item"]) if c["field"] in ("value", "") else ""
    return {**c, "inspection_text": inspection_label(store, c["inspection"]),
            "item_text": item_label(store, c["inspection"], c["item"]), "field_text": field_label(c),
            "kind_text": kind_name(c["kind"]),
            "sides_text": [{**s, "value_text": side_text(s, c["entity"], c["field"], rule),
                            "when": when(s["at"])} for s in c["sides"]]}


def history(store: Store, c: dict[str, Any]) -> list[dict[str, Any]]:
    """The field's events from the audit log, oldest first, each marked with the side it is (1, 2 …) or 0."""
    sides = {s["event"]: n for n, s in enumerate(c["sides"], 1)}
    rule = rule_kind(store, c["inspection"], c["item"]) if c["field"] in ("value", "") else ""
    out = []
    for e in store.audit.of_field(c["entity"], c["record"], c["field"], c["inspection"]):
        out.append({**e, "side": sides.get(e["id"], 0), "when": when(e["at"]),
                    "value_text": side_text({"action": e["action"], "value": e["new"]}, c["entity"], c["field"], rule)})
    return out


def summary(store: Store, c: dict[str, Any], kind: str, value: Any = None) -> tuple[str, str]:
    """What a decision did, in Chinese and English, for the decision history."""
    # the field in words in each language: the Chinese summary must not show "value" or "note"
    zh_f, en_f = FIELD_NAMES.get(c["field"], (c["field"], c["field"])) if c["entity"] != "mark" else ("", "")
    zh_w, en_w = (" ".join(x for x in (inspection_label(store, c["inspection"]), str(c["item"] or ""), f) if x)
                  for f in (zh_f, en_f))
    met = rule_kind(store, c["inspection"], c["item"]) == "pass_fail" and c["field"] == "value"
    shown = {True: ("达标", "met") if met else ("是", "yes"), False: ("未达标", "not met") if met else ("否", "no"),
             None: ("(空)", "(empty)")}
    zh_v, en_v = shown[value] if isinstance(value, bool) or value is None else (value_text(value),) * 2
    return {
        "keep": (f"{zh_w}:保留一方「{zh_v}」", f"{en_w}: kept one side, '{en_v}'"),
        "value": (f"{zh_w}:改为「{zh_v}」", f"{en_w}: set to '{en_v}'"),
        "delete": (f"{zh_w}:删除", f"{en_w}: deleted"),
        "restore": (f"{zh_w}:保留(恢复)", f"{en_w}: kept (restored)"),
        "reject": (f"{zh_w}:拒绝签字后到达的修改", f"{en_w}: rejected the change that arrived after signing"),
        "accept": (f"{zh_w}:采纳签字后到达的修改,检查已修订,需重新签字",
                   f"{en_w}: accepted the change that arrived after signing; amended, to be signed again"),
    }[kind]
