"""The one module that imports Qt (PySide6); everything else imports Qt names from here.

A test (tests/test_layering.py) fails if any other module imports PySide6, except the
generated forms in ``fieldcheck/gui/forms``.
"""

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["QtCore", "QtGui", "QtWidgets", "Qt", "Signal", "Slot"]


def pdf_modules():
    """QtPdf, QtPdfWidgets and QtPrintSupport: only the sheet's preview and printing need them."""
    from PySide6 import QtPdf, QtPdfWidgets, QtPrintSupport  # lazy: loaded when a sheet is first shown

    return QtPdf, QtPdfWidgets, QtPrintSupport
