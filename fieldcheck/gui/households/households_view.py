"""Door by door: every household of the village, its findings across items, the 2.1.x handbook at a glance.

Inspectors work a village household by household: they open 张三's 扶贫手册 and find that
the helper did not sign (2.1.4) and the measures are missing (2.1.2). Here they pick 张三
(typing "zs" finds him), press the item's "+1" and the finding is recorded for 张三, with
the note typed above, through the same undoable session edits as the item pane.
"""

from __future__ import annotations

from fieldcheck.errors import UserError
from fieldcheck.gui.households.household_dialog import HouseholdDialog
from fieldcheck.gui.qt import Qt, QtCore, QtWidgets, Signal
from fieldcheck.gui.widgets.tab_order import order_by_screen
from fieldcheck.ops.pinyin import matches

#: the rule forms whose findings can name a household
HOUSEHOLD_FORMS = ("per_occurrence", "per_event", "rating")
#: the handbook items shown at a glance for each household
HANDBOOK = "2.1."


class HouseholdsView(QtWidgets.QDialog):
    #: the inspector asked to see this item in the walk
    open_item = Signal(str)

    def __init__(self, session, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("householdsView")
        village = session.store.places.get(session.village_id).name if session.village_id else ""
        self.setWindowTitle(self.tr("Households of {0}").format(village))
        self.items = [i for i in session.items if i.rule.kind in HOUSEHOLD_FORMS]
        self.handbook = [i for i in self.items if i.id.startswith(HANDBOOK)]
        outer = QtWidgets.QHBoxLayout(self)

        # left: the roster, searchable, with its buttons
        self.left_pane = QtWidgets.QWidget()
        left = QtWidgets.QVBoxLayout(self.left_pane)
        left.setContentsMargins(0, 0, 0, 0)
        self.search = QtWidgets.QLineEdit()
        self.search.setObjectName("householdSearch")
        self.search.setPlaceholderText(self.tr("Find: name or pinyin initials (zs)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(lambda: self.roster.setFocus())
        left.addWidget(self.search)
        self.roster = QtWidgets.QListWidget()
        self.roster.setObjectName("householdRoster")
        self.roster.currentRowChanged.connect(lambda _row: self._show_household())
        left.addWidget(self.roster, 1)
        buttons = QtWidgets.QHBoxLayout()
        self.new_button = QtWidgets.QPushButton(self.tr("&New…"))
        self.new_button.setObjectName("newHousehold")
        self.edit_button = QtWidgets.QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editHousehold")
        self.remove_button = QtWidgets.QPushButton(self.tr("Re&move"))
        self.remove_button.setObjectName("removeHousehold")
        self.new_button.clicked.connect(self.new_household)
        self.edit_button.clicked.connect(self.edit_household)
        self.remove_button.clicked.connect(self.remove_household)
        for button in (self.new_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        left.addLayout(buttons)
        outer.addWidget(self.left_pane, 2)

        # right: who, the handbook at a glance, another item, the household's findings
        self.right_pane = QtWidgets.QWidget()
        right = QtWidgets.QVBoxLayout(self.right_pane)
        right.setContentsMargins(0, 0, 0, 0)
        self.header = QtWidgets.QLabel()
        self.header.setObjectName("householdHeader")
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold;")
        right.addWidget(self.header)
        note_row = QtWidgets.QFormLayout()
        self.note_edit = QtWidgets.QLineEdit()
        self.note_edit.setObjectName("householdNote")
        self.note_edit.setPlaceholderText(self.tr("Note for the next finding (optional)"))
        note_row.addRow(self.tr("N&ote"), self.note_edit)  # Alt+O: the note, then +1
        right.addLayout(note_row)
        glance = QtWidgets.QGroupBox(self.tr("扶贫手册 (2.1) at a glance"))
        grid = QtWidgets.QGridLayout(glance)
        self.counts: dict[str, QtWidgets.QLabel] = {}
        self.plus: dict[str, QtWidgets.QPushButton] = {}
        for row, item in enumerate(self.handbook):
            grid.addWidget(QtWidgets.QLabel(f"{item.id} {item.title}"), row, 0)
            count = QtWidgets.QLabel()
            count.setObjectName(f"count_{item.id}")
            count.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            grid.addWidget(count, row, 1)
            plus = QtWidgets.QPushButton(self.tr("+1"))
            plus.setObjectName(f"plus_{item.id}")
            plus.setToolTip(self.tr("Record one finding on {0} for this household").format(item.id))
            plus.clicked.connect(lambda _=False, i=item.id: self.add(i))
            grid.addWidget(plus, row, 2)
            self.counts[item.id], self.plus[item.id] = count, plus
        grid.setColumnStretch(0, 1)
        right.addWidget(glance)
        other = QtWidgets.QHBoxLayout()
        self.item_choice = QtWidgets.QComboBox()
        self.item_choice.setObjectName("householdItem")
        for item in self.items:
            if item not in self.handbook:
                self.item_choice.addItem(f"{item.id} {item.title}", item.id)
        self.item_choice.currentIndexChanged.connect(self._item_chosen)
        self.level_choice = QtWidgets.QComboBox()
        self.level_choice.setObjectName("householdLevel")
        self.other_add = QtWidgets.QPushButton(self.tr("&Add"))
        self.other_add.setObjectName("householdAddOther")
        self.other_add.clicked.connect(lambda: self.add(self.item_choice.currentData(), self.level_choice.currentText()))
        other_label = QtWidgets.QLabel(self.tr("Other &item"))
        other_label.setBuddy(self.item_choice)
        other.addWidget(other_label)
        other.addWidget(self.item_choice, 1)
        other.addWidget(self.level_choice)
        other.addWidget(self.other_add)
        right.addLayout(other)
        self.table = QtWidgets.QTableWidget(0, 3)
        self.table.setObjectName("householdFindings")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("How many / rating"), self.tr("Note")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self._open(index.row()))
        right.addWidget(QtWidgets.QLabel(self.tr("This household's findings (Enter opens the item)")))
        right.addWidget(self.table, 1)
        self.error_label = QtWidgets.QLabel()
        self.error_label.setObjectName("householdsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: rgb(190,20,20);")
        self.error_label.hide()
        right.addWidget(self.error_label)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.Close)
        close.rejected.connect(self.close)
        right.addWidget(close)
        outer.addWidget(self.right_pane, 5)

        self._item_chosen()
        self.reload()
        session.changed.connect(lambda _item: self._show_household())
        session.households_changed.connect(lambda household: self.reload(household))
        self.resize(980, 600)
        self.search.setFocus(Qt.OtherFocusReason)

    def columns(self) -> list[QtWidgets.QWidget]:
        """Tab goes down the roster's column, then down the household's."""
        return [self.left_pane, self.right_pane]

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QtCore.QTimer.singleShot(0, lambda: order_by_screen(self.columns()))

    # -- reading ------------------------------------------------------------------------------
    def current_household(self) -> str | None:
        row = self.roster.currentItem()
        return row.data(Qt.UserRole) if row is not None else None

    def reload(self, select: str | None = None) -> None:
        """The roster again (sorted by pinyin), keeping or moving to ``select``."""
        keep = select or self.current_household()
        self.roster.blockSignals(True)
        self.roster.clear()
        for household in self.session.households.values():
            used = len(self.session.findings_of_household(household.id))
            # two 张三 of the village show their members, as in the picker and the findings table
            label = self.session.household_label(household.id) + (
                self.tr("  · {0} finding(s)").format(used) if used else "")
            row = QtWidgets.QListWidgetItem(label)
            row.setData(Qt.UserRole, household.id)
            row.setData(Qt.UserRole + 1, household.head_name)
            self.roster.addItem(row)
            if household.id == keep:
                self.roster.setCurrentItem(row)
        if self.roster.currentRow() < 0 and self.roster.count():
            self.roster.setCurrentRow(0)
        self.roster.blockSignals(False)
        self._filter(self.search.text())
        self._show_household()

    def _filter(self, text: str) -> None:
        first = None
        for n in range(self.roster.count()):
            row = self.roster.item(n)
            hidden = not matches(row.data(Qt.UserRole + 1), text)
            row.setHidden(hidden)
            if not hidden and first is None:
                first = row
        current = self.roster.currentItem()
        if first is not None and (current is None or current.isHidden()):
            self.roster.setCurrentItem(first)

    def _show_household(self) -> None:
        household_id = self.current_household()
        editable = self.session.editable and household_id is not None
        for widget in (*self.plus.values(), self.other_add, self.note_edit, self.edit_button, self.remove_button):
            widget.setEnabled(editable)
        self.new_button.setEnabled(self.session.editable)
        self.table.setRowCount(0)
        if household_id is None:
            self.header.setText(self.tr("No households yet: press New… to add the first."))
            for label in self.counts.values():
                label.setText("")
            return
        h = self.session.households[household_id]
        details = [self.tr("{0} member(s)").format(h.members), h.status]
        if h.helper:
            details.append(self.tr("helper {0}").format(h.helper))
        if h.id_masked:
            details.append(h.id_masked)
        self.header.setText(f"{h.head_name} — " + " · ".join(details))
        found = self.session.findings_of_household(household_id)
        per_item: dict[str, int] = {}
        for finding in found:
            per_item[finding.item_id] = per_item.get(finding.item_id, 0) + 1
        for item_id, label in self.counts.items():
            n = per_item.get(item_id, 0)
            label.setText(self.tr("{0} finding(s)").format(n) if n else "—")
        self.table.setRowCount(len(found))
        for row, finding in enumerate(found):
            item = self.session.item(finding.item_id)
            cells = [f"{item.id} {item.title}", "" if finding.value is None else str(finding.value), finding.note]
            for column, text in enumerate(cells):
                cell = QtWidgets.QTableWidgetItem(text)
                cell.setData(Qt.UserRole, finding.item_id)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)

    def _item_chosen(self, *_args) -> None:
        item_id = self.item_choice.currentData()
        self.level_choice.clear()
        if item_id and self.session.item(item_id).rule.kind == "rating":
            self.level_choice.addItems(list(self.session.item(item_id).rule.levels))
        self.level_choice.setVisible(self.level_choice.count() > 0)

    # -- writing ------------------------------------------------------------------------------
    def add(self, item_id: str, level: str | None = None) -> None:
        """One finding on ``item_id`` for the selected household, with the note typed above."""
        household_id = self.current_household()
        if household_id is None or not item_id:
            return
        rating = self.session.item(item_id).rule.kind == "rating"
        self.session.add_finding(item_id, value=(level or None) if rating else 1, household_id=household_id,
                                 note=self.note_edit.text().strip())
        self.note_edit.clear()

    def new_household(self) -> None:
        dialog = HouseholdDialog(self.session, None, self, name=self.search.text().strip())
        if dialog.exec() == QtWidgets.QDialog.Accepted:
            self.search.clear()
            self.reload(dialog.household_id)
            self.roster.setFocus()

    def edit_household(self) -> None:
        household_id = self.current_household()
        if household_id is not None:
            HouseholdDialog(self.session, household_id, self).exec()

    def remove_household(self) -> None:
        household_id = self.current_household()
        if household_id is None:
            return
        name = self.session.households[household_id].head_name
        answer = QtWidgets.QMessageBox.question(self, self.tr("Remove household"),
                                                self.tr("Remove the household of {0}?").format(name))
        if answer != QtWidgets.QMessageBox.Yes:
            return
        try:
            self.session.remove_household(household_id)
            self.error_label.hide()
        except UserError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()

    def _open(self, row: int) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            self.open_item.emit(cell.data(Qt.UserRole))
