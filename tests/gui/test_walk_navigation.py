"""Moving through the walk with keys and the tree, the help dialog, marks, the layout at 1366×768,
and what survives a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from walkkit import show_view, village_inspection

from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.walk.inspection_view import InspectionView
from fieldcheck.gui.window.shortcuts_dialog import ShortcutsDialog
from fieldcheck.ops import scores
from fieldcheck.store import Store
from fieldcheck.store.signatures import SignerInput


def lock(store, inspection_id):
    """Sign at the store level (no sheet hash needed here): the inspection is then locked."""
    store.signatures.sign(inspection_id, [SignerInput("李明", "leader")], content_hash="0" * 64, key_id="test")



def show(qtbot, store, inspection_id) -> InspectionView:
    view = show_view(qtbot, store, inspection_id)
    view.tree.setFocus()
    return view


@pytest.fixture
def view(qtbot, store):
    v = show(qtbot, store, village_inspection(store)[0])
    yield v
    v.close()


def press(qtbot, view, k, mods=Qt.NoModifier) -> None:
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or view.tree, k, mods)


def test_keys_move_next_previous_and_to_the_next_unanswered(qtbot, view, store):
    moves: list[str] = []
    view.item_changed.connect(moves.append)
    assert view.current_item_id() == "1.1"
    press(qtbot, view, Qt.Key_Down, Qt.ControlModifier)
    press(qtbot, view, Qt.Key_Right, Qt.AltModifier)
    assert view.current_item_id() == "1.3"
    press(qtbot, view, Qt.Key_Up, Qt.ControlModifier)
    assert moves == ["1.2", "1.3", "1.2"]
    # answer 1.3 and 2.1.1, then "next unanswered" from 1.2 skips them
    view.go_to_item("1.3")
    press(qtbot, view, Qt.Key_K, Qt.ControlModifier)
    view.go_to_item("2.1.1")
    press(qtbot, view, Qt.Key_Return, Qt.ControlModifier)
    view.go_to_item("1.2")
    view.tree.setFocus()
    press(qtbot, view, Qt.Key_F8)
    assert view.current_item_id() == "2.1.2"
    press(qtbot, view, Qt.Key_Down, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.current_item_id() == "2.1.3"
    # the last item stays the last; the first stays the first
    view.go_to_item("4.3")
    press(qtbot, view, Qt.Key_Down, Qt.ControlModifier)
    assert view.current_item_id() == "4.3"
    assert "30" in view.position_label.text()


def test_clicking_an_item_in_the_tree_jumps_there_and_sections_are_not_items(qtbot, view):
    tree = view.tree
    row = tree.row("3.2.1")
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(row).center())
    assert view.current_item_id() == "3.2.1"
    assert view.panel.title_label.text().startswith("3.2.1 延报错报")
    section = tree.row("3.2")
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=tree.visualItemRect(section).center())
    assert view.current_item_id() == "3.2.1"


def test_undo_on_another_item_moves_there_and_redo_follows(qtbot, view, store):
    view.go_to_item("1.1")
    editor = view.panel.editor
    editor.list.setFocus()
    editor.list.setCurrentItem(editor.row("工作计划"))
    qtbot.keyClick(editor.list, Qt.Key_Space)
    assert view.score_panel.total_label.text() == "198 / 210"
    view.go_to_item("3.1.1")
    qtbot.mouseClick(view.panel.editor.no_button, Qt.LeftButton)
    view.go_to_item("4.2")
    view.tree.setFocus()
    assert view.action("undo").isEnabled() and not view.action("redo").isEnabled()
    press(qtbot, view, Qt.Key_Z, Qt.ControlModifier)
    assert view.current_item_id() == "3.1.1"
    assert view.panel.editor.value() is None
    press(qtbot, view, Qt.Key_Z, Qt.ControlModifier)
    assert view.current_item_id() == "1.1"
    assert view.panel.editor.row("工作计划").checkState() == Qt.Unchecked
    assert view.score_panel.total_label.text() == "200 / 210"
    assert not view.action("undo").isEnabled()
    view.go_to_item("4.2")
    view.tree.setFocus()
    press(qtbot, view, Qt.Key_Y, Qt.ControlModifier)  # Ctrl+Y redoes too
    assert view.current_item_id() == "1.1"
    press(qtbot, view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.current_item_id() == "3.1.1"
    assert view.score_panel.total_label.text() == "192 / 210"
    assert view.tree.state_text("3.1.1") == "✗ −6"


def test_marks_by_key_and_checkbox(qtbot, view, store):
    inspection_id = view.inspection_id
    view.go_to_item("2.1.3")
    press(qtbot, view, Qt.Key_K, Qt.ControlModifier)
    assert store.findings.marks(inspection_id) == {"2.1.3": "checked"}
    assert view.tree.state_text("2.1.3") == "✓ 0" and view.panel.checked_box.isChecked()
    assert not view.panel.na_box.isEnabled()  # 2.1.3 cannot be "not applicable" (issue 8)
    view.go_to_item("2.6.2")  # 户脱贫: not applicable to a village that is not a 贫困村
    press(qtbot, view, Qt.Key_K, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.tree.state_text("2.6.2") == "– " + view.tree.tr("n/a")
    assert view.panel.na_box.isChecked() and not view.panel.checked_box.isChecked()
    # met / not met needs a verdict: looked at alone is not an answer
    view.go_to_item("2.5.4")
    qtbot.mouseClick(view.panel.checked_box, Qt.LeftButton)
    assert view.tree.state_text("2.5.4").startswith("◔")
    assert "2.5.4" not in scores.answers(store, inspection_id)
    # a finding on an item marked n/a clears the mark, in the same undo step
    view.go_to_item("2.6.2")
    press(qtbot, view, Qt.Key_Return, Qt.ControlModifier)
    assert store.findings.marks(inspection_id).get("2.6.2") == "checked"
    assert view.tree.state_text("2.6.2") == "✗ −10"
    view.undo()
    assert store.findings.marks(inspection_id).get("2.6.2") == "na" and not store.findings.of(inspection_id, "2.6.2")
    # Ctrl+Delete removes the selected finding
    view.redo()
    view.tree.setFocus()
    press(qtbot, view, Qt.Key_Delete, Qt.ControlModifier)
    assert not store.findings.of(inspection_id, "2.6.2")


def test_help_lists_every_shortcut(qtbot, view):
    keys = {a.objectName(): [k.toString() for k in a.shortcuts()] for a in view.actions()}
    for name in ("previous", "next", "next_unanswered", "undo", "redo", "help", "add_finding", "mark_checked"):
        assert keys[f"action_{name}"], name
    assert keys["action_undo"] == ["Ctrl+Z"] and "Ctrl+Shift+Z" in keys["action_redo"]
    everything = [k for ks in keys.values() for k in ks]
    assert len(everything) == len(set(everything))  # no key does two things
    press(qtbot, view, Qt.Key_F1)
    dialog = view.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    listed = dict(dialog.rows())
    assert len(listed) == len(view.actions())
    assert any("Ctrl+Z" in v for v in listed.values())
    assert any("Ctrl+Shift+Z" in v for v in listed.values())
    dialog.close()


def test_fits_1366_by_768_with_touch_sized_buttons(qtbot, view):
    for item in view.session.items:
        view.go_to_item(item.id)
        QtWidgets.QApplication.processEvents()
        panel = view.panel
        assert not panel.horizontalScrollBar().isVisible(), item.id
        assert panel.content_label.wordWrap() and panel.content_label.text() == item.content
        assert panel.standard_label.text() == item.standard
        for button in panel.findChildren(QtWidgets.QAbstractButton):
            if button.isVisible() and isinstance(button, QtWidgets.QPushButton):
                assert button.height() >= 32, (item.id, button.text())
    assert view.score_panel.isVisible() and view.tree.isVisible()
    assert view.score_panel.geometry().right() <= 1366


def test_splitter_state_round_trips(qtbot, view, store):
    view.splitter.setSizes([300, 700, 340])
    state = view.splitter_state()
    other = show(qtbot, store, view.inspection_id)
    other.restore_splitter_state(state)
    assert other.splitter.sizes() == view.splitter.sizes()
    other.close()


CRASH = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from fieldcheck.gui.qt import QtWidgets, Qt
    from PySide6.QtTest import QTest
    from fieldcheck.store import Store
    from fieldcheck.gui.walk.inspection_view import InspectionView
    app = QtWidgets.QApplication([])
    store = Store.open(sys.argv[1], device="laptop-1")
    view = InspectionView(store, sys.argv[2])
    view.show()
    view.go_to_item("2.1.1")
    QTest.mouseClick(view.panel.editor.add_buttons[None], Qt.LeftButton)
    note = view.panel.editor.note_edit
    note.setFocus()
    QTest.keyClicks(note, "page 3 wrong")
    QTest.qWait(1200)  # no Enter, no focus change: the note is saved while typing pauses
    view.go_to_item("2.5.4")
    QTest.mouseClick(view.panel.editor.yes_button, Qt.LeftButton)
    print(view.current_item_id(), flush=True)
    os._exit(9)  # power cut: no close, no backup, no clean shutdown
""")


def test_a_crash_loses_nothing_entered(qtbot, tmp_path):
    db = tmp_path / "fieldcheck.db"
    store = Store.open(db, device="laptop-1")
    inspection_id = village_inspection(store)[0]
    store.close()
    run = subprocess.run([sys.executable, "-c", CRASH, str(db), inspection_id], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 9, run.stderr
    last_item = run.stdout.strip().splitlines()[-1]
    store = Store.open(db, device="laptop-1")
    view = show(qtbot, store, inspection_id)
    view.go_to_item(last_item)  # the shell restores the item it was told about
    assert view.current_item_id() == "2.5.4" and view.panel.editor.yes_button.isChecked()
    view.go_to_item("2.1.1")
    assert view.panel.editor.note_edit.text() == "page 3 wrong"
    assert view.score_panel.total_label.text() == "198 / 210"
    view.close()
    store.close()


def test_an_edit_the_store_refuses_is_explained_and_not_kept(qtbot, view, store):
    inspection_id = view.inspection_id
    view.go_to_item("2.1.1")
    press(qtbot, view, Qt.Key_Return, Qt.ControlModifier)
    lock(store, inspection_id)  # signed on this laptop meanwhile
    view.go_to_item("2.1.2")
    view.tree.setFocus()
    press(qtbot, view, Qt.Key_Return, Qt.ControlModifier)
    assert view.message.isVisible() and view.message.text()
    assert "Traceback" not in view.message.text()
    assert store.findings.of(inspection_id, "2.1.2") == []
    assert view.undo_stack.count() == 1  # the refused edit left no step behind
    assert view.tree.state_text("2.1.2").startswith("○")
    # undo is refused too, and explained; the finding stays
    press(qtbot, view, Qt.Key_Z, Qt.ControlModifier)
    assert len(store.findings.of(inspection_id, "2.1.1")) == 1 and view.message.isVisible()


def test_a_signed_inspection_opens_read_only(qtbot, store):
    inspection_id = village_inspection(store)[0]
    store.findings.add(inspection_id, "2.1.1")
    lock(store, inspection_id)
    view = show(qtbot, store, inspection_id)
    assert view.message.isVisible()
    view.go_to_item("2.1.1")
    assert not view.panel.editor.isEnabled() and not view.panel.checked_box.isEnabled()
    assert not view.panel.photos.add_button.isEnabled()
    assert view.tree.state_text("2.1.1") == "✗ −2" and view.score_panel.total_label.text() == "198 / 210"
    view.close()


def test_undo_says_what_it_would_undo(qtbot, view):
    view.go_to_item("2.1.4")
    press(qtbot, view, Qt.Key_Return, Qt.ControlModifier)
    assert "2.1.4" in view.action("undo").toolTip()
    view.undo()
    assert "2.1.4" not in view.action("undo").toolTip() and "2.1.4" in view.action("redo").toolTip()
