"""An inspector's keyboard, at random, on the real walk: whatever keys are pressed in whatever order, nothing
raises, the focus never leaves the window, the score on screen is the one the store's answers give, and a view
opened afresh on the same database shows the same (every edit was stored as it was made)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from walkkit import village_inspection

from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.walk.inspection_view import InspectionView
from fieldcheck.ops import scores

M = Qt.KeyboardModifier
#: what an inspector's fingers do on the walk: move, tick, type counts and words, add, undo; no key that opens a
#: context menu (its exec() waits for a mouse), and dialogs answered at once (below)
MOVE = [(Qt.Key.Key_Tab, M.NoModifier), (Qt.Key.Key_Backtab, M.ShiftModifier), (Qt.Key.Key_Up, M.NoModifier),
        (Qt.Key.Key_Down, M.NoModifier), (Qt.Key.Key_Left, M.NoModifier), (Qt.Key.Key_Right, M.NoModifier),
        (Qt.Key.Key_Down, M.ControlModifier), (Qt.Key.Key_Up, M.ControlModifier)]
EDIT = [(Qt.Key.Key_Return, M.NoModifier), (Qt.Key.Key_Space, M.NoModifier), (Qt.Key.Key_Return, M.ControlModifier),
        (Qt.Key.Key_Z, M.ControlModifier), (Qt.Key.Key_Z, M.ControlModifier | M.ShiftModifier),
        (Qt.Key.Key_Delete, M.NoModifier), (Qt.Key.Key_Backspace, M.NoModifier),
        *[(getattr(Qt.Key, f"Key_{d}"), M.NoModifier) for d in "0123579"], (Qt.Key.Key_Minus, M.NoModifier),
        (Qt.Key.Key_Period, M.NoModifier), (Qt.Key.Key_X, M.NoModifier)]
RARE = [(Qt.Key.Key_Escape, M.NoModifier), (Qt.Key.Key_PageDown, M.NoModifier), (Qt.Key.Key_Home, M.NoModifier),
        (Qt.Key.Key_End, M.NoModifier), (Qt.Key.Key_N, M.AltModifier), (Qt.Key.Key_P, M.AltModifier),
        (Qt.Key.Key_C, M.AltModifier), (Qt.Key.Key_A, M.AltModifier)]
#: moving and editing far more often than jumping to an end of the rubric, where little can be edited
KEYS = st.one_of(st.sampled_from(MOVE), st.sampled_from(MOVE), st.sampled_from(EDIT), st.sampled_from(EDIT),
                 st.sampled_from(RARE))


@pytest.fixture
def answered_no(monkeypatch):
    """Every dialog the walk may open answered "no" at once: a test cannot click in a modal loop."""
    monkeypatch.setattr(QtWidgets.QDialog, "exec", lambda self: QtWidgets.QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", lambda self: QtWidgets.QMessageBox.StandardButton.No)
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QtWidgets.QMessageBox, name, staticmethod(lambda *a, **k: QtWidgets.QMessageBox.No))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))


@pytest.fixture
def window(qtbot):
    """One window for every example, made active once, as the main window holds the walk (a new top-level
    window for each example made the test depend on which window the display activated)."""
    host = QtWidgets.QWidget()
    QtWidgets.QVBoxLayout(host).setContentsMargins(0, 0, 0, 0)
    qtbot.addWidget(host)
    host.resize(1366, 740)
    host.show()
    qtbot.waitExposed(host)
    host.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is host)
    return host


def _walk(window, store):
    """The real view on a fresh 考核细则 inspection in the window, the focus on its rubric tree."""
    inspection, _ = village_inspection(store, households=("张三", "李四"))
    view = InspectionView(store, inspection)
    window.layout().addWidget(view)
    view.tree.setFocus()
    return view, inspection


def _on_screen(view) -> str:
    return view.score_panel.total_label.text()


def _stored(store, inspection) -> str:
    result = scores.score_inspection(store, inspection)
    return f"{fmt(result.total)} / {fmt(result.max)}"


def _focus_inside(view):
    focus = QtWidgets.QApplication.focusWidget()
    assert focus is not None and (focus is view or view.isAncestorOf(focus)), f"focus left the window: {focus}"
    return focus


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(presses=st.lists(KEYS, min_size=20, max_size=150))
def test_any_keys_on_the_walk_keep_the_focus_and_the_score_true(qtbot, store, answered_no, window, presses):
    view, inspection = _walk(window, store)  # each example on an inspection of its own, so that it can be replayed
    try:
        for key, modifiers in presses:
            qtbot.keyClick(_focus_inside(view), key, modifiers)
        qtbot.wait(800)  # a note or an "other" answer is stored 0.7 s after typing stops
        qtbot.waitUntil(lambda: _on_screen(view) == _stored(store, inspection), timeout=3000)
        _focus_inside(view)
        shown = _on_screen(view)
    finally:
        view.setParent(None)
        view.deleteLater()
    again = InspectionView(store, inspection)  # every edit was stored as it was made: a new view shows the same
    assert _on_screen(again) == shown
    again.deleteLater()
