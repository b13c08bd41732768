"""A pad to sign on with a mouse, a pen or a finger; it keeps the strokes, not pixels.

Points are kept in 0–1 of the pad on both axes, so the stored strokes redraw at any size
(``signing.strokes.render_png`` makes the image the sheet prints). Pen (tablet) and touch
events are taken directly, so a pen's stroke is not also seen as the mouse's.
"""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal


class SignaturePad(QtWidgets.QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._strokes: list[list[tuple[float, float]]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(320, 100)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Sign here with the mouse, a pen or a finger"))
        self.setAccessibleName(self.tr("Signature pad"))

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(420, 120)

    # -- what it holds -----------------------------------------------------------------------------

    def strokes(self) -> list[list[tuple[float, float]]]:
        return [list(s) for s in self._strokes if s]

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.changed.emit()

    def set_strokes(self, strokes) -> None:
        self._strokes = [[(float(x), float(y)) for x, y in s] for s in strokes]
        self.update()
        self.changed.emit()

    # -- input -------------------------------------------------------------------------------------

    def _point(self, pos: QtCore.QPointF) -> tuple[float, float]:
        w, h = max(1, self.width()), max(1, self.height())
        return (round(min(1.0, max(0.0, pos.x() / w)), 4), round(min(1.0, max(0.0, pos.y() / h)), 4))

    def begin(self, pos: QtCore.QPointF) -> None:
        self._drawing = True
        self._strokes.append([self._point(pos)])
        self.update()

    def extend(self, pos: QtCore.QPointF) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append(self._point(pos))
            self.update()

    def end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin(event.position())

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        self.extend(event.position())

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:
        self.end()

    def tabletEvent(self, event: QtGui.QTabletEvent) -> None:
        kind = event.type()
        if kind == QtCore.QEvent.Type.TabletPress:
            self.begin(event.position())
        elif kind == QtCore.QEvent.Type.TabletMove:
            self.extend(event.position())
        elif kind == QtCore.QEvent.Type.TabletRelease:
            self.end()
        event.accept()

    def event(self, event: QtCore.QEvent) -> bool:
        kind = event.type()
        if kind in (QtCore.QEvent.Type.TouchBegin, QtCore.QEvent.Type.TouchUpdate, QtCore.QEvent.Type.TouchEnd):
            points = event.points()  # type: ignore[attr-defined]  # a QTouchEvent, by its type
            if points:
                pos = self.mapFromGlobal(points[0].globalPosition())  # the same wherever the event came from
                if kind == QtCore.QEvent.Type.TouchBegin:
                    self.begin(pos)
                elif kind == QtCore.QEvent.Type.TouchUpdate:
                    self.extend(pos)
                else:
                    self.extend(pos)
                    self.end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing -----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QtGui.QPalette.ColorRole.Base))
        painter.setPen(QtGui.QPen(self.palette().color(QtGui.QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.78)
        painter.drawLine(12, baseline, self.width() - 12, baseline)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        pen = QtGui.QPen(QtGui.QColor(20, 30, 110), max(2.0, self.height() / 45), Qt.PenStyle.SolidLine,
                         Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        w, h = self.width(), self.height()
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(QtCore.QPointF(stroke[0][0] * w, stroke[0][1] * h))
            else:
                painter.drawPolyline([QtCore.QPointF(x * w, y * h) for x, y in stroke])
        painter.end()
