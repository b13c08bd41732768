"""Photos as evidence: originals kept byte for byte, stored once, EXIF read, bad files refused cleanly."""

from __future__ import annotations

import hashlib
import io
import os
import random
import time
from datetime import datetime

import pytest
from PIL import Image

from fieldcheck.engine import catalog
from fieldcheck.ops import scores
from fieldcheck.ops.demo import make_photo
from fieldcheck.store import Store, StoreError


@pytest.fixture
def finding(store):
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=None, assessee_name="梅花村",
                                         inspectors=["李明"], date="2026-11-20")
    return store.findings.add(inspection, "2.1.4", note="未签字")


@pytest.fixture(scope="module")
def jpeg():
    return make_photo(random.Random(7), size=(1200, 900), taken=datetime(2026, 11, 20, 10, 23, 45),
                      gps=(26.8932, 112.5721))


def _state(store):
    conn = store.connection
    files = sorted(p.name for p in store.photo_dir.rglob("*") if p.is_file()) if store.photo_dir.exists() else []
    return (conn.execute("SELECT count(*) FROM photos").fetchone()[0],
            conn.execute("SELECT count(*) FROM photo_files").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit").fetchone()[0], files)


def test_photo_is_kept_unchanged_with_exif(store, finding, jpeg, tmp_path):
    source = tmp_path / "IMG_0001.jpg"
    source.write_bytes(jpeg)
    photo = store.photos.add(finding.id, source)
    assert photo.sha256 == hashlib.sha256(jpeg).hexdigest()
    assert store.photos.path(photo.sha256).read_bytes() == jpeg
    assert (photo.width, photo.height, photo.original_name) == (1200, 900, "IMG_0001.jpg")
    assert photo.taken_at == "2026-11-20T10:23:45"
    assert photo.lat == pytest.approx(26.8932, abs=1e-4) and photo.lon == pytest.approx(112.5721, abs=1e-4)
    assert store.photos.of(finding.id) == [photo]
    thumb = Image.open(io.BytesIO(store.photos.thumbnail(photo.sha256)))
    assert thumb.format == "JPEG" and max(thumb.size) == 256 and thumb.size[0] > thumb.size[1]


def test_same_photo_twice_is_stored_once(store, finding, jpeg):
    other = store.findings.add(finding.inspection_id, "2.1.1", note="漏填")
    a = store.photos.add(finding.id, jpeg)
    again = store.photos.add(finding.id, jpeg)
    b = store.photos.add(other.id, jpeg)
    assert again.id == a.id  # the same photo on the same finding is one piece of evidence
    assert b.id != a.id and b.sha256 == a.sha256
    files = [p for p in store.photo_dir.rglob("*") if p.is_file()]
    assert len([p for p in files if p.parent.name != "print"]) == 1  # the original, once
    assert len([p for p in files if p.parent.name == "print"]) == 1  # and its print copy, once
    assert store.connection.execute("SELECT count(*) FROM photo_files").fetchone()[0] == 1
    assert [r.photos for r in scores.scored_rows(store)] == [2]


def test_orientation_is_applied_to_the_thumbnail(store, finding):
    rotated = make_photo(random.Random(1), size=(800, 600), orientation=6)  # stored landscape, shown portrait
    photo = store.photos.add(finding.id, rotated)
    assert (photo.width, photo.height) == (600, 800)
    thumb = Image.open(io.BytesIO(store.photos.thumbnail(photo.sha256)))
    assert thumb.size[1] == 256 and thumb.size[0] < thumb.size[1]
    assert store.photos.path(photo.sha256).read_bytes() == rotated  # the original is not rotated


def test_photo_without_exif_and_png(store, finding):
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 200, 30)).save(out, "PNG")
    photo = store.photos.add(finding.id, out.getvalue())
    assert (photo.taken_at, photo.lat, photo.lon) == (None, None, None)
    assert store.photos.path(photo.sha256).suffix == ".png"


def test_remove_and_restore_photo(store, finding, jpeg):
    photo = store.photos.add(finding.id, jpeg)
    store.photos.remove(finding.id, photo.id)
    assert store.photos.of(finding.id) == []
    assert store.photos.path(photo.sha256).exists()  # kept for the audit log and undo
    store.photos.restore(finding.id, photo.id)
    assert [p.id for p in store.photos.of(finding.id)] == [photo.id]
    actions = [(a.entity, a.action) for a in store.audit.entries(finding.inspection_id) if a.entity == "photo"]
    assert actions == [("photo", "create"), ("photo", "delete"), ("photo", "restore")]


@pytest.mark.parametrize("case", ["not_an_image", "truncated", "empty", "missing", "folder", "under_a_file"])
def test_bad_photo_files_change_nothing(store, finding, jpeg, tmp_path, case):
    path = tmp_path / f"{case}.jpg"
    if case == "not_an_image":
        path.write_text("这不是照片,是一段文字。\n" * 50, encoding="utf-8")
        expected = "不是图片"
    elif case == "truncated":
        path.write_bytes(jpeg[: len(jpeg) // 2])
        expected = "损坏或不完整"
    elif case == "empty":
        path.write_bytes(b"")
        expected = "空文件"
    elif case == "missing":
        expected = "找不到"
    elif case == "under_a_file":  # the C library's "Not a directory" would be English
        (tmp_path / "notes.txt").write_text("")
        path = tmp_path / "notes.txt" / "a.jpg"
        expected = "^无法读取照片 .*a.jpg:路径中有一段不是文件夹$"
    else:
        path.mkdir()
        expected = "文件夹"
    before = _state(store)
    with pytest.raises(StoreError, match=expected) as info:
        store.photos.add(finding.id, path)
    assert "\n" not in str(info.value) and "Traceback" not in str(info.value)
    assert _state(store) == before


def test_photo_on_a_missing_finding_is_refused(store, jpeg):
    with pytest.raises(StoreError, match="找不到"):
        store.photos.add("no-such-finding", jpeg)


def test_leftover_temp_files_are_cleaned_on_open(tmp_path, jpeg):
    path = tmp_path / "field.db"
    Store.open(path, device="d", backup_on_close=False).close()
    folder = path.with_name("field-photos")
    folder.mkdir()
    (folder / ".tmp-deadbeef").write_bytes(jpeg[:1000])  # a crash in the middle of a write
    (folder / "print").mkdir()
    (folder / "print" / ".tmp-cafe").write_bytes(jpeg[:1000])  # ... or of a print copy's
    (folder / "print" / "kept-640.jpg").write_bytes(jpeg)
    then = time.time() - 3600  # opened again later: a live writer's temporary files would be fresh
    for left in (folder / ".tmp-deadbeef", folder / "print" / ".tmp-cafe"):
        os.utime(left, (then, then))
    Store.open(path, device="d", backup_on_close=False).close()
    assert not (folder / ".tmp-deadbeef").exists() and not (folder / "print" / ".tmp-cafe").exists()
    assert (folder / "print" / "kept-640.jpg").read_bytes() == jpeg


def test_the_print_copy_is_made_when_the_photo_is_added_and_the_sheet_reads_it(store, finding):
    from fieldcheck.ops.signing import print_cache
    from fieldcheck.reports.sheet_photos import print_image
    from fieldcheck.store.photofiles import print_copy_path

    rng = random.Random(3)
    photo = store.photos.add(finding.id, make_photo(rng, size=(4000, 3000), orientation=6))
    copy = print_copy_path(store.photo_dir, photo.sha256)
    with Image.open(copy) as img:
        assert img.size == (480, 640)  # upright (EXIF 6 turns it) and 640 px on the long side
    # the first sheet reads that copy rather than decoding the 12 MP original again
    data, width, height = print_image(store.photos.path(photo.sha256), cache=print_cache(store))
    assert data == copy.read_bytes() and (width, height) == (480, 640)
