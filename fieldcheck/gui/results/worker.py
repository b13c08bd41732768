"""Computing results off the window's thread, each job stamped with the generation that asked for it.

The job runs on a pool thread over the window's own Store, as the sync dialog's does: the
store's lock guards its one connection query by query, and the job only reads. A view asks
again whenever its rubric or options change; each ask takes the next generation, and an
answer whose generation is no longer the newest is dropped, so an old, slower computation
never paints over a newer one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import QtCore, Signal


class JobSignals(QtCore.QObject):
    # generation, the result (None on failure), the failure's one sentence ("" on success)
    finished = Signal(int, object, str)


class ResultsJob(QtCore.QRunnable):
    """Run ``work()`` on a pool thread and report (generation, result, error) on the window's thread."""

    def __init__(self, generation: int, work: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(False)  # the asker keeps it until it reports
        self.generation = generation
        self.work = work
        self.signals = JobSignals()
        self.done = threading.Event()

    def run(self) -> None:
        result, error = None, ""
        try:
            result = self.work()
        except UserError as exc:
            error = str(exc)
        except Exception as exc:  # a pool thread has no one above it to show a traceback to
            error = f"{type(exc).__name__}: {exc}"
        finally:
            self.done.set()
        try:
            self.signals.finished.emit(self.generation, result, error)
        except RuntimeError:  # the view that asked was closed and deleted meanwhile: no one to tell
            pass


class Generations(QtCore.QObject):
    """Starts jobs and hands on only the newest one's answer (``arrived``); older answers are dropped."""

    arrived = Signal(object, str)  # the result, or None and the error
    dropped = Signal(int)  # the generation of a stale answer, dropped (tests watch it)

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.current = 0
        self.jobs: dict[int, ResultsJob] = {}
        self.pool = QtCore.QThreadPool.globalInstance()

    def start(self, work: Callable[[], Any]) -> int:
        self.current += 1
        job = ResultsJob(self.current, work)
        job.signals.finished.connect(self._finished)
        self.jobs[self.current] = job
        self.pool.start(job)
        return self.current

    def forget(self) -> None:
        """Whatever is running now is stale: its answer will be dropped."""
        self.current += 1

    @property
    def busy(self) -> bool:
        return self.current in self.jobs

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until every started job has run (closing the store after that is safe)."""
        return all(job.done.wait(msecs / 1000) for job in list(self.jobs.values()))

    def _finished(self, generation: int, result: Any, error: str) -> None:
        self.jobs.pop(generation, None)
        if generation != self.current:
            self.dropped.emit(generation)
            return
        self.arrived.emit(result, error)
