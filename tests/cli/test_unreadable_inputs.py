"""Files a command cannot read are said in the user's language: no codec, parser or C library English inside.

A Chinese sentence ending in "'utf-8' codec can't decode byte 0xff", "Expecting value",
"while parsing a flow sequence" or "No such file or directory" reads as a crash; the place
(a line, a column) is kept where it helps. Each command runs in-process through ``main``.
"""

from __future__ import annotations

import pytest
import yaml

from fieldcheck.cli import main
from tests.results.township import scores, township
from tests.tables.workbooks import targets_fu2

LIBRARY_WORDS = ("codec", "Expecting", "while parsing", "expected", "No such file", "Errno", "Cannot detect", "Traceback",
                 "Error")


def refused(capsys, argv, words: str, *, lines: int = 1) -> str:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 1 and out == "", (out, err)
    assert words in err, err
    assert not [w for w in LIBRARY_WORDS if w in err], err
    assert len(err.strip().splitlines()) == lines, err
    return err


@pytest.fixture
def town(tmp_path):
    path = tmp_path / "town.yaml"
    path.write_text(yaml.safe_dump(township([{"id": "4月", "kind": "双月观摩", "scores": scores()}]), allow_unicode=True),
                    encoding="utf-8")
    return path


def test_rules_that_are_not_utf8(tmp_path, capsys, town):
    rules = tmp_path / "rules.yaml"
    rules.write_bytes("kinds: []\n# 说明\n".encode("gb18030") + b"\xff")
    refused(capsys, ["rounds", town, "--rules", rules], f"{rules} 不是 UTF-8 编码的文本;请用记事本或 WPS 另存为 UTF-8")


def test_a_township_file_with_a_broken_line_names_the_line(tmp_path, capsys):
    path = tmp_path / "town.yaml"
    path.write_text("township: 新城镇\nvillages: [新城社区, 东风村\npeople: []\n", encoding="utf-8")
    refused(capsys, ["rounds", path], f"{path}:3:不是有效的 YAML;请检查这一行及上一行的括号、引号、冒号和缩进")


def test_a_township_file_that_is_not_there_or_is_a_folder(tmp_path, capsys):
    refused(capsys, ["rounds", tmp_path / "none.yaml"], f"找不到文件 {tmp_path}/none.yaml;请检查文件名和所在的文件夹")
    refused(capsys, ["rounds", tmp_path], f"{tmp_path} 是一个文件夹;请给出其中的文件")


def test_results_with_a_broken_rounds_file(tmp_path, capsys):
    path = tmp_path / "town.yaml"
    path.write_text("villages: {a\n", encoding="utf-8")
    refused(capsys, ["results", "--db", tmp_path / "f.db", "--rubric", "hengyang-2015", "--rounds", path,
                     "--xlsx", tmp_path / "r.xlsx"], "不是有效的 YAML")
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "f.db").exists()  # read before the database


def test_an_answers_file_that_is_not_json_names_the_place(tmp_path, capsys, language):
    path = tmp_path / "a.json"
    path.write_text('{"rubric": "hengyang-2015",\n "answers": {"1.1": }}', encoding="utf-8")
    refused(capsys, ["score", "hengyang-2015", path], f"{path} 不是有效的 JSON:请检查第 2 行第 21 列附近的括号、引号和逗号")
    language("en")
    refused(capsys, ["score", "hengyang-2015", path], "check the brackets, quotes and commas near line 2, column 21")


def test_import_targets_from_something_that_is_not_a_workbook(tmp_path, capsys, town):
    out = tmp_path / "t.yaml"
    refused(capsys, ["import", "targets", town, "--rubric", "hengyang-2015", "-o", out],
            f"{town} 是文本文件(如 CSV),不是 Excel 工作簿;请在 Excel 或 WPS 中打开它,另存为 .xlsx 后再导入")
    refused(capsys, ["import", "targets", tmp_path, "--rubric", "hengyang-2015", "-o", out], "是一个文件夹")
    assert not out.exists()


def test_import_targets_onto_a_rubric_file_with_a_broken_line(tmp_path, capsys):
    rubric, out = tmp_path / "r.yaml", tmp_path / "t.yaml"
    rubric.write_text("id: x\ntitle: [甲, 乙\n", encoding="utf-8")
    refused(capsys, ["import", "targets", targets_fu2(tmp_path / "fu2.xlsx"), "--rubric", rubric, "-o", out],
            f"{rubric}:3: 错误: YAML 格式错误:请检查这一行及上一行的括号、引号、冒号和缩进", lines=2)
    assert not out.exists()
