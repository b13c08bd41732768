"""The inspections list: filter by status and place, search by name, open, duplicate, delete with undo.

Built for a merged county of thousands of inspections:

* filtering and search run in SQL (``store.inspections.ids``): a keystroke asks the store
  for the ids that match, in the list's order, and the model shows them;
* a row's columns are read from the store only when the view shows it (``listing(only=…)``,
  a block at a time), and its score comes from the store's score cache when that is current
  (``ops.scores.ListScores``), else it is scored then, outside the store's lock;
* sorting is done on the ids with keys computed once per refresh, so a keystroke under a
  sorted column only reorders a list of strings. The score column sorts complete inspections
  before incomplete ones (a total with items still open is not comparable) and compares
  scores as a percentage of each rubric's maximum, never raw totals of different rubrics.
"""

from __future__ import annotations

from decimal import Decimal

from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.forms.ui_inspection_list import Ui_InspectionList
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from fieldcheck.ops import scores

ROW_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# data() is called for every role of every painted cell: compare plain ints, not Qt's enums
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ID = int(Qt.ItemDataRole.UserRole.value)
_SORT = _ID + 1
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
#: rows read from the store at once around a row the view asks for (a screen is about 20)
BLOCK = 100


class InspectionTableModel(QtCore.QAbstractTableModel):
    """The ids of the listed inspections, their rows read when shown; ``ROW_ID_ROLE`` gives an id."""

    COLUMNS = ("assessee", "rubric", "date", "inspectors", "status", "score", "grade", "progress",
               "findings", "photos")

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.scores = scores.ListScores(store)
        self.ids: list[str] = []
        self._rows: dict[str, object] = {}  # Listed rows read so far (since the last refresh)
        self._cells: dict[str, tuple[str, ...]] = {}  # their display texts, made once
        self._headers: list[str] | None = None
        self._keys: dict[int, dict[str, object]] = {}  # sort keys by column, for every listed id
        self.assigned: dict[str, object] = {}  # the live assignment of each assigned inspection, by its id
        self.sort_column = self.COLUMNS.index("date")
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._flush = QtCore.QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self.scores.flush)

    def headers(self) -> list[str]:
        return [self.tr("Assessee"), self.tr("Rubric"), self.tr("Date"), self.tr("Inspectors"),
                self.tr("Status"), self.tr("Score"), self.tr("Grade"), self.tr("Items answered"),
                self.tr("Findings"), self.tr("Photos")]

    def status_text(self, status: str) -> str:
        names = {"draft": self.tr("Draft"), "signed": self.tr("Signed"), "exported": self.tr("Exported")}
        return names.get(status, status)

    # -- what is listed ----------------------------------------------------------------------------

    def invalidate(self) -> None:
        """The store changed: rows, scores and sort keys are read again when next needed."""
        self._rows.clear()
        self._cells.clear()
        self._keys.clear()
        self.assigned = {a.inspection_id: a for a in self.store.assignments.all()}

    def set_ids(self, ids: list[str]) -> None:
        """Show these inspections (the store's order), sorted by the current column."""
        self.beginResetModel()
        self.ids = self._sorted(ids)
        self.endResetModel()

    def listed(self, row: int):
        """The store's Listed row at ``row``, read with its neighbours when not read yet."""
        inspection_id = self.ids[row]
        found = self._rows.get(inspection_id)
        if found is None:
            block = [i for i in self.ids[max(0, row - BLOCK // 4): row + BLOCK] if i not in self._rows]
            self._read(block)
            found = self._rows[inspection_id]
        return found

    def _read(self, ids: list[str]) -> None:
        for listed in self.store.inspections.listing(only=ids, include_deleted=True):
            self._rows[listed.id] = listed

    def summary(self, listed) -> scores.ScoreSummary:
        summary = self.scores.summary(listed)
        if self.scores.pending and not self._flush.isActive():
            self._flush.start()  # keep new scores in the cache once this paint is done
        return summary

    # -- sorting -----------------------------------------------------------------------------------

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.ids = self._sorted(self.ids)
        self.layoutChanged.emit()

    def _sorted(self, ids: list[str]) -> list[str]:
        name = self.COLUMNS[self.sort_column]
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if name == "date" and descending:
            return list(ids)  # the store's own order: newest date, then newest made, first
        keys = self._sort_keys(self.sort_column)
        missing = [i for i in ids if i not in keys]
        if missing:  # listed since the keys were made (another program wrote to the database)
            self._read([i for i in missing if i not in self._rows])
            keys.update((i, self._sort_key(self._rows[i], name)) for i in missing)
        if name == "score":
            # complete before incomplete whichever the direction; within each, by percent
            sign = -1 if descending else 1
            return sorted(ids, key=lambda i: (keys[i][0], sign * keys[i][1]))
        return sorted(ids, key=keys.__getitem__, reverse=descending)

    def _sort_keys(self, column: int) -> dict[str, object]:
        """Every listed inspection's key for ``column`` (computed once per refresh)."""
        keys = self._keys.get(column)
        if keys is None:
            missing = [i for i in self.store.inspections.ids(include_deleted=False) if i not in self._rows]
            for start in range(0, len(missing), 500):
                self._read(missing[start:start + 500])
            name = self.COLUMNS[column]
            keys = self._keys[column] = {i: self._sort_key(row, name) for i, row in self._rows.items()}
        return keys

    def _sort_key(self, row, column: str):
        if column == "score":
            summary = self.summary(row)
            return (0 if summary.complete else 1, summary.total * 100 / summary.max if summary.max else Decimal(0))
        if column == "progress":
            summary = self.summary(row)
            return summary.answered / summary.item_count if summary.item_count else 0.0
        if column == "grade":
            return self.summary(row).grade or ""
        if column in ("findings", "photos"):
            return self.scores.counts(row)[0 if column == "findings" else 1]
        return self._display(row, column)

    # -- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            if self._headers is None:  # a language switch builds a new window, and so a new model
                self._headers = self.headers()
            return self._headers[section]
        return None

    def data(self, index, role=_DISPLAY):
        role = int(role.value) if hasattr(role, "value") else role
        if role == _DISPLAY:
            inspection_id = self.ids[index.row()]
            cells = self._cells.get(inspection_id)
            if cells is None:
                row = self.listed(index.row())
                cells = self._cells[inspection_id] = tuple(self._display(row, c) for c in self.COLUMNS)
            return cells[index.column()]
        if role == _ALIGN:
            return _RIGHT if self.COLUMNS[index.column()] in ("score", "progress", "findings", "photos") else None
        if role == _ID:
            return self.ids[index.row()]
        if role == _SORT:
            return self._sort_key(self.listed(index.row()), self.COLUMNS[index.column()])
        if role == _TOOLTIP:
            return self._tooltip(self.listed(index.row()), self.COLUMNS[index.column()])
        return None

    def _tooltip(self, row, column: str) -> str | None:
        if column in ("score", "grade", "progress"):
            summary = self.summary(row)
            if summary.unscored:
                return str(summary.unscored[0])
            if column == "score" and summary.max:
                percent = fmt(round(summary.total * 100 / summary.max, 1))
                done = "" if summary.complete else self.tr(" (incomplete)")
                return self.tr("{0}% of this rubric's maximum{1}").format(percent, done)
        if column == "assessee":
            return row.assessee_path
        if column == "rubric":
            return f"{row.rubric_title}\n{row.rubric_id} · {row.rubric_version[:12]}"
        if column == "status" and row.id in self.assigned:
            a = self.assigned[row.id]
            return self.tr("Assigned to %1 for %2").replace("%1", a.inspector).replace("%2", a.date)
        return None

    def _display(self, row, column: str) -> str:
        if column == "assessee":
            return row.assessee_path
        if column == "rubric":
            return row.rubric_title
        if column == "date":
            return row.date
        if column == "inspectors":
            return "、".join(row.inspectors)
        if column == "status":  # a draft made by an assignment waits for its inspector
            if row.status == "draft" and row.id in self.assigned:
                return self.tr("Assigned")
            return self.status_text(row.status)
        if column in ("findings", "photos"):
            return str(self.scores.counts(row)[0 if column == "findings" else 1])
        summary = self.summary(row)
        if column == "score":  # as the walk shows it: 暂计 while items are open or cannot be scored
            text = f"{fmt(summary.total)} / {fmt(summary.max)}"
            return text if summary.complete else self.tr("{0} (provisional)").format(text)
        if column == "grade":
            return summary.grade or ""
        if column == "progress":
            return f"{summary.answered} / {summary.item_count}"
        return ""


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
        """The store changed (or the page is shown again): read the rows again, keep the filters."""
        self.model.invalidate()
        self.refilter(select_id)
        self._fit_columns()

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
        ids = self.store.inspections.ids(**self.filters())
        if self.mine_check.isChecked():
            mine = {a.inspection_id for a in self.store.assignments.all(self.store.user)}
            ids = [i for i in ids if i in mine]
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
