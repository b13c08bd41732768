"""Forms with one finding per occurrence: counts (按次 / 按事件扣分) and household ratings (评价等级).

A table lists the item's findings; the selected one is edited below it: how many (or which
rating), which household, a note. Photos attach to the selected finding. The table is a
model over the store's findings, so an item with hundreds of them stays quick.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.engine.rules import NOT_APPLICABLE
from fieldcheck.gui.households.household_picker import HouseholdPicker
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.gui.walk.editors.base import Editor, note_edit, touch
from fieldcheck.gui.walk.editors.findings_model import FindingsModel
from fieldcheck.gui.widgets.numbers import WholeNumberBox
from fieldcheck.store import holds_id_number


class FindingsEditor(Editor):
    """Counts per occurrence or per event, or one rating per household."""

    def __init__(self, session, item, parent: QtWidgets.QWidget | None = None):
        super().__init__(session, item, parent)
        self.rating = item.rule.kind == "rating"
        #: an event that is a household ("每有一户不得脱贫") is counted in 户, not 处
        self.per_household = item.rule.kind == "per_event" and "户" in str(item.rule.spec.get("event", ""))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        buttons = QtWidgets.QHBoxLayout()
        self.add_buttons: dict[Any, QtWidgets.QPushButton] = {}
        if self.rating:
            for level in item.rule.levels:
                button = touch(QtWidgets.QPushButton(self.tr("+ {0}").format(level)))
                button.setObjectName(f"addRating_{level}")
                button.setToolTip(self.tr("Record one household's rating: {0}").format(level))
                button.clicked.connect(lambda _=False, v=level: self._add(v))
                buttons.addWidget(button)
                self.add_buttons[level] = button
        else:
            text = (self.tr("+ Add a household") if self.per_household else self.tr("+ Add event")
                    if item.rule.kind == "per_event" else self.tr("+ Add finding"))
            button = touch(QtWidgets.QPushButton(text))
            button.setObjectName("addFinding")
            button.setToolTip(self.tr("Record one more occurrence (Ctrl+Return)"))
            button.clicked.connect(lambda: self._add(None))
            buttons.addWidget(button)
            self.add_buttons[None] = button
        buttons.addStretch(1)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        buttons.addWidget(self.summary)
        layout.addLayout(buttons)

        self.model = FindingsModel(self, self)
        self.table = QtWidgets.QTableView()
        self.table.setObjectName("findingsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.Fixed)  # no per-row measuring
        self.table.setColumnWidth(0, 48)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 140)
        self.table.horizontalHeader().setStretchLastSection(True)
        # a header that bolds the selected row's columns repaints on each add and undo, for nothing
        self.table.horizontalHeader().setHighlightSections(False)
        # nor one that repaints for a selection it does not show: with the table's selection model, the
        # header repaints all its sections whenever another row is selected (each add and undo)
        self.table.horizontalHeader().setSelectionModel(QtCore.QItemSelectionModel(self.model, self.table))
        self.table.setWordWrap(False)  # one line per finding; wrapping lays out every painted cell
        # Tab leaves the table for 处数, 农户, 备注 (arrows move between rows); Qt's default cycles the
        # cells forever, a trap for the keyboard
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ActionsContextMenu)  # right-click and the Menu key
        # a household's 满意 is a rating, not a problem found: the words say which it is
        delete_text = self.tr("Delete this rating") if self.rating else self.tr("Delete this finding")
        for text, slot in ((self.tr("Add a rating") if self.rating else self.tr("Add a finding"), self.add_finding),
                           (delete_text, self.delete_current)):
            action = QtGui.QAction(text, self.table)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.table.addAction(action)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._fit_table)
        layout.addWidget(self.table)
        self._fit_table()

        # the selected finding
        detail = QtWidgets.QGroupBox(self.tr("Selected rating") if self.rating else self.tr("Selected finding"))
        self.detail = detail
        form = QtWidgets.QFormLayout(detail)
        if self.rating:
            self.value_edit = touch(QtWidgets.QComboBox())
            self.value_edit.addItems(list(item.rule.levels))
            self.value_edit.activated.connect(self._on_value)
            form.addRow(self.tr("Rating"), self.value_edit)
        else:
            self.value_edit = touch(WholeNumberBox())
            self.value_edit.setRange(0, 9999)  # 0 typed is answered in words (_on_value), not put back unsaid
            self.value_edit.setKeyboardTracking(False)
            self.value_edit.valueChanged.connect(self._on_value)
            form.addRow(self.value_header(), self.value_edit)
        self.value_edit.setObjectName("findingValue")
        self.household_edit = touch(HouseholdPicker(session))
        self.household_edit.picked.connect(self._on_household)
        self.household_edit.unknown.connect(lambda text: (self.error_label.setText(text), self.error_label.show()))
        form.addRow(self.tr("Household"), self.household_edit)
        self.note_edit = touch(note_edit("findingNote"))
        self.note_edit.setPlaceholderText(self.tr("What was found, where"))
        self.note_timer = QtCore.QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(700)
        self.note_timer.timeout.connect(self._save_note)
        self.note_edit.textEdited.connect(self._on_note_edited)
        self.note_edit.editingFinished.connect(self._save_note)
        form.addRow(self.tr("Note"), self.note_edit)
        self.delete_button = touch(QtWidgets.QPushButton(delete_text))
        self.delete_button.setObjectName("deleteFinding")
        self.delete_button.clicked.connect(self.delete_current)
        form.addRow("", self.delete_button)
        layout.addWidget(detail)
        layout.addWidget(self.error_label)
        self._selected_id: str | None = None
        self._reloading = False
        self._note_dirty = False
        self._select_last = False
        self.reload()

    # -- display ---------------------------------------------------------------------------------
    def value_header(self) -> str:
        if self.rating:
            return self.tr("Rating")
        return self.tr("Households") if self.per_household else self.tr("How many")

    def value_text(self, value: Any) -> str:
        if self.rating:
            return str(value) if value is not None else ""
        return str(value if isinstance(value, int) and not isinstance(value, bool) else 1)

    def household_name(self, household_id: str | None) -> str:
        if not household_id:
            return ""
        return self.session.household_label(household_id)

    def reload(self) -> None:
        rows = self.findings()
        self._reloading = True
        try:
            self.model.set_rows(rows)
            ids = [f.id for f in rows]
            if self._selected_id in ids and not self._select_last:
                row = ids.index(self._selected_id)
            else:
                row = len(rows) - 1
            if row >= 0:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index, QtCore.QItemSelectionModel.ClearAndSelect | QtCore.QItemSelectionModel.Rows)
                self.table.scrollTo(index)
        finally:
            self._reloading = False
        self._show_summary(self.summary_text(len(rows)))
        finding = rows[row] if row >= 0 else None
        changed = (finding.id if finding else None) != self._selected_id
        self._selected_id = finding.id if finding else None
        if changed:
            self._note_dirty = False
        self._show_detail(finding)
        if changed:
            self.finding_changed.emit()

    def _show_summary(self, text: str) -> None:
        """The count beside the add button, in a box that only grows: a label that takes its new text's
        size makes every layout up to the item panel's (the criterion's wrapped texts) work again,
        on each add and undo, for a width that hardly changes."""
        if text == self.summary.text():
            return
        self.summary.setText(text)
        hint = self.summary.sizeHint()
        if hint.width() > self.summary.minimumWidth() or hint.height() != self.summary.minimumHeight():
            self.summary.setFixedSize(max(hint.width(), self.summary.minimumWidth()), hint.height())

    def summary_text(self, rated: int) -> str:
        """The engine's answer for the item: how many occurrences, or the rating the item counts as."""
        answer = self.answer()
        if answer == NOT_APPLICABLE:
            return self.tr("Not applicable")
        if self.rating:
            if answer is None:
                return self.tr("{0} household(s) rated").format(rated)
            # the item's rating is the engine's (the worst of the households'), not the latest row
            return self.tr("{0} household(s) rated; the item counts as {1}").format(rated, answer)
        return (self.tr("{0} household(s)") if self.per_household
                else self.tr("{0} occurrence(s)")).format(answer if isinstance(answer, int) else 0)

    def _fit_table(self, *_args) -> None:
        """As tall as its rows (3 to 8 shown, then it scrolls): at 1366×768 a table of two findings
        must not push the criterion above it out of view."""
        rows = min(max(self.model.rowCount(), 3), 8)
        height = (self.table.horizontalHeader().sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize()
                  + 2 * self.table.frameWidth())
        if self.table.maximumHeight() != height:  # unchanged constraints would still relayout
            self.table.setFixedHeight(height)

    def _on_row(self, current: QtCore.QModelIndex, _previous) -> None:
        if self._reloading:
            return
        finding = self.model.rows[current.row()] if current.isValid() else None
        new_id = finding.id if finding is not None else None
        if new_id == self._selected_id:
            return
        pending = self._pending_note()
        self._selected_id = new_id
        self._note_dirty = False
        self._show_detail(finding)
        if pending is not None:
            self._commit_note(*pending)
        self.finding_changed.emit()

    def _show_detail(self, finding) -> None:
        if finding is None and self.detail.isAncestorOf(QtWidgets.QApplication.focusWidget()):
            # the focused field is about to be disabled (an undo removed the last finding): keep the
            # focus in the editor, or it is lost and the walk's keys stop working
            next(iter(self.add_buttons.values())).setFocus(Qt.OtherFocusReason)
        self.detail.setEnabled(finding is not None)
        for widget in (self.value_edit, self.household_edit, self.note_edit):
            widget.blockSignals(True)
        if finding is None:
            self.note_edit.clear()
            self.household_edit.set_household(None)
        else:
            # set only what differs: a spin box given its own value still repaints (each add, each undo)
            if self.rating:
                if self.value_edit.currentText() != str(finding.value):
                    self.value_edit.setCurrentText(str(finding.value))
            elif self.value_edit.value() != int(self.value_text(finding.value)):
                self.value_edit.setValue(int(self.value_text(finding.value)))
            self.household_edit.set_household(finding.household_id)
            if not self._note_dirty and self.note_edit.text() != finding.note:
                self.note_edit.setText(finding.note)
        for widget in (self.value_edit, self.household_edit, self.note_edit):
            widget.blockSignals(False)

    # -- edits -----------------------------------------------------------------------------------
    def selected(self):
        for finding in self.model.rows:
            if finding.id == self._selected_id:
                return finding
        return None

    def current_finding_id(self) -> str | None:
        return self._selected_id

    def _add(self, value: Any) -> None:
        self._save_note()
        self._select_last = True  # the view's refresh after the edit selects the new finding
        try:
            self.session.add_finding(self.item.id, value=value if self.rating else 1)
        finally:
            self._select_last = False

    def add_finding(self) -> None:
        """Ctrl+Return: one more finding, then the focus in its first field (处数 or the rating)."""
        self._add(next(iter(self.item.rule.levels)) if self.rating else None)
        if self.selected() is not None:
            self.value_edit.setFocus(Qt.ShortcutFocusReason)

    def delete_current(self) -> None:
        if self._selected_id is not None:
            self.session.delete_finding(self.item.id, self._selected_id)

    def _on_value(self, *_args) -> None:
        finding = self.selected()
        if finding is None:
            return
        value = self.value_edit.currentText() if self.rating else self.value_edit.value()
        if not self.rating and value < 1:
            self.error_label.setText(self.tr("A finding counts at least 1: to take it away, delete the finding "
                                             "(Ctrl+Delete)."))
            self.error_label.show()
            self.value_edit.blockSignals(True)
            self.value_edit.setValue(int(self.value_text(finding.value)))
            self.value_edit.blockSignals(False)
            return
        self.error_label.hide()
        self.session.update_finding(self.item.id, finding, value=value)

    def _on_household(self, household_id: str) -> None:
        self.error_label.hide()
        finding = self.selected()
        if finding is not None:
            self.session.update_finding(self.item.id, finding, household_id=household_id or None)

    def flush(self) -> None:
        self._save_note()

    def _on_note_edited(self, _text: str) -> None:
        self._note_dirty = True
        self.note_timer.start()

    def _pending_note(self):
        finding = self.selected()
        if self._note_dirty and finding is not None and self.note_edit.text() != finding.note:
            return finding, self.note_edit.text()
        return None

    def _save_note(self) -> None:
        self.note_timer.stop()
        pending = self._pending_note()
        self._note_dirty = False
        if pending is not None:
            self._commit_note(*pending)

    def _commit_note(self, finding, text: str) -> None:
        self.session.update_finding(self.item.id, finding, note=text)
        if holds_id_number(text):  # the store keeps it masked, and the box shows that: say why it changed
            self.error_label.setText(self.tr("The ID number in the note is kept masked: only its first 6 and "
                                             "last 4 characters are stored."))
            self.error_label.show()
