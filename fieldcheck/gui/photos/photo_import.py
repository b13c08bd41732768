"""Importing photos in the background: progress, and cancel between photos.

The worker calls the window's own Store: its connection is opened for use from any thread
and every access holds the store's lock, while the slow part of ``add_photo`` (decoding,
hashing, the thumbnail, writing the file) runs outside that lock, so the window stays free.
One Store (not a second connection) keeps a single clock for the records' HLC stamps.
Each ``add_photo`` is one complete photo (file, thumbnail and row) or nothing; cancelling is
checked between photos, so a cancelled import leaves only whole photos behind.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from fieldcheck.gui.errors import unexpected
from fieldcheck.gui.qt import QtCore, Signal
from fieldcheck.store import StoreError

log = logging.getLogger("fieldcheck")


class ImportSignals(QtCore.QObject):
    #: done, total, name of the photo just handled
    progress = Signal(int, int, str)
    #: (finding_id, photo_id) of each imported photo; the errors (one sentence each); cancelled
    finished = Signal(list, list, bool)


class PhotoImport(QtCore.QRunnable):
    """Add ``sources`` (paths or bytes) to one finding, from a pool thread."""

    def __init__(self, store, finding_id: str, sources: list):
        super().__init__()
        self.setAutoDelete(False)
        self.store = store
        self.finding_id = finding_id
        self.sources = list(sources)
        self.signals = ImportSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        added: list[tuple[str, str]] = []
        errors: list[str] = []
        store = self.store
        try:
            total = len(self.sources)
            for n, source in enumerate(self.sources):
                if self._cancel.is_set():
                    break
                name = Path(source).name if isinstance(source, (str, Path)) else ""
                try:
                    photo = store.photos.add(self.finding_id, source)
                    added.append((self.finding_id, photo.id))
                except StoreError as error:
                    errors.append(f"{name}: {error}" if name else str(error))
                self.signals.progress.emit(n + 1, total, name)
        except Exception:  # a bug: its words go to the log, the person reads where that is
            log.exception("adding photos failed")
            errors.append(unexpected())
        finally:
            self.done.set()
            self.signals.finished.emit(added, errors, self._cancel.is_set())
