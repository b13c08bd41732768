# Generated from ui/inspection_view.ui by scripts/build_ui.py (pyside6-uic): do not edit.
# Edit the .ui file in Qt Designer, then run: .venv/bin/python scripts/build_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_view.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLayout, QSizePolicy,
    QSpacerItem, QSplitter, QToolButton, QVBoxLayout,
    QWidget)

class Ui_InspectionView(object):
    def setupUi(self, InspectionView):
        if not InspectionView.objectName():
            InspectionView.setObjectName(u"InspectionView")
        InspectionView.resize(1366, 700)
        self.mainLayout = QVBoxLayout(InspectionView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.mainLayout.setContentsMargins(4, 4, 4, 4)
        self.walkSplitter = QSplitter(InspectionView)
        self.walkSplitter.setObjectName(u"walkSplitter")
        self.walkSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.walkSplitter.setChildrenCollapsible(False)
        self.treeHost = QWidget(self.walkSplitter)
        self.treeHost.setObjectName(u"treeHost")
        self.treeHost.setMinimumSize(QSize(220, 240))
        self.treeLayout = QVBoxLayout(self.treeHost)
        self.treeLayout.setObjectName(u"treeLayout")
        self.treeLayout.setContentsMargins(0, 0, 0, 0)
        self.walkSplitter.addWidget(self.treeHost)
        self.centreHost = QWidget(self.walkSplitter)
        self.centreHost.setObjectName(u"centreHost")
        self.centreHost.setMinimumSize(QSize(440, 300))
        self.centreLayout = QVBoxLayout(self.centreHost)
        self.centreLayout.setObjectName(u"centreLayout")
        self.centreLayout.setContentsMargins(0, 0, 0, 0)
        self.navLayout = QHBoxLayout()
        self.navLayout.setObjectName(u"navLayout")
        self.nav_previous = QToolButton(self.centreHost)
        self.nav_previous.setObjectName(u"nav_previous")
        self.nav_previous.setMinimumSize(QSize(0, 32))
        self.nav_previous.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.navLayout.addWidget(self.nav_previous)

        self.nav_next = QToolButton(self.centreHost)
        self.nav_next.setObjectName(u"nav_next")
        self.nav_next.setMinimumSize(QSize(0, 32))
        self.nav_next.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.navLayout.addWidget(self.nav_next)

        self.nav_next_unanswered = QToolButton(self.centreHost)
        self.nav_next_unanswered.setObjectName(u"nav_next_unanswered")
        self.nav_next_unanswered.setMinimumSize(QSize(0, 32))
        self.nav_next_unanswered.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.navLayout.addWidget(self.nav_next_unanswered)

        self.navSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navLayout.addItem(self.navSpacer)

        self.positionLabel = QLabel(self.centreHost)
        self.positionLabel.setObjectName(u"positionLabel")

        self.navLayout.addWidget(self.positionLabel)


        self.centreLayout.addLayout(self.navLayout)

        self.walkMessage = QLabel(self.centreHost)
        self.walkMessage.setObjectName(u"walkMessage")
        self.walkMessage.setStyleSheet(u"color: rgb(190,20,20); font-weight: bold;")
        self.walkMessage.setWordWrap(True)

        self.centreLayout.addWidget(self.walkMessage)

        self.panelHost = QWidget(self.centreHost)
        self.panelHost.setObjectName(u"panelHost")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.panelHost.sizePolicy().hasHeightForWidth())
        self.panelHost.setSizePolicy(sizePolicy)
        self.panelLayout = QVBoxLayout(self.panelHost)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)

        self.centreLayout.addWidget(self.panelHost)

        self.walkSplitter.addWidget(self.centreHost)
        self.scoreHost = QWidget(self.walkSplitter)
        self.scoreHost.setObjectName(u"scoreHost")
        self.scoreHost.setMinimumSize(QSize(200, 300))
        self.scoreLayout = QVBoxLayout(self.scoreHost)
        self.scoreLayout.setObjectName(u"scoreLayout")
        self.scoreLayout.setContentsMargins(0, 0, 0, 0)
        self.walkSplitter.addWidget(self.scoreHost)

        self.mainLayout.addWidget(self.walkSplitter)


        self.retranslateUi(InspectionView)

        QMetaObject.connectSlotsByName(InspectionView)
    # setupUi

    def retranslateUi(self, InspectionView):
        pass
    # retranslateUi

