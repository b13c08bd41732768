"""Tab follows the screen: top to bottom, left to right within a row, column by column.

Qt's focus chain is the order widgets were created in, so an editor made when the inspector
moves to an item comes after everything else, and Tab from its last field jumped to
"◂ 上一项" at the top. ``order_by_screen`` rebuilds the chain from where widgets are shown.
"""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtCore, QtWidgets

#: widgets that take the focus as one: their inner parts (a spin box's line edit, a view's
#: viewport, a combo's line edit) are not stops of their own
_WHOLE = (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox, QtWidgets.QAbstractItemView,
          QtWidgets.QTextEdit, QtWidgets.QPlainTextEdit)


def tab_stops(root: QtWidgets.QWidget) -> list[QtWidgets.QWidget]:
    """The widgets under ``root`` that Tab stops at now (shown, enabled, taking Tab focus)."""
    stops = []
    for widget in root.findChildren(QtWidgets.QWidget):
        if not (widget.focusPolicy() & Qt.TabFocus) or not widget.isEnabled() or not widget.isVisibleTo(root):
            continue
        if widget.focusProxy() is not None:
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(parent, _WHOLE):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner:
            stops.append(widget)
    return stops


def screen_sorted(widgets: list[QtWidgets.QWidget]) -> list[QtWidgets.QWidget]:
    """Rows from the top (widgets whose vertical extents overlap share a row), then left to right."""
    boxes = []
    for widget in widgets:
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        boxes.append((top_left.y(), top_left.y() + max(widget.height(), 1), top_left.x(), widget))
    boxes.sort(key=lambda b: (b[0], b[2]))
    rows: list[list] = []
    for box in boxes:
        if rows and box[0] < min(b[1] for b in rows[-1]) - 2 and box[0] >= rows[-1][0][0] - 2:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [b[3] for row in rows for b in sorted(row, key=lambda b: b[2])]


def order_by_screen(columns: list[QtWidgets.QWidget]) -> list[QtWidgets.QWidget]:
    """Chain the tab stops of each column in screen order, the columns one after another; the chain."""
    chain = [w for column in columns for w in screen_sorted(tab_stops(column))]
    for before, after in zip(chain, chain[1:], strict=False):
        QtWidgets.QWidget.setTabOrder(before, after)
    return chain


class _LeaveOnTab(QtCore.QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QtCore.QEvent.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab) \
                and not event.modifiers() & Qt.ControlModifier:
            forward = event.key() == Qt.Key_Tab and not event.modifiers() & Qt.ShiftModifier
            target = watched.nextInFocusChain() if forward else watched.previousInFocusChain()
            while target is not None and target is not watched and not (
                    target.focusPolicy() & Qt.TabFocus and target.isVisible() and target.isEnabled()
                    and target.focusProxy() is None):
                target = target.nextInFocusChain() if forward else target.previousInFocusChain()
            if target is not None and target is not watched:
                target.setFocus(Qt.TabFocusReason if forward else Qt.BacktabFocusReason)
            return True
        return False


def leave_on_tab(widget: QtWidgets.QWidget) -> None:
    """Tab leaves ``widget`` for the next stop: a date edit otherwise spends Tab on its day, month, year."""
    keeper = _LeaveOnTab(widget)
    widget.installEventFilter(keeper)
