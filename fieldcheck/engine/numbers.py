"""Exact decimal arithmetic for points: 7 × 0.3 is 2.1, never 2.0999999999999996."""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

ZERO = Decimal(0)


def halfwidth(text: str) -> str:
    """Full-width digits and signs typed by a Chinese input method (２９．５, －３) as ASCII (29.5, -3).

    NFKC folds the full-width forms; the ideographic full stop 。 is read as a decimal point,
    since an input method in Chinese punctuation mode types it for "."."""
    return unicodedata.normalize("NFKC", text).replace("\u3002", ".").replace("\u2212", "-")


def to_decimal(value: object) -> Decimal:
    """Convert a JSON/YAML number (int, float, str or Decimal) to an exact Decimal.

    Floats go through ``str`` so that 0.3 becomes Decimal("0.3"), not its binary
    approximation. Booleans are refused: ``True`` is not a number of points.
    """
    if isinstance(value, bool):
        raise ValueError("boolean is not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(halfwidth(value).strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    else:
        raise ValueError(f"not a number: {value!r}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


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
