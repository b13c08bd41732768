"""Computing results off the window's thread, each job stamped with the generation that asked for it.

The job runs on a pool thread over the window's own Store, as the sync dialog's does: the
store's lock guards its one connection query by query, and the job only reads. A view asks
again whenever its rubric or options change; each ask takes the next generation, and an
answer whose generation is no longer the newest is dropped, so an old, slower computation
never paints over a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldcheck.gui.qt import QtCore, Signal
from fieldcheck.gui.widgets.pool_job import PoolJob


class Generations(QtCore.QObject):
    """Starts jobs and hands on only the newest one's answer (``arrived``); older answers are dropped."""

    arrived = Signal(object, str)  # the result, or None and the error
    dropped = Signal(int)  # the generation of a stale answer, dropped (tests watch it)

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.current = 0
        self.jobs: dict[int, PoolJob] = {}

    def start(self, work: Callable[[], Any]) -> int:
        self.current += 1
        job = PoolJob(lambda _progress: work())
        job.signals.finished.connect(self._finished)
        self.jobs[self.current] = job
        job.start()
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

    def _finished(self, result: Any, error: str) -> None:
        # which job answered: the one whose signals sent this (jobs may finish in any order)
        generation = next((g for g, job in self.jobs.items() if job.signals is self.sender()), None)
        if generation is None:
            return
        self.jobs.pop(generation)
        if generation != self.current:
            self.dropped.emit(generation)
            return
        self.arrived.emit(result, error)
