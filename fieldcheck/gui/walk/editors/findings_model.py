"""The table of an item's findings: a model over the store's records that repaints only what an edit changed.

An item may hold hundreds of findings (2.1.1's handbook errors across a village); the walk
hands the model the item's findings after each edit with the unchanged ones the very same
records, so one added, removed or edited finding is one row's worth of work, and each cell's
text is made once.
"""

from __future__ import annotations

import operator
from typing import Any, Protocol

from fieldcheck.gui.qt import Qt, QtCore, QtWidgets

_DISPLAY = int(Qt.DisplayRole.value)


class Shows(Protocol):
    """What the model asks of the editor that owns it: how to show a value and a household."""

    def value_header(self) -> str: ...

    def value_text(self, value: Any) -> str: ...

    def household_name(self, household_id: str | None) -> str: ...


class FindingsModel(QtCore.QAbstractTableModel):
    def __init__(self, editor: Shows, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.editor = editor
        self.rows: list = []
        self._cells: dict = {}
        self.headers = [self.tr("#"), editor.value_header(), self.tr("Household"), self.tr("Note")]

    def set_rows(self, rows: list) -> None:
        """Show ``rows``; a finding added, restored or removed, or an edited row, repaints only what changed.

        The walk hands over the item's findings with the unchanged ones the very same records
        (``WalkSession.edited``), so an edit is found by identity, without comparing every row."""
        old = self.rows
        if abs(len(rows) - len(old)) == 1:
            longer, shorter = (rows, old) if len(rows) > len(old) else (old, rows)
            at = next((n for n, (a, b) in enumerate(zip(shorter, longer)) if a is not b), len(shorter))
            if all(map(operator.is_, shorter[at:], longer[at + 1:])):
                self._cells.pop(longer[at].id, None)  # a restored finding: show it as it is now
                if longer is rows:
                    self.beginInsertRows(QtCore.QModelIndex(), at, at)
                    self.rows = rows
                    self.endInsertRows()
                else:
                    self.beginRemoveRows(QtCore.QModelIndex(), at, at)
                    self.rows = rows
                    self.endRemoveRows()
                return
        elif len(rows) == len(old):
            changed = [n for n, (a, b) in enumerate(zip(old, rows))
                       if a is not b and (a.id != b.id or a.updated_at != b.updated_at)]
            if all(old[n].id == rows[n].id for n in changed):
                for n in changed:
                    self._cells.pop(rows[n].id, None)
                self.rows = rows
                for n in changed:
                    self.dataChanged.emit(self.index(n, 0), self.index(n, 3))
                return
        self._set_rows_by_id(rows)

    def _set_rows_by_id(self, rows: list) -> None:
        """Any other change (records read again from the store): compared by id and stamp."""
        before = {f.id: f.updated_at for f in self.rows}
        for finding in rows:
            if before.get(finding.id, finding.updated_at) != finding.updated_at:
                self._cells.pop(finding.id, None)  # edited: show its new value, household, note
        if len(self._cells) > 2 * len(rows) + 64:
            self._cells.clear()
        old = [f.id for f in self.rows]
        new = [f.id for f in rows]
        if new[:len(old)] == old and len(new) > len(old):
            changed = [n for n in range(len(old)) if self.rows[n].updated_at != rows[n].updated_at]
            self.beginInsertRows(QtCore.QModelIndex(), len(old), len(new) - 1)
            self.rows = rows
            self.endInsertRows()
        elif len(new) == len(old) - 1 and len(set(old) - set(new)) == 1:
            gone = old.index((set(old) - set(new)).pop())
            changed = []
            self.beginRemoveRows(QtCore.QModelIndex(), gone, gone)
            self.rows = rows
            self.endRemoveRows()
        elif new == old:
            changed = [n for n, (a, b) in enumerate(zip(self.rows, rows)) if a.updated_at != b.updated_at]
            self.rows = rows
        else:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return
        for n in changed:
            self.dataChanged.emit(self.index(n, 0), self.index(n, 3))

    def rowCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=_DISPLAY):
        if role == _DISPLAY and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=_DISPLAY):
        # Called for every role of every painted cell: answer the one role shown, from a cache.
        if role != _DISPLAY:
            return None
        row = index.row()
        column = index.column()
        if column == 0:
            return str(row + 1)
        finding = self.rows[row]
        cells = self._cells.get(finding.id)
        if cells is None:
            cells = self._cells[finding.id] = (self.editor.value_text(finding.value),
                                            self.editor.household_name(finding.household_id), finding.note)
        return cells[column - 1]
