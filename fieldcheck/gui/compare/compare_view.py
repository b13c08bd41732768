"""Team ▸ Double inspections…: the assessees inspected twice, two inspections side by side, the reconciled result.

Everything shown comes from ``ops.doubles`` and ``ops.compare`` (both scores from
ops.scores); the window lays it out and never computes a score. Reading the pairs and
comparing run on a pool thread (``PoolJob``) over the window's store, whose lock guards the
connection. A differing row is marked "≠" and in bold as well as shaded, so it does not
rest on colour alone. Per differing item the leader takes A, B or enters an answer, with
a reason; "Record reconciled result" then writes the new inspection (``ops.reconcile``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldcheck.engine.numbers import fmt
from fieldcheck.errors import UserError
from fieldcheck.gui.compare.compare_panels import ALIGN_RIGHT, Decision, DecisionBox, FindingsList
from fieldcheck.gui.qt import Qt, QtGui, QtWidgets, Signal
from fieldcheck.gui.widgets.pool_job import PoolJob
from fieldcheck.ops.compare import Comparison, answer_text, compare
from fieldcheck.ops.doubles import Double, doubles
from fieldcheck.ops.reconcile import Choice, reconcile
from fieldcheck.store import holds_id_number, mask_in_text


def _compared(store, first: str, second: str) -> tuple[Comparison, dict[str, bytes], dict[str, str]]:
    """The comparison, the thumbnails of its photos and its households' names: all the view shows."""
    c = compare(store, first, second)
    photos, households = {}, set()
    for item in c.items:
        for f in (*item.a.findings, *item.b.findings):
            if f.household_id:
                households.add(f.household_id)
            for p in f.photos:
                if p.sha256 not in photos:
                    photos[p.sha256] = store.photos.thumbnail(p.sha256)
    return c, photos, store.households.names(sorted(households))


COLUMNS = 7  # marker, item, A answer, A deduction, B answer, B deduction, worth


class CompareView(QtWidgets.QDialog):
    """The leader's desk for double inspections (交叉检查)."""

    reconciled = Signal(str)

    def __init__(self, store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.setWindowTitle(self.tr("Double inspections"))
        self.store = store
        self.pairs: list[Double] = []
        self.comparison: Comparison | None = None
        self.decisions: dict[str, Decision] = {}
        self.households: dict[str, str] = {}
        #: the reconciled inspection just recorded from this comparison: recording twice is refused
        self.recorded: str | None = None
        self.jobs: list[PoolJob] = []  # running, or answered and not yet heard
        self._then: dict[int, Callable[[Any], None]] = {}
        self.resize(1300, 700)

        self.pair_list = QtWidgets.QListWidget()
        self.pair_list.setObjectName("pairList")
        self.pair_list.setWordWrap(True)  # a long place path and its state, in a narrow column
        pairs_label = QtWidgets.QLabel(self.tr("Assessees inspected &twice or more:"))
        pairs_label.setBuddy(self.pair_list)
        self.a_box = QtWidgets.QComboBox()
        self.a_box.setObjectName("inspectionA")
        self.b_box = QtWidgets.QComboBox()
        self.b_box.setObjectName("inspectionB")
        left = QtWidgets.QWidget()
        form = QtWidgets.QFormLayout()
        a_label, b_label = QtWidgets.QLabel(self.tr("&First (A):")), QtWidgets.QLabel(self.tr("S&econd (B):"))
        a_label.setBuddy(self.a_box)
        b_label.setBuddy(self.b_box)
        form.addRow(a_label, self.a_box)
        form.addRow(b_label, self.b_box)
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(pairs_label)
        left_layout.addWidget(self.pair_list, 1)
        left_layout.addLayout(form)

        self.totals = QtWidgets.QLabel()
        self.totals.setObjectName("compareTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.only_differing = QtWidgets.QCheckBox(self.tr("&Only items that differ"))
        self.only_differing.setObjectName("onlyDiffering")
        self.only_differing.setChecked(True)
        self.table = QtWidgets.QTableWidget(0, COLUMNS)
        self.table.setObjectName("compareTable")
        self.table.setHorizontalHeaderLabels(["", self.tr("Item"), self.tr("A: answer"), self.tr("A: deducted"),
                                              self.tr("B: answer"), self.tr("B: deducted"), self.tr("Worth (B−A)")])
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(COLUMNS):
            mode = QtWidgets.QHeaderView.ResizeMode
            header.setSectionResizeMode(column, mode.Stretch if column in (1, 2, 4) else mode.ResizeToContents)

        self.a_findings = FindingsList("findingsA")
        self.b_findings = FindingsList("findingsB")
        self.a_findings_label = QtWidgets.QLabel(self.tr("A's findings"))
        self.b_findings_label = QtWidgets.QLabel(self.tr("B's findings"))
        self.decision_box = DecisionBox()
        below = QtWidgets.QGridLayout()
        below.addWidget(self.a_findings_label, 0, 0)
        below.addWidget(self.b_findings_label, 0, 1)
        below.addWidget(self.a_findings, 1, 0)
        below.addWidget(self.b_findings, 1, 1)
        below.addWidget(self.decision_box, 0, 2, 2, 1)
        for column in range(3):
            below.setColumnStretch(column, 1)

        self.message = QtWidgets.QLabel()
        self.message.setObjectName("compareMessage")
        self.message.setWordWrap(True)
        self.record_button = QtWidgets.QPushButton(self.tr("Record reconciled re&sult"))
        self.record_button.setObjectName("recordReconciled")
        self.record_button.setEnabled(False)
        self.record_button.setAutoDefault(False)
        close = QtWidgets.QPushButton(self.tr("&Close"))
        close.setAutoDefault(False)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.record_button)
        bottom.addWidget(close)

        right = QtWidgets.QWidget()
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.totals, 1)
        top.addWidget(self.only_differing)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table, 3)
        right_layout.addLayout(below, 2)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("compareSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 1000])
        splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.pair_list.currentRowChanged.connect(self._pair_chosen)
        self.a_box.activated.connect(self._start_compare)
        self.b_box.activated.connect(self._start_compare)
        self.only_differing.toggled.connect(self._fill_table)
        self.table.currentCellChanged.connect(lambda *_: self._row_chosen())
        self.decision_box.changed.connect(self._decided)
        self.record_button.clicked.connect(self.record)
        close.clicked.connect(self.reject)
        self.refresh()

    # -- reading, off the window's thread -----------------------------------------------------------

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        job = PoolJob(lambda _progress: work())
        job.signals.finished.connect(self._answered)
        self.jobs.append(job)
        self._then[id(job)] = done  # what to do with its answer, on the window's thread
        job.start()

    def _answered(self, result: Any, error: str) -> None:
        job = next((j for j in self.jobs if j.signals is self.sender()), None)
        if job is None:
            return
        self.jobs.remove(job)
        then = self._then.pop(id(job))
        if error:
            self.message.setText(error)
        else:
            then(result)

    def refresh(self) -> None:
        """Read the pairs again (after a reconciliation, or a merge); the comparison shown stays."""
        if not self.pairs:
            self.message.setText(self.tr("Reading…"))
        self._run(lambda: doubles(self.store), self._show_pairs)

    def done(self, result: int) -> None:
        for job in self.jobs:  # a read still running must not outlive the window's use of the store
            job.done.wait(30)
        super().done(result)

    def _show_pairs(self, pairs: list[Double]) -> None:
        keep = self.pair_list.currentRow()
        same = keep >= 0 and keep < len(pairs) and [i.id for i in pairs[keep].inspections] == \
            [i.id for i in self.pairs[keep].inspections]
        self.pairs = pairs
        self.pair_list.blockSignals(True)
        self.pair_list.clear()
        for d in pairs:
            state = self.tr("reconciled") if d.reconciled else self.tr("not reconciled")
            if not d.same_version:
                state += " · " + self.tr("rubric versions differ")
            count = self.tr("%1 inspections").replace("%1", str(len(d.inspections)))
            self.pair_list.addItem(f"{d.path}\n{d.rubric_title} · {count} · {state}")
        if pairs:
            self.pair_list.setCurrentRow(min(max(keep, 0), len(pairs) - 1))
        self.pair_list.blockSignals(False)
        if not pairs:
            self.message.setText(self.tr("No assessee was inspected twice or more on one rubric."))
            return
        if not same:  # signals were blocked: show the comparison of the row now current
            self._pair_chosen(self.pair_list.currentRow())

    def _pair_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.pairs):
            return
        double = self.pairs[row]
        for box, pick in ((self.a_box, 0), (self.b_box, 1)):
            box.clear()
            for listed in double.inspections:
                who = "、".join(listed.inspectors)
                box.addItem(f"{listed.date} · {who} · {self._status(listed.status)}", listed.id)
            box.setCurrentIndex(pick)
        self._start_compare()

    def _status(self, status: str) -> str:
        return {"draft": self.tr("draft"), "signed": self.tr("signed"), "exported": self.tr("exported")}.get(status, status)

    def _start_compare(self, *_args) -> None:
        first, second = self.a_box.currentData(), self.b_box.currentData()
        if not first or not second:
            return
        self.comparison = None
        self.decisions = {}
        self.recorded = None
        self.record_button.setEnabled(False)
        self.message.setText(self.tr("Comparing…"))
        self._run(lambda: _compared(self.store, first, second), self._show_comparison)

    # -- showing ------------------------------------------------------------------------------------

    def _show_comparison(self, done: tuple[Comparison, dict[str, bytes], dict[str, str]]) -> None:
        c, thumbnails, self.households = done
        if (c.a.inspection.id, c.b.inspection.id) != (self.a_box.currentData(), self.b_box.currentData()):
            return  # the leader chose other inspections meanwhile
        self.comparison = c
        self.decisions = {i.id: Decision() for i in c.differing}
        for panel in (self.a_findings, self.b_findings):
            panel.thumbnails = thumbnails
        a, b = c.a.result, c.b.result
        self.totals.setText(self.tr("A: %1 of %2 · B: %3 of %4 · difference (B−A) %5 · %6 items differ")
                            .replace("%1", self._total(a)).replace("%2", fmt(a.max)).replace("%3", self._total(b))
                            .replace("%4", fmt(b.max)).replace("%5", _signed(c.total_difference))
                            .replace("%6", str(len(c.differing)))
                            + ("" if not c.capped else " · " + self.tr("%1 of it absorbed by caps (扣完为止)")
                               .replace("%1", _signed(c.capped))))
        self.message.setText(self.tr("The two inspections agree on every item.") if not c.differing else
                             self.tr("Take a side (or enter an answer) with a reason on every item marked ≠."))
        row = self.pair_list.currentRow()
        settled = self.pairs[row].reconciled if 0 <= row < len(self.pairs) else None
        if settled:
            self.message.setText(self.message.text() + " " + self.tr(
                "Already reconciled (inspection %1): a new result would count instead.").replace("%1", settled[:8]))
        self._fill_table()
        self._update_record()

    def _total(self, result) -> str:
        return fmt(result.total) + (self.tr(" (provisional)") if result.provisional else "")

    def _fill_table(self) -> None:
        c = self.comparison
        self.table.setRowCount(0)
        if c is None:
            return
        rows = c.differing if self.only_differing.isChecked() else c.items
        self.table.setRowCount(len(rows))
        bold = QtGui.QFont(self.table.font())
        bold.setBold(True)
        shade = self.palette().color(QtGui.QPalette.ColorRole.Highlight)
        shade.setAlpha(40)
        for r, item in enumerate(rows):
            cells = ["≠" if item.differs else "=", f"{item.id} {item.title}",
                     answer_text(item.item, item.a.answer).render(), fmt(item.a.deduction),
                     answer_text(item.item, item.b.answer).render(), fmt(item.b.deduction), _signed(item.difference)]
            for column, text in enumerate(cells):
                cell = QtWidgets.QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if column in (3, 5, 6):
                    cell.setTextAlignment(ALIGN_RIGHT)
                if item.differs:
                    cell.setFont(bold)
                    cell.setBackground(shade)
                    cell.setToolTip(self.tr("The two inspections differ on this item"))
                self.table.setItem(r, column, cell)
        if rows:
            self.table.setCurrentCell(0, 1)
        self._row_chosen()

    def _current_item(self):
        if self.comparison is None or self.table.currentRow() < 0:
            return None
        cell = self.table.item(self.table.currentRow(), 0)
        item_id = cell.data(Qt.ItemDataRole.UserRole) if cell else None
        return next((i for i in self.comparison.items if i.id == item_id), None)

    def _row_chosen(self) -> None:
        item = self._current_item()
        self.a_findings.show_side(item, item.a if item else None, self.households)
        self.b_findings.show_side(item, item.b if item else None, self.households)
        self.decision_box.show_item(item, self.decisions.get(item.id) if item else None)

    def _decided(self) -> None:
        """What is left, in the message: with several items, the leader cannot see which are done."""
        self._update_record()
        left = sum(not _complete(d) for d in self.decisions.values())
        self.message.setText(self.tr("Every item marked ≠ is decided: record the reconciled result.") if not left else
                             self.tr("%1 of %2 items marked ≠ still to decide: a side (or an answer) and a reason "
                                     "on each.").replace("%1", str(left)).replace("%2", str(len(self.decisions))))

    def _update_record(self) -> None:
        c = self.comparison
        self.record_button.setEnabled(c is not None and self.recorded is None and
                                      all(_complete(d) for d in self.decisions.values()))

    # -- recording ----------------------------------------------------------------------------------

    def record(self) -> str | None:
        """Write the reconciled inspection; its id, or None with the reason shown."""
        c = self.comparison
        if c is None:
            return None
        choices = {k: Choice(d.side, d.reason, d.entered if d.side == "entered" else None)
                   for k, d in self.decisions.items()}
        try:
            new = reconcile(self.store, c.a.inspection.id, c.b.inspection.id, choices)
        except UserError as exc:
            self.message.setText(str(exc))
            return None
        said = self.tr("Recorded the reconciled inspection %1; it counts in the results. Sign it to make "
                       "it final.").replace("%1", new[:8])
        if any(holds_id_number(d.reason) for d in choices.values()):  # kept masked: say why it reads otherwise
            said += " " + self.tr("The ID number in a reason is kept masked: only its first 6 and last 4 characters.")
            for d in self.decisions.values():  # and the reason boxes show what was kept, not the whole number
                d.reason = mask_in_text(d.reason)
            self._row_chosen()
        self.message.setText(said)
        self.recorded = new
        self._update_record()
        self.reconciled.emit(new)
        self.refresh()
        return new


def _complete(d) -> bool:
    """A side taken (or an answer entered) and a reason given."""
    return bool(d.side and d.reason.strip() and (d.side != "entered" or d.entered.strip()))


def _signed(value) -> str:
    return ("+" if value > 0 else "") + fmt(value)
