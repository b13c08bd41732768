"""A downsized photo (a bundle for a small stick) is said to be one wherever the leader meets it, until the
original arrives."""

from __future__ import annotations

import random

from conftest import village_inspection

from fieldcheck.ops.demo import make_photo
from fieldcheck.sync.export import export_bundle


def test_the_import_and_the_photo_say_which_photos_are_downsized_until_the_originals_arrive(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1")
    photos = [a.store.photos.add(f.id, make_photo(random.Random(n), size=(1600, 1200))) for n in range(2)]
    small = export_bundle(a.store, tmp_path / "stick" / "small.fcbundle", key_folder=a.keys, max_photo_px=300).path
    report = b.take(small)
    assert report.downsized == 2
    shown = b.store.photos.of(f.id)
    assert [p.downsized for p in shown] == [True, True] and shown[0].width == 1600  # the original's size, said so
    report = b.take(a.export(tmp_path / "later", everything=True))
    assert report.downsized == 0 and not any(b.store.photos.get(p.id).downsized for p in photos)
