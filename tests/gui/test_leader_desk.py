"""The leader's desk in the window: three inspectors' bundles merged, their conflicts settled, the result sent back."""

from __future__ import annotations

import pytest
from leaderkit import three_inspectors, trust_all

from fieldcheck.gui.leader.conflicts_view import ConflictsView
from fieldcheck.gui.leader.merge_view import MergeView


@pytest.fixture
def team(tmp_path):
    made = three_inspectors(tmp_path)
    yield made
    made.close()


def _merge(qtbot, view, paths, rows):
    view.start(paths)
    qtbot.waitUntil(lambda: view.report.rowCount() >= rows, timeout=30000)


def _row(table, text):
    return next(r for r in range(table.rowCount())
                if any(text in (table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())))


def _cells(table, row):
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def _conflicts_view(qtbot, team):
    """The leader's database with every inspector's bundle merged, and its conflicts view."""
    leader = team.store("L")
    for bundle in team.bundles:
        team.take("L", bundle)
    view = ConflictsView(leader)
    qtbot.add_widget(view)
    return leader, view


def test_merging_the_stick_reports_each_bundle_and_a_refused_one_does_not_stop_the_others(qtbot, team, monkeypatch):
    asked = trust_all(monkeypatch)
    stick = team.bundles[0].parent
    (stick / "broken.fcbundle").write_bytes(b"not a zip")
    view = MergeView(team.store("L"))
    qtbot.add_widget(view)
    _merge(qtbot, view, [stick], 4)  # the folder: the broken one refused, three asking for trust
    assert len(asked) == 3 and {a.split("“")[1].split("”")[0] for a in asked} == {"A", "B", "C"}
    qtbot.waitUntil(lambda: view.report.rowCount() == 4, timeout=30000)
    refused = _cells(view.report, _row(view.report, "broken.fcbundle"))
    assert refused[1] == "" and "broken.fcbundle" in refused[-1] and "同步包" in refused[-1]  # its reason
    devices = {_cells(view.report, r)[1]: _cells(view.report, r) for r in range(view.report.rowCount())}
    assert set(devices) >= {"A", "B", "C"}
    assert int(devices["B"][5]) >= 1  # B's bundle brings the conflict
    assert view.history.rowCount() == 3
    history = _cells(view.history, _row(view.history, "B.fcbundle"))
    assert history[2] == "B" and history[3] == "检查员B" and len(history[4].replace(" ", "")) == 16
    # the same stick again: nothing new, no question now that the devices are known, history grows;
    # the report is this merge's alone, three rows beside "3 imported", not the first merge's rows too
    (stick / "broken.fcbundle").unlink()
    view.start([stick])
    qtbot.waitUntil(lambda: view.job.done.is_set() and view.history.rowCount() == 6, timeout=30000)
    qtbot.waitUntil(lambda: view.report.rowCount() == 3, timeout=30000)
    assert len(asked) == 3
    assert [_cells(view.report, r)[2] for r in range(3)] == ["0", "0", "0"]
    assert view.message.text().startswith("3 imported, 0 refused")  # the tests run in English


def test_the_leader_settles_both_conflicts_and_the_decision_reaches_an_inspector(qtbot, team, monkeypatch):
    leader, view = _conflicts_view(qtbot, team)
    assert view.list.rowCount() == 2
    # the conflict on 2.5.4: the item's title, each side's value in words, who and which laptop
    row = _row(view.list, "2.5.4")
    view.list.selectRow(row)
    assert "测试村" in _cells(view.list, row)[0] and len(_cells(view.list, row)[1]) > len("2.5.4 ")
    sides = [_cells(view.sides, r) for r in range(view.sides.rowCount())]
    assert sorted(s[0] for s in sides) == ["未达标", "达标"] and {s[2] for s in sides} == {"A", "B"}
    assert view.history.rowCount() >= 2 and not view.accept_button.isEnabled()
    view.sides.selectRow(next(r for r, s in enumerate(sides) if s[0] == "达标"))
    view.reason.setText("复核台账后确认达标")
    view.keep_button.click()
    assert view.list.rowCount() == 1 and "next bundle" in view.message.text()
    assert "复核台账后确认达标" in view.last.text()

    # the finding added after 桃花村 was signed: shown as such, rejected, undone, then accepted
    view.list.selectRow(0)
    assert "签字后到达" in _cells(view.list, 0)[3]
    assert team.late_note in _cells(view.sides, 0)[0] and _cells(view.sides, 0)[4] == "arrived after signing"
    assert view.accept_button.isEnabled() and not view.keep_button.isEnabled()
    assert "signed again" in view.late_hint.text()
    view.reject_button.click()
    assert view.list.rowCount() == 0
    view.undo_button.click()
    assert view.list.rowCount() == 1 and view.message.text().startswith("Undone:")
    view.list.selectRow(0)
    view.reason.setText("情况属实,补记有效")
    view.accept_button.click()
    assert view.list.rowCount() == 0
    assert leader.inspections.get(team.signed).status == "draft" and leader.signatures.active(team.signed) == []
    assert team.late_note in [f.note for f in leader.findings.of(team.signed, "2.1.1")]

    # the leader's bundle resolves both at inspector A's laptop too
    team.take("A", team.export("L", "back"))
    a = team.store("A")
    assert a.events.conflicts() == []
    assert [f.value for f in a.findings.of(team.village, "2.5.4")] == [True]
    assert a.inspections.get(team.signed).status == "draft"
    assert team.late_note in [f.note for f in a.findings.of(team.signed, "2.1.1")]

    # exported now: undo is refused with the reason in one sentence
    view.undo_button.click()
    assert "已随同步包导出" in view.message.text()
    assert leader.inspections.get(team.signed).status == "draft"


def test_a_conflict_decided_by_typing_the_word_for_met(qtbot, team, chinese):
    """2.5.4 set to met and to not met: the leader types 达标 as the window's own word for it."""
    leader, view = _conflicts_view(qtbot, team)
    assert "达标或未达标" in view.value.placeholderText() and "true" not in view.value.placeholderText()
    view.list.selectRow(_row(view.list, "2.5.4"))
    view.value.setText("未达标")
    view.value_button.click()
    assert view.list.rowCount() == 1, view.message.text()
    assert [f.value for f in leader.findings.of(team.village, "2.5.4")] == [False]  # kept as the tick keeps it
    view.list.selectRow(0)  # the late finding: not a value conflict, the words do not apply
    assert not view.value.isEnabled()


def test_the_merge_says_which_bundle_brought_downsized_photos(qtbot, chinese, tmp_path, monkeypatch):
    from fieldcheck.ops.demo import populate
    from fieldcheck.store import Store
    from fieldcheck.sync.export import export_bundle

    trust_all(monkeypatch)
    a = Store.open(tmp_path / "a.db", device="A", daily_backup=False, backup_on_close=False)
    leader = Store.open(tmp_path / "l.db", device="L", daily_backup=False, backup_on_close=False)
    try:
        populate(a, villages=1, seed=2)
        export_bundle(a, tmp_path / "stick" / "small.fcbundle", key_folder=tmp_path / "ka", max_photo_px=100)
        view = MergeView(leader)
        qtbot.add_widget(view)
        _merge(qtbot, view, [tmp_path / "stick"], 1)
        qtbot.waitUntil(lambda: view.job.done.is_set(), timeout=30000)
        status = _cells(view.report, _row(view.report, "small.fcbundle"))[-1]
        assert status.startswith("已导入;其中 ") and "张照片是缩小的副本,原图尚未送到" in status
    finally:
        a.close()
        leader.close()


def test_two_bundles_of_one_new_laptop_ask_once_and_both_import(qtbot, tmp_path, monkeypatch):
    """A stick holds one bundle per export: the leader is asked about a new laptop once, not per file."""
    from fieldcheck.ops.demo import populate
    from fieldcheck.store import Store
    from fieldcheck.sync.export import export_bundle

    asked = trust_all(monkeypatch)
    a = Store.open(tmp_path / "a.db", device="A", daily_backup=False, backup_on_close=False)
    leader = Store.open(tmp_path / "l.db", device="L", daily_backup=False, backup_on_close=False)
    try:
        populate(a, villages=1, seed=2)
        export_bundle(a, tmp_path / "stick" / "A-1.fcbundle", key_folder=tmp_path / "ka")
        inspection = next(r.id for r in a.inspections.rows() if r.rubric_id == "village-work-team")
        a.findings.add(inspection, "2.1.1", note="第二次导出前的补充")
        export_bundle(a, tmp_path / "stick" / "A-2.fcbundle", key_folder=tmp_path / "ka")
        view = MergeView(leader)
        qtbot.add_widget(view)
        _merge(qtbot, view, [tmp_path / "stick"], 2)
        qtbot.waitUntil(lambda: view.history.rowCount() == 2, timeout=30000)
        assert len(asked) == 1 and "A" in asked[0]
    finally:
        a.close()
        leader.close()
