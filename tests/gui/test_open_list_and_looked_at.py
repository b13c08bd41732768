"""The walk: "其他 (请注明)" on 2.3.2's open list, by keyboard; 已检查 meaning one thing on every rule form."""

from __future__ import annotations

import pytest
from walkkit import show_view, village_inspection

from fieldcheck.engine.answers import NOTHING_FOUND
from fieldcheck.gui.qt import Qt, QtGui, QtWidgets
from fieldcheck.ops import scores
from fieldcheck.signing.content import gather

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

#: one item of each rule form of the 考核细则
FORMS = {"1.1": "missing_elements", "2.1.4": "per_occurrence", "2.3.2": "min_options", "2.4.1": "duty_checklist",
         "2.5.4": "pass_fail", "2.5.5": "rating", "2.6.2": "per_event", "4.1": "bonus"}


def focus() -> QtWidgets.QWidget:
    return QtWidgets.QApplication.focusWidget()


def type_chinese(widget: QtWidgets.QWidget, text: str) -> None:
    """What a Chinese input method sends once a phrase is chosen: a commit string (QTest types Latin-1 only)."""
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


def test_other_ways_are_named_with_the_keyboard_count_and_print(qtbot, store):
    inspection_id, _ = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.3.2")
    qtbot.wait(20)  # the tab chain is rebuilt on the next turn
    editor = view.panel.editor
    assert editor.other_edit is not None and not editor.other_edit.isEnabled()  # nothing typed by accident
    editor.list.setFocus(Qt.TabFocusReason)
    editor.list.setCurrentRow(0)
    qtbot.keyClick(editor.list, Qt.Key_Space)  # 宣传栏
    assert view.tree.state_text("2.3.2") == "✗ −5"
    qtbot.keyClick(focus(), Qt.Key_Tab)
    assert focus() is editor.other_box  # Tab goes from the list to 其他
    qtbot.keyClick(focus(), Qt.Key_Space)
    assert focus() is editor.other_edit and editor.other_edit.isEnabled()  # ticking it puts the caret there
    type_chinese(focus(), "广播、微信群")
    qtbot.keyClick(focus(), Qt.Key_Return)
    assert scores.answers(store, inspection_id)["2.3.2"] == {"selected": ["宣传栏"], "other": ["广播", "微信群"]}
    assert view.tree.state_text("2.3.2") == "✓ 0"
    assert editor.summary.text().startswith("✓") and "3" in editor.summary.text()
    assert any("广播、微信群" in line for line in view.score_panel.trace_lines())  # the engine's reason, shown
    row = next(r for r in gather(store, inspection_id).rows if r.number == "2.3.2")
    assert "选:宣传栏、其他:广播、微信群" in row.basis
    # unticking 其他 takes the other ways out of the count (and undo brings them back)
    editor.other_box.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(editor.other_box, Qt.Key_Space)
    assert scores.answers(store, inspection_id)["2.3.2"] == {"selected": ["宣传栏"]}
    assert view.tree.state_text("2.3.2") == "✗ −5"
    view.undo()
    assert scores.answers(store, inspection_id)["2.3.2"]["other"] == ["广播", "微信群"]
    assert view.panel.editor.other_box.isChecked() and view.panel.editor.other_edit.text() == "广播、微信群"
    view.close()
    # reopened, the window shows what was named
    again = show_view(qtbot, store, inspection_id, activate=False)
    again.go_to_item("2.3.2")
    assert again.panel.editor.other_box.isChecked() and again.panel.editor.other_edit.text() == "广播、微信群"
    again.close()


def test_a_listed_way_typed_under_other_is_refused_in_a_sentence_and_nothing_is_stored(qtbot, store):
    inspection_id, _ = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.3.2")
    editor = view.panel.editor
    editor.other_box.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(editor.other_box, Qt.Key_Space)
    type_chinese(focus(), "标语")
    qtbot.keyClick(focus(), Qt.Key_Return)
    assert editor.error_label.isVisible() and "标语" in editor.error_label.text()
    assert "2.3.2" not in scores.answers(store, inspection_id)
    view.close()


@pytest.mark.parametrize("item_id", list(FORMS))
def test_looked_at_answers_exactly_where_nothing_found_is_an_answer(qtbot, store, item_id):
    inspection_id, _ = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item(item_id)
    before = view.session.result.answered
    box = view.panel.checked_box
    assert box.text() == (view.panel.tr("Looked at (nothing found = no deduction)") if FORMS[item_id] in NOTHING_FOUND
                          else view.panel.tr("Looked at (the answer goes below)"))
    view.action("mark_checked").trigger()  # Ctrl+K
    assert box.isChecked()
    if FORMS[item_id] in NOTHING_FOUND:
        assert view.session.result.answered == before + 1
        assert view.tree.state_text(item_id) == "✓ 0"
        assert view.session.result.nodes[item_id].deduction == 0
    else:  # a value form: looked at, still to answer; F8 still stops here
        assert view.session.result.answered == before
        assert view.tree.state_text(item_id).startswith("◔")
        assert box.text() == view.panel.tr("Looked at: the answer is still needed")
        assert view.session.result.nodes[item_id].status == "unanswered"
    view.close()


def test_a_finding_makes_looked_at_moot_and_removing_it_brings_nothing_found_back(qtbot, store):
    inspection_id, _ = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("4.1")  # a bonus: earned is not a deduction, and still makes the mark moot
    view.action("mark_checked").trigger()
    assert view.tree.state_text("4.1") == "✓ 0"  # answered: no bonus
    view.panel.editor.yes_button.click()
    assert view.panel.checked_box.text() == view.panel.tr("Looked at: moot, findings are recorded")
    assert view.tree.state_text("4.1").startswith("+ ") and view.tree.state_text("4.1") != "+ 0"  # + 5
    view.go_to_item("1.1")
    view.action("mark_checked").trigger()
    view.panel.editor.row("工作计划").setCheckState(Qt.Checked)
    assert view.panel.checked_box.text() == view.panel.tr("Looked at: moot, findings are recorded")
    assert view.tree.state_text("1.1") == "✗ −2"
    view.panel.editor.row("工作计划").setCheckState(Qt.Unchecked)
    assert view.panel.checked_box.isChecked()
    assert view.panel.checked_box.text() == view.panel.tr("Looked at (nothing found = no deduction)")
    assert view.tree.state_text("1.1") == "✓ 0"
    view.close()


def test_other_ways_are_stored_while_the_caret_is_still_in_the_field(qtbot, store):
    """The 其他 field was stored only on leaving it: a lid shut with the caret still there lost the ways named.
    It is stored a moment after typing stops, as a note is."""
    inspection_id, _ = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.3.2")
    qtbot.wait(20)
    editor = view.panel.editor
    editor.other_box.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(editor.other_box, Qt.Key_Space)
    assert focus() is editor.other_edit
    type_chinese(focus(), "广播")
    qtbot.waitUntil(lambda: scores.answers(store, inspection_id).get("2.3.2") == {"selected": [], "other": ["广播"]})
    assert focus() is editor.other_edit and editor.other_edit.text() == "广播"  # the caret stays, the text as typed
    type_chinese(focus(), "、微信群")
    qtbot.waitUntil(lambda: scores.answers(store, inspection_id)["2.3.2"].get("other") == ["广播", "微信群"])
    assert editor.other_edit.text() == "广播、微信群"
    view.close()
