"""Where the application's bundled resources are: ``resources/<kind>`` in a source checkout, or
beside the package in a frozen build (PyInstaller's ``_MEIPASS`` first)."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir(kind: str) -> Path:
    """The folder of one kind of resource ("fonts", "translations"); the checkout's when none exists."""
    here = Path(__file__).resolve().parent
    candidates = [here.parent.parent / "resources" / kind, here.parent / "resources" / kind]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources" / kind)
    for folder in candidates:
        if folder.is_dir():
            return folder
    return candidates[0]
