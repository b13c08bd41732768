"""The window's language: Qt translators for Chinese, English as the source language.

Convention (shared by every module in fieldcheck/gui, decided for the whole window):

* UI strings are written in **English** in the code, always through ``self.tr("...")`` in a
  QObject subclass (or ``QCoreApplication.translate("Context", "...")`` elsewhere), and in
  English in the Designer forms under ``ui/``. Chinese comes from Qt Linguist catalogues.
* One catalogue per module: ``fieldcheck/gui/<screen>/X.py`` (or a sub-package such as
  ``walk/editors/``) together with the form ``ui/X.ui`` when there is one has its
  translations in ``resources/translations/X_zh_CN.ts``; a form with no module of its name
  gets its own ``<form>_zh_CN.ts``. Fill the ``<translation>`` elements (Qt Linguist, or by
  hand) and leave no entry ``type="unfinished"``: tests/gui/test_i18n.py fails on an
  untranslated string.
* ``python scripts/build_ui.py`` regenerates everything generated: the forms in
  ``fieldcheck/gui/forms/`` (pyside6-uic), the .ts catalogues (pyside6-lupdate, which keeps
  existing translations) and the compiled .qm files (pyside6-lrelease). Generated outputs are
  committed; tests/test_ui_generated.py fails when they are stale.
* The language is chosen as: the setting saved from the settings dialog ("zh" or "en"), else
  ``FIELDCHECK_LANG``, else the system locale (Chinese locale → Chinese, anything else →
  English). The choice is also handed to ``fieldcheck.i18n.set_default`` so that messages
  from the domain code (``fieldcheck.i18n.t``, e.g. a StoreError) speak the window's language.
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldcheck import i18n
from fieldcheck.gui.qt import QtCore
from fieldcheck.shipped import resource_dir

LANGUAGES = ("zh", "en")
SETTING_KEY = "ui/language"  # "zh", "en", or absent/"" for "follow the system"


def translations_dir() -> Path:
    """``resources/translations`` (see ``fieldcheck.shipped``)."""
    return resource_dir("translations")


def saved_language(settings: QtCore.QSettings) -> str:
    """The language saved in the settings, or ``""`` when the user left it to the system."""
    value = str(settings.value(SETTING_KEY, "") or "")
    return value if value in LANGUAGES else ""


def choose_language(settings: QtCore.QSettings) -> str:
    """``"zh"`` or ``"en"``: the saved setting, else FIELDCHECK_LANG, else the system locale."""
    # The environment is read afresh: an earlier switch has pinned i18n.current() to its choice.
    return saved_language(settings) or i18n.from_environment()


class QtGaps(QtCore.QTranslator):
    """Qt 6's file dialog strings that Qt's own zh_CN catalogue (still Qt 5's) lacks, so "Look in:",
    "Files of type:" and every folder's type would stay English in a Chinese file dialog."""

    GAPS = {("QFileDialog", "&Look in:"): "查找范围(&L)：", ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
            ("QAbstractFileIconProvider", "Folder"): "文件夹"}

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt calls it with all four
        return self.GAPS.get((context, source))  # None: not ours, Qt asks the next catalogue

    def isEmpty(self) -> bool:
        return False


class Translations:
    """The translators installed on the application for one language; ``switch`` replaces them."""

    def __init__(self, app: QtCore.QCoreApplication):
        self.app = app
        self.language = ""
        self._installed: list[QtCore.QTranslator] = []

    def switch(self, language: str) -> None:
        """Install the catalogues for ``language`` (removing the previous ones) and export it."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        self.language = language
        # Domain messages (fieldcheck.i18n.t) follow the window's language.
        i18n.set_default(language)
        if language != "zh":
            return  # English is the source language: nothing to load.
        qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        files = [Path(qt_dir) / "qtbase_zh_CN.qm"]  # Qt's own strings: OK, Cancel, context menus
        folder = translations_dir()  # os.listdir, not Path.glob: no pattern compiled at every start
        files += sorted(folder / n for n in os.listdir(folder) if n.endswith("_zh_CN.qm"))
        # installed first, so asked last: only for what no catalogue translates (Python is slower to ask)
        gaps = QtGaps(self.app)
        self.app.installTranslator(gaps)
        self._installed.append(gaps)
        for path in files:
            translator = QtCore.QTranslator(self.app)
            if path.is_file() and translator.load(str(path)):
                self.app.installTranslator(translator)
                self._installed.append(translator)

    def catalogues(self) -> list[str]:
        """File names of the loaded catalogues (for tests and the about box)."""
        return [Path(t.filePath()).name for t in self._installed if t.filePath()]
