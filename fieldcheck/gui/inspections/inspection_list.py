"""The inspections list: filter by status and place, search by name, open, duplicate, delete with undo."""

from __future__ import annotations

from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.forms.ui_inspection_list import Ui_InspectionList
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from fieldcheck.ops import scores

ROW_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class InspectionTableModel(QtCore.QAbstractTableModel):
    """The store's InspectionRow records as table rows; ``ROW_ID_ROLE`` gives an inspection's id."""

    COLUMNS = ("assessee", "rubric", "date", "inspectors", "status", "score", "grade", "progress",
               "findings", "photos")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def headers(self) -> list[str]:
        return [self.tr("Assessee"), self.tr("Rubric"), self.tr("Date"), self.tr("Inspectors"),
                self.tr("Status"), self.tr("Score"), self.tr("Grade"), self.tr("Items answered"),
                self.tr("Findings"), self.tr("Photos")]

    def status_text(self, status: str) -> str:
        names = {"draft": self.tr("Draft"), "signed": self.tr("Signed"), "exported": self.tr("Exported")}
        return names.get(status, status)

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if getattr(row, "error", None):
                return row.error
            if column == "assessee":
                return row.assessee_path or row.assessee_name
            if column == "rubric":
                return f"{row.rubric_title}\n{row.rubric_id} · {row.rubric_version[:12]}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("score", "progress", "findings", "photos"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row, column: str) -> str:
        if column == "assessee":
            return row.assessee_path or row.assessee_name
        if column == "rubric":
            return row.rubric_title
        if column == "date":
            return row.date
        if column == "inspectors":
            return "、".join(getattr(row, "inspectors", []) or [])
        if column == "status":
            return self.status_text(row.status)
        if column == "score":
            if getattr(row, "error", None):
                return self.tr("error")
            return f"{fmt(row.total)} / {fmt(row.max)}"
        if column == "grade":
            return row.grade or ""
        if column == "progress":
            return f"{row.answered} / {row.item_count}"
        if column == "findings":
            return str(row.findings)
        if column == "photos":
            return str(row.photos)
        return ""

    def _sort_key(self, row, column: str):
        if column == "score":
            return float(row.total or 0)
        if column == "progress":
            return row.answered / row.item_count if row.item_count else 0.0
        if column in ("findings", "photos"):
            return getattr(row, column)
        return self._display(row, column)


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
        self.model = InspectionTableModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        table = self.ui.table
        table.setModel(self.proxy)
        table.verticalHeader().setVisible(False)
        # Rows tall enough for a finger on a touch screen.
        table.verticalHeader().setDefaultSectionSize(max(32, self.fontMetrics().height() * 2))
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        # The rubric title is the long one: it takes the room left and is elided (full text in its tooltip).
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.ui.undoBar.hide()
        self._deleted: tuple[str, str] | None = None  # (id, label) of the last deleted inspection

        self._search_timer = QtCore.QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self.refresh)
        self.ui.searchEdit.textChanged.connect(self._search_timer.start)
        self.ui.statusCombo.currentIndexChanged.connect(self.refresh)
        self.ui.placeCombo.currentIndexChanged.connect(self.refresh)
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
        self.reload_places()

    def reload_places(self) -> None:
        """Fill the place filter from the store's roster, keeping the chosen place when it still exists."""
        combo = self.ui.placeCombo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All places"), None)
        places = self.store.places.all()
        children: dict[str | None, list] = {}
        for place in places:
            children.setdefault(place.parent_id, []).append(place)
        known = {p.id for p in places}

        def add(parent_id, depth):
            for place in sorted(children.get(parent_id, []), key=lambda p: p.name):
                combo.addItem("　" * depth + place.name, place.id)
                add(place.id, depth + 1)

        add(None, 0)
        for parent_id in children:  # orphans (parent deleted): still listed
            if parent_id is not None and parent_id not in known:
                add(parent_id, 0)
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def filters(self) -> dict:
        text = self.ui.searchEdit.text().strip()
        return {"status": self.ui.statusCombo.currentData(), "place_id": self.ui.placeCombo.currentData(),
                "search": text or None}

    # -- the rows ----------------------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        keep = select_id or self.selected_id()
        self.model.set_rows(scores.scored_rows(self.store, **self.filters()))
        total = len(self.model.rows)
        self.ui.countLabel.setText(self.tr("%n inspection(s)", "", total))
        if keep:
            self.select(keep)
        elif total:
            self.ui.table.selectRow(0)
        self._update_buttons()
        self.changed.emit()

    def select(self, inspection_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ID_ROLE) == inspection_id:
                self.ui.table.selectRow(row)
                self.ui.table.scrollTo(index)
                return True
        return False

    def selected_id(self) -> str | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ID_ROLE) if rows else None

    def selected_label(self) -> str:
        rows = self.ui.table.selectionModel().selectedRows()
        if not rows:
            return ""
        row = rows[0].row()
        return f"{self.proxy.index(row, 0).data()} · {self.proxy.index(row, 1).data()}"

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
        self.model.set_rows(scores.scored_rows(self.store, **self.filters()))
        if self.proxy.rowCount():
            self.ui.table.selectRow(min(max(row, 0), self.proxy.rowCount() - 1))
        self.ui.countLabel.setText(self.tr("%n inspection(s)", "", len(self.model.rows)))
        self._update_buttons()
        self.changed.emit()
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
