"""The read-only tables the leader's views list things in: whole rows selected, Tab leaves them."""

from __future__ import annotations

from fieldcheck.gui.qt import QtWidgets


def read_only_table(headers: list[str], name: str, *, single: bool = False, wrap: bool = True) -> QtWidgets.QTableWidget:
    """A table of ``headers`` that selects whole rows (one at a time when ``single``) and is never edited."""
    table = QtWidgets.QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
    table.setWordWrap(wrap)
    return table
