"""Incoming values checked against the rubric (docs/sync.md, verify and import).

An event that sets an item's value, makes a finding on an item or marks an item must fit its
inspection's rubric snapshot, as the same edit in the window must: the item exists, and the
value has the shape the item's rule form takes (``engine.answers.check_value``). Everything
needed travels in the bundle itself (the inspection's create names its rubric version, the
snapshot is a member, a finding's create precedes its edits), so the check reads no database
and a bundle is refused whole before anything is written.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.engine.answers import check_value
from fieldcheck.engine.marks import MARKS
from fieldcheck.engine.rubric import Item, Rubric
from fieldcheck.engine.rubric_file import RubricInvalid, load_text
from fieldcheck.engine.rules import AnswerError
from fieldcheck.i18n import Text
from fieldcheck.store.findings import value_finding_id

#: parsed snapshots by the SHA-256 of their bytes (checked against the signed manifest): a
#: team's 50 bundles carry the same rubric, parsed once (0.1 s each, measured)
_PARSED: dict[str, Rubric] = {}


class Refused(Exception):
    """What is wrong, in both languages, to be said after the bundle's name."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def parse_snapshot(version: str, digest: str, text: bytes) -> Rubric:
    """A rubric snapshot from a bundle, parsed, and its content the version it is filed under."""
    rubric = _PARSED.get(digest)
    if rubric is None:
        try:
            rubric = load_text(text.decode("utf-8"), f"<{version[:12]}>")
        except (RubricInvalid, UnicodeDecodeError):
            raise Refused(f"中的细则快照 {version[:12]} 无法读取", f"carries a rubric snapshot ({version[:12]}) that cannot be read") from None
        if len(_PARSED) > 32:
            _PARSED.clear()
        _PARSED[digest] = rubric
    if rubric.version != version:
        raise Refused(f"中的细则快照 {version[:12]} 与其版本号不符,疑为篡改",
                      f"carries a rubric snapshot whose content is not its version ({version[:12]}), which looks tampered with")
    return rubric


class ValueCheck:
    """Follows a bundle's events in order; ``event`` raises Refused for one that does not fit the rubric."""

    def __init__(self, rubric: Any):
        #: version → parsed snapshot, asked for lazily (a bundle of place edits parses nothing)
        self._rubric = rubric
        self._inspections: dict[str, tuple[Rubric, str]] = {}
        self._findings: dict[str, tuple[str, str]] = {}
        self._items: dict[str, dict[str, Item]] = {}

    def event(self, e: dict[str, Any]) -> None:
        entity, action = e["entity"], e["action"]
        new: Any = e.get("new")
        if entity == "inspection" and action == "create":
            rubric = self._rubric(str(new.get("rubric_version")))
            label = " ".join(str(new.get(k) or "") for k in ("assessee_name", "date")).strip()
            self._inspections[e["entity_id"]] = (rubric, f"{label} {e['entity_id'][:8]}".strip())
        elif entity == "finding" and action == "create":
            inspection, item_id = str(e.get("inspection_id")), str(new.get("item_id"))
            item = self._item(inspection, item_id)
            self._findings[e["entity_id"]] = (inspection, item_id)
            try:
                self._value(inspection, item, new.get("value"))
            except Refused:  # an item's value finding is made empty on every laptop alike, then set
                if new.get("value") is not None or e["entity_id"] != value_finding_id(inspection, item_id):
                    raise
        elif entity == "finding" and action == "update" and e.get("field") == "value":
            made = self._findings.get(e["entity_id"])
            if made is not None:  # else verify refuses it as a record the bundle does not carry
                self._value(made[0], self._item(*made), new)
        elif entity == "mark":
            inspection, item_id = str(e.get("inspection_id")), str(e.get("field") or "")
            self._item(inspection, item_id)
            if e["entity_id"] != f"{inspection}/{item_id}" or (new is not None and new not in MARKS):
                label = self._label(inspection)
                raise Refused(f"中检查「{label}」的项目 {item_id} 的标记无效(应为 checked、na 或空)",
                              f"has an invalid mark on item {item_id} of inspection '{label}' (it must be checked, na or none)")

    def _label(self, inspection: str) -> str:
        return self._inspections[inspection][1] if inspection in self._inspections else inspection[:8]

    def _item(self, inspection: str, item_id: str) -> Item:
        if inspection not in self._inspections:  # verify refuses it as a record the bundle does not carry
            raise Refused(f"中的修改引用了包内没有的检查 {inspection[:12]},包不完整",
                          f"has an event for an inspection it does not carry ({inspection[:12]}); it is incomplete")
        rubric, label = self._inspections[inspection]
        items = self._items.get(rubric.version)
        if items is None:
            items = self._items[rubric.version] = {i.id: i for i in rubric.items()}
        if item_id not in items:
            raise Refused(f"中检查「{label}」记有项目 {item_id},但其细则「{rubric.title}」中没有此项",
                          f"records item {item_id} for inspection '{label}', but its rubric '{rubric.title}' has no such item")
        return items[item_id]

    def _value(self, inspection: str, item: Item, value: Any) -> None:
        try:
            check_value(item, value)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:  # AnswerError is a ValueError
            reason = exc.reason if isinstance(exc, AnswerError) else Text(f"收到 {value!r}", f"got {value!r}")
            label = self._label(inspection)
            raise Refused(f"中检查「{label}」的项目 {item.id} 的值不符合细则:{reason.zh}",
                          f"has a value for item {item.id} of inspection '{label}' that its rubric does not allow: "
                          f"{reason.en}") from None
