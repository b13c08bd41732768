"""The results window: a rubric's counted inspections ranked in their groups, bands, ties, losses, exports.

Everything shown comes from ``fieldcheck.results.outcome.build`` (scores from ops.scores);
the window only lays it out. Names of grades, bands and tiers are the rubric's (Chinese).
The build runs on a pool thread (``worker.Generations``): at 100,000 findings it takes
seconds, and meanwhile the window paints, says it is computing and stays usable; a change
of rubric asks again, and the older answer is dropped when it comes.
"""

from __future__ import annotations

from fieldcheck.engine import catalog
from fieldcheck.errors import UserError
from fieldcheck.gui.qt import Qt, QtWidgets, Signal
from fieldcheck.gui.results.chart_widget import ChartWidget
from fieldcheck.gui.results.worker import Generations
from fieldcheck.results import outcome
from fieldcheck.results.basis import basis, pending_text
from fieldcheck.results.pdf import losses_chart, write_pdf
from fieldcheck.results.workbook import write_workbook

# the ranking table's 档次 column
BAND_COLUMN = 5


def _build(store, rubric_id: str, drafts: bool) -> outcome.Results | outcome.NoResults:
    """The results, or the NoResults saying there is nothing to count (the window words it itself)."""
    try:
        return outcome.build(store, rubric_id, include_drafts=drafts)
    except outcome.NoResults as exc:
        return exc


class ResultsView(QtWidgets.QDialog):
    """Non-modal: it reads the store when shown and when the rubric or the drafts box changes."""

    # the newest results (or their failure) are on screen
    shown = Signal()
    # the Rounds… button: the window opens the township's rounds screen
    rounds_requested = Signal()

    def __init__(self, store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.store = store
        self.results: outcome.Results | None = None
        self.jobs = Generations(self)
        self.jobs.arrived.connect(self._arrived)
        self.setWindowTitle(self.tr("Results"))
        self.resize(1100, 680)

        self.rubric_box = QtWidgets.QComboBox()
        self.rubric_box.setObjectName("rubricBox")
        for rubric in catalog.installed():
            self.rubric_box.addItem(f"{rubric.title} ({rubric.id})", rubric.id)
        self.drafts_box = QtWidgets.QCheckBox(self.tr("Count drafts where nothing is signed"))
        self.drafts_box.setObjectName("draftsBox")
        self.xlsx_button = QtWidgets.QPushButton(self.tr("Export &workbook…"))
        self.pdf_button = QtWidgets.QPushButton(self.tr("Export &PDF…"))
        self.rounds_button = QtWidgets.QPushButton(self.tr("R&ounds…"))
        self.rounds_button.setObjectName("roundsButton")
        self.rounds_button.setToolTip(self.tr("The township's rounds: 双月观摩, 半年考核, 年终总评, and their ledger"))
        rubric_label = QtWidgets.QLabel(self.tr("&Rubric:"))
        rubric_label.setBuddy(self.rubric_box)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(rubric_label)
        top.addWidget(self.rubric_box, 1)
        top.addWidget(self.drafts_box)
        top.addWidget(self.xlsx_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.rounds_button)

        # shown while the results are computed off the window's thread
        self.busy = QtWidgets.QProgressBar()
        self.busy.setObjectName("resultsBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.state = QtWidgets.QLabel()
        self.state.setObjectName("resultsState")
        status = QtWidgets.QHBoxLayout()
        status.addWidget(self.state, 1)
        status.addWidget(self.busy)

        self.table = QtWidgets.QTableWidget(0, 8)
        self.table.setObjectName("resultsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Assessee"), self.tr("Group"), self.tr("Total"),
                                              self.tr("Grade"), self.tr("Band"), self.tr("Tier"), self.tr("Note")])
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.notes = QtWidgets.QLabel()
        self.notes.setObjectName("resultsNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loss_table = QtWidgets.QTableWidget(0, 4)
        self.loss_table.setObjectName("lossTable")
        self.loss_table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Points lost"), self.tr("Assessees"),
                                                   self.tr("Most common findings")])
        self.loss_table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.loss_table.setTabKeyNavigation(False)
        self.loss_table.verticalHeader().setVisible(False)
        self.loss_table.horizontalHeader().setStretchLastSection(True)
        self.chart = ChartWidget()

        ranking = QtWidgets.QWidget()
        ranking_layout = QtWidgets.QVBoxLayout(ranking)
        ranking_layout.addWidget(self.table, 1)
        ranking_layout.addWidget(self.notes)
        losses = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        losses.setObjectName("lossSplitter")
        losses.addWidget(self.chart)
        losses.addWidget(self.loss_table)
        losses.setSizes([340, 260])
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(ranking, self.tr("Ranking"))
        self.tabs.addTab(losses, self.tr("Where points are lost"))

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.tabs, 1)
        self._computing(False)

        self.rubric_box.currentIndexChanged.connect(self.refresh)
        self.drafts_box.toggled.connect(self.refresh)
        self.xlsx_button.clicked.connect(lambda: self.export_workbook())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.rounds_button.clicked.connect(self.rounds_requested)

    def select_rubric(self, rubric_id: str) -> None:
        index = self.rubric_box.findData(rubric_id)
        if index >= 0:
            self.rubric_box.blockSignals(True)  # one refresh below, not one for the index and one more
            self.rubric_box.setCurrentIndex(index)
            self.rubric_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Ask for the results of the rubric and options shown; they arrive later (``shown``)."""
        rubric_id = self.rubric_box.currentData()
        self.results = None
        self.table.setRowCount(0)
        self.loss_table.setRowCount(0)
        self.chart.set_chart(None)
        self.notes.clear()
        self._exports(False)
        if rubric_id is None:
            self.jobs.forget()
            self._computing(False)
            return
        store, drafts = self.store, self.drafts_box.isChecked()
        self.jobs.start(lambda: _build(store, rubric_id, drafts))
        self._computing(True)

    def _computing(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.state.setVisible(on)
        if on:
            self.state.setText(self.tr("Computing results… the window stays usable meanwhile."))

    def _arrived(self, results: outcome.Results | outcome.NoResults | None, error: str) -> None:
        self._computing(False)
        if isinstance(results, outcome.NoResults):
            # the build's own sentence names the command line's --all; here the drafts are a tick box
            self.notes.setText(self.tr("No inspection of this rubric is counted yet.") + " " + (
                self.tr("Sign the inspections, or tick “Count drafts where nothing is signed”.")
                if not self.drafts_box.isChecked() else self.tr("Make an inspection with this rubric first.")))
        elif results is None:
            self.notes.setText(error)
        else:
            self.results = results
            self._exports(True)
            self._fill_ranking()
            self._fill_losses()
        self.shown.emit()

    def closeEvent(self, event) -> None:
        self.jobs.forget()  # an answer still on its way is no longer wanted
        super().closeEvent(event)

    def _exports(self, enabled: bool) -> None:
        self.xlsx_button.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled)

    def _note(self, row) -> str:
        notes = {"veto": self.tr("out of the ranking"), "incomplete": self.tr("incomplete: not ranked"),
                 "no group": self.tr("in no ranking group"), "tie": self.tr("tie on a quota line: for the leader")}
        parts = []
        if row.counted.draft:
            parts.append(self.tr("draft"))
        if row.unfinished_unsaid:
            parts.append(self.tr("unfinished"))
        if row.veto():
            parts.append(row.veto())
        elif row.placed.note in notes:
            parts.append(notes[row.placed.note])
        return "; ".join(parts)

    def _fill_ranking(self) -> None:
        results = self.results
        assert results is not None
        self.table.setRowCount(len(results.rows))
        # a rubric without bands (衡阳's, the 考核细则) shows no empty 档次 column
        self.table.setColumnHidden(BAND_COLUMN, not results.has_bands)
        for i, row in enumerate(results.rows):
            total = f"{row.result.total:.2f}" + ("" if row.result.complete else self.tr(" (provisional)"))
            tier = (row.placed.tier or "") + (self.tr(" (not final)") if row.placed.provisional and row.placed.tier
                                               else "")
            cells = [str(row.placed.rank or ""), row.name, row.placed.group or "", total,
                     row.grade_shown, row.band or "", tier, self._note(row)]
            why = basis(row, results).render()  # the quota, tie, veto or fail rule that placed the row
            for j, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(why)
                if j in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        lines = []
        for g in results.groups:
            quotas = ", ".join(f"{k} {v}" for k, v in g.quotas.items())
            lines.append(self.tr("Group {0}: quotas {1}").format(g.name, quotas))
            for tie in g.ties:
                lines.append(self.tr("Tie at rank {0} across the {1}/{2} line: {3}, for the leader to decide").format(
                    tie.rank, tie.between[0], tie.between[1] or "—", ", ".join(tie.assessees)))
            if g.pending:
                lines.append("  " + pending_text(g).render())
        for c in results.conflicts:
            lines.append(self.tr("Not ranked: {0}: {1}").format(c.assessee, c.reason.render()))
        if results.has_bands:
            edges = "; ".join(results.banding.describe())
            lines.append(self.tr("Bands: {0}").format(edges))
        self.notes.setText("\n".join(lines))

    def _fill_losses(self) -> None:
        assert self.results is not None
        losses = self.results.losses
        self.loss_table.setRowCount(len(losses))
        for i, x in enumerate(losses):
            findings = "; ".join(f"{t} ({n})" for t, n in x.findings)
            for j, text in enumerate([f"{x.item_id} {x.title}", f"{x.lost:.2f}", str(x.assessees), findings]):
                self.loss_table.setItem(i, j, QtWidgets.QTableWidgetItem(text))
        self.loss_table.resizeColumnsToContents()
        chart = losses_chart(self.results, self.tr("Items that lost the most points (all assessees together)"),
                             self.tr(" pts"))
        self.chart.set_chart(chart if losses else None)

    def _target(self, caption: str, suffix: str) -> str | None:
        assert self.results is not None
        name = f"{self.results.rubric.id}-results{suffix}"
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, caption, name, f"*{suffix}")
        return path or None

    def export_workbook(self, path: str | None = None) -> str | None:
        path = path or self._target(self.tr("Export workbook"), ".xlsx")
        if path and self.results is not None:
            return self._written(path, lambda: write_workbook(self.results, self.store, path))
        return path

    def export_pdf(self, path: str | None = None) -> str | None:
        path = path or self._target(self.tr("Export PDF"), ".pdf")
        if path and self.results is not None:
            return self._written(path, lambda: write_pdf(self.results, path))
        return path

    def _written(self, path: str, write) -> str | None:
        """The path once written; a file that cannot be written (the stick pulled out, a full disk) is said, not raised."""
        try:
            write()
        except UserError as exc:
            QtWidgets.QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        return path
