"""Number boxes that read full-width digits (２９．５) as a Chinese input method types them.

Qt's spin boxes refuse a full-width digit outright, so an inspector in Chinese punctuation
mode could not type a number at all; these fold the text to ASCII before Qt validates it.
"""

from __future__ import annotations

from fieldcheck.engine.numbers import halfwidth, whole_number_text
from fieldcheck.gui.qt import QtWidgets


class WholeNumberBox(QtWidgets.QSpinBox):
    def validate(self, text: str, pos: int):
        return super().validate(whole_number_text(text), pos)

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(whole_number_text(text))

    def fixup(self, text: str) -> str:
        return whole_number_text(text)


class DecimalBox(QtWidgets.QDoubleSpinBox):
    def validate(self, text: str, pos: int):
        return super().validate(halfwidth(text), pos)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(halfwidth(text))

    def fixup(self, text: str) -> str:
        return halfwidth(text)


