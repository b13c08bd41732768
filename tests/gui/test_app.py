"""The application shell as a user meets it: start, first start, menus, remembering, languages."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from sheetkit import finish
from test_walk import type_text

from fieldcheck import i18n
from fieldcheck.engine import catalog
from fieldcheck.engine.numbers import fmt
from fieldcheck.gui.app import open_settings
from fieldcheck.gui.fonts import BUNDLED_FAMILY
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.gui.window.first_start import FirstStartDialog, is_first_start
from fieldcheck.gui.window.window_memory import LAST_INSPECTION_KEY
from fieldcheck.ops import scores
from fieldcheck.store import StoreError

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_bundled_chinese_font_is_registered(make_shell):
    make_shell()
    assert BUNDLED_FAMILY in QtGui.QFontDatabase.families()
    assert BUNDLED_FAMILY in QtWidgets.QApplication.font().families()
    metrics = QtGui.QFontMetrics(QtGui.QFont(BUNDLED_FAMILY))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "脱贫攻坚考核细则检查")


def test_the_window_starts_in_chinese_on_the_list(make_shell, village):
    shell = make_shell()
    window = shell.window
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "检查(&I)", "转到(&G)", "组长(&T)", "帮助(&H)"]
    assert window.ui.stack.currentWidget() is window.list_page
    assert window.list_page.selected_id() == village
    assert window.ui.actionOpen.isEnabled()


def test_first_start_demo_opens_a_real_draft_inspection(qtbot, make_shell, home_store, home):
    shell = make_shell()
    assert is_first_start(home_store, shell.settings)
    dialog = FirstStartDialog([r.title for r in catalog.installed()], shell.window)
    qtbot.addWidget(dialog)
    assert "脱贫攻坚考核方案考核细则" in dialog.ui.rubricsLabel.text()
    qtbot.mouseClick(dialog.ui.demoButton, Qt.MouseButton.LeftButton)
    assert shell.offer_first_start(dialog) == "demo"
    rows = scores.scored_rows(home_store)
    assert len(rows) >= 6 and home_store.places.all("村")
    window = shell.window
    opened = home_store.inspections.get(window.inspection_id)
    assert window.ui.stack.currentWidget() is window.view
    assert opened.status == "draft" and home_store.findings.of(opened.id)
    assert opened.rubric_id == "village-work-team" and home_store.places.get(opened.assessee_id).kind == "村"
    result = scores.score_inspection(home_store, opened.id)
    # out of the rubric's 满分 (bonus included), as the score panel beside it, the list and the sheet say
    assert window.score_label.text().startswith(f"得分 {fmt(result.total)} / 210 · ")
    assert window.view.score_panel.total_label.text() == f"{fmt(result.total)} / 210"
    assert not is_first_start(home_store, shell.settings)


def test_an_empty_start_is_not_offered_again(qtbot, make_shell, home_store, home):
    shell = make_shell()
    dialog = FirstStartDialog([], shell.window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.emptyButton, Qt.MouseButton.LeftButton)
    assert shell.offer_first_start(dialog) == "empty"
    assert scores.scored_rows(home_store) == [] and home_store.places.all() == []
    assert not is_first_start(home_store, open_settings(home))


def test_first_start_asks_the_inspectors_name_for_the_log_and_the_sheets(qtbot, make_shell, home_store, home):
    """Without it every change, and each sheet's 录入, named the laptop's login (root)."""
    shell = make_shell()
    dialog = FirstStartDialog([], shell.window)
    qtbot.addWidget(dialog)
    assert dialog.ui.nameLabel.buddy() is dialog.ui.nameEdit
    dialog.ui.nameEdit.setFocus()
    type_text(dialog.ui.nameEdit, "王芳 430421199001011234")
    qtbot.mouseClick(dialog.ui.emptyButton, Qt.MouseButton.LeftButton)
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted and dialog.name == ""  # never kept in the log
    assert "身份证号" in dialog.ui.errorLabel.text() and not dialog.ui.errorLabel.isHidden()
    dialog.ui.nameEdit.clear()
    type_text(dialog.ui.nameEdit, " 王芳 ")
    qtbot.mouseClick(dialog.ui.emptyButton, Qt.MouseButton.LeftButton)
    assert shell.offer_first_start(dialog) == "empty"
    assert open_settings(home).value("me/name") == "王芳"
    place = home_store.places.add("县市区", "南岳区", group="区")
    inspection = home_store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                               inspectors=["王芳"], date="2026-11-22")
    assert home_store.findings.add(inspection, "4", value=2).entered_by == "王芳"
    assert "王芳" in shell.window.location_label.text()


def test_reopens_the_same_inspection_and_item_after_a_restart(make_shell, village, home):
    first = make_shell()
    assert first.window.open_inspection(village)
    first.window.view.go_to_item("2.1.3")
    first.window.close()
    second = make_shell()
    assert second.window.inspection_id == village
    assert second.window.view.current_item_id() == "2.1.3"


def test_reopens_after_a_crash(make_shell, village, home):
    # No close, no save on exit: what was written as the inspector moved must be enough.
    first = make_shell()
    first.window.open_inspection(village)
    first.window.view.go_to_item("3.1.1")
    crashed_settings = open_settings(home)  # a new process reads the file from disk
    assert crashed_settings.value(LAST_INSPECTION_KEY) == village
    second = make_shell(crashed_settings)
    assert second.window.inspection_id == village
    assert second.window.view.current_item_id() == "3.1.1"


def test_the_list_is_shown_again_when_the_user_left_from_the_list(make_shell, village):
    first = make_shell()
    first.window.open_inspection(village)
    first.window.ui.actionShowList.trigger()
    first.window.close()
    second = make_shell()
    assert second.window.view is None and second.window.ui.stack.currentWidget() is second.window.list_page


def test_a_deleted_last_inspection_is_not_reopened(make_shell, home_store, village):
    first = make_shell()
    first.window.open_inspection(village)
    first.window.close()
    home_store.inspections.delete(village)
    second = make_shell()
    assert second.window.view is None


def test_window_size_is_remembered(make_shell):
    window = make_shell().window
    window.showNormal()
    window.resize(760, 560)  # inside the offscreen screen (800×800)
    window.close()
    assert make_shell().window.size() == QtCore.QSize(760, 560)


def test_splitter_is_remembered(make_shell, village):
    window = make_shell().window
    window.open_inspection(village)
    splitter = window.view.findChild(QtWidgets.QSplitter, "walkSplitter")
    splitter.setSizes([300, 500, 300])
    sizes = splitter.sizes()
    window.close()
    again = make_shell().window.view.findChild(QtWidgets.QSplitter, "walkSplitter")
    assert again.sizes() == sizes


def test_walk_actions_are_in_the_menus_while_an_inspection_is_open(make_shell, village):
    window = make_shell().window
    window.open_inspection(village)
    edit = window.ui.menuEdit.actions()
    go = window.ui.menuGo.actions()
    assert window.view.action("undo") in edit and window.view.action("redo") in edit
    assert window.view.action("next") in go and window.view.action("previous") in go
    assert window.walk_toolbar.isVisible() and window.view.action("undo") in window.walk_toolbar.actions()
    # every shortcut reaches the user: none is claimed twice
    keys = [k.toString() for a in window.findChildren(QtGui.QAction) if a.isVisible() and a.isEnabled()
            for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(keys)
    window.show_list()
    assert window.view is None
    # the Go menu on the list is not empty: the list, Ctrl+F, search findings; none of the walk's moves
    go = [a for a in window.ui.menuGo.actions() if not a.isSeparator()]
    assert go == [window.ui.actionShowList, window.list_actions.find_action, window.list_actions.search_findings_action,
                  window.list_actions.sort_menu.menuAction()]
    assert not window.walk_toolbar.isVisible()
    assert window.list_page.undo_action in window.ui.menuEdit.actions()


def test_new_inspection_through_the_menu_opens_it(qtbot, make_shell, home_store, village):
    window = make_shell().window

    def fill():
        dialog = QtWidgets.QApplication.activeModalWidget()
        dialog.ui.rubricCombo.setCurrentIndex(dialog.ui.rubricCombo.findData("village-work-team"))
        dialog.ui.assesseeCombo.setEditText("荷坪县/杉山乡/梅花村")
        dialog.ui.inspectorsEdit.setText("李四、王五")
        dialog.ui.buttonBox.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).click()

    QtCore.QTimer.singleShot(0, fill)
    window.ui.actionNewInspection.trigger()
    assert window.inspection_id not in (None, village)
    made = home_store.inspections.get(window.inspection_id)
    assert made.assessee_name == "梅花村" and made.inspectors == ["李四", "王五"]
    assert "梅花村" in window.windowTitle()
    assert len(scores.scored_rows(home_store)) == 2


def test_sign_amend_and_delete_from_the_inspection_page(qtbot, make_shell, home_store, village):
    window = make_shell().window
    finish(home_store, village)
    window.open_inspection(village)
    window.view.go_to_item("2.1.3")
    assert not window.ui.actionMarkSigned.isVisible() and not window.ui.actionMarkDraft.isVisible()
    dialog = window.signing.sign()
    dialog.rows[0].pad.set_strokes([[(0.1, 0.5), (0.5, 0.3), (0.9, 0.6)]])  # the leader signs; nobody else
    dialog.sign_button.click()
    assert home_store.inspections.get(village).status == "signed"
    assert window.statusBar().currentMessage() == "已签字并锁定(第 1 版)。"
    assert not window.view.session.editable and window.view.current_item_id() == "2.1.3"
    assert window.signing.amend("复核时发现 2.1.3 录错") == 2
    assert home_store.inspections.get(village).status == "draft"
    assert window.view.session.editable
    window.ui.actionDelete.trigger()
    assert home_store.inspections.get(village).deleted
    assert window.view is None and window.list_page.ui.undoBar.isVisible()
    qtbot.mouseClick(window.list_page.ui.undoButton, Qt.MouseButton.LeftButton)
    assert not home_store.inspections.get(village).deleted


def test_the_score_sheet_is_made_off_the_windows_thread_then_shown(qtbot, make_shell, home_store, village,
                                                                    sheet_threads):
    window = make_shell().window
    finish(home_store, village)
    window.open_inspection(village)
    with qtbot.waitSignal(window.signing.previewed, timeout=60_000) as shown:
        window.signing.sheet_action.trigger()  # Inspection ▸ Score sheet…
        # the window paints and answers while the sheet is made; a second Ctrl+P starts no second one
        assert window.statusBar().currentMessage() == "正在生成评分表…"
        assert not window.signing.sheet_action.isEnabled()
    preview = shown.args[0]
    assert preview.isVisible() and preview.page_count() >= 1
    assert len(sheet_threads) == 1 and sheet_threads[0] is not threading.main_thread()
    assert window.signing.sheet_action.isEnabled() and window.statusBar().currentMessage() == ""
    preview.close()


def test_delete_from_the_walk_deletes_the_open_inspection_whatever_the_list_shows(qtbot, make_shell, home_store,
                                                                                 village):
    """Issue 7: with the list filtered to another village, Edit → Delete in the walk deleted that one."""
    town = next(p.id for p in home_store.places.all() if p.kind == "乡镇")
    other_village = home_store.places.add("村", "桃源村", town)
    other = home_store.inspections.create(catalog.find("village-work-team"), assessee_id=other_village,
                                          assessee_name="桃源村", inspectors=["李四"], date="2026-10-02")
    window = make_shell().window
    page = window.list_page
    window.open_inspection(village)  # 梅花村
    page.ui.searchEdit.setText("桃源")  # the list behind the walk now shows only the other village
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.selected_id() == other and page.model.rowCount() == 1
    window.ui.actionDelete.trigger()
    assert home_store.inspections.get(village).deleted
    assert not home_store.inspections.get(other).deleted
    assert window.view is None and "梅花村" in page.ui.undoLabel.text()
    qtbot.mouseClick(page.ui.undoButton, Qt.MouseButton.LeftButton)
    assert not home_store.inspections.get(village).deleted and not home_store.inspections.get(other).deleted


def test_duplicate_from_the_inspection_page_opens_the_copy(make_shell, home_store, village):
    window = make_shell().window
    window.open_inspection(village)
    window.ui.actionDuplicate.trigger()
    assert window.inspection_id != village
    assert [f.value for f in home_store.findings.of(window.inspection_id)] == [f.value for f in home_store.findings.of(village)]


def test_switching_the_language_keeps_the_inspection_and_item(qtbot, make_shell, village):
    shell = make_shell()
    shell.window.open_inspection(village)
    shell.window.view.go_to_item("2.1.3")

    def choose(language):
        dialog = QtWidgets.QApplication.activeModalWidget()
        dialog.ui.languageCombo.setCurrentIndex(dialog.ui.languageCombo.findData(language))
        dialog.ui.buttonBox.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).click()

    QtCore.QTimer.singleShot(0, lambda: choose("en"))
    shell.window.ui.actionSettings.trigger()
    window = shell.window
    qtbot.addWidget(window)
    assert menu_titles(window) == ["&File", "&Edit", "&Inspection", "&Go", "&Team", "&Help"]
    assert window.inspection_id == village and window.view.current_item_id() == "2.1.3"
    assert window.score_label.text().startswith("Score ")
    assert i18n.current() == "en"  # the home_store's messages follow the window
    with pytest.raises(StoreError, match="^no inspection with id"):
        shell.store.inspections.get("nonexistent")
    assert len([w for w in QtWidgets.QApplication.topLevelWidgets()
                if isinstance(w, QtWidgets.QMainWindow) and w.isVisible()]) == 1
    QtCore.QTimer.singleShot(0, lambda: choose("zh"))
    window.ui.actionSettings.trigger()
    qtbot.addWidget(shell.window)
    assert menu_titles(shell.window)[0] == "文件(&F)"


def test_the_settings_dialog_shows_where_the_data_is(qtbot, make_shell, home_store, home):
    from fieldcheck.gui.window.settings_dialog import SettingsDialog

    window = make_shell().window
    dialog = SettingsDialog(window.settings, data_dir=home, db_path=home_store.path)
    qtbot.addWidget(dialog)
    assert dialog.ui.dataFolderEdit.text() == str(home)
    assert dialog.ui.databaseEdit.text() == str(home_store.path)
    assert dialog.ui.languageCombo.currentData() == ""  # follow the system until chosen


def test_a_store_error_is_one_sentence_in_a_box(qtbot, make_shell, home_store, village):
    window = make_shell().window
    home_store.inspections.delete(village)
    assert not window.open_inspection(village)
    boxes = [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox)
             and w.isVisible()]
    assert len(boxes) == 1 and boxes[0].text() == "这份检查已被删除。"
    boxes[0].close()


# -- the real command ------------------------------------------------------------------------------


def run_fieldcheck(args, home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDCHECK_HOME=str(home), FIELDCHECK_LANG="zh")
    return subprocess.run([sys.executable, "-m", "fieldcheck", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_fieldcheck_with_a_db_opens_the_window(tmp_path):
    done = run_fieldcheck(["--db", str(tmp_path / "x.db"), "--quit-when-ready"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ready ")
    assert (tmp_path / "x.db").exists() and (tmp_path / "settings.ini").exists()
    done = run_fieldcheck(["gui", "--db", str(tmp_path / "x.db"), "--quit-when-ready"], tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("ready ")


def test_fieldcheck_on_a_file_that_is_not_a_database_says_so(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("这不是数据库\n" * 100, encoding="utf-8")
    done = run_fieldcheck(["--db", str(bad), "--quit-when-ready"], tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.strip()


def test_fieldcheck_without_a_display_says_so_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(FIELDCHECK_HOME=str(tmp_path), FIELDCHECK_LANG="zh")
    done = subprocess.run([sys.executable, "-m", "fieldcheck"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("没有可用的显示器") and "Traceback" not in done.stderr


def test_a_day_in_the_window_new_inspection_findings_undo_restart_and_the_cli_agrees(qtbot, make_shell, home_store,
                                                                                       tmp_path):
    """Through the window's own menus and keys: the shell and the walk working together."""
    import json

    shell = make_shell()
    window = shell.window

    def fill():
        dialog = QtWidgets.QApplication.activeModalWidget()
        dialog.ui.rubricCombo.setCurrentIndex(dialog.ui.rubricCombo.findData("village-work-team"))
        dialog.ui.assesseeCombo.setEditText("梅花村")
        dialog.ui.inspectorsEdit.setText("张三")
        dialog.ui.buttonBox.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).click()

    QtCore.QTimer.singleShot(0, fill)
    window.ui.actionNewInspection.trigger()
    inspection_id = window.inspection_id
    assert inspection_id and window.view.current_item_id() == "1.1"
    go = {a.objectName(): a for a in window.ui.menuGo.actions()}
    edit = {a.objectName(): a for a in window.ui.menuEdit.actions()}
    while window.view.current_item_id() != "2.1.1":  # 发现一处错误扣2分
        go["action_next"].trigger()
    for _ in range(3):
        edit["action_add_finding"].trigger()
    result = scores.score_inspection(home_store, inspection_id)
    assert result.total == result.max - 10 - 6  # 3 × 2 here; the 10 bonus points are not earned yet
    assert window.score_label.text().startswith(f"得分 {fmt(result.total)} / 210 · 暂计 · ")
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)
    window.view.tree.setFocus()
    qtbot.keyClick(window.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one Ctrl+Z, one step
    assert len(home_store.findings.of(inspection_id, "2.1.1")) == 2
    after_undo = scores.score_inspection(home_store, inspection_id)
    assert window.score_label.text().startswith(f"得分 {fmt(after_undo.total)} /")
    window.close()

    again = make_shell().window
    assert again.inspection_id == inspection_id and again.view.current_item_id() == "2.1.1"
    inspection = home_store.inspections.get(inspection_id)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"rubric": inspection.rubric_id, "assessee": inspection.assessee,
                                   "answers": scores.answers(home_store, inspection_id)}, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "fieldcheck", "score", inspection.rubric_id, str(answers),
                           "--json"], capture_output=True, text=True, timeout=60, check=True)
    cli = json.loads(done.stdout)
    assert again.score_label.text().startswith(f"得分 {cli['total']} / {cli['max']} · ")
