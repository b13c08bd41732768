"""The signing actions of the main window's Inspection menu: sign, amend, sheet, print many, history.

They replace "Mark as signed" and "Mark as draft", which changed the status without
signatures and unlocked a signed inspection silently. The actions work on the open
inspection, or on the one selected in the list.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from fieldcheck.errors import UserError
from fieldcheck.gui.qt import QtCore, QtGui, QtWidgets, Signal
from fieldcheck.gui.widgets.pool_job import PoolJob
from fieldcheck.store import holds_id_number

if TYPE_CHECKING:
    from fieldcheck.gui.signing.inspection_history import HistoryDialog
    from fieldcheck.gui.signing.sheet_preview import PrintSheetsDialog
    from fieldcheck.gui.signing.sign_dialog import SignDialog


class SigningActions(QtCore.QObject):
    previewed = Signal(object)  # the sheet's preview, opened once the sheet is made

    def __init__(self, window):
        super().__init__(window)
        self._making: PoolJob | None = None  # the sheet being made for the preview
        # a weak reference: the window holds these actions, and a cycle would keep a closed window's
        # Python object alive after Qt deleted it (a language switch replaces the window)
        self._window = weakref.ref(window)
        self.key_folder = Path(window.data_dir) / "keys" if getattr(window, "data_dir", None) else None
        ui = window.ui
        for old in (ui.actionMarkSigned, ui.actionMarkDraft):  # the form's old actions: signing replaces them
            old.setVisible(False)
        menu = ui.menuInspection

        def action(text: str, name: str, slot, shortcut: str | None = None) -> QtGui.QAction:
            made = QtGui.QAction(text, window)
            made.setObjectName(name)
            if shortcut:
                made.setShortcut(QtGui.QKeySequence(shortcut))
            made.triggered.connect(lambda: slot())
            menu.insertAction(ui.actionMarkDraft, made)
            return made

        self.sign_action = action(self.tr("&Sign…"), "actionSign", self.sign)
        self.amend_action = action(self.tr("&Amend…"), "actionAmend", self.amend)
        self.sheet_action = action(self.tr("Score shee&t…"), "actionSheet", self.preview, "Ctrl+P")
        self.print_action = action(self.tr("&Print score sheets…"), "actionPrintSheets", self.print_many,
                                   "Ctrl+Shift+P")
        self.history_action = action(self.tr("&History…"), "actionHistory", self.history)
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    @property
    def window(self):
        return self._window()

    # -- which inspection --------------------------------------------------------------------------

    def target(self) -> str | None:
        window = self.window
        return window.inspection_id if window.view is not None else window.list_page.selected_id()

    def update_actions(self) -> None:
        target = self.target()
        status = self.window.store.inspections.status(target) if target else None
        if status is None:
            target = None
        self.sign_action.setEnabled(status == "draft")
        self.amend_action.setEnabled(status in ("signed", "exported"))
        self.sheet_action.setEnabled(target is not None and self._making is None)
        self.history_action.setEnabled(target is not None)

    def _reopen(self, target: str) -> None:
        """Show the new state: the list row, or the open inspection (read-only once signed)."""
        window = self.window
        if window.view is None:
            window.list_page.refresh(select_id=target)
        else:
            window.open_inspection(target, window.view.current_item_id())
        self.update_actions()

    # -- the actions -------------------------------------------------------------------------------

    def sign(self) -> SignDialog | None:
        from fieldcheck.gui.signing.sign_dialog import SignDialog  # lazy: cryptography, reportlab

        target = self.target()
        if not target:
            return None
        dialog = SignDialog(self.window.store, target, self.window, key_folder=self.key_folder)
        dialog.go_to_item.connect(lambda item_id: self.window.open_inspection(target, item_id))
        dialog.signed.connect(lambda revision: self._signed(target, revision))
        dialog.open()
        return dialog

    def _signed(self, target: str, revision) -> None:
        self._reopen(target)
        self.window.statusBar().showMessage(self.tr("Signed and locked (revision {0}).").format(revision.number), 8000)

    def amend(self, reason: str | None = None) -> int | None:
        from fieldcheck.ops import signing  # lazy: cryptography, reportlab
        target = self.target()
        if not target:
            return None
        store = self.window.store
        count = len(store.signatures.active(target))
        if reason is None:
            reason = self._ask_reason(self.tr("Amending voids the {0} signatures (they stay in the history) and reopens "
                                              "the inspection as revision {1}. Why is it amended?").format(
                                                  count, store.signatures.revision(target) + 1))
            if reason is None:
                return None
        try:
            number = signing.amend(store, target, reason)
        except UserError as exc:
            self.window.show_error(str(exc))
            return None
        self._reopen(target)
        said = self.tr("Amended: revision {0} is a draft.").format(number)
        if holds_id_number(reason):  # the reason is kept with its ID number masked: say so
            said += " " + self.tr("The ID number in the reason is kept masked.")
        self.window.statusBar().showMessage(said, 8000)
        return number

    def _ask_reason(self, question: str) -> str | None:
        """The reason for an amendment, or None when cancelled; Tab leaves the text for the buttons."""
        box = QtWidgets.QInputDialog(self.window)
        box.setWindowTitle(self.tr("Amend the inspection"))
        box.setLabelText(question)
        box.setOption(QtWidgets.QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        editor = box.findChild(QtWidgets.QPlainTextEdit)
        if editor is not None:
            editor.setTabChangesFocus(True)  # else Tab types a tab into the reason and the keyboard cannot leave
        accepted = box.exec() == QtWidgets.QDialog.DialogCode.Accepted
        reason = box.textValue()
        box.deleteLater()
        return reason if accepted else None

    def preview(self) -> PoolJob | None:
        """Make the sheet off the window's thread (a second or two, more for the first of a session);
        the preview opens when it is made (``previewed``). The job, or None when nothing is chosen."""
        target = self.target()
        if not target:
            return None
        if self._making is not None:  # one sheet at a time: a second Ctrl+P waits for the first
            return self._making
        store, key_folder = self.window.store, self.key_folder

        def make(_progress) -> bytes:
            from fieldcheck.ops import signing  # lazy: cryptography, reportlab

            key = signing.device_key(store, key_folder) if store.inspections.get(target).status != "draft" else None
            return signing.sheet_pdf(store, target, key)

        self._making = PoolJob(make)
        self._making.signals.finished.connect(lambda data, error: self._made(target, data, error))
        self.sheet_action.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("Making the score sheet…"))
        return self._making.start()

    def _made(self, target: str, data: bytes | None, error: str) -> None:
        from fieldcheck.gui.signing.sheet_preview import SheetPreview  # lazy: QtPdf

        self._making = None
        window = self.window
        if window is None:  # the window was replaced (a language switch) while the sheet was made
            return
        self.update_actions()
        window.statusBar().clearMessage()
        if error:
            window.show_error(error)
            return
        dialog = SheetPreview(window.store, target, window, key_folder=self.key_folder, data=data)
        dialog.open()
        self.previewed.emit(dialog)

    def print_many(self) -> PrintSheetsDialog:
        from fieldcheck.gui.signing.sheet_preview import PrintSheetsDialog  # lazy: cryptography, reportlab

        rows = self.window.store.inspections.rows()
        dialog = PrintSheetsDialog(self.window.store, rows, self.window, key_folder=self.key_folder)
        dialog.printed.connect(lambda pages: self.window.statusBar().showMessage(
            self.tr("%n page(s) sent to the printer.", "", pages), 8000))
        dialog.open()
        return dialog

    def history(self) -> HistoryDialog | None:
        from fieldcheck.gui.signing.inspection_history import HistoryDialog  # lazy: cryptography, reportlab

        target = self.target()
        if not target:
            return None
        dialog = HistoryDialog(self.window.store, target, self.window)
        dialog.open()
        return dialog
