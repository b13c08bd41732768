"""Rubric files a county edits by hand: every slip is one problem with its line, never a traceback.

Table-driven cases for the slips the issue names (a list written as one string, numbers in
words, rating levels without points, …), then hypothesis: mutate the shipped rubrics at
random and feed arbitrary text; ``check_text`` must always answer with problems or a
rubric, and a rubric it accepts must score any answers without anything but AnswerError.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck import i18n
from fieldcheck.cli import main
from fieldcheck.engine.rubric_file import check_text
from fieldcheck.engine.rules import AnswerError
from fieldcheck.engine.scoring import score

ROOT = Path(__file__).resolve().parents[2]

BASE = textwrap.dedent("""\
    id: tiny
    title: 小细则
    source: 测试
    children:
      - id: "1"
        title: 一节
        points: 20
        children:
          - id: "1.1"
            title: 十个一
            points: 10
            rule:
              type: duty_checklist
              deduct: 10
              duties: [一本民情日记, 一张作战图]
          - id: "1.2"
            title: 宣传
            points: 5
            rule: {type: min_options, minimum: 2, options: [宣传栏, 标语]}
          - id: "1.3"
            title: 满意度
            points: 5
            rule:
              type: rating
              levels: {满意: 5, 不满意: 0}
    """)


def errors(text: str) -> list[tuple[int, str]]:
    with i18n.using("zh"):
        _, found = check_text(text, "x.yaml")
    return [(p.line, p.message) for p in found if p.severity == "error"]


def test_the_base_is_valid():
    assert errors(BASE) == []


@pytest.mark.parametrize("old,new,line,phrase", [
    # duties: 一本民情日记、一张作战图 once became 12 one-character duties
    ("duties: [一本民情日记, 一张作战图]", "duties: 一本民情日记、一张作战图", 15, "应写成列表"),
    ("options: [宣传栏, 标语]", "options: 宣传栏,标语", 19, "应写成列表"),
    ("minimum: 2", "minimum: two", 19, "1.2 minimum应是不小于 1 的整数"),
    ("minimum: 2", "minimum: 2.5", 19, "应是不小于 1 的整数"),
    ("levels: {满意: 5, 不满意: 0}", "levels: {满意: 5, 不满意: }", 25, "「不满意」没有写分值"),
    ("levels: {满意: 5, 不满意: 0}", "levels: [满意, 不满意]", 25, "评价等级应写成"),
    ("levels: {满意: 5, 不满意: 0}", "levels: {满意: 五, 不满意: 0}", 25, "应是一个数"),
    ("deduct: 10", "deduct: 十分", 14, "1.1 deduct应是一个数"),
    ("points: 10", "points: ten", 11, "1.1 的分值应是一个数"),
    ("points: 20", "points: [20]", 7, "1 的分值应是一个数"),
    ("type: duty_checklist", "type: [duty_checklist]", 13, "规则类型"),
    ("title: 满意度", "title: {a: 1}", 21, "「title」应是一段文字"),
])
def test_a_slip_is_one_problem_with_its_line(old, new, line, phrase):
    assert old in BASE
    found = errors(BASE.replace(old, new))
    assert found, new
    assert any(ln == line and phrase in msg for ln, msg in found), found


@pytest.mark.parametrize("extra,phrase", [
    ("targets: {columns: [户数], rows: [{name: 甲, values: {户数: abc}}]}", "甲 户数应是一个数"),
    ("targets: {columns: 户数, rows: []}", "两个列表"),
    ("groups: 县市、区", "groups应写成列表"),
    ("grades: [{min: eighty, label: 合格}]", "等级下限应是一个数"),
    ("readings: [{id: r, text: 说明, items: [9.9]}]", "「9.9」不是本细则的编号"),
    ("readings: [{id: r, text: 说明, items: 1.1}]", "应写成列表"),
    ("readings: [{id: r}]", "需要 id 和一句说明"),
])
def test_top_level_slips(extra, phrase):
    found = errors(BASE + extra + "\n")
    assert any(phrase in msg for _, msg in found), found


def test_metric_targets_must_be_numbers_or_columns():
    old = '      - id: "1.3"'
    assert old in BASE
    text = BASE.replace(old, '      - {id: "1.4", title: 指标, points: 0, rule: {type: metric, target: "abc", step: 1, per_step: 1}}\n'
                        + old)
    assert any("1.4 target应是一个数" in m for _, m in errors(text)), errors(text)


def test_aliases_and_deep_nesting_are_refused():
    assert errors("a: &x [1]\nb: *x\n")[0][1].startswith("YAML")
    assert errors("[" * 20000 + "]" * 20000)
    deep = BASE
    for _ in range(12):
        deep = deep.replace('rule: {type: min_options, minimum: 2, options: [宣传栏, 标语]}',
                            'children: [{id: "x", title: 深, points: 5, rule: {type: min_options, minimum: 2, '
                            'options: [宣传栏, 标语]}}]', 1)
    assert errors(deep)


def test_validate_names_file_and_line(tmp_path, capsys):
    path = tmp_path / "county.yaml"
    path.write_text(BASE.replace("duties: [一本民情日记, 一张作战图]", "duties: 一本民情日记、一张作战图"), encoding="utf-8")
    with i18n.using("zh"):
        code = main(["rubric", "validate", str(path)])
    out = capsys.readouterr()
    assert code == 1
    assert f"{path}:15:" in out.out + out.err and "Traceback" not in out.err


# --- fuzz ------------------------------------------------------------------------------------------

SHIPPED = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "rubrics").glob("*.yaml")}

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(),
                    st.text(max_size=8), st.sampled_from(["two", "1e999", "一本、两本", "-3", "0"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)


def _paths(node, trail=()):
    yield trail
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*trail, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*trail, i))


def _replace(node, trail, value):
    if not trail:
        return value
    head, rest = trail[0], trail[1:]
    if isinstance(node, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in node.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(node)]


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(SHIPPED)))
    data = SHIPPED[name]
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        trail = draw(st.sampled_from(paths))
        data = _replace(data, trail, draw(VALUES))
    return yaml.safe_dump(data, allow_unicode=True)


def _answer_for(rule, draw_value):
    return draw_value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(), answers=st.dictionaries(st.sampled_from(["1", "1.1", "1.2", "2", "2.1.1", "2.7", "6.3", "4"]),
                                                VALUES, max_size=4))
def test_a_mutated_rubric_is_refused_or_scores_without_a_traceback(text, answers):
    rubric, found = check_text(text, "m.yaml")
    assert rubric is not None or any(p.severity == "error" for p in found)
    for p in found:
        assert p.line >= 0 and p.message and "\n" not in p.message
    if rubric is not None:
        for candidate in (answers, {}):
            try:
                result = score(rubric, candidate, None, strict=False)
                result.to_json()
                score(rubric, candidate)
            except AnswerError:
                pass


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_is_refused_or_read(text):
    rubric, found = check_text(text, "t.yaml")
    assert rubric is not None or found
