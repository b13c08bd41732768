"""衡阳 inspections made through the store from the real 附2 target table, with chosen totals.

Every item is answered at its 附2 target (no deduction) except item 2 (精准扶贫到人到户,
20 points, 0.5 per percentage point short) and 1.2 (动态化管理, 3 points), which take the
points away: the total is then computed by ops.scores like any other inspection's.
"""

from __future__ import annotations

import sys
from decimal import Decimal

from sheetkit import lock_as_signed

from fieldcheck.engine import catalog
from fieldcheck.ops.importing import add_inspection_from_answers


def answers_for(rubric, name: str, lost: Decimal, veto: bool = False) -> dict:
    row = rubric.targets[name]
    answers: dict = {}
    for item in rubric.items():
        kind = item.rule.kind
        if kind == "pass_fail":
            answers[item.id] = True
        elif kind == "veto":
            answers[item.id] = veto
        elif kind == "metric" and "count_column" in item.rule.spec:  # 6.3, per village: none short
            answers[item.id] = {"count": int(row.values.get(item.rule.spec["count_column"], 1)), "shortfall": 0}
        elif kind == "metric":
            spec = item.rule.spec.get("target")
            if isinstance(spec, dict) and (spec["column"] in row.values or "default" in spec):
                answers[item.id] = float(row.values.get(spec["column"], Decimal(str(spec.get("default", 100)))))
            elif isinstance(spec, dict):  # a park's row lacks the column: the target goes with the answer
                answers[item.id] = {"actual": 10, "target": 10}
            elif spec is None:
                answers[item.id] = {"actual": 50, "target": 50}
            else:
                answers[item.id] = float(spec)
    if lost > 20:  # item 2 gives at most 20; 1.2 three more
        answers["1.2"] = False
        lost -= 3
    answers["2"] = float(100 - 2 * lost)
    return answers


_RUBRIC = []


def hengyang():
    if not _RUBRIC:
        _RUBRIC.append(catalog.find("hengyang-2015"))
    return _RUBRIC[0]


def add_unit(store, name: str, total, *, veto: bool = False, status: str = "signed", group: str | None = None) -> str:
    rubric = hengyang()
    lost = Decimal(100) - Decimal(str(total))
    assessee = {"name": name, "group": group or rubric.targets[name].group}
    inspection = add_inspection_from_answers(store, rubric, assessee, answers_for(rubric, name, lost, veto),
                                             {"inspectors": ["李明", "王芳"], "date": "2015-12-20"})
    if status != "draft":
        lock_as_signed(store, inspection, status)
    return inspection


def install_spread_bands(folder, monkeypatch) -> None:
    """衡阳's rubric as a county would write it with seed 004's bands by spread added to its ranking
    (the shipped one has none), installed ahead of the shipped one."""
    folder.mkdir()
    text = catalog.find("hengyang-2015").text
    (folder / "hengyang-2015.yaml").write_text(
        text.replace("  veto: exclude\n", "  veto: exclude\n  bands:\n    method: spread\n"
                     "    labels: [优秀, 良好, 一般, 勉励]\n", 1), encoding="utf-8")
    monkeypatch.setenv("FIELDCHECK_RUBRICS", str(folder))
    assert catalog.find("hengyang-2015").ranking.bands.method == "spread"


def install_with_bonus(folder, monkeypatch) -> None:
    """衡阳's rubric with a 加分 item a county might add (the shipped one has none), installed ahead of it.
    ``answers_for`` leaves it unanswered, so every unit made with it is unfinished."""
    folder.mkdir()
    text = catalog.find("hengyang-2015").text
    bonus = ('  - id: "11"\n    title: 奖励加分\n    points: 3\n    kind: bonus\n    children:\n'
             '      - id: "11.1"\n        title: 创新做法\n        content: 扶贫工作创新做法被省推广的\n'
             "        standard: 加3分\n        points: 3\n        rule: {type: bonus, add: 3}\n\n")
    (folder / "hengyang-2015.yaml").write_text(text.replace('  - id: veto\n', bonus + '  - id: veto\n', 1),
                                                encoding="utf-8")
    monkeypatch.setenv("FIELDCHECK_RUBRICS", str(folder))
    monkeypatch.setattr(sys.modules[__name__], "_RUBRIC", [])  # ``add_unit`` makes inspections with this one
    assert hengyang().node("11.1").rule.kind == "bonus"
