"""Numbers against a target (指标对比, 按比例计分): the actual value, the target, the shortfall.

The target comes from the rubric (its value, or the assessee's row of the target table); the
inspector may type another one, which then goes with the answer (as the engine allows).
What is shown under the numbers (reached, or how far short and what it costs) is the
engine's explanation of the item's node, so the window never computes a shortfall its own way.
"""

from __future__ import annotations

import re
from decimal import Decimal

from fieldcheck.engine.numbers import NumberError, fmt, to_decimal
from fieldcheck.engine.rules import NOT_APPLICABLE, AnswerError
from fieldcheck.engine.scoring import resolve_assessee
from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.gui.walk.editors.base import Editor, touch


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(fmt(value))


class MetricEditor(Editor):
    def __init__(self, session, item, parent: QtWidgets.QWidget | None = None):
        super().__init__(session, item, parent)
        self.unit = item.rule.spec.get("unit", "")
        form = QtWidgets.QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.actual_edit = touch(QtWidgets.QLineEdit())
        self.actual_edit.setObjectName("metricActual")
        self.actual_edit.setPlaceholderText(self.tr("Actual value"))
        self.target_edit = touch(QtWidgets.QLineEdit())
        self.target_edit.setObjectName("metricTarget")
        self.table_target = self._table_target()
        if self.table_target is not None:
            self.target_edit.setPlaceholderText(self.tr("{0} (from the rubric)").format(fmt(self.table_target)))
        else:
            self.target_edit.setPlaceholderText(self.tr("No target in the rubric: type it"))
        self.shortfall_label = QtWidgets.QLabel()
        self.shortfall_label.setObjectName("metricShortfall")
        self.shortfall_label.setWordWrap(True)
        # the engine's plausibility warnings (元 typed for 万元, 0.158 for 15.8%) right under the value they doubt
        self.warning_label = QtWidgets.QLabel()
        self.warning_label.setObjectName("metricWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: rgb(160,90,0);")
        self.warning_label.hide()
        unit = f" ({self.unit})" if self.unit else ""
        form.addRow(self.tr("Actual") + unit, self.actual_edit)
        form.addRow(self.tr("Target") + unit, self.target_edit)
        form.addRow(self.tr("Shortfall"), self.shortfall_label)
        form.addRow("", self.warning_label)
        form.addRow("", self.error_label)
        self.timer = QtCore.QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(700)
        self.timer.timeout.connect(self.commit)
        for edit in (self.actual_edit, self.target_edit):
            edit.textEdited.connect(lambda _t: self.timer.start())
            edit.editingFinished.connect(self.commit)
        self.reload()

    def _table_target(self) -> Decimal | None:
        try:
            assessee = resolve_assessee(self.session.rubric, self.session.assessee)
            return self.item.rule.target(self.item.id, {}, assessee)
        except AnswerError:
            return None

    def value(self):
        """The engine's answer for the item (a number or {"actual", "target"}); None if unanswered or n/a."""
        answer = self.answer()
        return None if answer is None or answer == NOT_APPLICABLE else answer

    def reload(self) -> None:
        if self.timer.isActive():
            return  # the inspector is typing; what is typed is saved in a moment
        value = self.value()
        actual = target = ""
        if isinstance(value, list):  # one value per village (衡阳 6.3)
            actual = " ".join(fmt(to_decimal(v)) for v in value)
        elif isinstance(value, dict):
            actual = "" if value.get("actual") is None else fmt(to_decimal(value["actual"]))
            target = "" if value.get("target") is None else fmt(to_decimal(value["target"]))
        elif value is not None and not isinstance(value, bool):
            actual = fmt(to_decimal(value))
        if self.actual_edit.text() != actual:
            self.actual_edit.setText(actual)
        if self.target_edit.text() != target:
            self.target_edit.setText(target)
        self._show_shortfall()

    def _show_shortfall(self) -> None:
        """The engine's verdict on the stored answer: ✓ with its explanation, or ✗ with what it costs."""
        node = self.node()
        status = node.status if node is not None else "unanswered"
        if status in ("ok", "deducted"):
            mark = "✓ " if status == "ok" and node.deduction == 0 else "✗ "
            self.shortfall_label.setText(mark + str(node.explanation))
        elif status == "unscored":
            self.shortfall_label.setText("✗ " + str(node.explanation))
        elif self.table_target is not None:
            self.shortfall_label.setText(self.tr("Target {0}{1}").format(fmt(self.table_target), self.unit))
        else:
            self.shortfall_label.setText("")
        warnings = [f"⚠ {w.text}" for w in self.session.result.warnings_for(self.item.id)]
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))

    def flush(self) -> None:
        if self.timer.isActive():
            self.commit()

    def commit(self) -> None:
        self.timer.stop()
        actual_text = self.actual_edit.text().strip()
        target_text = self.target_edit.text().strip()
        if not actual_text:
            found = self.findings()
            if found:  # the value deleted: so is the answer, as the empty field shows (undo brings it back)
                self.error_label.hide()
                self.session.delete_finding(self.item.id, found[-1].id)
            return
        try:
            if self.item.rule.spec.get("each"):  # the villages' values, separated by spaces or commas
                each = [_json_number(to_decimal(v)) for v in re.split(r"[\s,,、;;]+", actual_text) if v]
            actual = to_decimal(actual_text) if not self.item.rule.spec.get("each") else Decimal(0)
            target = to_decimal(target_text) if target_text else None
        except ValueError as error:
            absurd = isinstance(error, NumberError) and error.reason in ("big", "digits")  # 1e309 is a number
            self.error_label.setText(self.tr("This number is too large or has too many digits to be a real value: "
                                             "check it and type it again.") if absurd
                                     else self.tr("Type a number, such as 12.5."))
            self.error_label.show()
            return
        value = ({"actual": _json_number(actual), "target": _json_number(target)} if target is not None
                 else _json_number(actual))
        if self.item.rule.spec.get("each"):
            value = each
        if self.table_target is None and target is None:
            self.error_label.setText(self.tr("The rubric gives no target here: type the target too."))
            self.error_label.show()
            return
        if not self.checked_value(value):
            return
        if value != self.value():
            self.session.set_value(self.item.id, value)
