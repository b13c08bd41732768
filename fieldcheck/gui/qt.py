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


def pdf_modules():
    """QtPdf, QtPdfWidgets and QtPrintSupport: only the sheet's preview and printing need them."""
    from PySide6 import QtPdf, QtPdfWidgets, QtPrintSupport  # lazy: loaded when a sheet is first shown

    return QtPdf, QtPdfWidgets, QtPrintSupport
