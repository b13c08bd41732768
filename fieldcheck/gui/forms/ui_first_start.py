# Generated from ui/first_start.ui by scripts/build_ui.py (pyside6-uic): do not edit.
# Edit the .ui file in Qt Designer, then run: .venv/bin/python scripts/build_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_FirstStartDialog(object):
    def setupUi(self, FirstStartDialog):
        if not FirstStartDialog.objectName():
            FirstStartDialog.setObjectName(u"FirstStartDialog")
        FirstStartDialog.resize(560, 320)
        self.mainLayout = QVBoxLayout(FirstStartDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(FirstStartDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.introLabel = QLabel(FirstStartDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.rubricsLabel = QLabel(FirstStartDialog)
        self.rubricsLabel.setObjectName(u"rubricsLabel")
        self.rubricsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.rubricsLabel)

        self.nameLayout = QFormLayout()
        self.nameLayout.setObjectName(u"nameLayout")
        self.nameLabel = QLabel(FirstStartDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.nameLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FirstStartDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.mainLayout.addLayout(self.nameLayout)

        self.errorLabel = QLabel(FirstStartDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: rgb(170, 0, 0);")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.demoButton = QPushButton(FirstStartDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.mainLayout.addWidget(self.demoButton)

        self.emptyButton = QPushButton(FirstStartDialog)
        self.emptyButton.setObjectName(u"emptyButton")

        self.mainLayout.addWidget(self.emptyButton)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstStartDialog)

        self.demoButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstStartDialog)
    # setupUi

    def retranslateUi(self, FirstStartDialog):
        FirstStartDialog.setWindowTitle(QCoreApplication.translate("FirstStartDialog", u"Welcome to FieldCheck", None))
        self.headingLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Welcome to FieldCheck", None))
        self.introLabel.setText(QCoreApplication.translate("FirstStartDialog", u"There are no inspections yet. Start with a demo county to see how an inspection is walked and scored, or start empty and add your own.", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Your &name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstStartDialog", u"Recorded with each change and printed on score sheets", None))
        self.demoButton.setText(QCoreApplication.translate("FirstStartDialog", u"Open a &demo county (sample villages and inspections)", None))
        self.emptyButton.setText(QCoreApplication.translate("FirstStartDialog", u"Start &empty", None))
    # retranslateUi

