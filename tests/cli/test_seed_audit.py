"""The 考核细则 and the 县乡镇 method read again against seeds 000 and 001, through `fieldcheck score`.

Three whole village inspections are scored by hand from the seed text (the arithmetic is in each
case's comment) and must come out of the command line the same. Each deduction's explanation uses
the seed's own counting word (一例上访, 延报错报一次, 一次无故缺席, 一户不得脱贫), and the readings
an ambiguous sentence needs are printed where they apply.
"""

from __future__ import annotations

import json

import pytest
from clikit import run

from fieldcheck import i18n

CLEAN = {"1.1": [], "1.2": [], "1.3": [],
         "2.1.1": 0, "2.1.2": 0, "2.1.3": 0, "2.1.4": 0, "2.1.5": 0, "2.2.1": 0, "2.2.2": 0,
         "2.3.1": 0, "2.3.2": {"selected": ["宣传栏", "宣传页"]}, "2.4.1": {"not_done": []},
         "2.5.1": 0, "2.5.2": 0, "2.5.3": 0, "2.5.4": True, "2.5.5": "满意", "2.6.1": True, "2.6.2": 0,
         "3.1.1": True, "3.1.2": [], "3.1.3": [], "3.2.1": 0, "3.3.1": True, "3.4.1": 0, "3.5.1": 0,
         "4.1": False, "4.2": False, "4.3": False}

# A: 3 handbook errors in 2 households (2 in 基础信息, 1 in 帮扶成效) 3 × 2 = 6, one missing signature 2:
#    2.1 = 30 − 8 = 22; two of the 十个一 not done: "有一个完成不了,扣10分" once, 2.4 = 0; one household
#    不满意: 2.5.5 = 0, 2.5 = 16. 200 − 8 − 10 − 4 = 178 of 210.
CASE_A = {**CLEAN, "2.1.1": 2, "2.1.3": 1, "2.1.4": 1, "2.5.5": "不满意",
          "2.4.1": {"not_done": ["一本民情日记", "每周一次扶贫工作队长碰头会"]}}
# B: a village that is not a 贫困村. 一: 1.1 −2, 1.2 two missing −4, 1.3 five missing (meetings recur) −10:
#    20 − 16 = 4. 2.2: 4 + 1 errors × 2 = 10, all of its 10: 0. 2.3: 3 不知晓 × 1 + one way only (−5) = 2.
#    2.5: 雨露 2 × 2 + 入户 −4 + 基本满意 −4 = 8. 2.6: 2.6.1 不适用, one household −10 = 30.
#    二 = 30 + 0 + 2 + 10 + 8 + 30 = 80. 三: 3.2 7 late × 1 = 18; 3.4 2 absences × 5 = 10, its 5: 0;
#    三 = 20 + 18 + 5 + 0 + 5 = 48. 四: 5 + 4 + 4 = 13, at most 10. 4 + 80 + 48 + 10 = 142.
CASE_B = {**CLEAN, "1.1": ["工作计划"], "1.2": ["相关设施配备齐全", "扶贫档案柜不少于2个"], "1.3": 5,
          "2.2.1": 4, "2.2.2": 1, "2.3.1": 3, "2.3.2": {"selected": ["宣传栏"]}, "2.5.3": 2, "2.5.4": False,
          "2.5.5": "基本满意", "2.6.1": "na", "2.6.2": 1, "3.2.1": 7, "3.4.1": 2, "4.1": True, "4.2": True, "4.3": True}
# C: a 贫困村 that did not exit. 2.1: (6 + 5 + 2 + 3) × 2 = 32, at most 30: 0. 2.6: 20 + 3 × 10 = 50, at
#    most 40: 0. 3.1: 作战图 −6, 2 records −4, 两公示一公告 −2: 8. 3.3 severe consequence −5.
#    200 − 30 − 40 − 12 − 5 = 113.
CASE_C = {**CLEAN, "2.1.1": 6, "2.1.2": 5, "2.1.3": 2, "2.1.4": 3, "2.6.1": False, "2.6.2": 3,
          "3.1.1": False, "3.1.2": ["民情日记", "开展扶贫工作的照片"], "3.1.3": ["两公示一公告"], "3.3.1": False}


def score(tmp_path, capsys, rubric: str, answers: dict, *flags: str) -> tuple[int, str, str]:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"rubric": rubric, "answers": answers}, ensure_ascii=False), encoding="utf-8")
    with i18n.using("zh"):
        return run(["score", rubric, path, *flags], capsys)


@pytest.mark.parametrize("answers, total, sections", [
    (CASE_A, 178, {"1": 20, "2.1": 22, "2.4": 0, "2.5": 16, "2": 98, "3": 60, "4": 0}),
    (CASE_B, 142, {"1": 4, "2.2": 0, "2.3": 2, "2.5": 8, "2.6": 30, "2": 80, "3.2": 18, "3.4": 0, "3": 48, "4": 10}),
    (CASE_C, 113, {"2.1": 0, "2.6": 0, "2": 50, "3.1": 8, "3.3": 0, "3": 43}),
], ids=["A-handbook-signature-duties-dissatisfied", "B-not-poor-village-pools-and-bonus", "C-pools-overflow"])
def test_three_villages_scored_by_hand_from_the_seed(tmp_path, capsys, answers, total, sections):
    code, out, err = score(tmp_path, capsys, "village-work-team", answers, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["total"], result["max"], result["complete"], result["grade"]) == (total, 210, True, None)
    assert {k: result["nodes"][k]["score"] for k in sections} == sections


def test_each_deduction_counts_in_the_seeds_own_word(tmp_path, capsys):
    code, out, err = score(tmp_path, capsys, "village-work-team", CASE_B)
    assert code == 0, err
    # 一例政策不知晓, 一例错误, 延报错报一次, 一次无故缺席, 一户不得脱贫; 一处错误 stays 处
    for line in ("2.3.1 政策知晓:发现 3 例 × 1 分 = 扣 3 分", "2.5.3 雨露计划:发现 2 例 × 2 分 = 扣 4 分",
                 "3.2.1 延报错报:发现 7 次 × 1 分 = 扣 7 分", "3.4.1 无故缺席:发现 2 次 × 5 分 = 扣 10 分",
                 "2.6.2 贫困户脱贫:发现 1 户 × 10 分 = 扣 10 分", "2.2.1 信息一致:发现 4 处 × 2 分 = 扣 8 分"):
        assert line in out
    code, out, err = score(tmp_path, capsys, "village-work-team", {"3.5.1": 1})
    assert "3.5.1 越级上访:发现 1 例 × 5 分 = 扣 5 分" in out
    code, out, err = score(tmp_path, capsys, "county-township", {"3.11.2": 1})
    assert "3.11.2 就业培训:发现 1 个 × 0.5 分 = 扣 0.5 分" in out


def test_rubric_show_says_the_rule_in_the_seeds_words(capsys):
    with i18n.using("zh"):
        code, out, err = run(["rubric", "show", "village-work-team"], capsys)
    assert code == 0, err
    assert "3.4.1 无故缺席  5分  [按次扣分] 每发现一次扣 5 分" in out
    assert "2.3.1 政策知晓  5分  [按次扣分] 每发现一例扣 1 分" in out
    assert "2.1.4 签字  6分  [按次扣分] 每发现一处扣 2 分" in out


def test_the_one_bonus_of_four_one_is_a_declared_reading(tmp_path, capsys):
    # "被广泛宣传,被媒体报道,国检、省检、第三方评估排名靠前的加5分": any of them, +5 once (only 市、县 are 分别)
    code, out, err = score(tmp_path, capsys, "village-work-team", {"4.1": True})
    assert code == 0, err
    assert "[one-bonus-for-any-listed] 4.1" in out and "符合多项也只加一次" in out
    code, out, err = score(tmp_path, capsys, "village-work-team", {"4.2": True})
    assert "one-bonus-for-any-listed" not in out


def test_the_township_method_declares_its_grade_and_rounding(tmp_path, capsys):
    code, out, err = score(tmp_path, capsys, "county-township", {"1.1": {"actual": 37, "target": 42}})
    assert code == 0, err
    assert "1.1 减贫任务完成情况:完成 37 / 42,得 10.57 分(扣 1.43 分)" in out  # 12 × 37 ÷ 42 = 10.571…
    assert "[prorate-to-cents]" in out and "[no-grade-bands] 原文残缺,现存部分没有给出等级划分,不评等级。" in out
    code, out, err = score(tmp_path, capsys, "county-township", {"3.10.1": True})
    assert "[items-ten-eleven-under-three]" in out  # no heading after item 9: 10 and 11 stay under (三)
