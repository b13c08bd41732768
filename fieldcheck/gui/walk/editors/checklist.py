"""Checklists: missing elements (缺项扣分) and the team leader's duties (十个一, 职责清单).

Each element is a checkable row; a tick means "missing" / "not done" and is stored as one
finding whose value is the element's name, so photos can show what is missing. The selected
row's finding takes the photos.

Findings that name no element (``fieldcheck inspection add`` with a count, such as
``{"1.2": 2}``) are listed below the names as ticked "unnamed" rows, one per finding, so
they can be seen and removed. The count shown is the engine's answer, never the ticks.
"""

from __future__ import annotations

from fieldcheck.engine.rules import NOT_APPLICABLE
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.walk.editors.base import NAME_ROLE, TOUCH_HEIGHT, Editor, checkable_list, touch

# where an unnamed row keeps the id of the finding it stands for
FINDING_ROLE = Qt.UserRole + 2


class ChecklistEditor(Editor):
    def __init__(self, session, item, parent: QtWidgets.QWidget | None = None):
        super().__init__(session, item, parent)
        self.duties = item.rule.kind == "duty_checklist"
        self.names = item.rule.duties if self.duties else item.rule.elements
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.names:
            hint = QtWidgets.QLabel(self.tr("Tick each duty that is not done:") if self.duties
                                    else self.tr("Tick each element that is missing:"))
        else:  # nothing to tick: each one is counted with the button below
            hint = QtWidgets.QLabel(self.tr("The rubric names no duties: add one for each duty not done.")
                                    if self.duties else
                                    self.tr("The rubric names no elements: add one for each that is missing."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.hint = hint
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
        # Nothing to tick (a county's sheet gives 每缺少一项扣2分 without naming the elements; 六个一
        # names none) or an open list (meetings missed beyond those listed): each one missing is an
        # unnamed finding, added here or with Ctrl+Return, and unticked to take it away.
        self.counts = not self.names or bool(getattr(item.rule, "open", False))
        self.add_button: QtWidgets.QPushButton | None = None
        if self.counts:
            self.add_button = touch(QtWidgets.QPushButton(self.tr("Add one &not done") if self.duties
                                                          else self.tr("Add a &missing one")))
            self.add_button.setObjectName("checklistAdd")
            self.add_button.setToolTip(self.tr("Ctrl+Return"))
            self.add_button.clicked.connect(self.add_finding)
            layout.addWidget(self.add_button, 0, Qt.AlignLeft)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("checklistSummary")
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        self._by_name: dict[str, object] = {}
        self.unnamed: list = []  # the findings that name no element, in entry order
        self.reload()

    def missing(self) -> int | None:
        """How many elements (duties) the engine counts as missing (not done); None when n/a."""
        answer = self.answer()
        if self.duties and isinstance(answer, dict):
            answer = answer.get("not_done")
        if answer == NOT_APPLICABLE:
            return None
        if isinstance(answer, list):
            return len(answer)
        return int(answer) if isinstance(answer, int) else 0

    def reload(self) -> None:
        self._by_name = {}
        self.unnamed = []
        for finding in self.findings():
            if isinstance(finding.value, str):
                self._by_name.setdefault(finding.value, finding)
            elif finding.value is None:
                self.unnamed.append(finding)
        self.list.blockSignals(True)
        for n in range(len(self.names)):
            row = self.list.item(n)
            row.setCheckState(Qt.Checked if row.data(NAME_ROLE) in self._by_name else Qt.Unchecked)
        self._show_unnamed()
        self.list.blockSignals(False)
        missing = self.missing()
        if missing is None:
            self.summary.setText(self.tr("Not applicable"))
        elif not self.names:  # "0 项中缺少 3 项" would say the item has no elements to miss
            self.summary.setText(self.tr("{0} not done").format(missing) if self.duties
                                 else self.tr("{0} missing").format(missing))
        else:
            self.summary.setText(self.tr("{0} of {1} not done").format(missing, len(self.names)) if self.duties
                                 else self.tr("{0} of {1} missing").format(missing, len(self.names)))

    def add_finding(self) -> None:
        """Ctrl+Return: one more unnamed element missing, where the list lets one be counted; else as any form."""
        if not self.counts:
            super().add_finding()
            return
        size = getattr(self.item.rule, "size", None)
        if size is not None and not getattr(self.item.rule, "open", False) and len(self.findings()) >= size:
            self.error_label.setText(self.tr("All {0} are already counted missing.").format(size))  # 六个一: six
            self.error_label.show()
            return
        self.error_label.hide()
        self.session.add_finding(self.item.id, value=None)
        self.finding_changed.emit()

    def _show_unnamed(self) -> None:
        """One ticked row per unnamed finding after the names; unticking one removes that finding."""
        while self.list.count() > len(self.names):
            self.list.takeItem(self.list.count() - 1)
        label = self.tr("Duty not named (unnamed finding {0})") if self.duties \
            else self.tr("Element not named (unnamed finding {0})")
        for n, finding in enumerate(self.unnamed, 1):
            row = QtWidgets.QListWidgetItem(label.format(n))
            row.setData(FINDING_ROLE, finding.id)
            row.setToolTip(self.tr("Recorded without naming which one (for example from an answers file). "
                                   "Untick to remove it."))
            row.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
            row.setCheckState(Qt.Checked)
            self.list.addItem(row)
        self.list.setMinimumHeight(min((TOUCH_HEIGHT + 4) * self.list.count() + 6, 380))

    def unnamed_rows(self) -> list[QtWidgets.QListWidgetItem]:
        return [self.list.item(n) for n in range(len(self.names), self.list.count())]

    def row(self, name: str) -> QtWidgets.QListWidgetItem:
        return self.list.item(self.names.index(name))

    def current_finding_id(self) -> str | None:
        row = self.list.currentItem()
        if row is not None and row.data(FINDING_ROLE):
            return row.data(FINDING_ROLE)
        if row is not None and row.data(NAME_ROLE) in self._by_name:
            return self._by_name[row.data(NAME_ROLE)].id
        return None

    def _on_changed(self, row: QtWidgets.QListWidgetItem) -> None:
        finding_id = row.data(FINDING_ROLE)
        if finding_id:
            if row.checkState() != Qt.Checked:
                self.session.delete_finding(self.item.id, finding_id)
            self.finding_changed.emit()
            return
        name = row.data(NAME_ROLE)
        ticked = row.checkState() == Qt.Checked
        if ticked and name not in self._by_name:
            self.list.setCurrentItem(row)
            self.session.add_finding(self.item.id, value=name)
        elif not ticked and name in self._by_name:
            self.session.delete_finding(self.item.id, self._by_name[name].id)
        self.finding_changed.emit()
