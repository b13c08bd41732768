# Generated from ui/new_inspection.ui by scripts/build_ui.py (pyside6-uic): do not edit.
# Edit the .ui file in Qt Designer, then run: .venv/bin/python scripts/build_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_inspection.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_NewInspectionDialog(object):
    def setupUi(self, NewInspectionDialog):
        if not NewInspectionDialog.objectName():
            NewInspectionDialog.setObjectName(u"NewInspectionDialog")
        NewInspectionDialog.resize(560, 300)
        self.mainLayout = QVBoxLayout(NewInspectionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rubricLabel = QLabel(NewInspectionDialog)
        self.rubricLabel.setObjectName(u"rubricLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rubricLabel)

        self.rubricCombo = QComboBox(NewInspectionDialog)
        self.rubricCombo.setObjectName(u"rubricCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rubricCombo)

        self.assesseeLabel = QLabel(NewInspectionDialog)
        self.assesseeLabel.setObjectName(u"assesseeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.assesseeLabel)

        self.assesseeCombo = QComboBox(NewInspectionDialog)
        self.assesseeCombo.setObjectName(u"assesseeCombo")
        self.assesseeCombo.setEditable(True)
        self.assesseeCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.assesseeCombo)

        self.groupLabel = QLabel(NewInspectionDialog)
        self.groupLabel.setObjectName(u"groupLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupCombo = QComboBox(NewInspectionDialog)
        self.groupCombo.setObjectName(u"groupCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.inspectorsLabel = QLabel(NewInspectionDialog)
        self.inspectorsLabel.setObjectName(u"inspectorsLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.inspectorsLabel)

        self.inspectorsEdit = QLineEdit(NewInspectionDialog)
        self.inspectorsEdit.setObjectName(u"inspectorsEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.inspectorsEdit)

        self.dateLabel = QLabel(NewInspectionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(NewInspectionDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(NewInspectionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b00020;")

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(NewInspectionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.rubricLabel.setBuddy(self.rubricCombo)
        self.assesseeLabel.setBuddy(self.assesseeCombo)
        self.groupLabel.setBuddy(self.groupCombo)
        self.inspectorsLabel.setBuddy(self.inspectorsEdit)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rubricCombo, self.assesseeCombo)
        QWidget.setTabOrder(self.assesseeCombo, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.inspectorsEdit)
        QWidget.setTabOrder(self.inspectorsEdit, self.dateEdit)

        self.retranslateUi(NewInspectionDialog)

        QMetaObject.connectSlotsByName(NewInspectionDialog)
    # setupUi

    def retranslateUi(self, NewInspectionDialog):
        NewInspectionDialog.setWindowTitle(QCoreApplication.translate("NewInspectionDialog", u"New inspection", None))
        self.rubricLabel.setText(QCoreApplication.translate("NewInspectionDialog", u"&Rubric:", None))
        self.assesseeLabel.setText(QCoreApplication.translate("NewInspectionDialog", u"&Assessee:", None))
        self.groupLabel.setText(QCoreApplication.translate("NewInspectionDialog", u"&Group:", None))
        self.inspectorsLabel.setText(QCoreApplication.translate("NewInspectionDialog", u"&Inspectors:", None))
        self.inspectorsEdit.setPlaceholderText(QCoreApplication.translate("NewInspectionDialog", u"Names separated by commas", None))
        self.dateLabel.setText(QCoreApplication.translate("NewInspectionDialog", u"&Date:", None))
    # retranslateUi

