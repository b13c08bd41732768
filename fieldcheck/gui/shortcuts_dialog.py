"""Help: every keyboard shortcut of the inspection view, read from the actions themselves."""

from __future__ import annotations

from .qt import QtGui, QtWidgets, Qt


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, actions: list[QtGui.QAction], parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSizeConstraint(QtWidgets.QLayout.SetNoConstraint)  # sized by resize() below
        self.table = QtWidgets.QTableWidget(0, 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeToContents)
        for action in actions:
            keys = [k.toString(QtGui.QKeySequence.NativeText) for k in action.shortcuts()]
            if not keys:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QtWidgets.QTableWidgetItem(action.text().replace("&", "")))
            self.table.setItem(row, 1, QtWidgets.QTableWidgetItem(" / ".join(keys)))
        layout.addWidget(self.table)
        extra = QtWidgets.QLabel(self.tr("Photos: drop image files on the item, or paste an image with Ctrl+V."))
        extra.setWordWrap(True)
        layout.addWidget(extra)
        close = QtWidgets.QPushButton(self.tr("Close"))
        close.setMinimumHeight(32)
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignRight)
        self.resize(520, 460)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
