"""Number boxes that read full-width digits (２９．５) as a Chinese input method types them.

Qt's spin boxes refuse a full-width digit outright, so an inspector in Chinese punctuation
mode could not type a number at all; these fold the text to ASCII before Qt validates it.
"""

from __future__ import annotations

from fieldcheck.engine.numbers import halfwidth
from fieldcheck.gui.qt import QtWidgets

# with the ASCII digits: the box shows 二 as 2 at once, and 十 typed next makes 2十 (20)
_CHINESE_DIGITS = dict(zip("〇零一二两三四五六七八九0123456789", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, *range(10))))


def whole_number_text(text: str) -> str:
    """``halfwidth(text)``, and a Chinese numeral up to 九十九 as digits: 三 → 3, 十二 → 12, 二十三 → 23.

    An inspector asked how many people live in a house types 三 as readily as 3; a box that
    dropped the keystroke left its old value standing, to be saved unnoticed."""
    text = halfwidth(text)
    tens, ten, ones = text.partition("十")
    if not text or not all(c in _CHINESE_DIGITS for c in tens + ones) or len(tens) > 1 or len(ones) > 1 \
            or (not ten and not ones and not tens):
        return text
    if not ten:  # a single digit: 三
        return str(_CHINESE_DIGITS[tens])
    return str(_CHINESE_DIGITS.get(tens, 1) * 10 + _CHINESE_DIGITS.get(ones, 0))


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


