"""Team ▸ Assignments…: who visits which assessees on which day with which rubric, and each inspector's bundle.

Keyboard first: the inspector, date and rubric fields, then a filter (name or pinyin
initials) over the assessees that rubric scores, a list ticked with Space, Assign (Alt+A).
Below, the assignments made, to remove (Delete) or to export for their inspector: the
bundle (``sync.assigned``) is written on a pool thread, as the sync dialog's are.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.gui.widgets.pool_job import PoolJob
from fieldcheck.gui.widgets.tab_order import leave_on_tab
from fieldcheck.ops import assignments
from fieldcheck.ops.assessees import assessee_kinds
from fieldcheck.ops.demo import VILLAGE_RUBRIC
from fieldcheck.ops.pinyin import matches, sort_key
from fieldcheck.ops.rubrics import available

FOLDER_KEY = "sync/folder"
ID_ROLE = Qt.ItemDataRole.UserRole


def _export(store, folder: Path, inspector: str):
    """Write one inspector's bundle (run on a pool thread)."""
    from fieldcheck.sync.assigned import bundle_name, export_for  # lazy: bundles bring cryptography

    day = QtCore.QDate.currentDate().toString("yyyy-MM-dd")
    return export_for(store, folder / bundle_name(inspector, day), inspector)


class AssignmentsDialog(QtWidgets.QDialog):
    """Make, list and remove assignments; export an inspector's bundle."""

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.job: PoolJob | None = None
        self.rows: list[dict] = []
        self.setObjectName("assignmentsDialog")
        self.setWindowTitle(self.tr("Assignments"))
        self.resize(980, 660)
        layout = QtWidgets.QVBoxLayout(self)

        make = QtWidgets.QGroupBox(self.tr("New assignment"))
        grid = QtWidgets.QGridLayout(make)
        self.inspector = QtWidgets.QComboBox()
        self.inspector.setObjectName("inspectorCombo")
        self.inspector.setEditable(True)
        self.inspector.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.inspector.setMinimumWidth(140)
        self.date = QtWidgets.QDateEdit(QtCore.QDate.currentDate().addDays(1))
        self.date.setObjectName("dateEdit")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        leave_on_tab(self.date)
        self.rubric = QtWidgets.QComboBox()
        self.rubric.setObjectName("rubricCombo")
        self.rubrics = {r.id: r for r in available(store)}
        for r in self.rubrics.values():
            self.rubric.addItem(r.title, r.id)
        # the rubric of the last assignment, else the village rubric (the everyday case)
        made = store.assignments.all()
        self.rubric.setCurrentIndex(max(0, self.rubric.findData(made[-1].rubric_id if made else VILLAGE_RUBRIC)))
        self.rubric.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rubric.setMinimumContentsLength(16)
        self.filter = QtWidgets.QLineEdit()
        self.filter.setObjectName("assesseeFilter")
        self.filter.setPlaceholderText(self.tr("Name or pinyin initials"))
        self.filter.setClearButtonEnabled(True)
        self.assessees = QtWidgets.QListWidget()
        self.assessees.setObjectName("assesseeList")
        self.assessees.setFlow(QtWidgets.QListView.Flow.TopToBottom)
        self.assessees.setWrapping(True)
        self.assessees.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        self.assessees.setMinimumHeight(130)
        self.chosen = QtWidgets.QLabel()
        self.assign_button = QtWidgets.QPushButton(self.tr("&Assign"))
        self.assign_button.setObjectName("assignButton")
        self.assign_button.setAutoDefault(False)
        grid.addWidget(self._label(self.tr("&Inspector:"), self.inspector), 0, 0)
        grid.addWidget(self.inspector, 0, 1)
        grid.addWidget(self._label(self.tr("&Date:"), self.date), 0, 2)
        grid.addWidget(self.date, 0, 3)
        grid.addWidget(self._label(self.tr("&Rubric:"), self.rubric), 0, 4)
        grid.addWidget(self.rubric, 0, 5)
        grid.setColumnStretch(5, 1)
        grid.addWidget(self._label(self.tr("Assess&ees:"), self.filter), 1, 0)
        grid.addWidget(self.filter, 1, 1, 1, 5)
        grid.addWidget(self.assessees, 2, 0, 1, 6)
        grid.addWidget(self.chosen, 3, 0, 1, 5)
        grid.addWidget(self.assign_button, 3, 5, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(make)

        made = QtWidgets.QGroupBox(self.tr("Assignments made"))
        box = QtWidgets.QVBoxLayout(made)
        self.table = QtWidgets.QTableWidget(0, 5)
        self.table.setObjectName("assignmentTable")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Inspector"), self.tr("Assessee"),
                                              self.tr("Rubric"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons: no trap
        box.addWidget(self.table, 1)
        row = QtWidgets.QHBoxLayout()
        self.remove_button = QtWidgets.QPushButton(self.tr("Re&move"))
        self.remove_button.setObjectName("removeButton")
        self.export_button = QtWidgets.QPushButton(self.tr("E&xport for inspector…"))
        self.export_button.setObjectName("exportButton")
        for button in (self.remove_button, self.export_button):
            button.setAutoDefault(False)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        box.addLayout(row)
        layout.addWidget(made, 1)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("assignMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        remove = QtGui.QAction(self.tr("Remove assignment"), self.table)
        remove.setShortcut(QtGui.QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.table.addAction(remove)
        self.rubric.currentIndexChanged.connect(lambda _i: self.fill_assessees())
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._tick_first)
        self.assessees.itemChanged.connect(lambda _item: self._count())
        self.assign_button.clicked.connect(self.assign)
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._fill_inspectors()
        self.fill_assessees()
        self.refresh()
        self.inspector.setFocus()

    def _label(self, text: str, buddy: QtWidgets.QWidget) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- the form ---------------------------------------------------------------------------------

    def _fill_inspectors(self) -> None:
        names = set(self.store.assignments.inspectors())
        for row in self.store.inspections.listing():
            names.update(row.inspectors)
        current = self.inspector.currentText()
        self.inspector.clear()
        self.inspector.addItems(sorted(names, key=sort_key))
        self.inspector.setEditText(current)

    def fill_assessees(self) -> None:
        """The places the chosen rubric scores, by path, ticked ones kept."""
        ticked = set(self.ticked())
        rubric = self.rubrics.get(self.rubric.currentData())
        kinds = assessee_kinds(rubric)
        self.assessees.blockSignals(True)
        self.assessees.clear()
        for place in sorted(self.store.places.all(), key=lambda p: sort_key(p.name)):
            if place.kind not in kinds:
                continue
            item = QtWidgets.QListWidgetItem(self.store.places.path(place.id).split("/", 1)[-1])
            item.setData(ID_ROLE, place.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if place.id in ticked else Qt.CheckState.Unchecked)
            self.assessees.addItem(item)
        self.assessees.blockSignals(False)
        self._filter(self.filter.text())
        self._count()

    def _filter(self, text: str) -> None:
        typed = text.strip()
        first = None
        for i in range(self.assessees.count()):
            item = self.assessees.item(i)
            name = item.text().rsplit("/", 1)[-1]
            hidden = bool(typed) and not (matches(name, typed) or typed in item.text())
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.assessees.setCurrentItem(first)

    def _tick_first(self) -> None:
        """Enter in the filter ticks the assessee it found and clears the filter for the next one."""
        item = self.assessees.currentItem()
        if item is not None and not item.isHidden():
            item.setCheckState(Qt.CheckState.Checked)
            self.filter.clear()

    def ticked(self) -> list[str]:
        return [self.assessees.item(i).data(ID_ROLE) for i in range(self.assessees.count())
                if self.assessees.item(i).checkState() == Qt.CheckState.Checked]

    def tick(self, names: list[str]) -> None:
        """Tick the assessees whose path ends with one of ``names`` (what Space on each does)."""
        for i in range(self.assessees.count()):
            item = self.assessees.item(i)
            if any(item.text().endswith(n) for n in names):
                item.setCheckState(Qt.CheckState.Checked)

    def _count(self) -> None:
        self.chosen.setText(self.tr("%n assessee(s) chosen", "", len(self.ticked())))

    # -- actions ----------------------------------------------------------------------------------

    def assign(self) -> list[str]:
        chosen = self.ticked()
        if not chosen:
            self.message.setText(self.tr("Tick the assessees to visit first (Space in the list, or Enter in the filter)."))
            return []
        inspector = self.inspector.currentText().strip()
        day = self.date.date().toString("yyyy-MM-dd")
        try:
            made = assignments.assign(self.store, inspector, day, self.rubric.currentData(), chosen)
        except UserError as exc:
            self.message.setText(str(exc))
            return []
        for i in range(self.assessees.count()):
            self.assessees.item(i).setCheckState(Qt.CheckState.Unchecked)
        # the day said back: the date field turns a day the month lacks (02-30) into another (02-03) as it is typed
        self.message.setText(self.tr("%n assignment(s) made for %1 on %2; each has a draft inspection waiting.", "",
                                     len(made)).replace("%1", inspector).replace("%2", day))
        self._fill_inspectors()
        self.refresh(select=made[0])
        return made

    def refresh(self, select: str | None = None) -> None:
        rows = assignments.rows(self.store)
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            state = {"draft": self.tr("Waiting"), "signed": self.tr("Signed"), "exported": self.tr("Exported"),
                     "deleted": self.tr("Inspection deleted")}.get(r["status"], r["status"])
            if r["status"] == "draft" and r["findings"]:
                state = self.tr("Started (%n finding(s))", "", r["findings"])
            cells = (r["date"], r["inspector"], r["assessee"], r["rubric_title"], state)
            for col, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setData(ID_ROLE, r["id"])
                if col == 3:
                    item.setToolTip(f"{r['rubric_id']} · {r['rubric_version'][:12]}")
                self.table.setItem(n, col, item)
            if r["id"] == select:
                self.table.selectRow(n)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected() is not None)
        self.export_button.setEnabled(bool(self.rows) and (self.job is None or self.job.done.is_set()))

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            done = assignments.remove(self.store, row["id"])
        except UserError as exc:
            self.message.setText(str(exc))
            return
        text = self.tr("Removed the assignment of %1 to %2 on %3.") if done.draft_deleted else \
            self.tr("Removed the assignment of %1 to %2 on %3; its inspection has work in it and stays.")
        self.message.setText(text.replace("%1", row["inspector"]).replace("%2", row["assessee"])
                             .replace("%3", row["date"]))
        self.refresh()
        # the row below moved up into the selection: a second Delete must not remove it unseen
        self.table.clearSelection()
        self._update_buttons()

    def export_selected(self) -> None:
        """Write the bundle of the selected row's inspector (else the one typed above) to a chosen folder."""
        row = self.selected()
        inspector = row["inspector"] if row else self.inspector.currentText().strip()
        start = str(self.settings.value(FOLDER_KEY, "")) if self.settings is not None else ""
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("Export %1's assignments to folder").replace("%1", inspector), start)
        if not folder:
            return
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, folder)
        self.start_export(Path(folder), inspector)

    def start_export(self, folder: Path, inspector: str) -> None:
        if self.job is not None and not self.job.done.is_set():
            return
        self.job = PoolJob(lambda _progress: _export(self.store, folder, inspector))
        self.job.signals.finished.connect(self._exported)
        self.message.setText(self.tr("Writing the bundle for %1…").replace("%1", inspector))
        self._update_buttons()
        self.job.start()

    def _exported(self, result, error: str) -> None:
        self._update_buttons()
        if error:
            self.message.setText(error)
            return
        self.message.setText(self.tr("Exported %1: %2 changes. The inspector imports it with File ▸ Exchange bundles…")
                             .replace("%1", str(result.path)).replace("%2", str(result.events)))
