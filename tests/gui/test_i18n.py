"""Languages: which one is chosen, that every catalogue is complete, and that the window really speaks it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from fieldcheck.gui.app import open_settings
from fieldcheck.gui.i18n import SETTING_KEY, Translations, choose_language, translations_dir
from fieldcheck.gui.qt import QtCore, QtWidgets

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CATALOGUES = sorted(translations_dir().glob("*_zh_CN.ts"))
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{\d+\}|%n|%\d")


def messages(ts):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


@pytest.fixture
def settings(tmp_path):
    return open_settings(tmp_path)


def test_the_saved_setting_wins_then_the_environment_then_the_locale(settings, monkeypatch):
    monkeypatch.setenv("FIELDCHECK_LANG", "en")
    assert choose_language(settings) == "en"
    settings.setValue(SETTING_KEY, "zh")
    assert choose_language(settings) == "zh"
    settings.remove(SETTING_KEY)
    monkeypatch.delenv("FIELDCHECK_LANG")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert choose_language(settings) == "zh"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert choose_language(settings) == "en"  # anything not Chinese gets English


def test_switching_installs_and_removes_the_chinese_catalogues(qapp, monkeypatch):
    monkeypatch.setenv("FIELDCHECK_LANG", "zh")
    translations = Translations(qapp)
    translate = QtCore.QCoreApplication.translate
    try:
        translations.switch("zh")
        assert "main_window_zh_CN.qm" in translations.catalogues()
        assert "qtbase_zh_CN.qm" in translations.catalogues()  # Qt's own OK / Cancel
        assert translate("InspectionList", "&Open") == "打开(&O)"
        assert translate("QPlatformTheme", "Cancel") == "取消"
        translations.switch("en")
        assert translations.catalogues() == []
        assert translate("InspectionList", "&Open") == "&Open"
    finally:
        translations.switch("en")


def test_a_file_dialog_in_the_chinese_window_is_chinese(qtbot, chinese, tmp_path):
    # the photo, bundle and workbook dialogs are Qt's own: Qt's zh_CN catalogue lacks three of its strings
    (tmp_path / "照片").mkdir()
    dialog = QtWidgets.QFileDialog(None, "添加照片", str(tmp_path))
    dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QtWidgets.QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)：" and labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："  # from Qt's catalogue, as before
    assert QtWidgets.QFileIconProvider().type(QtCore.QFileInfo(str(tmp_path / "照片"))) == "文件夹"


def test_there_is_a_compiled_catalogue_for_every_source():
    assert CATALOGUES, "no translation catalogues found"
    for ts in CATALOGUES:
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run scripts/build_ui.py"
        assert QtCore.QTranslator().load(str(qm)), qm.name


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_every_string_is_translated_with_its_placeholders(ts):
    problems = []
    for context, message in messages(ts):
        source = message.findtext("source")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append(f"{context}: untranslated {source!r}")
            continue
        for text in forms:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: placeholders differ in {source!r} → {text!r}")
            if "&" in source.replace("&&", "") and "&" not in text:
                problems.append(f"{context}: the keyboard accelerator of {source!r} is lost in {text!r}")
    assert problems == []


def visible_texts(window):
    texts = [a.text() for a in window.menuBar().actions()]
    for menu in window.menuBar().findChildren(QtWidgets.QMenu):
        texts += [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    page = window.list_page
    for kind in (QtWidgets.QPushButton, QtWidgets.QLabel):
        texts += [w.text() for w in page.findChildren(kind) if w.isVisibleTo(page) and w.text()]
    texts.append(page.ui.searchEdit.placeholderText())
    model = page.model
    texts += [model.headerData(c, QtCore.Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return texts


def test_the_chinese_window_has_no_english_left(qtbot, qapp, tmp_path, monkeypatch):
    from fieldcheck.gui.window.main_window import MainWindow
    from fieldcheck.store import Store

    monkeypatch.setenv("FIELDCHECK_LANG", "zh")
    translations = Translations(qapp)
    translations.switch("zh")
    store = Store.open(tmp_path / "zh.db")
    try:
        window = MainWindow(store, open_settings(tmp_path))
        qtbot.addWidget(window)
        english = [t for t in visible_texts(window) if not CJK.search(t) and re.search("[A-Za-z]{2}", t)]
        assert english == []
        window.close()
    finally:
        store.close()
        translations.switch("en")


def test_the_english_window_has_no_chinese_left(qtbot, qapp, tmp_path, monkeypatch):
    from fieldcheck.gui.window.main_window import MainWindow
    from fieldcheck.store import Store

    monkeypatch.setenv("FIELDCHECK_LANG", "en")
    store = Store.open(tmp_path / "en.db")
    try:
        window = MainWindow(store, open_settings(tmp_path))
        qtbot.addWidget(window)
        assert [t for t in visible_texts(window) if CJK.search(t)] == []
        window.close()
    finally:
        store.close()
