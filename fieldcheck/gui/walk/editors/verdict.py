"""Yes-or-no forms: met / not met (达标与否), bonus earned (加分), veto applies (一票否决)."""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtWidgets
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
        # Not an exclusive QButtonGroup: Tab skips the unchecked buttons of one, so "✗ 未达标" could
        # not be reached by Tab; reload() shows the stored answer on both buttons instead
        for button, value in ((self.yes_button, True), (self.no_button, False)):
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self._choose(v))
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        self.reload()

    def value(self) -> bool | None:
        """The engine's answer for the item (which finding counts is its to say); None if unanswered or n/a."""
        answer = self.answer()
        return answer if isinstance(answer, bool) else None

    def _choose(self, value: bool) -> None:
        self.session.set_value(self.item.id, value)
        self.reload()  # pressing the answer already given leaves it checked

    def add_finding(self) -> None:
        """Ctrl+Return: a yes-or-no item has no list of findings; say so, and where the answer goes."""
        self.error_label.setText(self.tr("This item is answered yes or no, not with a list of findings: "
                                         "press one of the buttons."))
        self.error_label.show()
        self.yes_button.setFocus(Qt.ShortcutFocusReason)

    def reload(self) -> None:
        value = self.value()
        self.yes_button.setChecked(value is True)
        self.no_button.setChecked(value is False)
