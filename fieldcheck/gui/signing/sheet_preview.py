"""The score sheet on screen (QtPdf), printed through Qt's print dialog, or saved as a PDF.

The sheet shown is the very PDF that is saved or printed: a signed inspection's carries the
device's PDF signature, a draft's is marked 草稿. Printing renders each page at the
printer's resolution; many sheets print as one job, made and painted on a pool thread
(``print_sheets`` on a ``PoolJob``: seconds a sheet, minutes a batch) while the window paints and answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fieldcheck import output
from fieldcheck.errors import UserError
from fieldcheck.gui.qt import QtCore, QtGui, QtWidgets, Signal, pdf_modules
from fieldcheck.gui.widgets.pool_job import PoolJob, Progress
from fieldcheck.ops import signing

PRINT_DPI = 300


def load_document(data: bytes, parent):
    """A QPdfDocument over ``data`` (the buffer is kept on the document, which must outlive it)."""
    QtPdf, _, _ = pdf_modules()
    document = QtPdf.QPdfDocument(parent)
    buffer = QtCore.QBuffer(document)
    buffer.setData(QtCore.QByteArray(data))
    buffer.open(QtCore.QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._buffer = buffer  # the document reads from it while it lives
    return document


def print_documents(printer, documents: Iterable) -> int:
    """Print every page of every document on ``printer``, in order; returns the pages printed."""
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise UserError(QtCore.QCoreApplication.translate("sheet_preview", "The printer could not be started."))
    pages = 0
    try:
        target = printer.pageRect(printer.Unit.DevicePixel).toRect()
        scale = printer.resolution() / 72
        for document in documents:
            for page in range(document.pageCount()):
                if pages:
                    printer.newPage()
                size = document.pagePointSize(page)
                image = document.render(page, QtCore.QSize(int(size.width() * scale), int(size.height() * scale)))
                fitted = image.size().scaled(target.size(), QtCore.Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QtCore.QRect(target.topLeft(), fitted), image)
                pages += 1
    finally:
        painter.end()
    return pages


def ask_printer(parent, title: str):
    """Qt's print dialog; the printer chosen, or None when cancelled."""
    _, _, QtPrintSupport = pdf_modules()
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    dialog = QtPrintSupport.QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return printer if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None


class SheetPreview(QtWidgets.QDialog):
    """One inspection's sheet: look at it, print it, save it."""

    def __init__(self, store, inspection_id: str, parent=None, key_folder=None, data: bytes | None = None):
        super().__init__(parent)
        _, QtPdfWidgets, _ = pdf_modules()
        self.store = store
        self.inspection_id = inspection_id
        inspection = store.inspections.get(inspection_id)
        self.data = data if data is not None else signing.sheet_pdf(
            store, inspection_id, signing.device_key(store, key_folder) if inspection.status != "draft" else None)
        self.suggested_name = f"评分表-{inspection.assessee_name}-{inspection.date}.pdf"
        self.setWindowTitle(self.tr("Score sheet · {0}").format(inspection.assessee_name))
        self.resize(900, 700)
        layout = QtWidgets.QVBoxLayout(self)
        kind = self.tr("Signed sheet: the PDF carries this device's signature.") if inspection.status != "draft" \
            else self.tr("Draft sheet: not signed, marked 草稿 on every page.")
        layout.addWidget(QtWidgets.QLabel(kind, self))
        self.document = load_document(self.data, self)
        self.view = QtPdfWidgets.QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QtPdfWidgets.QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QtPdfWidgets.QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        self.print_button = buttons.addButton(self.tr("&Print…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("&Save as PDF…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(lambda: self.save())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_sheet(self, printer=None) -> int:
        printer = printer or ask_printer(self, self.tr("Print the score sheet"))
        if printer is None:
            return 0
        return print_documents(printer, [self.document])

    def save(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QtWidgets.QFileDialog.getSaveFileName(self, self.tr("Save the score sheet"),
                                                            self.suggested_name, self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        target = Path(path)
        try:
            output.write_bytes(target, self.data)  # whole or not at all, said in the user's language
        except UserError as exc:
            QtWidgets.QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return None
        return target


def print_sheets(store, ids: list[str], printer, key_folder=None, progress: Progress | None = None) -> int:
    """Make the sheets of ``ids`` and paint them on ``printer``, one after another; the pages printed.

    Run on a pool thread: Qt paints on a QPrinter from any thread; the documents are made,
    rendered and dropped here. The store's lock guards its connection query by query, as for
    the results' jobs.
    """
    def documents():
        key = None
        for n, inspection_id in enumerate(ids):
            if store.inspections.get(inspection_id).status != "draft":
                key = key or signing.device_key(store, key_folder)
            yield load_document(signing.sheet_pdf(store, inspection_id, key), None)
            if progress is not None:
                progress(n + 1, len(ids))  # sheets made and sent to the printer, of how many

    return print_documents(printer, documents())


class PrintSheetsDialog(QtWidgets.QDialog):
    """Choose inspections (ticked) and print their sheets as one print job, made off the window's thread."""

    printed = Signal(int)  # the pages printed, once the job is done

    def __init__(self, store, rows, parent=None, key_folder=None):
        super().__init__(parent)
        self.store = store
        self.key_folder = key_folder
        self.job: PoolJob | None = None
        self.setWindowTitle(self.tr("Print score sheets"))
        self.resize(560, 460)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr("Sheets to print (signed ones carry the device's signature; "
                                                  "drafts print marked 草稿):"), self))
        self.list = QtWidgets.QListWidget(self)
        for row in rows:
            status = {"draft": self.tr("draft"), "signed": self.tr("signed"), "exported": self.tr("exported")}.get(
                row.status, row.status)
            entry = QtWidgets.QListWidgetItem(f"{row.date}  {row.assessee_name}  · {row.rubric_title} · {status}")
            entry.setData(QtCore.Qt.ItemDataRole.UserRole, row.id)
            entry.setFlags(entry.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(QtCore.Qt.CheckState.Checked if row.status != "draft" else QtCore.Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        layout.addWidget(self.list, 1)
        self.error_label = QtWidgets.QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.progress = QtWidgets.QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m sheets sent to the printer"))
        self.progress.hide()
        layout.addWidget(self.progress)
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.print_button = self.buttons.addButton(self.tr("&Print…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.clicked.connect(lambda: self.print_checked())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def checked_ids(self) -> list[str]:
        return [self.list.item(k).data(QtCore.Qt.ItemDataRole.UserRole) for k in range(self.list.count())
                if self.list.item(k).checkState() == QtCore.Qt.CheckState.Checked]

    def print_checked(self, printer=None) -> PoolJob | None:
        """Start printing the ticked sheets on a pool thread (``printed`` tells when done); the job, or None."""
        ids = self.checked_ids()
        if not ids:
            self._error(self.tr("Tick at least one inspection."))
            return None
        printer = printer or ask_printer(self, self.tr("Print {0} score sheets").format(len(ids)))
        if printer is None:
            return None
        self.error_label.hide()
        for widget in (self.list, self.buttons):
            widget.setEnabled(False)
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        self.printer = printer  # kept alive while the job paints on it
        self.job = PoolJob(lambda progress: print_sheets(self.store, ids, printer, self.key_folder, progress))
        self.job.signals.progress.connect(self._made)
        self.job.signals.finished.connect(self._finished)
        return self.job.start()

    def _made(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    def _finished(self, pages: int | None, error: str) -> None:
        self.job = None
        for widget in (self.list, self.buttons):
            widget.setEnabled(True)
        self.progress.hide()
        if error:
            self._error(error)
            return
        self.printed.emit(pages)
        self.accept()

    def reject(self) -> None:
        if self.job is None:  # while a job paints on the printer, the dialog stays until it is done
            super().reject()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
