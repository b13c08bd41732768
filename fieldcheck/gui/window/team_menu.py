"""The Team menu (组长): the team leader's desk, one entry per screen.

Each screen is imported when its entry is first chosen, not when the window starts: an
inspector who never opens them does not pay for them (they were a sixth of the window's
import), and none of them runs at start-up.
"""

from __future__ import annotations

from fieldcheck.gui.qt import QtCore, QtGui


class TeamMenu(QtCore.QObject):
    """Fills ``window.team_menu``; ``rounds_action`` is also triggered by the results window."""

    # the window is the Qt parent, not an attribute: a window rebuilt in another language
    # must be freed once Qt deletes it
    window = property(lambda self: self.parent())

    def __init__(self, window, store, settings: QtCore.QSettings | None = None):
        super().__init__(window)
        self.store = store
        self.settings = settings
        self.rounds_views: list = []  # the township rounds window, made once and kept
        self.merge_action = self._add(self.tr("&Merge bundles…"), "actionMergeBundles", self.merge)
        self.conflicts_action = self._add(self.tr("&Conflicts…"), "actionConflicts", self.conflicts)
        self.compare_action = self._add(self.tr("&Double inspections…"), "actionDoubleInspections", self.compare)
        window.team_menu.addSeparator()
        self.assign_action = self._add(self.tr("&Assignments…"), "actionAssignments", self.assign)
        self.devices_action = self._add(self.tr("D&evices…"), "actionDevices", self.devices)
        window.team_menu.addSeparator()
        self.rounds_action = self._add(self.tr("Township &rounds…"), "actionRounds", self.rounds)
        self.rounds_action.views = self.rounds_views  # type: ignore[attr-defined]  # tests reach the view here

    def _add(self, text: str, name: str, slot) -> QtGui.QAction:
        action = self.window.team_menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _refresh_list(self) -> None:
        """Merges, decisions and assignments change what the inspections list shows."""
        page = self.window.list_page
        page.reload_places()
        page.refresh()

    def merge(self) -> None:
        from fieldcheck.gui.leader.merge_view import MergeView  # lazy: on demand

        MergeView(self.store, self.settings, self.window).exec()
        self._refresh_list()

    def conflicts(self) -> None:
        from fieldcheck.gui.leader.conflicts_view import ConflictsView  # lazy: on demand

        ConflictsView(self.store, self.settings, self.window).exec()
        self._refresh_list()

    def compare(self) -> None:
        from fieldcheck.gui.compare.compare_view import CompareView  # lazy: on demand

        view = CompareView(self.store, self.window)
        view.reconciled.connect(lambda new: self.window.list_page.refresh(select_id=new))
        view.exec()

    def assign(self) -> None:
        from fieldcheck.gui.assign.assign_dialog import AssignmentsDialog  # lazy: on demand

        dialog = AssignmentsDialog(self.store, self.settings, self.window)
        dialog.exec()
        dialog.deleteLater()
        self._refresh_list()  # the drafts just made are in the list

    def devices(self) -> None:
        from fieldcheck.gui.team.devices_view import DevicesView  # lazy: on demand

        DevicesView(self.store, self.settings, self.window).exec()

    def rounds(self) -> None:
        from fieldcheck.gui.results.rounds_view import RoundsView  # lazy: yaml, openpyxl wrappers

        if not self.rounds_views:
            self.rounds_views.append(RoundsView(self.store, self.settings, self.window))
        self.rounds_views[0].show()
        self.rounds_views[0].activateWindow()
