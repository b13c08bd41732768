"""The language of FieldCheck's own messages: Chinese first, English available.

Text that is shown at once (an error, a CLI line) is picked with ``t(zh, en)`` in the
language of the current context. Text that is kept and shown later (a score's
explanations) is a ``Text`` holding both, rendered when shown: a score sheet renders it
in Chinese while the window is in English, and a worker thread renders whichever it is
asked for.

The language is a context, not a global: ``with using("zh"):`` sets it for the code inside
(a thread starts in the process default). The process default is ``FIELDCHECK_LANG``
(``zh`` or ``en``), else the system locale; the window's language switch calls
``set_default``.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

LANGUAGES = ("zh", "en")

_default: str | None = None
_context: ContextVar[str | None] = ContextVar("fieldcheck_language", default=None)


def from_environment() -> str:
    """The language the environment asks for, ignoring ``set_default`` and ``using``."""
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
    """``"zh"`` or ``"en"``: the context's language, else the process default."""
    chosen = _context.get()
    if chosen is not None:
        return chosen
    global _default
    if _default is None:  # read once: scoring asks on every explanation
        _default = from_environment()
    return _default


def set_default(language: str | None) -> None:
    """The process default from now on; None goes back to the environment's choice."""
    global _default
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _default = language


@contextmanager
def using(language: str) -> Iterator[None]:
    """Messages inside the block are in ``language``, whatever the process default."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    token = _context.set(language)
    try:
        yield
    finally:
        _context.reset(token)


def t(zh: str, en: str) -> str:
    """Pick the message in the current language."""
    return zh if current() == "zh" else en


@dataclass(frozen=True)
class Text:
    """A message in both languages, kept in results and rendered when shown."""

    zh: str
    en: str

    def render(self, language: str | None = None) -> str:
        return self.zh if (language or current()) == "zh" else self.en

    def __str__(self) -> str:
        return self.render()

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)

    def __add__(self, other: Text) -> Text:
        return Text(self.zh + other.zh, self.en + other.en)


EMPTY = Text("", "")
