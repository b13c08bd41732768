"""The rounds window's choices: the township's file, the round shown, its kind and where its standing comes from.

Two rows of controls and nothing else: the rounds window connects to them and keeps what
they choose (``FILE``, ``HAND`` or a rubric id per round as the standing's source).
"""

from __future__ import annotations

import dataclasses

from fieldcheck.engine import catalog
from fieldcheck.gui.qt import QtWidgets
from fieldcheck.results import round_rules

FILE, HAND = "file", "hand"  # where a round's standing comes from, besides a rubric id


def effective(rnd: round_rules.Round, source: str, original: round_rules.Round | None) -> round_rules.Round:
    """The round with the standing's source applied (``original``: as the file gives it, None if made here)."""
    if source == FILE and original is not None:  # the file's standing; kind and ticks as chosen here
        return dataclasses.replace(rnd, scores=original.scores, order=original.order,
                                   scores_from=original.scores_from)
    if source in (FILE, HAND):
        return dataclasses.replace(rnd, order=(), scores_from=None, scores=rnd.scores or {})
    return dataclasses.replace(rnd, scores=None, order=(), scores_from=source)


class RoundChooser(QtWidgets.QWidget):
    """The township file's line (with Open…) over the round, kind and standing-source choices."""

    def __init__(self, rules: round_rules.Rules, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.path = QtWidgets.QLineEdit()
        self.path.setObjectName("townshipPath")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("The township's file: villages, bound people, rounds (YAML)"))
        self.open_button = QtWidgets.QPushButton(self.tr("&Open…"))
        self.open_button.setObjectName("openTownship")
        path_label = QtWidgets.QLabel(self.tr("&Township file:"))
        path_label.setBuddy(self.path)
        self.town_label = QtWidgets.QLabel()
        self.town_label.setObjectName("townshipLabel")
        top = QtWidgets.QHBoxLayout()
        top.addWidget(path_label)
        top.addWidget(self.path, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.town_label)

        self.round_box = QtWidgets.QComboBox()
        self.round_box.setObjectName("roundBox")
        self.round_box.setMinimumContentsLength(22)
        self.round_box.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_button = QtWidgets.QPushButton(self.tr("&New round"))
        self.new_button.setObjectName("newRound")
        self.kind_box = QtWidgets.QComboBox()
        self.kind_box.setObjectName("kindBox")
        for name in rules.kinds:
            self.kind_box.addItem(name, name)
        self.source_box = QtWidgets.QComboBox()
        self.source_box.setObjectName("sourceBox")
        self.source_box.addItem(self.tr("as the township file gives it"), FILE)
        self.source_box.addItem(self.tr("scores entered by hand"), HAND)
        for rubric in catalog.installed():
            self.source_box.addItem(self.tr("scores from the results of %1").replace("%1", rubric.title), rubric.id)
        second = QtWidgets.QHBoxLayout()
        for text, box in ((self.tr("R&ound:"), self.round_box), (self.tr("&Kind:"), self.kind_box),
                          (self.tr("&Standing from:"), self.source_box)):
            label = QtWidgets.QLabel(text)
            label.setBuddy(box)
            second.addWidget(label)
            second.addWidget(box, 1 if box is self.source_box else 0)
            if box is self.round_box:
                second.addWidget(self.new_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # laid out as if its rows were the window's own
        layout.addLayout(top)
        layout.addLayout(second)
