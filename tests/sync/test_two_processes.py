"""Two processes on one database: another program opens it while a bundle is being imported (a command
run while the window imports, or a second import)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from conftest import village_inspection

from fieldcheck.ops.demo import make_photo
from fieldcheck.store.integrity import check
from fieldcheck.sync.importer import import_bundle

ROOT = Path(__file__).resolve().parents[2]

OPEN_AND_CLOSE = r"""
import sys
from fieldcheck.store import Store
Store.open(sys.argv[1], device="other", daily_backup=False, backup_on_close=False).close()
"""


def test_another_process_opening_the_database_mid_import_does_not_break_it(laptops, tmp_path):
    """The import keeps its photo copies as temporary files while it applies the events. Another process
    opening the database then removed them as a crash's leftovers, and the import failed with "the
    bundle could not be read (it does not exist)". They are a crash's only once nobody has touched them
    for a while."""
    a, b = laptops("A", "B")
    inspection = village_inspection(a.store)
    for n in range(3):
        finding = a.store.findings.add(inspection, "2.1.1", note=f"缺页 {n}")
        a.store.photos.add(finding.id, make_photo(random.Random(n), size=(320, 240)))
    bundle = a.export(tmp_path / "usb")
    opened = []

    def another_process_opens(stage, done, total):
        if stage == "events" and not opened:  # the photos are copied, the events not yet committed
            child = subprocess.run([sys.executable, "-c", OPEN_AND_CLOSE, str(b.store.path)],
                                   env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True)
            assert child.returncode == 0, child.stderr
            opened.append(stage)

    done = import_bundle(b.store, bundle, trust=True, progress=another_process_opens)
    assert opened and done.new > 0 and done.photos == 3
    assert len(b.store.findings.of(inspection)) == 3
    assert not list(b.store.photo_dir.glob(".tmp-*"))
    assert check(b.store.path).ok
