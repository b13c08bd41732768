"""The photo viewer: capture time and GPS from the photo's EXIF, zoom and pan."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from walkkit import village_inspection

from fieldcheck.gui.photos.photo_viewer import PhotoViewer
from fieldcheck.gui.qt import Qt
from fieldcheck.ops.demo import make_photo

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_time_gps_zoom_and_pan(qtbot, store, tmp_path):
    inspection_id, _ = village_inspection(store)
    finding = store.findings.add(inspection_id, "2.1.4", value=1)
    data = make_photo(random.Random(3), size=(3200, 2400), taken=datetime(2026, 11, 20, 10, 32),
                      gps=(27.12345, 112.34567))
    source = tmp_path / "p.jpg"
    source.write_bytes(data)
    photo = store.photos.add(finding.id, source)
    viewer = PhotoViewer(store.photos.path(photo.sha256), "p.jpg", photo=store.photos.get(photo.id))
    qtbot.addWidget(viewer)
    viewer.resize(900, 600)
    viewer.show()
    qtbot.waitExposed(viewer)
    text = viewer.info.text()
    assert "2026-11-20 10:32" in text and "27.12345° N" in text and "112.34567° E" in text
    qtbot.wait(50)  # the layout settles; the photo is fitted again on each resize
    fitted = viewer.zoom()
    assert fitted < 1  # the whole photo in view
    qtbot.keyClick(viewer, Qt.Key_Plus)
    assert viewer.zoom() == pytest.approx(fitted * 1.25)
    # zoomed in, the photo pans with the arrow keys (the view scrolls)
    viewer.set_zoom(fitted * 4)
    bar = viewer.view.horizontalScrollBar()
    assert bar.maximum() > 0
    before = bar.value()
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key_Right)
    assert bar.value() > before
    qtbot.keyClick(viewer, Qt.Key_0)
    assert viewer.zoom() == pytest.approx(fitted)
    assert viewer.zoom_label.text().endswith("%")


def test_a_photo_without_exif_says_so(qtbot, store, tmp_path):
    from fieldcheck.store.records import Photo
    viewer = PhotoViewer(tmp_path / "missing.jpg", "x", photo=Photo("p", "s", 10, 10, None, None, None, ""))
    qtbot.addWidget(viewer)
    assert "No capture time" in viewer.info.text() and "No GPS" in viewer.info.text()
    assert "cannot be shown" in viewer.info.text()


def test_a_downsized_copy_says_so_in_chinese(qtbot, chinese, store, tmp_path):
    """The viewer shows the original's size beside a copy made for a small stick: it says it is a copy."""
    from fieldcheck.store import Store
    from fieldcheck.sync.export import export_bundle
    from fieldcheck.sync.importer import import_bundle

    inspection_id, _ = village_inspection(store)
    finding = store.findings.add(inspection_id, "2.1.4", value=1)
    photo = store.photos.add(finding.id, make_photo(random.Random(3), size=(3200, 2400)))
    small = export_bundle(store, tmp_path / "stick" / "s.fcbundle", key_folder=tmp_path / "k", max_photo_px=200).path
    leader = Store.open(tmp_path / "leader.db", device="L", daily_backup=False, backup_on_close=False)
    try:
        import_bundle(leader, small, trust=True)
        viewer = PhotoViewer(leader.photos.path(photo.sha256), "p.jpg", photo=leader.photos.get(photo.id))
        qtbot.addWidget(viewer)
        assert "3200 × 2400" in viewer.info.text() and "缩小的副本:原图尚未送到" in viewer.info.text()
    finally:
        leader.close()
