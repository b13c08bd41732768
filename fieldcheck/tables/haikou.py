"""Haikou's three rubric workbooks (海口市精准扶贫工作成效考核办法, seed 002), to be filled in.

The published news item names each assessee class's categories and the whole (100
points, 达标/不达标) but not the points, criteria or rules of any category, nor the
threshold of 达标. The workbooks carry what is known, in the officials' layout, and leave
the rest for the county: ``rubric import-xlsx`` reports each empty category and the
missing threshold as incomplete until they are filled.

The whole is kept as ``full_marks: 100``, so categories filled in to another sum are refused at
the 满分 cell; and the grade the score gives is declared a reading (``grade-by-score``): the
method has the leading group settle the final grade from daily supervision and the score.

The category names are the seed's, in simplified characters (the stored copy of the page
is in traditional characters). ``scripts``-free: ``write_templates(folder)`` makes them,
and tests/tables checks the shipped files against it.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.tables.rubric_export import write_rubric_workbook

SOURCE = "海口市扶贫开发领导小组《海口市精准扶贫工作成效考核办法》(海口网 2016-12-02 报道,shared/seeds/002)"
MISSING = "原文只列出考核大类与满分100分,各大类的分值、评分标准、计分规则及达标分数线留待县(区)填写"

#: the grade printed is the score's; the method leaves the final one to the leading group (seed 002, verbatim)
GRADE_READING = {
    "id": "grade-by-score",
    "text": "原文:“最终考核等次由市扶贫开发领导小组根据日常督导结果和年度考核成绩评议确定”;"
            "本表按年度考核成绩给出的达标/不达标,是领导小组评议的依据,不是最终等次。",
    "en": "The method has the leading group settle the final grade from daily supervision and the annual score; "
          "the 达标/不达标 printed here is the annual score's, for that review, not the final grade.",
    "items": [],
}

#: door-to-door checks: the method names 抽样调查 with no share; the national method's ≥10% (seed 004), as the
#: other shipped rubrics read it, so that a Haikou team cannot draw less without saying so
SAMPLING = {
    "share": 0.1,
    "quote": "實地核查(抽查≥10%項目)",
    "reading": "原文“采取专项调查、抽样调查和实地核查等方式”未规定抽查比例;依全国考核办法“实地核查(抽查≥10%项目)”,"
               "每村入户抽查不少于农户的 10%。",
    "en": "The method names sampling surveys and on-the-spot checks but no share; following the national method's "
          "on-the-spot checks of at least 10%, at least 10% of a village's households are drawn.",
}

CLASSES = {
    "haikou-district": ("海口市精准扶贫工作成效考核(区党委和政府)", "区党委和政府",
                        ["年度贫困人口脱贫情况", "整村推进设施建设", "建档立卡动态管理", "帮扶资金使用",
                         "五大帮扶措施落实", "贫困户满意度", "组织领导机制"]),
    "haikou-lead-unit": ("海口市精准扶贫工作成效考核(牵头单位)", "各项措施牵头单位",
                         ["组织领导机制", "行业部门帮扶政策措施制定", "帮扶措施落实及台账管理", "指导各区开展工作",
                          "总结材料报送"]),
    "haikou-paired-helper": ("海口市精准扶贫工作成效考核(结对帮扶单位和责任人)", "结对帮扶责任单位和具体帮扶责任人",
                             ["组织领导情况", "对接贫困户情况", "一户一策制定", "督促资金及措施落实", "整合行业资源",
                              "帮扶成效", "群众满意度", "总结材料报送"]),
}


def template_data(rubric_id: str) -> dict:
    """The known part of one class's rubric: its categories as sections without points or items."""
    title, assessee, categories = CLASSES[rubric_id]
    return {
        "id": rubric_id,
        "title": title,
        "source": SOURCE,
        "complete": False,
        "missing": [MISSING],
        "notes": f"考核对象:{assessee}。满分100分,考核等次分为达标和不达标。",
        "full_marks": 100,  # 满分100分: the categories' points, once filled in, must add up to it
        "grades": [{"min": None, "label": "达标"}, {"min": 0, "label": "不达标"}],
        "children": [{"id": str(i), "title": name, "children": []} for i, name in enumerate(categories, 1)],
        "readings": [GRADE_READING],
        "sampling": SAMPLING,
    }


def write_templates(folder: str | Path) -> list[Path]:
    """Write the three workbooks into ``folder``; returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for rubric_id in CLASSES:
        path = folder / f"{rubric_id}.xlsx"
        write_rubric_workbook(template_data(rubric_id), path)
        paths.append(path)
    return paths
