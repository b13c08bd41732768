"""The settings dialog: the interface language and where the data lives (Picard's load/save/check)."""

from __future__ import annotations

from pathlib import Path

from fieldcheck.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from fieldcheck.gui.i18n import SETTING_KEY, saved_language
from fieldcheck.gui.qt import QtCore, QtWidgets


class SettingsDialog(QtWidgets.QDialog):
    """After ``exec()`` returns Accepted, ``language_changed`` says whether the window must retranslate."""

    def __init__(self, settings: QtCore.QSettings, *, data_dir: Path, db_path: Path, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.language_changed = False
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        combo = self.ui.languageCombo
        combo.addItem(self.tr("Follow the system"), "")
        # Each language is named in itself, so a user who cannot read the current one finds theirs.
        combo.addItem("中文", "zh")
        combo.addItem("English", "en")
        self.ui.dataFolderEdit.setText(str(data_dir))
        self.ui.databaseEdit.setText(str(db_path))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.load()

    def load(self) -> None:
        index = self.ui.languageCombo.findData(saved_language(self.settings))
        self.ui.languageCombo.setCurrentIndex(max(index, 0))

    def save(self) -> None:
        chosen = self.ui.languageCombo.currentData()
        self.language_changed = chosen != saved_language(self.settings)
        if chosen:
            self.settings.setValue(SETTING_KEY, chosen)
        else:
            self.settings.remove(SETTING_KEY)
        self.settings.sync()

    def accept(self) -> None:
        self.save()
        super().accept()
