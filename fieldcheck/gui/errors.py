"""Errors a person can act on: the log file, and the hook that catches what escapes a slot.

A windowed build has no console, so an exception in a Qt slot (PySide6 hands it to
``sys.excepthook``) would vanish. In the spirit of Anki's ``aqt/errors.py``, the hook:

* shows a ``UserError`` (a StoreError, an AnswerError, …) as its own sentence: the user can fix it;
* for anything else (a bug), writes the traceback to ``<data folder>/logs/fieldcheck.log``
  and shows one sentence in the interface's language saying so and where that file is.

The message box is not modal (``show()``, not ``exec()``): a second error while it is open
adds no new box, and a test can find the box among the top-level widgets and close it.
Errors in other threads are logged and shown by the window's thread.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import Qt, QtCore, QtWidgets, Signal

LOG_NAME = "fieldcheck.log"
# one file up to 1 MB and three older ones: a field laptop's disk is never filled by logs
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

log = logging.getLogger("fieldcheck")


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def unexpected(path: Path | str | None = None) -> str:
    """The sentence for a bug: not its English words, but where the log that holds them is."""
    if path is None:  # the log the window set up, wherever that is
        path = next((h.baseFilename for h in log.handlers if getattr(h, "fieldcheck_log", False)), LOG_NAME)
    return QtCore.QCoreApplication.translate(
        "ErrorHandler", "Something went wrong and FieldCheck could not finish what you asked; the details are in "
        "{0}: please send that file to whoever supports FieldCheck.").format(path)


class RotatingLog(logging.FileHandler):
    """A log file that moves to ``.1`` … ``.N`` when full, as ``RotatingFileHandler`` does.

    Written here because ``logging.handlers`` imports socket, pickle and queue, which the
    window would load at every start for a file it writes a line to.
    """

    def __init__(self, path: Path, max_bytes: int, backups: int):
        super().__init__(path, encoding="utf-8")
        self.maxBytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is not None and self.stream.tell() >= self.maxBytes:
            self._rotate()
        super().emit(record)

    def _rotate(self) -> None:
        self.stream.close()
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()


def setup_logging(data_dir: Path) -> Path:
    """Log to ``<data_dir>/logs/fieldcheck.log`` with rotation; the file's path.

    Called again (a test, another data folder) it replaces the handler it installed before.
    """
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    for handler in list(log.handlers):
        if getattr(handler, "fieldcheck_log", False):
            log.removeHandler(handler)
            handler.close()
    handler = RotatingLog(path, LOG_BYTES, LOG_BACKUPS)
    handler.fieldcheck_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class ErrorHandler(QtCore.QObject):
    """Installed as ``sys.excepthook`` (and ``threading.excepthook``) while the window runs."""

    # (text, details) to show, sent from any thread to the window's
    _show = Signal(str, str)

    def __init__(self, data_dir: Path, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.path = setup_logging(data_dir)
        self.box: QtWidgets.QMessageBox | None = None
        self._previous = (sys.excepthook, threading.excepthook)
        self._show.connect(self._show_box, Qt.ConnectionType.QueuedConnection)

    def install(self) -> ErrorHandler:
        sys.excepthook = self.excepthook
        threading.excepthook = lambda args: self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def message(self, error: BaseException) -> str:
        """The one sentence the user reads about ``error``."""
        if isinstance(error, UserError):
            return str(error)
        return unexpected(self.path)

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, KeyboardInterrupt):
            self._previous[0](kind, error, tb)
            return
        if isinstance(error, UserError):
            log.info("shown to the user: %s", error)
        else:
            log.error("uncaught exception\n%s", "".join(traceback.format_exception(kind, error, tb)).rstrip())
        for handler in log.handlers:
            handler.flush()
        text = self.message(error)
        if threading.current_thread() is threading.main_thread():
            self._show_box(text, "")
        else:
            self._show.emit(text, "")

    def _show_box(self, text: str, _details: str) -> None:
        if QtWidgets.QApplication.instance() is None:
            print(text, file=sys.stderr)
            return
        if self.box is not None and self.box.isVisible():
            return  # one box at a time: a slot failing on every repaint must not bury the window
        parent = QtWidgets.QApplication.activeWindow()
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "FieldCheck", text,
                                    QtWidgets.QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("errorBox")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.destroyed.connect(self._forget_box)
        self.box = box
        box.show()

    def _forget_box(self, *_args) -> None:
        self.box = None
