"""Laying the township's rounds out: a round's standing, its ledger, every person over every round, the checks.

Functions over plain QTableWidgets, so the rounds screen keeps only its state and its
choices. Rewards are shaded green and penalties red, as the 流动红旗 / 流动黄旗 read; an
exception (a 村官 spared the penalty) keeps its row in the ledger, shaded, with the reason.
"""

from __future__ import annotations

from decimal import Decimal

from fieldcheck.gui.qt import Qt, QtGui, QtWidgets
from fieldcheck.results.rounds import RoundResult, per_person

REWARD = QtGui.QColor("#e3f2e1")
PENALTY = QtGui.QColor("#fbe3e1")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def money(amount: Decimal) -> str:
    return f"{amount:+,.2f}" if amount else "0.00"


def make_table(name: str, headers: list[str]) -> QtWidgets.QTableWidget:
    """A read-only table that Tab leaves (arrows move inside it)."""
    table = QtWidgets.QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    return table


def fill_standing(table: QtWidgets.QTableWidget, rows: list[tuple[str, str, str, Decimal, str]], hand: bool) -> None:
    """Rows of (place, village, score, amount, flag); the score column editable when typed by hand."""
    table.setRowCount(len(rows))
    for r, (place, village, score, amount, flag) in enumerate(rows):
        for c, text in enumerate([place, village, score, money(amount) if place else "", flag]):
            item = QtWidgets.QTableWidgetItem(text)
            editable = hand and c == 2
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable if editable
                          else item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c in (0, 2, 3):
                item.setTextAlignment(RIGHT)
            if amount > 0:
                item.setBackground(REWARD)
            elif amount < 0:
                item.setBackground(PENALTY)
            table.setItem(r, c, item)
    trigger = QtWidgets.QAbstractItemView.EditTrigger
    table.setEditTriggers(trigger.AllEditTriggers if hand else trigger.NoEditTriggers)


def fill_ledger(table: QtWidgets.QTableWidget, result: RoundResult | None) -> None:
    entries = result.entries if result is not None else []
    table.setRowCount(len(entries))
    for r, e in enumerate(entries):
        for c, text in enumerate([e.person, e.role, e.via, money(e.amount), e.note]):
            item = QtWidgets.QTableWidgetItem(text)
            if c == 3:
                item.setTextAlignment(RIGHT)
            if e.note and e.amount == 0:  # an exception: the ledger says why nothing is owed
                item.setBackground(REWARD)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def fill_people(table: QtWidgets.QTableWidget, done: list[RoundResult], person: str, total: str) -> None:
    """A row per person: the amount of each round worked out, and the total; ``person``/``total`` head the columns."""
    headers = [person] + [r.round.id for r in done] + [total]
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    totals = per_person(done)
    table.setRowCount(len(totals))
    for r, (name, amount) in enumerate(totals.items()):
        per_round = []
        for result in done:
            one = sum((e.amount for e in result.entries if e.person == name), Decimal(0))
            per_round.append(money(one) if one else "")
        for c, text in enumerate([name, *per_round, money(amount)]):
            item = QtWidgets.QTableWidgetItem(text)
            if c:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def fill_checks(box: QtWidgets.QListWidget, checks: list[tuple[str, tuple[str, str], bool]]) -> None:
    """Checkable rows of (text, (kind, name) kept as the item's data, checked)."""
    for text, data, on in checks:
        item = QtWidgets.QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        box.addItem(item)
