"""Photos in the walk: background import of many large JPEGs (the window keeps running), cancel,
drag and drop, paste, full-size view, remove, and undo/redo of all of it."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image
from walkkit import show_view, village_inspection

from fieldcheck.gui.photos.photo_viewer import PhotoViewer
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.ops.demo import make_photo
from fieldcheck.store import Store

LARGE = (4000, 3000)  # a 12 MP phone photo
MANY = 22


@pytest.fixture(scope="module")
def large_jpegs(tmp_path_factory) -> list[str]:
    """22 different 12 MP JPEGs of about 5 MB each, grainy like a phone's.

    One photo is made (with sensor-like noise, so it does not compress to nothing) and each copy
    gets its own JPEG comment: different files, as costly to import as the first.
    """
    folder = tmp_path_factory.mktemp("camera")
    base = Image.open(io.BytesIO(make_photo(random.Random(11), size=LARGE, quality=90))).convert("RGB")
    noise = Image.effect_noise(LARGE, 40)
    grainy = Image.blend(base, Image.merge("RGB", (noise, noise, noise)), 0.3)
    out = io.BytesIO()
    grainy.save(out, "JPEG", quality=92)
    data = out.getvalue()
    assert len(data) > 3_000_000
    paths = []
    for n in range(MANY):
        comment = f"FieldCheck test photo {n}".encode()
        segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
        path = folder / f"IMG_{n:04d}.jpg"
        path.write_bytes(data[:2] + segment + data[2:])  # after SOI
        paths.append(str(path))
    return paths


@pytest.fixture
def walk(qtbot, tmp_path):
    store = Store.open(tmp_path / "fieldcheck.db", device="laptop-1")
    inspection, _ = village_inspection(store)
    view = show_view(qtbot, store, inspection)
    view.go_to_item("2.1.1")
    qtbot.mouseClick(view.panel.editor.add_buttons[None], Qt.LeftButton)
    yield store, inspection, view
    view.close()
    store.close()


def live_photos(store, inspection_id):
    finding = store.findings.of(inspection_id, "2.1.1")[0]
    return finding, store.photos.of(finding.id)


def test_importing_many_large_photos_keeps_the_window_running(qtbot, walk, large_jpegs):
    store, inspection_id, view = walk
    strip = view.panel.photos
    ticks: list[float] = []
    progress_seen: list[int] = []
    timer = QtCore.QTimer()
    timer.setInterval(10)
    clock = QtCore.QElapsedTimer()
    clock.start()
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    strip.progress.valueChanged.connect(progress_seen.append)
    timer.start()
    with qtbot.waitSignal(strip.import_finished, timeout=120000):
        assert strip.import_sources(large_jpegs)
        assert strip.progress_box.isVisible() and strip.busy()
        assert not strip.add_button.isEnabled()  # one import at a time
    timer.stop()

    finding, photos = live_photos(store, inspection_id)
    assert len(photos) == MANY
    assert strip.count() == MANY and not strip.progress_box.isVisible()
    assert strip.message.text() == ""
    # the event loop ran all along: the timer ticked throughout and progress came photo by photo
    assert len(ticks) >= MANY
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert max(gaps) < 1000, max(gaps)
    assert [v for v in progress_seen if v] == list(range(1, MANY + 1))
    # one undo step removes the whole import; redo brings the same photos back
    assert view.undo_stack.undoText() == QtCore.QCoreApplication.translate(
        "Edits", "Add {0} photo(s) to {1}").format(MANY, "2.1.1")
    view.undo()
    assert store.photos.of(finding.id) == [] and strip.count() == 0
    view.redo()
    assert [p.id for p in store.photos.of(finding.id)] == [p.id for p in photos]
    assert strip.count() == MANY


def test_cancel_stops_the_import_and_leaves_only_whole_photos(qtbot, walk, large_jpegs):
    store, inspection_id, view = walk
    strip = view.panel.photos
    with qtbot.waitSignal(strip.import_finished, timeout=120000):
        strip.import_sources(large_jpegs)
        qtbot.waitUntil(lambda: strip.progress.value() >= 2, timeout=60000)
        qtbot.mouseClick(strip.cancel_button, Qt.LeftButton)
    finding, photos = live_photos(store, inspection_id)
    assert 2 <= len(photos) < MANY
    assert strip.count() == len(photos)
    assert strip.message.text() == strip.tr("Cancelled: {0} of {1} photo(s) added.").format(len(photos), MANY)
    for photo in photos:  # every photo there is whole: original, thumbnail and row
        original = store.photos.path(photo.sha256)
        with Image.open(original) as image:
            image.load()
            assert image.size == LARGE
        assert store.photos.thumbnail(photo.sha256)[:2] == b"\xff\xd8"
    assert not [p for p in store.photo_dir.iterdir() if p.name.startswith(".tmp-")]
    files = {p.name for p in store.photo_dir.rglob("*") if p.is_file() and p.parent.name != "print"}
    assert len(files) == len(photos)  # no stray file of a photo cut off half-way
    copies = {p.name for p in (store.photo_dir / "print").glob("*")}
    assert copies == {f"{p.sha256}-640.jpg" for p in photos}  # a print copy for each whole photo, no temp left
    view.undo()
    assert store.photos.of(finding.id) == []


def _drop(widget: QtWidgets.QWidget, mime: QtCore.QMimeData) -> bool:
    pos = QtCore.QPointF(widget.width() / 2, widget.height() / 2)
    enter = QtGui.QDragEnterEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QtGui.QDropEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_drop_paste_view_and_remove(qtbot, walk, large_jpegs, tmp_path):
    store, inspection_id, view = walk
    strip = view.panel.photos

    # drag image files from the file manager onto the item
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(p) for p in large_jpegs[:2]])
    with qtbot.waitSignal(strip.import_finished, timeout=60000):
        assert _drop(view.panel.viewport(), mime)
    assert strip.count() == 2

    # a text file is not taken
    text = QtCore.QMimeData()
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    text.setUrls([QtCore.QUrl.fromLocalFile(str(notes))])
    assert not _drop(view.panel.viewport(), text)

    # paste an image (a screenshot) with Ctrl+V
    image = QtGui.QImage(640, 480, QtGui.QImage.Format_RGB32)
    image.fill(QtGui.QColor(30, 120, 200))
    QtWidgets.QApplication.clipboard().setImage(image)
    view.tree.setFocus()
    with qtbot.waitSignal(strip.import_finished, timeout=60000):
        qtbot.keyClick(view.tree, Qt.Key_V, Qt.ControlModifier)
    assert strip.count() == 3
    finding, photos = live_photos(store, inspection_id)
    assert (photos[-1].width, photos[-1].height) == (640, 480)

    # an empty "photo" is refused with one sentence, and nothing is added
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(empty))])
    with qtbot.waitSignal(strip.import_finished, timeout=60000):
        assert _drop(view.panel.viewport(), mime)
    assert strip.count() == 3
    assert "empty.jpg" in strip.message.text() and "Traceback" not in strip.message.text()

    # open the first photo full size: scaled to the screen, not larger
    strip.list.setCurrentRow(0)
    viewer = strip.view_current()
    assert isinstance(viewer, PhotoViewer)
    qtbot.addWidget(viewer)
    pixmap = viewer.pixmap()
    assert not pixmap.isNull()
    screen = QtGui.QGuiApplication.primaryScreen().availableGeometry()
    # decoded at most at twice the screen (for a sharp 2× zoom), never the full photo
    assert pixmap.width() <= 2 * screen.width() and pixmap.height() <= 2 * screen.height()
    assert abs(pixmap.width() / pixmap.height() - LARGE[0] / LARGE[1]) < 0.01
    # when and where it was taken, and zoom in, out, back to fit
    assert "×" in viewer.info.text()
    viewer.show()
    qtbot.waitExposed(viewer)
    fitted = viewer.zoom()
    viewer.zoom_by(2)
    assert abs(viewer.zoom() - 2 * fitted) < 1e-6
    viewer.fit()
    assert abs(viewer.zoom() - fitted) < 1e-6
    viewer.setAttribute(Qt.WA_DeleteOnClose, False)  # qtbot closes it at the end
    viewer.close()

    # remove one, undo, redo
    strip.list.setCurrentRow(1)
    removed = strip.current_photo_id()
    qtbot.mouseClick(strip.remove_button, Qt.LeftButton)
    assert strip.count() == 2 and removed not in [p.id for p in store.photos.of(finding.id)]
    view.undo()
    assert removed in [p.id for p in store.photos.of(finding.id)] and strip.count() == 3
    view.redo()
    assert strip.count() == 2


def test_an_item_without_a_finding_asks_for_one_before_photos(qtbot, walk, large_jpegs):
    store, inspection_id, view = walk
    view.go_to_item("2.5.4")  # met / not met: no finding until a verdict is given
    strip = view.panel.photos
    assert not strip.add_button.isEnabled()
    assert not strip.import_sources(large_jpegs[:1])
    assert strip.message.text()
    qtbot.mouseClick(view.panel.editor.no_button, Qt.LeftButton)
    assert strip.add_button.isEnabled()
    with qtbot.waitSignal(strip.import_finished, timeout=60000):
        assert strip.import_sources(large_jpegs[:1])
    finding = store.findings.of(inspection_id, "2.5.4")[0]
    assert finding.value is False and len(store.photos.of(finding.id)) == 1
