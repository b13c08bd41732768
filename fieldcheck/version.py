"""Which FieldCheck this is: the release version, and the build it came from.

A frozen build (installer/build) ships ``fieldcheck/_build.txt`` with the commit and the
build date; a source checkout or a wheel says "source".
"""

from __future__ import annotations

from pathlib import Path

from fieldcheck import __version__


def build() -> str:
    """``"3f2a1c9 2026-11-22"`` for an installer build, else ``"source"``."""
    try:
        return (Path(__file__).resolve().parent / "_build.txt").read_text(encoding="utf-8").strip() or "source"
    except (FileNotFoundError, OSError):
        return "source"


def describe() -> str:
    """One line for ``fieldcheck --version`` and the About box."""
    return f"FieldCheck {__version__} ({build()})"
