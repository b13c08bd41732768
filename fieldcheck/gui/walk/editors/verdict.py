"""Yes-or-no forms: met / not met (达标与否), bonus earned (加分), veto applies (一票否决)."""

from __future__ import annotations

from fieldcheck.gui.qt import QtWidgets
from fieldcheck.gui.walk.editors.base import Editor, touch


class VerdictEditor(Editor):
    def __init__(self, session, item, parent: QtWidgets.QWidget | None = None):
        super().__init__(session, item, parent)
        kind = item.rule.kind
        if kind == "bonus":
            yes, no = self.tr("Bonus earned"), self.tr("No bonus")
        elif kind == "veto":
            yes, no = self.tr("Applies (out of ranking)"), self.tr("Does not apply")
        else:
            yes, no = self.tr("Met"), self.tr("Not met")
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.yes_button = touch(QtWidgets.QPushButton(("⚠ " if kind == "veto" else "✓ ") + yes))
        self.no_button = touch(QtWidgets.QPushButton(("✓ " if kind == "veto" else "✗ ") + no))
        self.yes_button.setObjectName("verdictYes")
        self.no_button.setObjectName("verdictNo")
        self.group = QtWidgets.QButtonGroup(self)
        for button, value in ((self.yes_button, True), (self.no_button, False)):
            button.setCheckable(True)
            self.group.addButton(button)
            button.clicked.connect(lambda _=False, v=value: self.session.set_value(self.item.id, v))
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        self.reload()

    def value(self) -> bool | None:
        """The engine's answer for the item (which finding counts is its to say); None if unanswered or n/a."""
        answer = self.answer()
        return answer if isinstance(answer, bool) else None

    def reload(self) -> None:
        value = self.value()
        self.group.setExclusive(False)
        self.yes_button.setChecked(value is True)
        self.no_button.setChecked(value is False)
        self.group.setExclusive(True)
