"""The township's rounds (seed 000): a round's standing, its rewards, penalties and flags, and the ledger.

The township's file (villages, the people bound to them, units, departments, rounds) is the
office's own YAML, read and checked by ``results.round_rules``; the amounts and readings
are the shipped rules file's. A round's standing comes from the file, from a rubric's
results in this database (computed off the window's thread, like the results window), or
from scores typed here for the 13 村居. Everything shown is ``results.rounds``' work; the
window only lays it out. Rounds made or changed here live in the window until exported to
the workbook: the township's file is the office's and is not rewritten.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import Qt, QtCore, QtWidgets, Signal
from fieldcheck.gui.results.round_chooser import FILE, HAND, RoundChooser, effective
from fieldcheck.gui.results.round_sheets import RoundSheets
from fieldcheck.gui.results.worker import Generations
from fieldcheck.results import outcome, round_rules, rounds
from fieldcheck.results.ledger_pdf import write_ledger_pdf
from fieldcheck.results.workbook import write_ledger_workbook

TOWNSHIP_KEY = "rounds/township"


class RoundsView(QtWidgets.QDialog):
    """Choose a round, see its standing and who gets what; edit scores by hand; export the ledger."""

    # the standing and ledgers on screen are current
    shown = Signal()

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roundsView")
        self.setWindowTitle(self.tr("Township rounds"))
        self.resize(1240, 700)
        self.store, self.settings = store, settings
        self.rules = round_rules.load_rules()
        self.town: round_rules.Township | None = None
        self.rounds: list[round_rules.Round] = []
        self.sources: list[str] = []  # per round: FILE, HAND or a rubric id
        self.originals: list[round_rules.Round | None] = []  # as the file gives each (None: made here)
        self.results: list[rounds.RoundResult | None] = []
        self.rubric_scores: dict[str, dict[str, Decimal]] = {}  # rubric id → village → total
        self.jobs = Generations(self)
        self.jobs.arrived.connect(self._scores_arrived)
        self._filling = False

        self.chooser = RoundChooser(self.rules)
        # the chooser's widgets by their names here too: the window reads, and tests reach, them so
        self.path, self.town_label = self.chooser.path, self.chooser.town_label
        self.round_box, self.new_button = self.chooser.round_box, self.chooser.new_button
        self.kind_box, self.source_box = self.chooser.kind_box, self.chooser.source_box
        self.chooser.open_button.clicked.connect(lambda: self.choose_file())

        self.sheets = RoundSheets()
        # the sheets' widgets by their names here too: the window fills, and tests reach, them so
        self.standing, self.checks = self.sheets.standing, self.sheets.checks
        self.ledger, self.people, self.tabs = self.sheets.ledger, self.sheets.people, self.sheets.tabs
        self.standing.itemChanged.connect(self._score_typed)
        self.checks.itemChanged.connect(self._check_changed)

        self.message = QtWidgets.QLabel()
        self.message.setObjectName("roundsMessage")
        self.message.setWordWrap(True)
        self.busy = QtWidgets.QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.xlsx_button = QtWidgets.QPushButton(self.tr("Export &workbook…"))
        self.xlsx_button.setObjectName("exportLedger")
        self.xlsx_button.clicked.connect(lambda: self.export_workbook())
        self.pdf_button = QtWidgets.QPushButton(self.tr("Export &PDF…"))
        self.pdf_button.setObjectName("exportLedgerPdf")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        close = QtWidgets.QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.busy)
        bottom.addWidget(self.xlsx_button)
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(close)

        for button in (self.chooser.open_button, self.new_button, self.xlsx_button, self.pdf_button, close):
            button.setAutoDefault(False)  # Enter commits a typed score; it must not press a button
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.sheets, 1)
        layout.addLayout(bottom)

        self.round_box.currentIndexChanged.connect(self._round_chosen)
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.source_box.currentIndexChanged.connect(self._source_chosen)
        self.new_button.clicked.connect(self.new_round)
        self._enable()
        if settings is not None and settings.value(TOWNSHIP_KEY):
            try:
                self.load(str(settings.value(TOWNSHIP_KEY)))
            except UserError as exc:
                self.message.setText(str(exc))

    # -- the township -----------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, self.tr("Open the township's file"), self.path.text(),
                                                        self.tr("Township file (*.yaml *.yml)"))
        if path:
            try:
                self.load(path)
            except UserError as exc:
                self.message.setText(str(exc))

    def load(self, path: str) -> None:
        """Read and check the township's file; UserError (nothing changed) if it is wrong."""
        town = round_rules.load_township(path, self.rules)
        self.town, self.rounds = town, list(town.rounds)
        self.sources = [FILE] * len(self.rounds)
        self.originals = list(town.rounds)
        self.results = [None] * len(self.rounds)
        self.path.setText(path)
        if self.settings is not None:
            self.settings.setValue(TOWNSHIP_KEY, path)
        self._label_town()
        self._fill_round_box(0)
        self._enable()

    def _label_town(self) -> None:
        assert self.town is not None
        self.town_label.setText(self.tr("%1: %2 villages, %3 rounds").replace("%1", self.town.name)
                                .replace("%2", str(len(self.town.villages))).replace("%3", str(len(self.rounds))))

    def _fill_round_box(self, index: int) -> None:
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for rnd in self.rounds:
            self.round_box.addItem(f"{rnd.id}  {rnd.kind}  {rnd.date}".strip())
        self.round_box.blockSignals(False)
        if self.rounds:
            self.round_box.setCurrentIndex(index)
            self._round_chosen(index)
        else:
            self.recompute()

    def _enable(self) -> None:
        has_town = self.town is not None
        has_round = has_town and bool(self.rounds)
        for widget in (self.round_box, self.kind_box, self.source_box):
            widget.setEnabled(has_round)
        self.new_button.setEnabled(has_town)
        self.xlsx_button.setEnabled(has_round)
        self.pdf_button.setEnabled(has_round)
        if not has_town:
            self.message.setText(self.tr("Open the township's file (villages, the people bound to them, rounds)."))

    # -- choosing and editing a round ---------------------------------------------------------------

    @property
    def index(self) -> int:
        return self.round_box.currentIndex()

    def new_round(self) -> None:
        """A round of the kind shown, its standing to be typed in for every village."""
        assert self.town is not None
        kind = self.kind_box.currentData() or next(iter(self.rules.kinds))
        today = QtCore.QDate.currentDate().toString("yyyy-MM-dd")
        number = sum(1 for r in self.rounds if r.kind == kind) + 1
        rnd = round_rules.Round(f"{kind}{number}", kind, today, scores={},
                                on_schedule={d.name: False for d in self.town.departments})
        self.rounds.append(rnd)
        self.sources.append(HAND)
        self.originals.append(None)
        self.results.append(None)
        self._label_town()
        self._fill_round_box(len(self.rounds) - 1)
        self._enable()
        self.standing.setFocus()

    def _round_chosen(self, index: int) -> None:
        if index < 0 or index >= len(self.rounds):
            return
        rnd = self.rounds[index]
        for box, data in ((self.kind_box, rnd.kind), (self.source_box, self.sources[index])):
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(data), 0))
            box.blockSignals(False)
        self.recompute()

    def _replace(self, **changes) -> None:
        self.rounds[self.index] = dataclasses.replace(self.rounds[self.index], **changes)
        self.round_box.setItemText(self.index, f"{self.rounds[self.index].id}  {self.rounds[self.index].kind}  "
                                                f"{self.rounds[self.index].date}".strip())

    def _kind_chosen(self) -> None:
        if not self.rounds or self.town is None:
            return
        kind = self.kind_box.currentData()
        schedule = {d.name: self.rounds[self.index].on_schedule.get(d.name, False) for d in self.town.departments}
        self._replace(kind=kind, on_schedule=schedule)
        self.recompute()

    def _source_chosen(self) -> None:
        if not self.rounds:
            return
        source = self.source_box.currentData()
        if source == HAND and self.sources[self.index] != HAND:
            shown = {s.village: s.score for s in (self.results[self.index].standings if self.results[self.index] else [])}
            self._replace(scores={v: s for v, s in shown.items() if s is not None}, order=(), scores_from=None)
        self.sources[self.index] = source
        self.recompute()

    def _score_typed(self, item: QtWidgets.QTableWidgetItem) -> None:
        if self._filling or item.column() != 2 or self.sources[self.index] != HAND:
            return
        village = self.standing.item(item.row(), 1).text()
        scores = dict(self.rounds[self.index].scores or {})
        text = item.text().strip().replace(",", ".")
        try:
            value = Decimal(text) if text else None
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            scores.pop(village, None)
        else:
            scores[village] = value
        self._replace(scores=scores)
        self.recompute()

    def _check_changed(self, item: QtWidgets.QListWidgetItem) -> None:
        if self._filling:
            return
        kind, name = item.data(Qt.ItemDataRole.UserRole)
        on = item.checkState() == Qt.CheckState.Checked
        rnd = self.rounds[self.index]
        if kind == "task":
            met = set(rnd.task_met) | {name} if on else set(rnd.task_met) - {name}
            self._replace(task_met=frozenset(met))
        else:
            self._replace(on_schedule={**rnd.on_schedule, name: on})
        self.recompute()

    # -- working it out ---------------------------------------------------------------------------

    def _effective(self, i: int) -> round_rules.Round:
        return effective(self.rounds[i], self.sources[i], self.originals[i])

    def recompute(self) -> None:
        """Work out every round that can be; rubric scores not yet known are asked for off the thread."""
        if self.town is None:
            return
        town = self.town
        wanted = {r.scores_from for r in map(self._effective, range(len(self.rounds))) if r.scores_from}
        missing = sorted(wanted - set(self.rubric_scores))
        if missing and not self.jobs.busy:
            self._ask_scores(missing[0])
        problems: dict[int, str] = {}
        for i in range(len(self.rounds)):
            rnd = self._effective(i)
            self.results[i] = None
            if rnd.scores_from and rnd.scores_from not in self.rubric_scores:
                continue
            if rnd.scores is not None and not rnd.scores_from and not rnd.order \
                    and set(rnd.scores) != set(town.villages):
                left = len(set(town.villages) - set(rnd.scores or {}))
                problems[i] = self.tr("Type a score for every village: %1 still without one.").replace("%1", str(left))
                continue
            try:
                self.results[i] = rounds.work_out_round(self.rules, town, rnd, self.rubric_scores.get)
            except UserError as exc:
                problems[i] = str(exc)
        self._show(problems.get(self.index, ""))

    def _ask_scores(self, rubric_id: str) -> None:
        store = self.store

        def totals() -> tuple[str, dict[str, Decimal], str | None]:
            try:
                built = outcome.build(store, rubric_id)
            except outcome.NoResults:  # worded below: the build's sentence names the command line's --all
                return rubric_id, {}, None
            except UserError as exc:  # no results yet: the round says so, the others still work out
                return rubric_id, {}, str(exc)
            return rubric_id, {row.name: row.result.total for row in built.rows}, ""

        self.jobs.start(totals)
        self.busy.show()

    def _scores_arrived(self, answer, error: str) -> None:
        self.busy.hide()
        if answer is None:  # the store failed under the job: say so, ask again on the next change
            self.message.setText(error)
            return
        rubric_id, totals, why = answer
        if why is None:
            why = self.tr("No inspection of this rubric is signed yet: sign them first, or take this round's "
                          "standing from the township file or type the scores by hand.")
        self.rubric_scores[rubric_id] = totals  # asked once; a round then names the villages lacking
        self.recompute()
        if why and self.sources[self.index] == rubric_id:
            self.message.setText(why)

    # -- showing ----------------------------------------------------------------------------------

    def _show(self, problem: str) -> None:
        self._filling = True
        try:
            rnd = self.rounds[self.index] if self.rounds else None
            self.sheets.show_round(self.rules, self.town, rnd, self.results[self.index] if self.rounds else None,
                                   rnd is not None and self.sources[self.index] == HAND,
                                   [r for r in self.results if r is not None])
        finally:
            self._filling = False
        if self.busy.isVisible():
            self.message.setText(self.tr("Computing the rubric's results… the window stays usable meanwhile."))
        elif problem:
            self.message.setText(problem)
        elif self.rounds:
            self.message.setText(self.sheets.exceptions(self.results[self.index]))
        self.xlsx_button.setEnabled(any(r is not None for r in self.results))
        self.pdf_button.setEnabled(self.xlsx_button.isEnabled())
        self.shown.emit()

    # -- export -----------------------------------------------------------------------------------

    def export_workbook(self, path: str | None = None) -> str | None:
        """The rounds worked out (standings, ledger, per person) as a workbook."""
        return self._export(path, ".xlsx", self.tr("Export workbook"), write_ledger_workbook)

    def export_pdf(self, path: str | None = None) -> str | None:
        """The same as a printable PDF."""
        town = self.town.name if self.town else ""
        return self._export(path, ".pdf", self.tr("Export PDF"), lambda done, to: write_ledger_pdf(done, to, town))

    def _export(self, path: str | None, suffix: str, caption: str, write) -> str | None:
        done = [r for r in self.results if r is not None]
        if not done:
            return None
        if path is None:
            name = f"{self.town.name if self.town else ''}轮次台账{suffix}"
            path, _ = QtWidgets.QFileDialog.getSaveFileName(self, caption, name, f"*{suffix}")
        if path:
            try:
                write(done, path)
            except (UserError, OSError) as exc:
                self.message.setText(str(exc))
                return None
            self.message.setText(self.tr("Written: %1").replace("%1", path))
        return path or None

    def closeEvent(self, event) -> None:
        self.jobs.forget()
        super().closeEvent(event)

