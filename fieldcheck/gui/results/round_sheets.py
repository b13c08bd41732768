"""The rounds window's sheets: a round's standing and its ticks beside the ledger and the per-person totals.

One splitter the rounds window holds: the standing of the round chosen (its score column
typed in when the standing is entered by hand) with the ticks that spare people or
departments, and tabs for the round's ledger and every person over every round. It lays out
what ``results.rounds`` worked out (the filling is ``round_tables``); the window keeps the
rounds and the choices and connects to ``standing.itemChanged`` / ``checks.itemChanged``.
"""

from __future__ import annotations

from decimal import Decimal

from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.results.round_tables import fill_checks, fill_ledger, fill_people, fill_standing, make_table
from fieldcheck.results import round_rules, rounds


class RoundSheets(QtWidgets.QSplitter):
    """The standing and its ticks on the left; the ledger and per-person tabs on the right."""

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("roundsSplitter")
        self.standing = QtWidgets.QTableWidget(0, 5)
        self.standing.setObjectName("standingTable")
        self.standing.setHorizontalHeaderLabels([self.tr("Place"), self.tr("Village"), self.tr("Score"),
                                                 self.tr("Reward / penalty (yuan)"), self.tr("Flag")])
        self.standing.verticalHeader().setVisible(False)
        self.standing.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.standing.horizontalHeader().setStretchLastSection(True)
        self.standing.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.checks = QtWidgets.QListWidget()
        self.checks.setObjectName("roundChecks")
        self.checks.setMaximumHeight(110)
        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        standing_label = QtWidgets.QLabel(self.tr("Standing of the round (top three rewarded, bottom two penalised):"))
        standing_label.setBuddy(self.standing)
        left_layout.addWidget(standing_label)
        left_layout.addWidget(self.standing, 1)
        checks_label = QtWidgets.QLabel(self.tr("Met their own task / departments on schedule:"))
        checks_label.setBuddy(self.checks)
        left_layout.addWidget(checks_label)
        left_layout.addWidget(self.checks)

        self.ledger = make_table("ledgerTable", [self.tr("Person"), self.tr("Role"), self.tr("Through"),
                                                  self.tr("Amount (yuan)"), self.tr("Note")])
        self.people = make_table("peopleTable", [self.tr("Person")])
        self.people.horizontalHeader().setStretchLastSection(False)  # the totals stay beside the names
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("roundTabs")
        self.tabs.addTab(self.ledger, self.tr("Ledger of this round"))
        self.tabs.addTab(self.people, self.tr("Per person, every round"))
        self.addWidget(left)
        self.addWidget(self.tabs)
        self.setSizes([470, 750])

    def show_round(self, rules: round_rules.Rules, town: round_rules.Township | None, rnd: round_rules.Round | None,
                   result: rounds.RoundResult | None, hand: bool, done: list[rounds.RoundResult]) -> None:
        """Lay out round ``rnd`` (None: no round yet) as worked out in ``result`` (None: not yet), and
        every round in ``done`` per person; ``hand``: its scores are typed in the standing."""
        rows: list = []
        if result is not None:
            rows = [(str(s.place), s.village, "" if s.score is None else fmt(s.score), s.amount, s.flag or "")
                    for s in result.standings]
        elif town is not None and rnd is not None:
            typed = rnd.scores or {}
            rows = [("", v, fmt(typed[v]) if v in typed else "", Decimal(0), "") for v in town.villages]
        fill_standing(self.standing, rows, hand)
        self._fill_checks(rules, town, rnd)
        fill_ledger(self.ledger, result)
        fill_people(self.people, done, self.tr("Person"), self.tr("Total (yuan)"))

    def _fill_checks(self, rules: round_rules.Rules, town: round_rules.Township | None,
                     rnd: round_rules.Round | None) -> None:
        self.checks.clear()
        if town is None or rnd is None:
            return
        boxes = [(self.tr("%1 (%2) met their own task").replace("%1", p.name).replace("%2", p.role), ("task", p.name),
                  p.name in rnd.task_met)
                 for p in town.people if rules.roles.get(p.role) == "spared_if_task_met"]
        if rules.kinds[rnd.kind].departments:
            boxes += [(self.tr("%1 on schedule").replace("%1", d.name), ("department", d.name),
                       rnd.on_schedule.get(d.name, False)) for d in town.departments]
        fill_checks(self.checks, boxes)

    def exceptions(self, result: rounds.RoundResult | None) -> str:
        """The round's exceptions in a sentence, so they are seen without reading the whole ledger."""
        if result is None:
            return ""
        spared = [e.person for e in result.entries if e.note and e.amount == 0]
        text = self.tr("%1 villages; rewards and penalties shared by the people bound to each village.").replace(
            "%1", str(len(result.standings)))
        if spared:
            text += " " + self.tr("Spared the penalty (met their own task): %1.").replace("%1", "、".join(spared))
        return text
