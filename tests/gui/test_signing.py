"""Signing in the window: the pad, the sign dialog, the sheet's preview, printing, the history."""

from __future__ import annotations

import threading

import pypdfium2
import pytest
from sheetkit import finished_inspection, signers
from signkit import amend_answering, signed_and_open

from fieldcheck.gui.qt import Qt, QtCore, pdf_modules
from fieldcheck.gui.signing.inspection_history import HistoryDialog
from fieldcheck.gui.signing.sheet_preview import PrintSheetsDialog, SheetPreview
from fieldcheck.gui.signing.sign_dialog import SignDialog
from fieldcheck.gui.signing.signature_pad import SignaturePad
from fieldcheck.ops import signing
from fieldcheck.signing.keys import DeviceKey


@pytest.fixture
def key_folder(tmp_path):
    return tmp_path / "keys"


def draw(qtbot, pad: SignaturePad, points) -> None:
    """Drag the mouse across the pad through ``points`` (fractions of its size)."""
    w, h = pad.width(), pad.height()
    first = QtCore.QPoint(int(points[0][0] * w), int(points[0][1] * h))
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=first)
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QtCore.QPoint(int(x * w), int(y * h)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(int(points[-1][0] * w),
                                                                         int(points[-1][1] * h)))


def test_the_pad_keeps_mouse_strokes_in_pad_fractions(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 100)
    pad.show()
    assert pad.is_empty()
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad, [(0.1, 0.5), (0.3, 0.2), (0.6, 0.8)])
    draw(qtbot, pad, [(0.7, 0.5), (0.9, 0.5)])
    strokes = pad.strokes()
    assert len(strokes) == 2 and len(strokes[0]) >= 3
    assert all(0 <= x <= 1 and 0 <= y <= 1 for s in strokes for x, y in s)
    assert strokes[0][0] == pytest.approx((0.1, 0.5), abs=0.02)
    pad.clear()
    assert pad.is_empty()


def test_an_unfinished_inspection_lists_its_items_and_jumps_to_one(qtbot, store, key_folder):
    inspection = finished_inspection(store, photos=0, finish=False)
    dialog = SignDialog(store, inspection, key_folder=key_folder)
    qtbot.addWidget(dialog)
    assert not dialog.sign_button.isEnabled() and dialog.rows == []
    assert dialog.missing_list.count() == len(signing.unanswered(store, inspection)) > 0
    first = dialog.missing_list.item(0).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(dialog.go_to_item) as jumped:
        dialog.missing_list.itemActivated.emit(dialog.missing_list.item(0))
    assert jumped.args == [first]
    assert store.inspections.get(inspection).status == "draft"


def test_signing_in_the_dialog_stores_strokes_and_images(qtbot, store, key_folder):
    inspection = finished_inspection(store, photos=0, handbook_errors=2)
    dialog = SignDialog(store, inspection, key_folder=key_folder)
    qtbot.addWidget(dialog)
    dialog.show()
    roles = [r.role for r in dialog.rows]
    assert roles == ["leader", "member", "representative"]
    assert [r.name() for r in dialog.rows] == ["张三", "李四", ""]
    # a named signer who has not signed is refused, nothing is stored
    draw(qtbot, dialog.rows[0].pad, [(0.1, 0.5), (0.5, 0.2), (0.9, 0.6)])
    dialog.sign_button.click()
    assert dialog.error_label.isVisible() and "李四" in dialog.error_label.text()
    assert store.inspections.get(inspection).status == "draft"
    draw(qtbot, dialog.rows[1].pad, [(0.2, 0.4), (0.8, 0.5)])
    dialog.rows[2].name_edit.setText("王村长")
    draw(qtbot, dialog.rows[2].pad, [(0.2, 0.6), (0.4, 0.3), (0.7, 0.6)])
    with qtbot.waitSignal(dialog.signed):
        dialog.sign_button.click()
    assert store.inspections.get(inspection).status == "signed"
    stored = store.signatures.active(inspection)
    assert [(s.role, s.name) for s in stored] == [("leader", "张三"), ("member", "李四"),
                                                   ("representative", "王村长")]
    assert all(s.image.startswith(b"\x89PNG") and s.strokes for s in stored)
    assert (key_folder / "device-key.pem").exists()


def test_preview_save_and_print(qtbot, store, key_folder, tmp_path):
    inspection = finished_inspection(store, photos=1, handbook_errors=3)
    key = DeviceKey.load_or_create("laptop1", key_folder)
    signing.sign_inspection(store, inspection, signers(), key)
    preview = SheetPreview(store, inspection, key_folder=key_folder)
    qtbot.addWidget(preview)
    pages = preview.page_count()
    assert pages >= 3
    saved = preview.save(str(tmp_path / "saved.pdf"))
    check = signing.verify_sheet(saved.read_bytes(), store)
    assert check.standing == "current" and check.fingerprint == key.fingerprint
    _, _, QtPrintSupport = pdf_modules()
    printer = QtPrintSupport.QPrinter()
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    assert preview.print_sheet(printer) == pages
    assert len(pypdfium2.PdfDocument(str(tmp_path / "printed.pdf"))) == pages


def test_many_sheets_print_as_one_job_off_the_windows_thread(qtbot, store, key_folder, tmp_path, sheet_threads):
    key = DeviceKey.load_or_create("laptop1", key_folder)
    first = finished_inspection(store, photos=0, handbook_errors=2)
    second = finished_inspection(store, photos=0, handbook_errors=1, village_name="桃花村")
    draft = finished_inspection(store, photos=0, finish=False, village_name="竹村")
    for inspection in (first, second):
        signing.sign_inspection(store, inspection, signers(), key)
    dialog = PrintSheetsDialog(store, store.inspections.rows(), key_folder=key_folder)
    qtbot.addWidget(dialog)
    assert sorted(dialog.checked_ids()) == sorted([first, second])  # drafts start unticked
    expected = sum(len(pypdfium2.PdfDocument(signing.sheet_pdf(store, i, key))) for i in (first, second))
    _, _, QtPrintSupport = pdf_modules()
    printer = QtPrintSupport.QPrinter()
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "batch.pdf"))
    printer.setResolution(80)
    sheet_threads.clear()  # the sheets made above to count the pages: on this thread
    with qtbot.waitSignal(dialog.printed, timeout=120_000) as printed:
        job = dialog.print_checked(printer)
        # the sheets are made and painted on a pool thread: the window paints and answers meanwhile
        assert job is not None and dialog.progress.isVisibleTo(dialog) and not dialog.print_button.isEnabled()
    assert printed.args == [expected]
    assert sheet_threads and all(t is not threading.main_thread() for t in sheet_threads)
    assert len(pypdfium2.PdfDocument(str(tmp_path / "batch.pdf"))) == expected
    assert draft not in dialog.checked_ids()


def test_history_shows_signing_amending_and_voided_signatures(qtbot, store, key_folder):
    inspection = finished_inspection(store, photos=0, handbook_errors=2)
    key = DeviceKey.load_or_create("laptop1", key_folder)
    signing.sign_inspection(store, inspection, signers(), key)
    signing.amend(store, inspection, "户主姓名录错")
    dialog = HistoryDialog(store, inspection)
    qtbot.addWidget(dialog)
    changes = [[dialog.changes.item(r, c).text() for c in range(5)] for r in range(dialog.changes.rowCount())]
    assert any(row[3].startswith("Signed revision 1") or row[3].startswith("签署第 1 版") for row in changes)
    amend = next(row for row in changes if "→ 2" in row[3])
    assert "户主姓名录错" in amend[4] and amend[1] == "李明"
    assert sum("户主姓名录错" in row[4] for row in changes) == 4  # the amendment and three voided signatures
    # it opens on the latest change (what one opens a history for), not on the inspection's creation
    assert dialog.changes.currentRow() == dialog.changes.rowCount() - 1 and any("→ 2" in row[3] for row in changes[-5:])
    table = dialog.signatures
    assert table.rowCount() == 3
    for r in range(3):
        assert table.item(r, 2).font().strikeOut() and "户主姓名录错" in table.item(r, 4).text()


def test_the_pad_takes_a_pen_and_a_finger(qtbot):
    from fieldcheck.gui.qt import QtGui, QtWidgets

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 100)
    pad.show()
    pen = QtGui.QPointingDevice("pen", 1, QtGui.QInputDevice.DeviceType.Stylus, QtGui.QPointingDevice.PointerType.Pen,
                                QtGui.QInputDevice.Capability.Position | QtGui.QInputDevice.Capability.Pressure, 1, 3)

    def tablet(kind, x, y):
        p = QtCore.QPointF(x, y)
        QtWidgets.QApplication.sendEvent(pad, QtGui.QTabletEvent(
            kind, pen, p, pad.mapToGlobal(p), 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton))

    tablet(QtCore.QEvent.Type.TabletPress, 40, 50)
    tablet(QtCore.QEvent.Type.TabletMove, 200, 30)
    tablet(QtCore.QEvent.Type.TabletRelease, 200, 30)
    finger = QtGui.QPointingDevice("touch", 2, QtGui.QInputDevice.DeviceType.TouchScreen,
                                   QtGui.QPointingDevice.PointerType.Finger, QtGui.QInputDevice.Capability.Position,
                                   1, 0)

    def touch(kind, state, x, y):
        p = QtCore.QPointF(x, y)
        point = QtGui.QEventPoint(1, state, p, pad.mapToGlobal(p))
        QtWidgets.QApplication.sendEvent(pad, QtGui.QTouchEvent(kind, finger, Qt.KeyboardModifier.NoModifier, [point]))

    touch(QtCore.QEvent.Type.TouchBegin, QtGui.QEventPoint.State.Pressed, 300, 50)
    touch(QtCore.QEvent.Type.TouchUpdate, QtGui.QEventPoint.State.Updated, 350, 70)
    touch(QtCore.QEvent.Type.TouchEnd, QtGui.QEventPoint.State.Released, 380, 60)
    pen_stroke, finger_stroke = pad.strokes()
    assert pen_stroke == [(0.1, 0.5), (0.5, 0.3)]
    assert finger_stroke[0] == (0.75, 0.5) and finger_stroke[-1] == (0.95, 0.6)


def _tab_round(qtbot, dialog) -> tuple[list, list]:
    """Tab from the first stop once round the dialog: (the stops in screen order, the widgets Tab visited)."""
    from fieldcheck.gui.qt import QtWidgets
    from fieldcheck.gui.widgets.tab_order import screen_sorted, tab_stops

    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    stops = screen_sorted(tab_stops(dialog))
    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    visited = [QtWidgets.QApplication.focusWidget()]
    for _ in range(len(stops)):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QtWidgets.QApplication.focusWidget())
    return stops, visited


def test_every_signing_dialog_is_walked_with_tab_and_its_buttons_have_mnemonics(qtbot, store, key_folder):
    from fieldcheck.gui.qt import QtWidgets

    key = DeviceKey.load_or_create("laptop1", key_folder)
    finished = finished_inspection(store, photos=0, handbook_errors=2)
    unfinished = finished_inspection(store, photos=0, finish=False, village_name="竹村")
    dialogs = [lambda: SignDialog(store, finished, key_folder=key_folder),
               lambda: SignDialog(store, unfinished, key_folder=key_folder)]
    signing.sign_inspection(store, finished, signers(), key)
    dialogs += [lambda: SheetPreview(store, finished, key_folder=key_folder),
                lambda: PrintSheetsDialog(store, store.inspections.rows(), key_folder=key_folder)]
    signing.amend(store, finished, "户主姓名录错")
    dialogs.append(lambda: HistoryDialog(store, finished))
    for make in dialogs:
        dialog = make()
        stops, visited = _tab_round(qtbot, dialog)
        name = type(dialog).__name__
        assert set(visited) == set(stops) and visited[-1] is visited[0], (name, visited)  # every stop, no trap
        buttons = [b for b in dialog.findChildren(QtWidgets.QPushButton) if b.isVisibleTo(dialog)]
        for button in buttons:
            if button.text() not in ("Cancel", "Close", "OK", "取消", "关闭", "确定"):  # Esc closes; Qt words them
                assert "&" in button.text(), (name, button.text())
        dialog.close()


def test_the_amend_question_is_answered_with_the_keyboard(qtbot, make_shell, home_store, village, home):
    from fieldcheck.gui.qt import QtWidgets

    window = signed_and_open(make_shell, home_store, village, home)
    seen = {}

    def fill(box):
        editor = box.findChild(QtWidgets.QPlainTextEdit)
        qtbot.keyClicks(editor, "2.1.3 lu cuo")
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # to the buttons, not a tab character in the reason
        seen["text"], seen["left"] = editor.toPlainText(), QtWidgets.QApplication.focusWidget() is not editor

    assert amend_answering(window, fill) == 2
    assert seen == {"text": "2.1.3 lu cuo", "left": True}
    assert home_store.signatures.revisions(village)[0].amend_reason == "2.1.3 lu cuo"


def test_the_history_says_what_changed_in_the_windows_language(qtbot, make_shell, home_store, village, home):
    from sheetkit import finish

    window = make_shell().window  # in Chinese (FIELDCHECK_LANG=zh), with the translations installed
    finish(home_store, village)
    signing.sign_inspection(home_store, village, signers(), DeviceKey.load_or_create("laptop1", home / "keys"))
    window.list_page.refresh(select_id=village)
    dialog = window.signing.history()
    qtbot.addWidget(dialog)
    details = [dialog.changes.item(r, 4).text() for r in range(dialog.changes.rowCount())]
    finding = next(d for d in details if "2.1.3" in d)
    assert finding.startswith("项目: 2.1.3") and "值: 2" in finding
    signature = next(d for d in details if "王村长" in d and "检查组组长" not in d)
    assert "被检查单位负责人" in signature
    assert "状态: 草稿 → 已签字" in details
    for english in ("item_id", "entered_by", "strokes", "image", "role", "signed_at", "True", "False", "draft"):
        assert not any(english in d for d in details), english


def test_history_marks_a_time_from_a_laptop_whose_clock_was_wrong(qtbot, store, monkeypatch, chinese):
    """A finding entered where a dead CMOS battery said 2001 shows 2001 in the history: marked, so nobody
    reads it as made 25 years before the others."""
    from fieldcheck.store import database

    inspection = finished_inspection(store, photos=0, handbook_errors=1)
    with monkeypatch.context() as m:
        m.setattr(database, "_now", lambda: "2001-01-01T08:00:00.000000Z")
        store.findings.add(inspection, "2.1.1", note="台账缺页")
    dialog = HistoryDialog(store, inspection)
    qtbot.addWidget(dialog)
    times = [dialog.changes.item(r, 0).text() for r in range(dialog.changes.rowCount())]
    assert "2001-01-01 08:00:00(设备时钟有误)" in times
    assert all("设备时钟有误" not in t for t in times if not t.startswith("2001"))
