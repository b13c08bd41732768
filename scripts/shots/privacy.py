"""The walk after a note quoting an ID number was kept masked (the note as stored and the sentence saying so),
and the double-inspection view after a reason quoting one."""

from __future__ import annotations

from fieldcheck.gui.compare.compare_view import CompareView
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.ops.demo import populate
from fieldcheck.ops.scores import scored_rows
from fieldcheck.paths import default_db_path
from fieldcheck.store import Store


def shoot(kit) -> int:
    store = Store.open(default_db_path())
    populate(store)
    shell = kit.shell(store)
    window = shell.window
    inspection_id = next(r.id for r in scored_rows(store, status="draft") if r.rubric_id == "village-work-team")
    window.list_page.select(inspection_id)
    window.open_inspection(inspection_id, "2.1.4")
    editor = window.view.panel.editor
    editor.add_finding()
    kit.settle(0.5)
    editor.note_edit.setFocus()
    for char in "张三 430421 19730419 5712 手册未签字":  # as an input method commits it, key by key
        for kind in (QtCore.QEvent.KeyPress, QtCore.QEvent.KeyRelease):
            QtWidgets.QApplication.sendEvent(editor.note_edit, QtGui.QKeyEvent(kind, 0, Qt.NoModifier, char))
    editor.note_edit.editingFinished.emit()
    kit.shoot("note-masked")

    # a double inspection differing on one item, reconciled with a reason quoting the card's number
    second = store.duplicate_inspection(inspection_id)
    store.findings.add(second, "2.1.1", note="帮扶措施栏空白")
    view = CompareView(store, window)
    view.setGeometry(kit.screen.availableGeometry().adjusted(0, 0, 0, -30))  # no window manager: its title bar
    view.show()
    if not kit.wait_until(lambda: view.comparison is not None):
        return 1
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 1).text().startswith("2.1.1"))
    view.table.setCurrentCell(row, 1)
    view.decision_box.take_b.click()
    view.decision_box.reason.setText("复核王建国 430421-19730419-5712 的手册" if kit.language == "zh"
                                     else "checked 430421-19730419-5712's handbook")
    view.decision_box.reason.textEdited.emit(view.decision_box.reason.text())
    if view.record() is None:
        return 1
    kit.shoot("compare-masked")
    view.close()
    kit.wait_for_jobs()
    store.close()
    return 0
