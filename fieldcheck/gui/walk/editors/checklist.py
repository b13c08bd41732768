"""Checklists: missing elements (缺项扣分) and the team leader's duties (十个一, 职责清单).

Each element is a checkable row; a tick means "missing" / "not done" and is stored as one
finding whose value is the element's name, so photos can show what is missing. The selected
row's finding takes the photos.
"""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.walk.editors.base import NAME_ROLE, Editor, checkable_list


class ChecklistEditor(Editor):
    def __init__(self, session, item, parent: QtWidgets.QWidget | None = None):
        super().__init__(session, item, parent)
        self.duties = item.rule.kind == "duty_checklist"
        self.names = item.rule.duties if self.duties else item.rule.elements
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QtWidgets.QLabel(self.tr("Tick each duty that is not done:") if self.duties
                                else self.tr("Tick each element that is missing:"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        note = item.rule.spec.get("duties_note" if self.duties else "elements_note")
        if note:
            note_label = QtWidgets.QLabel(note)
            note_label.setWordWrap(True)
            note_label.setStyleSheet("color: rgb(110,110,110);")
            layout.addWidget(note_label)
        self.list = checkable_list(self.names, "checklist", 380)
        self.list.itemChanged.connect(self._on_changed)
        self.list.currentItemChanged.connect(lambda *_: self.finding_changed.emit())
        layout.addWidget(self.list)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("checklistSummary")
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        self._by_name: dict[str, object] = {}
        self.reload()

    def reload(self) -> None:
        self._by_name = {}
        for finding in self.findings():
            if isinstance(finding.value, str):
                self._by_name.setdefault(finding.value, finding)
        self.list.blockSignals(True)
        for n in range(self.list.count()):
            row = self.list.item(n)
            row.setCheckState(Qt.Checked if row.data(NAME_ROLE) in self._by_name else Qt.Unchecked)
        self.list.blockSignals(False)
        missing = len(self._by_name)
        self.summary.setText(self.tr("{0} of {1} not done").format(missing, len(self.names)) if self.duties
                             else self.tr("{0} of {1} missing").format(missing, len(self.names)))

    def row(self, name: str) -> QtWidgets.QListWidgetItem:
        return self.list.item(self.names.index(name))

    def current_finding_id(self) -> str | None:
        row = self.list.currentItem()
        if row is not None and row.data(NAME_ROLE) in self._by_name:
            return self._by_name[row.data(NAME_ROLE)].id
        return None

    def _on_changed(self, row: QtWidgets.QListWidgetItem) -> None:
        name = row.data(NAME_ROLE)
        ticked = row.checkState() == Qt.Checked
        if ticked and name not in self._by_name:
            self.list.setCurrentItem(row)
            self.session.add_finding(self.item.id, value=name)
        elif not ticked and name in self._by_name:
            self.session.delete_finding(self.item.id, self._by_name[name].id)
        self.finding_changed.emit()
