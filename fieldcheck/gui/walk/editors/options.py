"""至少N种 (最少项数): tick the options in use; the minimum and the count so far are shown.

An open list (the rule's ``open: true``: 宣传方式 beyond 宣传栏, 宣传页, … such as 广播 or a
微信群) adds "其他 (请注明)": a tick box and a field naming the other ways, several separated
by 、 or a comma. What they count for is the engine's to say (each one named counts one).
"""

from __future__ import annotations

from fieldcheck.engine.rules import other_names
from fieldcheck.gui.qt import Qt, QtCore, QtWidgets
from fieldcheck.gui.walk.editors.base import NAME_ROLE, Editor, checkable_list, touch


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
        self.other_box: QtWidgets.QCheckBox | None = None
        self.other_edit: QtWidgets.QLineEdit | None = None
        if rule.open:
            layout.addLayout(self._other_row())
        self.summary = QtWidgets.QLabel()
        self.summary.setObjectName("optionsSummary")
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        self.reload()

    def _other_row(self) -> QtWidgets.QHBoxLayout:
        """其他 (请注明): Tab reaches the box after the list, then the field; Space ticks, typing names."""
        row = QtWidgets.QHBoxLayout()
        self.other_box = touch(QtWidgets.QCheckBox(self.tr("&Other (please name):")))
        self.other_box.setObjectName("optionsOther")
        self.other_edit = touch(QtWidgets.QLineEdit())
        self.other_edit.setObjectName("optionsOtherText")
        self.other_edit.setPlaceholderText(self.tr("e.g. loudspeaker, WeChat group"))
        self.other_edit.setToolTip(self.tr("Ways used beyond the list; several separated by 、 or a comma. "
                                           "Each one named counts as one."))
        self.other_box.toggled.connect(self._on_other_toggled)
        self.other_edit.editingFinished.connect(self._save)
        self.other_edit.textEdited.connect(self._on_other_typed)
        # and a moment after typing stops, as a note is: a lid shut with the caret still here lost the ways named
        self.other_timer = QtCore.QTimer(self)
        self.other_timer.setSingleShot(True)
        self.other_timer.setInterval(700)
        self.other_timer.timeout.connect(self._save)
        row.addWidget(self.other_box)
        row.addWidget(self.other_edit, 1)
        return row

    def selected(self) -> list[str] | int | None:
        """The options in use by the engine's answer (names, or a bare count from an answers file)."""
        answer = self.answer()
        if not isinstance(answer, dict):
            return None
        chosen = answer.get("selected")
        return list(chosen) if isinstance(chosen, list) else chosen if isinstance(chosen, int) else None

    def other(self) -> list[str]:
        """The other ways the engine's answer names (其他), in the order typed."""
        answer = self.answer()
        return list(answer.get("other") or []) if isinstance(answer, dict) else []

    def reload(self) -> None:
        chosen = self.selected()
        names = chosen if isinstance(chosen, list) else []
        self.list.blockSignals(True)
        for n in range(self.list.count()):
            row = self.list.item(n)
            row.setCheckState(Qt.Checked if row.data(NAME_ROLE) in names else Qt.Unchecked)
        self.list.blockSignals(False)
        self._show_other()
        minimum = self.item.rule.minimum
        answer = self.answer()
        count = self.item.rule.used(answer) if isinstance(answer, dict) else None
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

    def _show_other(self) -> None:
        if self.other_box is None or self.other_edit is None:
            return
        other = self.other()
        typing = self.other_edit.hasFocus() and self.other_box.isChecked()
        blocked = self.other_box.blockSignals(True)
        # a box ticked with nothing named yet stays ticked while the inspector is about to type
        self.other_box.setChecked(bool(other) or typing or (self.other_box.isChecked() and not self.other_edit.text()))
        self.other_box.blockSignals(blocked)
        if not typing:
            self.other_edit.setText("、".join(other))
        self.other_edit.setEnabled(self.other_box.isChecked())

    def row(self, name: str) -> QtWidgets.QListWidgetItem:
        return self.list.item(self.item.rule.options.index(name))

    def value(self) -> dict:
        """The answer the ticks and the 其他 field say now."""
        chosen = [self.list.item(n).data(NAME_ROLE) for n in range(self.list.count())
                  if self.list.item(n).checkState() == Qt.Checked]
        value: dict = {"selected": chosen}
        if self.other_box is not None and self.other_edit is not None and self.other_box.isChecked():
            named: list[str] = []
            for name in other_names(self.other_edit.text()):
                if name not in named:  # "广播、广播" is one way, typed twice
                    named.append(name)
            if named:
                value["other"] = named
        return value

    def _save(self) -> None:
        if self.other_box is not None:
            self.other_timer.stop()
        value = self.value()
        if self.checked_value(value):
            self.session.set_value(self.item.id, value)

    def _on_changed(self, _row) -> None:
        self._save()

    def _on_other_toggled(self, on: bool) -> None:
        assert self.other_edit is not None
        self.other_edit.setEnabled(on)
        if on:
            self.other_edit.setFocus(Qt.OtherFocusReason)
            if self.other_edit.text().strip():
                self._save()
        elif self.other():
            self._save()  # unticked: the other ways no longer count

    def _on_other_typed(self, text: str) -> None:
        self.other_timer.start()
        # typing a name ticks the box: the field is what the inspector means
        if self.other_box is not None and text.strip() and not self.other_box.isChecked():
            blocked = self.other_box.blockSignals(True)
            self.other_box.setChecked(True)
            self.other_box.blockSignals(blocked)

    def flush(self) -> None:
        if self.other_edit is not None and self.other_edit.hasFocus():
            self._save()
