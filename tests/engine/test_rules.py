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
          - {id: "1.5", title: 达标, points: 10, na: 本单位没有这项工作, rule: {type: pass_fail}}
      - id: "2"
        title: 指标
        points: 40
        children:
          - {id: "2.1", title: 整步向下, points: 10, rule: {type: metric, target: 100, step: 10, per_step: 1, rounding: floor}}
          - {id: "2.2", title: 整步向上, points: 10, rule: {type: metric, target: 100, step: 10, per_step: 1, rounding: ceil}}
          - {id: "2.3", title: 分组, points: 10, rule: {type: metric, target: {column: 户数}, step: 1, per_step: {县市: 0.3, 区: 1}}}
          - {id: "2.4", title: 比例, points: 5, rule: {type: proportional, target: 3}}
          - {id: "2.5", title: 投入, points: 5, rule: {type: metric, unit: 万元, target: 30, step: 3, per_step: 0.5}}
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
    assert s({"2.4": 2}).nodes["2.4"].score == D("3.33")  # 5 × 2/3, 四舍五入保留两位小数
    assert "四舍五入保留两位小数" in s({"2.4": 2}).nodes["2.4"].explanation.render("zh")
    assert s({"2.4": 3}).nodes["2.4"].score == 5
    assert s({"2.4": 5}).nodes["2.4"].score == 5  # at most the points
    assert s({"2.4": {"actual": 1, "target": 4}}).nodes["2.4"].score == D("1.25")


def test_rating_and_events():
    assert ded({"3.1": "中"}, "3.1") == 3
    assert ded({"3.2": 2}, "3.2") == 10 and s({"3.2": 2}).nodes["3"].score == 0


def test_bonus_capped_by_section_and_veto():
    r = s({"4.1": True, "4.2": True, "5": True})
    assert r.nodes["4"].score == 6 and r.total == 106 and r.max == 106
    assert not r.ranked and r.vetoes == ["违规"]


#: every item answered with nothing found: 100 of 100
CLEAN = {"1.1": 0, "1.2": [], "1.3": {"not_done": []}, "1.4": {"selected": 3}, "1.5": True, "2.1": 100, "2.2": 100,
         "2.3": {"actual": 1, "target": 1}, "2.4": 3, "2.5": 30, "3.1": "好", "3.2": 0, "4.1": False, "4.2": False,
         "5": False}


def test_grades_only_when_complete():
    assert s(CLEAN).grade == "优秀" and s(CLEAN).complete
    assert s({}).grade is None and s({}).provisional
    assert s({**CLEAN, "1.5": False, "1.3": {"not_done": 1}, "1.4": {"selected": 0}}).grade == "合格"
    bad = {**CLEAN, "1.5": False, "1.3": {"not_done": 1}, "1.4": {"selected": 0}, "2.1": 0, "2.4": 0}
    assert s(bad).grade == "不合格"
    assert s({k: v for k, v in bad.items() if k != "1.1"}).grade is None


def test_not_applicable_and_unanswered():
    r = s({"1.5": "na"})
    assert r.nodes["1.5"].status == "na" and r.nodes["1.5"].deduction == 0
    assert r.answered == 1 and not r.complete
    assert r.nodes["1.1"].status == "unanswered"


@pytest.mark.parametrize("item,answer,message", [
    ("9.9", 1, "9.9:细则中没有这个编号"),
    ("1.1", -1, "1.1 按次:发现的处数不能是负数(填的是 -1)"),
    ("1.1", "三", "1.1 按次:发现的处数应是 0 或正整数(填的是 三)"),
    ("1.1", True, "1.1 按次:发现的处数应是 0 或正整数(填的是 True)"),
    ("1.1", 1.5, "1.1 按次:发现的处数应是 0 或正整数(填的是 1.5)"),
    ("1.1", 5000, "1.1 按次:发现的处数最多 1000(填的是 5000),请核对"),
    ("1.2", ["戊"], "1.2 缺项:没有「戊」这一项,可选:甲、乙、丙、丁"),
    ("1.2", ["甲", "甲"], "1.2 缺项:「甲」写了两次"),
    ("1.2", 5, "1.2 缺项:缺少的项最多 4(填的是 5),请核对"),
    ("1.3", ["一"], '1.3 清单:请写成 {"not_done": 未完成的职责名称或项数}'),
    ("1.4", {"selected": ["D"]}, "1.4 方式:没有「D」这一项,可选:A、B、C"),
    ("1.5", "maybe", "1.5 达标:请填「达标」或「未达标」(也可填 是、否),填的是 maybe"),
    ("2.1", "很多", "2.1 整步向下:数值应是一个数(填的是 很多)"),
    ("2.1", -3, "2.1 整步向下:数值不能是负数(填的是 -3)"),
    ("2.1", {"target": 3}, '2.1 整步向下:请填一个数,或写成 {"actual": 实际值, "target": 目标值}'),
    ("2.1", "1e30", "2.1 整步向下:数值大得不合常理(填的是 1e30),请核对"),
    ("2.1", {"actual": 1, "target": 1e30}, "2.1 整步向下:目标大得不合常理(填的是 1e+30),请核对"),
    ("2.5", -5, "2.5 投入:金额不能是负数(填的是 -5)"),
    ("3.1", "极好", "3.1 评价:评价只能是 好、中、差 之一(填的是 极好)"),
    ("3.1", ["好"], "3.1 评价:评价只能是 好、中、差 之一(填的是 ['好'])"),
    ("4.1", 1, "4.1 加甲:请填「加分」或「不加分」(也可填 是、否),填的是 1"),
    ("1.1", "na", "1.1 按次:本项不能填「不适用」:细则没有说明它何时不适用"),
])
def test_bad_answers_name_the_item(item, answer, message):
    with i18n.using("zh"), pytest.raises(AnswerError) as info:
        s({item: answer})
    assert str(info.value) == message
    assert info.value.item_id == item


def test_a_group_dependent_step_needs_the_group():
    with i18n.using("zh"):
        with pytest.raises(AnswerError, match="请写明被考核单位及其分组"):
            s({"2.3": {"actual": 1, "target": 4}})
        with pytest.raises(AnswerError, match="分组「市」未知"):
            s({}, {"group": "市"})


def test_an_assessee_outside_the_table_is_refused_with_the_closest_names():
    with i18n.using("zh"), pytest.raises(AnswerError) as info:
        s({"2.3": 3}, {"name": "甲"})
    assert str(info.value) == "被考核单位:「甲」不在本细则的目标任务分解表中;是不是「甲县」?"


def test_english_messages():
    with i18n.using("en"):
        with pytest.raises(AnswerError) as info:
            s({"1.1": -2})
        assert str(info.value) == "1.1 按次: the number of cases cannot be negative (got -2)"


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


@pytest.mark.parametrize("standard, zh, en", [
    ("发现一处错误扣2分,扣完30分为止。", "发现 3 处 × 2 分 = 扣 6 分", "3 case(s) × 2 = −6"),
    ("发现一例上访现象扣5分。", "发现 3 例 × 2 分 = 扣 6 分", "3 case(s) × 2 = −6"),
    ("延报错报一次扣1分,扣完25分为止。", "发现 3 次 × 2 分 = 扣 6 分", "3 time(s) × 2 = −6"),
    ("一户不得脱贫扣10分。", "发现 3 户 × 2 分 = 扣 6 分", "3 household(s) × 2 = −6"),
    ("计1分;否则,每发现1个,扣0.5分,扣完为止。", "发现 3 个 × 2 分 = 扣 6 分", "3 case(s) × 2 = −6"),
    ("", "发现 3 处 × 2 分 = 扣 6 分", "3 case(s) × 2 = −6"),  # a standard naming no word: 处
])
def test_a_count_is_said_in_the_word_its_standard_counts_in(standard, zh, en):
    # the word comes from the verbatim 评分标准, not from a rubric key an older FieldCheck would refuse
    text = textwrap.dedent(f"""\
        id: w
        title: 词
        source: 测试
        children:
          - id: "1"
            title: 一节
            points: 10
            children:
              - id: "1.1"
                title: 次数
                standard: "{standard}"
                points: 10
                rule: {{type: per_occurrence, deduct: 2}}
        """)
    rubric = load_text(text)
    explanation = score(rubric, {"1.1": 3}).nodes["1.1"].explanation
    assert (explanation.zh, explanation.en) == (zh, en)
