"""The settings dialog: the interface language and where the data lives (Picard's load/save/check)."""

from __future__ import annotations

from pathlib import Path

from fieldcheck.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from fieldcheck.gui.i18n import SETTING_KEY, saved_language
from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.store import holds_id_number

#: the inspector's own name (the default inspector of a new inspection, and who the audit log names)
INSPECTOR_KEY = "me/name"
#: a name for this laptop that people read ("县扶贫办 2 号机"); the device id stays as it is
DEVICE_LABEL_KEY = "me/device_label"


def inspector_name(settings: QtCore.QSettings) -> str:
    return str(settings.value(INSPECTOR_KEY, "") or "").strip()


def device_label(settings: QtCore.QSettings) -> str:
    return str(settings.value(DEVICE_LABEL_KEY, "") or "").strip()


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
        # who and which laptop, above where the data lives (added here, the form keeps the rest)
        self.name_edit = QtWidgets.QLineEdit()
        self.name_edit.setObjectName("inspectorNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Used as the inspector of new inspections and in the change log"))
        self.device_edit = QtWidgets.QLineEdit()
        self.device_edit.setObjectName("deviceLabelEdit")
        self.device_edit.setPlaceholderText(self.tr("e.g. 县扶贫办 2 号机"))
        self.ui.form.insertRow(1, self.tr("My name"), self.name_edit)
        self.ui.form.insertRow(2, self.tr("This laptop"), self.device_edit)
        for before, after in ((self.ui.languageCombo, self.name_edit), (self.name_edit, self.device_edit),
                              (self.device_edit, self.ui.dataFolderEdit)):
            QtWidgets.QWidget.setTabOrder(before, after)  # Tab follows the rows, the added ones included
        self.ui.dataFolderEdit.setText(str(data_dir))
        self.ui.databaseEdit.setText(str(db_path))
        self.error_label = QtWidgets.QLabel()
        self.error_label.setObjectName("settingsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: rgb(190,20,20);")
        self.error_label.hide()
        self.ui.mainLayout.insertWidget(self.ui.mainLayout.indexOf(self.ui.buttonBox), self.error_label)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.load()

    def load(self) -> None:
        index = self.ui.languageCombo.findData(saved_language(self.settings))
        self.ui.languageCombo.setCurrentIndex(max(index, 0))
        self.name_edit.setText(inspector_name(self.settings))
        self.device_edit.setText(device_label(self.settings))

    def save(self) -> None:
        chosen = self.ui.languageCombo.currentData()
        self.language_changed = chosen != saved_language(self.settings)
        if chosen:
            self.settings.setValue(SETTING_KEY, chosen)
        else:
            self.settings.remove(SETTING_KEY)
        for key, edit in ((INSPECTOR_KEY, self.name_edit), (DEVICE_LABEL_KEY, self.device_edit)):
            text = " ".join(edit.text().split())
            if text:
                self.settings.setValue(key, text)
            else:
                self.settings.remove(key)
        self.settings.sync()

    def accept(self) -> None:
        # the name goes into every change's audit row (and so into bundles): never a whole ID number
        for label, edit in ((self.tr("My name"), self.name_edit), (self.tr("This laptop"), self.device_edit)):
            if holds_id_number(edit.text()):
                self.error_label.setText(self.tr("{0}: this holds a whole ID number; remove the number and type only "
                                                 "the name.").format(label))
                self.error_label.show()
                edit.setFocus()
                return
        self.save()
        super().accept()
