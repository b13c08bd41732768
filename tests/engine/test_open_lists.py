"""An open list's "其他 (请注明)": 2.3.2's publicity methods beyond 宣传栏, 宣传页, 宣传横幅, 标语 (广播, 微信群)."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.engine.answers import answers_from_values, check_value, findings_from_answers
from fieldcheck.engine.rubric_file import check_text
from fieldcheck.engine.rules import AnswerError
from fieldcheck.engine.scoring import score

VILLAGE = catalog.find("village-work-team")
ITEM = VILLAGE.node("2.3.2")


def outcome(answer):
    result = score(VILLAGE, {"2.3.2": answer})
    return result.nodes["2.3.2"]


def test_the_shipped_publicity_methods_are_an_open_list_with_its_reading_declared():
    assert ITEM.rule.open and ITEM.rule.options == ["宣传栏", "宣传页", "宣传横幅", "标语"]
    assert "其他" in ITEM.describe_rule()
    reading = next(r for r in VILLAGE.readings if r.id == "other-publicity-methods")
    assert reading.nodes == ("2.3.2",) and "广播" in reading.text
    # the result lists the reading once 2.3.2 is answered
    result = score(VILLAGE, {"2.3.2": {"selected": ["宣传栏"], "other": ["广播"]}})
    assert "other-publicity-methods" in [r.id for r in result.readings]


def test_each_other_way_named_counts_as_one():
    met = outcome({"selected": ["宣传栏"], "other": ["广播"]})
    assert met.status == "ok" and met.deduction == 0
    assert "宣传栏、其他:广播" in met.explanation.zh and "other: 广播" in met.explanation.en
    # two other ways, typed in one field with 、 or a comma, are two
    assert outcome({"selected": [], "other": "广播、微信群"}).deduction == 0
    assert outcome({"selected": [], "other": "广播,微信群"}).deduction == 0
    short = outcome({"selected": [], "other": "广播"})
    assert short.status == "deducted" and short.deduction == Decimal(5) and "仅采用 1 种" in short.explanation.zh


@pytest.mark.parametrize("answer, words", [
    ({"selected": ["宣传拦"], "other": ["广播"]}, "没有「宣传拦」"),      # a typo in the list is not an "other"
    ({"selected": ["宣传栏"], "other": ["宣传页"]}, "请直接勾选"),         # a listed way is ticked, not typed
    ({"selected": 1, "other": ["广播"]}, "而不是种数"),                   # a bare count cannot say which
    ({"selected": ["宣传栏"], "other": 2}, "应写明方式的名称"),
    ({"selected": ["宣传栏"], "other": ["广播", "广播"]}, "写了两次"),
    ({"selected": ["宣传栏"], "other": ["x" * 61]}, "一串名称"),
    ({"selected": ["宣传栏"], "other": ["广播"], "extra": 1}, "selected"),
])
def test_what_other_cannot_be_is_refused_in_one_sentence(answer, words):
    with pytest.raises(AnswerError) as refused:
        ITEM.rule.parse("2.3.2", answer)
    assert words in str(refused.value.text.zh)


TINY = textwrap.dedent("""\
    id: tiny
    title: 小细则
    source: 测试
    children:
      - id: "1"
        title: 一节
        points: 5
        children:
          - id: "1.1"
            title: 方式
            points: 5
            rule:
              type: min_options
              minimum: 2
              options: [甲, 乙]
    """)


def test_a_closed_list_refuses_other():
    closed, problems = check_text(TINY)
    assert closed is not None, problems
    with pytest.raises(AnswerError, match="只能从所列方式中选择"):
        closed.node("1.1").rule.parse("1.1", {"selected": ["甲"], "other": ["广播"]})


def test_the_loader_takes_open_on_a_list_of_options_and_refuses_what_is_not_true_or_false():
    text = TINY + "          open: true\n"
    rubric, problems = check_text(text)
    assert rubric is not None and rubric.node("1.1").rule.open, problems
    _, problems = check_text(text.replace("open: true", "open: 是"))
    assert any(p.severity == "error" and "open" in p.message and p.line == 13 for p in problems), problems


def test_the_store_keeps_other_as_names_and_answers_files_round_trip():
    value = check_value(ITEM, {"selected": ["宣传栏"], "other": " 广播 、微信群,"})
    assert value == {"selected": ["宣传栏"], "other": ["广播", "微信群"]}
    answers = {"2.3.2": {"selected": ["宣传页"], "other": ["广播"]}}
    findings, marks = findings_from_answers(VILLAGE, answers)
    assert findings == [("2.3.2", {"selected": ["宣传页"], "other": ["广播"]})] and marks == {}
    assert answers_from_values(VILLAGE, findings, marks) == answers


names = st.text(alphabet="广播微信群大喇叭村村响", min_size=1, max_size=6)


@given(st.lists(st.sampled_from(ITEM.rule.options), unique=True), st.lists(names, unique=True, max_size=6))
def test_met_exactly_when_the_listed_and_the_other_ways_reach_the_minimum(listed, other):
    node = outcome({"selected": listed, "other": other} if other else {"selected": listed})
    assert (node.deduction == 0) == (len(listed) + len(other) >= 2)
    assert node.deduction in (0, Decimal(5))
