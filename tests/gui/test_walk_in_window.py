"""The walk inside the real application window: Chinese on screen, the walk's keys through the
window's menus, the status bar's score, and a restart back at the same item."""

from __future__ import annotations

import pytest

from fieldcheck.engine import catalog
from fieldcheck.gui.app import Shell, application, open_settings
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.walk.inspection_view import InspectionView
from fieldcheck.store import Store

# the main window (the shell's) is shown offscreen, where Qt cannot pass on size hints
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path))
    monkeypatch.setenv("FIELDCHECK_LANG", "zh")
    return tmp_path


SHELLS: list[Shell] = []


def start(qtbot, store, home) -> Shell:
    shell = Shell(application(), store, open_settings(home), data_dir=home)
    SHELLS.append(shell)
    shell.start(offer_first_start=False)
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    shell.window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is shell.window)
    return shell


def test_the_walk_in_the_window_speaks_chinese_and_takes_its_keys(qtbot, home):
    store = Store.open(home / "fieldcheck.db")
    county = store.places.add("县", "衡阳县")
    town = store.places.add("乡镇", "西渡镇", county)
    village = store.places.add("村", "梅花村", town)
    inspection_id = store.inspections.create(catalog.find("village-work-team"), assessee_id=village,
                                            assessee_name="", inspectors=["甲"], date="2026-11-22")
    shell = start(qtbot, store, home)
    try:
        window = shell.window
        assert window.open_inspection(inspection_id)
        view = window.view
        assert isinstance(view, InspectionView)
        assert view.ui.nav_next.text() == "下一项 ▶"
        assert view.tree.headerItem().text(1) == "状态"
        assert view.tree.state_text("2.1") == "扣0/30"
        assert view.panel.rule_label.text().startswith("[缺项扣分]")  # the engine speaks Chinese too
        assert view.hasFocus() or view.isAncestorOf(QtWidgets.QApplication.focusWidget())

        focus = QtWidgets.QApplication.focusWidget()
        qtbot.keyClick(focus, Qt.Key_Down, Qt.ControlModifier)
        assert view.current_item_id() == "1.2"
        view.go_to_item("2.1.1")
        view.tree.setFocus()
        qtbot.keyClick(view.tree, Qt.Key_Return, Qt.ControlModifier)
        assert len(store.findings.of(inspection_id, "2.1.1")) == 1
        assert "198 / 210 · 暂计 · 已答 1/30 项" in window.score_label.text()
        qtbot.keyClick(view.tree, Qt.Key_Z, Qt.ControlModifier)
        assert store.findings.of(inspection_id, "2.1.1") == []
        # nothing answered: a whole 200 that is not finished says so, on every item
        assert "200 / 210 · 暂计 · 已答 0/30 项" in window.score_label.text()
        qtbot.keyClick(view.tree, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        view.go_to_item("3.2.1")
        window.close()

        # a restart comes back to the same inspection and item, the finding in place
        shell = start(qtbot, store, home)
        view = shell.window.view
        assert isinstance(view, InspectionView)
        assert view.inspection_id == inspection_id and view.current_item_id() == "3.2.1"
        assert view.tree.state_text("2.1.1") == "✗ −2"
        shell.window.close()
    finally:
        for each in SHELLS:  # every shell installed Chinese translators: leave none behind
            each.translations.switch("en")
        SHELLS.clear()
        store.close()


def test_the_status_bar_drops_provisional_only_when_every_item_is_answered(qtbot, home):
    store = Store.open(home / "fieldcheck.db")
    county = store.places.add("县", "衡阳县")
    village = store.places.add("村", "梅花村", store.places.add("乡镇", "西渡镇", county))
    rubric = catalog.find("village-work-team")
    inspection_id = store.inspections.create(rubric, assessee_id=village, assessee_name="", inspectors=["甲"],
                                            date="2026-11-22")
    # a pass/fail, a rating or a choice is not answered by "looked at" but by its value
    values = {"2.3.2": {"selected": ["宣传栏", "标语"]}, "2.5.4": True, "2.5.5": "满意", "2.6.1": True,
              "3.1.1": True, "3.3.1": True}
    for item in rubric.items():
        if item.id in values:
            store.findings.set_value(inspection_id, item.id, values[item.id])
        elif item.id != "3.5.1":
            store.findings.set_mark(inspection_id, item.id, "checked")
    shell = start(qtbot, store, home)
    try:
        window = shell.window
        assert window.open_inspection(inspection_id)
        assert " · 暂计 · 已答 29/30 项" in window.score_label.text()  # one item still open
        window.view.go_to_item("3.5.1")
        window.view.panel.checked_box.click()  # the last one looked at: the total is final
        text = window.score_label.text()
        assert "暂计" not in text and "已答 30/30 项" in text
    finally:
        shell.window.close()
        for each in SHELLS:  # as above: no Chinese translators left behind
            each.translations.switch("en")
        SHELLS.clear()
        store.close()
