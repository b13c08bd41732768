"""The parts under the comparison table: one side's findings with photo thumbnails, and the decision on an item.

Both show the table's current item. A decision is the side taken (A, B, or an answer the
leader enters) and the reason, which ``ops.reconcile`` requires for every differing item.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from fieldcheck.ops.compare import ItemComparison, Side, answer_text


@dataclass
class Decision:
    """What the leader chose on one item, as the window holds it until it is recorded."""

    side: str = ""  # "a", "b", "entered" or "" (not decided)
    reason: str = ""
    entered: str = ""  # the typed answer, parsed when recorded


class FindingsList(QtWidgets.QListWidget):
    """One side's findings on the current item: value, note, and the first photo as an icon."""

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setIconSize(QtCore.QSize(64, 64))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.thumbnails: dict[str, bytes] = {}
        self._icons: dict[str, QtGui.QIcon] = {}

    def show_side(self, item: ItemComparison | None, side: Side | None, households: dict[str, str]) -> None:
        self.clear()
        if item is None or side is None:
            return
        if not side.findings:
            self.addItem(self.tr("No findings"))
        for f in side.findings:
            # in words, as the answer columns read (达标, 3 处), not the stored value (True, 3)
            parts = [] if f.value is None else [answer_text(item.item, f.value).render()]
            if f.household_id:
                parts.append(households.get(f.household_id, f.household_id[:8]))
            if f.note:
                parts.append(f.note)
            if f.photos:
                parts.append(self.tr("photos: %1").replace("%1", str(len(f.photos))))
            row = QtWidgets.QListWidgetItem(" · ".join(parts) or self.tr("(one case)"))
            if f.photos:
                row.setIcon(self._icon(f.photos[0].sha256))
            self.addItem(row)

    def _icon(self, sha256: str) -> QtGui.QIcon:
        icon = self._icons.get(sha256)
        if icon is None:
            pixmap = QtGui.QPixmap()
            pixmap.loadFromData(self.thumbnails.get(sha256, b""))
            icon = self._icons[sha256] = QtGui.QIcon(pixmap)
        return icon


class DecisionBox(QtWidgets.QGroupBox):
    """Take A, take B or enter an answer, with the reason, for the current differing item."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(self.tr("Decision on this item"), parent)
        self.setObjectName("decisionBox")
        self.take_a = QtWidgets.QRadioButton(self.tr("Take &A"))
        self.take_a.setObjectName("takeA")
        self.take_b = QtWidgets.QRadioButton(self.tr("Take &B"))
        self.take_b.setObjectName("takeB")
        self.enter = QtWidgets.QRadioButton(self.tr("E&nter:"))
        self.enter.setObjectName("enterAnswer")
        self.answer = QtWidgets.QLineEdit()
        self.answer.setObjectName("enteredAnswer")
        self.answer.setPlaceholderText(self.tr("e.g. 3, met, a rating"))  # short: the field is narrow at 1366×768
        self.answer.setToolTip(self.tr("the answer: a count, met or not met, a rating, the ways used …"))
        self.reason = QtWidgets.QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("why this side (required)"))
        reason_label = QtWidgets.QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        self.group = QtWidgets.QButtonGroup(self)
        for button in (self.take_a, self.take_b, self.enter):
            self.group.addButton(button)
        grid = QtWidgets.QGridLayout(self)
        grid.addWidget(self.take_a, 0, 0)
        grid.addWidget(self.take_b, 0, 1)
        grid.addWidget(self.enter, 1, 0)
        grid.addWidget(self.answer, 1, 1)
        grid.addWidget(reason_label, 2, 0)
        grid.addWidget(self.reason, 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)  # the choices stay together at the top
        self.decision: Decision | None = None
        self.group.buttonToggled.connect(self._edited)
        self.answer.textEdited.connect(self._edited)
        self.reason.textEdited.connect(self._edited)
        self._loading = False
        self.show_item(None, None)

    def show_item(self, item: ItemComparison | None, decision: Decision | None) -> None:
        """Show (and from now on edit) ``decision``; a row that does not differ needs none."""
        self._loading = True
        self.decision = decision
        self.setEnabled(decision is not None)
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        side = decision.side if decision else ""
        button = {"a": self.take_a, "b": self.take_b, "entered": self.enter}.get(side)
        if button is not None:
            button.setChecked(True)
        self.answer.setText(decision.entered if decision else "")
        self.reason.setText(decision.reason if decision else "")
        self.answer.setEnabled(side == "entered")
        self.setTitle(self.tr("Decision on %1").replace("%1", f"{item.id} {item.title}") if item is not None
                      else self.tr("Decision on this item"))
        self._loading = False

    def _edited(self, *_args) -> None:
        if self._loading or self.decision is None:
            return
        checked = self.group.checkedButton()
        self.decision.side = {self.take_a: "a", self.take_b: "b", self.enter: "entered"}.get(checked, "") \
            if checked is not None else ""
        self.decision.entered = self.answer.text()
        self.decision.reason = self.reason.text()
        self.answer.setEnabled(self.decision.side == "entered")
        self.changed.emit()


ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
