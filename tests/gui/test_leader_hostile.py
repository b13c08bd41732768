"""The leader's windows under a hurried leader's input: what they see stays readable, what is stored stays whole."""

from __future__ import annotations

import threading

import pytest
from leaderkit import three_inspectors, trust_all

from fieldcheck.gui.leader.conflicts_view import ConflictsView
from fieldcheck.gui.leader.merge_view import MergeView
from fieldcheck.gui.qt import QtWidgets
from fieldcheck.gui.sync.sync_dialog import SyncDialog
from fieldcheck.store import Store
from fieldcheck.sync import importer
from fieldcheck.sync.export import export_bundle


@pytest.fixture
def team(tmp_path):
    made = three_inspectors(tmp_path)
    yield made
    made.close()


@pytest.fixture
def merged(team):
    """The leader's database with the three bundles in it: two conflicts open."""
    for bundle in team.bundles:
        team.take("L", bundle)
    return team.store("L")


def _select(table, text):
    row = next(r for r in range(table.rowCount())
               if any(text in (table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())))
    table.selectRow(row)


def test_the_undo_line_names_the_field_in_chinese_not_its_code(qtbot, merged, chinese):
    view = ConflictsView(merged)
    qtbot.add_widget(view)
    _select(view.list, "2.5.4")
    view.value.setText("true")
    view.value_button.click()
    assert "结论" in view.last.text() and "value" not in view.last.text()
    view.undo_button.click()
    assert view.message.text().startswith("已撤销") and "value" not in view.message.text()
    assert view.list.rowCount() == 2


@pytest.mark.parametrize("letter", ["x", "理"])
def test_a_reason_of_ten_thousand_characters_is_kept_whole_and_the_view_still_fits_the_screen(qtbot, merged, chinese,
                                                                                               letter):
    view = ConflictsView(merged)
    qtbot.add_widget(view)
    view.show()
    _select(view.list, "2.5.4")
    view.sides.selectRow(0)
    view.reason.setText(letter * 10_000)
    view.keep_button.click()
    assert view.list.rowCount() == 1 and view.message.text().startswith("已决定")
    assert merged.decisions.last().reason == letter * 10_000  # stored as typed
    QtWidgets.QApplication.processEvents()  # the layout takes the new label in
    hint = view.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert view.width() <= 1366 and view.last.heightForWidth(view.last.width()) <= 3 * view.fontMetrics().height()
    assert view.last.text().endswith("…")


def test_the_stick_and_a_bundle_on_it_dropped_together_ask_once_and_import_once(qtbot, team, monkeypatch, chinese):
    asked = trust_all(monkeypatch)
    leader = team.store("L")
    view = MergeView(leader)
    qtbot.add_widget(view)
    stick = team.bundles[0].parent
    view.start([stick, team.bundles[0], stick / "." / team.bundles[0].name])
    qtbot.waitUntil(lambda: view.history.rowCount() == 3, timeout=30000)
    qtbot.waitUntil(lambda: view.job.done.is_set(), timeout=30000)
    assert len(asked) == 3  # A, B and C, each once
    names = [view.report.item(r, 0).text() for r in range(view.report.rowCount())]
    assert sorted(names) == ["A.fcbundle", "B.fcbundle", "C.fcbundle"]
    assert "已导入 3 个,拒绝 0 个" in view.message.text()
    assert sorted(r.file_name for r in leader.imports.history()) == ["A.fcbundle", "B.fcbundle", "C.fcbundle"]


def test_the_exchange_dialog_takes_a_bundle_dropped_twice_once(qtbot, team, monkeypatch, chinese):
    asked = trust_all(monkeypatch)
    leader = team.store("L")
    dialog = SyncDialog(leader)
    qtbot.add_widget(dialog)
    a = team.bundles[0]
    dialog.start_import([a, a.parent / "." / a.name])
    qtbot.waitUntil(lambda: dialog.report.rowCount() == 1, timeout=30000)
    qtbot.waitUntil(lambda: dialog.job.done.is_set(), timeout=30000)
    assert len(asked) == 1 and dialog.report.rowCount() == 1
    assert [r.file_name for r in leader.imports.history()] == ["A.fcbundle"]


@pytest.fixture
def held_import(monkeypatch):
    """Imports wait until the test lets them go: the leader acts while a merge runs."""
    gate = threading.Event()
    original = importer.import_bundle

    def import_bundle(*args, **kwargs):
        gate.wait(60)
        return original(*args, **kwargs)

    monkeypatch.setattr(importer, "import_bundle", import_bundle)
    yield gate
    gate.set()


@pytest.mark.parametrize("kind", ["merge", "exchange"])
def test_closing_while_bundles_import_says_to_wait_and_closes_once_they_are_in(qtbot, team, monkeypatch, chinese,
                                                                              held_import, kind):
    asked = trust_all(monkeypatch)
    leader = team.store("L")
    view = MergeView(leader) if kind == "merge" else SyncDialog(leader)
    qtbot.add_widget(view)
    view.show()
    (view.start if kind == "merge" else view.start_import)([team.bundles[0]])
    view.close()  # the title bar's ×, Esc and Close all come here
    still_open, said = view.isVisible(), view.message.text()
    held_import.set()  # the import ends before anything is asserted: a failure leaves no thread behind
    qtbot.waitUntil(lambda: len(leader.imports.history()) == 1, timeout=30000)
    qtbot.waitUntil(lambda: view.job.done.is_set(), timeout=30000)
    assert still_open and "仍在" in said and "完成后" in said
    assert len(asked) == 1
    view.close()
    assert not view.isVisible()


def test_a_known_device_name_with_another_key_is_refused_with_a_step_the_leader_can_take(qtbot, team, monkeypatch,
                                                                                        chinese):
    trust_all(monkeypatch)
    leader = team.store("L")
    team.take("L", team.bundles[0])  # A is known, with its key
    other = Store.open(team.folder / "other.db", device="A", user="冒名", daily_backup=False, backup_on_close=False)
    try:
        other.places.add("县", "别处县")
        made = export_bundle(other, team.folder / "other" / "A.fcbundle", everything=True,
                             key_folder=team.folder / "keys-other", inspector="冒名")
    finally:
        other.close()
    view = MergeView(leader)
    qtbot.add_widget(view)
    view.start([made.path])
    qtbot.waitUntil(lambda: view.report.rowCount() == 1, timeout=30000)
    said = view.report.item(0, 6).text()
    assert said.startswith("已拒绝") and "密钥" in said
    assert "device 文件" in said and "移除旧的设备记录" not in said  # a step that exists, not a record nobody can remove
    assert len(leader.imports.history()) == 1 and "别处县" not in [p.name for p in leader.places.all()]


def test_pressing_a_decision_twice_does_not_decide_the_next_conflict_unseen(qtbot, team, chinese):
    b = team.store("B")
    b.findings.add(team.signed, "2.1.2", note="签字后又补一条")  # a second change that arrives after signing
    again = team.export("B", "stick2", everything=True)
    for bundle in (team.bundles[0], team.bundles[2], again):
        team.take("L", bundle)
    leader = team.store("L")
    view = ConflictsView(leader)
    qtbot.add_widget(view)
    assert view.list.rowCount() == 3
    _select(view.list, "2.1.1")
    view.reject_button.click()
    view.reject_button.click()  # the hurried second press: 2.1.2's change has not been looked at
    assert len(leader.events.conflicts()) == 2 and view.list.rowCount() == 2
    assert not view.reject_button.isEnabled() and not view.accept_button.isEnabled()
    assert view.selected() is None and view.message.text().startswith("已拒绝")
    _select(view.list, "2.1.2")  # chosen, it is decided as usual
    assert view.reject_button.isEnabled()


@pytest.fixture
def count_conflict(team):
    """A and B both changed the count of one finding on 2.1.1 (a handbook error item): 3 here, 4 there."""
    a, b = team.store("A"), team.store("B")
    finding = a.findings.add(team.village, "2.1.1", value=2, note="手册缺页")
    team.take("B", team.export("A", "count-a-to-b"))
    a.findings.update(finding.id, value=3)
    b.findings.update(finding.id, value=4)
    leader = team.store("L")
    for device in ("A", "B"):
        team.take("L", team.export(device, f"count-{device}", everything=True))
    return leader, finding.id


@pytest.mark.parametrize("typed", ["1e309", "NaN", "很多处", "", "99999999999999999999999", "1001"])
def test_a_value_the_count_item_cannot_take_is_refused_in_one_sentence_and_nothing_is_written(qtbot, count_conflict,
                                                                                               chinese, typed):
    leader, finding = count_conflict
    view = ConflictsView(leader)
    qtbot.add_widget(view)
    _select(view.list, "2.1.1")
    before = len(leader.events.conflicts())
    view.value.setText(typed)
    view.value_button.click()
    said = view.message.text()
    assert said and "\n" not in said and "Traceback" not in said and "Error" not in said
    assert "处数" in said or "请先填写" in said  # what the item takes, or to type it
    assert len(leader.events.conflicts()) == before and leader.decisions.last() is None
    assert leader.findings.get(finding).value in (3, 4)  # one side's value still stands, unchanged
    assert view.value.text() == typed  # kept, to be corrected


def test_a_huge_count_typed_as_the_value_is_refused_rather_than_leaving_the_item_unscored(qtbot, count_conflict,
                                                                                           chinese):
    leader, finding = count_conflict
    view = ConflictsView(leader)
    qtbot.add_widget(view)
    _select(view.list, "2.1.1")
    view.value.setText("1000")  # the most a finding counts: taken
    view.value_button.click()
    assert view.message.text().startswith("已决定") and leader.findings.get(finding).value == 1000


@pytest.mark.parametrize("trusted", [set(), {"A"}])
def test_a_device_the_leader_does_not_confirm_is_not_left_waiting_in_the_summary(qtbot, team, monkeypatch, chinese,
                                                                                 trusted):
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        device = text.split("「")[1].split("」")[0]
        return QtWidgets.QMessageBox.StandardButton.Yes if device in trusted else QtWidgets.QMessageBox.StandardButton.No

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer)
    leader = team.store("L")
    view = MergeView(leader)
    qtbot.add_widget(view)
    view.start([team.bundles[0].parent])
    qtbot.waitUntil(lambda: view.report.rowCount() == 3, timeout=30000)
    qtbot.waitUntil(lambda: view.job.done.is_set() and view.message.text().startswith("已导入"), timeout=30000)
    declined = 3 - len(trusted)
    assert len(asked) == 3
    assert view.message.text().startswith(f"已导入 {len(trusted)} 个,拒绝 {declined} 个,0 个待确认")
    assert len(leader.imports.history()) == len(trusted)
