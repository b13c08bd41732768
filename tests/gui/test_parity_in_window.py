"""An edit made by a command shows and scores in the window as the same edit made in the window."""

from __future__ import annotations

import json

from clikit import run
from leaderkit import Team
from walkkit import show_view, village_inspection

from fieldcheck.engine import catalog
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.leader.conflicts_view import ConflictsView
from fieldcheck.ops import scores
from fieldcheck.ops.places import village_at
from fieldcheck.store import Store


def test_a_value_given_on_an_item_marked_not_applicable_counts_as_in_the_window(qtbot, tmp_path, capsys):
    """The window clears 不适用 when 2.6.1 is answered 未达标, and deducts its 20; ``inspection set`` kept the
    mark, so the answer it took silently counted for nothing (summary said 200, the window's twin 180)."""
    db = tmp_path / "fc.db"
    with Store.open(db, device="t", backup_on_close=False) as store:
        by_command, _ = village_inspection(store)
        by_window, _ = village_inspection(store)
    for typed in ("不适用", "未达标"):
        code, _, err = run(["inspection", "set", "--db", db, by_command, "2.6.1", typed], capsys)
        assert code == 0, err
    with Store.open(db, device="t", backup_on_close=False) as store:
        view = show_view(qtbot, store, by_window, activate=False)
        view.session.set_mark("2.6.1", "na")
        view.session.set_value("2.6.1", False)
        window_total = view.score_panel.total_label.text()
        assert window_total.startswith("180 /")
        assert store.findings.marks(by_command) == store.findings.marks(by_window) == {"2.6.1": "checked"}
        assert scores.answers(store, by_command) == scores.answers(store, by_window) == {"2.6.1": False}
        shown = show_view(qtbot, store, by_command, activate=False)
        assert shown.score_panel.total_label.text() == window_total
        assert shown.tree.state_text("2.6.1") == "✗ −20"
    code, out, _ = run(["summary", "--db", db, "--json"], capsys)
    totals = {row["id"]: row["total"] for row in json.loads(out)}
    assert totals[by_command] == totals[by_window] == 180


def test_a_rating_given_by_command_is_one_more_household_s_as_in_the_window(qtbot, tmp_path, capsys):
    """2.5.5 is rated per household and the worst counts: the window's + 满意 adds a rating. ``inspection set``
    rewrote the latest one instead, so 张三's 不满意 became 满意 under his name and the item's rating rose."""
    db = tmp_path / "fc.db"
    with Store.open(db, device="t", backup_on_close=False) as store:
        by_command, households = village_inspection(store)
        by_window, _ = village_inspection(store, households=("李四",))
        zhang = store.findings.add(by_command, "2.5.5", value="不满意", household_id=households["张三"]).id
        store.findings.add(by_window, "2.5.5", value="不满意", household_id=store.households.find(
            store.inspections.get(by_window).assessee_id, "李四")[0].id)
    code, _, err = run(["inspection", "set", "--db", db, by_command, "2.5.5", "满意"], capsys)
    assert code == 0, err
    with Store.open(db, device="t", backup_on_close=False) as store:
        view = show_view(qtbot, store, by_window, activate=False)
        view.go_to_item("2.5.5")
        view.panel.editor.add_buttons["满意"].click()  # + 满意: one household's rating
        assert store.findings.get(zhang).value == "不满意"
        assert [f.value for f in store.findings.of(by_command, "2.5.5")] == \
            [f.value for f in store.findings.of(by_window, "2.5.5")] == ["不满意", "满意"]
        assert scores.answers(store, by_command) == scores.answers(store, by_window) == {"2.5.5": "不满意"}
        window_total = view.score_panel.total_label.text()
        shown = show_view(qtbot, store, by_command, activate=False)
        assert shown.score_panel.total_label.text() == window_total
    code, out, _ = run(["summary", "--db", db, "--json"], capsys)
    totals = {row["id"]: row["total"] for row in json.loads(out)}
    assert totals[by_command] == totals[by_window] and f"{totals[by_command]} /" in window_total


def test_a_typed_assessee_is_the_roster_s_place_as_for_inspection_add(qtbot, store, tmp_path, capsys):
    """``inspection add`` refuses 西渡镇 (a 乡镇 of the roster) under the 考核细则, which scores villages, and takes
    梅花村 as the roster's village; the dialog made an inspection of either as a typed name, linked to nothing,
    so 梅花村's households could not be entered."""
    village = village_at(store, "衡阳县/西渡镇/梅花村")
    dialog = NewInspectionDialog(store)
    qtbot.addWidget(dialog)
    dialog.ui.rubricCombo.setCurrentIndex(dialog.ui.rubricCombo.findData("village-work-team"))
    dialog.ui.inspectorsEdit.setText("李明")
    for typed, kind in (("西渡镇", "乡镇"), ("衡阳县", "县")):
        dialog.ui.assesseeCombo.setEditText(typed)
        dialog.accept()
        assert dialog.ui.errorLabel.text() == f"「{typed}」是{kind},细则「脱贫攻坚考核方案考核细则」考核的是村;请换一个被考核单位"
        assert dialog.inspection_id is None and store.inspections.ids() == []
    dialog.ui.assesseeCombo.setEditText("梅花村")
    dialog.accept()
    made = store.inspections.get(dialog.inspection_id)
    assert (made.assessee_id, made.assessee_name) == (village, "梅花村")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"rubric": "village-work-team", "assessee": {"name": "西渡镇"}, "inspectors": ["李明"],
                                   "answers": {}}, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(["inspection", "add", "--db", store.path, answers], capsys)
    assert code == 1 and "「西渡镇」是乡镇,细则「脱贫攻坚考核方案考核细则」考核的是村;请换一个被考核单位" in err


def test_the_conflicts_view_refuses_not_applicable_where_the_walk_greys_it_out(qtbot, tmp_path, chinese):
    """Team ▸ Conflicts decides through the same store check as ``conflicts resolve``: 2.2.1 has no 不适用 case."""
    team = Team(tmp_path)
    a, b = team.store("A"), team.store("B")
    village = village_at(a, "测试县/测试镇/测试村")
    inspection = a.inspections.create(catalog.find("village-work-team"), assessee_id=village, assessee_name="",
                                      inspectors=["甲"], date="2026-11-20")
    team.take("B", team.export("A", "a-to-b"))
    a.findings.set_mark(inspection, "2.2.1", "checked")
    b.findings.set_mark(inspection, "2.2.1", "checked")
    b.findings.set_mark(inspection, "2.2.1", None)
    for device in ("A", "B"):
        team.take("L", team.export(device, "stick", everything=True))
    leader = team.store("L")
    try:
        view = ConflictsView(leader)
        qtbot.add_widget(view)
        view.list.selectRow(0)
        view.value.setText("不适用")
        view.value_button.click()
        assert view.message.text() == "2.2.1 信息一致 不能标为不适用:细则没有规定它不适用的情形,请填写它的检查结果"
        assert len(leader.events.conflicts()) == 1 and leader.decisions.last() is None
        assert leader.findings.marks(inspection).get("2.2.1") != "na"
    finally:
        team.close()
