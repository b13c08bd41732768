"""Team ▸ Merge bundles…: drop the team's bundles or choose the stick's folder; the report per bundle; the history.

The import runs off the window's thread in the sync dialog's ``SyncJob``. Every bundle is
imported or refused on its own: a refused one is a row with its one-sentence reason and
the others still import. A bundle from an unknown device is imported once confirmed.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.gui.qt import Qt, QtCore, QtWidgets
from fieldcheck.gui.sync.sync_dialog import DropArea, SyncJob, confirm_devices, each_once
from fieldcheck.gui.widgets.tables import read_only_table
from fieldcheck.signing.fingerprints import grouped

SUFFIX = ".fcbundle"


def _put(table: QtWidgets.QTableWidget, values: list, numbers_from: int) -> int:
    row = table.rowCount()
    table.insertRow(row)
    for col, value in enumerate(values):
        item = QtWidgets.QTableWidgetItem(str(value))
        item.setToolTip(str(value))
        if col >= numbers_from and isinstance(value, int):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, col, item)
    return row


class MergeView(QtWidgets.QDialog):
    """Merge many bundles into this database, and see which bundles were merged before."""

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.job: SyncJob | None = None
        # bundles imported and refused since the leader last chose some (a confirmed device's rerun adds to them)
        self.imported = self.refused = 0
        self.setObjectName("mergeView")
        self.setWindowTitle(self.tr("Merge bundles"))
        self.resize(1100, 620)
        layout = QtWidgets.QVBoxLayout(self)
        self.tabs = QtWidgets.QTabWidget()
        layout.addWidget(self.tabs, 1)

        merge = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(merge)
        self.drop = DropArea()
        self.drop.setText(self.tr("Drop the team's .fcbundle files here, or choose them or the folder on the stick."))
        self.drop.dropped.connect(self.start)
        box.addWidget(self.drop)
        row = QtWidgets.QHBoxLayout()
        self.pick_files = QtWidgets.QPushButton(self.tr("Choose &bundles…"))
        self.pick_files.clicked.connect(self.choose_bundles)
        self.pick_folder = QtWidgets.QPushButton(self.tr("Choose &folder…"))
        self.pick_folder.clicked.connect(self.choose_folder)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("mergeProgress")
        self.progress.setValue(0)
        row.addWidget(self.pick_files)
        row.addWidget(self.pick_folder)
        row.addWidget(self.progress, 1)
        box.addLayout(row)
        self.report = read_only_table([self.tr("Bundle"), self.tr("Device"), self.tr("New"), self.tr("Already there"),
                              self.tr("Updated"), self.tr("In conflict"), self.tr("Result")], "mergeReport")
        header = self.report.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QtWidgets.QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.report, 1)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("mergeMessage")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        self.tabs.addTab(merge, self.tr("&Merge"))

        self.history = read_only_table([self.tr("When"), self.tr("File"), self.tr("Device"), self.tr("Inspector"),
                               self.tr("SHA-256"), self.tr("New"), self.tr("Already there"), self.tr("Updated"),
                               self.tr("In conflict")], "importHistory")
        self.history.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(self.history, self.tr("Import &history"))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_history()

    # -- choosing -------------------------------------------------------------------------------------

    def _folder(self) -> str:
        return str(self.settings.value("sync/folder", "")) if self.settings is not None else ""

    def choose_bundles(self) -> None:
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(self, self.tr("Merge bundles"), self._folder(),
                                                          self.tr("FieldCheck bundles (*.fcbundle)"))
        if files:
            self.start([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Folder on the stick"), self._folder())
        if folder:
            self.start([Path(folder)])

    # -- merging --------------------------------------------------------------------------------------

    def start(self, paths: list[Path], trusted: set[str] | None = None) -> None:
        """Import these bundles (a folder stands for the bundles in it), off the window's thread."""
        if self.job is not None and not self.job.done.is_set():
            self.message.setText(self.tr("A merge is under way; drop these again when it is done."))
            return
        bundles: list[Path] = []
        for path in paths:
            bundles.extend(sorted(path.glob(f"*{SUFFIX}")) if path.is_dir() else [path])
        bundles = each_once(bundles)
        if not bundles:
            self.message.setText(self.tr("There is no .fcbundle file there."))
            return
        if trusted is None:  # a new choice: its report alone, as the message below it counts (the history keeps all)
            self.imported = self.refused = 0
            self.report.setRowCount(0)
        self.job = SyncJob(self.store, imports=bundles, trusted=trusted)
        self.progress.setMaximum(len(bundles))
        self.progress.setValue(0)
        self.message.setText(self.tr("Merging %1 bundles…").replace("%1", str(len(bundles))))
        self.job.signals.progress.connect(self._progress)
        self.job.signals.finished.connect(self._finished)
        QtCore.QThreadPool.globalInstance().start(self.job)

    def reject(self) -> None:
        """Close, unless bundles are still being merged: a closed view would still ask about unknown
        devices afterwards, and the inspections list would not show what the merge brought."""
        if self.job is not None and not self.job.done.is_set():
            self.message.setText(self.tr("The bundles are still being merged; close this window when it is done."))
            return
        super().reject()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self, results: list, errors: list, unknown: list) -> None:
        job = self.job
        self.progress.setValue(self.progress.maximum())
        for r in results:
            status = self.tr("Imported; %1 photos are downsized copies, the originals still to come").replace(
                "%1", str(r.downsized)) if r.downsized else self.tr("Imported")
            _put(self.report, [r.path.name, r.device, r.new, r.already, r.updated, r.conflicts, status], 2)
        for path, reason in (job.refused if job is not None else []):
            row = _put(self.report, [Path(path).name, "", "", "", "", "", self.tr("Refused: %1").replace("%1", reason)], 2)
            for col in range(self.report.columnCount()):
                self.report.item(row, col).setForeground(Qt.GlobalColor.darkRed)
        self.imported += len(results)
        self.refused += len(job.refused) if job is not None else 0
        self._say(len(unknown))
        self.show_history()
        confirmed = confirm_devices(self, unknown)
        for path, device, _fingerprint in unknown:
            if path not in confirmed:
                _put(self.report, [Path(path).name, device, "", "", "", "",
                                   self.tr("Not imported: the device was not confirmed")], 2)
        # a device the leader did not confirm is no longer waiting: its bundle counts as refused
        self.refused += len(unknown) - len(confirmed)
        if not confirmed:
            self._say(0)
        if confirmed:
            self.start([Path(p) for p in sorted(confirmed)], trusted=confirmed)

    def _say(self, waiting: int) -> None:
        conflicts = len(self.store.events.conflicts())
        self.message.setText(self.tr("%1 imported, %2 refused, %3 waiting for your confirmation; fields in conflict: "
                                     "%4 (Team ▸ Conflicts…).").replace("%1", str(self.imported))
                             .replace("%2", str(self.refused)).replace("%3", str(waiting))
                             .replace("%4", str(conflicts)))

    def show_history(self) -> None:
        self.history.setRowCount(0)
        for r in self.store.imports.history():
            _put(self.history, [r.at[:16].replace("T", " "), r.file_name, r.device, r.inspector or "",
                                grouped(r.sha256[:16]), r.new, r.already, r.updated, r.conflicts], 5)
