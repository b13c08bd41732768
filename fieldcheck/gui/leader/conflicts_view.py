"""Team ▸ Conflicts…: what the inspectors' laptops disagree on, each side's history, and the leader's decision.

A decision is ordinary events (``ops.conflicts``), so it travels in the next bundle; the
last one can be undone until an export. A change that arrived after signing is accepted
(the inspection is amended and must be signed again) or rejected (kept in the history,
not scored). The view asks the store and ops for everything and writes no SQL.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.gui.widgets.tables import read_only_table
from fieldcheck.ops.conflict_text import describe, history
from fieldcheck.ops.conflicts import accept, reject, resolve, undo
from fieldcheck.store import holds_id_number


def _fill(table: QtWidgets.QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(0)
    for values in rows:
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            item = QtWidgets.QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, col, item)


class ConflictsView(QtWidgets.QDialog):
    """The open conflicts, the selected one's sides and history, and deciding it."""

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.found: list[dict[str, Any]] = []
        self.setObjectName("conflictsView")
        self.setWindowTitle(self.tr("Conflicts"))
        self.resize(1300, 680)  # fits 1366x768 with a title bar and a panel
        layout = QtWidgets.QVBoxLayout(self)
        self.list = read_only_table([self.tr("Inspection"), self.tr("Item"), self.tr("Field"), self.tr("Kind"),
                            self.tr("Sides")], "conflictList", single=True, wrap=False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self.show_selected)
        label = QtWidgets.QLabel(self.tr("&Open conflicts:"))
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 3)

        middle = QtWidgets.QHBoxLayout()
        sides_box = QtWidgets.QGroupBox(self.tr("Sides"))
        sides_layout = QtWidgets.QVBoxLayout(sides_box)
        self.sides = read_only_table([self.tr("Value"), self.tr("Who"), self.tr("Device"), self.tr("When"),
                                      self.tr("Note")], "conflictSides", single=True, wrap=False)
        self.sides.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.sides.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.sides.itemSelectionChanged.connect(self._enable)
        sides_layout.addWidget(self.sides)
        middle.addWidget(sides_box, 1)
        history_box = QtWidgets.QGroupBox(self.tr("History of this field"))
        history_layout = QtWidgets.QVBoxLayout(history_box)
        self.history = read_only_table([self.tr("When"), self.tr("Who"), self.tr("Device"), self.tr("Change"),
                               self.tr("Side"), self.tr("Reason")], "conflictHistory", single=True, wrap=False)
        self.history.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setSectionResizeMode(3, QtWidgets.QHeaderView.ResizeMode.Stretch)
        history_layout.addWidget(self.history)
        middle.addWidget(history_box, 1)
        layout.addLayout(middle, 3)

        decide = QtWidgets.QGroupBox(self.tr("Decision"))
        grid = QtWidgets.QGridLayout(decide)
        self.reason = QtWidgets.QLineEdit()
        self.reason.setObjectName("decisionReason")
        self.reason.setPlaceholderText(self.tr("optional; kept with the decision and shown in the history"))
        reason_label = QtWidgets.QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        self.keep_button = QtWidgets.QPushButton(self.tr("&Keep the selected side"))
        self.keep_button.setObjectName("keepSide")
        self.keep_button.clicked.connect(self.keep_side)
        self.value = QtWidgets.QLineEdit()
        self.value.setObjectName("decisionValue")
        self.value.setPlaceholderText(self.tr("met or not met, yes or no, a number or text"))
        value_label = QtWidgets.QLabel(self.tr("Or a &value:"))
        value_label.setBuddy(self.value)
        self.value_button = QtWidgets.QPushButton(self.tr("&Set value"))
        self.value_button.setObjectName("setValue")
        self.value_button.clicked.connect(self.set_value)
        self.accept_button = QtWidgets.QPushButton(self.tr("&Accept (amend, sign again)"))
        self.accept_button.setObjectName("acceptLate")
        self.accept_button.clicked.connect(self.accept_late)
        self.reject_button = QtWidgets.QPushButton(self.tr("Re&ject (keep what was signed)"))
        self.reject_button.setObjectName("rejectLate")
        self.reject_button.clicked.connect(self.reject_late)
        grid.addWidget(reason_label, 0, 0)
        grid.addWidget(self.reason, 0, 1, 1, 4)
        grid.addWidget(self.keep_button, 1, 0, 1, 2)
        grid.addWidget(value_label, 1, 2)
        grid.addWidget(self.value, 1, 3)
        grid.addWidget(self.value_button, 1, 4)
        late = QtWidgets.QHBoxLayout()
        late.addWidget(self.accept_button)
        late.addWidget(self.reject_button)
        self.late_hint = QtWidgets.QLabel()
        self.late_hint.setObjectName("lateHint")
        self.late_hint.setWordWrap(True)
        late.addWidget(self.late_hint, 1)
        grid.addLayout(late, 2, 0, 1, 5)
        layout.addWidget(decide)

        bottom = QtWidgets.QHBoxLayout()
        self.last = QtWidgets.QLabel()
        self.last.setObjectName("lastDecision")
        self.last.setWordWrap(True)
        self.undo_button = QtWidgets.QPushButton(self.tr("&Undo last decision"))
        self.undo_button.setObjectName("undoDecision")
        self.undo_button.clicked.connect(self.undo_last)
        bottom.addWidget(self.last, 1)
        bottom.addWidget(self.undo_button)
        layout.addLayout(bottom)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("conflictsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    # -- showing --------------------------------------------------------------------------------------

    def refresh(self, keep: str | None = None) -> None:
        """Read the conflicts again; select ``keep`` (a conflict id) or the first."""
        # by inspection, then item in the rubric's numbering: the same order on every laptop
        self.found = sorted((describe(self.store, c) for c in self.store.events.conflicts()), key=_reading_order)
        self.list.blockSignals(True)
        _fill(self.list, [[c["inspection_text"], c["item_text"] or c["record"][:8], c["field_text"], c["kind_text"],
                           "  ⇄  ".join(f"{s['value_text']} ({s['who']} · {s['device']})" for s in c["sides_text"])]
                          for c in self.found])
        self.list.blockSignals(False)
        index = next((n for n, c in enumerate(self.found) if c["id"] == keep), 0)
        if self.found:
            self.list.selectRow(index)
        self.show_selected()
        last = self.store.decisions.last()
        if last is None:
            self.last.setText(self.tr("No decision to undo."))
        else:
            reason = self.tr(" Reason: %1").replace("%1", _short(last.reason)) if last.reason else ""
            self.last.setText(self.tr("Last decision (%1, %2): %3").replace("%1", last.at[:16].replace("T", " "))
                              .replace("%2", last.who).replace("%3", _short(last.summary, 120)) + reason)
        self.undo_button.setEnabled(last is not None)

    def selected(self) -> dict[str, Any] | None:
        rows = self.list.selectionModel().selectedRows() if self.list.selectionModel() else []
        return self.found[rows[0].row()] if rows and rows[0].row() < len(self.found) else None

    def show_selected(self) -> None:
        c = self.selected()
        if c is None:
            _fill(self.sides, [])
            _fill(self.history, [])
        else:
            late = self.tr("arrived after signing")
            _fill(self.sides, [[s["value_text"], s["who"], s["device"], s["when"], late if s["held"] else ""]
                               for s in c["sides_text"]])
            _fill(self.history, [[e["when"], e["who"], e["device"], e["value_text"],
                                  self.tr("side %1").replace("%1", str(e["side"])) if e["side"] else "",
                                  e.get("reason") or ""] for e in history(self.store, c)])
        self._enable()

    def _enable(self) -> None:
        c = self.selected()
        late = c is not None and c["kind"] == "after-signing"
        picked = bool(self.sides.selectionModel() and self.sides.selectionModel().selectedRows())
        self.keep_button.setEnabled(c is not None and not late and picked)
        self.value.setEnabled(c is not None and not late)
        self.value_button.setEnabled(c is not None and not late)
        self.accept_button.setEnabled(late)
        self.reject_button.setEnabled(late)
        # accepting amends the whole inspection: say so before the leader presses it
        self.late_hint.setText(self.tr("Accepting reopens the inspection: everything that arrived after its signing "
                                       "applies, and it must be signed again.") if late else "")

    # -- deciding -------------------------------------------------------------------------------------

    def _decide(self, work, done: str, typed: str = "") -> None:
        c = self.selected()
        if c is None:
            return
        reason = self.reason.text()
        try:
            work(c, reason)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        if holds_id_number(reason) or holds_id_number(typed):  # kept masked: say why it reads otherwise now
            done += " " + self.tr("The ID number typed is kept masked: only its first 6 and last 4 characters.")
        self.message.setText(done)
        self.reason.clear()
        self.value.clear()
        self.refresh()
        # nothing chosen now: a second press of the same button must not decide the next conflict unseen
        self.list.clearSelection()

    def keep_side(self) -> None:
        rows = self.sides.selectionModel().selectedRows()
        if not rows:
            return
        index = rows[0].row()
        self._decide(lambda c, why: resolve(self.store, c["id"], keep=c["sides"][index]["event"], reason=why),
                     self.tr("Decided; the decision goes out with the next bundle."))

    def set_value(self) -> None:
        text = self.value.text().strip()
        if not text:
            self.message.setText(self.tr("Type the value first."))
            return
        self._decide(lambda c, why: resolve(self.store, c["id"], value=text, has_value=True, reason=why),
                     self.tr("Decided; the decision goes out with the next bundle."), text)

    def accept_late(self) -> None:
        self._decide(lambda c, why: accept(self.store, c["id"], why),
                     self.tr("Accepted: the inspection is amended and its signatures are voided; sign it again."))

    def reject_late(self) -> None:
        self._decide(lambda c, why: reject(self.store, c["id"], why),
                     self.tr("Rejected: the change stays in the history and is not scored."))

    def undo_last(self) -> None:
        try:
            done = undo(self.store)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Undone: %1").replace("%1", done.summary))
        self.refresh(done.conflict_id)


def _short(text: str, limit: int = 60) -> str:
    """A reason or value as the one-line label shows it: a long one (a pasted page, a word without
    spaces) would stretch the view past the screen; the whole text stays in the history table."""
    return text if len(text) <= limit else text[:limit] + "…"


def _reading_order(c: dict) -> tuple:
    """Inspection, then item number part by part (2.5.4 before 2.10.1), then the conflict id."""
    numbers = tuple(int(p) if p.isdigit() else 0 for p in (c.get("item") or "").split("."))
    return c["inspection_text"], numbers, c["id"]
