"""What every rule-form editor offers the item panel: reload from the store, the finding photos go to."""

from __future__ import annotations

from fieldcheck.engine.rules import AnswerError
from fieldcheck.gui.qt import Qt, QtWidgets, Signal

#: touch screens: nothing the inspector taps is smaller than this
TOUCH_HEIGHT = 32


#: where a checkable row keeps the name it stands for
NAME_ROLE = Qt.UserRole + 1


def touch(widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
    widget.setMinimumHeight(TOUCH_HEIGHT)
    return widget


def note_edit(object_name: str) -> QtWidgets.QLineEdit:
    """A finding's note: a line edit that holds a note of any length. Qt cuts a line edit's text at 32,767
    characters by default, so a longer note (pasted, or from a bundle) would be shown cut and saved cut."""
    edit = QtWidgets.QLineEdit()
    edit.setObjectName(object_name)
    edit.setMaxLength(NOTE_CHARS)
    return edit


# far beyond any note typed, and within what a line edit can hold
NOTE_CHARS = 1 << 24


def checkable_list(names: list[str], object_name: str, max_height: int) -> QtWidgets.QListWidget:
    """Names with a tick box each, every row tall enough to tap, all unticked."""
    widget = QtWidgets.QListWidget()
    widget.setObjectName(object_name)
    widget.setStyleSheet(f"QListWidget::item {{ min-height: {TOUCH_HEIGHT}px; }}")
    widget.setWordWrap(True)
    for name in names:
        row = QtWidgets.QListWidgetItem(name)
        row.setData(NAME_ROLE, name)
        row.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
        row.setCheckState(Qt.Unchecked)
        widget.addItem(row)
    widget.setMinimumHeight(min((TOUCH_HEIGHT + 4) * len(names) + 6, max_height))
    return widget


class Editor(QtWidgets.QWidget):
    """The input one rule form needs. Subclasses fill the layout and implement ``reload``."""

    #: the finding that photos attach to changed (or its photos may have)
    finding_changed = Signal()

    def __init__(self, session, item, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.item = item
        self.error_label = QtWidgets.QLabel()
        self.error_label.setObjectName("editorError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: rgb(190,20,20);")
        self.error_label.hide()

    def findings(self) -> list:
        return self.session.findings(self.item.id)

    def answer(self):
        """The item's answer as the engine derives it from the findings and the mark (None: unanswered).

        Editors show this, never their own reading of the findings: which finding wins, how
        unnamed findings count and what a list of names comes to are the engine's to say.
        """
        return self.session.answers.get(self.item.id)

    def node(self):
        """The item's node of the session's score: status ("ok", "deducted", …) and explanation."""
        return self.session.result.nodes.get(self.item.id)

    def reload(self) -> None:
        """Show what the store holds for this item now."""
        raise NotImplementedError

    def current_finding_id(self) -> str | None:
        """The finding new photos belong to; by default the item's latest finding."""
        found = self.findings()
        return found[-1].id if found else None

    def flush(self) -> None:
        """Save what is being typed now (before the panel moves to another item)."""

    def add_finding(self) -> None:
        """Ctrl+Return: record one more finding, where the form has a list of them.

        Forms without a list say so and put the focus where their answer is entered."""
        self.error_label.setText(self.tr("This item has no list of findings: its answer is entered here."))
        self.error_label.show()
        first = next((w for w in self.findChildren(QtWidgets.QWidget) if w.focusPolicy() & Qt.TabFocus
                      and w.isVisible() and w.isEnabled()), None)
        if first is not None and not self.isAncestorOf(QtWidgets.QApplication.focusWidget()):
            first.setFocus(Qt.ShortcutFocusReason)

    def delete_current(self) -> None:
        """Ctrl+Delete: remove the selected finding, where the form has a list of them."""

    def checked_value(self, value) -> bool:
        """True when the engine accepts ``value`` for this item; else show why and return False."""
        try:
            self.item.rule.parse(self.item.id, value)
        except AnswerError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return False
        self.error_label.hide()
        return True
