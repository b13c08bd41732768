"""Help: every keyboard shortcut of the page, read from the actions themselves."""

from __future__ import annotations

from fieldcheck.gui.forms.ui_shortcuts_dialog import Ui_ShortcutsDialog
from fieldcheck.gui.qt import QtGui, QtWidgets


def page_actions(*groups) -> list[QtGui.QAction]:
    """The actions of a page (lists of actions, menus, menu bars), each once, in order, menus opened."""
    out: list[QtGui.QAction] = []

    def add(action: QtGui.QAction) -> None:
        if action.menu() is not None:
            for inner in action.menu().actions():
                add(inner)
        elif not action.isSeparator() and action not in out and action.isVisible():
            out.append(action)

    for group in groups:
        for action in (group.actions() if hasattr(group, "actions") and not isinstance(group, list) else group):
            add(action)
    return out


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, actions: list[QtGui.QAction], parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ShortcutsDialog()
        self.ui.setupUi(self)
        self.setObjectName("shortcutsDialog")
        self.table = self.ui.shortcutsTable
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.Stretch)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeToContents)
        for action in actions:
            keys = [k.toString(QtGui.QKeySequence.NativeText) for k in action.shortcuts()]
            if not keys:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QtWidgets.QTableWidgetItem(action.text().replace("&", "")))
            self.table.setItem(row, 1, QtWidgets.QTableWidgetItem(" / ".join(keys)))
        for button in self.ui.buttons.buttons():
            button.setMinimumHeight(32)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
