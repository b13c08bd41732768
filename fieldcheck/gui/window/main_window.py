"""The main window: the inspections list and the open inspection in one stack, menus and status bar.

It remembers its geometry, toolbar, list columns and every named splitter of the inspection
page (QSettings), and which inspection and item were open, so a restart, or a power cut,
comes back to the same place.
"""

from __future__ import annotations

from fieldcheck import __version__
from fieldcheck.engine.numbers import fmt
from fieldcheck.gui import assign
from fieldcheck.gui.forms.ui_main_window import Ui_MainWindow
from fieldcheck.gui.inspections.finding_search import FindingSearchDialog
from fieldcheck.gui.inspections.inspection_list import InspectionListPage
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from fieldcheck.gui.signing.signing_menu import SigningActions
from fieldcheck.gui.sync import sync_dialog
from fieldcheck.gui.walk.inspection_view import InspectionView
from fieldcheck.gui.window.settings_dialog import SettingsDialog, device_label, inspector_name
from fieldcheck.gui.window.shortcuts_dialog import ShortcutsDialog, page_actions
from fieldcheck.ops import scores
from fieldcheck.paths import data_dir
from fieldcheck.store import StoreError
from fieldcheck.version import build

LAST_INSPECTION_KEY = "last/inspection"
LAST_ITEM_KEY = "last/item"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_PREFIX = "splitters/"


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
        self._last_item_saved = ""
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
        self._add_go_actions()
        self.signing = SigningActions(self)  # sign, amend, sheet, print, history (replace the Mark as … actions)
        sync_dialog.install(self, store, settings)
        # the team leader's desk: merge, conflicts, double inspections, devices, assignments
        self.team_menu = QtWidgets.QMenu(self.tr("&Team"), self)
        self.team_menu.setObjectName("menuTeam")
        self.menuBar().insertMenu(ui.menuHelp.menuAction(), self.team_menu)
        assign.install(self, store, settings)

        self.restore_window_state()
        self._show_list_page(refresh=False)  # the page has just loaded its rows

    def _add_go_actions(self) -> None:
        """The Go menu's own entries, there on every page (the walk adds its moves below them)."""
        self.search_findings_action = QtGui.QAction(self.tr("Search findings…"), self)
        self.search_findings_action.setObjectName("actionSearchFindings")
        self.search_findings_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+F"))
        self.search_findings_action.triggered.connect(self.search_findings)
        self.find_action = QtGui.QAction(self.tr("Find in the list"), self)
        self.find_action.setObjectName("actionFindInList")
        self.find_action.setShortcut(QtGui.QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.find_in_list)
        self.list_help_action = QtGui.QAction(self.tr("Keyboard shortcuts"), self)
        self.list_help_action.setObjectName("actionListShortcuts")
        self.list_help_action.setShortcut(QtGui.QKeySequence("F1"))
        self.list_help_action.triggered.connect(self.show_shortcuts)
        self.ui.menuHelp.insertAction(self.ui.actionAbout, self.list_help_action)
        # right-click or the Menu key on an inspection: what the Inspection menu offers
        table = self.list_page.ui.table
        table.setContextMenuPolicy(Qt.CustomContextMenu)
        table.customContextMenuRequested.connect(self._list_context_menu)
        go = self.ui.menuGo
        go.addAction(self.ui.actionShowList)
        go.addAction(self.find_action)
        go.addAction(self.search_findings_action)
        # every sortable column of the list has a keyboard way: Go → Sort the list by → column
        # (again on the same column reverses the order)
        self.sort_menu = go.addMenu(self.tr("Sort the list by"))
        self.sort_menu.aboutToShow.connect(self._fill_sort_menu)
        self._fill_sort_menu()
        go.addSeparator()

    def _fill_sort_menu(self) -> None:
        self.sort_menu.clear()
        model = self.list_page.ui.table.model()
        header = self.list_page.ui.table.horizontalHeader()
        for column in range(model.columnCount()):
            title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            action = self.sort_menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(header.sortIndicatorSection() == column)
            action.triggered.connect(lambda _=False, c=column: self.sort_list(c))

    def sort_list(self, column: int) -> None:
        """Sort the list by ``column``; the same column again reverses the order."""
        table = self.list_page.ui.table
        header = table.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        order = ascending
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        table.sortByColumn(column, order)

    def _list_context_menu(self, pos) -> QtWidgets.QMenu:
        menu = QtWidgets.QMenu(self)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        for action in (self.ui.actionOpen, self.ui.actionDuplicate, self.list_page.delete_action, None,
                       self.ui.actionMarkDraft, self.ui.actionMarkSigned, None, self.ui.actionNewInspection):
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(self.list_page.ui.table.viewport().mapToGlobal(pos))
        return menu

    def show_shortcuts(self) -> ShortcutsDialog:
        """F1 on the list: the list's and the window's shortcuts (the walk has its own F1)."""
        dialog = ShortcutsDialog(page_actions(self.menuBar(), self.list_page, self.list_page.ui.table), self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def find_in_list(self) -> None:
        """Ctrl+F on the list: its search field, wherever the focus is on the page."""
        self.list_page.ui.searchEdit.setFocus(Qt.ShortcutFocusReason)
        self.list_page.ui.searchEdit.selectAll()

    def search_findings(self) -> FindingSearchDialog:
        dialog = FindingSearchDialog(self.store, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open_requested.connect(self.open_inspection)
        dialog.show()
        return dialog

    # -- pages -------------------------------------------------------------------------------------

    def show_list(self) -> None:
        """Back to the list; a restart then starts on the list too."""
        self._close_view()
        self.settings.remove(LAST_INSPECTION_KEY)
        self.settings.remove(LAST_ITEM_KEY)
        self.settings.sync()
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
            view = InspectionView(self.store, inspection_id, self.ui.stack)
        except StoreError as exc:
            self.show_error(str(exc))
            return False
        self.view = view
        self.inspection_id = inspection_id
        self.ui.stack.addWidget(view)
        self.ui.stack.setCurrentWidget(view)
        view.score_changed.connect(self._show_score)
        view.item_changed.connect(lambda _item: self._remember_item())
        session = getattr(view, "session", None)
        self._show_score(getattr(session, "result", None) or scores.score_inspection(self.store, inspection_id))
        self._install_view_actions(view)
        self._restore_splitters(view)
        if item_id:
            view.go_to_item(item_id)
        self.setWindowTitle(self.tr("{0} · {1} — FieldCheck").format(inspection.assessee_name, inspection.rubric.title))
        self.settings.setValue(LAST_INSPECTION_KEY, inspection_id)
        self._remember_item()
        self.settings.sync()
        self._update_actions()
        return True

    def _close_view(self) -> None:
        view = self.view
        if view is None:
            return
        self._remember_item()
        self._save_splitters(view)
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
        grade = f" · {result.grade}" if getattr(result, "grade", None) else ""
        self.score_label.setText(self.tr("Score {0} / {1}{2} · {3} of {4} items").format(
            fmt(result.total), self._out_of(result), grade, result.answered, result.item_count))

    def _out_of(self, result) -> str:
        """"200 + bonus 10" rather than a bare 210: the bonus is not part of the 200 an assessee can lose."""
        nodes = getattr(result, "nodes", {})
        session = getattr(self.view, "session", None)
        sections = session.rubric.children if session is not None else []
        bonus = sum((nodes[c.id].max for c in sections if getattr(c, "kind", "") == "bonus" and c.id in nodes), start=0)
        if not bonus:
            return fmt(result.max)
        return self.tr("{0} + bonus {1}").format(fmt(result.max - bonus), fmt(bonus))

    def _update_actions(self) -> None:
        on_list = self.view is None
        selected = self.list_page.selected_id() if on_list else self.inspection_id
        self.ui.actionOpen.setEnabled(on_list and selected is not None)
        for action in (self.ui.actionDuplicate, self.ui.actionDelete, self.ui.actionMarkDraft,
                       self.ui.actionMarkSigned):
            action.setEnabled(selected is not None)
        self.list_page.undo_action.setVisible(on_list)
        self.find_action.setEnabled(on_list)  # Ctrl+F in a text field of the walk stays the field's
        self.list_help_action.setVisible(on_list)  # the walk's F1 lists its own page

    # -- the shell's edits (each stored at once) ---------------------------------------------------

    def new_inspection(self) -> str | None:
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

    def _remember_item(self) -> None:
        if self.view is None:
            return
        try:
            item = self.view.current_item_id() or ""
        except RuntimeError:  # the view's C++ side is already gone
            return
        if item != self._last_item_saved:
            self.settings.setValue(LAST_ITEM_KEY, item)
            self.settings.sync()
            self._last_item_saved = item

    def _splitters(self, view) -> list:
        return [s for s in view.findChildren(QtWidgets.QSplitter) if s.objectName()]

    def _save_splitters(self, view) -> None:
        for splitter in self._splitters(view):
            self.settings.setValue(SPLITTER_PREFIX + splitter.objectName(), splitter.saveState())

    def _restore_splitters(self, view) -> None:
        for splitter in self._splitters(view):
            state = self.settings.value(SPLITTER_PREFIX + splitter.objectName())
            if isinstance(state, QtCore.QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def save_window_state(self) -> None:
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(STATE_KEY, self.saveState())
        self.list_page.save_state(self.settings)
        if self.view is not None:
            self._save_splitters(self.view)
            self._remember_item()
        self.settings.sync()

    def restore_window_state(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QtCore.QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QtCore.QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.list_page.restore_state(self.settings)

    def _fit_to_screen(self) -> None:
        """First start: most of the screen, maximized on a small laptop screen."""
        screen = QtGui.QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if area.width() <= 1440 or area.height() <= 900:
            self.setWindowState(Qt.WindowState.WindowMaximized)
        self.resize(min(1280, area.width()), min(800, area.height()))

    def reopen_last(self) -> bool:
        """Open the inspection (and item) that was open when the application last stopped."""
        inspection_id = str(self.settings.value(LAST_INSPECTION_KEY, "") or "")
        if not inspection_id:
            return False
        item_id = str(self.settings.value(LAST_ITEM_KEY, "") or "") or None

        try:
            gone = self.store.inspections.get(inspection_id).deleted
        except StoreError:
            gone = True
        if gone:
            self.settings.remove(LAST_INSPECTION_KEY)
            self.settings.remove(LAST_ITEM_KEY)
            return False
        return self.open_inspection(inspection_id, item_id)

    def closeEvent(self, event) -> None:
        if self.view is not None:
            self.view.shutdown()
        self.save_window_state()
        super().closeEvent(event)
