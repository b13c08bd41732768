# Generated from ui/settings_dialog.ui by scripts/build_ui.py (pyside6-uic): do not edit.
# Edit the .ui file in Qt Designer, then run: .venv/bin/python scripts/build_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(560, 220)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.languageLabel = QLabel(SettingsDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(SettingsDialog)
        self.languageCombo.setObjectName(u"languageCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.dataFolderLabel = QLabel(SettingsDialog)
        self.dataFolderLabel.setObjectName(u"dataFolderLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dataFolderLabel)

        self.dataFolderEdit = QLineEdit(SettingsDialog)
        self.dataFolderEdit.setObjectName(u"dataFolderEdit")
        self.dataFolderEdit.setReadOnly(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dataFolderEdit)

        self.databaseLabel = QLabel(SettingsDialog)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseEdit = QLineEdit(SettingsDialog)
        self.databaseEdit.setObjectName(u"databaseEdit")
        self.databaseEdit.setReadOnly(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.databaseEdit)


        self.mainLayout.addLayout(self.form)

        self.noteLabel = QLabel(SettingsDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.noteLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.dataFolderLabel.setBuddy(self.dataFolderEdit)
        self.databaseLabel.setBuddy(self.databaseEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Language:", None))
        self.dataFolderLabel.setText(QCoreApplication.translate("SettingsDialog", u"Data folder:", None))
        self.databaseLabel.setText(QCoreApplication.translate("SettingsDialog", u"Database file:", None))
        self.noteLabel.setText(QCoreApplication.translate("SettingsDialog", u"A new language applies at once; the open inspection stays where it is.", None))
    # retranslateUi

