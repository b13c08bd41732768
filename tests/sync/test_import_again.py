"""Importing a file already imported whole: nothing read again, nothing written but the history's note,
a missing photo file put back."""

from __future__ import annotations

import hashlib
import random

from conftest import village_inspection

from fieldcheck.ops.demo import make_photo
from fieldcheck.store.photofiles import original_path


def _rows(laptop) -> list[str]:
    return [r for r in laptop.store.connection.iterdump() if "imports" not in r]  # the history and its counter


def test_the_same_file_again_only_notes_it(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="缺页")
    a.store.photos.add(f.id, make_photo(random.Random(1), size=(320, 240)))
    bundle = a.export(tmp_path / "usb")
    first = b.take(bundle)
    rows, state = _rows(b), b.state()
    again = b.take(bundle)
    assert (again.new, again.already, again.updated, again.conflicts, again.photos) == (0, first.new, 0, 0, 0)
    assert _rows(b) == rows and b.state() == state
    history = b.store.imports.history()
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert [(h.sha256, h.new, h.already) for h in history] == [(digest, 0, first.new), (digest, first.new, 0)]


def test_a_photo_file_lost_since_is_put_back(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="缺页")
    photo = a.store.photos.add(f.id, make_photo(random.Random(1), size=(320, 240)))
    bundle = a.export(tmp_path / "usb")
    b.take(bundle)
    row = b.store.connection.execute("SELECT sha256, ext FROM photo_files").fetchone()
    lost = original_path(b.store.photo_dir, *row)
    lost.unlink()
    again = b.take(bundle)
    assert lost.exists() and hashlib.sha256(lost.read_bytes()).hexdigest() == row[0]
    assert again.new == 0 and again.photos == 1 and photo is not None
