"""Add or change one household: head's name, members, 帮扶责任人, status, ID number (kept masked).

The dialog saves through the walk session when OK is pressed; a refusal (an empty name, a
mistyped ID number) is shown in the dialog in one sentence and nothing is saved.
"""

from __future__ import annotations

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.widgets.numbers import WholeNumberBox
from fieldcheck.store.database import HOUSEHOLD_STATUSES
from fieldcheck.store.places import MAX_HOUSEHOLD_MEMBERS


class HouseholdDialog(QtWidgets.QDialog):
    """``household_id`` None adds a household to the session's village; otherwise edits that one."""

    def __init__(self, session, household_id: str | None = None, parent: QtWidgets.QWidget | None = None,
                 name: str = ""):
        super().__init__(parent)
        self.session = session
        self.household_id = household_id
        self.setObjectName("householdDialog")
        self.setWindowTitle(self.tr("New household") if household_id is None else self.tr("Edit household"))
        layout = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        self.name_edit = QtWidgets.QLineEdit(name)
        self.name_edit.setObjectName("householdName")
        self.members_edit = WholeNumberBox()
        self.members_edit.setObjectName("householdMembers")
        # wider than a household may be: 0 or 100 stay in the box as typed and the store says why they
        # are refused, where a box of 1..99 kept 1 for 0 and 10 for 100 without a word
        self.members_edit.setRange(0, 10 * MAX_HOUSEHOLD_MEMBERS + 9)
        self.members_edit.setValue(1)
        self.helper_edit = QtWidgets.QLineEdit()
        self.helper_edit.setObjectName("householdHelper")
        self.status_edit = QtWidgets.QComboBox()
        self.status_edit.setObjectName("householdStatus")
        self.status_edit.setEditable(True)  # another status may be typed
        self.status_edit.addItems(list(HOUSEHOLD_STATUSES))
        self.id_edit = QtWidgets.QLineEdit()
        self.id_edit.setObjectName("householdIdNumber")
        self.id_edit.setPlaceholderText(self.tr("18 digits; only a masked form is kept"))
        form.addRow(self.tr("&Head of household"), self.name_edit)
        form.addRow(self.tr("&Members"), self.members_edit)
        form.addRow(self.tr("Hel&per (帮扶责任人)"), self.helper_edit)
        form.addRow(self.tr("&Status"), self.status_edit)
        form.addRow(self.tr("&ID number"), self.id_edit)
        layout.addLayout(form)
        self.error_label = QtWidgets.QLabel()
        self.error_label.setObjectName("householdError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: rgb(190,20,20);")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.Ok | QtWidgets.QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if household_id is not None:
            h = session.store.households.get(household_id)
            self.name_edit.setText(h.head_name)
            self.members_edit.setValue(h.members)
            self.helper_edit.setText(h.helper)
            self.status_edit.setCurrentText(h.status)
            self.id_edit.setText(h.id_masked or "")
        self._masked = self.id_edit.text()
        self.setMinimumWidth(420)
        self.name_edit.setFocus(Qt.OtherFocusReason)

    def columns(self) -> list[QtWidgets.QWidget]:
        return [self]

    def accept(self) -> None:
        # an emptied box keeps its last value underneath: refuse what is shown, not that value
        members = self.members_edit.value() if self.members_edit.hasAcceptableInput() else self.members_edit.text()
        fields = {"head_name": self.name_edit.text(), "members": members,
                  "helper": self.helper_edit.text(), "status": self.status_edit.currentText()}
        if self.household_id is None or self.id_edit.text() != self._masked:
            fields["id_number"] = self.id_edit.text() or None
        try:
            if self.household_id is None:
                self.household_id = self.session.add_household(**fields)
            else:
                self.session.update_household(self.household_id, **fields)
        except UserError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        super().accept()
