"""Team ▸ Assignments… in the leader's window, and the draft waiting in an inspector's window.

Two real databases (the leader's and the inspector's), the real windows, the real bundle
written by the dialog's export and imported through the sync dialog, as on the day.
"""

from __future__ import annotations

import pytest

from fieldcheck.engine import catalog
from fieldcheck.gui.app import open_settings
from fieldcheck.gui.assign.assign_dialog import AssignmentsDialog
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.gui.sync.sync_dialog import SyncDialog
from fieldcheck.gui.window.main_window import MainWindow
from fieldcheck.gui.window.settings_dialog import INSPECTOR_KEY
from fieldcheck.ops.places import village_at
from fieldcheck.store import Store

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.usefixtures("chinese")]  # the window in Chinese, as it is used



@pytest.fixture
def leader(tmp_path):
    store = Store.open(tmp_path / "leader.db", device="组长机", user="刘组长", daily_backup=False,
                       backup_on_close=False)
    mei = village_at(store, "衡阳县/西渡镇/梅花村")
    village_at(store, "衡阳县/西渡镇/桃村")
    village_at(store, "衡阳县/渣江镇/东山村")
    store.households.add(mei, "王大", members=3)
    store.households.add(mei, "李二")
    yield store
    store.close()


@pytest.fixture
def inspector(tmp_path):
    store = Store.open(tmp_path / "zhang.db", device="张三机", daily_backup=False, backup_on_close=False)
    yield store
    store.close()


def in_modal(qtbot, kind, drive) -> list:
    """Run ``drive(dialog)`` on the modal dialog of ``kind`` once it is open; the dialog is closed afterwards."""
    done: list = []

    def step():
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QtCore.QTimer.singleShot(20, step)
            return
        try:
            done.append(drive(dialog))
        finally:
            dialog.reject()

    QtCore.QTimer.singleShot(0, step)
    return done


def test_the_leader_assigns_and_exports_and_the_inspector_finds_the_draft_waiting(qtbot, leader, inspector, tmp_path,
                                                                                monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    window = MainWindow(leader, open_settings(tmp_path / "leader"))
    qtbot.addWidget(window)
    action = window.findChild(QtGui.QAction, "actionAssignments")
    assert action in window.team_menu.actions() and action.text() == "任务分派(&A)…"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))

    def drive(dialog: AssignmentsDialog):
        dialog.inspector.setEditText("张三")  # typed through the input method
        dialog.date.setDate(QtCore.QDate(2026, 11, 23))
        assert dialog.rubric.currentData() == "village-work-team"
        # keyboard first: pinyin initials in the filter, Enter ticks what it found
        assert dialog.assessees.count() == 3
        qtbot.keyClicks(dialog.filter, "mhc")
        qtbot.keyClick(dialog.filter, Qt.Key_Return)
        assert dialog.chosen.text() == "已选 1 个被考核单位"
        dialog.assign_button.click()
        assert dialog.table.rowCount() == 1 and "张三" in dialog.message.text()
        assert [dialog.table.item(0, c).text() for c in (0, 1, 2, 4)] == \
            ["2026-11-23", "张三", "衡阳县/西渡镇/梅花村", "待检查"]
        dialog.export_button.click()
        qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.done.is_set(), timeout=20000)
        qtbot.waitUntil(lambda: "已导出" in dialog.message.text(), timeout=20000)
        return dialog.message.text()

    said = in_modal(qtbot, AssignmentsDialog, drive)
    action.trigger()
    assert said and str(usb) in said[0]
    (bundle,) = usb.glob("*.fcbundle")
    assert "张三" in bundle.name
    # the leader's own list shows the draft as assigned
    assert window.list_page.model.ids and window.list_page.model.index(0, 4).data() == "已分派"

    settings = open_settings(tmp_path / "zhang")
    settings.setValue(INSPECTOR_KEY, "张三")
    theirs = MainWindow(inspector, settings)
    qtbot.addWidget(theirs)
    monkeypatch.setattr(QtWidgets.QMessageBox, "question",
                        lambda *a, **k: QtWidgets.QMessageBox.StandardButton.Yes)  # trust the leader's laptop

    def take(dialog: SyncDialog):
        dialog.drop.dropped.emit([bundle])
        qtbot.waitUntil(lambda: dialog.report.rowCount() == 1, timeout=20000)
        return dialog.report.item(0, 2).text()

    got = in_modal(qtbot, SyncDialog, take)
    theirs.findChild(QtGui.QAction, "actionExchangeBundles").trigger()
    assert got and int(got[0]) > 5
    page = theirs.list_page
    page.mine_check.setChecked(True)  # 我的任务
    assert page.mine_check.text() == "我的任务(&M)"
    (draft,) = page.model.ids
    model = page.model
    assert [model.index(0, c).data() for c in (0, 2, 3, 4)] == ["衡阳县/西渡镇/梅花村", "2026-11-23", "张三", "已分派"]
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "已分派给 张三,日期 2026-11-23"
    page.ui.table.selectRow(0)
    page.open_selected()
    assert theirs.view is not None and theirs.inspection_id == draft
    walked = inspector.inspections.get(draft)
    assert walked.rubric_version == catalog.find("village-work-team").version
    roster = [h.head_name for h in inspector.households.of_village(walked.assessee_id)]
    assert roster == ["王大", "李二"]


def test_someone_elses_drafts_are_not_mine(qtbot, leader, tmp_path):
    from fieldcheck.ops import assignments

    assignments.assign(leader, "王五", "2026-11-23", "village-work-team", ["桃村"])
    settings = open_settings(tmp_path / "me")
    settings.setValue(INSPECTOR_KEY, "张三")
    window = MainWindow(leader, settings)
    qtbot.addWidget(window)
    assert len(window.list_page.model.ids) == 1
    window.list_page.mine_check.setChecked(True)
    assert window.list_page.model.ids == []


def test_the_dialog_says_what_is_missing_and_removes_with_the_delete_key(qtbot, leader):
    dialog = AssignmentsDialog(leader)
    qtbot.addWidget(dialog)
    dialog.assign_button.click()
    assert "勾选" in dialog.message.text()
    dialog.tick(["梅花村"])
    dialog.assign_button.click()  # no inspector named
    assert dialog.message.text() == "请填写检查人员姓名" and dialog.table.rowCount() == 0
    dialog.inspector.setEditText("张三")
    dialog.tick(["梅花村", "桃村"])
    dialog.assign_button.click()
    assert dialog.table.rowCount() == 2
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key_Delete)
    assert dialog.table.rowCount() == 1 and "删除" in dialog.message.text()
    assert len(leader.assignments.all()) == 1


def test_removing_twice_does_not_remove_the_next_assignment_unseen(qtbot, leader):
    dialog = AssignmentsDialog(leader)
    qtbot.addWidget(dialog)
    dialog.inspector.setEditText("张三")
    dialog.tick(["梅花村", "桃村"])
    dialog.assign_button.click()
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(0)
    gone = dialog.table.item(0, 2).text()
    dialog.remove_button.click()
    dialog.remove_button.click()  # the hurried second press
    assert dialog.table.rowCount() == 1 and len(leader.assignments.all()) == 1
    assert dialog.table.item(0, 2).text() != gone and not dialog.remove_button.isEnabled()
    assert gone.split("/")[-1] in dialog.message.text()  # the message still names the one removed


def test_a_day_the_month_lacks_typed_in_the_date_is_said_back_as_the_day_assigned(qtbot, leader):
    dialog = AssignmentsDialog(leader)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.inspector.setEditText("张三")
    dialog.tick(["梅花村"])
    dialog.date.setFocus()
    dialog.date.setCurrentSection(QtWidgets.QDateTimeEdit.Section.YearSection)
    for part in ("2026", "-", "02", "-", "30"):  # as the leader types it: Qt's field keeps 02-03
        qtbot.keyClicks(dialog.date, part)
    day = dialog.date.date().toString("yyyy-MM-dd")
    dialog.assign_button.click()
    assert [a.date for a in leader.assignments.all()] == [day]
    assert day in dialog.message.text() and "张三" in dialog.message.text()  # the day stored, said where it is read


def test_tab_reaches_every_control_and_leaves_the_lists(qtbot, leader):
    from fieldcheck.ops import assignments

    assignments.assign(leader, "张三", "2026-11-23", "village-work-team", ["桃村"])
    dialog = AssignmentsDialog(leader)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    dialog.table.selectRow(0)
    dialog.inspector.setFocus()
    qtbot.waitUntil(dialog.inspector.hasFocus)
    seen = []
    for _ in range(14):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QtWidgets.QApplication.focusWidget())
    for widget in (dialog.date, dialog.rubric, dialog.filter, dialog.assessees, dialog.assign_button, dialog.table,
                   dialog.remove_button, dialog.export_button):
        assert any(w is widget or widget.isAncestorOf(w) for w in seen), widget.objectName()
    # Space in the list ticks the current assessee
    dialog.assessees.setFocus()
    dialog.assessees.setCurrentRow(0)
    qtbot.keyClick(dialog.assessees, Qt.Key_Space)
    assert len(dialog.ticked()) == 1
