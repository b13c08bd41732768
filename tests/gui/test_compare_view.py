"""Team ▸ Double inspections…: a double inspection reconciled from the keyboard, then counted in the results."""

from __future__ import annotations

import pytest
from doublekit import double_inspection
from sheetkit import RUBRIC, lock_as_signed
from test_walk import type_text

from fieldcheck.gui.app import open_settings
from fieldcheck.gui.compare.compare_view import CompareView
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.ops.compare import canonical
from fieldcheck.ops.conflicts import set_item
from fieldcheck.ops.scores import answers
from fieldcheck.results.counting import count


@pytest.fixture
def signed_double(store):
    a, b = double_inspection(store)
    for x in (a, b):
        lock_as_signed(store, x)
    return a, b


def _settled(qtbot, view):
    qtbot.waitUntil(lambda: all(j.done.is_set() for j in view.jobs), timeout=20000)
    qtbot.wait(50)  # the finished signal is queued to the window's thread


def _open(qtbot, store):
    view = CompareView(store)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is view)
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=20000)
    return view


def test_a_double_inspection_reconciled_and_then_counted(qtbot, store, signed_double, chinese):
    a, b = signed_double
    assert count(store, RUBRIC.id).conflicts  # two signed, not reconciled: not ranked
    view = _open(qtbot, store)
    assert view.pair_list.count() == 1 and "未核对" in view.pair_list.item(0).text()
    table = view.table
    # only the differing items, marked ≠ and in bold, not by colour alone
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == ["≠", "≠"]
    assert table.item(0, 1).text().startswith("2.1.1") and table.item(0, 1).font().bold()
    assert [table.item(0, c).text() for c in range(2, 7)] == ["3 处", "6", "5 处", "10", "-4"]
    assert "-8" in view.totals.text() and "不一致 2 项" in view.totals.text()
    # the findings of each side, with a photo thumbnail on the first two of A's
    assert view.a_findings.count() == 3 and view.b_findings.count() == 5
    assert not view.a_findings.item(0).icon().isNull()
    assert not view.record_button.isEnabled()

    box = view.decision_box
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or view, Qt.Key_B, Qt.AltModifier)  # Take &B
    qtbot.waitUntil(box.take_b.isChecked)  # a mnemonic clicks a button animated, a moment later
    box.reason.setFocus()
    qtbot.keyClicks(box.reason, "ledger rechecked: 5 errors")  # typed as keys (an IME is not simulated)
    assert not view.record_button.isEnabled()  # 2.5.5 is not decided yet
    table.setFocus()
    qtbot.keyClick(table, Qt.Key_Down)
    assert table.item(table.currentRow(), 1).text().startswith("2.5.5")
    assert not box.take_b.isChecked() and box.reason.text() == ""
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or view, Qt.Key_A, Qt.AltModifier)  # Take &A
    qtbot.waitUntil(box.take_a.isChecked)
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or view, Qt.Key_R, Qt.AltModifier)  # &Reason
    assert QtWidgets.QApplication.focusWidget() is box.reason
    qtbot.keyClicks(box.reason, "called back: satisfied")
    assert view.record_button.isEnabled()

    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or view, Qt.Key_S, Qt.AltModifier)  # Record reconciled re&sult
    qtbot.waitUntil(lambda: store.reconciliations.all() != [])
    links = store.reconciliations.all()
    assert len(links) == 1
    new = links[0].inspection_id
    assert "已记录核对结果" in view.message.text()
    assert not view.record_button.isEnabled()  # once: a second click would make a second result
    got = answers(store, new)
    assert canonical(got["2.1.1"]) == canonical(answers(store, b)["2.1.1"]) and got["2.5.5"] == "满意"
    counting = count(store, RUBRIC.id)
    assert counting.conflicts == [] and [c.row.id for c in counting.counted] == [new]
    _settled(qtbot, view)
    assert "已核对" in view.pair_list.item(0).text() and "未核对" not in view.pair_list.item(0).text()
    again = _open(qtbot, store)  # opened later, it says the pair is settled and by which inspection
    assert f"已核对过(检查 {new[:8]})" in again.message.text()
    _settled(qtbot, again)


def test_an_entered_answer_and_a_missing_reason(qtbot, store, signed_double):
    view = _open(qtbot, store)
    box = view.decision_box
    box.enter.click()
    box.answer.setFocus()
    qtbot.keyClicks(box.answer, "4")
    assert not view.record_button.isEnabled()  # no reason yet
    box.reason.setFocus()
    qtbot.keyClicks(box.reason, "leader counted 4")
    view.table.setCurrentCell(1, 1)
    box.take_a.click()
    box.reason.setFocus()
    qtbot.keyClicks(box.reason, "called back")
    new = view.record()
    assert new is not None and answers(store, new)["2.1.1"] == 4


def test_the_view_fits_the_small_screen_and_tabs_through_everything(qtbot, store, signed_double):
    view = _open(qtbot, store)
    hint = view.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700
    view.resize(1366, 700)
    stops = []
    widget = view.pair_list
    widget.setFocus()
    for _ in range(30):
        stops.append(widget.objectName() or type(widget).__name__)
        qtbot.keyClick(widget, Qt.Key_Tab)
        widget = QtWidgets.QApplication.focusWidget()
        if widget is view.pair_list:
            break
    for name in ("pairList", "inspectionA", "inspectionB", "onlyDiffering", "compareTable", "findingsA", "findingsB",
                 "takeA", "reason"):  # "Record" is off until every differing item is decided
        assert name in stops, stops
    _settled(qtbot, view)


def test_the_team_menu_opens_it(qtbot, store, tmp_path):
    from fieldcheck.gui.window.main_window import MainWindow

    window = MainWindow(store, open_settings(tmp_path))
    qtbot.addWidget(window)
    names = [a.objectName() for a in window.team_menu.actions()]
    assert "actionDoubleInspections" in names
    action = window.team_menu.actions()[names.index("actionDoubleInspections")]
    assert action.text() in ("&Double inspections…", "交叉检查(&D)…")


def test_an_answer_entered_in_words_is_read_by_the_item(qtbot, store, signed_double, chinese):
    """A leader types 四处, not JSON: the count is read from the words, and so is a rating."""
    view = _open(qtbot, store)
    box = view.decision_box
    box.enter.click()
    box.answer.setFocus()
    type_text(box.answer, "四处")
    box.reason.setFocus()
    type_text(box.reason, "组长复核为四处")
    view.table.setCurrentCell(1, 1)
    box.enter.click()
    box.answer.setFocus()
    type_text(box.answer, "满意")
    box.reason.setFocus()
    type_text(box.reason, "电话回访")
    assert "达标" in box.answer.placeholderText() and "达标或未达标" in box.answer.toolTip()  # words, not true/false
    new = view.record()
    assert new is not None, view.message.text()
    got = answers(store, new)
    assert got["2.1.1"] == 4 and got["2.5.5"] == "满意"


def test_each_sides_findings_read_in_words_as_the_answers_do(qtbot, store, chinese):
    """Two inspectors set 2.5.4 入户次数 differently: under each side the finding reads 达标 or 未达标, not True/False."""
    a, b = double_inspection(store)
    set_item(store, a, "2.5.4", True)
    set_item(store, b, "2.5.4", False)
    view = _open(qtbot, store)
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 1).text().startswith("2.5.4"))
    view.table.setCurrentCell(row, 1)
    assert [view.table.item(row, c).text() for c in (2, 4)] == ["达标", "未达标"]
    assert view.a_findings.item(0).text() == "达标" and view.b_findings.item(0).text() == "未达标"
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 1).text().startswith("2.5.5"))
    view.table.setCurrentCell(row, 1)
    assert any(view.b_findings.item(i).text().startswith("不满意 · ") for i in range(view.b_findings.count()))


def test_the_message_says_how_many_items_are_left_to_decide(qtbot, store, signed_double, chinese):
    view = _open(qtbot, store)
    box = view.decision_box
    box.take_b.click()
    box.reason.setText("复核台账")
    box.reason.textEdited.emit(box.reason.text())
    assert "还有 1 项" in view.message.text() and "共 2 项" in view.message.text()
    view.table.setCurrentCell(1, 1)
    box.take_a.click()
    box.reason.setText("回访属实")
    box.reason.textEdited.emit(box.reason.text())
    assert "均已选定" in view.message.text() and view.record_button.isEnabled()
