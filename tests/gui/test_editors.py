"""Each rule form's editor, driven like an inspector would, checked against what the store and the
score then hold: counts with households, checklists, options, verdicts, ratings, metrics, proportions, vetoes."""

from __future__ import annotations

import re
from decimal import Decimal

from test_walk import type_text
from walkkit import show_view

from fieldcheck.engine import catalog
from fieldcheck.engine.numbers import fmt
from fieldcheck.engine.rules import RULES
from fieldcheck.gui.households.household_picker import NEW
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.walk.editors import EDITORS
from fieldcheck.gui.walk.inspection_view import InspectionView
from fieldcheck.ops import scores


def show(qtbot, store, inspection_id) -> InspectionView:
    return show_view(qtbot, store, inspection_id, activate=False)


def village(store) -> tuple[str, dict]:
    county = store.places.add("县", "衡阳县")
    town = store.places.add("乡镇", "西渡镇", county)
    place = store.places.add("村", "梅花村", town)
    other = store.places.add("村", "桃花村", town)
    households = {n: store.households.add(place, n) for n in ("张三", "李四")}
    store.households.add(other, "外村户")
    return store.inspections.create(catalog.find("village-work-team"), assessee_id=place, assessee_name="",
                                   inspectors=["甲"], date="2026-11-22"), households


def hengyang(store, name="珠晖区") -> str:
    place = store.places.add("县市区", name, group="区")
    return store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                   inspectors=["甲"], date="2026-11-22")


def type_into(qtbot, edit: QtWidgets.QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key_Return)


def test_every_rule_form_has_an_editor():
    assert set(EDITORS) == set(RULES)


def test_occurrences_with_household_picker_counts_and_notes(qtbot, store):
    inspection_id, households = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.6.2")  # 每有一户不得脱贫扣10分: a per-event counter
    editor = view.panel.editor
    picker = editor.household_edit
    # sorted by pinyin (李 l before 张 z), with "new household" last
    assert [picker.itemText(i) for i in range(picker.count())][1:-1] == ["李四(贫困户)", "张三(贫困户)"]
    assert picker.itemData(picker.count() - 1) == NEW
    assert not editor.detail.isEnabled()  # nothing to edit until a finding exists
    qtbot.mouseClick(editor.add_buttons[None], Qt.LeftButton)
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key_Down)
    qtbot.mouseClick(editor.add_buttons[None], Qt.LeftButton)
    assert editor.model.rowCount() == 2 and editor.table.currentIndex().row() == 1
    found = store.findings.of(inspection_id, "2.6.2")
    assert [f.household_id for f in found] == [households["李四"], None]
    assert editor.model.index(0, 2).data() == "李四"
    assert view.tree.state_text("2.6.2") == "✗ −20" and view.tree.state_text("2.6") == "−20/40"
    # the pool of 40 takes at most 40, whatever the count
    spin = editor.value_edit
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "5")
    qtbot.keyClick(spin, Qt.Key_Return)
    assert view.tree.state_text("2.6") == "−40/40"
    assert re.search(r"6\D", editor.summary.text())
    # choose the first row with the mouse, delete it with its button
    table = editor.table
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(editor.model.index(0, 1)).center())
    assert picker.currentText().startswith("李四")
    qtbot.mouseClick(editor.delete_button, Qt.LeftButton)
    assert [f.value for f in store.findings.of(inspection_id, "2.6.2")] == [5]
    view.close()


def test_a_note_is_saved_when_moving_to_another_finding(qtbot, store):
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.1.2")
    editor = view.panel.editor
    qtbot.mouseClick(editor.add_buttons[None], Qt.LeftButton)
    qtbot.mouseClick(editor.add_buttons[None], Qt.LeftButton)
    editor.note_edit.setFocus()
    qtbot.keyClicks(editor.note_edit, "second")
    table = editor.table
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(editor.model.index(0, 3)).center())
    assert [f.note for f in store.findings.of(inspection_id, "2.1.2")] == ["", "second"]
    assert editor.note_edit.text() == ""
    assert editor.model.index(1, 3).data() == "second"
    view.close()


def test_ratings_take_the_worst_household(qtbot, store):
    inspection_id, households = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.5.5")
    editor = view.panel.editor
    qtbot.mouseClick(editor.add_buttons["满意"], Qt.LeftButton)
    assert view.tree.state_text("2.5.5") == "✓ 0"
    qtbot.mouseClick(editor.add_buttons["不满意"], Qt.LeftButton)
    assert view.tree.state_text("2.5.5") == "✗ −4"
    assert scores.answers(store, inspection_id)["2.5.5"] == "不满意"
    # the dissatisfied household was asked again: change its rating
    combo = editor.value_edit
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Up)
    qtbot.keyClick(combo, Qt.Key_Up)
    assert combo.currentText() == "满意"
    assert view.tree.state_text("2.5.5") == "✓ 0"
    assert [f.value for f in store.findings.of(inspection_id, "2.5.5")] == ["满意", "满意"]
    view.close()


def test_the_photo_strip_calls_a_households_rating_a_rating_not_a_problem(qtbot, store, chinese):
    """Before, a 满意 household's photos were "选中问题的照片", as if the rating were a problem found."""
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.5.5")
    strip = view.panel.photos
    assert strip.message.text() == "请先记录一户的评价:照片附在评价上。"
    qtbot.mouseClick(view.panel.editor.add_buttons["满意"], Qt.LeftButton)
    assert strip.caption.text() == "选中评价的照片:0 张"
    view.go_to_item("2.1.1")  # an item whose findings are problems: the strip says so again
    assert strip.message.text() == "请先记录一条问题:照片是问题的证据。"
    view.go_to_item("2.1.2")  # and on the next one, though neither has a finding nor a photo
    assert strip.message.text() == "请先记录一条问题:照片是问题的证据。"
    view.go_to_item("2.1.1")
    qtbot.mouseClick(view.panel.editor.add_buttons[None], Qt.LeftButton)
    assert strip.caption.text() == "选中问题的照片:0 张"
    view.close()


def test_the_count_beside_the_add_button_is_never_cut_off(qtbot, store):
    """Its box grows with its text and never shrinks (so an add does not lay out the whole item again)."""
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.5.5")
    editor = view.panel.editor
    texts = []
    for level in ("满意", "不满意", "不满意"):
        qtbot.mouseClick(editor.add_buttons[level], Qt.LeftButton)
        texts.append(editor.summary.text())
        assert editor.summary.width() >= editor.summary.fontMetrics().horizontalAdvance(editor.summary.text())
    assert texts[0] != texts[1] and "不满意" in texts[1]
    view.go_to_item("2.1.1")
    editor = view.panel.editor
    for _ in range(10):
        qtbot.mouseClick(editor.add_buttons[None], Qt.LeftButton)
        assert editor.summary.width() >= editor.summary.fontMetrics().horizontalAdvance(editor.summary.text())
    assert "10" in editor.summary.text()
    view.close()


def test_checklists_add_and_remove_one_finding_per_element(qtbot, store):
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("3.1.2")
    editor = view.panel.editor
    for name in ("民情日记", "帮扶联系卡"):
        row = editor.row(name)
        rect = editor.list.visualItemRect(row)
        qtbot.mouseClick(editor.list.viewport(), Qt.LeftButton, pos=rect.center())
        editor.list.setFocus()
        qtbot.keyClick(editor.list, Qt.Key_Space)
    assert sorted(f.value for f in store.findings.of(inspection_id, "3.1.2")) == ["帮扶联系卡", "民情日记"]
    assert view.tree.state_text("3.1.2") == "✗ −4"
    assert editor.current_finding_id() == store.findings.of(inspection_id, "3.1.2")[-1].id  # photos go there
    qtbot.keyClick(editor.list, Qt.Key_Space)  # untick 帮扶联系卡
    assert [f.value for f in store.findings.of(inspection_id, "3.1.2")] == ["民情日记"]
    assert re.search(r"1\D+6", editor.summary.text())
    view.go_to_item("2.4.1")  # 十个一: any one not done costs all 10
    editor = view.panel.editor
    assert editor.list.count() == 10
    for n in (0, 3):
        editor.list.setCurrentRow(n)
        editor.list.setFocus()
        qtbot.keyClick(editor.list, Qt.Key_Space)
    assert view.tree.state_text("2.4.1") == "✗ −10"
    view.close()


def test_options_show_the_minimum_and_score_when_it_is_met(qtbot, store):
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.3.2")
    editor = view.panel.editor
    assert "2" in editor.findChild(QtWidgets.QLabel, "optionsMinimum").text()
    editor.list.setFocus()
    editor.list.setCurrentRow(1)
    qtbot.keyClick(editor.list, Qt.Key_Space)
    assert view.tree.state_text("2.3.2") == "✗ −5" and editor.summary.text().startswith("✗")
    editor.list.setCurrentRow(3)
    qtbot.keyClick(editor.list, Qt.Key_Space)
    assert view.tree.state_text("2.3.2") == "✓ 0" and editor.summary.text().startswith("✓")
    assert scores.answers(store, inspection_id)["2.3.2"] == {"selected": ["宣传页", "标语"]}
    assert len(store.findings.of(inspection_id, "2.3.2")) == 1  # the latest value, not a pile of findings
    view.close()


def test_metric_shows_target_and_shortfall(qtbot, store):
    inspection_id = hengyang(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("4")  # 危房改造: 珠晖区 (区) must rebuild 5 houses, −1 per house short
    editor = view.panel.editor
    assert "5" in editor.target_edit.placeholderText()
    type_into(qtbot, editor.actual_edit, "3")
    assert scores.answers(store, inspection_id)["4"] == 3
    assert "2" in editor.shortfall_label.text() and "5" in editor.shortfall_label.text()
    assert view.tree.state_text("4") == "✗ −2"
    assert any("扣 2 分" in line for line in view.score_panel.trace_lines())
    type_into(qtbot, editor.actual_edit, "abc")
    assert editor.error_label.isVisible() and scores.answers(store, inspection_id)["4"] == 3
    type_into(qtbot, editor.actual_edit, "6")
    assert view.tree.state_text("4") == "✓ 0" and editor.shortfall_label.text().startswith("✓")
    assert not editor.error_label.isVisible()
    # 6.2 帮扶资金到位 has no target in the rubric: the inspector gives it
    view.go_to_item("6.2")
    editor = view.panel.editor
    type_into(qtbot, editor.actual_edit, "80")
    assert editor.error_label.isVisible() and "6.2" not in scores.answers(store, inspection_id)
    type_into(qtbot, editor.target_edit, "100")
    assert scores.answers(store, inspection_id)["6.2"] == {"actual": 80, "target": 100}
    assert view.tree.state_text("6.2") == "✗ −10"
    view.close()


def test_proportional_scores_in_proportion(qtbot, store):
    inspection_id = store.inspections.create(catalog.find("county-township"), assessee_id=None,
                                            assessee_name="西渡镇", inspectors=["甲"], date="2026-11-22")
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.8")  # 计3分;其他按完成情况计分 (target 100%)
    editor = view.panel.editor
    type_into(qtbot, editor.actual_edit, "75.5")
    assert scores.answers(store, inspection_id)["2.8"] == 75.5
    node = view.session.result.nodes["2.8"]
    assert abs(node.score - Decimal("2.265")) <= Decimal("0.005")  # 3 × 75.5 %, as the engine rounds it
    assert view.tree.state_text("2.8") == f"✗ −{fmt(node.deduction)}"
    assert node.to_json() == scores.score_inspection(store, inspection_id).nodes["2.8"].to_json()
    view.close()


def test_veto_takes_the_assessee_out_of_the_ranking(qtbot, store):
    inspection_id = hengyang(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("veto")
    editor = view.panel.editor
    assert not view.score_panel.veto_label.isVisible()
    qtbot.mouseClick(editor.yes_button, Qt.LeftButton)
    assert view.tree.state_text("veto").startswith("⚠")
    assert view.score_panel.veto_label.isVisible() and "违规违纪" in view.score_panel.veto_label.text()
    qtbot.mouseClick(editor.no_button, Qt.LeftButton)
    assert not view.score_panel.veto_label.isVisible()
    assert scores.answers(store, inspection_id)["veto"] is False
    view.close()


def test_no_households_to_pick_when_the_assessee_is_not_a_village(qtbot, store):
    inspection_id = hengyang(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("1.2")
    assert view.panel.editor.yes_button.text()
    store_id = store.inspections.create(catalog.find("county-township"), assessee_id=None, assessee_name="西渡镇",
                                       inspectors=["甲"], date="2026-11-22")
    other = show(qtbot, store, store_id)
    first_count = next(i for i in other.session.items if i.rule.kind in ("per_occurrence", "per_event"))
    other.go_to_item(first_count.id)
    assert other.panel.editor.household_edit.count() == 1  # only "no household"
    other.close()
    view.close()


def test_an_answer_the_engine_cannot_score_is_explained_not_fatal(qtbot, store):
    # 新区 is not in the 附2 target table, and 危房改造 has no default target
    place = store.places.add("县市区", "新区", group="区")
    inspection_id = store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                            inspectors=["甲"], date="2026-11-22")
    # the store refuses 3 without its target here (as the box does); another laptop's bundle can still bring it
    with store.transaction():
        store.findings.apply_creates("finding", [{"entity_id": "f-from-a-bundle", "inspection_id": inspection_id,
                                                  "new": {"item_id": "4", "value": 3}, "device": "other",
                                                  "hlc": "000000000000001-0000-other", "at": "2026-11-22T08:00:00Z"}])
    view = show(qtbot, store, inspection_id)
    assert view.message.isVisible() and "4" in view.message.text()
    assert view.tree.state_text("4").startswith("⚠")  # shown as not scored, not a crash nor a silent 0
    view.go_to_item("4")
    editor = view.panel.editor
    type_into(qtbot, editor.target_edit, "5")
    assert scores.answers(store, inspection_id)["4"] == {"actual": 3, "target": 5}
    assert not view.message.isVisible()
    assert view.tree.state_text("4") == "✗ −2"
    view.close()


def test_a_note_on_every_kind_of_item(qtbot, store):
    """Checklists, options, yes-or-no and metrics keep a note on the finding that holds their answer."""
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    for item_id, answer in (("1.1", lambda e: e.list.item(0).setCheckState(Qt.Checked)),
                            ("2.3.2", lambda e: e.row("宣传栏").setCheckState(Qt.Checked)),
                            ("2.5.4", lambda e: e.no_button.click())):
        view.go_to_item(item_id)
        note = view.panel.item_note
        assert view.panel.item_note_box.isVisibleTo(view) and not note.isEnabled()  # answer first
        answer(view.panel.editor)
        assert note.isEnabled()
        note.setFocus()
        type_text(note, f"{item_id} 现场看到")
        note.editingFinished.emit()
        assert store.findings.of(inspection_id, item_id)[-1].note == f"{item_id} 现场看到"
    view.go_to_item("2.1.4")  # a list of findings: a note per finding, not this one
    assert not view.panel.item_note_box.isVisibleTo(view)
    view.go_to_item("1.1")
    assert view.panel.item_note.text() == "1.1 现场看到"
    view.close()


def test_an_items_note_is_stored_while_the_cursor_is_still_in_it(qtbot, store):
    """An item's note was saved only on leaving the field: with the lid shut mid-sentence and the battery
    then dying, what was typed was lost. It is stored a moment after typing stops, as a finding's note is."""
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.5.4")
    view.panel.editor.no_button.click()
    note = view.panel.item_note
    note.setFocus()
    type_text(note, "台账缺页")
    qtbot.waitUntil(lambda: store.findings.of(inspection_id, "2.5.4")[-1].note == "台账缺页")
    assert note.text() == "台账缺页"
    type_text(note, ",另有两户未签字")  # typing on: the next pause stores the whole note, still one finding
    qtbot.waitUntil(lambda: store.findings.of(inspection_id, "2.5.4")[-1].note == "台账缺页,另有两户未签字")
    assert len(store.findings.of(inspection_id, "2.5.4")) == 1
    view.close()


def test_a_note_longer_than_a_line_edit_holds_is_shown_whole_and_passing_through_keeps_it(qtbot, store):
    """Qt cuts a line edit at 32,767 characters: a long note (pasted, or from a bundle) was shown cut, and
    tabbing through the item's note saved the cut text over the whole one."""
    inspection_id, households = village(store)
    long_note = "台账记录:" + "第一户缺少签字。" * 5000  # 40,005 characters
    answer = store.findings.add(inspection_id, "2.5.4", value=False, note=long_note)
    listed = store.findings.add(inspection_id, "2.1.4", household_id=households["张三"], note=long_note)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.5.4")
    note = view.panel.item_note
    assert note.text() == long_note
    note.setFocus()
    note.editingFinished.emit()  # the inspector tabs through without typing
    view.go_to_item("2.1.4")
    assert view.panel.editor.note_edit.text() == long_note
    view.panel.editor.note_edit.setFocus()
    view.panel.editor.note_edit.editingFinished.emit()
    view.go_to_item("1.1")
    assert store.findings.get(answer.id).note == long_note
    assert store.findings.get(listed.id).note == long_note
    view.close()


def test_looked_at_is_shown_moot_once_a_deduction_exists(qtbot, store):
    inspection_id, _ = village(store)
    store.findings.set_mark(inspection_id, "2.1.4", "checked")
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.1.4")
    box = view.panel.checked_box
    assert box.isChecked() and "moot" not in box.text()
    view.panel.editor.add_finding()
    assert "moot" in box.text()
    view.undo()
    assert "moot" not in box.text()
    view.close()


def test_an_id_number_typed_in_a_note_is_kept_masked(qtbot, store):
    inspection_id, _ = village(store)
    view = show(qtbot, store, inspection_id)
    view.go_to_item("2.1.1")  # 基础信息: the handbook's ID number is wrong, and the inspector quotes it
    editor = view.panel.editor
    qtbot.mouseClick(editor.add_buttons[None], Qt.LeftButton)
    type_into(qtbot, editor.note_edit, "ID 43042119900101123X != card")
    (finding,) = store.findings.of(inspection_id, "2.1.1")
    assert finding.note == "ID 430421********123X != card"
    assert editor.model.index(0, 3).data() == "ID 430421********123X != card"
    dump = "\n".join(store.connection.iterdump())
    assert "43042119900101123X" not in dump and "430421********123X" in dump
    view.close()
