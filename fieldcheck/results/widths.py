"""Display width of text in a fixed-width sense: a Chinese (east-asian W or F) character counts 2."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in str(text))
