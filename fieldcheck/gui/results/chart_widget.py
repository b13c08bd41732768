"""The losses bar chart in the window: ``results.chart.layout``'s boxes and labels drawn by QPainter.

The PDF draws the very same layout with reportlab (``results.pdf.draw``).
"""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.results.chart import BarChart, layout


class ChartWidget(QtWidgets.QWidget):
    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lossChart")
        self.chart: BarChart | None = None
        self.setMinimumHeight(160)

    def set_chart(self, chart: BarChart | None) -> None:
        self.chart = chart
        self.update()

    def drawing(self):
        """The layout for the widget's current size (what paintEvent draws; tests look at it)."""
        if self.chart is None:
            return None
        size = max(9.0, float(QtGui.QFontInfo(self.font()).pixelSize()))
        return layout(self.chart, self.width() - 16, self.height() - 16, size)

    def paintEvent(self, event) -> None:
        drawing = self.drawing()
        if drawing is None:
            return
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.translate(8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        for b in drawing.boxes:
            painter.fillRect(QtCore.QRectF(b.x, b.y, b.w, b.h), QtGui.QColor(*b.colour))
        painter.setPen(QtGui.QColor(30, 30, 30))
        for label in drawing.labels:
            font = QtGui.QFont(self.font())
            font.setPixelSize(max(1, round(label.size)))  # the layout's units are pixels here, points in the PDF
            painter.setFont(font)
            width = QtGui.QFontMetricsF(font).horizontalAdvance(label.text)
            x = label.x - width if label.align == "right" else label.x
            painter.drawText(QtCore.QPointF(x, label.y), label.text)
        painter.end()
