"""Errors a person can act on: an exception escaping a slot is logged and shown as one sentence."""

from __future__ import annotations

import logging

import pytest

from fieldcheck.gui.errors import LOG_BACKUPS, ErrorHandler, log, log_path, setup_logging
from fieldcheck.gui.i18n import Translations
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.store import StoreError

# pytest-qt would catch the exception itself; here the application's own hook must.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def hook(qapp, tmp_path):
    handler = ErrorHandler(tmp_path, qapp).install()
    yield handler
    handler.uninstall()
    if handler.box is not None:
        handler.box.close()
    for h in list(log.handlers):
        if getattr(h, "fieldcheck_log", False):
            log.removeHandler(h)
            h.close()


def failing_button(qtbot, error: BaseException) -> QtWidgets.QPushButton:
    def slot():
        raise error

    button = QtWidgets.QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(slot)
    return button


def test_a_bug_in_a_slot_is_logged_and_shown_as_one_sentence_naming_the_log(qtbot, hook, tmp_path):
    button = failing_button(qtbot, RuntimeError("index 7 out of range in the rubric tree"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = hook.box
    assert box is not None and box.isVisible() and not box.isModal()
    path = tmp_path / "logs" / "fieldcheck.log"
    assert box.text().startswith("Something went wrong") and str(path) in box.text()
    assert "Traceback" not in box.text() and box.text().count(".") <= 2 + str(path).count(".")
    logged = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: index 7 out of range in the rubric tree" in logged and "in slot" in logged
    # a second failure while the box is open adds no second box, but is logged
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    boxes = [w for w in QtWidgets.QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]
    assert len(boxes) == 1
    assert path.read_text(encoding="utf-8").count("RuntimeError: index 7") == 2


def test_a_user_error_escaping_a_slot_shows_just_its_sentence(qtbot, hook, tmp_path):
    button = failing_button(qtbot, StoreError("这份检查已删除,请先恢复"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert hook.box.text() == "这份检查已删除,请先恢复"
    assert "Traceback" not in (tmp_path / "logs" / "fieldcheck.log").read_text(encoding="utf-8")


def test_the_sentence_is_in_the_interface_language(qtbot, qapp, hook, tmp_path):
    translations = Translations(qapp)
    translations.switch("zh")
    try:
        qtbot.mouseClick(failing_button(qtbot, ZeroDivisionError("division by zero")), Qt.MouseButton.LeftButton)
        text = hook.box.text()
    finally:
        translations.switch("en")
    assert "出错" in text and str(tmp_path / "logs" / "fieldcheck.log") in text
    assert "ZeroDivisionError" in (tmp_path / "logs" / "fieldcheck.log").read_text(encoding="utf-8")


def test_the_log_rotates(tmp_path):
    path = setup_logging(tmp_path)
    handler = next(h for h in log.handlers if getattr(h, "fieldcheck_log", False))
    try:
        handler.maxBytes = 2000  # the real limit is 1 MB; the rotation is the same
        for n in range(200):
            log.warning("line %d %s", n, "x" * 50)
        rotated = sorted(p.name for p in path.parent.iterdir())
        assert rotated == ["fieldcheck.log", *[f"fieldcheck.log.{n}" for n in range(1, LOG_BACKUPS + 1)]]
        assert "line 199" in path.read_text(encoding="utf-8")
        assert path == log_path(tmp_path)
    finally:
        log.removeHandler(handler)
        handler.close()
        log.setLevel(logging.NOTSET)
