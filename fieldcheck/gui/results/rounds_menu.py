"""Team ▸ Township rounds…: opens the rounds screen (``rounds_view``), one per window, non-modal."""

from __future__ import annotations

from fieldcheck.gui.qt import QtCore


def install(window, store, settings: QtCore.QSettings | None = None):
    """Add "Township rounds…" to the window's Team menu; returns the action (the results window's button triggers it)."""
    action = window.team_menu.addAction(QtCore.QCoreApplication.translate("RoundsView", "Township &rounds…"))
    action.setObjectName("actionRounds")
    views: list = []

    def open_view() -> None:
        from fieldcheck.gui.results.rounds_view import RoundsView  # lazy: yaml, openpyxl wrappers; not at start-up

        if not views:
            views.append(RoundsView(store, settings, window))
        views[0].show()
        views[0].activateWindow()

    action.triggered.connect(open_view)
    action.views = views  # type: ignore[attr-defined]  # tests and screenshots reach the open view here
    return action
