"""The household of a finding: a sorted list to type in, by name or pinyin initials, with "new household".

Typing "zs" or "张" offers 张三; the last entry adds a household on the spot, typed name
prefilled, and picks it. ``picked`` is emitted with the chosen id ("" for no household)
only when the inspector chooses, never when the finding shown changes.
"""

from __future__ import annotations

from fieldcheck.gui.households.household_dialog import HouseholdDialog
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from fieldcheck.ops.pinyin import initials

#: the id kept on each entry, and the text a typed search is matched against
ID_ROLE = Qt.UserRole
SEARCH_ROLE = Qt.UserRole + 2
NEW = "\x00new"


class _Completer(QtWidgets.QCompleter):
    """Matches the search text ("王建国 wjg") but puts the household's label in the field."""

    def pathFromIndex(self, index: QtCore.QModelIndex) -> str:
        return index.data(Qt.DisplayRole) or ""


class HouseholdPicker(QtWidgets.QComboBox):
    picked = Signal(str)
    #: a name typed that picks no household (none has it, or two do): the sentence to show (the field goes back)
    unknown = Signal(str)

    def __init__(self, session, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("householdPicker")
        self.setEditable(True)
        self.setInsertPolicy(QtWidgets.QComboBox.NoInsert)
        self.lineEdit().setPlaceholderText(self.tr("Name or pinyin initials"))
        self.completer_ = _Completer(self)
        self.choices = QtGui.QStandardItemModel(self)  # what typing searches: the households, no extras
        self.completer_.setModel(self.choices)
        self.completer_.setCompletionRole(SEARCH_ROLE)
        self.completer_.setFilterMode(Qt.MatchContains)
        self.completer_.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer_.setCompletionMode(QtWidgets.QCompleter.PopupCompletion)
        self.completer_.activated[str].connect(lambda _text: self._on_typed())
        # on the line edit, not the combo: the combo would take the completion's row in the
        # filtered list for a row of its own and pick the wrong household
        self.lineEdit().setCompleter(self.completer_)
        self.activated.connect(self._on_activated)
        self.lineEdit().editingFinished.connect(self._on_typed)
        self._current = ""
        self.reload()
        session.households_changed.connect(lambda _id: self.reload())

    def reload(self) -> None:
        """The village's households, sorted by pinyin, between "(no household)" and "new household"."""
        self.blockSignals(True)
        self.clear()
        self.choices.clear()
        self._add(self.tr("(no household)"), "", "")
        shared = self.session.shared_names()
        for household in self.session.households.values():  # already sorted
            details = [household.status] if household.status else []
            if household.head_name in shared:  # two 张三 of one village: told apart by their members
                details.append(self.tr("{0} member(s)").format(household.members))
            label = household.head_name + (f"({' · '.join(details)})" if details else "")
            self._add(label, household.id, f"{household.head_name} {initials(household.head_name)}")
        if self.session.village_id and self.session.editable:
            self._add(self.tr("+ New household…"), NEW, "+")
        self.blockSignals(False)
        self.set_household(self._current)

    def _add(self, label: str, household_id: str, search: str) -> None:
        self.addItem(label, household_id)
        if household_id and household_id != NEW:
            choice = QtGui.QStandardItem(label)
            choice.setData(household_id, ID_ROLE)
            choice.setData(search, SEARCH_ROLE)
            self.choices.appendRow(choice)

    def set_household(self, household_id: str | None) -> None:
        """Show the household of the finding now selected (no signal)."""
        self._current = household_id or ""
        at = self.findData(self._current, ID_ROLE)
        if at < 0 and self._current:  # a removed household still named by an old finding
            self.blockSignals(True)
            self.insertItem(1, self.session.household_label(self._current), self._current)
            self.blockSignals(False)
            at = 1
        self.blockSignals(True)
        self.setCurrentIndex(max(at, 0))
        self.blockSignals(False)

    def _on_activated(self, row: int) -> None:
        self._choose(self.itemData(row, ID_ROLE))

    def _on_typed(self) -> None:
        """Enter or leaving the field: a name typed in full picks it; anything else goes back."""
        text = self.lineEdit().text().strip()
        if not text or text == self.itemText(self.currentIndex()):
            return
        named = [self.itemData(row, ID_ROLE) for row in range(self.count())
                 if self.itemData(row, ID_ROLE) not in ("", NEW) and text in (self.itemText(row), self.itemText(row).split("(")[0])]
        if len(named) == 1:
            self._choose(named[0])
            return
        if named:  # a name two households share: said, not the first of them picked (nor a popup after Tab)
            self.unknown.emit(self.tr("{0} households of this village are named {1}: choose one from the list.")
                              .format(len(named), text))
            self.set_household(self._current)
            return
        self.unknown.emit(self.tr("No household of this village is named {0}: choose one from the list, or "
                                  "\"+ New household…\" to add it.").format(text))
        self.set_household(self._current)

    def _choose(self, household_id) -> None:
        household_id = household_id or ""
        if household_id == NEW:
            typed = self.lineEdit().text().strip()
            household_id = self.new_household("" if typed.startswith("+") else typed) or self._current
        if household_id != self._current:
            self._current = household_id
            self.picked.emit(household_id)
        self.set_household(household_id)

    def new_household(self, name: str = "") -> str | None:
        """Add a household through the dialog; its id, or None when cancelled."""
        dialog = HouseholdDialog(self.session, None, self.window(), name=name)
        if dialog.exec() == QtWidgets.QDialog.Accepted:
            return dialog.household_id
        return None

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        # Escape in the field puts the chosen household back instead of closing a dialog
        if event.key() == Qt.Key_Escape and self.lineEdit().text() != self.itemText(self.currentIndex()):
            self.set_household(self._current)
            return
        super().keyPressEvent(event)
