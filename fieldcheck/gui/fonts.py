"""The bundled CJK font, registered before any widget shows so Chinese never renders as boxes.

The test machines and many field laptops have no Chinese font at all (``fc-list :lang=zh``
prints nothing); WenQuanYi Micro Hei ships in ``resources/fonts`` with its copyright file.
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldcheck.gui.qt import QtGui
from fieldcheck.shipped import resource_dir

BUNDLED_FAMILY = "WenQuanYi Micro Hei"


def font_dir() -> Path:
    """``resources/fonts`` (see ``fieldcheck.shipped``)."""
    return resource_dir("fonts")


def register_bundled_fonts(app: QtGui.QGuiApplication) -> list[str]:
    """Register every bundled font and make the CJK one the application font's fallback.

    Returns the families registered. Safe to call twice (Qt returns the same font id).
    """
    families: list[str] = []
    folder = font_dir()
    # os.listdir, not Path.glob: a glob compiles its pattern into a regular expression at every start
    for path in sorted(folder / n for n in os.listdir(folder) if n.endswith((".ttf", ".ttc"))):
        font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QtGui.QFontDatabase.applicationFontFamilies(font_id))
    if BUNDLED_FAMILY in families:
        font = app.font()
        current = [f for f in font.families() if f != BUNDLED_FAMILY] or [font.family()]
        # The system's Latin face first (it looks native), the bundled face for every glyph it lacks.
        font.setFamilies(current + [BUNDLED_FAMILY])
        app.setFont(font)
    return sorted(set(families))
