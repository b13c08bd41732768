"""已检查 (looked at, nothing found) means one thing on every rule form (``answers.checked_effect``).

It answers the item where "no finding" is a valid answer (nothing deducted, no bonus, no
veto); once findings are recorded they are the answer and the mark is moot; on a form that
needs a value (met or not, a rating, a number, the options used) it answers nothing.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldcheck.engine.answers import ANSWERS, MOOT, NEEDS_VALUE, NOTHING_FOUND, checked_effect, item_answer
from fieldcheck.engine.rubric_file import load_text
from fieldcheck.engine.rules import RULES
from fieldcheck.engine.scoring import score

#: one item of every rule form
EVERY_FORM = load_text(textwrap.dedent("""\
    id: every-form
    title: 每种规则一条
    source: 测试
    children:
      - id: "1"
        title: 扣分
        points: 100
        children:
          - {id: "1.1", title: 按次, points: 10, rule: {type: per_occurrence, deduct: 2}}
          - {id: "1.2", title: 按事件, points: 10, rule: {type: per_event, deduct: 5}}
          - {id: "1.3", title: 缺项, points: 10, rule: {type: missing_elements, deduct: 2, elements: [甲, 乙, 丙]}}
          - {id: "1.4", title: 职责, points: 10, rule: {type: duty_checklist, deduct: 10, duties: [一, 二]}}
          - {id: "1.5", title: 方式, points: 10, rule: {type: min_options, minimum: 2, options: [栏, 页, 标语]}}
          - {id: "1.6", title: 达标, points: 10, rule: {type: pass_fail}}
          - {id: "1.7", title: 满意度, points: 10, rule: {type: rating, levels: {满意: 10, 不满意: 0}}}
          - {id: "1.8", title: 指标, points: 10, rule: {type: metric, target: 100, step: 10, per_step: 1, unit: "%"}}
          - {id: "1.9", title: 比例, points: 10, rule: {type: proportional, target: 10}}
          - {id: "1.10", title: 否决, rule: {type: veto, reason: 弄虚作假}}
      - id: "2"
        title: 加分
        kind: bonus
        points: 5
        children:
          - {id: "2.1", title: 加分, rule: {type: bonus, add: 5}}
    """))
ITEMS = {item.rule.kind: item for item in EVERY_FORM.items()}

#: a valid finding value of each form
VALUES = {
    "per_occurrence": st.one_of(st.none(), st.integers(1, 3)),
    "per_event": st.one_of(st.none(), st.integers(1, 3)),
    "missing_elements": st.sampled_from([None, "甲", "乙", "丙"]),
    "duty_checklist": st.sampled_from([None, "一", "二"]),
    "min_options": st.lists(st.sampled_from(["栏", "页", "标语"]), unique=True).map(lambda s: {"selected": s}),
    "pass_fail": st.booleans(),
    "rating": st.sampled_from(["满意", "不满意"]),
    "metric": st.integers(0, 150),
    "proportional": st.integers(0, 20),
    "veto": st.booleans(),
    "bonus": st.booleans(),
}


def test_the_forms_are_split_once_into_nothing_found_and_needs_a_value():
    assert set(ITEMS) == set(RULES) == set(VALUES)
    assert set(NOTHING_FOUND) == {"per_occurrence", "per_event", "missing_elements", "duty_checklist", "bonus", "veto"}


@pytest.mark.parametrize("kind", sorted(RULES))
def test_looked_at_with_nothing_found(kind):
    item = ITEMS[kind]
    answer = item_answer(item, [], "checked")
    effect = checked_effect(item, False, "checked")
    node = score(EVERY_FORM, {item.id: answer} if answer is not None else {}).nodes[item.id]
    if kind in NOTHING_FOUND:
        assert effect == ANSWERS and answer is not None
        assert node.status not in ("unanswered", "deducted", "bonus", "veto")
        assert node.deduction == 0
        assert node.score == (0 if kind == "bonus" else node.max)  # nothing earned, nothing lost
    else:
        assert effect == NEEDS_VALUE and answer is None and node.status == "unanswered"
    assert checked_effect(item, False, None) is None and checked_effect(item, False, "na") is None


@given(st.sampled_from(sorted(RULES)).flatmap(lambda k: st.tuples(st.just(k), st.lists(VALUES[k], min_size=1,
                                                                                      max_size=4))))
def test_once_findings_are_recorded_the_mark_is_moot(case):
    kind, values = case
    item = ITEMS[kind]
    if kind not in ("per_occurrence", "per_event", "missing_elements", "duty_checklist", "rating"):
        values = values[-1:]  # the value forms keep one (the latest) value finding
    assert checked_effect(item, True, "checked") == MOOT
    marked = item_answer(item, values, "checked")
    assert marked == item_answer(item, values, None) and marked is not None
    result = score(EVERY_FORM, {item.id: marked})
    assert result.nodes[item.id].status != "unanswered"


def test_a_deduction_then_its_removal_brings_nothing_found_back():
    item = ITEMS["per_occurrence"]
    assert score(EVERY_FORM, {item.id: item_answer(item, [None], "checked")}).nodes[item.id].deduction == Decimal(2)
    assert score(EVERY_FORM, {item.id: item_answer(item, [], "checked")}).nodes[item.id].deduction == 0
