"""Households in the window: added on the spot from the picker, found by pinyin, edited, never removed
from under a finding, and the door-by-door view that records findings for one household."""

from __future__ import annotations

import pytest
from walkkit import show_view, village_inspection

from fieldcheck.gui.households.household_dialog import HouseholdDialog
from fieldcheck.gui.households.household_picker import NEW
from fieldcheck.gui.qt import Qt, QtCore, QtWidgets


def _accept_dialog_with(qtbot, fill) -> None:
    """Fill the household dialog that is about to open (modal) and press OK."""
    def run():
        dialog = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(dialog, HouseholdDialog)
        fill(dialog)
        dialog.buttons.button(QtWidgets.QDialogButtonBox.Ok).click()
    QtCore.QTimer.singleShot(0, run)


# the completer's popup asks the offscreen platform for things it cannot do; not ours
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_picker_finds_by_pinyin_and_adds_a_household_on_the_spot(qtbot, store):
    inspection_id, ids = village_inspection(store, ("张三", "李四", "王建国"))
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.1.4")
    editor = view.panel.editor
    editor.add_finding()
    picker = editor.household_edit
    assert [picker.itemText(i).split("(")[0] for i in range(1, picker.count() - 1)] == ["李四", "王建国", "张三"]
    # typing the initials offers 王建国 in the completer; choosing it names the finding
    picker.setFocus()
    picker.lineEdit().selectAll()  # as Tab into the field does
    qtbot.keyClicks(picker.lineEdit(), "wjg")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    completions = picker.completer().completionModel()
    assert completions.rowCount() == 1 and completions.index(0, 0).data().startswith("王建国")
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    assert store.findings.of(inspection_id, "2.1.4")[0].household_id == ids["王建国"]
    # "+ new household" opens the dialog with what was typed, adds 赵六 and picks him
    _accept_dialog_with(qtbot, lambda d: (d.name_edit.setText("赵六"), d.members_edit.setValue(5)))
    picker.lineEdit().setText("赵六")
    picker._on_activated(picker.findData(NEW))
    [finding] = store.findings.of(inspection_id, "2.1.4")
    new = store.households.get(finding.household_id)
    assert (new.head_name, new.members) == ("赵六", 5)
    assert picker.currentText().startswith("赵六")
    assert editor.model.index(0, 2).data() == "赵六"
    view.close()


def test_dialog_refuses_a_bad_id_number_in_one_sentence(qtbot, store):
    inspection_id, ids = village_inspection(store, ("张三",))
    view = show_view(qtbot, store, inspection_id, activate=False)
    dialog = HouseholdDialog(view.session, ids["张三"], view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.id_edit.setText("12345")
    dialog.accept()
    assert dialog.error_label.isVisible() and "身份证号" in dialog.error_label.text()
    assert dialog.result() != QtWidgets.QDialog.Accepted
    dialog.id_edit.setText("")
    dialog.helper_edit.setText("李干部 430421199001011234")  # the helper's own number typed after the name
    dialog.accept()
    assert "「帮扶责任人」中含有完整的身份证号" in dialog.error_label.text()
    assert dialog.result() != QtWidgets.QDialog.Accepted and store.households.get(ids["张三"]).helper == ""
    dialog.helper_edit.setText("李干部")
    dialog.id_edit.setText("430421199001011234")
    dialog.members_edit.lineEdit().setText("４")  # full-width, as a Chinese input method types it
    dialog.members_edit.interpretText()
    dialog.accept()
    h = store.households.get(ids["张三"])
    assert (h.id_masked, h.members) == ("430421********1234", 4)
    view.close()


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise() of the view's window, offscreen
def test_door_by_door_view_records_findings_for_one_household(qtbot, store, monkeypatch):
    inspection_id, ids = village_inspection(store, ("张三", "李四"))
    view = show_view(qtbot, store, inspection_id)
    households = view.show_households()
    qtbot.addWidget(households)
    assert households.roster.item(0).text() == "李四"  # sorted by pinyin
    qtbot.keyClicks(households.search, "zs")
    assert households.current_household() == ids["张三"]
    assert households.roster.item(0).isHidden() and not households.roster.item(1).isHidden()
    assert set(households.plus) == {"2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5"}
    households.note_edit.setText("帮扶责任人未签字")
    qtbot.mouseClick(households.plus["2.1.4"], Qt.LeftButton)
    qtbot.mouseClick(households.plus["2.1.4"], Qt.LeftButton)
    found = store.findings.of(inspection_id, "2.1.4")
    assert [(f.household_id, f.note, f.value) for f in found] == [(ids["张三"], "帮扶责任人未签字", 1), (ids["张三"], "", 1)]
    assert households.counts["2.1.4"].text().startswith("2 ")
    assert households.table.rowCount() == 2
    assert view.tree.state_text("2.1.4").startswith("✗")
    # a rating item from the "other item" row
    households.item_choice.setCurrentIndex(households.item_choice.findData("2.5.5"))
    assert households.level_choice.isVisible()
    households.level_choice.setCurrentText("不满意")
    households.other_add.click()
    assert [f.value for f in store.findings.of(inspection_id, "2.5.5")] == ["不满意"]
    # undo in the walk takes it back, and the view follows
    view.undo()
    assert households.table.rowCount() == 2
    # removing 张三 is refused while his findings exist, said in one sentence
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *a, **k: QtWidgets.QMessageBox.Yes)
    households.remove_household()
    assert households.error_label.isVisible() and "不能删除" in households.error_label.text()
    assert store.households.exists(ids["张三"])
    # 李四 has none: removed
    households.search.clear()
    households.roster.setCurrentRow(0)
    households.remove_household()
    assert not store.households.exists(ids["李四"])
    assert [households.roster.item(n).data(Qt.UserRole) for n in range(households.roster.count())] == [ids["张三"]]
    # Enter on a finding opens its item in the walk
    households.table.setCurrentCell(0, 0)
    households.table.activated.emit(households.table.currentIndex())
    assert view.current_item_id() == "2.1.4"
    view.close()


def test_households_are_for_villages_only(qtbot, store):
    from fieldcheck.engine import catalog
    place = store.places.add("县市区", "珠晖区", group="区")
    inspection = store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                          inspectors=["甲"], date="2026-11-22")
    view = show_view(qtbot, store, inspection, activate=False)
    assert view.show_households() is None
    assert "珠晖区" in view.message.text()
    view.close()
