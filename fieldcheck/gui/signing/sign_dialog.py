"""The sign dialog: each signer writes on a pad; signing locks the inspection.

An unfinished inspection cannot be signed: the dialog lists its unanswered items instead,
and choosing one asks the window to go to it (``go_to_item``). Signers are the team
leader, the team members (one or more) and the inspected unit's representative, whose
rows start filled with the inspection's inspectors. A row left without a name is skipped;
a named row must be signed on its pad.
"""

from __future__ import annotations

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import QtCore, QtWidgets, Signal
from fieldcheck.gui.signing.signature_pad import SignaturePad
from fieldcheck.gui.widgets.tab_order import screen_sorted, tab_stops
from fieldcheck.ops import signing
from fieldcheck.signing.strokes import render_png
from fieldcheck.store.signatures import Revision, SignerInput


class SignerRow(QtWidgets.QGroupBox):
    """One signer: the role, the name, the pad and a button to clear it."""

    remove_requested = Signal()

    def __init__(self, role: str, title: str, name: str = "", removable: bool = False, parent=None):
        super().__init__(title, parent)
        self.role = role
        layout = QtWidgets.QGridLayout(self)
        self.name_edit = QtWidgets.QLineEdit(name, self)
        self.name_edit.setPlaceholderText(self.tr("Name"))
        self.pad = SignaturePad(self)
        self.clear_button = QtWidgets.QPushButton(self.tr("C&lear"), self)
        self.clear_button.clicked.connect(self.pad.clear)
        label = QtWidgets.QLabel(self.tr("&Name:"), self)  # Alt+N goes from one signer's name to the next
        label.setBuddy(self.name_edit)
        layout.addWidget(label, 0, 0)
        layout.addWidget(self.name_edit, 0, 1)
        layout.addWidget(self.clear_button, 0, 2)
        self.stops: list[QtWidgets.QWidget] = [self.name_edit, self.clear_button]  # Tab's stops, left to right
        if removable:
            remove = QtWidgets.QPushButton(self.tr("&Remove"), self)
            remove.clicked.connect(self.remove_requested.emit)
            layout.addWidget(remove, 0, 3)
            self.stops.append(remove)
        layout.addWidget(self.pad, 1, 0, 1, 4)

    def name(self) -> str:
        return self.name_edit.text().strip()


class SignDialog(QtWidgets.QDialog):
    """Sign ``inspection_id``; ``signed`` carries the new revision once it is stored."""

    go_to_item = Signal(str)
    signed = Signal(object)

    def __init__(self, store, inspection_id: str, parent=None, key_folder=None):
        super().__init__(parent)
        self.store = store
        self.inspection_id = inspection_id
        self.key_folder = key_folder
        self.revision: Revision | None = None
        inspection = store.inspections.get(inspection_id)
        self.setWindowTitle(self.tr("Sign the inspection"))
        self.resize(620, 640)
        layout = QtWidgets.QVBoxLayout(self)
        heading = QtWidgets.QLabel(self.tr("{0} · {1} · inspected on {2}").format(
            inspection.rubric_title, inspection.assessee_name, inspection.date), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.error_label = QtWidgets.QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        self.rows: list[SignerRow] = []
        self.missing = signing.unanswered(store, inspection_id)
        self.missing_list: QtWidgets.QListWidget | None = None
        self.buttons = QtWidgets.QDialogButtonBox(self)
        self.sign_button = self.buttons.addButton(self.tr("&Sign and lock"),
                                                  QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.sign_button.clicked.connect(self.sign)
        if inspection.status != "draft":
            layout.addWidget(QtWidgets.QLabel(self.tr("This inspection is already signed. To change it, amend it."),
                                              self))
            self.sign_button.setEnabled(False)
        elif self.missing:
            self._build_missing(layout)
        else:
            self._build_signers(layout, inspection.inspectors)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def showEvent(self, event) -> None:
        # The buttons were made before the signers, so Qt's chain began at "Sign and lock" and went
        # through the buttons before the first name: start at the top and Tab down the screen.
        super().showEvent(event)
        self._order_tabs()
        first = self.rows[0].name_edit if self.rows else self.missing_list
        if first is not None:
            first.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _order_tabs(self) -> None:
        """Each signer's name, Clear (and Remove) from the top, then the buttons as they are shown."""
        stops = [w for row in self.rows for w in row.stops]
        if self.missing_list is not None:
            stops.append(self.missing_list)
        stops += screen_sorted(tab_stops(self.buttons))
        for before, after in zip(stops, stops[1:], strict=False):
            QtWidgets.QWidget.setTabOrder(before, after)

    # -- an unfinished inspection ------------------------------------------------------------------

    def _build_missing(self, layout) -> None:
        self.sign_button.setEnabled(False)
        note = QtWidgets.QLabel(self.tr("{0} items are not answered yet. An unfinished inspection cannot be signed: "
                                        "answer them first (double-click one to go to it).").format(len(self.missing)),
                                self)
        note.setWordWrap(True)
        layout.addWidget(note)
        listing = self.missing_list = QtWidgets.QListWidget(self)
        for item_id, title in self.missing:
            entry = QtWidgets.QListWidgetItem(f"{item_id}  {title}")
            entry.setData(QtCore.Qt.ItemDataRole.UserRole, item_id)
            listing.addItem(entry)
        listing.setCurrentRow(0)
        listing.itemActivated.connect(lambda entry: self.jump(entry.data(QtCore.Qt.ItemDataRole.UserRole)))
        layout.addWidget(listing, 1)
        go = self.buttons.addButton(self.tr("&Go to item"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        go.clicked.connect(lambda: self.jump(listing.currentItem().data(QtCore.Qt.ItemDataRole.UserRole))
                           if listing.currentItem() else None)

    def jump(self, item_id: str) -> None:
        self.go_to_item.emit(item_id)
        self.reject()

    # -- the signers -------------------------------------------------------------------------------

    def _build_signers(self, layout, inspectors: list[str]) -> None:
        scroll = QtWidgets.QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # not a stop of its own: it follows the focus
        inner = QtWidgets.QWidget(scroll)
        self.rows_layout = QtWidgets.QVBoxLayout(inner)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        self._add_row("leader", inspectors[0] if inspectors else "")
        for name in inspectors[1:] or [""]:
            self._add_row("member", name)
        self._add_row("representative", "")
        self.rows_layout.addStretch(1)
        add = self.buttons.addButton(self.tr("Add a &member"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        add.clicked.connect(self._add_member)

    def _title(self, role: str) -> str:
        return {"leader": self.tr("Team leader (检查组组长)"), "member": self.tr("Team member (检查组成员)"),
                "representative": self.tr("Representative of the inspected unit (被检查单位负责人)")}[role]

    def _add_row(self, role: str, name: str) -> SignerRow:
        """A signer row in its place: the leader first, then the members, the representative last."""
        removable = role == "member" and any(r.role == "member" for r in self.rows)
        row = SignerRow(role, self._title(role), name, removable=removable, parent=self)
        row.remove_requested.connect(lambda: self._remove_row(row))
        order = {"leader": 0, "member": 1, "representative": 2}
        index = sum(1 for r in self.rows if order[r.role] <= order[role])
        self.rows.insert(index, row)
        self.rows_layout.insertWidget(index, row)
        return row

    def _add_member(self) -> None:
        row = self._add_row("member", "")
        row.show()  # a layout shows a new child only later; the focus cannot go to a hidden field
        self._order_tabs()
        row.name_edit.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)  # the new member's name is typed next

    def _remove_row(self, row: SignerRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def signers(self) -> list[SignerInput]:
        """The signers as entered; ValueError (a sentence to show) for a named row not signed."""
        out = []
        for row in self.rows:
            if not row.name() and row.pad.is_empty():
                continue
            if not row.name():
                raise ValueError(self.tr("Write the name of the {0}.").format(row.title()))
            if row.pad.is_empty():
                raise ValueError(self.tr("{0} has not signed on the pad yet.").format(row.name()))
            strokes = row.pad.strokes()
            out.append(SignerInput(row.name(), row.role, strokes, render_png(strokes)))
        return out

    def sign(self) -> None:
        try:
            signers = self.signers()
            key = signing.device_key(self.store, self.key_folder)
            self.revision = signing.sign_inspection(self.store, self.inspection_id, signers, key)
        except (ValueError, UserError) as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.signed.emit(self.revision)
        self.accept()
