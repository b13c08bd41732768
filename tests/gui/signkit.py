"""A signed inspection open in the window, and amending it through the reason question."""

from __future__ import annotations

from sheetkit import finish, signers

from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.ops import signing
from fieldcheck.signing.keys import DeviceKey


def signed_and_open(make_shell, store, village, home):
    """The main window with ``village`` finished, signed with this laptop's key and open; the window."""
    window = make_shell().window
    finish(store, village)
    signing.sign_inspection(store, village, signers(), DeviceKey.load_or_create("laptop1", home / "keys"))
    window.open_inspection(village)
    return window


def amend_answering(window, fill) -> int:
    """Amend the open inspection from the window; ``fill(box)`` answers the reason question, then OK. The revision."""

    def answer():
        box = QtWidgets.QApplication.activeModalWidget()
        fill(box)
        box.findChild(QtWidgets.QDialogButtonBox).button(QtWidgets.QDialogButtonBox.StandardButton.Ok).click()

    QtCore.QTimer.singleShot(0, answer)
    return window.signing.amend()
