"""Keyboard first: Tab follows the screen on every rule form, and the whole 考核细则 is walked with keys only."""

from __future__ import annotations

import pytest
from walkkit import show_view, village_inspection

from fieldcheck.engine import catalog
from fieldcheck.gui.qt import Qt, QtGui, QtWidgets
from fieldcheck.gui.widgets.numbers import WholeNumberBox
from fieldcheck.ops import scores

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: one item of each rule form of the 考核细则
FORMS = {"1.1": "missing_elements", "2.1.4": "per_occurrence", "2.3.2": "min_options", "2.4.1": "duty_checklist",
         "2.5.4": "pass_fail", "2.5.5": "rating", "2.6.2": "per_event", "4.1": "bonus"}


def focus() -> QtWidgets.QWidget:
    return QtWidgets.QApplication.focusWidget()


def tab_walk(qtbot, view, start: QtWidgets.QWidget, limit: int = 80) -> list[QtWidgets.QWidget]:
    """Press Tab from ``start`` until the focus leaves the view or comes back; the widgets visited."""
    start.setFocus(Qt.TabFocusReason)
    seen = [focus()]
    for _ in range(limit):
        qtbot.keyClick(focus(), Qt.Key_Tab)
        now = focus()
        assert now is not seen[-1], f"Tab stays on {now.objectName()}: a trap (it is no circle back to the start)"
        if now is None or now is seen[0] or not view.isAncestorOf(now):
            break
        assert now not in seen, f"Tab came back to {now.objectName()} before leaving: a trap"
        seen.append(now)
    return seen


def column_of(view, widget) -> int:
    for n, host in enumerate((view.ui.treeHost, view.ui.centreHost, view.ui.scoreHost)):
        if host.isAncestorOf(widget):
            return n
    raise AssertionError(f"{widget} is in no column")


def assert_screen_order(view, visited) -> None:
    """Columns left to right; inside one, each stop below the last, or on its row and to its right."""
    previous = None
    for widget in visited:
        where = (column_of(view, widget), widget.mapToGlobal(widget.rect().topLeft()), widget.height())
        if previous is not None:
            (col0, p0, h0), (col1, p1, _h1) = previous, where
            assert col1 >= col0, f"{widget.objectName()} is in a column left of the one before"
            if col1 == col0:
                same_row = p1.y() < p0.y() + h0 - 2 and p1.y() >= p0.y() - h0
                assert p1.y() >= p0.y() + h0 - 2 or (same_row and p1.x() > p0.x()), (
                    f"{widget.objectName() or type(widget).__name__} ({p1.x()},{p1.y()}) comes after "
                    f"({p0.x()},{p0.y()}) but is above it or left of it on its row")
        previous = where


@pytest.mark.parametrize("item_id", list(FORMS))
def test_tab_follows_the_screen_on_every_rule_form(qtbot, store, item_id):
    inspection_id, households = village_inspection(store, ("张三",))
    if FORMS[item_id] in ("per_occurrence", "per_event", "rating"):
        value = "满意" if FORMS[item_id] == "rating" else 1
        store.findings.add(inspection_id, item_id, value=value, household_id=households["张三"])
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item(item_id)
    qtbot.wait(20)  # the editor is shown, and the chain rebuilt, on the next turn of the event loop
    visited = tab_walk(qtbot, view, view.tree)
    assert_screen_order(view, visited)
    names = [w.objectName() for w in visited]
    assert names[0] == "rubricTree" or visited[0] is view.tree
    assert "nav_previous" in names and names.index("nav_previous") < names.index("markChecked")
    if FORMS[item_id] in ("pass_fail", "bonus"):
        assert names.index("verdictYes") < names.index("verdictNo")  # "✗ 未达标" is reached by Tab
    if FORMS[item_id] in ("per_occurrence", "per_event", "rating"):
        # the findings table does not trap Tab: on to 处数/评价, 农户, 备注, the photos
        at = names.index("findingsTable")
        assert names[at + 1:at + 4] == ["findingValue", "householdPicker", "findingNote"]
        assert "addPhotos" in names[at:]
    view.close()


def test_every_dialog_tabs_in_screen_order(qtbot, store):
    from fieldcheck.gui.households.household_dialog import HouseholdDialog
    from fieldcheck.gui.widgets.tab_order import screen_sorted, tab_stops
    inspection_id, households = village_inspection(store, ("张三",))
    view = show_view(qtbot, store, inspection_id)
    dialogs = [HouseholdDialog(view.session, households["张三"], view), view.show_households()]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.windowHandle().requestActivate()
        qtbot.waitUntil(lambda d=dialog: QtWidgets.QApplication.activeWindow() is d)
        qtbot.wait(20)
        expected = [w for column in dialog.columns() for w in screen_sorted(tab_stops(column))]
        stops = expected
        first = stops[0]
        first.setFocus(Qt.TabFocusReason)
        visited = [first]
        for _ in range(len(stops) - 1):
            qtbot.keyClick(focus(), Qt.Key_Tab)
            visited.append(focus())
        assert visited == expected, dialog.objectName()
        dialog.close()
    view.close()


def key(qtbot, widget, k, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(widget, k, modifier)


def test_a_keyboard_only_walk_of_the_whole_rubric(qtbot, store):
    """Every item of the 考核细则 answered with keys alone, moving with Ctrl+↓; the score is the CLI's."""
    inspection_id, _ = village_inspection(store, ("张三",))
    view = show_view(qtbot, store, inspection_id)
    rubric = catalog.find("village-work-team")
    view.go_to_item(rubric.items()[0].id)
    view.tree.setFocus()
    for n, item in enumerate(rubric.items()):
        assert view.current_item_id() == item.id
        qtbot.wait(5)
        kind = item.rule.kind
        key(qtbot, focus(), Qt.Key_Return, Qt.ControlModifier)  # add a finding, or go to the answer
        if kind in ("per_occurrence", "per_event"):
            assert isinstance(focus(), WholeNumberBox)  # Ctrl+Enter: the new finding's first field
            focus().selectAll()
            qtbot.keyClicks(focus(), "2")
            key(qtbot, focus(), Qt.Key_Tab)
            key(qtbot, focus(), Qt.Key_Tab)  # past the household, to the note
            assert focus().objectName() == "findingNote"
            qtbot.keyClicks(focus(), "ok")
            key(qtbot, focus(), Qt.Key_Return)
        elif kind == "rating":
            assert focus().objectName() == "findingValue"
        elif kind in ("missing_elements", "duty_checklist", "min_options"):
            lst = focus()
            assert isinstance(lst, QtWidgets.QListWidget), item.id
            key(qtbot, lst, Qt.Key_Down)
            key(qtbot, lst, Qt.Key_Space)
        elif kind in ("pass_fail", "bonus"):
            assert focus().objectName() == "verdictYes"
            key(qtbot, focus(), Qt.Key_Tab)
            assert focus().objectName() == "verdictNo"
            key(qtbot, focus(), Qt.Key_Space)
        else:  # pragma: no cover - the 考核细则 has no other form
            raise AssertionError(kind)
        assert view.session.status(item.id) != "unanswered", item.id
        if n + 1 < len(rubric.items()):
            key(qtbot, focus(), Qt.Key_Down, Qt.ControlModifier)
    result = scores.score_inspection(store, inspection_id)
    assert result.complete
    assert view.session.result.to_json() == result.to_json()
    assert all(f.note == "ok" for f in store.findings.of(inspection_id) if f.value == 2)
    view.close()


def test_the_shell_dialogs_tab_in_screen_order(qtbot, store, tmp_path):
    from fieldcheck.gui.app import open_settings
    from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
    from fieldcheck.gui.widgets.tab_order import screen_sorted, tab_stops
    from fieldcheck.gui.window.settings_dialog import SettingsDialog
    settings = open_settings(tmp_path)
    for dialog in (NewInspectionDialog(store, settings), SettingsDialog(settings, data_dir=tmp_path, db_path=store.path)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.windowHandle().requestActivate()
        qtbot.waitUntil(lambda d=dialog: QtWidgets.QApplication.activeWindow() is d)
        qtbot.wait(20)
        expected = screen_sorted(tab_stops(dialog))
        expected[0].setFocus(Qt.TabFocusReason)
        visited = [expected[0]]
        for _ in range(len(expected) - 1):
            qtbot.keyClick(focus(), Qt.Key_Tab)
            visited.append(focus())
        got, want = [w.objectName() or type(w).__name__ for w in visited], [w.objectName() or type(w).__name__ for w in expected]
        assert got == want, (type(dialog).__name__, got, want)
        dialog.close()


def test_ctrl_z_in_a_text_field_undoes_the_typing_first(qtbot, store):
    inspection_id, _ = village_inspection(store, ("张三",))
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.1.4")
    view.tree.setFocus()
    key(qtbot, view.tree, Qt.Key_Return, Qt.ControlModifier)  # one finding; undo would remove it
    note = view.panel.editor.note_edit
    note.setFocus()
    qtbot.keyClicks(note, "abc")
    key(qtbot, note, Qt.Key_Z, Qt.ControlModifier)
    assert note.text() == "" and len(store.findings.of(inspection_id, "2.1.4")) == 1  # the text, not the finding
    # the undo action says what it will undo, in the menu text and the tooltip
    assert view.action("undo").text().startswith("Undo: ") and "2.1.4" in view.action("undo").toolTip()
    assert view.action("undo").iconText() == "Undo"
    view.close()


def _tab_leaves(qtbot, window, table) -> QtWidgets.QWidget:
    """Where Tab from ``table`` puts the focus, ``window`` shown and active."""
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    table.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: focus() is table)
    qtbot.keyClick(table, Qt.Key_Tab)
    return focus()


def test_tab_leaves_every_table_of_the_list_results_sync_and_shortcuts(qtbot, store):
    """A table whose Tab moves from cell to cell never gives the focus back: the inspections list was one (Tab
    stayed in it for good, and tab_walk above took that for a full circle), and so were the results, the
    exchange report and the shortcuts list."""
    from fieldcheck.gui.inspections.inspection_list import InspectionListPage
    from fieldcheck.gui.results.results_view import ResultsView
    from fieldcheck.gui.sync.sync_dialog import SyncDialog
    from fieldcheck.gui.window.shortcuts_dialog import ShortcutsDialog

    village_inspection(store)
    page = InspectionListPage(store)
    results, sync = ResultsView(store), SyncDialog(store)
    shortcuts = ShortcutsDialog([QtGui.QAction("Open", page)])
    for window in (page, results, sync, shortcuts):
        qtbot.addWidget(window)
    for window, table in ((page, page.ui.table), (results, results.table), (sync, sync.report),
                          (shortcuts, shortcuts.ui.shortcutsTable)):
        assert _tab_leaves(qtbot, window, table) is not table, f"Tab stays in {table.objectName()}: a trap"
        window.close()
    assert not results.loss_table.tabKeyNavigation()  # on a tab of its own: the same setting


def test_the_list_tabs_in_screen_order(qtbot, store):
    """我的任务 was added to the filter row in code, after the form's order was set: Tab went from the buttons at
    the bottom to it, and only then to the search box at the top left."""
    from fieldcheck.gui.inspections.inspection_list import InspectionListPage

    village_inspection(store)
    page = InspectionListPage(store)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    visited = [_tab_leaves(qtbot, page, page.ui.searchEdit)]
    for _ in range(8):
        qtbot.keyClick(focus(), Qt.Key_Tab)
        visited.append(focus())
    names = [w.objectName() for w in visited]
    assert names[:names.index("searchEdit")] == ["statusCombo", "placeCombo", "mineCheck", "table", "newButton",
                                                  "openButton", "duplicateButton", "deleteButton"]
