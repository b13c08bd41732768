"""A rubric a county office made in Excel, imported, as the window offers it for a new inspection."""

from __future__ import annotations

import openpyxl
from walkkit import show_view

from fieldcheck.engine import catalog
from fieldcheck.gui.app import open_settings
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.qt import Qt
from fieldcheck.ops import scores
from fieldcheck.tables.rubric_export import export_rubric
from fieldcheck.tables.rubric_import import read_rubric_workbook, write_rubric_yaml


def test_a_countys_copy_keeping_the_title_is_told_apart_by_its_id(qtbot, store, tmp_path, monkeypatch):
    # the clerk exports 衡阳 2015, gives the copy its own 编号 for 2016 and keeps the title
    book = tmp_path / "衡阳2016.xlsx"
    export_rubric(catalog.find("hengyang-2015"), book)
    wb = openpyxl.load_workbook(book)
    next(row for row in wb["细则信息"].iter_rows() if row[0].value == "编号")[1].value = "hengyang-2016"
    wb.save(book)
    folder = tmp_path / "rubrics"
    folder.mkdir()
    write_rubric_yaml(read_rubric_workbook(book), book, folder / "hengyang-2016.yaml")
    monkeypatch.setenv("FIELDCHECK_RUBRICS", str(folder))

    dialog = NewInspectionDialog(store, open_settings(tmp_path / "settings"))
    qtbot.addWidget(dialog)
    combo = dialog.ui.rubricCombo
    labels = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert {"hengyang-2015", "hengyang-2016"} <= set(labels)
    assert len(set(labels.values())) == len(labels)  # no two entries read alike
    assert "hengyang-2016" in labels["hengyang-2016"] and labels["village-work-team"] == "脱贫攻坚考核方案考核细则"


def _clerks_rubric(tmp_path):
    """Seed 001's 一 组织领导 as a clerk types it: 每缺少一项扣2分,扣完20分为止, the elements not named."""
    book = tmp_path / "细则.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "考评表"
    ws.append(["脱贫攻坚考核细则(县印发)"])
    ws.append(["序号", "考核内容", "评分标准", "分值", "规则", "扣分"])
    ws.append(["一", "组织领导", None, "20分"])
    ws.append(["1", "建立有扶贫工作组织机构,制定了相关工作计划。", "每缺少一项扣2分,扣完20分为止。", "6分", "每缺一项扣分", 2])
    ws.append(["2", "有独立的扶贫工作室,相关设施配备齐全,扶贫档案柜不少于2个。", "每缺少一项扣2分,扣完20分为止。", "4分",
               "每缺一项扣分", 2])
    ws.append(["3", "每月定期召开扶贫专题工作会议,有专门的扶贫会议记录。每周召开一次扶贫工作队长碰头会。",
               "每缺少一项扣2分,扣完20分为止。", "10分", "每缺一项扣分", 2])
    wb.save(book)
    return read_rubric_workbook(book).rubric


def test_an_item_whose_elements_the_clerk_did_not_name_takes_each_missing_one_from_the_keyboard(qtbot, store, tmp_path):
    rubric = _clerks_rubric(tmp_path)
    inspection = store.inspections.create(rubric, assessee_id=None, assessee_name="梅花村", inspectors=["甲"],
                                          date="2026-11-22")
    view = show_view(qtbot, store, inspection, activate=False)
    view.go_to_item("1.2")
    editor = view.panel.editor
    assert editor.add_button is not None and editor.add_button.isVisible()
    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    for _ in range(2):
        view.add_finding()  # Ctrl+Return
    assert len(store.findings.of(inspection, "1.2")) == 3
    # three missing in a 4-point item: −6, as the section's pool of 20 allows (the text's 扣完20分为止)
    assert view.tree.state_text("1.2") == "✗ −6"
    assert scores.score_inspection(store, inspection).total == 14
    assert "3" in editor.summary.text() and "0" not in editor.summary.text()
    editor.list.item(0).setCheckState(Qt.Unchecked)  # untick one: it is taken away
    assert len(store.findings.of(inspection, "1.2")) == 2
    view.close()


def test_a_listed_closed_checklist_still_takes_ticks_not_unnamed_adds(qtbot, store, tmp_path):
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=None, assessee_name="梅花村",
                                          inspectors=["甲"], date="2026-11-22")
    view = show_view(qtbot, store, inspection, activate=False)
    view.go_to_item("3.1.2")
    assert view.panel.editor.add_button is None
    view.add_finding()
    assert store.findings.of(inspection, "3.1.2") == []
    view.close()


def test_an_unnamed_list_of_known_size_takes_no_more_than_its_size(qtbot, store):
    # 县乡镇 2.7 "六个一": six elements the text does not name, 每少一项扣1分
    inspection = store.inspections.create(catalog.find("county-township"), assessee_id=None, assessee_name="某乡",
                                          inspectors=["甲"], date="2026-11-22")
    view = show_view(qtbot, store, inspection, activate=False)
    view.go_to_item("2.7")
    assert view.panel.editor.hint.text() == "The rubric names no elements: add one for each that is missing."
    for _ in range(7):
        view.add_finding()
    assert len(store.findings.of(inspection, "2.7")) == 6
    assert view.panel.editor.error_label.isVisible() and "6" in view.panel.editor.error_label.text()
    assert view.tree.state_text("2.7") == "✗ −2"
    view.close()

