"""Team ▸ Devices…: the laptops this database knows, who uses them, and their standing in the team.

The leader makes the team here (once), enrols a device after comparing its key fingerprint
with the one its laptop shows, revokes one, and exports the team certificate (``TEAM.pem``)
for whoever verifies sheets. The work is in ``ops.team`` (a key pair and a certificate or
two: milliseconds, so on this thread); cryptography loads only when a button is used.
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck.errors import UserError
from fieldcheck.file_errors import cannot_write
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.gui.window.settings_dialog import inspector_name
from fieldcheck.signing.fingerprints import grouped

COLUMNS = 6


def _when(stamp: str | None) -> str:
    """An ISO time as a person reads it: date and minutes (UTC, as stored)."""
    return (stamp or "").replace("T", " ")[:16]


class DevicesView(QtWidgets.QDialog):
    """The devices table with the team's actions beside it."""

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None, *,
                 key_folder: Path | None = None):
        super().__init__(parent)
        self.store, self.settings, self.key_folder = store, settings, key_folder
        self.devices: list = []
        self.setObjectName("devicesView")
        self.setWindowTitle(self.tr("Devices and team"))
        self.resize(1000, 520)
        layout = QtWidgets.QVBoxLayout(self)
        self.team_label = QtWidgets.QLabel()
        self.team_label.setObjectName("teamLabel")
        self.team_label.setWordWrap(True)
        self.team_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.team_label)

        self.table = QtWidgets.QTableWidget(0, COLUMNS)
        self.table.setObjectName("devicesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Inspector"), self.tr("Key fingerprint"),
                                              self.tr("First seen"), self.tr("Last seen"), self.tr("Standing")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons: no trap
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        self.message = QtWidgets.QLabel()
        self.message.setObjectName("devicesMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        row = QtWidgets.QHBoxLayout()
        self.create_button = QtWidgets.QPushButton(self.tr("&Create team…"))
        self.create_button.setObjectName("createTeamButton")
        self.enrol_button = QtWidgets.QPushButton(self.tr("&Enrol…"))
        self.enrol_button.setObjectName("enrolButton")
        self.revoke_button = QtWidgets.QPushButton(self.tr("&Revoke…"))
        self.revoke_button.setObjectName("revokeButton")
        self.export_button = QtWidgets.QPushButton(self.tr("E&xport team certificate…"))
        self.export_button.setObjectName("exportTeamButton")
        close = QtWidgets.QPushButton(self.tr("Close"))
        self.create_button.clicked.connect(self.create_team)
        self.enrol_button.clicked.connect(self.enrol)
        self.revoke_button.clicked.connect(self.revoke)
        self.export_button.clicked.connect(self.export_certificate)
        close.clicked.connect(self.reject)
        for button in (self.create_button, self.enrol_button, self.revoke_button, self.export_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self._know_self()
        self.refresh()

    def _know_self(self) -> None:
        """This laptop in the list too, so that the leader can enrol their own."""
        from fieldcheck.ops import team  # lazy: cryptography, only once the view opens
        from fieldcheck.ops.signing import device_key  # lazy: cryptography

        try:
            team.know_self(self.store, device_key(self.store, self.key_folder),
                           inspector_name(self.settings) if self.settings is not None else None)
        except UserError as exc:
            self.message.setText(str(exc))

    # -- showing -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the team and the devices again (after an action, or a bundle imported meanwhile)."""
        selected = self.selected()
        team = self.store.team.team()
        if team is None:
            self.team_label.setText(self.tr("This database has no team yet. The team leader creates it once, "
                                            "then enrols the laptops whose bundles were imported here."))
        else:
            self.team_label.setText(self.tr("Team “%1”, certificate fingerprint %2")
                                    .replace("%1", team.name).replace("%2", grouped(team.fingerprint[:32])))
        self.devices = self.store.team.devices()
        self.table.setRowCount(len(self.devices))
        if len(self.devices) < 2 and not self.message.text():
            self.message.setText(self.tr("Only this laptop is known so far. Import the inspectors' bundles "
                                         "(File ▸ Exchange bundles…); their laptops then appear here."))
        for r, d in enumerate(self.devices):
            name = d.name + (self.tr(" (this laptop)") if d.name == self.store.device else "")
            values = (name, d.inspector or "", grouped(d.fingerprint[:32]), _when(d.first_seen), _when(d.last_seen),
                      self._standing(d))
            for c, value in enumerate(values):
                item = QtWidgets.QTableWidgetItem(value)
                if c == 2:
                    item.setToolTip(grouped(d.fingerprint))
                    item.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont))
                if c == 5 and d.state == "revoked":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        if selected is not None:
            for r, d in enumerate(self.devices):
                if d.name == selected.name:
                    self.table.selectRow(r)
        self._update_buttons()

    def _standing(self, d) -> str:
        if d.state == "enrolled":
            return self.tr("Enrolled")
        if d.state == "revoked":
            return self.tr("Revoked %1").replace("%1", _when(d.enrolment.revoked_at if d.enrolment else ""))
        return self.tr("Not enrolled")

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.devices[rows[0].row()] if rows and rows[0].row() < len(self.devices) else None

    def _update_buttons(self) -> None:
        has_team = self.store.team.team() is not None
        device = self.selected()
        self.create_button.setEnabled(not has_team)
        self.export_button.setEnabled(has_team)
        self.enrol_button.setEnabled(has_team and device is not None and device.state == "unknown")
        self.revoke_button.setEnabled(has_team and device is not None and device.state == "enrolled")

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    # -- actions -------------------------------------------------------------------------------------

    def create_team(self) -> None:
        from fieldcheck.ops import team  # lazy: cryptography, only when the leader makes the team

        name, ok = QtWidgets.QInputDialog.getText(self, self.tr("Create team"), self.tr(
            "The team's name, as sheets will show it (for example 衡阳县第一检查组):"))
        if not ok or not name.strip():
            return
        try:
            made = team.init_team(self.store, name, self.key_folder)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self._done(self.tr("Team “%1” created. Export its certificate for whoever verifies sheets; enrol the "
                           "laptops next.").replace("%1", made.name))

    def enrol(self) -> None:
        from fieldcheck.ops import team  # lazy: cryptography
        from fieldcheck.ops.signing import device_key  # lazy: cryptography

        device = self.selected()
        if device is None:
            return
        who = device.name + (f" ({device.inspector})" if device.inspector else "")
        if not self._confirm(self.tr("Enrol device"), self.tr(
                "Enrol %1 in the team?\n\nKey fingerprint:\n%2\n\nCompare it with the fingerprint that laptop shows "
                "in File ▸ Exchange bundles. Its certificate goes out with your next bundle.")
                .replace("%1", who).replace("%2", _two_lines(device.fingerprint))):
            return
        try:
            own = device_key(self.store, self.key_folder) if device.name == self.store.device else None
            done = team.enrol(self.store, device.name, self.key_folder, own)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self._done(self.tr("%1 is enrolled; export a bundle to send it its certificate.").replace("%1", done.member))

    def revoke(self) -> None:
        from fieldcheck.ops import team  # lazy: cryptography

        device = self.selected()
        if device is None:
            return
        if not self._confirm(self.tr("Revoke device"), self.tr(
                "Revoke %1? Its sheets will show as revoked from now on, on every laptop that receives your next "
                "bundle.\n\nKey fingerprint:\n%2").replace("%1", device.name)
                .replace("%2", _two_lines(device.fingerprint))):
            return
        reason, ok = QtWidgets.QInputDialog.getText(self, self.tr("Revoke device"), self.tr("Reason (optional):"))
        if not ok:
            return
        try:
            done = team.revoke(self.store, device.name, reason, self.key_folder)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self._done(self.tr("%1 is revoked.").replace("%1", done.member))

    def export_certificate(self) -> None:
        from fieldcheck.ops import team  # lazy: cryptography

        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Export team certificate"), "TEAM.pem",
                                                        self.tr("Team certificate (*.pem)"))
        if not path:
            return
        try:
            Path(path).write_bytes(team.team_pem(self.store, self.key_folder))
        except UserError as exc:
            self.message.setText(str(exc))
            return
        except OSError as exc:
            self.message.setText(cannot_write(path, exc))
            return
        self.message.setText(self.tr("The team certificate is in %1.").replace("%1", path))

    def _confirm(self, title: str, text: str) -> bool:
        answer = QtWidgets.QMessageBox.question(self, title, text)
        return answer == QtWidgets.QMessageBox.StandardButton.Yes


def _two_lines(fingerprint: str) -> str:
    return grouped(fingerprint[:32]) + "\n" + grouped(fingerprint[32:])
