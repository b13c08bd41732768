"""The user's language for messages outside the window: Chinese first, English available.

``FIELDCHECK_LANG`` (``zh`` or ``en``) wins; otherwise the system locale decides,
and anything not Chinese gets English.
"""

from __future__ import annotations

import locale
import os


def current() -> str:
    """Return ``"zh"`` or ``"en"``."""
    forced = os.environ.get("FIELDCHECK_LANG", "").strip().lower()
    if forced.startswith("zh"):
        return "zh"
    if forced.startswith("en"):
        return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    loc = locale.getlocale()[0] or ""
    return "zh" if loc.lower().startswith("zh") else "en"


def t(zh: str, en: str) -> str:
    """Pick the message in the user's language."""
    return zh if current() == "zh" else en
