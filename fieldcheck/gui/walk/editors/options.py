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

    def selected(self) -> list[str] | int | None:
        """The options in use by the engine's answer (names, or a bare count from an answers file)."""
        answer = self.answer()
        if not isinstance(answer, dict):
            return None
        chosen = answer.get("selected")
        return list(chosen) if isinstance(chosen, list) else chosen if isinstance(chosen, int) else None

    def reload(self) -> None:
        chosen = self.selected()
        names = chosen if isinstance(chosen, list) else []
        self.list.blockSignals(True)
        for n in range(self.list.count()):
            row = self.list.item(n)
            row.setCheckState(Qt.Checked if row.data(NAME_ROLE) in names else Qt.Unchecked)
        self.list.blockSignals(False)
        minimum = self.item.rule.minimum
        count = len(chosen) if isinstance(chosen, list) else chosen
        node = self.node()
        status = node.status if node is not None else "unanswered"
        if status == "na":
            self.summary.setText(self.tr("Not applicable"))
        elif chosen is None:
            self.summary.setText(self.tr("Nothing recorded yet"))
        elif status == "ok":  # met or not is the engine's verdict (the node), not a count compared here
            self.summary.setText(self.tr("✓ {0} in use, at least {1} needed: met").format(count, minimum))
        else:
            self.summary.setText(self.tr("✗ {0} in use, at least {1} needed: not met").format(count, minimum))

    def row(self, name: str) -> QtWidgets.QListWidgetItem:
        return self.list.item(self.item.rule.options.index(name))

    def _on_changed(self, _row) -> None:
        chosen = [self.list.item(n).data(NAME_ROLE) for n in range(self.list.count())
                  if self.list.item(n).checkState() == Qt.Checked]
        value = {"selected": chosen}
        if self.checked_value(value):
            self.session.set_value(self.item.id, value)
