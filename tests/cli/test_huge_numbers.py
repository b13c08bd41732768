"""Numbers no one means (10**30, 1e5000, 5,000 nines) typed where a count or points belong: one
sentence naming the field and the value, exit 1, no traceback, nothing written."""

from __future__ import annotations

import json

import openpyxl
import pytest
import yaml
from clikit import demo, dump, run

from fieldcheck.engine import catalog
from tests.results.township import scores, township
from tests.tables.workbooks import targets_fu2

FIVE_THOUSAND_NINES = "9" * 5000



def refused(code: int, err: str, *phrases: str, lines: int = 1) -> None:
    assert code == 1, err
    assert "Traceback" not in err and "Error:" not in err, err
    written = [line for line in err.splitlines() if line.strip()]
    assert len(written) == lines and all(len(line) < 300 for line in written), err
    for phrase in phrases:
        assert phrase in err, err


@pytest.mark.parametrize("points", [FIVE_THOUSAND_NINES, "0x" + FIVE_THOUSAND_NINES, "1e999999", "10000000000000"])
def test_rubric_points_no_score_can_hold(points, tmp_path, capsys, language):
    language("zh")
    source = catalog.find("county-township").path.read_text(encoding="utf-8")
    assert "\n    points: 21\n" in source
    rubric = tmp_path / "big.yaml"
    rubric.write_text(source.replace("\n    points: 21\n", f"\n    points: {points}\n", 1), encoding="utf-8")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"answers": {}}), encoding="utf-8")
    for args in (["rubric", "validate", rubric], ["rubric", "show", rubric], ["score", rubric, answers]):
        code, _, err = run(args, capsys)
        assert code == 1 and "Traceback" not in err, (args, err)
        assert "big.yaml:25: 错误: 1 的分值「" in err and "太大或位数太多,不是合理的数" in err, (args, err)
        assert max(len(line) for line in err.splitlines()) < 300, err


@pytest.fixture
def demo_db(tmp_path, capsys):
    return demo(tmp_path / "demo.db", capsys)


@pytest.mark.parametrize("members", ["99999999999999999999999", FIVE_THOUSAND_NINES, "100", "0", "2.5", "四"])
def test_household_add_refuses_a_count_no_household_has(members, demo_db, capsys, language):
    language("zh")
    before = dump(demo_db)
    code, _, err = run(["household", "add", "--db", demo_db, "--village", "新县/新乡/新村", "--name", "张三",
                        "--members", members], capsys)
    refused(code, err, "家庭人口应为 1 到 99 之间的整数,而不是「" + members[:20])
    assert dump(demo_db) == before  # not even the new village


def test_household_edit_refuses_a_huge_count(demo_db, capsys, language):
    language("zh")
    assert run(["household", "add", "--db", demo_db, "--village", "新县/新乡/新村", "--name", "张三", "--members", "４"],
               capsys)[0] == 0
    before = dump(demo_db)
    code, _, err = run(["household", "edit", "张三", "--db", demo_db, "--village", "新县/新乡/新村",
                        "--members", "99999999999999999999"], capsys)
    refused(code, err, "「99999999999999999999」")
    assert dump(demo_db) == before


def test_household_add_with_a_bad_name_leaves_no_new_village(demo_db, capsys, language):
    language("zh")
    before = dump(demo_db)
    code, _, err = run(["household", "add", "--db", demo_db, "--village", "新县/新乡/新村", "--name", " "], capsys)
    refused(code, err, "户主姓名不能为空")
    assert dump(demo_db) == before


def roster(path, members) -> object:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "衡阳县-西渡镇-梅花村"
    sheet.append(["户主", "人口"])
    sheet.append(["李四", 3])
    sheet.append(["张三", members])
    book.save(path)
    return path


@pytest.mark.parametrize(("members", "shown"), [(10**30, "1e+30"), ("1e5000", "1e5000"), (1e300, "1e+300"),
                                                ("9" * 23, "9" * 23), (FIVE_THOUSAND_NINES, "9" * 23 + "…"),
                                                (100, "100")])
def test_roster_members_no_household_has(members, shown, demo_db, tmp_path, capsys, language):
    language("zh")
    before = dump(demo_db)
    code, _, err = run(["import", "roster", roster(tmp_path / "r.xlsx", members), "--db", demo_db], capsys)
    refused(code, err, "什么都没有导入", f"工作表「衡阳县-西渡镇-梅花村」B3 单元格:家庭人口应为 1 到 99 之间的整数,而不是「{shown}」",
            lines=2)
    assert dump(demo_db) == before


def import_targets(book, out, capsys) -> tuple[int, str]:
    """``fieldcheck import targets`` of ``book`` for 衡阳's table into ``out``: (exit code, stderr)."""
    code, _, err = run(["import", "targets", book, "--rubric", "hengyang-2015", "-o", out], capsys)
    return code, err


@pytest.mark.parametrize(("value", "shown"), [("1e999999", "1e999999"), (FIVE_THOUSAND_NINES, "9" * 23 + "…"),
                                              (1e300, "1e+300")])
def test_target_cell_no_table_means(value, shown, tmp_path, capsys, language):
    language("zh")
    book = targets_fu2(tmp_path / "t.xlsx", tweak={("衡阳县", "减贫率(%)"): value})
    out = tmp_path / "out.yaml"
    code, err = import_targets(book, out, capsys)
    refused(code, err, f"工作表「附2」C10 单元格:「减贫率(%)」的值「{shown}」太大或位数太多,不是合理的目标值", lines=2)
    assert not out.exists()


def test_a_negative_target_names_its_cell_not_the_file_never_written(tmp_path, capsys, language):
    language("zh")
    book = targets_fu2(tmp_path / "t.xlsx", tweak={("衡阳县", "减贫率(%)"): -3})
    out = tmp_path / "out.yaml"
    code, err = import_targets(book, out, capsys)
    refused(code, err, "工作表「附2」C10 单元格:「减贫率(%)」不能是负数,而这里是「-3」", lines=2)
    assert "out.yaml" not in err and not out.exists()


def test_a_row_the_rubric_needs_is_missing_names_the_rubric_not_the_file_never_written(tmp_path, capsys, language):
    language("zh")
    book = targets_fu2(tmp_path / "t.xlsx")
    workbook = openpyxl.load_workbook(book)
    sheet = workbook.active
    sheet.delete_rows(next(row[0].row for row in sheet.iter_rows() if row[0].value == "祁东县"))
    workbook.save(book)
    out = tmp_path / "out.yaml"
    code, err = import_targets(book, out, capsys)
    # the note on the left-out row says what to do; the refusal names the rubric, not the file never written
    refused(code, err, "细则原有的「祁东县」一行不在工作表「附2」中", "如需保留,请在表中加上这一行",
            "细则「hengyang-2015」:reading「county-row-targets」提到的「祁东县」不在目标表中", lines=3)
    assert "out.yaml" not in err and not out.exists()


def test_rounds_files_with_a_number_of_thousands_of_digits(tmp_path, capsys, language):
    language("zh")
    shipped = (catalog.find("hengyang-2015").path.parent / "rounds" / "township-rounds.yaml").read_text(encoding="utf-8")
    assert "rewards: [800, 600, 400]" in shipped
    rules = tmp_path / "rules.yaml"
    rules.write_text(shipped.replace("rewards: [800, 600, 400]", f"rewards: [{FIVE_THOUSAND_NINES}, 600, 400]"),
                     encoding="utf-8")
    town = tmp_path / "town.yaml"
    town.write_text(yaml.safe_dump(township([{"id": "年终", "kind": "年终总评", "scores": scores()}]), allow_unicode=True),
                    encoding="utf-8")
    code, _, err = run(["rounds", town, "--rules", rules], capsys)
    refused(code, err, "rules.yaml:36:kinds 的第 1 项「双月观摩」的 rewards 应是金额列表")
    huge = yaml.safe_dump(township([{"id": "年终", "kind": "年终总评", "scores": scores(东风村=1)}]), allow_unicode=True)
    town.write_text(huge.replace("东风村: 1\n", f"东风村: {FIVE_THOUSAND_NINES}\n"), encoding="utf-8")
    code, _, err = run(["rounds", town], capsys)
    assert code == 1 and "Traceback" not in err and len(err) < 400, err


def test_rubric_workbook_params_with_a_number_of_thousands_of_digits(tmp_path, capsys, language):
    language("zh")
    book = tmp_path / "h.xlsx"
    assert run(["rubric", "export-xlsx", "hengyang-2015", "-o", book], capsys)[0] == 0
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["考评表"]
    header = next(row for row in sheet.iter_rows() if any(c.value == "规则参数" for c in row))
    column = next(c.column for c in header if c.value == "规则参数")
    cell = next(sheet.cell(r, column) for r in range(header[0].row + 1, sheet.max_row + 1)
                if "target" in str(sheet.cell(r, column).value or ""))
    cell.value = "{target: " + FIVE_THOUSAND_NINES + "}"
    workbook.save(book)
    code, _, err = run(["rubric", "import-xlsx", book], capsys)
    assert code == 1 and "Traceback" not in err, err
    assert "target「99999999999999999999999…」太大或位数太多,不是合理的数" in err and len(err) < 2000, err
