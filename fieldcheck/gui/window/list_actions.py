"""What the window offers on the inspections list: the Go menu's entries, sorting by keyboard,
the context menu, F1 and the search of findings.

Kept apart from the main window, which only places pages and remembers state.
"""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets


class ListActions(QtCore.QObject):
    """Made once by the main window; the Go menu's own entries stay there on every page."""

    # the window is the Qt parent, not an attribute: a Python cycle would keep a window that was
    # rebuilt in another language alive after Qt deleted it
    window = property(lambda self: self.parent())
    list_page = property(lambda self: self.parent().list_page)

    def __init__(self, window):
        super().__init__(window)
        ui = window.ui
        self.search_findings_action = self._action(self.tr("Search findings…"), "actionSearchFindings",
                                                   QtGui.QKeySequence("Ctrl+Shift+F"), self.search_findings)
        self.find_action = self._action(self.tr("Find in the list"), "actionFindInList",
                                        QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Find), self.find_in_list)
        self.help_action = self._action(self.tr("Keyboard shortcuts"), "actionListShortcuts",
                                        QtGui.QKeySequence("F1"), self.show_shortcuts)
        ui.menuHelp.insertAction(ui.actionAbout, self.help_action)
        # right-click or the Menu key on an inspection: what the Inspection menu offers
        table = self.list_page.ui.table
        table.setContextMenuPolicy(Qt.CustomContextMenu)
        table.customContextMenuRequested.connect(self.context_menu)
        go = ui.menuGo
        go.addAction(ui.actionShowList)
        go.addAction(self.find_action)
        go.addAction(self.search_findings_action)
        # every sortable column of the list has a keyboard way: Go → Sort the list by → column
        # (again on the same column reverses the order)
        self.sort_menu = go.addMenu(self.tr("Sort the list by"))
        self.sort_menu.aboutToShow.connect(self.fill_sort_menu)
        self.fill_sort_menu()
        go.addSeparator()

    def _action(self, text: str, name: str, keys: QtGui.QKeySequence, slot) -> QtGui.QAction:
        action = QtGui.QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(keys)
        action.triggered.connect(slot)
        return action

    def fill_sort_menu(self) -> None:
        self.sort_menu.clear()
        model = self.list_page.ui.table.model()
        header = self.list_page.ui.table.horizontalHeader()
        for column in range(model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            action = self.sort_menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(header.sortIndicatorSection() == column)
            action.triggered.connect(lambda _=False, c=column: self.sort_list(c))

    def sort_list(self, column: int) -> None:
        """Sort the list by ``column``; the same column again reverses the order."""
        table = self.list_page.ui.table
        header = table.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = ascending
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        table.sortByColumn(column, order)

    def context_menu(self, pos) -> QtWidgets.QMenu:
        ui = self.window.ui
        menu = QtWidgets.QMenu(self.window)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        for action in (ui.actionOpen, ui.actionDuplicate, self.list_page.delete_action, None,
                       ui.actionMarkDraft, ui.actionMarkSigned, None, ui.actionNewInspection):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.list_page.ui.table.viewport().mapToGlobal(pos))
        return menu

    def show_shortcuts(self):
        """F1 on the list: the list's and the window's shortcuts (the walk has its own F1)."""
        from fieldcheck.gui.window.shortcuts_dialog import ShortcutsDialog, page_actions  # lazy: on demand

        dialog = ShortcutsDialog(page_actions(self.window.menuBar(), self.list_page, self.list_page.ui.table),
                                 self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def find_in_list(self) -> None:
        """Ctrl+F on the list: its search field, wherever the focus is on the page."""
        self.list_page.ui.searchEdit.setFocus(Qt.ShortcutFocusReason)
        self.list_page.ui.searchEdit.selectAll()

    def search_findings(self):
        """Ctrl+Shift+F: every finding of every inspection, by its words (a dialog, not modal)."""
        from fieldcheck.gui.inspections.finding_search import FindingSearchDialog  # lazy: on demand

        dialog = FindingSearchDialog(self.window.store, self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open_requested.connect(self.window.open_inspection)
        dialog.show()
        return dialog
