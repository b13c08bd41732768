"""附2 目标任务分解表 into a rubric's targets: the real 衡阳 table, laid out as the document is."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from fieldcheck.engine import catalog
from fieldcheck.tables.cells import TableError
from fieldcheck.tables.targets import read_targets, write_rubric_with_targets
from tests.tables.workbooks import as_ods, targets_fu2


def test_the_fu2_table_of_the_rubric_gives_back_the_same_file(tmp_path):
    rubric = catalog.find("hengyang-2015")
    table = read_targets(targets_fu2(tmp_path / "fu2.xlsx"), rubric)
    assert table.problems == [] and table.warnings == []
    assert table.matched["收入增长率(%)"] == "贫困村居民年人均可支配收入 / 增长率(%)"
    assert table.matched["精准扶贫到户(户)"] == "精准扶贫到人、到户数 / 户"
    new = write_rubric_with_targets(rubric, table, tmp_path / "new.yaml")
    assert (tmp_path / "new.yaml").read_text(encoding="utf-8") == rubric.path.read_text(encoding="utf-8")
    assert new.version == rubric.version


def test_changed_targets_typed_as_text_and_full_width(tmp_path):
    rubric = catalog.find("hengyang-2015")
    path = targets_fu2(tmp_path / "fu2.xlsx", tweak={("衡阳县", "减贫率(%)"): "１７.５", ("珠晖区", "精准扶贫到户(户)"): "250户"})
    new = write_rubric_with_targets(rubric, read_targets(path, rubric), tmp_path / "new.yaml")
    assert new.targets["衡阳县"].values["减贫率(%)"] == Decimal("17.5")
    assert new.targets["珠晖区"].values["精准扶贫到户(户)"] == 250
    assert new.targets["珠晖区"].group == "区" and new.targets["衡阳县"].group == "县市"
    assert new.version != rubric.version
    text = (tmp_path / "new.yaml").read_text(encoding="utf-8")
    assert text.startswith(rubric.text.split("targets:")[0])  # comments and everything before the table kept


def test_a_bad_cell_is_named_and_nothing_written(tmp_path):
    rubric = catalog.find("hengyang-2015")
    path = targets_fu2(tmp_path / "fu2.xlsx", tweak={("衡南县", "扶贫总投入(万元)"): "一千四百"})
    table = read_targets(path, rubric)
    assert [(p.sheet, p.cell) for p in table.problems] == [("附2", "F11")]
    assert "一千四百" in str(table.problems[0])


def test_no_table_in_the_file(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["户主", "人口"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(TableError, match="市县名"):
        read_targets(tmp_path / "x.xlsx", catalog.find("hengyang-2015"))


def test_a_rubric_without_targets_takes_the_sheets_columns(tmp_path):
    rubric = catalog.find("village-work-team")
    assert rubric.target_columns == []
    table = read_targets(targets_fu2(tmp_path / "fu2.xlsx"), rubric)
    assert "贫困村居民年人均可支配收入(元)" in table.columns and "精准扶贫到人、到户数(人)" in table.columns
    assert "减贫率(%)" in table.columns and len(table.columns) == 15
    new = write_rubric_with_targets(rubric, table, tmp_path / "v.yaml")
    assert new.targets["祁东县"].values["减贫率(%)"] == Decimal("17.5")
    assert [n.id for n in new.walk()] == [n.id for n in rubric.walk()]


def test_a_problem_the_rubric_finds_in_a_row_names_the_rows_cell(tmp_path):
    rubric = catalog.find("hengyang-2015")
    table = read_targets(targets_fu2(tmp_path / "fu2.xlsx"), rubric)
    row = next(r for r in table.rows if r["name"] == "石鼓区")
    row["values"]["减贫率(%)"] = Decimal(-1)  # past read_targets' own checks: only the rubric's check sees it
    with pytest.raises(TableError) as caught:
        write_rubric_with_targets(rubric, table, tmp_path / "new.yaml")
    assert [(p.sheet, p.cell) for p in caught.value.problems] == [row["at"]] and row["at"][0] == "附2"
    assert openpyxl.load_workbook(tmp_path / "fu2.xlsx")["附2"][row["at"][1]].value == "石鼓区"
    assert "石鼓区 减贫率(%)不能是负数" in str(caught.value) and "new.yaml" not in str(caught.value)
    assert not (tmp_path / "new.yaml").exists()


class _Fu2:
    """附2 from the shipped table, opened for a test to change as a clerk would; ``read`` saves and reads it."""

    def __init__(self, tmp_path):
        self.rubric = catalog.find("hengyang-2015")
        self.path = targets_fu2(tmp_path / "fu2.xlsx")
        self.wb = openpyxl.load_workbook(self.path)

    def read(self):
        self.wb.save(self.path)
        return read_targets(self.path, self.rubric)


def test_a_percentage_formatted_cell_is_read_as_shown(tmp_path):
    """16.7% typed into Excel is stored as 0.167: the 减贫率(%) target is 16.7, as the clerk sees it."""
    book = _Fu2(tmp_path)
    wb = book.wb
    ws = wb["附2"]
    assert (ws["A4"].value, ws["C4"].value) == ("衡阳市", 16.7)
    ws["C4"].value, ws["C4"].number_format = 0.167, "0.0%"
    ws["D5"].value, ws["D5"].number_format = 8.37, "0%"  # 减少人数(人) shown as 837%: not a percentage column
    table = book.read()
    assert [(p.sheet, p.cell) for p in table.problems] == [("附2", "D5")]
    assert "837%" in str(table.problems[0]) and "百分比" in str(table.problems[0])
    row = next(r for r in table.rows if r["name"] == "衡阳市")
    assert row["values"]["减贫率(%)"] == Decimal("16.7")


def test_an_ods_says_its_percentages_and_failed_formulas_as_an_xlsx_does(tmp_path):
    """Saved by LibreOffice or WPS as .ods: 16.7% was read as 0.167 and a #DIV/0! as a blank cell."""
    book = _Fu2(tmp_path)
    ws = book.wb["附2"]
    assert (ws["A4"].value, ws["A5"].value) == ("衡阳市", "珠晖区")
    ws["C4"].value, ws["C4"].number_format = 0.167, "0.0%"
    ws["C5"].value = "#DIV/0!"
    book.wb.save(book.path)
    table = read_targets(as_ods(book.path, tmp_path / "fu2.ods"), book.rubric)
    assert next(r for r in table.rows if r["name"] == "衡阳市")["values"]["减贫率(%)"] == Decimal("16.7")
    assert [(p.sheet, p.cell) for p in table.problems] == [("附2", "C5")]
    assert "公式出错(#DIV/0!)" in str(table.problems[0])


def test_a_hidden_old_table_before_the_real_one_is_not_read(tmp_path):
    book = _Fu2(tmp_path)
    rubric, wb = book.rubric, book.wb
    old = wb.copy_worksheet(wb["附2"])
    old.title = "2014年(旧)"
    old.sheet_state = "hidden"
    old["C4"].value = 99
    wb.move_sheet(old, offset=-1)
    wb.active = 1
    table = book.read()
    assert next(r for r in table.rows if r["name"] == "衡阳市")["values"]["减贫率(%)"] == Decimal("16.7")
    assert any("2014年(旧)" in w and "隐藏" in w for w in table.warnings)
    new = write_rubric_with_targets(rubric, table, tmp_path / "new.yaml")
    assert new.version == rubric.version


def test_a_target_whose_formula_failed_is_named_not_left_out(tmp_path):
    book = _Fu2(tmp_path)
    wb = book.wb
    ws = wb["附2"]
    assert ws["A5"].value == "珠晖区"
    ws["C5"].value = "#DIV/0!"  # written as an error cell, as Excel saves a failed formula's result
    table = book.read()
    assert [(p.sheet, p.cell) for p in table.problems] == [("附2", "C5")]
    assert "公式出错(#DIV/0!)" in str(table.problems[0])
    assert "珠晖区" not in {r["name"] for r in table.rows}


def test_a_county_name_padded_for_alignment_keeps_its_row(tmp_path):
    book = _Fu2(tmp_path)
    rubric, wb = book.rubric, book.wb
    ws = wb["附2"]
    assert ws["A5"].value == "珠晖区"
    ws["A5"].value = "珠　晖　区"
    table = book.read()
    assert table.problems == [] and table.warnings == []
    new = write_rubric_with_targets(rubric, table, tmp_path / "new.yaml")
    assert new.version == rubric.version


def test_a_second_table_in_the_workbook_is_named_not_ignored_unsaid(tmp_path):
    book = _Fu2(tmp_path)
    wb = book.wb
    copy = wb.copy_worksheet(wb["附2"])
    copy.title = "附2(修订)"
    table = book.read()
    assert table.problems == []
    assert len(table.warnings) == 1 and "附2(修订)" in table.warnings[0] and "只读取了工作表「附2」" in table.warnings[0]


def test_a_row_the_sheet_left_out_is_said_not_dropped_unsaid(tmp_path):
    book = _Fu2(tmp_path)
    rubric, wb = book.rubric, book.wb
    ws = wb["附2"]
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "南岳区")
    ws.delete_rows(row)
    table = book.read()
    assert [w for w in table.warnings if "南岳区" in w] == [
        "细则原有的「南岳区」一行不在工作表「附2」中,新细则里没有它的目标;如需保留,请在表中加上这一行"]
    new = write_rubric_with_targets(rubric, table, tmp_path / "new.yaml")
    assert "南岳区" not in new.targets  # the sheet is the new table; the warning said so
