"""Exact decimal arithmetic for points: 7 × 0.3 is 2.1, never 2.0999999999999996.

Numbers come from people: answer files saved by Chinese tools write ２９．５ with full-width
digits, 1,200 with a thousands comma, and sometimes 1e30 by mistake. ``to_decimal`` reads
the first two and refuses what no score sheet could hold (more than 12 digits before the
point, more than 30 significant digits), so no later arithmetic ever overflows.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

ZERO = Decimal(0)

#: the largest magnitude a number in a rubric or an answer may have (万元 of a whole province fit)
LIMIT = Decimal(10) ** 12
#: digits a number may carry in all
MAX_DIGITS = 30

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


class NumberError(ValueError):
    """A value that is not a usable number; ``reason`` is ``"text"``, ``"bool"``, ``"big"`` or ``"digits"``."""

    def __init__(self, reason: str, value: object):
        super().__init__(f"{reason}: {shown(value)}")
        self.reason = reason


def shown(value: object, limit: int = 24) -> str:
    """A value as a person typed it, cut short, safe to print (no lone surrogates)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** limit:
        # repr of an int of thousands of digits raises; its first digits and its power say enough
        value = format(Decimal(value), ".3e")
    text = value if isinstance(value, str) else repr(value)
    text = text.encode("utf-8", "replace").decode("utf-8")
    # a line break or control character inside a name would split the one-sentence message
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalise_number_text(text: str) -> str:
    """Full-width digits and punctuation to ASCII (２９．５ → 29.5), spaces and 1,200's comma gone."""
    text = halfwidth(text).strip().replace(" ", "")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    return text


def halfwidth(text: str) -> str:
    """Full-width digits and signs typed by a Chinese input method (２９．５, －３) as ASCII (29.5, -3).

    NFKC folds the full-width forms; the ideographic full stop 。 is read as a decimal point,
    since an input method in Chinese punctuation mode types it for "."."""
    return unicodedata.normalize("NFKC", text).replace("\u3002", ".").replace("\u2212", "-")


# with the ASCII digits: a number box shows 二 as 2 at once, and 十 typed next makes 2十 (20)
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


def to_decimal(value: object) -> Decimal:
    """Convert a JSON/YAML number (int, float, str or Decimal) to an exact Decimal.

    Floats go through ``repr`` so that 0.3 becomes Decimal("0.3"), not its binary
    approximation. Booleans are refused: ``True`` is not a number of points. Raises
    NumberError (a ValueError) for anything else, and for numbers no score can hold.
    """
    if isinstance(value, bool):
        raise NumberError("bool", value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        if abs(value) > LIMIT:
            raise NumberError("big", value)
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        if len(value) > 64:
            raise NumberError("digits", value)
        try:
            result = Decimal(normalise_number_text(value))
        except InvalidOperation:
            raise NumberError("text", value) from None
    else:
        raise NumberError("text", value)
    if not result.is_finite():
        raise NumberError("text", value)
    if result != 0 and (abs(result) > LIMIT or len(result.as_tuple().digits) > MAX_DIGITS):
        raise NumberError("big" if abs(result) > LIMIT else "digits", value)
    if result != 0 and result.adjusted() < -12:
        raise NumberError("digits", value)
    return result + ZERO  # drops a negative zero's sign


def fmt(value: Decimal) -> str:
    """Print a point value the way a score sheet does: 6, 2.1, 0.25 (no trailing zeros)."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text


def to_json(value: Decimal) -> int | float:
    """A plain JSON number: an int when whole, else the shortest float that reads back exactly."""
    if value == value.to_integral_value():
        return int(value)
    return float(fmt(value))
