"""海口 (seed 002) as a county fills it in: the whole stays 100 points, and the grade is declared the score's.

The news item gives each class's categories, "滿分100分" and 达标/不达标, and leaves the
final grade to the leading group ("最終考核等次由市扶貧開發領導小組根據日常督導結果和年度考核
成績評議確定"). The points, rules and the 达标 line below are a county's (the seed has none);
the expected totals were worked out by hand from them.
"""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
from clikit import run

from fieldcheck.engine.rubric_file import load_file
from fieldcheck.shipped import rubrics_dir

POINTS = [20, 15, 15, 15, 15, 10, 10]
ITEMS = [
    ["1.1", "年度脱贫任务完成", "脱贫任务完成率每少1个百分点扣1分", 12, "脱贫任务完成率", "条目", "1", "指标对比", None,
     "{target: 100, step: 1, per_step: 1, unit: '%'}"],
    ["1.2", "脱贫户退出程序规范", "发现一户退出程序不规范扣2分", 8, "退出程序", "条目", "1", "每处扣分", 2],
    ["2.1", "整村推进项目按期完工", "未按期完工扣15分", 15, "项目完工", "条目", "2", "未做到扣分", 15],
    ["3.1", "建档立卡信息准确", "发现一户信息错误扣1分", 15, "信息准确", "条目", "3", "每处扣分", 1],
    ["4.1", "帮扶资金规范使用", "发现一起违规使用扣5分", 15, "资金使用", "条目", "4", "每起扣分", 5],
    ["5.1", "五大帮扶措施落实到户", "每户未落实扣1.5分", 15, "措施落实", "条目", "5", "每处扣分", 1.5],
    ["6.1", "贫困户满意度", "未达标扣10分", 10, "满意度", "条目", "6", "未做到扣分", 10],
    ["7.1", "组织领导机制健全", "未做到扣10分", 10, "组织领导", "条目", "7", "未做到扣分", 10],
]


def _filled(path, points, items=ITEMS, threshold=80):
    """The shipped 区党委和政府 workbook with the county's points, items and 达标 line."""
    book = openpyxl.load_workbook(rubrics_dir() / "haikou" / "haikou-district.xlsx")
    sheet = book["考评表"]
    for i, p in enumerate(points, 1):
        sheet.cell(i + 2, 4, p)
    for row in items:
        sheet.append(row)
    for row in book["细则信息"].iter_rows():
        if row[0].value == "达标":
            row[1].value = threshold
    book.save(path)
    return path


def test_categories_filled_to_another_whole_are_refused_at_the_full_marks_cell(tmp_path, capsys):
    short = [r if r[0] != "7.1" else [*r[:3], 5, *r[4:8], 5] for r in ITEMS]  # 组织领导 given 5: 95 in all
    book = _filled(tmp_path / "95.xlsx", [*POINTS[:6], 5], short)
    code, out, err = run(["rubric", "import-xlsx", book, "-o", tmp_path / "95.yaml"], capsys)
    assert code == 1 and not (tmp_path / "95.yaml").exists()
    assert "工作表「细则信息」B8 单元格" in err and "合计 95 分,与原文满分 100 分不符" in err


def test_a_filled_district_scores_as_worked_out_by_hand_and_says_the_grade_is_the_scores(tmp_path, capsys):
    rubric = tmp_path / "haikou-district.yaml"
    code, out, err = run(["rubric", "import-xlsx", _filled(tmp_path / "100.xlsx", POINTS), "-o", rubric], capsys)
    assert code == 0, err
    # door-to-door checks: the method names 抽样调查 but no share; the national ≥10%, declared with its words
    sampling = load_file(rubric).sampling
    assert sampling.share == Decimal("0.1") and "抽查≥10%" in sampling.quote and "抽样调查" in sampling.reading
    cases = {
        # 1.1 3.5 short −3.5; 1.2 2 × 2 −4; 3.1 6 × 1 −6; 4.1 1 × 5 −5; 5.1 3 × 1.5 −4.5; 6.1 −10: 100 − 33
        "美兰区": ({"1.1": 96.5, "1.2": 2, "2.1": True, "3.1": 6, "4.1": 1, "5.1": 3, "6.1": False, "7.1": True},
                67, "不达标"),
        # 1.1 0.8 short −0.8; 3.1 20 × 1 = 20, capped at its 15: 100 − 15.8
        "龙华区": ({"1.1": 99.2, "1.2": 0, "2.1": True, "3.1": 20, "4.1": 0, "5.1": 0, "6.1": True, "7.1": True},
                84.2, "达标"),
    }
    for name, (answers, total, grade) in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({"rubric": "haikou-district", "assessee": {"name": name}, "answers": answers},
                                   ensure_ascii=False), encoding="utf-8")
        code, out, err = run(["score", rubric, path, "--json"], capsys)
        assert code == 0, err
        result = json.loads(out)
        assert (result["total"], result["max"], result["grade"]) == (total, 100, grade)
        assert [r["id"] for r in result["readings"]] == ["grade-by-score"]
        code, out, err = run(["score", rubric, path], capsys)
        assert "最终考核等次由市扶贫开发领导小组根据日常督导结果和年度考核成绩评议确定" in out
