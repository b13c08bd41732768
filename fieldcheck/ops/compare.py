"""Double inspections (交叉检查): two inspections of one assessee, compared item by item.

Both scores come from ``ops.scores`` (never recomputed here). Per item the comparison
keeps both answers, both deductions, the findings on each side (with their photos) and
what the item is *worth* on each side: its signed share of the total (−deduction, or
+bonus earned). An item's difference is ``b.worth − a.worth``.

The invariant, exact by construction: ``sum(item differences) + capped == total_b − total_a``.
``capped`` is what pools and caps (扣完N分为止) absorbed; it is zero whenever neither
score has a cap that bit and both have the same maximum, so then the items' differences
add up to the difference of the totals (tests/ops/test_compare.py checks both with
hypothesis). Comparing B with A mirrors comparing A with B.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, to_json
from fieldcheck.engine.rubric import Item
from fieldcheck.engine.rules import NOT_APPLICABLE
from fieldcheck.engine.scoring import NodeScore, ScoreResult
from fieldcheck.errors import UserError
from fieldcheck.i18n import Text, t
from fieldcheck.ops.scores import answers, score_answers
from fieldcheck.store import Store
from fieldcheck.store.records import Inspection, Photo


class CompareError(UserError):
    """Two inspections that cannot be compared item by item; one sentence says why."""


@dataclass(frozen=True)
class FindingShown:
    """A finding as the comparison shows it: its value, note, household and photos."""

    id: str
    value: Any
    note: str
    household_id: str | None
    photos: tuple[Photo, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "value": self.value, "note": self.note, "household": self.household_id,
                "photos": [p.id for p in self.photos]}


@dataclass(frozen=True)
class Scored:
    """One inspection with what the comparison needs: its answers, its score and its findings by item."""

    inspection: Inspection
    answers: dict[str, Any]
    result: ScoreResult
    findings: dict[str, tuple[FindingShown, ...]]


@dataclass(frozen=True)
class Side:
    """One inspection's view of one item."""

    answer: Any
    status: str
    deduction: Decimal
    #: the item's signed share of the total: −deduction, or the bonus it earned
    worth: Decimal
    findings: tuple[FindingShown, ...]

    def to_json(self, item: Item) -> dict[str, Any]:
        return {"answer": self.answer, "answer_text": answer_text(item, self.answer).render(), "status": self.status,
                "deduction": to_json(self.deduction), "worth": to_json(self.worth),
                "findings": [f.to_json() for f in self.findings]}


@dataclass(frozen=True)
class ItemComparison:
    item: Item
    a: Side
    b: Side
    differs: bool

    id = property(lambda self: self.item.id)
    title = property(lambda self: self.item.title)

    @property
    def difference(self) -> Decimal:
        """What taking B's side instead of A's moves the total by, before pools and caps."""
        return self.b.worth - self.a.worth

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item.id, "title": self.item.title, "differs": self.differs,
                "a": self.a.to_json(self.item), "b": self.b.to_json(self.item), "difference": to_json(self.difference)}


@dataclass(frozen=True)
class Comparison:
    a: Scored
    b: Scored
    items: tuple[ItemComparison, ...]

    @property
    def differing(self) -> tuple[ItemComparison, ...]:
        return tuple(i for i in self.items if i.differs)

    @property
    def total_difference(self) -> Decimal:
        return self.b.result.total - self.a.result.total

    @property
    def capped(self) -> Decimal:
        """The part of the totals' difference that pools and caps absorbed (zero when none bit)."""
        return self.total_difference - sum((i.difference for i in self.items), ZERO)

    def to_json(self) -> dict[str, Any]:
        def side(s: Scored) -> dict[str, Any]:
            r = s.result
            return {"inspection": s.inspection.id, "inspectors": s.inspection.inspectors, "date": s.inspection.date,
                    "status": s.inspection.status, "total": to_json(r.total), "max": to_json(r.max),
                    "provisional": r.provisional, "grade": r.grade, "ranked": r.ranked}

        first = self.a.inspection
        return {"assessee": first.assessee_name, "rubric": first.rubric_id, "rubric_version": first.rubric_version,
                "a": side(self.a), "b": side(self.b), "difference": to_json(self.total_difference),
                "capped": to_json(self.capped), "differing": [i.id for i in self.differing],
                "items": [i.to_json() for i in self.items]}


def place_path(store: Store, inspection: Inspection) -> str:
    """Which assessee an inspection is of: its place's path as the list shows it ("衡阳县/西渡镇/梅花村"),
    or its name when it has no place.

    Not the place's id: two laptops of an earlier FieldCheck that each added the same village hold it
    under two ids, and after the merge the leader sees one village inspected twice, not two villages.
    The double inspections and the results group by the same path (``Listed.assessee_path``).
    """
    return store.places.path(inspection.assessee_id) if inspection.assessee_id else inspection.assessee_name


def comparable(store: Store, a: Inspection, b: Inspection) -> None:
    """CompareError unless ``a`` and ``b`` are two live inspections of one assessee on one rubric version."""
    if a.id == b.id:
        raise CompareError(t("请给出两份不同的检查", "give two different inspections"))
    for x in (a, b):
        if x.deleted:
            raise CompareError(t(f"检查 {x.id[:8]} 已删除,请先恢复再对比", f"inspection {x.id[:8]} is deleted; restore it first"))
    if place_path(store, a) != place_path(store, b):
        raise CompareError(t(f"两份检查的被考核单位不同(「{a.assessee_name}」与「{b.assessee_name}」),只能对比同一单位的检查",
                             f"the two inspections are of different assessees ('{a.assessee_name}' and "
                             f"'{b.assessee_name}'); compare inspections of one assessee"))
    if a.rubric_id != b.rubric_id:
        raise CompareError(t(f"两份检查用的细则不同(「{a.rubric_id}」与「{b.rubric_id}」),只能对比同一细则的检查",
                             f"the two inspections use different rubrics ('{a.rubric_id}' and '{b.rubric_id}'); "
                             "compare inspections on one rubric"))
    if a.rubric_version != b.rubric_version:
        raise CompareError(t(f"两份检查用的是同一细则「{a.rubric_id}」的不同版本({a.rubric_version[:8]} 与 "
                             f"{b.rubric_version[:8]}),项目可能不同,不能逐项对比;请按同一版本重新检查",
                             f"the two inspections use different versions of the same rubric '{a.rubric_id}' "
                             f"({a.rubric_version[:8]} and {b.rubric_version[:8]}), whose items may differ; "
                             "inspect again on one version to compare them"))


def scored(store: Store, inspection_id: str) -> Scored:
    """An inspection's answers, score (through ``ops.scores``) and findings with photos, by item."""
    inspection = store.inspections.get(inspection_id)
    derived = answers(store, inspection_id)
    by_item: dict[str, list[FindingShown]] = {}
    for f in store.findings.of(inspection_id):
        by_item.setdefault(f.item_id, []).append(
            FindingShown(f.id, f.value, f.note, f.household_id, tuple(store.photos.of(f.id))))
    return Scored(inspection, derived, score_answers(inspection, derived),
                  {k: tuple(v) for k, v in by_item.items()})


def compare(store: Store, first: str, second: str) -> Comparison:
    """Inspection ``first`` (A) and ``second`` (B) item by item; CompareError if they are not comparable."""
    comparable(store, store.inspections.get(first), store.inspections.get(second))
    return compare_scored(scored(store, first), scored(store, second))


def compare_scored(a: Scored, b: Scored) -> Comparison:
    """The comparison of two scored inspections on one rubric version (``comparable`` checked)."""
    items = []
    for item in a.inspection.rubric.items():
        sa, sb = _side(item, a), _side(item, b)
        differs = canonical(sa.answer) != canonical(sb.answer) or sa.status != sb.status
        items.append(ItemComparison(item, sa, sb, differs))
    return Comparison(a, b, tuple(items))


def _side(item: Item, s: Scored) -> Side:
    node: NodeScore = s.result.nodes[item.id]
    worth = node.score if item.rule.kind == "bonus" else -node.deduction
    return Side(s.answers.get(item.id), node.status, node.deduction, worth, s.findings.get(item.id, ()))


def canonical(answer: Any) -> str:
    """An answer in a form where equal answers are equal: lists of names in any order are one answer."""
    def norm(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        if isinstance(v, list):
            items = [norm(x) for x in v]
            return sorted(items, key=lambda x: json.dumps(x, sort_keys=True, default=str))
        if isinstance(v, Decimal):
            return fmt(v)
        return v

    return json.dumps(norm(answer), sort_keys=True, ensure_ascii=False, default=str)


def answer_text(item: Item, answer: Any) -> Text:
    """An answer as a person reads it, in both languages: 未检查, 不适用, 3 处, 是, the names …"""
    if answer is None:
        return Text("未检查", "not inspected")
    if answer == NOT_APPLICABLE:
        return Text("不适用", "not applicable")
    if isinstance(answer, bool):
        if item.rule.kind in ("bonus", "veto"):
            return Text("有", "yes") if answer else Text("无", "none")
        return Text("达标", "met") if answer else Text("未达标", "not met")
    if isinstance(answer, int):
        return Text(f"{answer} 处", f"{answer} found") if answer else Text("无", "none found")
    if isinstance(answer, dict) and "not_done" in answer:
        return answer_text(item, answer["not_done"]) if answer["not_done"] else Text("全部完成", "all done")
    if isinstance(answer, dict) and "selected" in answer:
        return Text("已选:" + "、".join(map(str, answer["selected"])), "chosen: " + ", ".join(map(str, answer["selected"])))
    if isinstance(answer, list):
        return Text("、".join(map(str, answer)), ", ".join(map(str, answer))) if answer else Text("无缺项", "nothing missing")
    if isinstance(answer, dict) and "actual" in answer:
        target = f" / {answer['target']}" if "target" in answer else ""
        return Text(f"{answer['actual']}{target}", f"{answer['actual']}{target}")
    text = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False, default=str)
    return Text(text, text)
