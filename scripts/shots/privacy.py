"""The walk after a note quoting an ID number was kept masked: the note as stored and the sentence saying so."""

from __future__ import annotations

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
    kit.wait_for_jobs()
    store.close()
    return 0
