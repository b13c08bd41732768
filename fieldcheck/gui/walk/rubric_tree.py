"""The rubric as a tree: each item's state, each section's capped deduction against its pool.

States read without colour too: a symbol leads each one (○ not yet looked at, ◔ looked at but
unanswered, ✓ no deduction, ✗ deducted, – not applicable, + bonus, ⚠ veto); deducted rows are
also red. Sections show 扣X/Y: the deduction so far, capped, out of the section's pool.
"""

from __future__ import annotations

from fieldcheck.engine.numbers import fmt
from fieldcheck.engine.rubric import Item, Section
from fieldcheck.gui.qt import Qt, QtGui, QtWidgets, Signal

ID_ROLE = Qt.UserRole + 1

_RED = QtGui.QColor(190, 20, 20)
_GREEN = QtGui.QColor(20, 120, 40)
_GREY = QtGui.QColor(110, 110, 110)


class RubricTree(QtWidgets.QTreeWidget):
    """Shows the rubric; emits ``item_chosen(item_id)`` when the user picks an item."""

    item_chosen = Signal(str)

    def __init__(self, session, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rubricTree")
        self.session = session
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Item"), self.tr("State")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.ElideRight)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.Stretch)
        # A fixed state column: resizing it to its contents re-measures every row on each edit.
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.Fixed)
        metrics = self.fontMetrics()
        bold = QtGui.QFont(self.font())
        bold.setBold(True)
        widest = max(metrics.horizontalAdvance("✗ −120.25"), QtGui.QFontMetrics(bold).horizontalAdvance("−120/120"),
                     metrics.horizontalAdvance("◔ " + self.tr("no answer")))
        header.resizeSection(1, widest + 24)
        self._rows: dict[str, QtWidgets.QTreeWidgetItem] = {}
        self._shown: dict[str, tuple] = {}
        self._build()
        self.expandAll()
        self.currentItemChanged.connect(self._on_current)
        self.refresh()

    def _build(self) -> None:
        def add(node, parent_row):
            row = QtWidgets.QTreeWidgetItem(parent_row if parent_row is not None else self)
            # a number path reads "2.1.4 签字"; an id that is a word ("veto") is for files, not people
            row.setText(0, f"{node.id} {node.title}" if node.id[:1].isdigit() else node.title)
            row.setData(0, ID_ROLE, node.id)
            tip = node.title
            if isinstance(node, Item):
                tip = f"{node.id} {node.title}\n{node.content}\n{node.standard}".strip()
            row.setToolTip(0, tip)
            if isinstance(node, Section):
                row.setFlags(row.flags() & ~Qt.ItemIsSelectable)
                font = row.font(0)
                font.setBold(True)
                row.setFont(0, font)
                row.setFont(1, font)
                for child in node.children:
                    add(child, row)
            self._rows[node.id] = row

        for node in self.session.rubric.children:
            add(node, None)

    # -- display ---------------------------------------------------------------------------------
    def _item_state(self, item_id: str) -> tuple[str, QtGui.QColor | None, str]:
        node = self.session.result.nodes[item_id]
        status = self.session.status(item_id)
        if status == "unanswered":
            return "○ " + self.tr("not yet"), _GREY, self.tr("Not yet looked at")
        if status == "looked":
            return "◔ " + self.tr("no answer"), _GREY, self.tr("Looked at, no answer yet")
        if status == "na":
            return "– " + self.tr("n/a"), _GREY, self.tr("Not applicable")
        if status == "out":  # a park of 附2: the table gives it no target here, so the item does not count
            return "– " + self.tr("not counted"), _GREY, str(node.explanation)
        if status == "bonus":
            return f"+ {fmt(node.score)}", _GREEN, self.tr("Bonus earned")
        if status == "veto":
            return "⚠ " + self.tr("veto"), _RED, str(node.explanation)
        if status == "deducted":
            return f"✗ −{fmt(node.deduction)}", _RED, str(node.explanation)
        if status == "unscored":
            return "⚠ " + self.tr("cannot score"), _RED, str(node.explanation)
        return "✓ 0", _GREEN, self.tr("No deduction")

    def _section_state(self, section: Section) -> tuple[str, QtGui.QColor | None, str]:
        node = self.session.result.nodes[section.id]
        if section.kind == "bonus":
            return (self.tr("+{0}/{1}").format(fmt(node.score), fmt(node.max)), _GREEN if node.score else None,
                    self.tr("Bonus {0} of at most {1}").format(fmt(node.score), fmt(node.max)))
        text = self.tr("−{0}/{1}").format(fmt(node.deduction), fmt(node.max))
        tip = self.tr("Deducted {0} of the pool of {1}; {2} left").format(
            fmt(node.deduction), fmt(node.max), fmt(node.max - node.deduction))
        return text, (_RED if node.deduction else None), tip

    def refresh(self, item_id: str | None = None) -> None:
        """Update the rows whose state changed: all of them, or one item's row and its sections'."""
        if item_id is None:
            nodes = list(self.session.rubric.walk())
        else:
            nodes = []
            node = self.session.item(item_id)
            while node is not None:
                nodes.append(node)
                node = node.parent
        for node in nodes:
            state = self._section_state(node) if isinstance(node, Section) else self._item_state(node.id)
            if self._shown.get(node.id) == state:
                continue
            self._shown[node.id] = state
            text, colour, tip = state
            row = self._rows[node.id]
            row.setText(1, text)
            row.setToolTip(1, tip)
            row.setForeground(1, QtGui.QBrush(colour) if colour is not None else QtGui.QBrush())

    def state_text(self, node_id: str) -> str:
        return self._rows[node_id].text(1)

    # -- moving ----------------------------------------------------------------------------------
    def select_item(self, item_id: str) -> None:
        row = self._rows[item_id]
        if self.currentItem() is not row:
            blocked = self.blockSignals(True)
            self.setCurrentItem(row)
            self.blockSignals(blocked)
        self.scrollToItem(row)

    def _on_current(self, current: QtWidgets.QTreeWidgetItem | None, _previous) -> None:
        if current is None:
            return
        node_id = current.data(0, ID_ROLE)
        if isinstance(self.session.rubric.node(node_id), Item):
            self.item_chosen.emit(node_id)

    def row(self, node_id: str) -> QtWidgets.QTreeWidgetItem:
        return self._rows[node_id]
