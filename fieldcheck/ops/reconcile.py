"""Recording a reconciled result (交叉检查): a new inspection whose answers the leader picked per item.

The two originals are never changed. The new inspection is a draft on the same frozen
rubric snapshot, of the same assessee; per item it holds one side's findings (with their
photos) and mark, copied, or the answer the leader entered. Items on which both sides
agree take A's. Every differing item needs a decision and a reason; the link to both
originals with those reasons is ``store.reconciliations`` (it travels in bundles). All of
it is one transaction: nothing is half written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldcheck.engine.answers import findings_from_answers
from fieldcheck.engine.numbers import shown
from fieldcheck.engine.typed import read
from fieldcheck.i18n import t
from fieldcheck.ops.compare import CompareError, compare
from fieldcheck.store import Store
from fieldcheck.store.reconciliations import SIDES, ItemDecision


@dataclass(frozen=True)
class Choice:
    """The leader's decision on one item: take side "a" or "b", or "entered" with ``answer``; and why.

    An entered answer may be text as the leader typed it (达标, 三, 广播、微信群): it is read by
    the item's rule form (``engine.typed``)."""

    side: str
    reason: str
    answer: Any = None


def check_choices(comparison_items: Mapping[str, Any], differing: list[str], choices: Mapping[str, Choice]) -> None:
    """CompareError naming the first item whose decision is missing or incomplete."""
    for item_id in choices:
        if item_id not in comparison_items:
            raise CompareError(t(f"细则中没有项目 {shown(item_id)}", f"the rubric has no item {shown(item_id)}"))
    for item_id in differing:
        if item_id not in choices:
            raise CompareError(t(f"项目 {item_id} 两份检查不一致:请选定一方(或填写答案)并写明理由",
                                 f"item {item_id} differs: take one side (or enter an answer) and give the reason"))
    for item_id, c in choices.items():
        if c.side not in SIDES:
            raise CompareError(t(f"项目 {item_id} 的取舍「{shown(c.side)}」未知,可选:a、b、entered",
                                 f"unknown choice '{shown(c.side)}' for item {item_id}; expected a, b or entered"))
        if not (c.reason or "").strip():
            raise CompareError(t(f"项目 {item_id} 请写明取舍的理由", f"give the reason for the choice on item {item_id}"))
        if c.side == "entered" and c.answer is None:
            raise CompareError(t(f"项目 {item_id} 选择了填写答案,请填写", f"item {item_id} is to be entered: give its answer"))


def reconcile(store: Store, first: str, second: str, choices: Mapping[str, Choice]) -> str:
    """Record the reconciled inspection of ``first`` (A) and ``second`` (B); returns its id."""
    comparison = compare(store, first, second)
    items = {i.id: i for i in comparison.items}
    check_choices(items, [i.id for i in comparison.differing], choices)
    a, b = comparison.a.inspection, comparison.b.inspection
    rubric = a.rubric
    entered = {k: read(rubric.node(k), c.answer, answer=True) for k, c in choices.items() if c.side == "entered"}
    for item_id, answer in entered.items():
        findings_from_answers(rubric, {item_id: answer})  # AnswerError (one sentence) before anything is written
    inspectors = list(dict.fromkeys([*a.inspectors, *b.inspectors]))
    with store.transaction():
        new = store.inspections.create(rubric, assessee_id=a.assessee_id, assessee_name=a.assessee_name,
                                       inspectors=inspectors, date=max(a.date, b.date),
                                       assessee_group=a.assessee_group)
        marks = {a.id: store.findings.marks(a.id), b.id: store.findings.marks(b.id)}
        for item in rubric.items():
            choice = choices.get(item.id)
            if choice is not None and choice.side == "entered":
                values, item_marks = findings_from_answers(rubric, {item.id: entered[item.id]})
                store.findings.add_many(new, [{"item_id": k, "value": v} for k, v in values])
                mark = item_marks.get(item.id)
            else:
                source = b.id if choice is not None and choice.side == "b" else a.id
                for finding in store.findings.of(source, item.id):
                    copied = store.findings.copy(finding, new)
                    store.photos.copy(finding.id, copied, new)
                mark = marks[source].get(item.id)
            if mark is not None:
                store.findings.set_mark(new, item.id, mark)
        store.reconciliations.add(new, a.id, b.id, [ItemDecision(k, c.side, c.reason.strip())
                                                    for k, c in sorted(choices.items(), key=lambda kv: _order(items, kv[0]))])
    return new


def _order(items: Mapping[str, Any], item_id: str) -> int:
    return list(items).index(item_id)
