"""An inspection's history from the audit log: who changed what and when, signatures and amendments too.

Two tabs: every change in order (findings, marks, photos, status, signing, amending, each
voided signature with its reason), and the signatures of every revision, voided ones kept
and shown struck through with who voided them, when and why.
"""

from __future__ import annotations

from typing import Any

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import QtGui, QtWidgets
from fieldcheck.store.clock import shown_time
from fieldcheck.store.signatures import ROLE_NAMES


def _short(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_short(v)}" for k, v in value.items() if v not in (None, "", []))
    if isinstance(value, list):
        return "、".join(_short(v) for v in value)
    return str(value)

#: stored fields a person does not read in a history: pen strokes, image bytes and hashes, order
HIDDEN = {"strokes", "image", "image_sha256", "position", "content"}


class HistoryDialog(QtWidgets.QDialog):
    def __init__(self, store, inspection_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        inspection = store.inspections.get(inspection_id)
        self.rubric = (inspection.rubric_id, inspection.rubric_title)
        self.setWindowTitle(self.tr("History · {0}").format(inspection.assessee_name))
        self.resize(900, 560)
        layout = QtWidgets.QVBoxLayout(self)
        revision = store.signatures.revision(inspection_id)
        layout.addWidget(QtWidgets.QLabel(self.tr("Revision {0} · status: {1}").format(
            revision, self._status(inspection.status)), self))
        self.tabs = QtWidgets.QTabWidget(self)
        self.changes = self._table([self.tr("When (UTC)"), self.tr("Who"), self.tr("Device"), self.tr("What"),
                                    self.tr("Details")])
        for entry in store.audit.entries(inspection_id):
            if entry.entity == "revision":  # the revision records that travel in bundles: "sign" and "amend" say it
                continue
            self._add(self.changes, [shown_time(entry.at, 19), entry.who, entry.device,
                                     self.describe(entry), self.details(entry)],
                      bold=entry.action in ("sign", "amend"))
        self.signatures = self._table([self.tr("Revision"), self.tr("Role"), self.tr("Name"), self.tr("Signed at"),
                                       self.tr("State")])
        for signature in store.signatures.of(inspection_id):
            zh, en = ROLE_NAMES.get(signature.role, (signature.role, signature.role))
            state = self.tr("valid") if not signature.voided else self.tr("voided {0} by {1}: {2}").format(
                signature.voided_at.replace("T", " ")[:16], signature.voided_by, signature.void_reason)
            self._add(self.signatures, [str(signature.revision), zh, signature.name,
                                        shown_time(signature.signed_at), state], struck=signature.voided)
        if self.changes.rowCount():  # the latest change is what one opens a history for: signing, amending
            self.changes.setCurrentCell(self.changes.rowCount() - 1, 0)
        self.tabs.addTab(self.changes, self.tr("C&hanges"))
        self.tabs.addTab(self.signatures, self.tr("&Signatures"))
        layout.addWidget(self.tabs, 1)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.changes.currentItem() is not None:  # laid out only now: scrolling earlier would not reach it
            self.changes.scrollToItem(self.changes.currentItem())

    def _status(self, status: str) -> str:
        return {"draft": self.tr("draft"), "signed": self.tr("signed"), "exported": self.tr("exported")}.get(status, status)

    def _mark(self, mark: Any) -> Any:
        return {"checked": self.tr("looked at"), "na": self.tr("not applicable")}.get(mark, mark)

    def _table(self, headers: list[str]) -> QtWidgets.QTableWidget:
        table = QtWidgets.QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(True)
        table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells): no keyboard trap
        return table

    def _add(self, table, cells: list[str], *, bold: bool = False, struck: bool = False) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate(cells):
            item = QtWidgets.QTableWidgetItem(text)
            if bold or struck:
                font = QtGui.QFont(item.font())
                font.setBold(bold)
                font.setStrikeOut(struck)
                item.setFont(font)
            item.setToolTip(text)
            table.setItem(row, column, item)
        table.resizeColumnsToContents()

    def describe(self, entry) -> str:
        """The change in a few words."""
        entity = {"inspection": self.tr("inspection"), "finding": self.tr("finding"), "mark": self.tr("item mark"),
                  "photo": self.tr("photo"), "signature": self.tr("signature"),
                  "reconciliation": self.tr("link to the two inspections it reconciles")}.get(entry.entity, entry.entity)
        if entry.action == "sign":
            return self.tr("Signed revision {0}").format((entry.new or {}).get("revision", "?"))
        if entry.action == "amend":
            return self.tr("Amended: revision {0} → {1}").format((entry.old or {}).get("revision", "?"),
                                                                (entry.new or {}).get("revision", "?"))
        if entry.action == "void":
            return self.tr("Signature voided")
        verbs = {"create": self.tr("Added {0}"), "update": self.tr("Changed {0}"), "delete": self.tr("Deleted {0}"),
                 "restore": self.tr("Restored {0}")}
        return verbs.get(entry.action, "{0}").format(entity)

    def details(self, entry) -> str:
        if entry.action == "sign":
            signers = (entry.new or {}).get("signers", [])
            return "、".join(f"{ROLE_NAMES.get(r, (r,))[0]} {n}" for r, n in signers)
        if entry.action == "amend":
            return self.tr("Reason: {0}").format((entry.new or {}).get("reason", ""))
        if entry.action == "void":
            reason = entry.new.get("reason") if isinstance(entry.new, dict) else entry.new
            return self.tr("Reason: {0}").format(_short(reason))
        if entry.action == "update":
            label = self._labels().get(entry.field, entry.field)
            if entry.field == "status":
                return f"{label}: {self._status(str(entry.old))} → {self._status(str(entry.new))}"
            if entry.entity == "mark":  # the log keeps "checked"/"na": English in the Chinese window
                return f"{label}: {_short(self._mark(entry.old))} → {_short(self._mark(entry.new))}"
            return f"{label}: {_short(self._readable(entry.old))} → {_short(self._readable(entry.new))}"
        return _short(self._readable(entry.new))

    def _labels(self) -> dict[str, str]:
        """What the stored fields are called in the window's language (the log keeps them in English)."""
        return {"item_id": self.tr("item"), "value": self.tr("value"), "note": self.tr("note"),
                "entered_by": self.tr("entered by"), "household": self.tr("household"), "rubric_id": self.tr("rubric"),
                "rubric_version": self.tr("rubric version"), "revision": self.tr("revision"), "role": self.tr("role"),
                "name": self.tr("name"), "signed_at": self.tr("signed at"), "status": self.tr("status"),
                "inspectors": self.tr("inspectors"), "date": self.tr("date"), "assessee_name": self.tr("assessee"),
                "assessee_id": self.tr("place"), "assessee_group": self.tr("group"), "mark": self.tr("mark"),
                "sha256": self.tr("photo"), "taken_at": self.tr("taken at"), "lat": self.tr("latitude"),
                "lon": self.tr("longitude"), "finding_id": self.tr("finding"), "reason": self.tr("reason")}

    def _readable(self, value: Any) -> Any:
        """A stored value as a person reads it: fields named, yes and no, a signer's role, noise left out."""
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        value = self._named(value)
        if not isinstance(value, dict):
            return value
        labels = self._labels()
        shown = {}
        for key, item in value.items():
            if key in HIDDEN:
                continue
            if key == "role":
                item = ROLE_NAMES.get(item, (item,))[0]
            shown[labels.get(key, key)] = self._readable(item) if isinstance(item, bool) else item
        return shown

    def _named(self, value: Any) -> Any:
        """Ids shown as what a person recognises: a household as its head's name, a place as its path, a
        rubric as its title (the create line read 地区: 5856b762-… and 细则: village-work-team)."""
        if not isinstance(value, dict):
            return value
        if value.get("household_id"):
            try:
                head = self.store.households.get(value["household_id"]).head_name
            except UserError:
                return value
            value = {k: v for k, v in value.items() if k != "household_id"}
            value["household"] = head
        if value.get("assessee_id"):
            try:
                value = {**value, "assessee_id": self.store.places.path(value["assessee_id"])}
            except UserError:
                pass  # a place this laptop does not hold: its id is all there is to show
        if value.get("rubric_id") == self.rubric[0]:
            value = {**value, "rubric_id": self.rubric[1]}
        if isinstance(value.get("rubric_version"), str):  # as the sheet prints it: 细则版本 f5d9f8242839
            value = {**value, "rubric_version": value["rubric_version"][:12]}
        return value
