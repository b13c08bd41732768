"""Search every inspection's findings by note text or household name; Enter opens the finding's item.

"Which village had 张三's unsigned handbook?" The store answers from its full-text index
(``ops.search``), under a frame at 10,000 findings, so the list follows each key typed.
"""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtCore, QtWidgets, Signal
from fieldcheck.ops.search import search_findings

LIMIT = 200


class FindingSearchDialog(QtWidgets.QDialog):
    #: open this inspection at this item
    open_requested = Signal(str, str)

    def __init__(self, store, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("findingSearch")
        self.setWindowTitle(self.tr("Search findings"))
        layout = QtWidgets.QVBoxLayout(self)
        self.search = QtWidgets.QLineEdit()
        self.search.setObjectName("findingSearchEdit")
        self.search.setPlaceholderText(self.tr("Words of a note, or a household's name (e.g. 未签字, 张三)"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.table = QtWidgets.QTableWidget(0, 5)
        self.table.setObjectName("findingSearchResults")
        self.table.setHorizontalHeaderLabels([self.tr("Assessee"), self.tr("Date"), self.tr("Item"),
                                              self.tr("Household"), self.tr("Note")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self._open(index.row()))
        layout.addWidget(self.table, 1)
        self.count_label = QtWidgets.QLabel()
        self.count_label.setObjectName("findingSearchCount")
        layout.addWidget(self.count_label)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QtCore.QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._first)
        self.hits: list = []
        self.resize(900, 520)

    def run(self) -> None:
        self._timer.stop()
        self.hits = search_findings(self.store, self.search.text(), limit=LIMIT)
        self.table.setRowCount(len(self.hits))
        for row, hit in enumerate(self.hits):
            cells = [hit.assessee, hit.date, f"{hit.item_id} {hit.item_title}", hit.household, hit.note]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QtWidgets.QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if not self.search.text().strip():
            self.count_label.setText("")
        elif len(self.hits) >= LIMIT:
            self.count_label.setText(self.tr("The first {0} findings; type more to narrow.").format(LIMIT))
        else:
            self.count_label.setText(self.tr("{0} finding(s)").format(len(self.hits)))

    def _first(self) -> None:
        """Enter in the search field: to the results (the first one selected)."""
        self.run()
        if self.hits:
            self.table.setCurrentCell(0, 0)
            self.table.setFocus(Qt.TabFocusReason)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            self.open_requested.emit(hit.inspection_id, hit.item_id)
            self.accept()
