"""The list's menus from the keyboard: Ctrl+F, searching findings, sorting, and the Team menu."""

from __future__ import annotations

import pytest

from fieldcheck.gui.qt import Qt, QtWidgets

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_ctrl_f_on_the_list_and_searching_findings_opens_the_item(qtbot, make_shell, home_store, village):
    window = make_shell().window
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    village_id = home_store.inspections.get(village).assessee_id
    zhang = home_store.households.add(village_id, "张三")
    home_store.findings.add(village, "2.1.4", value=1, household_id=zhang, note="帮扶责任人未签字")
    window.list_page.ui.table.setFocus()
    qtbot.keyClick(window.list_page.ui.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QtWidgets.QApplication.focusWidget() is window.list_page.ui.searchEdit
    dialog = window.list_actions.search_findings()
    qtbot.addWidget(dialog)
    dialog.search.setText("未签字")  # typed through an input method: QTest types only ASCII
    qtbot.keyClick(dialog.search, Qt.Key_Return)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "张三"
    assert dialog.table.item(0, 2).text().startswith("2.1.4")
    dialog.search.setText("张三")
    dialog.run()
    assert dialog.table.rowCount() == 1
    qtbot.keyClick(dialog.table, Qt.Key_Return)
    assert window.view is not None and window.view.current_item_id() == "2.1.4"
    assert not window.list_actions.find_action.isEnabled()  # Ctrl+F in the walk is the text field's own


def test_every_list_column_sorts_from_the_keyboard(make_shell, home_store, village):
    window = make_shell().window
    table = window.list_page.ui.table
    header = table.horizontalHeader()
    window.list_actions.fill_sort_menu()
    names = [a.text() for a in window.list_actions.sort_menu.actions()]
    assert len(names) == table.model().columnCount() and "日期" in names
    window.list_actions.sort_list(5)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (5, Qt.SortOrder.AscendingOrder)
    window.list_actions.sort_list(5)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_team_menu_offers_the_leaders_desk_with_one_key_each(make_shell):
    window = make_shell().window
    texts = [a.text() for a in window.team_menu.actions() if not a.isSeparator()]
    assert texts == ["合并同步包(&M)…", "冲突(&C)…", "交叉检查(&D)…", "任务分派(&A)…", "设备(&E)…", "乡镇轮次考核(&R)…"]
    keys = [text.split("(&")[1][0] for text in texts]
    assert len(set(keys)) == len(keys)  # Alt+T then one letter reaches each, none shadowed
