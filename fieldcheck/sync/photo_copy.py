"""A bundle's photos checked and copied in on a worker thread while its events are applied (``importer``).

The two halves of an import share nothing but the open zip: the photos are checked against
the signed manifest and copied to temporary names, the events are checked and written inside
the transaction. Creating thousands of small files is mostly the kernel's time, during which
the events' Python and SQLite run on the other core. The importer waits for the copy before
it commits, so a damaged photo still rolls everything back.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

from fieldcheck.store.photofiles import TEMP_PREFIX, original_path
from fieldcheck.sync.bundle import Hashing, Verified, damaged
from fieldcheck.sync.checks import check_member, damaged_bundle


class PhotoCopy:
    """Checks every photo member against the manifest and copies those the database lacks to temporary
    files, on its own thread from the moment it is made; ``result`` waits and raises what it found."""

    def __init__(self, folder: Path, zf: zipfile.ZipFile, v: Verified):
        self._folder, self._zf, self._v = folder, zf, v
        #: (temporary, final) of each photo copied; the temporary files are this object's until ``placed``
        self.copied: list[tuple[Path, Path]] = []
        self.done = 0
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="fieldcheck-photos", daemon=True)
        if v.photos:
            self._thread.start()

    def _run(self) -> None:
        v = self._v
        try:
            for sha, name in sorted(v.photos.items()):
                if self._stop.is_set():
                    return
                final = original_path(self._folder, sha, name.rsplit(".", 1)[1])
                tmp = None if final.exists() else self._folder / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
                if tmp is not None:  # content-addressed: a file in place is this file (and a missing one repaired)
                    if not self.copied:
                        self._folder.mkdir(parents=True, exist_ok=True)
                    self.copied.append((tmp, final))
                with self._zf.open(name) as src, (open(tmp, "wb") if tmp else contextlib.nullcontext()) as dst:
                    reader = Hashing(src)  # the hash checked here is verify's; zipfile checks the CRC-32 too
                    while chunk := reader.read(1 << 20):
                        if dst:
                            dst.write(chunk)
                check_member(v.path, v, name, reader)
                self.done += 1
        except (zipfile.BadZipFile, EOFError, damaged()):
            self._error = damaged_bundle(v.path)
        except BaseException as exc:  # re-raised on the importer's thread by ``result``
            self._error = exc

    def result(self, progress: Callable[[str, int, int], None] | None = None) -> list[tuple[Path, Path]]:
        """Wait for the copy to end, telling ``progress`` how far it is; raise the first fault it found
        (a BundleError for a bad photo)."""
        while progress and self._thread.is_alive():
            progress("photos", self.done, len(self._v.photos))
            self._thread.join(0.1)
        self._join()
        if self._error is not None:
            raise self._error
        return self.copied

    def place(self) -> None:
        """The checked files at their content address, flushed, before the rows that refer to them commit."""
        for parent in {final.parent for _, final in self.copied}:
            if not parent.is_dir():  # a stat, where mkdir of a folder already there costs ten times as much
                parent.mkdir(parents=True, exist_ok=True)
        for tmp, final in self.copied:
            os.replace(tmp, final)
        if self.copied:  # one flush of the new files and names before the commit, not one fsync per file
            os.sync()

    def discard(self) -> None:
        """Stop the copy if it still runs and remove its temporary files (none are left once placed)."""
        self._stop.set()
        self._join()
        for tmp, _ in self.copied:
            tmp.unlink(missing_ok=True)

    def _join(self) -> None:
        if self._thread.ident is not None:  # started: there were photos
            self._thread.join()
