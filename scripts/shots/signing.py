"""Inspection ▸ Sign…, Amend…, Score sheet…, Print score sheets…, History… on the demo.

The sign dialog of an unfinished inspection (its unanswered items) and of a finished one
(pads with signatures), the signed inspection locked in the walk with the Inspection menu
open, the amend question, the history after an amendment (changes, voided signatures), the
sheet's preview and the print-many list.
"""

from __future__ import annotations

import random
from pathlib import Path

from fieldcheck.gui.qt import QtWidgets, pdf_modules
from fieldcheck.ops.demo import populate
from fieldcheck.paths import default_db_path
from fieldcheck.signing.strokes import scribble
from fieldcheck.store import Store


def shoot(kit) -> int:
    store = Store.open(default_db_path())
    populate(store)
    shell = kit.shell(store)
    window = shell.window
    actions = window.signing
    rows = store.inspections.rows()
    unfinished = next(r.id for r in rows if r.status == "draft" and r.rubric_id == "village-work-team"
                      and _missing(store, r.id))
    finished = next(r.id for r in rows if r.status == "draft" and not _missing(store, r.id))

    window.list_page.select(unfinished)
    dialog = actions.sign()
    kit.place(dialog)
    kit.shoot("sign-unfinished")
    dialog.close()

    window.list_page.select(finished)
    dialog = actions.sign()
    kit.place(dialog)
    rng = random.Random(3)
    names = ("张三", "李四", "王村长") if kit.language == "zh" else ("Zhang San", "Li Si", "Wang")
    for row, name in zip(dialog.rows, names):
        row.name_edit.setText(row.name() or name)
        row.pad.set_strokes(scribble(rng, 3))
    kit.shoot("sign-dialog")
    dialog.sign_button.click()  # stores the signatures, locks the inspection
    kit.settle(0.5)

    window.open_inspection(finished)
    kit.settle(0.5)
    window.ui.menuInspection.popup(window.mapToGlobal(window.ui.menubar.actionGeometry(
        window.ui.menuInspection.menuAction()).bottomLeft()))
    kit.shoot("signed-locked-menu")
    window.ui.menuInspection.hide()

    def shown(box):  # the real question, shown without blocking so it is captured over the window
        box.setTextValue("户主姓名录错,重新核对" if kit.language == "zh" else "a household head's name was wrong")
        box.show()
        kit.place(box)
        kit.shoot("amend-question")
        box.hide()
        return QtWidgets.QDialog.DialogCode.Accepted

    original = QtWidgets.QInputDialog.exec
    QtWidgets.QInputDialog.exec = shown
    try:
        actions.amend()
    finally:
        QtWidgets.QInputDialog.exec = original
    kit.settle(0.5)
    kit.shoot("amended-walk")

    history = actions.history()
    kit.place(history)
    kit.shoot("history-changes")
    history.tabs.setCurrentIndex(1)
    kit.shoot("history-signatures")
    history.close()

    window.show_list()
    signed = next(r.id for r in store.inspections.rows() if r.status in ("signed", "exported"))
    window.list_page.select(signed)
    shown = []
    actions.previewed.connect(shown.append)
    actions.preview()  # the sheet is made off the window's thread; the preview opens when it is made
    kit.wait_until(lambda: shown, 120)
    preview = shown[0]
    kit.place(preview)
    kit.settle(1.0)
    kit.shoot("sheet-preview")
    preview.view.pageNavigator().jump(preview.page_count() - 1, preview.view.pageNavigator().currentLocation())
    kit.settle(1.0)
    kit.shoot("sheet-preview-signatures")
    preview.close()

    many = actions.print_many()
    kit.place(many)
    many.list.setFocus()
    kit.shoot("print-many")
    _, _, QtPrintSupport = pdf_modules()
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(Path(kit.home) / "printed.pdf"))
    printer.setResolution(300)
    printed = []
    many.printed.connect(printed.append)
    many.print_checked(printer)  # made and painted on a pool thread: the dialog shows its progress meanwhile
    kit.shoot("print-many-printing")
    if not kit.wait_until(lambda: bool(printed), 300):
        return 1
    kit.shoot("print-many-done")
    kit.wait_for_jobs()
    store.close()
    return 0


def _missing(store, inspection_id: str) -> bool:
    from fieldcheck.ops.signing import unanswered  # lazy: cryptography, reportlab, as the window loads them

    return bool(unanswered(store, inspection_id))
