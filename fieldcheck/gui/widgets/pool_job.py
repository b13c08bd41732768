"""One call off the window's thread, on Qt's global pool, its answer brought back as a signal.

A ``PoolJob`` runs ``work(progress)`` and reports ``finished(result, error)`` on the window's
thread: the result, or None and one sentence. A ``UserError`` gives its own sentence; any
other exception (a bug) is written to the log with its traceback, since a pool thread has no
one above it to show one to, and the view gets the sentence that says where that log is.
``done`` is set before the report, so a dialog that closes can wait for a job still running
on its store.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from fieldcheck.errors import UserError
from fieldcheck.gui.errors import unexpected
from fieldcheck.gui.qt import QtCore, Signal

log = logging.getLogger("fieldcheck")

#: what a job's work is given to say how far it is: (done, of how many)
Progress = Callable[[int, int], None]


class JobSignals(QtCore.QObject):
    progress = Signal(int, int)
    # the result (None on failure), the failure's one sentence ("" on success)
    finished = Signal(object, str)


class PoolJob(QtCore.QRunnable):
    def __init__(self, work: Callable[[Progress], Any]):
        super().__init__()
        self.setAutoDelete(False)  # the asker keeps it until it reports
        self.work = work
        self.signals = JobSignals()
        self.done = threading.Event()

    def start(self) -> PoolJob:
        QtCore.QThreadPool.globalInstance().start(self)
        return self

    def run(self) -> None:
        result, error = None, ""
        try:
            result = self.work(self._progress)
        except UserError as exc:
            error = str(exc)
        except Exception:
            log.exception("a job on a pool thread failed")
            error = unexpected()
        finally:
            self.done.set()
        try:
            self.signals.finished.emit(result, error)
        except RuntimeError:  # the view that asked was closed and deleted meanwhile: no one to tell
            pass

    def _progress(self, done: int, total: int) -> None:
        try:
            self.signals.progress.emit(done, total)
        except RuntimeError:  # as above
            pass
