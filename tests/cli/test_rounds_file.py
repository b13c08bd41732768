"""`fieldcheck rounds` on a township's file (or rules file) typed wrong: one sentence naming the file, line and entry.

Each case is the township of tests/results/township.py with one thing broken as an office
would break it by hand; the command runs in-process through ``main``, as a person runs it.
"""

from __future__ import annotations

import pytest
import yaml

from fieldcheck.cli import main
from tests.results.township import scores, township

ROUND = {"id": "4月", "kind": "双月观摩", "scores": scores()}


def town(tmp_path, break_it) -> str:
    data = township([dict(ROUND)])
    break_it(data)
    path = tmp_path / "town.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def line_of(path: str, text: str) -> int:
    return next(n for n, line in enumerate(open(path, encoding="utf-8"), 1) if text in line)


def refused(capsys, argv) -> str:
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 1 and out == "", (out, err)
    assert "Traceback" not in err and "Error" not in err and len(err.strip().splitlines()) == 1, err
    return err.strip()


@pytest.mark.parametrize("break_it, where, message", [
    (lambda d: d["people"].append("张三"), "- 张三",
     "people 的第 20 项应是一个人员,写成 {name: 姓名, role: 角色, village: 村居},而不是「张三」"),
    (lambda d: d["people"][0].pop("name"), "- role: 支部书记", "people 的第 1 项缺少 name"),
    (lambda d: d["units"][1].pop("name"), "- head: 陈站长", "units 的第 2 项缺少 name"),
    (lambda d: d["departments"][0].pop("name"), "- chief: 褚主任", "departments 的第 1 项缺少 name"),
    (lambda d: d.update(units="abc"), "units: abc", "units 应是镇直单位的列表,而不是「abc」"),
    (lambda d: d.update(rounds=[42]), "- 42",
     "rounds 的第 1 项应是一轮,写成 {id: …, kind: …, 及 scores、order 或 scores_from},而不是「42」"),
    (lambda d: d["people"][0].update(name=["x"]), "- name:", "people 的第 1 项的 name 应是一段文字,而不是一个列表"),
    (lambda d: d["rounds"][0].update(on_schedule=[1]), "on_schedule:",
     "轮次「4月」的 on_schedule 应是部门: true/false 的映射,而不是一个列表"),
    (lambda d: d["rounds"][0].update(task_met=[["吴村官"]]), "- - 吴村官",
     "轮次「4月」的 task_met 的第 1 项应是一个名称,而不是一个列表"),
])
def test_a_malformed_township_file_is_one_sentence_with_its_line(tmp_path, capsys, break_it, where, message):
    path = town(tmp_path, break_it)
    assert refused(capsys, ["rounds", path]) == f"{path}:{line_of(path, where)}:{message}"


def test_the_sentence_is_english_for_an_english_user(tmp_path, capsys, language):
    language("en")
    path = town(tmp_path, lambda d: d["people"].append("张三"))
    assert refused(capsys, ["rounds", path]) == (f"{path}:{line_of(path, '- 张三')}: entry 20 of people must be a person, "
                                                 "written {name: …, role: …, village: …}, not '张三'")


@pytest.mark.parametrize("rules, message", [
    ("kinds:\n  - 5\n", ":2:kinds 的第 1 项应是一种轮次(name、rewards、penalties),而不是「5」"),
    ("kinds:\n  - rewards: [1]\n", ":2:kinds 的第 1 项缺少 name"),
    ("kinds:\n  - name: 双月观摩\n    rewards: 5\n", ":3:kinds 的第 1 项「双月观摩」的 rewards 应是金额列表,如 [800, 600, 400]"),
    ("kinds:\n  - name: 双月观摩\nroles: [1]\n", ":3:roles 应是角色: 规则 的映射,而不是一个列表"),
])
def test_a_malformed_rules_file_is_one_sentence_with_its_line(tmp_path, capsys, rules, message):
    path = tmp_path / "rules.yaml"
    path.write_text(rules, encoding="utf-8")
    assert refused(capsys, ["rounds", town(tmp_path, lambda d: None), "--rules", str(path)]) == f"{path}{message}"


def test_a_workbook_chosen_as_the_township_file_is_said_to_be_one(tmp_path, capsys):
    """An office keeps its villages in Excel and picks the .xlsx: not "save it as UTF-8", which would not help."""
    import openpyxl  # lazy: only this test builds a workbook

    wb = openpyxl.Workbook()
    wb.active.append(["村居", "支部书记"])
    wb.save(tmp_path / "新城镇.xlsx")
    message = refused(capsys, ["rounds", str(tmp_path / "新城镇.xlsx")])
    assert "是 Excel 工作簿" in message and "请选择 .yaml 文件" in message and "UTF-8" not in message
