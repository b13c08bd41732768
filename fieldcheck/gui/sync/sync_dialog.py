"""Exchanging bundles from the window: export to a chosen folder, import by drag and drop, with progress.

The work runs on a pool thread over the window's own Store (its lock guards the
connection), as photo imports do; the dialog shows progress and, at the end, the report:
per bundle, events new, already there, records updated and fields in conflict. A bundle
from an unknown device is shown with its key fingerprint and imported only when confirmed.
"""

from __future__ import annotations

import threading
from pathlib import Path

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import Qt, QtCore, QtWidgets, Signal
from fieldcheck.gui.window.settings_dialog import inspector_name
from fieldcheck.signing.fingerprints import grouped


class JobSignals(QtCore.QObject):
    progress = Signal(int, int)
    # the results (Exported / Imported objects), the error messages, unknown devices (path, device, fingerprint)
    finished = Signal(list, list, list)


# each bundle's share of the progress bar, in steps
BUNDLE_STEPS = 100


class SyncJob(QtCore.QRunnable):
    """Export one bundle, or import several, off the window's thread."""

    def __init__(self, store, *, export_to: Path | None = None, everything: bool = False,
                 imports: list[Path] | None = None, trusted: set[str] | None = None, inspector: str = ""):
        super().__init__()
        self.setAutoDelete(False)
        self.store, self.export_to, self.everything = store, export_to, everything
        self.imports = list(imports or [])
        self.trusted = set(trusted or ())
        self.inspector = inspector  # carried in the bundle: the leader's devices view shows who uses the laptop
        # (bundle path, its one-sentence reason) of every bundle refused; read it once ``done`` is set
        self.refused: list[tuple[str, str]] = []
        self.signals = JobSignals()
        self.done = threading.Event()

    def run(self) -> None:
        # lazy: bundles bring cryptography; the window starts without them
        from fieldcheck.sync.bundle import SUFFIX  # lazy: see above
        from fieldcheck.sync.export import export_bundle  # lazy: see above
        from fieldcheck.sync.importer import UnknownDevice, import_bundle  # lazy: see above

        results: list = []
        errors: list[str] = []
        unknown: list[tuple[str, str, str]] = []
        try:
            if self.export_to is not None:
                name = f"{self.store.device}-{QtCore.QDateTime.currentDateTime().toString('yyyyMMdd-HHmmss')}{SUFFIX}"
                done = export_bundle(self.store, self.export_to / name, everything=self.everything,
                                     progress=lambda n, total: self.signals.progress.emit(n, total),
                                     inspector=self.inspector or None)
                results.append(done)
            for n, path in enumerate(self.imports):
                try:
                    results.append(import_bundle(self.store, path, trust=str(path) in self.trusted,
                                                 progress=self._within(n)))
                except UnknownDevice as exc:
                    unknown.append((str(path), exc.verified.device, exc.verified.fingerprint))
                except UserError as exc:
                    errors.append(str(exc))
                    self.refused.append((str(path), str(exc)))
                self.signals.progress.emit((n + 1) * BUNDLE_STEPS, len(self.imports) * BUNDLE_STEPS)
        except UserError as exc:
            errors.append(str(exc))
        finally:
            self.done.set()
            self.signals.finished.emit(results, errors, unknown)


    def _within(self, n: int):
        """Progress inside the n-th bundle: its photos the first tenth of its share of the bar, its events
        the rest, so that one big bundle (a week of a whole team's work) moves the bar too."""
        def progress(stage: str, done: int, total: int) -> None:
            share = done / max(total, 1) * (0.1 if stage == "photos" else 0.9) + (0.1 if stage == "events" else 0)
            self.signals.progress.emit(n * BUNDLE_STEPS + int(share * BUNDLE_STEPS), len(self.imports) * BUNDLE_STEPS)
        return progress


class DropArea(QtWidgets.QLabel):
    """Takes .fcbundle files dropped on it."""

    dropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(90)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setFrameShadow(QtWidgets.QFrame.Shadow.Sunken)
        self.setWordWrap(True)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.dropped.emit(paths)
            event.acceptProposedAction()


class SyncDialog(QtWidgets.QDialog):
    """Export a bundle to a folder (a USB stick), or import bundles into this database."""

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.job: SyncJob | None = None
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Exchange bundles"))
        self.resize(720, 520)
        layout = QtWidgets.QVBoxLayout(self)
        from fieldcheck.signing.keys import DeviceKey  # lazy: cryptography, only when a bundle is made

        key = DeviceKey.load_or_create(store.device)
        self.identity = QtWidgets.QLabel(self.tr("This laptop: %1, key fingerprint %2")
                                         .replace("%1", store.device).replace("%2", grouped(key.fingerprint[:32])))
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.identity)

        out = QtWidgets.QGroupBox(self.tr("Export to a folder or USB stick"))
        form = QtWidgets.QGridLayout(out)
        self.folder = QtWidgets.QLineEdit()
        self.folder.setObjectName("exportFolder")
        if settings is not None:
            self.folder.setText(str(settings.value("sync/folder", "")))
        choose = QtWidgets.QPushButton(self.tr("Choose folder…"))
        choose.clicked.connect(self.choose_folder)
        self.everything = QtWidgets.QCheckBox(self.tr("Everything, not only what is new since the last export there"))
        self.export_button = QtWidgets.QPushButton(self.tr("Export"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.start_export)
        form.addWidget(QtWidgets.QLabel(self.tr("Folder:")), 0, 0)
        form.addWidget(self.folder, 0, 1)
        form.addWidget(choose, 0, 2)
        form.addWidget(self.everything, 1, 1)
        form.addWidget(self.export_button, 1, 2)
        layout.addWidget(out)

        inn = QtWidgets.QGroupBox(self.tr("Import bundles"))
        box = QtWidgets.QVBoxLayout(inn)
        self.drop = DropArea()
        self.drop.setText(self.tr("Drop .fcbundle files here, or choose them."))
        self.drop.dropped.connect(self.start_import)
        pick = QtWidgets.QPushButton(self.tr("Choose bundles…"))
        pick.clicked.connect(self.choose_bundles)
        box.addWidget(self.drop)
        box.addWidget(pick, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(inn)

        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.report = QtWidgets.QTableWidget(0, 6)
        self.report.setObjectName("syncReport")
        self.report.setHorizontalHeaderLabels([self.tr("Bundle"), self.tr("Device"), self.tr("New"),
                                               self.tr("Already there"), self.tr("Updated"), self.tr("In conflict")])
        self.report.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.report.verticalHeader().hide()
        self.report.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report.setTabKeyNavigation(False)  # Tab leaves the table for the buttons: no trap
        layout.addWidget(self.report, 1)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # -- actions ------------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def choose_bundles(self) -> None:
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(self, self.tr("Import bundles"), self.folder.text(),
                                                          self.tr("FieldCheck bundles (*.fcbundle)"))
        if files:
            self.start_import([Path(f) for f in files])

    def start_export(self) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.message.setText(self.tr("Choose the folder to export to first."))
            return
        if self.settings is not None:
            self.settings.setValue("sync/folder", folder)
        self._run(SyncJob(self.store, export_to=Path(folder), everything=self.everything.isChecked(),
                          inspector=inspector_name(self.settings) if self.settings is not None else ""))

    def start_import(self, paths: list[Path], trusted: set[str] | None = None) -> None:
        self._run(SyncJob(self.store, imports=each_once(paths), trusted=trusted))

    def _run(self, job: SyncJob) -> None:
        if self.job is not None and not self.job.done.is_set():
            return
        self.job = job
        self.progress.setValue(0)
        self.message.setText(self.tr("Working…"))
        self.export_button.setEnabled(False)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        QtCore.QThreadPool.globalInstance().start(job)

    def reject(self) -> None:
        """Close, unless a bundle is still being written or imported (as the merge view does)."""
        if self.job is not None and not self.job.done.is_set():
            self.message.setText(self.tr("The bundles are still being exchanged; close this window when it is done."))
            return
        super().reject()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self, results: list, errors: list, unknown: list) -> None:
        self.export_button.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        lines = list(errors)
        for r in results:
            if r is None:
                # the mark is kept per folder, not per file: a bundle deleted before it was imported must be sent again
                lines.append(self.tr("Nothing new since the last export to that folder; no file was written. If the "
                                     "bundles exported there before are gone (deleted, or the stick was emptied), "
                                     "tick “Everything” and export again."))
            elif hasattr(r, "incremental"):
                lines.append(self.tr("Exported %1: %2 changes, %3 photos.").replace("%1", str(r.path))
                             .replace("%2", str(r.events)).replace("%3", str(r.photos)))
            else:
                self._add_row(r)
                if r.downsized:
                    lines.append(self.tr("%1: %2 photos are downsized copies, not the originals; the originals come "
                                         "with a later export of everything.").replace("%1", r.path.name)
                                 .replace("%2", str(r.downsized)))
                if r.assigned:  # the list refreshes on close, but nothing here said work had come
                    lines.append(self.tr("%1: %2 assignment(s) arrived; tick “Assigned to me” in the list to see "
                                         "them.").replace("%1", r.path.name).replace("%2", str(r.assigned)))
        self.message.setText("\n".join(lines) or self.tr("Done."))
        confirmed = confirm_devices(self, unknown)
        if confirmed:
            self.start_import([Path(p) for p in confirmed], trusted=confirmed)

    def _add_row(self, r) -> None:
        row = self.report.rowCount()
        self.report.insertRow(row)
        for col, value in enumerate((r.path.name, r.device, r.new, r.already, r.updated, r.conflicts)):
            item = QtWidgets.QTableWidgetItem(str(value))
            if col >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.report.setItem(row, col, item)


def each_once(paths: list[Path]) -> list[Path]:
    """The bundles in their order, each once: the stick's folder and a file in it dropped together
    would otherwise ask twice about one device and list one bundle twice."""
    once: dict[Path, Path] = {}
    for path in paths:
        once.setdefault(path.resolve(), path)
    return list(once.values())


def confirm_devices(parent: QtWidgets.QWidget, unknown: list) -> set[str]:
    """Ask about each bundle from an unknown device, showing its key's fingerprint; the paths trusted."""
    translate = QtCore.QCoreApplication.translate
    confirmed = set()
    # one question per device and key: a stick holds several bundles of one laptop (one per export)
    answers: dict[tuple[str, str], bool] = {}
    for path, device, fingerprint in unknown:
        if (device, fingerprint) in answers:
            if answers[device, fingerprint]:
                confirmed.add(path)
            continue
        text = translate("SyncDialog", "The bundle %1 comes from device “%2”, which this database has not seen.\n\n"
                         "Key fingerprint:\n%3\n\nTrust this device? Compare the fingerprint with the one shown on "
                         "that laptop.")
        text = text.replace("%1", Path(path).name).replace("%2", device).replace("%3", grouped(fingerprint[:32]))
        answer = QtWidgets.QMessageBox.question(parent, translate("SyncDialog", "Unknown device"), text)
        answers[device, fingerprint] = answer == QtWidgets.QMessageBox.StandardButton.Yes
        if answers[device, fingerprint]:
            confirmed.add(path)
    return confirmed




def install(window, store, settings: QtCore.QSettings | None = None):
    """Add "Exchange bundles…" to the window's File menu; returns the action."""
    action = window.ui.menuFile.addAction(QtCore.QCoreApplication.translate("SyncDialog", "Exchange bundles…"))
    action.setObjectName("actionExchangeBundles")
    window.ui.menuFile.insertAction(window.ui.actionSettings, action)

    def open_dialog() -> None:
        SyncDialog(store, settings, window).exec()
        if hasattr(window, "list_page"):  # what the bundles brought (an inspector's assigned drafts) is listed
            window.list_page.reload_places()
            window.list_page.refresh()

    action.triggered.connect(open_dialog)
    return action
