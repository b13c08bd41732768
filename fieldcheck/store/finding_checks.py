"""What a finding or an item's mark may hold: checked as the window's editors allow, so that every path
(the window, the command line, a leader's decision) refuses the same things in the same sentence.

A value must fit its item's rule form (and name a target where the rubric gives none), hold no
whole ID number, and name a live household of the village assessed; 不适用 only where the rubric
says when; an id that names a part of the rubric (2.1) is said to be one.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.engine.numbers import shown
from fieldcheck.i18n import t
from fieldcheck.store.database import StoreError
from fieldcheck.store.id_numbers import answer_holds_id_number
from fieldcheck.store.places import Households
from fieldcheck.store.records import Inspection

#: each rubric version's items by id: checking a finding looks its item up on every edit
_ITEMS: dict[str, dict[str, Any]] = {}


class FindingChecks:
    """The checks of one store's findings and marks; StoreError with one sentence for what cannot be kept."""

    def __init__(self, households: Households):
        self._households = households

    def items(self, inspection: Inspection) -> dict[str, Any]:
        """The inspection's rubric items by id."""
        items = _ITEMS.get(inspection.rubric_version)
        if items is None:
            items = _ITEMS[inspection.rubric_version] = {i.id: i for i in inspection.rubric.items()}
        return items

    def finding(self, inspection: Inspection, item_id: str, value: Any, household_id: str | None,
                known_households: set[str] | None = None) -> Any:
        """The value as kept (checked by its rule form), or StoreError; ``known_households`` spares a batch
        checking one household twice."""
        item = self.items(inspection).get(str(item_id))
        if item is None:
            raise no_item(inspection, item_id)
        from fieldcheck.engine.answers import check_value  # lazy: the rule forms load on the first edit
        from fieldcheck.engine.rules import AnswerError  # lazy: with check_value

        try:
            value = check_value(item, value)
            if item.rule.kind in ("metric", "proportional") and value is not None:
                self.target(inspection, item, value)
        except AnswerError as exc:
            raise StoreError(str(exc)) from None
        if answer_holds_id_number(value):  # 其他 (请注明) is typed like a note, but names are kept as typed
            raise StoreError(t(f"{item_id} 的答案中含有完整的身份证号;这里只填名称,请删去身份证号",
                               f"the answer of {item_id} holds a whole ID number; give only names and remove the number"))
        if household_id is not None and (known_households is None or household_id not in known_households):
            self.household(inspection, household_id)
            if known_households is not None:
                known_households.add(household_id)
        return value

    @staticmethod
    def target(inspection: Inspection, item: Any, value: Any) -> None:
        """AnswerError where neither the value nor the rubric and its table give a target: the window asks for
        one there, and a value without it could never be scored."""
        from fieldcheck.engine.scoring import AssesseeError, resolve_assessee  # lazy: with check_value

        answer = item.rule.parse(item.id, value)
        if getattr(item.rule, "each", False) or "target" in answer:  # the villages' form: parse checked it
            return
        try:
            assessee = resolve_assessee(inspection.rubric, inspection.assessee)
        except AssesseeError:  # a name the table does not know (衡南): the score says so on every item, and
            return  # what the inspector measured is kept for when the name is put right
        if assessee.partial:  # a park's row of 附2: the score takes out an item whose target it leaves empty
            return
        item.rule.target(item.id, answer, assessee)

    def household(self, inspection: Inspection, household_id: str) -> None:
        """A household a finding may name: a live one of the assessee village, as the window's picker offers."""
        if not isinstance(household_id, str) or not self._households.exists(household_id):
            raise StoreError(t(f"找不到农户 {shown(household_id)}(可能已删除),请选择本村现有的农户",
                               f"no household with id {shown(household_id)} (it may be removed); choose one of the "
                               "village's households"))
        household = self._households.get(household_id)
        if household.village_id != inspection.assessee_id:
            raise StoreError(t(f"农户「{household.head_name}」不是这次检查所查村的农户,请选择本村的农户",
                               f"the household of {household.head_name} is not of the village this inspection "
                               "assesses; choose one of its own households"))

    def item(self, inspection: Inspection, item_id: str) -> Any:
        """The rubric's item of this id, or StoreError (naming a part of the rubric as one)."""
        try:
            node = inspection.rubric.node(str(item_id))
        except KeyError:
            node = None
        if node is None or not hasattr(node, "rule"):
            raise no_item(inspection, item_id)
        return node

    def mark(self, inspection: Inspection, item_id: str, mark: str | None) -> None:
        """A mark the item can take: 不适用 only where its rubric says when (the window greys it out elsewhere),
        since the score refuses it there and the whole inspection could no longer be scored."""
        node = self.item(inspection, item_id)
        if mark == "na" and node.na_reason is None:
            raise StoreError(t(f"{node.id} {node.title} 不能标为不适用:细则没有规定它不适用的情形,请填写它的检查结果",
                               f"{node.id} {node.title} cannot be marked not applicable: the rubric gives no case where"
                               " it does not apply; answer it instead"))


def no_item(inspection: Inspection, item_id: str) -> StoreError:
    """No item has this id: a section's (2.1) is named as one, with an item under it to answer instead."""
    try:
        node = inspection.rubric.node(str(item_id))
    except KeyError:
        node = None
    under = next((i.id for i in inspection.rubric.items() if i.id.startswith(f"{item_id}.")), None)
    if node is None or under is None:
        return StoreError(t(f"细则「{inspection.rubric_title}」中没有项目 {shown(item_id)}",
                            f"rubric '{inspection.rubric_title}' has no item {shown(item_id)}"))
    return StoreError(t(f"{item_id} 是细则中的一部分,不是项目,不能单独作答;请对其下的项目(如 {under})作答",
                        f"{item_id} is a part of the rubric, not an item, and is not answered itself; answer the "
                        f"items under it (such as {under})"))
