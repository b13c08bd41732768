"""The main window: the inspections list and the open inspection in one stack, menus and status bar.

It places the pages and their actions; what it remembers between starts is in
``window_memory.py``, what it offers on the list in ``list_actions.py``.
"""

from __future__ import annotations

from fieldcheck import __version__
from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.forms.ui_main_window import Ui_MainWindow
from fieldcheck.gui.inspections.inspection_list import InspectionListPage
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from fieldcheck.gui.signing.signing_menu import SigningActions
from fieldcheck.gui.sync import sync_dialog
from fieldcheck.gui.window.list_actions import ListActions
from fieldcheck.gui.window.settings_dialog import device_label, inspector_name
from fieldcheck.gui.window.team_menu import TeamMenu
from fieldcheck.gui.window.window_memory import WindowMemory
from fieldcheck.ops import scores
from fieldcheck.paths import data_dir
from fieldcheck.store import StoreError
from fieldcheck.version import build

# LAZY: the walk, the dialogs and their forms are imported when first opened, not at start:
# a start on the list does not need them, and they were a third of the window's import.


class MainWindow(QtWidgets.QMainWindow):
    """Holds the store for its lifetime; ``language_requested`` asks the application to retranslate."""

    language_requested = Signal()

    def __init__(self, store, settings: QtCore.QSettings, *, data_dir=None, parent=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.data_dir = data_dir
        self.view = None
        self.inspection_id: str | None = None
        self._view_actions: list[QtGui.QAction] = []
        self.memory = WindowMemory(settings)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("FieldCheck"))

        self.list_page = InspectionListPage(store, self)
        self.ui.stack.addWidget(self.list_page)
        self.list_page.open_requested.connect(self.open_inspection)
        self.list_page.new_requested.connect(self.new_inspection)
        self.list_page.changed.connect(self._update_actions)

        self.score_label = QtWidgets.QLabel(self)
        self.location_label = QtWidgets.QLabel(self)
        self.statusBar().addPermanentWidget(self.score_label)
        self.statusBar().addPermanentWidget(self.location_label)
        self.apply_identity()

        self.walk_toolbar = QtWidgets.QToolBar(self.tr("Walk"), self)
        self.walk_toolbar.setObjectName("walkToolbar")
        self.walk_toolbar.setMovable(False)
        self.walk_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.walk_toolbar)
        self.walk_toolbar.hide()

        ui = self.ui
        ui.actionNewInspection.triggered.connect(self.new_inspection)
        ui.actionShowList.triggered.connect(self.show_list)
        ui.actionSettings.triggered.connect(self.open_settings)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionOpen.triggered.connect(self.list_page.open_selected)
        ui.actionDuplicate.triggered.connect(self.duplicate_current)
        ui.actionDelete.triggered.connect(self.delete_current)
        ui.actionAbout.triggered.connect(self.about)
        ui.menuEdit.addAction(self.list_page.undo_action)
        # File ▸ Results…, beside the list (the Go menu holds only the open inspection's actions)
        self.results_action = QtGui.QAction(self.tr("Results…"), self)
        self.results_action.setObjectName("actionResults")
        ui.menuFile.insertAction(ui.menuFile.actions()[2], self.results_action)
        self.results_action.triggered.connect(self.show_results)
        self.results_view = None
        self.list_actions = ListActions(self)  # Go menu, sorting, context menu, F1 and search on the list
        self.signing = SigningActions(self)  # sign, amend, sheet, print, history (replace the Mark as … actions)
        sync_dialog.install(self, store, settings)
        # the team leader's desk: merge, conflicts, double inspections, devices, assignments
        self.team_menu = QtWidgets.QMenu(self.tr("&Team"), self)
        self.team_menu.setObjectName("menuTeam")
        self.menuBar().insertMenu(ui.menuHelp.menuAction(), self.team_menu)
        self.team_actions = TeamMenu(self, store, settings)

        self.memory.restore(self, self.list_page)
        self._show_list_page(refresh=False)  # the page has just loaded its rows

    # -- pages -------------------------------------------------------------------------------------

    def show_list(self) -> None:
        """Back to the list; a restart then starts on the list too."""
        self._close_view()
        self.memory.forget_inspection()
        self._show_list_page()

    def _show_list_page(self, refresh: bool = True) -> None:
        if refresh:
            self.list_page.reload_places()
            self.list_page.refresh()
        self.ui.stack.setCurrentWidget(self.list_page)
        self.setWindowTitle(self.tr("FieldCheck"))
        self.score_label.clear()
        self._update_actions()
        self.list_page.ui.table.setFocus()

    def open_inspection(self, inspection_id: str, item_id: str | None = None) -> bool:
        """Show one inspection in the walk (at ``item_id`` when given); False if it cannot be opened."""

        self._close_view()
        try:
            inspection = self.store.inspections.get(inspection_id)
            if getattr(inspection, "deleted", False):
                raise StoreError(self.tr("That inspection was deleted."))
            from fieldcheck.gui.walk.inspection_view import InspectionView  # lazy: on demand (LAZY)

            view = InspectionView(self.store, inspection_id, self.ui.stack)
        except StoreError as exc:
            self.show_error(str(exc))
            return False
        self.view = view
        self.inspection_id = inspection_id
        self.ui.stack.addWidget(view)
        self.ui.stack.setCurrentWidget(view)
        view.score_changed.connect(self._show_score)
        view.item_changed.connect(lambda _item: self.memory.remember_item(self.view))
        session = getattr(view, "session", None)
        self._show_score(getattr(session, "result", None) or scores.score_inspection(self.store, inspection_id))
        self._install_view_actions(view)
        if item_id:
            view.go_to_item(item_id)
        self.setWindowTitle(self.tr("{0} · {1} — FieldCheck").format(inspection.assessee_name, inspection.rubric.title))
        self.memory.opened(inspection_id, view)
        self._update_actions()
        return True

    def _close_view(self) -> None:
        view = self.view
        if view is None:
            return
        self.memory.remember_item(view)
        self.memory.save_splitters(view)
        shutdown = getattr(view, "shutdown", None)
        if shutdown is not None:
            shutdown()  # the walk saves what is being typed and stops a photo import
        self.walk_toolbar.clear()
        for action in self._view_actions:
            for container in (self.ui.menuEdit, self.ui.menuGo, self.ui.menuHelp):
                container.removeAction(action)
            if action.parent() is self:
                action.deleteLater()
        self._view_actions = []
        self.walk_toolbar.hide()
        self.ui.stack.removeWidget(view)
        view.hide()
        view.deleteLater()
        self.view = None
        self.inspection_id = None

    # Where the walk's actions go, by their object name ("action_<key>"); others go to the Go menu.
    EDIT_ACTIONS = ("undo", "redo", None, "add_finding", "delete_finding", "mark_checked", "mark_na", None,
                    "add_photos", "paste_photo")
    HELP_ACTIONS = ("help",)
    TOOLBAR_ACTIONS = ("undo", "redo", None, "add_finding", "add_photos", None, "households")

    def _install_view_actions(self, view) -> None:
        walk = {a.objectName().removeprefix("action_"): a for a in view.actions()}
        if "undo" not in walk:  # a view without its own undo/redo actions: make them from its stack
            walk["undo"] = view.undo_stack.createUndoAction(self, self.tr("&Undo"))
            walk["undo"].setShortcut(QtGui.QKeySequence.StandardKey.Undo)
        if "redo" not in walk:
            walk["redo"] = view.undo_stack.createRedoAction(self, self.tr("&Redo"))
            walk["redo"].setShortcuts([QtGui.QKeySequence("Ctrl+Y"), QtGui.QKeySequence("Ctrl+Shift+Z")])
        added: list[QtGui.QAction] = []

        def place(container, keys, before=None):
            for key in keys:
                if key is None:
                    added.append(container.insertSeparator(before) if before else container.addSeparator())
                elif key in walk:
                    container.insertAction(before, walk[key]) if before else container.addAction(walk[key])
                    added.append(walk[key])

        first_edit = self.ui.menuEdit.actions()[0] if self.ui.menuEdit.actions() else None
        place(self.ui.menuEdit, self.EDIT_ACTIONS, first_edit)
        place(self.ui.menuHelp, self.HELP_ACTIONS, self.ui.actionAbout)
        used = {k for k in self.EDIT_ACTIONS + self.HELP_ACTIONS if k}
        place(self.ui.menuGo, [k for k in walk if k not in used])
        self.walk_toolbar.clear()
        for key in self.TOOLBAR_ACTIONS:
            if key is None:
                self.walk_toolbar.addSeparator()
            elif key in walk:
                self.walk_toolbar.addAction(walk[key])
        self._view_actions = added
        self.walk_toolbar.setVisible(True)

    def _show_score(self, result) -> None:
        # the status bar stays in view on every item: an unfinished total says so here too, as the panel does,
        # and out of the same maximum as the panel, the list and the sheet (the rubric's 满分, bonus included)
        if getattr(result, "provisional", False):
            state = self.tr(" · provisional")
        else:
            state = f" · {result.grade}" if getattr(result, "grade", None) else ""
        self.score_label.setText(self.tr("Score {0} / {1}{2} · {3} of {4} items").format(
            fmt(result.total), fmt(result.max), state, result.answered, result.item_count))

    def _update_actions(self) -> None:
        on_list = self.view is None
        selected = self.list_page.selected_id() if on_list else self.inspection_id
        self.ui.actionOpen.setEnabled(on_list and selected is not None)
        for action in (self.ui.actionDuplicate, self.ui.actionDelete, self.ui.actionMarkDraft,
                       self.ui.actionMarkSigned):
            action.setEnabled(selected is not None)
        self.list_page.undo_action.setVisible(on_list)
        self.list_actions.find_action.setEnabled(on_list)  # Ctrl+F in a text field of the walk stays the field's
        self.list_actions.help_action.setVisible(on_list)  # the walk's F1 lists its own page

    # -- the shell's edits (each stored at once) ---------------------------------------------------

    def new_inspection(self) -> str | None:
        from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog  # lazy: on demand (LAZY)

        dialog = NewInspectionDialog(self.store, self.settings, self)
        try:
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or not dialog.inspection_id:
                return None
            new_id = dialog.inspection_id
        finally:
            dialog.deleteLater()
        self.list_page.reload_places()
        self.list_page.refresh(select_id=new_id)
        self.open_inspection(new_id)
        return new_id

    def duplicate_current(self) -> str | None:
        try:
            if self.view is None:
                return self.list_page.duplicate_selected()
            new_id = self.store.duplicate_inspection(self.inspection_id)
        except StoreError as exc:
            self.show_error(str(exc))
            return None
        self.open_inspection(new_id)
        self.statusBar().showMessage(self.tr("Opened the copy."), 5000)
        return new_id

    def delete_current(self) -> str | None:
        """Delete the open inspection (from the walk) or the selected one (from the list).

        From the walk it is the open inspection by its id, whatever row the list has selected:
        the list may be filtered so that the open inspection is not even in it.
        """
        try:
            if self.view is not None:
                current = self.inspection_id
                label = f"{self.view.session.inspection.assessee_name} · {self.view.session.rubric.title}"
                self.show_list()
                return self.list_page.delete(current, label)
            return self.list_page.delete_selected()
        except StoreError as exc:
            self.show_error(str(exc))
            return None

    # -- dialogs -----------------------------------------------------------------------------------

    def show_results(self) -> None:
        """The results window (rankings, bands, losses, exports), non-modal, over this store."""
        from fieldcheck.gui.results.results_view import ResultsView  # lazy: openpyxl/reportlab wrappers behind it

        if self.results_view is None:
            self.results_view = ResultsView(self.store, self)
            self.results_view.rounds_requested.connect(self.team_actions.rounds_action.trigger)
            # first opened on the selected inspection's rubric, not the catalogue's first (often one never used here)
            chosen = self.list_page.selected_id()
            rows = self.store.inspections.listing(only=[chosen]) if chosen else []
            if rows:
                self.results_view.select_rubric(rows[0].rubric_id)
                self.results_view.show()
                return
        self.results_view.refresh()
        self.results_view.show()

    def apply_identity(self) -> None:
        """The inspector's name into the audit log; the laptop's readable name in the status bar
        (the device id, which stamps every change for merging, stays: it is in the tooltip)."""
        name = inspector_name(self.settings)
        if name and hasattr(self.store, "set_user"):
            self.store.set_user(name)
        device = str(getattr(self.store, "device", ""))
        label = device_label(self.settings)
        who = f"{name} · " if name else ""
        if label:
            self.location_label.setText(who + label)
        else:
            self.location_label.setText(who + self.tr("Device {0}").format(device) + " "
                                        + self.tr("(name it in Settings)"))
        self.location_label.setToolTip(self.tr("Device id {0}\nData file {1}").format(
            device, getattr(self.store, "path", "")))

    def open_settings(self) -> None:
        from fieldcheck.gui.window.settings_dialog import SettingsDialog  # lazy: on demand (LAZY)

        dialog = SettingsDialog(self.settings, data_dir=self.data_dir or data_dir(),
                                db_path=getattr(self.store, "path", ""), parent=self)
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        changed = dialog.language_changed
        dialog.deleteLater()
        self.apply_identity()
        if accepted and changed:
            self.language_requested.emit()

    def about(self) -> None:
        QtWidgets.QMessageBox.about(self, self.tr("About FieldCheck"), self.tr(
            "FieldCheck {0}: offline inspection and scoring of poverty-alleviation work.\n"
            "Data file: {1}").format(f"{__version__} ({build()})", getattr(self.store, "path", "")))

    def show_error(self, message: str) -> None:
        """One clear sentence in a box that does not block (tests and a busy inspector both go on)."""
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, self.tr("FieldCheck"), message,
                                    QtWidgets.QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.statusBar().showMessage(message, 10000)

    # -- remembered state --------------------------------------------------------------------------

    def save_window_state(self) -> None:
        self.memory.save(self, self.list_page, self.view)

    def reopen_last(self) -> bool:
        """Open the inspection (and item) that was open when the application last stopped."""
        inspection_id, item_id = self.memory.last()
        if not inspection_id:
            return False
        try:
            gone = self.store.inspections.get(inspection_id).deleted
        except StoreError:
            gone = True
        if gone:
            self.memory.forget_inspection()
            return False
        return self.open_inspection(inspection_id, item_id)

    def closeEvent(self, event) -> None:
        if self.view is not None:
            self.view.shutdown()
        self.save_window_state()
        super().closeEvent(event)
