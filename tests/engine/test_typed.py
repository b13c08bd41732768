"""A value typed by a person (the compare view's 填写, a conflict's value, ``inspection set``), read by the item's form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_rules import FORMS  # the small rubric of every rule form: its 1.4 is a closed list

from fieldcheck import i18n
from fieldcheck.engine import catalog
from fieldcheck.engine.answers import check_value, findings_from_answers
from fieldcheck.engine.rules import AnswerError
from fieldcheck.engine.scoring import score
from fieldcheck.engine.typed import read

RUBRIC = catalog.find("village-work-team")


def item(item_id):
    return RUBRIC.node(item_id)


@pytest.mark.parametrize("item_id,typed,answer,expected", [
    ("2.1.1", "三", True, 3),  # per case: a Chinese numeral, a full-width digit, a unit after it
    ("2.1.1", "３处", True, 3),
    ("2.1.1", "十二处", False, 12),
    ("2.1.1", " 4 ", True, 4),
    ("3.1.3", "作战图、扶贫档案", True, ["作战图", "扶贫档案"]),  # missing elements, named
    ("3.1.3", "两项", True, 2),
    ("3.1.3", "作战图", False, "作战图"),  # one finding names one element
    ("2.3.2", "宣传栏,标语", True, {"selected": ["宣传栏", "标语"]}),  # the ways used, as listed
    ("2.3.2", "二", True, {"selected": 2}),
    ("2.3.2", "宣传栏 标语", True, {"selected": ["宣传栏", "标语"]}),  # spaces between, not one unlisted way
    ("2.4.1", "一张贫困村出列、贫困户脱贫作战图;一本民情日记", True,  # a duty whose name holds a 、
     {"not_done": ["一张贫困村出列、贫困户脱贫作战图", "一本民情日记"]}),
    ("2.3.2", "不适用", True, "na"),
    ("2.5.5", "满意", True, "满意"),  # ratings and yes/no words: the rule reads its own
    ("2.3.2", '{"selected": ["标语"]}', True, {"selected": ["标语"]}),  # JSON as scripts write it
    ("2.1.1", "3", False, 3),
])
def test_what_a_leader_types_is_read_by_the_form(item_id, typed, answer, expected):
    assert read(item(item_id), typed, answer=answer) == expected


def test_an_open_list_takes_ways_it_does_not_list_as_other():
    node = item("2.3.2")
    assert node.rule.spec.get("open")
    assert read(node, "宣传栏、广播", answer=True) == {"selected": ["宣传栏"], "other": ["广播"]}
    assert read(node, "宣传栏、墙体标语", answer=True) == {"selected": ["宣传栏"], "other": ["墙体标语"]}  # not 标语
    assert score(RUBRIC, {"2.3.2": read(node, "宣传栏、广播", answer=True)}).nodes["2.3.2"].deduction == 0


def test_a_closed_list_refuses_a_way_it_does_not_list_and_names_those_it_does():
    closed = FORMS.node("1.4")
    assert read(closed, "A、D", answer=True) == {"selected": ["A", "D"]}
    with i18n.using("zh"), pytest.raises(AnswerError) as info:
        score(FORMS, {"1.4": read(closed, "A、D", answer=True)})
    assert "没有「D」这一项,可选:A、B、C" in str(info.value)
    assert read(closed, "两种", answer=True) == {"selected": 2}


@pytest.mark.parametrize("typed,met", [("达标", True), ("未达标", False), ("是", True), ("否", False),
                                      ("true", True), ("False", False), ("met", True), ("not met", False)])
def test_met_or_not_is_read_from_the_words_and_kept_as_a_tick(typed, met):
    node = item("2.5.4")
    assert node.rule.kind == "pass_fail"
    assert check_value(node, read(node, typed)) is met  # stored as the window's tick stores it
    values, _ = findings_from_answers(RUBRIC, {"2.5.4": read(node, typed, answer=True)})
    assert score(RUBRIC, {"2.5.4": values[0][1]}, strict=False).nodes["2.5.4"].deduction == (0 if met else node.points)


def test_a_word_that_is_not_yes_or_no_is_refused_with_the_words_to_use():
    with i18n.using("zh"), pytest.raises(AnswerError) as info:
        check_value(item("2.5.4"), read(item("2.5.4"), "也许"))
    assert "请填「达标」或「未达标」(也可填 是、否)" in str(info.value) and "true" not in str(info.value)


@given(st.text(max_size=30) | st.text("0123456789", min_size=4000, max_size=6000))
def test_anything_typed_is_either_read_or_refused_in_one_sentence(text):
    for item_id in ("2.1.1", "3.1.3", "2.3.2", "2.5.4", "2.5.5"):
        node = item(item_id)
        value = read(node, text)
        try:
            check_value(node, value)
        except AnswerError as exc:
            assert str(exc) and "\n" not in str(exc)
