"""The inspections list page: filter by status and place, search by name, open, duplicate, delete with undo.

Filtering and search run in SQL (``store.inspections.ids``): a keystroke asks the store for
the ids that match, in the list's order, and the model (``inspection_model``) shows them,
reading and scoring only the rows on screen.
"""

from __future__ import annotations

import unicodedata

from fieldcheck.gui.forms.ui_inspection_list import Ui_InspectionList
from fieldcheck.gui.inspections.inspection_model import PAGE, ROW_ID_ROLE, SORT_ROLE, FirstPage, InspectionTableModel
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

#: the model's roles, imported from here by the tests and the window
__all__ = ["ROW_ID_ROLE", "SORT_ROLE", "InspectionListPage", "InspectionTableModel"]


def _name(child: tuple[str, str]) -> str:
    return child[0]


def _width(text: str) -> int:
    """Columns ``text`` takes: two for a wide (Chinese) character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class InspectionListPage(QtWidgets.QWidget):
    """The first page of the window. Emits ``open_requested(id)``; every change goes to the store at once."""

    open_requested = Signal(str)
    new_requested = Signal()
    changed = Signal()  # the list was refreshed (count, selection)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.ui = Ui_InspectionList()
        self.ui.setupUi(self)
        self.model = InspectionTableModel(store, self)
        table = self.ui.table
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        # Rows tall enough for a finger on a touch screen; fixed, so no row is measured.
        table.verticalHeader().setDefaultSectionSize(max(32, self.fontMetrics().height() * 2))
        table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        # Columns are sized to the rows on screen when the list is read (``refresh``), not on every
        # keystroke: measuring is most of a repaint, and columns that jump while typing help no one.
        # Only the rows on screen are measured: measuring 1,000 would read and score them all.
        header.setResizeContentsPrecision(0)
        table.verticalHeader().setResizeContentsPrecision(0)  # the one a column's width is measured by
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
        # The rubric title is the long one: it takes the room left and is elided (full text in its tooltip).
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        # The scroll bar stays, greyed out when every row fits: when it came and went with the number
        # of rows a search matched, the viewport changed width, the stretched rubric column with it,
        # and Qt painted every row a second time (a third of the keystrokes at 10,000 inspections).
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.ui.undoBar.hide()
        self._deleted: tuple[str, str] | None = None  # (id, label) of the last deleted inspection

        # A keystroke filters at once (a query of a few ms); the timer only lets a burst of typed
        # characters (an input method commits several) filter once.
        self._search_timer = QtCore.QTimer(self, singleShot=True, interval=0)
        self._search_timer.timeout.connect(self.refilter)
        self.ui.searchEdit.textChanged.connect(self._search_timer.start)
        self.ui.statusCombo.currentIndexChanged.connect(self.refilter)
        self.ui.placeCombo.currentIndexChanged.connect(self.refilter)
        # 我的任务: the drafts the team leader assigned to this laptop's inspector (the settings' name)
        self.mine_check = QtWidgets.QCheckBox(self.tr("Assigned to &me"), self)
        self.mine_check.setObjectName("mineCheck")
        self.ui.filterLayout.addWidget(self.mine_check)
        # Tab in screen order: added last, it came after the buttons at the bottom, before the search box
        QtWidgets.QWidget.setTabOrder(self.ui.placeCombo, self.mine_check)
        QtWidgets.QWidget.setTabOrder(self.mine_check, table)
        self.mine_check.toggled.connect(lambda _on: self.refilter())
        table.doubleClicked.connect(lambda _index: self.open_selected())
        table.activated.connect(lambda _index: self.open_selected())
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.ui.newButton.clicked.connect(self.new_requested)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.duplicateButton.clicked.connect(self.duplicate_selected)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.undoButton.clicked.connect(self.undo_delete)
        self.ui.undoCloseButton.clicked.connect(self.ui.undoBar.hide)

        self.undo_action = QtGui.QAction(self.tr("Undo delete"), self)
        self.undo_action.setShortcut(QtGui.QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_delete)
        self.addAction(self.undo_action)

        # Delete on the list itself only: the walk uses Ctrl+Delete for a finding, and a window-wide
        # key must never delete a whole inspection while the inspector is in the rubric tree.
        self.delete_action = QtGui.QAction(self.tr("Delete inspection"), self)
        self.delete_action.setShortcut(QtGui.QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.ui.table.addAction(self.delete_action)

        self._fitted_shown = False
        # The first rows are read without the search index (store.inspections.ids): it is made once
        # they are on screen, so the first keystroke does not wait for it (100 ms at 10,000).
        table.viewport().installEventFilter(self)
        self._place_ids: list[str | None] = []  # the place filter's ids, row by row
        self._first_fill = True  # the list's first fill reads a first page of ids (refilter)
        self._fill_filters()
        self.refresh()

    # -- filters -----------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        combo = self.ui.statusCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for status in ("draft", "signed", "exported"):
            combo.addItem(self.model.status_text(status), status)
        combo.blockSignals(False)
        # The place filter starts with "All places" alone; the roster (3,000 places of a county:
        # 9 ms of the start) is read once the rows are painted, or at once when the filter is
        # first touched, whichever comes first (eventFilter).
        self.ui.placeCombo.blockSignals(True)
        self.ui.placeCombo.addItem(self.tr("All places"))
        self.ui.placeCombo.blockSignals(False)
        self._place_ids = [None]
        self._places_read = False
        self._touch_places = {QtCore.QEvent.Type.FocusIn, QtCore.QEvent.Type.MouseButtonPress,
                              QtCore.QEvent.Type.Wheel, QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.Enter}
        self.ui.placeCombo.installEventFilter(self)

    def reload_places(self) -> None:
        """Fill the place filter from the store's roster, keeping the chosen place when it still exists."""
        self._places_read = True
        combo = self.ui.placeCombo
        chosen = self.place_id()
        combo.blockSignals(True)
        combo.clear()
        texts: list[str] = [self.tr("All places")]
        ids: list[str | None] = [None]
        places = self.store.places.outline()
        children: dict[str | None, list[tuple[str, str]]] = {}
        for place_id, parent_id, name in places:
            children.setdefault(parent_id, []).append((name, place_id))
        for kids in children.values():
            kids.sort(key=_name)  # by name; the same name keeps the order added
        known = {p[0] for p in places}

        def add(parent_id, depth):
            indent = "　" * depth
            for name, place_id in children.get(parent_id, ()):
                texts.append(indent + name)
                ids.append(place_id)
                if place_id in children:  # a village has none: no call for each of a county's 3,000
                    add(place_id, depth + 1)

        add(None, 0)
        for parent_id in list(children):  # orphans (parent deleted): still listed
            if parent_id is not None and parent_id not in known:
                add(parent_id, 0)
        # The ids beside the texts, not in the items: addItem(text, data) for a county's 3,000 places
        # took 15 ms of the start, addItems 1 ms.
        combo.addItems(texts)
        self._place_ids = ids
        # As wide as the widest entry, counted in characters (a Chinese one is two), not measured:
        # Qt measures every item for AdjustToContents, 25 ms of the start with a county's 3,000.
        # Longest first, and no entry counted once half as long as the widest so far (it cannot be
        # wider): a few entries counted, not all 3,000 (5 ms).
        widest = 0
        for text in sorted(texts, key=len, reverse=True):
            if 2 * len(text) <= widest:
                break
            widest = max(widest, _width(text))
        combo.setMinimumContentsLength(min(40, widest))
        combo.setCurrentIndex(self._place_ids.index(chosen) if chosen in self._place_ids else 0)
        combo.blockSignals(False)

    def place_id(self) -> str | None:
        """The place chosen in the place filter (None: all places)."""
        index = self.ui.placeCombo.currentIndex()
        return self._place_ids[index] if 0 <= index < len(self._place_ids) else None

    def filters(self) -> dict:
        text = self.ui.searchEdit.text().strip()
        return {"status": self.ui.statusCombo.currentData(), "place_id": self.place_id(),
                "search": text or None}

    # -- the rows ----------------------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        """The store changed (or the page is shown again): read the rows again, keep the filters."""
        self.model.invalidate()
        self.refilter(select_id)
        self._fit_columns()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.ui.placeCombo:
            if not self._places_read and event.type() in self._touch_places:
                self.reload_places()  # touched before the rows were painted: the roster now
            return super().eventFilter(watched, event)
        if event.type() == QtCore.QEvent.Type.Paint and watched is self.ui.table.viewport():
            watched.removeEventFilter(self)  # the rows' first paint: every id and the search index next
            QtCore.QTimer.singleShot(0, self, self._after_first_paint)
        return super().eventFilter(watched, event)

    def _after_first_paint(self) -> None:
        if self.store.inspections.open:
            if not self._places_read:
                self.reload_places()
            self.model.read_all_ids()
            self.store.inspections.prepare_search()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted_shown:  # the first sizing ran before the page had its height
            self._fitted_shown = True
            self._fit_columns()

    def _fit_columns(self) -> None:
        table = self.ui.table
        if not table.isVisible():
            return  # Qt measures every row of a hidden table (10,000 rows: seconds); showEvent does it

        for column in range(self.model.columnCount()):
            if column != 1:  # the rubric title stretches (below)
                table.resizeColumnToContents(column)
    def refilter(self, select_id: str | None = None) -> None:
        """Show the inspections the filters and the search match (asked of the store in SQL)."""
        keep = select_id or self.selected_id()
        self._search_timer.stop()
        filters = self.filters()
        ids: list[str] | FirstPage
        if self._first_fill and not any(filters.values()) and not self.mine_check.isChecked():
            # To start: the first page and the count; every id once the rows are painted (eventFilter)
            first, count = self.store.inspections.first_page(PAGE)
            ids = FirstPage(first, count, self.store.inspections.ids)
        else:
            ids = self.store.inspections.ids(**filters)
            if self.mine_check.isChecked():
                mine = {a.inspection_id for a in self.store.assignments.all(self.store.user)}
                ids = [i for i in ids if i in mine]
        self._first_fill = False
        self.model.set_ids(ids)
        total = len(self.model.ids)
        self.ui.countLabel.setText(self.tr("%n inspection(s)", "", total))
        if not (keep and self.select(keep)) and total:
            self.ui.table.selectRow(0)
        self._update_buttons()
        self.changed.emit()

    def select(self, inspection_id: str) -> bool:
        try:
            row = self.model.ids.index(inspection_id)
        except ValueError:
            return False
        self.ui.table.selectRow(row)
        self.ui.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_id(self) -> str | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ID_ROLE) if rows else None

    def selected_label(self) -> str:
        rows = self.ui.table.selectionModel().selectedRows()
        if not rows:
            return ""
        row = rows[0].row()
        return f"{self.model.index(row, 0).data()} · {self.model.index(row, 1).data()}"

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for button in (self.ui.openButton, self.ui.duplicateButton, self.ui.deleteButton):
            button.setEnabled(has)

    # -- actions -----------------------------------------------------------------------------------

    def open_selected(self) -> None:
        inspection_id = self.selected_id()
        if inspection_id:
            self.open_requested.emit(inspection_id)

    def duplicate_selected(self) -> str | None:
        inspection_id = self.selected_id()
        if not inspection_id:
            return None
        new_id = self.store.duplicate_inspection(inspection_id)
        self.refresh(select_id=new_id)
        return new_id

    def delete_selected(self) -> str | None:
        """Delete (tombstone) the selected inspection and offer to undo it."""
        inspection_id = self.selected_id()
        if not inspection_id:
            return None
        return self.delete(inspection_id, self.selected_label())

    def delete(self, inspection_id: str, label: str) -> str:
        """Delete (tombstone) the inspection ``inspection_id``, shown or not, and offer to undo it."""
        row = self.ui.table.currentIndex().row()
        self.store.inspections.delete(inspection_id)
        self._deleted = (inspection_id, label)
        self.ui.undoLabel.setText(self.tr("Deleted “{0}”.").format(label))
        self.ui.undoBar.show()
        self.undo_action.setEnabled(True)
        self.refresh()
        if self.model.rowCount():
            self.ui.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self._update_buttons()
        return inspection_id

    def undo_delete(self) -> str | None:
        if not self._deleted:
            return None
        inspection_id, _label = self._deleted
        self.store.inspections.restore(inspection_id)
        self._deleted = None
        self.ui.undoBar.hide()
        self.undo_action.setEnabled(False)
        self.refresh(select_id=inspection_id)
        return inspection_id

    # -- remembered layout -------------------------------------------------------------------------

    def save_state(self, settings: QtCore.QSettings) -> None:
        settings.setValue("list/header", self.ui.table.horizontalHeader().saveState())

    def restore_state(self, settings: QtCore.QSettings) -> None:
        state = settings.value("list/header")
        if isinstance(state, QtCore.QByteArray) and not state.isEmpty():
            self.ui.table.horizontalHeader().restoreState(state)
