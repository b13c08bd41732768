"""The user's language for messages outside Qt's translations: Chinese first, English available.

``FIELDCHECK_LANG`` (``zh`` or ``en``) wins; otherwise the system locale decides, and
anything not Chinese gets English. The choice is read once per process (scoring asks for
it on every explanation); the window's language switch calls ``set_language``.
"""

from __future__ import annotations

import locale
import os

_chosen: str | None = None


def from_environment() -> str:
    """The language the environment asks for, ignoring any ``set_language``."""
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


def current() -> str:
    """Return ``"zh"`` or ``"en"``."""
    global _chosen
    if _chosen is None:
        _chosen = from_environment()
    return _chosen


def set_language(language: str | None) -> None:
    """Use ``"zh"`` or ``"en"`` from now on; None goes back to the environment's choice."""
    global _chosen
    if language not in (None, "zh", "en"):
        raise ValueError(f"unknown language {language!r}")
    _chosen = language


def t(zh: str, en: str) -> str:
    """Pick the message in the user's language."""
    return zh if current() == "zh" else en
