"""Each rule form on a small rubric, and the answers each one refuses."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from fieldcheck import i18n
from fieldcheck.engine.rubric_file import load_text
from fieldcheck.engine.rules import AnswerError
from fieldcheck.engine.scoring import score

D = Decimal

FORMS = load_text(textwrap.dedent("""\
    id: forms
    title: 规则样例
    source: 测试
    groups: [县市, 区]
    grades: [{min: 90, label: 优秀}, {min: 60, label: 合格}, {min: 0, label: 不合格}]
    targets:
      columns: [户数]
      rows:
        - {name: 甲县, group: 县市, values: {户数: 10}}
        - {name: 乙区, group: 区, values: {户数: 4}}
    children:
      - id: "1"
        title: 扣分
        points: 50
        children:
          - {id: "1.1", title: 按次, points: 10, rule: {type: per_occurrence, deduct: 2}}
          - {id: "1.2", title: 缺项, points: 10, cap: "1", rule: {type: missing_elements, deduct: 3, elements: [甲, 乙, 丙, 丁]}}
          - {id: "1.3", title: 清单, points: 10, rule: {type: duty_checklist, deduct: 10, duties: [一, 二, 三]}}
          - {id: "1.4", title: 方式, points: 10, rule: {type: min_options, minimum: 2, options: [A, B, C]}}
          - {id: "1.5", title: 达标, points: 10, rule: {type: pass_fail}}
      - id: "2"
        title: 指标
        points: 40
        children:
          - {id: "2.1", title: 整步向下, points: 10, rule: {type: metric, target: 100, step: 10, per_step: 1, rounding: floor}}
          - {id: "2.2", title: 整步向上, points: 10, rule: {type: metric, target: 100, step: 10, per_step: 1, rounding: ceil}}
          - {id: "2.3", title: 分组, points: 10, rule: {type: metric, target: {column: 户数}, step: 1, per_step: {县市: 0.3, 区: 1}}}
          - {id: "2.4", title: 比例, points: 10, rule: {type: proportional, target: 3}}
      - id: "3"
        title: 评价与事件
        points: 10
        children:
          - {id: "3.1", title: 评价, points: 5, rule: {type: rating, levels: {好: 5, 中: 2, 差: 0}}}
          - {id: "3.2", title: 事件, points: 5, cap: "3", rule: {type: per_event, deduct: 5}}
      - id: "4"
        title: 加分
        points: 6
        kind: bonus
        children:
          - {id: "4.1", title: 加甲, points: 4, rule: {type: bonus, add: 4}}
          - {id: "4.2", title: 加乙, points: 4, rule: {type: bonus, add: 4}}
      - {id: "5", title: 否决, points: 0, rule: {type: veto, reason: 违规}}
    """))


def s(answers, assessee=None):
    return score(FORMS, answers, assessee)


def ded(answers, item, assessee=None):
    return s(answers, assessee).nodes[item].deduction


def test_per_occurrence_is_capped_at_its_own_points_without_a_pool():
    assert ded({"1.1": 3}, "1.1") == 6
    assert ded({"1.1": 9}, "1.1") == 10  # 扣完为止: its own 10
    assert "封顶" in str(s({"1.1": 9}).nodes["1.1"].explanation)


def test_missing_elements_by_name_or_count():
    assert ded({"1.2": ["甲", "丙"]}, "1.2") == 6
    assert ded({"1.2": 4}, "1.2") == 12  # pooled in 1: may pass its own 10
    assert s({"1.2": 4}).nodes["1.2"].score == 0


def test_duty_checklist_is_all_or_nothing():
    assert ded({"1.3": {"not_done": []}}, "1.3") == 0
    assert ded({"1.3": {"not_done": ["二"]}}, "1.3") == 10
    assert ded({"1.3": {"not_done": 3}}, "1.3") == 10


def test_minimum_options():
    assert ded({"1.4": {"selected": ["A"]}}, "1.4") == 10
    assert ded({"1.4": {"selected": ["A", "C"]}}, "1.4") == 0
    assert ded({"1.4": {"selected": 3}}, "1.4") == 0


def test_pass_fail():
    assert ded({"1.5": True}, "1.5") == 0 and ded({"1.5": False}, "1.5") == 10


def test_whole_steps_floor_and_ceil():
    assert ded({"2.1": 75}, "2.1") == 2  # 25 short = 2.5 steps, floor 2
    assert ded({"2.2": 75}, "2.2") == 3  # ceil 3
    assert ded({"2.1": 100}, "2.1") == 0 and ded({"2.2": 120}, "2.2") == 0


def test_group_steps_from_the_target_table():
    assert ded({"2.3": 7}, "2.3", {"name": "甲县"}) == D("0.9")
    assert ded({"2.3": 1}, "2.3", {"name": "乙区"}) == 3


def test_proportional():
    assert s({"2.4": 2}).nodes["2.4"].score == D("6.67")  # 10 × 2/3, 四舍五入保留两位小数
    assert "四舍五入保留两位小数" in str(s({"2.4": 2}).nodes["2.4"].explanation)
    assert s({"2.4": 3}).nodes["2.4"].score == 10
    assert s({"2.4": 5}).nodes["2.4"].score == 10  # at most the points
    assert s({"2.4": {"actual": 1, "target": 4}}).nodes["2.4"].score == D("2.5")


def test_rating_and_events():
    assert ded({"3.1": "中"}, "3.1") == 3
    assert ded({"3.2": 2}, "3.2") == 10 and s({"3.2": 2}).nodes["3"].score == 0


def test_bonus_capped_by_section_and_veto():
    r = s({"4.1": True, "4.2": True, "5": True})
    assert r.nodes["4"].score == 6 and r.total == 106 and r.max == 106
    assert not r.ranked and r.vetoes == ["违规"]


def test_grades():
    assert s({}).grade == "优秀"
    assert s({"1.5": False, "1.3": {"not_done": 1}, "1.4": {"selected": 0}, "2.4": 0}).grade == "合格"
    assert s({"1.5": False, "1.3": {"not_done": 1}, "1.4": {"selected": 0}, "2.4": 0, "2.1": 0}).grade == "不合格"


def test_not_applicable_and_unanswered():
    r = s({"1.5": "na"})
    assert r.nodes["1.5"].status == "na" and r.nodes["1.5"].deduction == 0
    assert r.answered == 1 and not r.complete
    assert r.nodes["1.1"].status == "unanswered"


@pytest.mark.parametrize("item,answer,message", [
    ("9.9", 1, "项目 9.9:细则中没有这个项目编号"),
    ("1.1", -1, "项目 1.1:发现次数不能为负数,收到 -1"),
    ("1.1", "三", "项目 1.1:需要一个非负整数(发现次数),收到 '三'"),
    ("1.1", True, "项目 1.1:需要一个非负整数(发现次数),收到 True"),
    ("1.1", 1.5, "项目 1.1:需要一个非负整数(发现次数),收到 1.5"),
    ("1.2", ["戊"], "项目 1.2:未知选项「戊」,可选:甲、乙、丙、丁"),
    ("1.2", ["甲", "甲"], "项目 1.2:「甲」重复"),
    ("1.2", 5, "项目 1.2:缺少的项最多 4 项,收到 5"),
    ("1.3", ["一"], '项目 1.3:需要 {"not_done": 未完成的职责名称或数目}'),
    ("1.4", {"selected": ["D"]}, "项目 1.4:未知选项「D」,可选:A、B、C"),
    ("1.5", "yes", "项目 1.5:需要 true(达标)或 false(未达标),收到 'yes'"),
    ("2.1", "很多", "项目 2.1:需要一个数值,收到 '很多'"),
    ("2.1", -3, "项目 2.1:数值不能为负数,收到 -3"),
    ("2.1", {"target": 3}, '项目 2.1:需要数值,或 {"actual": 实际值, "target": 目标值}'),
    ("3.1", "极好", "项目 3.1:未知评价「极好」,可选:好、中、差"),
    ("4.1", 1, "项目 4.1:需要 true(加分)或 false,收到 1"),
])
def test_bad_answers_name_the_item(item, answer, message):
    with pytest.raises(AnswerError) as info:
        s({item: answer})
    assert str(info.value) == message
    assert info.value.item_id == item


def test_a_group_dependent_step_needs_the_group():
    with pytest.raises(AnswerError, match="请给出被考核单位的分组"):
        s({"2.3": {"actual": 1, "target": 4}})
    with pytest.raises(AnswerError, match="分组「市」未知"):
        s({}, {"name": "丙", "group": "市"})


def test_a_table_target_for_an_unknown_assessee_asks_for_the_target():
    with pytest.raises(AnswerError, match="目标表中没有「丙县」的「户数」"):
        s({"2.3": 3}, {"name": "丙县", "group": "县市"})


def test_english_messages():
    with i18n.using("en"):
        with pytest.raises(AnswerError) as info:
            s({"1.1": -2})
        assert str(info.value) == "item 1.1: number of cases cannot be negative, got -2"


def test_a_result_renders_in_the_language_asked_for_whatever_the_default():
    # The window is in English; the score sheet of the same result is Chinese.
    i18n.set_default("en")
    try:
        result = s({"1.1": 9})
        explanation = result.nodes["1.1"].explanation
        assert str(explanation).startswith("9 case(s)")
        assert explanation.render("zh").startswith("发现 9 处")
        with i18n.using("zh"):
            assert str(explanation).startswith("发现 9 处")
            assert result.to_json()["trace"][0]["text"].startswith("发现 9 处")
        assert result.to_json()["trace"][0]["text"].startswith("9 case(s)")
    finally:
        i18n.set_default(None)


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.delenv("FIELDCHECK_LANG")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert i18n.from_environment() == "zh"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert i18n.from_environment() == "en"
    monkeypatch.setenv("FIELDCHECK_LANG", "zh")
    assert i18n.from_environment() == "zh"
