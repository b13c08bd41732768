"""First start: offer a demo county (so a new user sees a real inspection at once) or an empty start."""

from __future__ import annotations

from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.store import holds_id_number

DONE_KEY = "first_start/done"


def is_first_start(store, settings: QtCore.QSettings) -> bool:
    """True when the offer was never answered and the store holds nothing yet."""
    if settings.value(DONE_KEY, False, type=bool):
        return False
    return not store.inspections.ids() and not store.places.all()


class FirstStartDialog(QtWidgets.QDialog):
    """``choice`` is "demo" or "empty" once a button was pressed (closing it means empty); ``name`` is the
    inspector's name typed, or "" (without one, each change and each sheet's 录入 would name the OS login)."""

    def __init__(self, rubric_titles: list[str], parent=None):
        super().__init__(parent)
        self.choice, self.name = "empty", ""
        from fieldcheck.gui.forms.ui_first_start import Ui_FirstStartDialog  # lazy: asked once per laptop

        self.ui = Ui_FirstStartDialog()
        self.ui.setupUi(self)
        font = self.ui.headingLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.ui.headingLabel.setFont(font)
        # Big buttons: some inspectors use a touch screen.
        for button in (self.ui.demoButton, self.ui.emptyButton):
            button.setMinimumHeight(self.fontMetrics().height() * 3)
        lines = "".join(f"<li>{title}</li>" for title in rubric_titles)
        self.ui.rubricsLabel.setText(self.tr("Rubrics installed:") + f"<ul>{lines}</ul>")
        self.ui.errorLabel.hide()
        self.ui.demoButton.clicked.connect(lambda: self._choose("demo"))
        self.ui.emptyButton.clicked.connect(lambda: self._choose("empty"))

    def _choose(self, choice: str) -> None:
        name = " ".join(self.ui.nameEdit.text().split())
        if holds_id_number(name):  # the name goes into every change's audit row, and so into bundles
            self.ui.nameEdit.setFocus()
            self.ui.nameEdit.selectAll()
            self.ui.errorLabel.setText(self.tr("Your name holds a whole ID number: remove the number and type "
                                               "only the name."))
            self.ui.errorLabel.show()
            return
        self.choice, self.name = choice, name
        self.accept()


def populate_demo(store) -> None:
    """Fill the store with the demo county (the same as ``fieldcheck demo``)."""
    from fieldcheck.ops.demo import populate  # lazy: the demo (Pillow, signing) is made once, on a first start

    populate(store)
