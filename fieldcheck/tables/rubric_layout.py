"""The officials' rubric layout: 序号 | 考核内容 | 评分标准 | 标准分值, plus the rule's columns.

One table holds a rubric's own sheet (``考评表``): a row per section or item, in document
order, with its parent named so the tree survives. Two more sheets hold what a county
office also writes: ``细则信息`` (id, title, source, groups, grade bands, what is missing)
and ``目标任务分解表`` (the target table, one row per county or district).

The rule of an item is its form (规则, in Chinese or as the file's key), its number
(扣分/加分: how much a finding takes or a bonus adds) and the rest of its numbers as a short
YAML mapping (规则参数: ``{target: 100, step: 1, per_step: 0.5, unit: "%"}``).
"""

from __future__ import annotations

import yaml

#: the rule forms as officials would name them, and the file's key for each
RULE_LABELS = {
    "per_occurrence": "每处扣分",
    "per_event": "每起扣分",
    "missing_elements": "每缺一项扣分",
    "duty_checklist": "职责清单",
    "min_options": "最少项数",
    "pass_fail": "未做到扣分",
    "rating": "评价等次",
    "metric": "指标对比",
    "proportional": "按比例计分",
    "bonus": "加分",
    "veto": "一票否决",
}
RULE_BY_LABEL = {label: key for key, label in RULE_LABELS.items()}
#: what 规则参数 holds for the forms that need more than 扣分, as a clerk would write it (seeds 001, 003)
RULE_EXAMPLES = {
    "duty_checklist": "{duties: [一本民情日记, 一张作战图]}",
    "min_options": "{options: [宣传栏, 宣传页, 宣传横幅, 标语], minimum: 2}",
    "rating": "{levels: {满意: 4, 基本满意: 0, 不满意: 0}}",
    "metric": "{target: 100, step: 1, per_step: 0.5, unit: '%'}",
}

SECTION = "章节"
BONUS_SECTION = "加分章节"
ITEM = "条目"

#: (field, header as written, synonyms read) of the rubric sheet, in column order
COLUMNS = [
    ("id", "序号", ["序号", "编号", "项目编号"]),
    ("content", "考核内容", ["考核内容", "考核指标", "考评内容", "工作内容"]),
    ("standard", "评分标准", ["评分标准", "评 分 标 准", "考核标准", "扣分标准", "计分方法"]),
    ("points", "标准分值", ["标准分值", "分值", "标准分", "满分"]),
    ("title", "名称", ["名称", "项目", "类别", "考核项目", "大类"]),
    ("kind", "类型", ["类型", "层级"]),
    ("parent", "上级", ["上级", "上级序号", "所属"]),
    ("rule", "规则", ["规则", "计分规则", "规则类型"]),
    ("amount", "扣分/加分", ["扣分/加分", "扣分", "加分", "每处扣分"]),
    ("params", "规则参数", ["规则参数", "参数"]),
    ("cap", "封顶", ["封顶", "扣完为止", "封顶章节"]),
    ("note", "备注", ["备注", "说明"]),
    ("missing", "缺项", ["缺项", "不完整"]),
    ("extra", "其他", ["其他", "其他设置"]),
]
#: the keys of a section or item the columns above spell out; any other key of a node (an
#: item's n/a reason, a rule's open list, …) travels in 其他 as a line of YAML
NODE_KEYS = {"id", "content", "standard", "points", "title", "cap", "note", "missing", "kind", "children", "rule"}
#: the same for a row of the target table: 名称, 分组 and the values, the rest in 其他
TARGET_ROW_KEYS = {"name", "group", "values"}
TARGET_EXTRA = "其他"
SYNONYMS = {name: words for name, _, words in COLUMNS}

RUBRIC_SHEET = "考评表"
INFO_SHEET = "细则信息"
TARGET_SHEET = "目标任务分解表"
#: every other top-level block of the file (the ranking, declared readings, …), one row each as
#: YAML text, so that a block this layout does not spell out still survives the round trip
EXTRA_SHEET = "其他设置"
EXTRA_HEADER = ("设置", "内容(YAML)")

#: the 细则信息 sheet: (key in the file, label in the sheet)
INFO_ROWS = [("id", "编号"), ("title", "标题"), ("source", "来源"), ("complete", "原文完整"),
             ("missing", "缺项"), ("notes", "说明"), ("groups", "分组"), ("full_marks", "满分")]
#: the ``sampling:`` block on the same sheet, below those rows: (key in the block, label in the sheet)
SAMPLING_ROWS = [("share", "入户抽查比例"), ("quote", "抽查比例原文"), ("reading", "抽查比例解读"),
                 ("en", "抽查比例解读(英文)")]
GRADES_HEADER = ("等级", "最低分")
#: the top-level keys the sheets above lay out; anything else goes to EXTRA_SHEET
LAID_OUT = {key for key, _ in INFO_ROWS} | {"grades", "targets", "children", "sampling"}
YES, NO = "是", "否"


def flow(value: object) -> str:
    """A small mapping or list as one line of YAML, for a cell."""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10_000).strip()
