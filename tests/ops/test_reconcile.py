"""Recording a reconciled result: a new inspection linked to both, the originals unchanged, and counted."""

from __future__ import annotations

from decimal import Decimal

import pytest
from doublekit import double_inspection
from sheetkit import RUBRIC, lock_as_signed

from fieldcheck.errors import UserError
from fieldcheck.ops.compare import CompareError, canonical, compare
from fieldcheck.ops.doubles import doubles
from fieldcheck.ops.reconcile import Choice, reconcile
from fieldcheck.ops.scores import answers, score_inspection
from fieldcheck.results.counting import count


def _state(store, inspection_id):
    """What a person could see change: the answers, the status, and the inspection's events."""
    return (answers(store, inspection_id), store.inspections.get(inspection_id).status,
            store.connection.execute("SELECT count(*) FROM audit WHERE inspection_id = ?", (inspection_id,)).fetchone())


def test_the_reconciled_inspection_has_the_answers_picked_and_the_originals_stay(store):
    a, b = double_inspection(store)
    before = {a: _state(store, a), b: _state(store, b)}
    new = reconcile(store, a, b, {"2.1.1": Choice("b", "复核台账,确有5处漏填"),
                                  "2.5.5": Choice("a", "回访王建国家,表示满意")})
    assert {a: _state(store, a), b: _state(store, b)} == before
    got, first, second = answers(store, new), answers(store, a), answers(store, b)
    assert canonical(got["2.1.1"]) == canonical(second["2.1.1"])
    assert got["2.5.5"] == first["2.5.5"] == "满意"
    assert {k: canonical(v) for k, v in got.items() if k not in ("2.1.1", "2.5.5")} == \
        {k: canonical(v) for k, v in first.items() if k not in ("2.1.1", "2.5.5")}
    assert score_inspection(store, new).total == score_inspection(store, a).total - 4
    # B's photos came along with the findings taken from B
    assert sum(len(store.photos.of(f.id)) for f in store.findings.of(new, "2.1.1")) == 2
    link = store.reconciliations.of(new)
    assert link.originals == (a, b)
    assert [(d.item_id, d.side, d.reason) for d in link.items] == [
        ("2.1.1", "b", "复核台账,确有5处漏填"), ("2.5.5", "a", "回访王建国家,表示满意")]
    reconciled = store.inspections.get(new)
    assert reconciled.status == "draft" and reconciled.assessee_id == store.inspections.get(a).assessee_id
    assert reconciled.inspectors == ["张三", "李四", "王五", "赵六"]
    assert doubles(store)[0].reconciled == new


def test_an_entered_answer(store):
    a, b = double_inspection(store)
    new = reconcile(store, a, b, {"2.1.1": Choice("entered", "组长复核为4处", 4),
                                  "2.5.5": Choice("entered", "不适用的说法不成立,按基本满意", "基本满意")})
    got = answers(store, new)
    assert got["2.1.1"] == 4 and got["2.5.5"] == "基本满意"


def test_every_differing_item_needs_a_side_and_a_reason_and_nothing_is_half_written(store):
    a, b = double_inspection(store)
    inspections = len(store.inspections.ids())
    with pytest.raises(CompareError, match="2.5.5"):
        reconcile(store, a, b, {"2.1.1": Choice("b", "复核")})
    with pytest.raises(CompareError, match="理由"):
        reconcile(store, a, b, {"2.1.1": Choice("b", "  "), "2.5.5": Choice("a", "回访")})
    with pytest.raises(UserError):  # an entered answer the rule refuses
        reconcile(store, a, b, {"2.1.1": Choice("entered", "复核", "很多"), "2.5.5": Choice("a", "回访")})
    with pytest.raises(CompareError, match="9.9"):
        reconcile(store, a, b, {"2.1.1": Choice("b", "复核"), "2.5.5": Choice("a", "回访"), "9.9": Choice("a", "x")})
    assert len(store.inspections.ids()) == inspections
    assert store.reconciliations.all() == []


def test_results_count_the_reconciled_inspection_and_the_two_are_no_longer_a_problem(store):
    a, b = double_inspection(store)
    lock_as_signed(store, a)
    lock_as_signed(store, b)
    before = count(store, RUBRIC.id)
    assert before.counted == [] and set(before.conflicts[0].inspections) == {a, b}

    new = reconcile(store, a, b, {"2.1.1": Choice("b", "复核"), "2.5.5": Choice("a", "回访")})
    after = count(store, RUBRIC.id)
    assert after.conflicts == []
    assert [c.row.id for c in after.counted] == [new]
    assert after.counted[0].draft  # marked as a draft until the leader signs it
    assert after.counted[0].result.total == score_inspection(store, a).total - Decimal(4)
    lock_as_signed(store, new)
    assert not count(store, RUBRIC.id).counted[0].draft

    # a third signed inspection the reconciliation did not settle reopens the question
    third = store.duplicate_inspection(a)
    lock_as_signed(store, third)
    assert count(store, RUBRIC.id).conflicts


def test_a_reconciled_result_reconciled_again_counts_the_latest(store):
    a, b = double_inspection(store)
    for x in (a, b):
        lock_as_signed(store, x)
    first = reconcile(store, a, b, {"2.1.1": Choice("b", "复核"), "2.5.5": Choice("a", "回访")})
    lock_as_signed(store, first)
    third = store.duplicate_inspection(b)
    lock_as_signed(store, third)
    assert count(store, RUBRIC.id).conflicts
    c = compare(store, first, third)
    again = reconcile(store, first, third, {i.id: Choice("a", "以核对结果为准") for i in c.differing})
    counting = count(store, RUBRIC.id)
    assert counting.conflicts == [] and [x.row.id for x in counting.counted] == [again]
