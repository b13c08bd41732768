"""The walk through a rubric: the tree, the current item, the score, moving, undo and redo.

The shell embeds one ``InspectionView`` per open inspection. It remembers the current item
(``item_changed``) and the splitter (``splitter_state``); everything the inspector enters is
in the store the moment it is entered, so reopening the inspection shows it all again.
"""

from __future__ import annotations

from fieldcheck.gui.forms.ui_inspection_view import Ui_InspectionView
from fieldcheck.gui.households.households_view import HouseholdsView
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from fieldcheck.gui.walk.item_panel import ItemPanel
from fieldcheck.gui.walk.rubric_tree import RubricTree
from fieldcheck.gui.walk.score_panel import ScorePanel
from fieldcheck.gui.walk.walk_session import WalkSession
from fieldcheck.gui.widgets.tab_order import order_by_screen
from fieldcheck.gui.window.shortcuts_dialog import ShortcutsDialog, page_actions
from fieldcheck.ops.assessees import assessee_kinds


class InspectionView(QtWidgets.QWidget):
    #: the new ScoreResult after every edit, undo or redo
    score_changed = Signal(object)
    #: the id of the item now shown
    item_changed = Signal(str)

    def __init__(self, store, inspection_id: str, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.session = WalkSession(store, inspection_id, self)
        self.store = store
        self.inspection_id = inspection_id
        self.undo_stack: QtGui.QUndoStack = self.session.undo_stack
        self._current: str | None = None
        self._households: HouseholdsView | None = None

        self.ui = Ui_InspectionView()
        self.ui.setupUi(self)
        self.setObjectName("inspectionView")
        self.tree = RubricTree(self.session)
        self.panel = ItemPanel(self.session)
        self.score_panel = ScorePanel()
        self.ui.treeLayout.addWidget(self.tree)
        self.ui.panelLayout.addWidget(self.panel)
        self.ui.scoreLayout.addWidget(self.score_panel, 3)
        # The photos of the selected finding sit under the score, not below the fold of the item:
        # at 1366×768 the criterion, the findings, the photos and the score are then all in view
        # (the right column was mostly empty, and the photo strip two screens down on 2.1.x).
        self.ui.scoreLayout.addWidget(self.panel.photos, 2)
        self.panel.photos.fill_column()
        self.panel.photos.setAcceptDrops(True)
        self.panel.photos.installEventFilter(self.panel)  # drops on the photos go where drops on the item go
        self._actions = self._make_actions()
        # a 县市区 has no households; a village typed as a bare name is pressable, to say how to get them
        self._actions["households"].setEnabled(bool(self.session.village_id) or self._unlisted_village())
        for key in ("previous", "next", "next_unanswered"):
            getattr(self.ui, f"nav_{key}").setDefaultAction(self.action(key))
        self.position_label = self.ui.positionLabel
        self.message = self.ui.walkMessage
        self.message.hide()
        # The hosts' explicit minimum sizes (in the form) keep the window's minimum constant while
        # texts and editors change; the form's layout never pushes a minimum onto the window.
        self.splitter = self.ui.walkSplitter
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([340, 720, 300])

        self.session.changed.connect(self._on_changed)
        self.session.refused_edit.connect(self._on_refused)
        if not self.session.editable:
            self.panel.set_read_only(True)
            # say the way out too: a new inspector does not know that a signed sheet is changed by amending it
            self._show_message(self.tr("This inspection is signed or exported: to change it, amend it with a reason "
                                       "(Inspection ▸ Amend…)."))
        elif self.session.problems:
            self._show_problems()
        self.tree.item_chosen.connect(self.go_to_item)
        self.score_panel.show_score(self.session.result)
        first = self._next_unanswered(None) or self.session.items[0].id
        self.go_to_item(first)

    # -- the contract with the shell ---------------------------------------------------------------
    def current_item_id(self) -> str:
        return self._current or ""

    def go_to_item(self, item_id: str) -> None:
        if item_id not in self.session.index or item_id == self._current:
            if item_id == self._current:
                self.tree.select_item(item_id)
            return
        self._current = item_id
        self.panel.show_item(item_id)
        self.tree.select_item(item_id)
        self.score_panel.show_trace(self.session.result, item_id)
        n = self.session.index[item_id]
        self.position_label.setText(self.tr("Item {0} of {1}").format(n + 1, len(self.session.items)))
        self.item_changed.emit(item_id)
        QtCore.QTimer.singleShot(0, self.order_tabs)  # the new editor is shown on the next turn

    def order_tabs(self) -> list[QtWidgets.QWidget]:
        """Tab through the tree, then the item (from ◂ 上一项 down), then the score and photos."""
        return order_by_screen([self.ui.treeHost, self.ui.centreHost, self.ui.scoreHost])

    def actions(self) -> list[QtGui.QAction]:  # type: ignore[override]
        return list(self._actions.values())

    def action(self, key: str) -> QtGui.QAction:
        return self._actions[key]

    def splitter_state(self) -> bytes:
        return bytes(self.splitter.saveState())

    def restore_splitter_state(self, state: bytes) -> None:
        if state:
            self.splitter.restoreState(QtCore.QByteArray(state))

    def shutdown(self) -> None:
        """Save what is being typed and stop a photo import (before the view closes)."""
        if self.panel.editor is not None:
            self.panel.editor.flush()
        self.panel.photos.shutdown()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The walk's shortcuts work where the focus is inside the view: start in the tree.
        focus = QtWidgets.QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.tree.setFocus()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- actions ---------------------------------------------------------------------------------
    def _make_actions(self) -> dict[str, QtGui.QAction]:
        specs = [
            ("previous", self.tr("◀ Previous item"), ["Ctrl+Up", "Alt+Left"], self.previous_item),
            ("next", self.tr("Next item ▶"), ["Ctrl+Down", "Alt+Right"], self.next_item),
            ("next_unanswered", self.tr("Next unanswered »"), ["Ctrl+Shift+Down", "F8"], self.next_unanswered),
            ("undo", self.tr("Undo"), ["Ctrl+Z"], self.undo),
            ("redo", self.tr("Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo),
            ("add_finding", self.tr("Add a finding"), ["Ctrl+Return", "Ctrl+Enter"], self.add_finding),
            ("delete_finding", self.tr("Delete the selected finding"), ["Ctrl+Delete"], self.delete_finding),
            ("mark_checked", self.tr("Looked at (no deduction if nothing found)"), ["Ctrl+K"], self.toggle_checked),
            ("mark_na", self.tr("Not applicable"), ["Ctrl+Shift+K"], self.toggle_na),
            ("add_photos", self.tr("Add photos…"), ["Ctrl+I"], self.panel.photos.choose_files),
            ("paste_photo", self.tr("Paste a photo"), ["Ctrl+Shift+V"], self.panel.paste),
            ("focus_tree", self.tr("Go to the rubric tree"), ["F6"], self.tree.setFocus),
            ("households", self.tr("Households of the village…"), ["Ctrl+H"], self.show_households),
            ("help", self.tr("Keyboard shortcuts"), ["F1"], self.show_shortcuts),
        ]
        out: dict[str, QtGui.QAction] = {}
        for key, text, keys, slot in specs:
            action = QtGui.QAction(text, self)
            action.setObjectName(f"action_{key}")
            action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(action)
            out[key] = action
        out["undo"].setEnabled(self.undo_stack.canUndo())
        out["redo"].setEnabled(self.undo_stack.canRedo())
        self.undo_stack.canUndoChanged.connect(out["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(out["redo"].setEnabled)
        # say what would be undone or redone ("Undo: Add finding to 2.1.1"), in the menu and the
        # tooltip; the toolbar keeps the short word (iconText)
        for key, signal, plain, says in (("undo", self.undo_stack.undoTextChanged, self.tr("Undo"), self.tr("Undo: {0}")),
                                         ("redo", self.undo_stack.redoTextChanged, self.tr("Redo"), self.tr("Redo: {0}"))):
            out[key].setIconText(plain)
            signal.connect(lambda text, a=out[key], p=plain, f=says: (a.setText(f.format(text) if text else p),
                                                                       a.setToolTip(f.format(text) if text else p)))
        return out

    def keyPressEvent(self, event) -> None:
        # Ctrl+V outside a text field pastes a photo; inside one it pastes text as usual.
        if event.matches(QtGui.QKeySequence.Paste):
            self.panel.paste()
            return
        super().keyPressEvent(event)

    # -- moving ----------------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        n = self.session.index[self._current] + delta
        if 0 <= n < len(self.session.items):
            self.go_to_item(self.session.items[n].id)

    def next_item(self) -> None:
        self._step(1)

    def previous_item(self) -> None:
        self._step(-1)

    def _next_unanswered(self, after: str | None) -> str | None:
        items = self.session.items
        start = 0 if after is None else self.session.index[after] + 1
        nodes = self.session.result.nodes
        for k in range(len(items)):
            item = items[(start + k) % len(items)]
            if nodes[item.id].status == "unanswered" and item.id != after:
                return item.id
        return None

    def next_unanswered(self) -> None:
        found = self._next_unanswered(self._current)
        if found is not None:
            self.go_to_item(found)

    # -- editing ---------------------------------------------------------------------------------
    def undo(self) -> None:
        if self.panel.editor is not None:
            self.panel.editor.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def add_finding(self) -> None:
        if self.panel.editor is not None:
            self.panel.editor.add_finding()

    def delete_finding(self) -> None:
        if self.panel.editor is not None:
            self.panel.editor.delete_current()

    def toggle_checked(self) -> None:
        mark = self.session.mark(self._current)
        self.session.set_mark(self._current, None if mark == "checked" else "checked")

    def toggle_na(self) -> None:
        mark = self.session.mark(self._current)
        if mark != "na" and self.session.editable and self.session.item(self._current).na_reason is None:
            # the 不适用 box is greyed out here; its shortcut must not store what the score then refuses
            self._show_message(self.tr("{0} cannot be marked not applicable: the rubric gives no case where it "
                                       "does not apply. Answer it instead.").format(self._current))
            return
        self.session.set_mark(self._current, None if mark == "na" else "na")

    def _unlisted_village(self) -> bool:
        """The assessee is a village by the rubric but only a typed name, with no place in the roster."""
        return self.session.inspection.assessee_id is None and "村" in assessee_kinds(self.session.rubric)

    def show_households(self) -> HouseholdsView | None:
        """The door-by-door view of the assessee village (none for a county or a unit)."""
        if not self.session.village_id and self._unlisted_village():
            # a village typed as a bare name has no place in the roster, so none of its households either
            self._show_message(self.tr("{0} is not in the roster of villages: to enter its households, make a new "
                                       "inspection with the village typed as county/township/village, "
                                       "e.g. 衡阳县/西渡镇/梅花村.").format(self.session.inspection.assessee_name))
            return None
        if not self.session.village_id:
            self._show_message(self.tr("Households belong to a village; this inspection is of {0}.").format(
                self.session.inspection.assessee_name))
            return None
        if self._households is None:
            self._households = HouseholdsView(self.session, self)
            self._households.open_item.connect(self.go_to_item)
        self._households.show()
        self._households.raise_()
        self._households.activateWindow()
        return self._households

    def show_shortcuts(self) -> ShortcutsDialog:
        """F1: the walk's shortcuts and, inside the window, the window's menus' too."""
        groups: list = [self.actions()]
        window = self.window()
        if isinstance(window, QtWidgets.QMainWindow) and window is not self:
            groups.append(window.menuBar())
        dialog = ShortcutsDialog(page_actions(*groups), self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_refused(self, _item_id: str, message: str) -> None:
        self._show_message(message)

    def _show_problems(self) -> None:
        self._show_message(self.tr("Not scored until corrected: {0}").format(" ".join(self.session.problems)))

    def _on_changed(self, item_id: str) -> None:
        """An edit, undo or redo touched ``item_id``: show it, with the new score everywhere."""
        if self.session.problems:
            self._show_problems()
        elif self.session.editable:
            self._show_message("")
        result = self.session.result
        self.score_panel.show_score(result)
        if item_id != self._current:
            self.go_to_item(item_id)
        else:
            self.panel.reload()
            self.score_panel.show_trace(result, item_id)
        self.tree.refresh(item_id)
        self.score_changed.emit(result)
