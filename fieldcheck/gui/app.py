"""Starting the window: ``fieldcheck`` (no arguments), ``fieldcheck --db PATH`` or ``fieldcheck gui``.

Order matters: the bundled CJK font and the translators are installed before any widget
exists, so the first frame already shows Chinese glyphs in the chosen language.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

from fieldcheck.gui.errors import ErrorHandler, log
from fieldcheck.gui.fonts import register_bundled_fonts
from fieldcheck.gui.i18n import Translations, choose_language
from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.gui.widgets.pool_job import PoolJob
from fieldcheck.gui.window.first_start import DONE_KEY, FirstStartDialog, is_first_start, populate_demo
from fieldcheck.gui.window.main_window import MainWindow
from fieldcheck.gui.window.settings_dialog import INSPECTOR_KEY
from fieldcheck.i18n import t
from fieldcheck.ops import scores
from fieldcheck.paths import data_dir, default_db_path
from fieldcheck.store import Store, StoreError

SETTINGS_FILE = "settings.ini"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fieldcheck gui", description=t(
        "打开 FieldCheck 窗口。", "Open the FieldCheck window."))
    parser.add_argument("--db", metavar="PATH", help=t("数据库文件(默认在数据文件夹中)",
                                                       "database file (default: in the data folder)"))
    parser.add_argument("--no-first-start", action="store_true", help=argparse.SUPPRESS)
    # For benchmarks/bench_startup.py: print the seconds to a usable window, then quit.
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    if argv and argv[0] == "gui":
        argv = argv[1:]
    return parser.parse_args(argv)


def open_settings(data_dir: Path) -> QtCore.QSettings:
    """The window's settings, an INI file in the data folder (so FIELDCHECK_HOME isolates it too)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QtCore.QSettings(str(data_dir / SETTINGS_FILE), QtCore.QSettings.Format.IniFormat)


def application() -> QtWidgets.QApplication:
    """The QApplication (made once), with the bundled fonts registered."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication([sys.argv[0] if sys.argv else "fieldcheck"])
    app.setApplicationName("FieldCheck")
    app.setOrganizationName("FieldCheck")
    register_bundled_fonts(app)
    return app


class Shell(QtCore.QObject):
    """What lives as long as the application: store, settings, translators, and the one main window."""

    def __init__(self, app, store, settings: QtCore.QSettings, *, data_dir: Path,
                 translations: Translations | None = None):
        super().__init__()
        self.app = app
        self.store = store
        self.settings = settings
        self.data_dir = data_dir
        self.translations = translations or Translations(app)
        self.translations.switch(choose_language(settings))
        self.window = self._build_window()
        # the day's backup while it runs (start_daily_backup), kept until it reports
        self.backup_job: PoolJob | None = None

    def _build_window(self):
        window = MainWindow(self.store, self.settings, data_dir=self.data_dir)
        window.language_requested.connect(self.retranslate)
        return window

    def start(self, *, offer_first_start: bool = True) -> None:
        """Show the window where the user left it; on a first start, offer the demo county."""
        self.window.show()
        if not self.window.reopen_last() and offer_first_start:
            if is_first_start(self.store, self.settings):
                QtCore.QTimer.singleShot(0, self.offer_first_start)
        QtCore.QTimer.singleShot(0, self.start_daily_backup)

    def start_daily_backup(self) -> PoolJob | None:
        """The day's backup, when due, on a pool thread once the window shows: copying a county's
        hundreds of MB took seconds before the window appeared. A failure is said in the status bar."""
        if not self.store.daily_backup_due():
            return None
        job = self.backup_job = PoolJob(lambda progress: self.store.backup_detached())

        def finished(_path, error: str) -> None:
            if error:
                log.warning("daily backup: %s", error)
                self.window.statusBar().showMessage(error)  # the store's sentence, in the window's language
        job.signals.finished.connect(finished)
        return job.start()

    def offer_first_start(self, dialog=None) -> str:
        """Ask demo or empty (``dialog`` lets a test answer it); return the choice made."""
        from fieldcheck.engine import catalog  # lazy: the rubric files are read on a first start only
        from fieldcheck.ops.demo import VILLAGE_RUBRIC  # lazy: with the demo, once per laptop

        if dialog is None:
            dialog = FirstStartDialog([r.title for r in catalog.installed()], self.window)
            dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        self.settings.setValue(DONE_KEY, True)
        if dialog.name:  # as Settings keeps it: the audit log's "who" and the sheets' 录入
            self.settings.setValue(INSPECTOR_KEY, dialog.name)
        self.settings.sync()
        self.window.apply_identity()
        if choice == "demo":
            QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
            try:
                populate_demo(self.store)
            finally:
                QtWidgets.QApplication.restoreOverrideCursor()
            self.window.show_list()
            rows = scores.scored_rows(self.store)
            if rows:
                # A village draft of the 考核细则 (the inspector's everyday case, not a 区 with the 衡阳
                # table), the one with the most findings: a real inspection that can be edited at once.
                best = max(rows, key=lambda r: (r.status == "draft", r.rubric_id == VILLAGE_RUBRIC,
                                                r.findings, r.answered))
                self.window.list_page.select(best.id)
                self.window.open_inspection(best.id)
        return choice

    def retranslate(self) -> None:
        """Apply a new language: a fresh window in it, at the same inspection and item."""
        old = self.window
        old.save_window_state()
        inspection_id, item_id = old.inspection_id, None
        if old.view is not None:
            item_id = old.view.current_item_id()
        self.translations.switch(choose_language(self.settings))
        self.window = self._build_window()
        self.window.show()
        if inspection_id:
            self.window.open_inspection(inspection_id, item_id)
        old.language_requested.disconnect(self.retranslate)
        old.close()
        old.deleteLater()


def no_display() -> bool:
    """True on Linux with no X or Wayland display and no platform chosen: Qt would abort."""

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(argv: list[str] | None = None) -> int:
    """Open the window and run until it closes; the exit status of the process."""
    started = time.perf_counter()
    args = parse_args(list(argv or []))
    if no_display():
        print(t("没有可用的显示器:请在桌面环境中运行 fieldcheck(命令行功能见 fieldcheck --help)。",
                "there is no display: run fieldcheck on the desktop (see fieldcheck --help for the commands)."),
              file=sys.stderr)
        return 1

    app = application()
    home = data_dir()
    settings = open_settings(home)
    translations = Translations(app)
    translations.switch(choose_language(settings))  # so a start-up error is in the chosen language
    # From here an exception in a slot is logged and shown, not lost with a windowed build's stderr.
    errors = ErrorHandler(home, app).install()

    db_path = Path(args.db) if args.db else default_db_path()
    log.info("starting on %s", db_path)
    try:
        store = Store.open(db_path, daily_backup=False)  # taken once the window shows (Shell.start)
    except StoreError as exc:
        log.info("cannot open %s: %s", db_path, exc)
        print(exc, file=sys.stderr)
        if not args.quit_when_ready:
            QtWidgets.QMessageBox.critical(None, "FieldCheck", str(exc))
        return 1
    try:
        shell = Shell(app, store, settings, data_dir=home, translations=translations)
        shell.start(offer_first_start=not (args.no_first_start or args.quit_when_ready))
        QtCore.QTimer.singleShot(0, settle_garbage_collector)
        if args.quit_when_ready:
            def ready():
                # seconds since run() began, and the process's CPU seconds so far (bench_startup)
                print(f"ready {time.perf_counter() - started:.4f} {time.process_time():.4f}", flush=True)
                shell.window.close()
            QtCore.QTimer.singleShot(0, ready)
        code = app.exec()
    finally:
        # a results or sync job may still be reading the store on a pool thread: let it end first
        QtCore.QThreadPool.globalInstance().waitForDone()
        try:
            store.close()
        except StoreError as exc:  # the window is gone: the log keeps it, and the next start backs up
            log.warning("%s", exc)
        errors.uninstall()
        gc.enable()
    return code


def settle_garbage_collector() -> None:
    """Once the window shows: what the start made lives as long as the program; collect without it.

    ``fieldcheck`` starts the window with the cyclic collector off (``__main__``). Frozen, the
    start's objects (Qt's classes and enums, the modules, the window) are never walked again: not
    by each full collection while the inspector works, nor at exit (40 ms at every quit). Only when
    the collector was off, so a test that calls ``run`` in its own process keeps its collector as is.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
