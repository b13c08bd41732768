"""Findings become the engine's answers, and answers documents become findings, without loss."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.engine.answers import answers_from_findings, findings_from_answers
from fieldcheck.engine.rules import AnswerError
from fieldcheck.engine.scoring import score
from fieldcheck.ops import scores
from fieldcheck.store import Store

VILLAGE = catalog.find("village-work-team")
HENGYANG = catalog.find("hengyang-2015")


@dataclass
class F:
    item_id: str
    value: Any = None


def test_each_rule_form(tmp_path):
    findings = [
        F("2.1.4"), F("2.1.4", 2),                       # per_occurrence: 1 + 2 cases
        F("2.6.2"),                                      # per_event
        F("1.1", "工作计划"), F("1.1", "工作计划"),       # the same element twice is one missing element
        F("1.3", "专门的扶贫会议记录"), F("1.3", None),  # an unnamed one makes it a count
        F("2.4.1", "一本民情日记"),                       # duty_checklist
        F("2.3.2", {"selected": ["宣传栏"]}), F("2.3.2", ["宣传栏", "标语"]),  # min_options: the latest
        F("2.5.4", False), F("2.5.4", True),              # pass_fail: the latest
        F("2.5.5", "满意"), F("2.5.5", "不满意"), F("2.5.5", "基本满意"),  # rating: the worst
        F("4.1", True),                                   # bonus
    ]
    answers = answers_from_findings(VILLAGE, findings, {"2.6.1": "na", "2.1.1": "checked", "3.1.1": "checked",
                                                        "4.2": "checked", "2.6.2": "na"})
    assert answers == {
        "1.1": ["工作计划"], "1.3": 2, "2.1.1": 0, "2.1.4": 3, "2.3.2": {"selected": ["宣传栏", "标语"]},
        "2.4.1": {"not_done": ["一本民情日记"]}, "2.5.4": True, "2.5.5": "不满意", "2.6.1": "na", "2.6.2": "na",
        "4.1": True, "4.2": False,
    }  # 3.1.1 (pass_fail) checked without a value stays unanswered
    score(VILLAGE, answers)  # the engine accepts every derived answer


def test_metric_answers_take_the_latest_value():
    answers = answers_from_findings(HENGYANG, [F("1.1", 15), F("1.1", {"actual": 16, "target": 18}),
                                               F("veto", False)], {})
    assert answers == {"1.1": {"actual": 16, "target": 18}, "veto": False}


def test_unanswered_items_are_absent():
    assert answers_from_findings(VILLAGE, [], {}) == {}


def test_bad_answers_document_is_refused_before_anything_is_derived():
    with pytest.raises(AnswerError, match="2.5.5"):
        findings_from_answers(VILLAGE, {"2.1.4": 2, "2.5.5": "很好"})


# -- property: answers → findings → answers scores the same -------------------------------------------

def _answer_strategy(item):
    kind = item.rule.kind
    na = st.just("na") if item.na_reason else st.nothing()
    if kind in ("per_occurrence", "per_event"):
        return st.one_of(na, st.integers(0, 6))
    if kind == "missing_elements":
        names = item.rule.elements
        return st.one_of(na, st.lists(st.sampled_from(names), unique=True), st.integers(0, len(names)))
    if kind == "duty_checklist":
        names = item.rule.duties
        return st.one_of(na, st.builds(lambda v: {"not_done": v},
                                       st.one_of(st.lists(st.sampled_from(names), unique=True),
                                                 st.integers(0, len(names)))))
    if kind == "min_options":
        names = item.rule.options
        return st.one_of(na, st.builds(lambda v: {"selected": v},
                                       st.one_of(st.lists(st.sampled_from(names), unique=True),
                                                 st.integers(0, len(names)))))
    if kind in ("pass_fail", "bonus", "veto"):
        return st.one_of(na, st.booleans())
    if kind == "rating":
        return st.one_of(na, st.sampled_from(list(item.rule.levels)))
    if item.rule.spec.get("each"):  # 衡阳 6.3: each poor village's amount
        return st.one_of(st.lists(st.integers(0, 60), min_size=1, max_size=8),
                         st.builds(lambda n, short: {"count": n, "shortfall": min(short, 30 * n)},
                                   st.integers(1, 70), st.integers(0, 300)))
    if item.rule.spec.get("parts"):  # 衡阳 二: 到人 and 到户, with their targets
        labels = list(item.rule.spec["parts"])
        return st.one_of(st.integers(0, 100), st.fixed_dictionaries(
            {label: st.builds(lambda a, b: {"actual": a, "target": b}, st.integers(0, 200), st.integers(1, 200))
             for label in labels}))
    return st.one_of(na, st.integers(0, 200), st.builds(lambda a, b: {"actual": a, "target": b},
                                                       st.integers(0, 200), st.integers(1, 200)))


def _documents(rubric):
    items = rubric.items()
    return st.fixed_dictionaries({}, optional={i.id: _answer_strategy(i) for i in items})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=_documents(VILLAGE))
def test_round_trip_village(answers):
    findings, marks = findings_from_answers(VILLAGE, answers)
    derived = answers_from_findings(VILLAGE, [F(i, v) for i, v in findings], marks)
    a, b = score(VILLAGE, answers), score(VILLAGE, derived)
    assert (a.total, a.answered, a.vetoes) == (b.total, b.answered, b.vetoes)
    assert {k: v.deduction for k, v in a.nodes.items()} == {k: v.deduction for k, v in b.nodes.items()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=_documents(HENGYANG))
def test_round_trip_hengyang(answers):
    who = {"name": "衡南县"}
    findings, marks = findings_from_answers(HENGYANG, answers)
    derived = answers_from_findings(HENGYANG, [F(i, v) for i, v in findings], marks)
    try:
        a = score(HENGYANG, answers, who)
    except AnswerError:
        return  # e.g. a target table gap for this assessee: the store refuses the same document
    b = score(HENGYANG, derived, who)
    assert (a.total, a.answered, a.vetoes) == (b.total, b.answered, b.vetoes)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(answers=_documents(VILLAGE))
def test_round_trip_through_a_real_store(tmp_path_factory, answers):
    from fieldcheck.ops.importing import add_inspection_from_answers

    path = tmp_path_factory.mktemp("rt") / "field.db"
    with Store.open(path, device="t", backup_on_close=False, daily_backup=False) as store:
        inspection = add_inspection_from_answers(store, VILLAGE, {"name": "梅花村"}, answers)
        assert scores.score_inspection(store, inspection).total == score(VILLAGE, answers).total


def test_findings_past_an_items_bound_are_said_as_a_total_to_check_not_as_a_number_typed():
    """Two findings of 600 on 2.1.4: before, the item read 发现的处数最多 1000(填的是 1200), though no finding
    held 1200. Unscored either way (1000 is the declared bound: tests/engine/test_score_truth.py), and the
    total is provisional; a count typed as one answer keeps its own sentence."""
    findings = [F("2.1.4", 600), F("2.1.4", 600)]
    result = score(VILLAGE, answers_from_findings(VILLAGE, findings, {}), strict=False)  # as stored ones are
    [unscored] = [u for u in result.unscored if u.item_id == "2.1.4"]
    assert "由各条发现合计为 1200" in unscored.reason.zh and "重复录入" in unscored.reason.zh
    assert "填的是" not in unscored.reason.zh and result.provisional
    [typed] = [u for u in score(VILLAGE, {"2.1.4": 1200}, strict=False).unscored if u.item_id == "2.1.4"]
    assert "(填的是 1200)" in typed.reason.zh
