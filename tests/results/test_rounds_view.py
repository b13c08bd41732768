"""The rounds screen: a 13-village round from the township's file, one typed by hand, one from a rubric's results."""

import subprocess

import openpyxl
import pytest
import yaml
from hengyang_data import add_unit
from township import VILLAGES, scores, township

from fieldcheck.gui.app import open_settings
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.results.round_rules import RoundsInvalid

WAIT = 60_000  # ms: a limit for a hung worker, not a speed the test asks for


def _file(tmp_path, rounds, **extra):
    path = tmp_path / "新城镇.yaml"
    data = township(rounds)
    data.update(extra)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def _open(qtbot, store, tmp_path):
    """The screen as the leader reaches it: Team ▸ Township rounds… in the main window."""
    from fieldcheck.gui.window.main_window import MainWindow

    window = MainWindow(store, open_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.team_actions.rounds_action in window.team_menu.actions()
    window.team_actions.rounds_action.trigger()
    view = window.team_actions.rounds_action.views[0]
    assert view.isVisible()
    return window, view


def _standing(view):
    t = view.standing
    return {t.item(r, 1).text(): [t.item(r, c).text() for c in range(5)] for r in range(t.rowCount())}


def _ledger(view):
    t = view.ledger
    out = {}
    for r in range(t.rowCount()):
        out.setdefault(t.item(r, 0).text(), []).append([t.item(r, c).text() for c in range(1, 5)])
    return out


def test_a_13_village_round_shows_amounts_flags_exceptions_and_the_ledger(qtbot, store, tmp_path):
    window, view = _open(qtbot, store, tmp_path)
    assert "township" in view.message.text().lower() or "乡镇" in view.message.text()  # what to do first
    view.load(_file(tmp_path, [{"id": "2月", "kind": "双月观摩", "scores": scores(), "task_met": ["吴村官"]},
                               {"id": "半年", "kind": "半年考核", "scores": scores(永安村=99),
                                "on_schedule": {"扶贫办": True, "创业办": False}}]))
    assert "13" in view.town_label.text()
    rows = _standing(view)
    assert len(rows) == 13
    assert rows["新城社区"][:2] == ["1", "新城社区"] and rows["新城社区"][3] == "+800.00" and rows["新城社区"][4] == "流动红旗"
    assert rows["东风村"][3] == "+600.00" and rows["红旗村"][3] == "+400.00"
    assert rows["新华村"][3] == "-200.00" and rows["永安村"][3] == "-300.00" and rows["永安村"][4] == "流动黄旗"
    assert rows["光明村"][3] == "0.00" and rows["光明村"][4] == ""
    book = _ledger(view)
    assert book["吴村官"] == [["大学生村官", "永安村", "0.00", "完成自身任务,免于处罚"]]  # the exception, visible
    assert book["郑村官"] == [["大学生村官", "新华村", "-200.00", ""]]
    assert [row[2] for row in book["钱镇长"]] == ["+600.00", "-300.00"]
    assert "吴村官" in view.message.text()
    checks = {view.checks.item(i).text(): view.checks.item(i).checkState() for i in range(view.checks.count())}
    assert any("吴村官" in k and v == Qt.CheckState.Checked for k, v in checks.items())

    view.round_box.setCurrentIndex(1)  # 半年考核: 永安村 first now; the departments follow 1st/2nd and last amounts
    assert _standing(view)["永安村"][3] == "+1,000.00"
    book = _ledger(view)
    assert book["褚主任"][0][2] == "+1,000.00" and book["蒋主任"][0][2] == "-600.00"

    view.tabs.setCurrentIndex(1)  # per person, every round
    people = view.people
    headers = [people.horizontalHeaderItem(c).text() for c in range(people.columnCount())]
    assert headers[1:3] == ["2月", "半年"]
    totals = {people.item(r, 0).text(): people.item(r, people.columnCount() - 1).text() for r in range(people.rowCount())}
    assert totals["吴村官"] == "+1,000.00"  # spared in 2月, rewarded with 永安村 in 半年

    view.round_box.setCurrentIndex(0)  # the file's scores corrected by hand, then the file's again
    view.source_box.setCurrentIndex(view.source_box.findData("hand"))
    row = next(r for r in range(view.standing.rowCount()) if view.standing.item(r, 1).text() == "光明村")
    view.standing.item(row, 2).setText("99")
    assert _standing(view)["光明村"][:4] == ["1", "光明村", "99", "+800.00"]
    view.source_box.setCurrentIndex(view.source_box.findData("file"))
    assert _standing(view)["光明村"][0] == "6" and _standing(view)["新城社区"][3] == "+800.00"
    window.close()


def test_a_round_typed_by_hand_with_its_departments(qtbot, store, tmp_path):
    window, view = _open(qtbot, store, tmp_path)
    view.load(_file(tmp_path, []))
    assert not view.round_box.isEnabled() and view.new_button.isEnabled()
    view.kind_box.setCurrentIndex(view.kind_box.findData("年终总评"))
    view.new_button.click()
    assert view.round_box.count() == 1 and view.source_box.currentData() == "hand"
    assert view.rounds[0].kind == "年终总评"
    typed = scores()
    for r in range(view.standing.rowCount() - 1):
        view.standing.item(r, 2).setText(str(typed[view.standing.item(r, 1).text()]))
    assert "1" in view.message.text() and view.ledger.rowCount() == 0  # one village still without a score
    last = view.standing.rowCount() - 1
    view.standing.setCurrentCell(last, 2)
    view.standing.setFocus()
    qtbot.keyClick(view.standing, Qt.Key.Key_F2)  # the last one from the keyboard: F2, the score, Enter
    editor = view.standing.findChild(QtWidgets.QLineEdit)
    qtbot.keyClicks(editor, "83")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.ledger.rowCount() > 0, timeout=WAIT)  # Qt commits an Enter'd edit queued
    rows = _standing(view)
    assert rows["新城社区"][3] == "+1,500.00" and rows["永安村"][3] == "-800.00"
    assert rows["新城社区"][4] == ""  # 年终总评 names no flag
    departments = [i for i in range(view.checks.count()) if "扶贫办" in view.checks.item(i).text()]
    assert departments
    assert _ledger(view)["褚主任"][0][2] == "-800.00"  # behind schedule until ticked
    view.checks.item(departments[0]).setCheckState(Qt.CheckState.Checked)
    assert _ledger(view)["褚主任"][0][2] == "+1,500.00"

    out = view.export_workbook(str(tmp_path / "台账.xlsx"))
    book = openpyxl.load_workbook(out)
    ledger = [[c.value for c in row] for row in book["奖惩台账"].iter_rows()]
    assert any(row[2] == "褚主任" and row[5] == 1500 for row in ledger)
    pdf = view.export_pdf(str(tmp_path / "台账.pdf"))
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert "新城镇轮次考核奖惩台账" in text and "褚主任" in text and "+1,500.00" in text
    window.close()


def test_a_round_from_a_rubrics_results_is_worked_out_off_the_window_thread(qtbot, store, tmp_path):
    units = {"衡阳县": 95, "衡南县": 93, "衡山县": 91, "衡东县": 89, "祁东县": 87, "耒阳市": 85}
    for name, total in units.items():
        add_unit(store, name, total)
    path = tmp_path / "units.yaml"
    path.write_text(yaml.safe_dump({
        "township": "衡阳", "villages": list(units),
        "people": [{"name": f"{n}书记", "role": "支部书记", "village": n} for n in units],
        "rounds": [{"id": "观摩", "kind": "双月观摩", "scores_from": "hengyang-2015"}]}, allow_unicode=True),
        encoding="utf-8")
    window, view = _open(qtbot, store, tmp_path)
    with qtbot.waitSignal(view.jobs.arrived, timeout=WAIT):
        view.load(str(path))
        assert view.standing.rowCount() == 0 or view.ledger.rowCount() == 0  # nothing yet: being computed
    rows = _standing(view)
    assert rows["衡阳县"][2] == "95" and rows["衡阳县"][3] == "+800.00"
    assert rows["耒阳市"][3] == "-300.00"
    assert _ledger(view)["衡阳县书记"] == [["支部书记", "衡阳县", "+800.00", ""]]
    window.close()


def test_the_results_window_opens_the_rounds_screen(qtbot, store, tmp_path):
    from fieldcheck.gui.window.main_window import MainWindow

    settings = open_settings(tmp_path)
    settings.setValue("rounds/township", _file(tmp_path, [{"id": "2月", "kind": "双月观摩", "scores": scores()}]))
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.results_action.trigger()
    window.results_view.rounds_button.click()
    view = window.team_actions.rounds_action.views[0]
    assert view.isVisible() and view.standing.rowCount() == len(VILLAGES)  # the last township file, reopened
    window.results_view.jobs.wait()
    window.close()


def test_a_bad_township_file_is_one_sentence_and_changes_nothing(qtbot, store, tmp_path):
    window, view = _open(qtbot, store, tmp_path)
    view.load(_file(tmp_path, [{"id": "2月", "kind": "双月观摩", "scores": scores()}]))
    bad = tmp_path / "bad.yaml"
    bad.write_text("villages: [一村, 二村]\n", encoding="utf-8")
    with pytest.raises(RoundsInvalid) as failed:  # the screen's Open… shows this sentence in its message line
        view.load(str(bad))
    assert "\n" not in str(failed.value) and "5" in str(failed.value)
    assert view.standing.rowCount() == 13 and view.town.name == "新城镇"
    window.close()


def test_every_control_is_reached_by_tab_without_a_trap(qtbot, store, tmp_path):
    from fieldcheck.gui.widgets.tab_order import tab_stops

    window, view = _open(qtbot, store, tmp_path)
    view.load(_file(tmp_path, [{"id": "2月", "kind": "双月观摩", "scores": scores()}]))
    qtbot.waitExposed(view)
    view.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is view)
    start = view.round_box
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QtWidgets.QApplication.focusWidget()]
    for _ in range(40):
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
        now = QtWidgets.QApplication.focusWidget()
        assert now is not None and view.isAncestorOf(now), "Tab left the rounds screen"
        if now is seen[0]:
            break
        assert now not in seen, f"Tab came back to {now.objectName()} before going round: a trap"
        seen.append(now)
    missing = [w.objectName() or type(w).__name__ for w in tab_stops(view) if w not in seen]
    assert not missing, missing
    window.close()


def test_a_round_from_a_rubric_with_nothing_signed_says_what_to_do_in_the_window(qtbot, store, tmp_path, chinese):
    window, view = _open(qtbot, store, tmp_path)
    view.load(_file(tmp_path, [{"id": "2月", "kind": "双月观摩", "scores": scores()}]))
    with qtbot.waitSignal(view.jobs.arrived, timeout=WAIT):  # the leader takes the standing from a rubric instead
        view.source_box.setCurrentIndex(view.source_box.findData("hengyang-2015"))
    said = view.message.text()
    assert "--all" not in said and "签字" in said and "手工" in said  # the window's ways, not the command line's
    window.close()
