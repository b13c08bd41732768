"""至少N种 (最少项数): tick the options in use; the minimum and the count so far are shown."""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.walk.editors.base import NAME_ROLE, Editor, checkable_list


class OptionsEditor(Editor):
    def __init__(self, session, item, parent: QtWidgets.QWidget | None = None):
        super().__init__(session, item, parent)
        rule = item.rule
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QtWidgets.QLabel(self.tr("Tick each one in use (at least {0} needed):").format(rule.minimum))
        hint.setObjectName("optionsMinimum")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = checkable_list(rule.options, "optionsList", 300)
        self.list.itemChanged.connect(self._on_changed)
        layout.addWidget(self.list)
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("optionsSummary")
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        self.reload()

    def selected(self) -> list[str] | None:
        found = self.findings()
        if not found or not isinstance(found[-1].value, dict):
            return None
        chosen = found[-1].value.get("selected")
        return list(chosen) if isinstance(chosen, list) else None

    def reload(self) -> None:
        chosen = self.selected()
        self.list.blockSignals(True)
        for n in range(self.list.count()):
            row = self.list.item(n)
            row.setCheckState(Qt.Checked if chosen and row.data(NAME_ROLE) in chosen else Qt.Unchecked)
        self.list.blockSignals(False)
        minimum = self.item.rule.minimum
        if chosen is None:
            self.summary.setText(self.tr("Nothing recorded yet"))
        elif len(chosen) >= minimum:
            self.summary.setText(self.tr("✓ {0} in use, at least {1} needed: met").format(len(chosen), minimum))
        else:
            self.summary.setText(self.tr("✗ {0} in use, at least {1} needed: not met").format(len(chosen), minimum))

    def row(self, name: str) -> QtWidgets.QListWidgetItem:
        return self.list.item(self.item.rule.options.index(name))

    def _on_changed(self, _row) -> None:
        chosen = [self.list.item(n).data(NAME_ROLE) for n in range(self.list.count())
                  if self.list.item(n).checkState() == Qt.Checked]
        value = {"selected": chosen}
        if self.checked_value(value):
            self.session.set_value(self.item.id, value)
