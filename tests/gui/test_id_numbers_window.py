"""ID numbers typed into the window as people copy them from a card (groups, dashes, full-width digits):
masked in a note, an amendment's reason, a leader's reason and a reconciled item's reason with one sentence
saying so, refused in a name,
read in the household's own field."""

from __future__ import annotations

import sqlite3

from doublekit import double_inspection
from leaderkit import three_inspectors
from sheetkit import lock_as_signed
from signkit import amend_answering, signed_and_open
from test_hostile_input import new_household_typed, type_text
from walkkit import show_view, village_inspection

from fieldcheck.gui.compare.compare_view import CompareView
from fieldcheck.gui.leader.conflicts_view import ConflictsView
from fieldcheck.gui.qt import Qt, QtWidgets

ID = "430421197304195712"
GROUPS = "430421 19730419 5712"
DASHES = "４３０４２１－１９７３０４１９－５７１２"  # full-width, as a Chinese input method types them


def _db_bytes(store) -> bytes:
    """Every byte the store keeps on disk: the database, its WAL and the photos."""
    with store.db.lock:  # a view's worker may be reading on the same connection: wait for it
        try:
            store.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
        except sqlite3.OperationalError:  # a read still open: the WAL file is read below as it is
            pass
    return b"".join(p.read_bytes() for p in store.path.parent.rglob("*") if p.is_file())


def _note_typed(qtbot, store, text: str):
    """A finding on 2.1.4 whose note the inspector typed and left with Tab: (the view, its editor, the inspection)."""
    inspection_id, _ids = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.1.4")
    editor = view.panel.editor
    editor.add_finding()
    editor.note_edit.setFocus()
    type_text(editor.note_edit, text)
    qtbot.keyClick(editor.note_edit, Qt.Key_Tab)
    return view, editor, inspection_id


def test_a_note_quoting_an_id_number_in_groups_is_kept_masked_and_the_editor_says_so(qtbot, store, chinese):
    view, editor, inspection_id = _note_typed(qtbot, store, f"张三 {DASHES} 手册未签字")
    [finding] = store.findings.of(inspection_id, "2.1.4")
    assert finding.note == "张三 430421********5712 手册未签字" == editor.note_edit.text()
    assert editor.error_label.isVisible()
    assert editor.error_label.text() == "备注中的身份证号已遮蔽:只保存前 6 位和后 4 位。"
    assert b"19730419" not in _db_bytes(store)
    view.close()


def test_a_note_with_a_phone_number_is_kept_as_typed_without_a_word(qtbot, store, chinese):
    view, editor, inspection_id = _note_typed(qtbot, store, "村支书电话 13807341234")
    assert store.findings.of(inspection_id, "2.1.4")[0].note == "村支书电话 13807341234"
    assert not editor.error_label.isVisible()
    view.close()


def test_a_head_named_with_an_id_number_in_groups_is_refused_and_nothing_is_kept(qtbot, store, chinese):
    view, dialog, _members = new_household_typed(qtbot, store, "3")
    dialog.name_edit.setText(f"李四 {GROUPS}")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "身份证号" in dialog.error_label.text()
    assert b"19730419" not in _db_bytes(store)
    view.close()


def test_the_households_id_number_typed_with_dashes_is_read_and_kept_masked(qtbot, store, chinese):
    view, dialog, _members = new_household_typed(qtbot, store, "3")
    dialog.id_edit.setText(DASHES)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.error_label.text()
    assert store.households.get(dialog.household_id).id_masked == "430421********5712"
    assert b"19730419" not in _db_bytes(store)
    view.close()


def test_an_amendment_reason_quoting_an_id_number_is_kept_masked_and_the_window_says_so(
        qtbot, make_shell, home_store, village, home):
    window = signed_and_open(make_shell, home_store, village, home)
    fill = lambda box: box.findChild(QtWidgets.QPlainTextEdit).setPlainText(f"户主身份证号 {DASHES} 录错")
    assert amend_answering(window, fill) == 2
    assert home_store.signatures.revisions(village)[0].amend_reason == "户主身份证号 430421********5712 录错"
    assert "修订原因中的身份证号已遮蔽" in window.statusBar().currentMessage()
    assert b"19730419" not in _db_bytes(home_store)


def test_a_leaders_reason_quoting_an_id_number_is_kept_masked_and_the_desk_says_so(qtbot, tmp_path, chinese):
    team = three_inspectors(tmp_path)
    try:
        leader = team.store("L")
        for bundle in team.bundles:
            team.take("L", bundle)
        view = ConflictsView(leader)
        qtbot.add_widget(view)
        cells = lambda r: [view.list.item(r, c).text() for c in range(view.list.columnCount()) if view.list.item(r, c)]
        view.list.selectRow(next(r for r in range(view.list.rowCount()) if any("2.5.4" in x for x in cells(r))))
        view.value.setText("未达标")
        view.reason.setText(f"核对户主 {GROUPS} 的手册")
        view.value_button.click()
        assert "输入的身份证号已遮蔽" in view.message.text()
        assert [d.reason for d in leader.decisions.history()] == ["核对户主 430421********5712 的手册"]
        assert b"19730419" not in _db_bytes(leader)
    finally:
        team.close()


def test_a_reconciled_items_reason_quoting_an_id_number_is_kept_masked_and_the_view_says_so(qtbot, store, chinese):
    a, b = double_inspection(store)
    for x in (a, b):
        lock_as_signed(store, x)
    view = CompareView(store)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=20000)
    box = view.decision_box
    box.take_b.click()
    box.reason.setFocus()
    type_text(box.reason, f"复核王建国 {DASHES} 的手册")
    view.table.setCurrentCell(1, 1)
    box.take_a.click()
    box.reason.setFocus()
    type_text(box.reason, "电话回访")
    new = view.record()
    assert new is not None, view.message.text()
    assert "理由中的身份证号已遮蔽" in view.message.text()
    reasons = {d.item_id: d.reason for d in store.reconciliations.of(new).items}
    assert reasons["2.1.1"] == "复核王建国 430421********5712 的手册"
    view.table.setCurrentCell(0, 1)  # back on the first item, its box shows what was kept, not the whole number
    assert box.reason.text() == "复核王建国 430421********5712 的手册"
    assert b"19730419" not in _db_bytes(store)
