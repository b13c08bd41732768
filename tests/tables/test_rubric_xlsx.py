"""Rubrics out to the officials' layout and back: the same version; Haikou's workbooks."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import check_file
from fieldcheck.shipped import rubrics_dir
from fieldcheck.tables.cells import TableError
from fieldcheck.tables.haikou import CLASSES, template_data
from fieldcheck.tables.rubric_export import export_rubric, rubric_data
from fieldcheck.tables.rubric_import import read_rubric_workbook, write_rubric_yaml


@pytest.mark.parametrize("rubric_id", [r.id for r in catalog.installed()])
def test_export_then_import_gives_the_same_version(rubric_id, tmp_path):
    rubric = catalog.find(rubric_id)
    path = tmp_path / f"{rubric_id}.xlsx"
    export_rubric(rubric, path)
    imported = read_rubric_workbook(path)
    assert imported.rubric.version == rubric.version
    write_rubric_yaml(imported, path, tmp_path / "back.yaml")
    again, problems = check_file(tmp_path / "back.yaml")
    assert again is not None and again.version == rubric.version


def test_the_exported_sheet_is_in_the_officials_layout(tmp_path):
    path = tmp_path / "h.xlsx"
    export_rubric(catalog.find("hengyang-2015"), path)
    book = openpyxl.load_workbook(path)
    ws = book["考评表"]
    assert ws["A1"].value == "2015年衡阳市精准扶贫工作考核量化考评表"
    assert [c.value for c in ws[2]][:4] == ["序号", "考核内容", "评分标准", "标准分值"]
    assert ws.freeze_panes == "B3" and "A1:" in str(ws.merged_cells)
    assert ws.column_dimensions["B"].width >= 40  # long Chinese criteria fit (wrapped at the widest)
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["2"][3] == 20 and rows["1.2"][8] == 3 and rows["1.2"][7] == "未做到扣分"
    assert book["目标任务分解表"]["A2"].value == "衡阳市"


def _officials_sheet(path, *, points="15", rule="未做到扣分"):
    """An officials' sheet without 上级 or the info sheet: 一/二 sections, 1/2 items under them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["某县驻村工作考核表"])
    ws.merge_cells("A1:G1")
    ws.append(["序号", "考核内容", "评 分 标 准", "标准分值", "规则", "扣分", "备注"])
    ws.append(["一", "组织领导", None, points])
    ws.append(["1", "成立工作队", "未成立扣5分", "５", rule, "５", None])
    ws.append([None] * 7)
    ws.append(["2", "制定计划", "未制定扣10分", 10, "pass_fail", 10, None])
    ws.append(["二", "帮扶成效", None, 5])
    ws.append(["(一)", "贫困户满意", "每发现一户不满意扣1分", 5, "每处扣分", 1, None])
    ws.append(["合计", None, None, 20])
    wb.save(path)
    return path


def test_an_officials_sheet_reads_its_tree_from_the_numbers(tmp_path):
    imported = read_rubric_workbook(_officials_sheet(tmp_path / "county.xlsx"))
    r = imported.rubric
    assert [n.id for n in r.walk()] == ["1", "1.1", "1.2", "2", "2.1"]
    assert r.max_points == 20 and r.title == "某县驻村工作考核表"
    assert r.node("1.1").points == 5  # "５" typed full-width, as text


def test_bad_cells_are_named(tmp_path):
    with pytest.raises(TableError) as caught:
        read_rubric_workbook(_officials_sheet(tmp_path / "bad.xlsx", points="十五", rule="扣光"))
    text = str(caught.value)
    assert "D3" in text and "十五" in text and "E4" in text and "扣光" in text
    assert not (tmp_path / "bad.yaml").exists()


def test_points_that_do_not_add_up_are_reported_at_their_row(tmp_path):
    with pytest.raises(TableError) as caught:
        read_rubric_workbook(_officials_sheet(tmp_path / "sum.xlsx", points=16))
    assert "A3" in str(caught.value)


@pytest.mark.parametrize("rubric_id,count", [("haikou-district", 7), ("haikou-lead-unit", 5), ("haikou-paired-helper", 8)])
def test_shipped_haikou_workbooks_are_reported_incomplete_until_filled(rubric_id, count, tmp_path):
    path = rubrics_dir() / "haikou" / f"{rubric_id}.xlsx"
    book = openpyxl.load_workbook(path)
    ws = book["考评表"]
    names = [r[4] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]
    assert names == CLASSES[rubric_id][2] and len(names) == count
    assert rubric_data_of(path)["children"] == template_data(rubric_id)["children"]
    with pytest.raises(TableError) as caught:
        read_rubric_workbook(path)
    assert len(caught.value.problems) == 2 * count + 1  # no items, no points per category; no 达标 threshold

    # the county fills in points (100 in all), one item per category and the threshold
    points = [100 // count + (1 if i < 100 % count else 0) for i in range(count)]
    for i, p in enumerate(points, 1):
        ws.cell(i + 2, 4, p)
        ws.append([f"{i}.1", "按要求完成", f"未完成扣{p}分", p, "考核条目", "条目", str(i), "未做到扣分", p])
    next(row for row in book["细则信息"].iter_rows() if row[0].value == "达标")[1].value = 60
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    r = read_rubric_workbook(filled).rubric
    assert r.max_points == 100 and not r.complete
    assert [g.label for g in r.grades] == ["达标", "不达标"]


def rubric_data_of(path):
    """The sections as the template wrote them (ids and titles), read back from the workbook."""
    ws = openpyxl.load_workbook(path)["考评表"]
    return {"children": [{"id": r[0], "title": r[4], "children": []} for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]}


def test_rubric_data_keeps_ids_as_text():
    data = rubric_data("id: x\nchildren:\n  - id: 1.10\n")
    assert data["children"][0]["id"] == "1.10"


def test_an_open_list_survives_the_workbook(tmp_path):
    rubric = catalog.find("village-work-team")
    path = tmp_path / "v.xlsx"
    export_rubric(rubric, path)
    rows = {r[0]: r for r in openpyxl.load_workbook(path)["考评表"].iter_rows(min_row=3, values_only=True)}
    assert "open: true" in rows["2.3.2"][9]  # 规则参数, where a county office can see and change it
    imported = read_rubric_workbook(path).rubric
    assert imported.node("2.3.2").rule.open and imported.version == rubric.version


def test_the_sampling_share_is_a_row_of_the_info_sheet_and_an_edit_travels(tmp_path):
    rubric = catalog.find("village-work-team")
    path = tmp_path / "v.xlsx"
    export_rubric(rubric, path)
    book = openpyxl.load_workbook(path)
    info = {row[0].value: row[1].value for row in book["细则信息"].iter_rows() if row[0].value}
    assert info["入户抽查比例"] == 0.1 and "10%" in info["抽查比例原文"] and info["抽查比例解读"]
    assert "其他设置" not in book.sheetnames or all(r[0].value != "sampling" for r in book["其他设置"].iter_rows())
    for row in book["细则信息"].iter_rows():
        if row[0].value == "入户抽查比例":
            row[1].value = 0.2  # the county asks for more
    book.save(path)
    imported = read_rubric_workbook(path)
    assert imported.rubric.sampling.share == Decimal("0.2") and imported.rubric.version != rubric.version
    assert imported.rubric.sampling.quote == rubric.sampling.quote
