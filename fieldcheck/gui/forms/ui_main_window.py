# Generated from ui/main_window.ui by scripts/build_ui.py (pyside6-uic): do not edit.
# Edit the .ui file in Qt Designer, then run: .venv/bin/python scripts/build_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtGui import (QAction)
from PySide6.QtWidgets import (QMenu, QMenuBar, QStackedWidget, QStatusBar,
    QToolBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 720)
        self.actionNewInspection = QAction(MainWindow)
        self.actionNewInspection.setObjectName(u"actionNewInspection")
#if QT_CONFIG(shortcut)
        self.actionNewInspection.setShortcut(u"Ctrl+N")
#endif // QT_CONFIG(shortcut)
        self.actionShowList = QAction(MainWindow)
        self.actionShowList.setObjectName(u"actionShowList")
#if QT_CONFIG(shortcut)
        self.actionShowList.setShortcut(u"Ctrl+L")
#endif // QT_CONFIG(shortcut)
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
#if QT_CONFIG(shortcut)
        self.actionSettings.setShortcut(u"Ctrl+,")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionOpen = QAction(MainWindow)
        self.actionOpen.setObjectName(u"actionOpen")
#if QT_CONFIG(shortcut)
        self.actionOpen.setShortcut(u"Ctrl+O")
#endif // QT_CONFIG(shortcut)
        self.actionDuplicate = QAction(MainWindow)
        self.actionDuplicate.setObjectName(u"actionDuplicate")
#if QT_CONFIG(shortcut)
        self.actionDuplicate.setShortcut(u"Ctrl+D")
#endif // QT_CONFIG(shortcut)
        self.actionDelete = QAction(MainWindow)
        self.actionDelete.setObjectName(u"actionDelete")
        self.actionMarkDraft = QAction(MainWindow)
        self.actionMarkDraft.setObjectName(u"actionMarkDraft")
        self.actionMarkSigned = QAction(MainWindow)
        self.actionMarkSigned.setObjectName(u"actionMarkSigned")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self.centralwidget)
        self.stack.setObjectName(u"stack")

        self.centralLayout.addWidget(self.stack)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuInspection = QMenu(self.menubar)
        self.menuInspection.setObjectName(u"menuInspection")
        self.menuGo = QMenu(self.menubar)
        self.menuGo.setObjectName(u"menuGo")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.toolbar = QToolBar(MainWindow)
        self.toolbar.setObjectName(u"toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuInspection.menuAction())
        self.menubar.addAction(self.menuGo.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNewInspection)
        self.menuFile.addAction(self.actionShowList)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionSettings)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuInspection.addAction(self.actionOpen)
        self.menuInspection.addAction(self.actionDuplicate)
        self.menuInspection.addAction(self.actionDelete)
        self.menuInspection.addSeparator()
        self.menuInspection.addAction(self.actionMarkDraft)
        self.menuInspection.addAction(self.actionMarkSigned)
        self.menuHelp.addAction(self.actionAbout)
        self.toolbar.addAction(self.actionShowList)
        self.toolbar.addAction(self.actionNewInspection)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"FieldCheck", None))
        self.actionNewInspection.setText(QCoreApplication.translate("MainWindow", u"&New inspection\u2026", None))
        self.actionShowList.setText(QCoreApplication.translate("MainWindow", u"Inspections &list", None))
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"&Settings\u2026", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionOpen.setText(QCoreApplication.translate("MainWindow", u"&Open", None))
        self.actionDuplicate.setText(QCoreApplication.translate("MainWindow", u"D&uplicate", None))
        self.actionDelete.setText(QCoreApplication.translate("MainWindow", u"&Delete", None))
        self.actionMarkDraft.setText(QCoreApplication.translate("MainWindow", u"Mark as d&raft", None))
        self.actionMarkSigned.setText(QCoreApplication.translate("MainWindow", u"Mark as &signed", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About FieldCheck", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"&Edit", None))
        self.menuInspection.setTitle(QCoreApplication.translate("MainWindow", u"&Inspection", None))
        self.menuGo.setTitle(QCoreApplication.translate("MainWindow", u"&Go", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", u"Toolbar", None))
    # retranslateUi

