"""One photo full size: when and where it was taken (EXIF time and GPS), zoom and pan.

Evidence needs its circumstances: the capture time and the GPS position show that the photo
was taken at the household, on the day. The photo fits the window first; Ctrl + wheel, +/−
or the buttons zoom, dragging or the arrow keys pan, 0 fits it again. The image is decoded
at twice the fitted size (not the full 12 MP), so it opens in a blink and a 2× zoom is sharp.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets

ZOOM_STEP = 1.25
MAX_ZOOM = 8.0


class _PhotoView(QtWidgets.QGraphicsView):
    """Drag to pan; Ctrl + wheel zooms about the pointer."""

    def __init__(self, viewer: PhotoViewer):
        super().__init__()
        self.viewer = viewer
        self.setDragMode(QtWidgets.QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QtWidgets.QGraphicsView.AnchorUnderMouse)
        self.setRenderHint(QtGui.QPainter.SmoothPixmapTransform)
        self.setAlignment(Qt.AlignCenter)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.ControlModifier:
            self.viewer.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)


class PhotoViewer(QtWidgets.QDialog):
    """One photo with its capture time and GPS position; zoom (``zoom``) and pan."""

    def __init__(self, path: Path, title: str, parent: QtWidgets.QWidget | None = None, *, photo=None):
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.setWindowTitle(title)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSizeConstraint(QtWidgets.QLayout.SetNoConstraint)  # sized by resize() below
        self.info = QtWidgets.QLabel(self.describe(photo))
        self.info.setObjectName("photoInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.info)
        self.scene = QtWidgets.QGraphicsScene(self)
        self.view = _PhotoView(self)
        self.view.setObjectName("photoView")
        self.view.setScene(self.scene)
        layout.addWidget(self.view, 1)

        buttons = QtWidgets.QHBoxLayout()
        specs = (("zoomOut", self.tr("Zoom out (−)"), lambda: self.zoom_by(1 / ZOOM_STEP)),
                 ("zoomFit", self.tr("Fit (0)"), self.fit),
                 ("zoomActual", self.tr("100 % (1)"), lambda: self.set_zoom(1.0 / self.decoded_scale)),
                 ("zoomIn", self.tr("Zoom in (+)"), lambda: self.zoom_by(ZOOM_STEP)))
        for name, text, slot in specs:
            button = QtWidgets.QPushButton(text)
            button.setObjectName(name)
            button.setMinimumHeight(32)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.zoom_label = QtWidgets.QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        buttons.addWidget(self.zoom_label)
        buttons.addStretch(1)
        close = QtWidgets.QPushButton(self.tr("Close"))
        close.setMinimumHeight(32)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        for keys, slot in ((("+", "=", "Ctrl++"), lambda: self.zoom_by(ZOOM_STEP)),
                           (("-", "Ctrl+-"), lambda: self.zoom_by(1 / ZOOM_STEP)),
                           (("0", "Ctrl+0"), self.fit), (("1",), lambda: self.set_zoom(1.0 / self.decoded_scale))):
            for key in keys:
                QtGui.QShortcut(QtGui.QKeySequence(key), self, activated=slot)

        screen = QtGui.QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QtCore.QRect(0, 0, 1366, 768)
        bound = QtCore.QSize(int(area.width() * 0.9), int(area.height() * 0.8))
        reader = QtGui.QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if reader.transformation() & QtGui.QImageIOHandler.TransformationRotate90:
            size = size.transposed()
        #: the decoded image's pixels per pixel of the photo (1 when decoded full size)
        self.decoded_scale = 1.0
        limit = bound * 2
        if size.isValid() and (size.width() > limit.width() or size.height() > limit.height()):
            scaled = size.scaled(limit, Qt.KeepAspectRatio)
            self.decoded_scale = scaled.width() / size.width()
            # the reader scales before it rotates: ask for the stored orientation's size
            rotated = reader.transformation() & QtGui.QImageIOHandler.TransformationRotate90
            reader.setScaledSize(scaled.transposed() if rotated else scaled)
        image = reader.read()
        self.item = None
        if image.isNull():
            self.info.setText(self.info.text() + "\n" + self.tr("This photo cannot be shown: {0}").format(
                reader.errorString()))
        else:
            self.item = self.scene.addPixmap(QtGui.QPixmap.fromImage(image))
            self.item.setTransformationMode(Qt.SmoothTransformation)
            self.scene.setSceneRect(self.item.boundingRect())
        self.resize(bound.width(), bound.height())
        self._fitted = True

    # -- what is shown ---------------------------------------------------------------------------
    def describe(self, photo) -> str:
        """"拍摄于 2026-11-20 10:32 · GPS 27.12345° N, 112.34567° E · 4000 × 3000"."""
        if photo is None:
            return ""
        parts = []
        taken = getattr(photo, "taken_at", None)
        parts.append(self.tr("Taken {0}").format(taken.replace("T", " ")[:16]) if taken
                     else self.tr("No capture time in the photo"))
        lat, lon = getattr(photo, "lat", None), getattr(photo, "lon", None)
        if lat is not None and lon is not None:
            parts.append(self.tr("GPS {0:.5f}° {1}, {2:.5f}° {3}").format(
                abs(lat), "N" if lat >= 0 else "S", abs(lon), "E" if lon >= 0 else "W"))
        else:
            parts.append(self.tr("No GPS position in the photo"))
        if getattr(photo, "width", 0):
            parts.append(f"{photo.width} × {photo.height}")
        if getattr(photo, "downsized", False):  # the size above is the original's, not what is shown
            parts.append(self.tr("Downsized copy: the original has not arrived yet"))
        return " · ".join(parts)

    def pixmap(self) -> QtGui.QPixmap:
        return self.item.pixmap() if self.item is not None else QtGui.QPixmap()

    def zoom(self) -> float:
        """Screen pixels per pixel of the decoded image."""
        return self.view.transform().m11()

    # -- zoom ------------------------------------------------------------------------------------
    def set_zoom(self, factor: float) -> None:
        factor = max(self._fit_factor() / 2, min(MAX_ZOOM, factor))
        self.view.setTransform(QtGui.QTransform.fromScale(factor, factor))
        self._fitted = False
        self._show_zoom()

    def zoom_by(self, step: float) -> None:
        self.set_zoom(self.zoom() * step)

    def fit(self) -> None:
        if self.item is not None:
            self.view.fitInView(self.item, Qt.KeepAspectRatio)
            self.view.setTransform(QtGui.QTransform.fromScale(min(self.zoom(), 1.0), min(self.zoom(), 1.0)))
        self._fitted = True
        self._show_zoom()

    def _fit_factor(self) -> float:
        if self.item is None:
            return 1.0
        rect = self.item.boundingRect()
        view = self.view.viewport().size()
        return min(1.0, view.width() / max(rect.width(), 1), view.height() / max(rect.height(), 1))

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{self.zoom() * self.decoded_scale * 100:.0f} %")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()
