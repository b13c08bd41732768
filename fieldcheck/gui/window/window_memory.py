"""What the main window remembers between starts, in its QSettings: geometry, toolbar and list
columns, every named splitter of the inspection page, and which inspection and item were open,
so a restart, or a power cut, comes back to the same place."""

from __future__ import annotations

from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets

LAST_INSPECTION_KEY = "last/inspection"
LAST_ITEM_KEY = "last/item"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SPLITTER_PREFIX = "splitters/"


class WindowMemory:
    """The main window's remembered state; every write is synced at once (a power cut loses nothing)."""

    def __init__(self, settings: QtCore.QSettings):
        self.settings = settings  # not the window: a window rebuilt for another language must be freed
        self._item_saved = ""

    def last(self) -> tuple[str, str | None]:
        """The inspection ("" for none) and item open when the application last stopped."""
        inspection_id = str(self.settings.value(LAST_INSPECTION_KEY, "") or "")
        item_id = str(self.settings.value(LAST_ITEM_KEY, "") or "") or None
        return inspection_id, item_id

    def forget_inspection(self) -> None:
        """Back on the list: a restart then starts on the list too."""
        self.settings.remove(LAST_INSPECTION_KEY)
        self.settings.remove(LAST_ITEM_KEY)
        self.settings.sync()

    def opened(self, inspection_id: str, view) -> None:
        self.restore_splitters(view)
        self.settings.setValue(LAST_INSPECTION_KEY, inspection_id)
        self.remember_item(view)
        self.settings.sync()

    def remember_item(self, view) -> None:
        if view is None:
            return
        try:
            item = view.current_item_id() or ""
        except RuntimeError:  # the view's C++ side is already gone
            return
        if item != self._item_saved:
            self.settings.setValue(LAST_ITEM_KEY, item)
            self.settings.sync()
            self._item_saved = item

    @staticmethod
    def _splitters(view) -> list:
        return [s for s in view.findChildren(QtWidgets.QSplitter) if s.objectName()]

    def save_splitters(self, view) -> None:
        for splitter in self._splitters(view):
            self.settings.setValue(SPLITTER_PREFIX + splitter.objectName(), splitter.saveState())

    def restore_splitters(self, view) -> None:
        for splitter in self._splitters(view):
            state = self.settings.value(SPLITTER_PREFIX + splitter.objectName())
            if isinstance(state, QtCore.QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def save(self, window: QtWidgets.QMainWindow, list_page, view) -> None:
        self.settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        self.settings.setValue(STATE_KEY, window.saveState())
        list_page.save_state(self.settings)
        if view is not None:
            self.save_splitters(view)
            self.remember_item(view)
        self.settings.sync()

    def restore(self, window: QtWidgets.QMainWindow, list_page) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QtCore.QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            self._fit_to_screen(window)
        state = self.settings.value(STATE_KEY)
        if isinstance(state, QtCore.QByteArray) and not state.isEmpty():
            window.restoreState(state)
        list_page.restore_state(self.settings)

    @staticmethod
    def _fit_to_screen(window: QtWidgets.QMainWindow) -> None:
        """First start: most of the screen, maximized on a small laptop screen."""
        screen = QtGui.QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if area.width() <= 1440 or area.height() <= 900:
            window.setWindowState(Qt.WindowState.WindowMaximized)
        window.resize(min(1280, area.width()), min(800, area.height()))
