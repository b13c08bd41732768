"""The photos of the current finding: thumbnails in a strip, full size on demand, add and remove.

Adding runs in the background (``photo_import``) with a progress bar and a cancel button,
so twenty 12 MP photos never freeze the window. Photos are evidence of a finding; an item
with no finding yet asks for one first.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.gui.photos.photo_import import PhotoImport
from fieldcheck.gui.photos.photo_viewer import PhotoViewer
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

PHOTO_ROLE = Qt.UserRole + 1
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif"}


def image_paths(urls) -> list[str]:
    """Local image files among dropped or pasted URLs."""
    out = []
    for url in urls:
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES:
            out.append(url.toLocalFile())
    return out


def image_bytes(image: QtGui.QImage) -> bytes:
    """A pasted image as PNG bytes (lossless; the store keeps them as they are)."""
    data = QtCore.QByteArray()
    buffer = QtCore.QBuffer(data)
    buffer.open(QtCore.QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


class PhotoStrip(QtWidgets.QWidget):
    """Thumbnails of one finding's photos, with add (file dialog, drop, paste), view and remove."""

    import_finished = Signal()

    def __init__(self, session, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("photoStrip")
        self.session = session
        self.item_id: str | None = None
        self.finding_id: str | None = None
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: PhotoImport | None = None
        self._had: set[str] = set()  # the finding's photos before the running import
        self._job_item: str | None = None
        self._shown: tuple | None = None
        self.read_only = False
        self._finished_jobs: list[PhotoImport] = []

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QtWidgets.QHBoxLayout()
        self.caption = QtWidgets.QLabel(self.tr("Photos"))
        self.caption.setObjectName("photoCaption")
        top.addWidget(self.caption, 1)
        self.add_button = self._button(self.tr("Add photos…"), "addPhotos", self.choose_files)
        self.add_button.setToolTip(self.tr("Add photos from files (Ctrl+I); you can also drop them here or paste"))
        self.view_button = self._button(self.tr("View"), "viewPhoto", self.view_current)
        self.remove_button = self._button(self.tr("Remove"), "removePhoto", self.remove_current)
        for button in (self.add_button, self.view_button, self.remove_button):
            top.addWidget(button)
        layout.addLayout(top)
        self._top = top

        self.list = QtWidgets.QListWidget()
        self.list.setObjectName("photoList")
        self.list.setViewMode(QtWidgets.QListView.IconMode)
        self.list.setFlow(QtWidgets.QListView.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QtWidgets.QListView.Static)
        self.list.setIconSize(QtCore.QSize(96, 96))
        self.list.setFixedHeight(128)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.list.itemDoubleClicked.connect(lambda _i: self.view_current())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.list)

        progress_row = QtWidgets.QHBoxLayout()
        self.progress = QtWidgets.QProgressBar()
        self.progress.setObjectName("photoProgress")
        self.cancel_button = self._button(self.tr("Cancel"), "cancelImport", self.cancel_import)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QtWidgets.QWidget()
        self.progress_box.setLayout(progress_row)
        self.progress_box.hide()
        layout.addWidget(self.progress_box)

        self.message = QtWidgets.QLabel()
        self.message.setObjectName("photoMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._update_buttons()

    def fill_column(self) -> None:
        """Laid out for a narrow column beside the item: thumbnails wrap into rows and the list takes
        the height it is given, instead of one 128 px row that scrolls sideways."""
        self._top.removeWidget(self.caption)  # the caption on a line of its own, above the buttons
        self.layout().insertWidget(0, self.caption)
        self._top.insertStretch(0, 1)
        self.list.setWrapping(True)
        self.list.setResizeMode(QtWidgets.QListView.Adjust)
        self.list.setMinimumHeight(120)
        self.list.setMaximumHeight(16777215)
        self.list.setSizePolicy(QtWidgets.QSizePolicy.Expanding, QtWidgets.QSizePolicy.Expanding)

    def _button(self, text: str, name: str, slot) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(32)
        button.clicked.connect(slot)
        return button

    # -- showing ---------------------------------------------------------------------------------
    def show_finding(self, item_id: str, finding_id: str | None) -> None:
        """Show the photos of ``finding_id`` (None: the item has no finding to attach photos to)."""
        if (item_id, finding_id) != (self.item_id, self.finding_id) and self.job is None:
            self.message.setText("")
            self._shown = None  # say again what the new item's strip needs, even with no photos either side
        self.item_id, self.finding_id = item_id, finding_id
        self.reload()

    def reload(self) -> None:
        keep = self.current_photo_id()
        photos = self.session.store.photos.of(self.finding_id) if self.finding_id is not None else []
        # a household's rating (满意…) is an answer, not a problem found: the strip names it as the list does
        rating = self.item_id is not None and self.session.item(self.item_id).rule.kind == "rating"
        shown = (self.finding_id, rating, [p.id for p in photos])
        if shown == self._shown:
            return  # an edit that did not touch these photos: keep the thumbnails
        self._shown = shown
        if self.list.count():  # clearing an empty list still repaints it, on every edit of a finding without photos
            self.list.clear()
        if self.finding_id is None:
            self.caption.setText(self.tr("Photos"))
            self.message.setText(self.tr("Record a household's rating first: photos are attached to a rating.")
                                 if rating else self.tr("Record a finding first: photos are the evidence of a finding."))
        else:
            self.caption.setText(self.tr("Photos of the selected rating: {0}").format(len(photos)) if rating
                                 else self.tr("Photos of the selected finding: {0}").format(len(photos)))
            for photo in photos:
                row = QtWidgets.QListWidgetItem(self._icon(photo.sha256), "")
                row.setData(PHOTO_ROLE, photo.id)
                row.setToolTip(photo.original_name or photo.sha256[:12])
                row.setSizeHint(QtCore.QSize(104, 104))
                self.list.addItem(row)
                if photo.id == keep:
                    self.list.setCurrentItem(row)
        self._update_buttons()

    def _icon(self, sha256: str) -> QtGui.QIcon:
        pixmap = QtGui.QPixmap()
        pixmap.loadFromData(self.session.store.photos.thumbnail(sha256), "JPEG")
        return QtGui.QIcon(pixmap)

    def count(self) -> int:
        return self.list.count()

    def current_photo_id(self) -> str | None:
        row = self.list.currentItem()
        return row.data(PHOTO_ROLE) if row is not None else None

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.job is not None
        self.add_button.setEnabled(self.finding_id is not None and not busy and not self.read_only)
        has_photo = self.list.currentItem() is not None
        self.view_button.setEnabled(has_photo)
        self.remove_button.setEnabled(has_photo and not busy and not self.read_only)

    # -- adding ----------------------------------------------------------------------------------
    def choose_files(self) -> None:
        if self.finding_id is None:
            return
        paths, _filter = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif)"))
        if paths:
            self.import_sources(paths)

    def import_sources(self, sources: list) -> bool:
        """Start importing paths or bytes into the current finding; False when that cannot start now."""
        if not sources:
            return False
        if self.finding_id is None:
            self.message.setText(self.tr("Record a finding first: photos are the evidence of a finding."))
            return False
        if self.read_only:
            return False
        if self.job is not None:
            self.message.setText(self.tr("Photos are still being added; wait for them or cancel."))
            return False
        # The last job's run() may still be returning in its pool thread: let it end before
        # its Python object (and so the C++ runnable) is released.
        self.pool.waitForDone()
        self._finished_jobs.clear()
        store = self.session.store
        # the store keeps the same photo once: one already on the finding is not an edit to undo later
        self._had = {photo.id for photo in store.photos.of(self.finding_id)}
        self.job = PhotoImport(store, self.finding_id, sources)
        self._job_item = self.item_id
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(self._on_finished)
        self.progress.setRange(0, len(sources))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Adding photo %v of %m"))
        self.progress_box.show()
        self.message.setText("")
        self._update_buttons()
        self.pool.start(self.job)
        return True

    def cancel_import(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def busy(self) -> bool:
        return self.job is not None

    def _on_progress(self, done: int, total: int, _name: str) -> None:
        self.progress.setValue(done)

    def _on_finished(self, added: list, errors: list, cancelled: bool) -> None:
        job, self.job = self.job, None
        self._finished_jobs.append(job)
        self.progress_box.hide()
        self.cancel_button.setEnabled(True)
        parts = []
        if cancelled:
            parts.append(self.tr("Cancelled: {0} of {1} photo(s) added.").format(len(added), len(job.sources)))
        item_id = self._job_item or self.item_id
        if errors and job.finding_id not in {f.id for f in self.session.findings(item_id)}:
            # the store's sentence would name the finding by its id: say what happened and what to do
            parts.append(self.tr("The finding was deleted while its photos were being added, so {0} photo(s) were "
                                 "not added: add them again to a finding that is kept.").format(len(errors)))
        elif errors:
            parts.append(errors[0] if len(errors) == 1 else
                         self.tr("{0} (and {1} more not added)").format(errors[0], len(errors) - 1))
        new = list(dict.fromkeys(tuple(p) for p in added if p[1] not in self._had))
        if len(new) < len(added):
            parts.append(self.tr("{0} photo(s) were already attached to this finding and were not added again.")
                         .format(len(added) - len(new)))
        self.message.setText(" ".join(parts))
        added = new
        self.session.add_photos(item_id, added)
        if not added:
            self.reload()
        self._update_buttons()
        self.import_finished.emit()

    def shutdown(self) -> None:
        """Cancel a running import and wait for it (closing the window)."""
        if self.job is not None:
            self.job.cancel()
        self.pool.waitForDone()

    # -- viewing and removing ----------------------------------------------------------------------
    def view_current(self) -> PhotoViewer | None:
        photo_id = self.current_photo_id()
        if photo_id is None or self.finding_id is None:
            return None
        photo = next((p for p in self.session.store.photos.of(self.finding_id) if p.id == photo_id), None)
        if photo is None:
            return None
        viewer = PhotoViewer(self.session.store.photos.path(photo.sha256), photo.original_name or photo.sha256[:12],
                             self, photo=photo)
        viewer.setAttribute(Qt.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def remove_current(self) -> None:
        photo_id = self.current_photo_id()
        if photo_id is not None and self.finding_id is not None and self.job is None and not self.read_only:
            self.session.remove_photo(self.item_id, self.finding_id, photo_id)
