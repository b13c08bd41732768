# Generated from ui/inspection_list.ui by scripts/build_ui.py (pyside6-uic): do not edit.
# Edit the .ui file in Qt Designer, then run: .venv/bin/python scripts/build_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_list.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QToolButton, QVBoxLayout)

class Ui_InspectionList(object):
    def setupUi(self, InspectionList):
        if not InspectionList.objectName():
            InspectionList.setObjectName(u"InspectionList")
        InspectionList.resize(1000, 600)
        self.mainLayout = QVBoxLayout(InspectionList)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(InspectionList)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.statusLabel = QLabel(InspectionList)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(InspectionList)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.placeLabel = QLabel(InspectionList)
        self.placeLabel.setObjectName(u"placeLabel")

        self.filterLayout.addWidget(self.placeLabel)

        self.placeCombo = QComboBox(InspectionList)
        self.placeCombo.setObjectName(u"placeCombo")
        self.placeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.filterLayout.addWidget(self.placeCombo)


        self.mainLayout.addLayout(self.filterLayout)

        self.table = QTableView(InspectionList)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.undoBar = QFrame(InspectionList)
        self.undoBar.setObjectName(u"undoBar")
        self.undoBar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undoLayout = QHBoxLayout(self.undoBar)
        self.undoLayout.setObjectName(u"undoLayout")
        self.undoLabel = QLabel(self.undoBar)
        self.undoLabel.setObjectName(u"undoLabel")
        self.undoLabel.setWordWrap(True)

        self.undoLayout.addWidget(self.undoLabel)

        self.undoButton = QPushButton(self.undoBar)
        self.undoButton.setObjectName(u"undoButton")

        self.undoLayout.addWidget(self.undoButton)

        self.undoCloseButton = QToolButton(self.undoBar)
        self.undoCloseButton.setObjectName(u"undoCloseButton")
        self.undoCloseButton.setText(u"\u2715")
        self.undoCloseButton.setAutoRaise(True)

        self.undoLayout.addWidget(self.undoCloseButton)


        self.mainLayout.addWidget(self.undoBar)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.newButton = QPushButton(InspectionList)
        self.newButton.setObjectName(u"newButton")

        self.buttonLayout.addWidget(self.newButton)

        self.openButton = QPushButton(InspectionList)
        self.openButton.setObjectName(u"openButton")

        self.buttonLayout.addWidget(self.openButton)

        self.duplicateButton = QPushButton(InspectionList)
        self.duplicateButton.setObjectName(u"duplicateButton")

        self.buttonLayout.addWidget(self.duplicateButton)

        self.deleteButton = QPushButton(InspectionList)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttonLayout.addWidget(self.deleteButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.countLabel = QLabel(InspectionList)
        self.countLabel.setObjectName(u"countLabel")

        self.buttonLayout.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusCombo)
        self.placeLabel.setBuddy(self.placeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InspectionList)

        self.openButton.setDefault(True)


        QMetaObject.connectSlotsByName(InspectionList)
    # setupUi

    def retranslateUi(self, InspectionList):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("InspectionList", u"Search by village, assessee, inspector or inspection id", None))
        self.statusLabel.setText(QCoreApplication.translate("InspectionList", u"&Status:", None))
        self.placeLabel.setText(QCoreApplication.translate("InspectionList", u"&Place:", None))
        self.undoButton.setText(QCoreApplication.translate("InspectionList", u"&Undo", None))
        self.newButton.setText(QCoreApplication.translate("InspectionList", u"&New inspection\u2026", None))
        self.openButton.setText(QCoreApplication.translate("InspectionList", u"&Open", None))
        self.duplicateButton.setText(QCoreApplication.translate("InspectionList", u"D&uplicate", None))
        self.deleteButton.setText(QCoreApplication.translate("InspectionList", u"&Delete", None))
        pass
    # retranslateUi

