"""The one module that imports Qt (PySide6); everything else imports Qt names from here.

A test (tests/test_layering.py) fails if any other module imports PySide6, except the
generated forms in ``fieldcheck/gui/forms``.
"""

import ctypes
import os
import sys

#: Qt's raster engine hands every fill of 96 spans or more (a Fusion scroll bar's gradients: ~35 on
#: each repaint of the findings table's) to its own pool of low-priority threads and waits for them.
#: For widget-sized shapes the hand-off costs more than the fill, and on a busy two-core laptop the
#: window waited milliseconds on every add and undo for those threads to get the CPU (README,
#: performance: the window). Set before Qt starts; fills then run on the thread that paints.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["QtCore", "QtGui", "QtWidgets", "Qt", "Signal", "Slot"]

#: PySide6 6.12 drops a reference to None each time a Qt call returns a null pointer
#: (currentItem() of an empty list, focusWidget(), item(n) past the end), and to True now and
#: then: about 40 and 3 per edit in the walk, so on Python 3.11 their counts (~12,000 and ~2,300
#: at start) reach zero after a few hundred edits and the interpreter aborts ("deallocating
#: None"). Python 3.12 makes these immortal; this does the same here, with counts no session
#: can use up.
NONE_GUARD = 1 << 40
if sys.version_info < (3, 12):
    for _singleton in (None, True, False):
        if sys.getrefcount(_singleton) < NONE_GUARD:
            ctypes.c_ssize_t.from_address(id(_singleton)).value += NONE_GUARD




def _stop_reading_sources() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    PySide6's import hook (its ``__feature__`` support: snake_case and true_property names,
    chosen per module) asks, of each module imported after Qt, whether its source mentions
    "PySide6", by reading the whole file with ``inspect.getsource``: about 20 ms for the
    store, and more for every screen imported when first opened. FieldCheck never imports
    ``__feature__``, so every module is marked "ignore" (-1, the hook's own value for that)
    without reading it. Another PySide6 without these names keeps its hook as it is.
    """
    loader = sys.modules.get("shibokensupport.signature.loader")
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not (hasattr(loader, "feature_imported") and hasattr(feature, "feature_imported") and isinstance(table, dict)):
        return

    def imported(module) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in table:
            table[name] = -1

    loader.feature_imported = feature.feature_imported = imported


_stop_reading_sources()


def pdf_modules():
    """QtPdf, QtPdfWidgets and QtPrintSupport: only the sheet's preview and printing need them."""
    from PySide6 import QtPdf, QtPdfWidgets, QtPrintSupport  # lazy: loaded when a sheet is first shown

    return QtPdf, QtPdfWidgets, QtPrintSupport
