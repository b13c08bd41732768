"""A new inspector's whole day in the window, as one story on a fresh laptop: each wall found on the way."""

from __future__ import annotations

import pytest
from sheetkit import finish, signers
from walkkit import show_view, village_inspection

from fieldcheck.engine import catalog
from fieldcheck.gui.households.household_dialog import HouseholdDialog
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.signing.inspection_history import HistoryDialog
from fieldcheck.gui.signing.sign_dialog import SignDialog
from fieldcheck.ops import signing
from fieldcheck.signing.content import gather
from fieldcheck.signing.keys import DeviceKey

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def new_inspection(qtbot, store, typed: str) -> NewInspectionDialog:
    dialog = NewInspectionDialog(store)
    qtbot.addWidget(dialog)
    dialog.ui.rubricCombo.setCurrentIndex(dialog.ui.rubricCombo.findData("village-work-team"))
    dialog.ui.assesseeCombo.setEditText(typed)
    dialog.ui.inspectorsEdit.setText("王芳")
    dialog.ui.buttonBox.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def test_on_a_fresh_laptop_a_village_typed_as_a_path_gets_households(qtbot, store, chinese):
    # nothing in the roster yet: the field says how to type a village
    dialog = NewInspectionDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.ui.assesseeCombo.count() == 0
    assert "县/乡镇/村" in dialog.ui.assesseeCombo.lineEdit().placeholderText()
    made = new_inspection(qtbot, store, "衡阳县/西渡镇/梅花村").inspection_id
    inspection = store.inspections.get(made)
    assert inspection.assessee_name == "梅花村"
    assert store.places.path(inspection.assessee_id) == "衡阳县/西渡镇/梅花村"
    view = show_view(qtbot, store, made, activate=False)
    assert view.action("households").isEnabled()
    households = view.show_households()
    assert households is not None and not view.message.isVisible()
    view.session.add_household(head_name="张三", members=4)
    assert [h.head_name for h in view.session.households.values()] == ["张三"]
    view.close()


def test_a_refused_inspection_leaves_no_village_behind(qtbot, store, chinese):
    dialog = NewInspectionDialog(store)
    qtbot.addWidget(dialog)
    dialog.ui.rubricCombo.setCurrentIndex(dialog.ui.rubricCombo.findData("village-work-team"))
    dialog.ui.assesseeCombo.setEditText("衡阳县/西渡镇/梅花村")
    dialog.ui.inspectorsEdit.setText("王芳、430421199001011234")  # an ID number where a name goes: refused
    dialog.accept()
    assert "身份证号" in dialog.ui.errorLabel.text() and dialog.inspection_id is None
    assert store.places.all() == [] and store.inspections.ids() == []  # the village went with it


def test_a_village_typed_as_a_bare_name_says_how_to_get_households(qtbot, store, chinese):
    made = new_inspection(qtbot, store, "梅花村").inspection_id
    view = show_view(qtbot, store, made, activate=False)
    assert view.action("households").isEnabled()  # greyed out, it could not say why
    view.action("households").trigger()
    assert view.show_households() is None
    text = view.message.text()
    assert "不在村庄名册中" in text and "县/乡镇/村" in text and "这份检查的对象是" not in text
    view.close()


def test_households_of_a_county_still_say_it_is_not_a_village(qtbot, store, chinese):
    place = store.places.add("县市区", "珠晖区", group="区")
    inspection = store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                          inspectors=["甲"], date="2026-11-22")
    view = show_view(qtbot, store, inspection, activate=False)
    assert view.show_households() is None and "珠晖区" in view.message.text()
    view.close()


def test_an_item_marked_checked_but_unanswered_is_not_called_uninspected(qtbot, store, chinese):
    inspection, _ids = village_inspection(store)
    view = show_view(qtbot, store, inspection, activate=False)
    view.go_to_item("2.5.4")  # 达标与否: 已检查 alone is no answer
    view.toggle_checked()
    assert view.panel.checked_box.isChecked()
    # the score panel said 未检查 beside the ticked 已检查 box; the tree's word is 未答
    assert view.score_panel.trace_lines() == ["未作答"]
    view.close()


def test_the_sign_dialog_starts_at_the_first_name_and_tabs_down_the_screen(qtbot, store, chinese, tmp_path):
    inspection, _ids = village_inspection(store)
    finish(store, inspection)
    dialog = SignDialog(store, inspection, key_folder=tmp_path / "keys")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog)
    # it opened on "签字并锁定", and Tab went to the buttons and an empty scroll area before the names
    assert QtWidgets.QApplication.focusWidget() is dialog.rows[0].name_edit
    visited = []
    for _ in range(9):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key_Tab)
        focused = QtWidgets.QApplication.focusWidget()
        visited.append(focused.text() if isinstance(focused, QtWidgets.QPushButton) else focused)
    leader, member, representative = dialog.rows
    assert visited == ["清除(&L)", member.name_edit, "清除(&L)", representative.name_edit, "清除(&L)",
                       "签字并锁定(&S)", "增加成员(&M)", "取消", leader.name_edit]
    # a member added is typed next, and Tab goes on from the new row to the representative
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key_M, Qt.AltModifier)
    qtbot.waitUntil(lambda: len(dialog.rows) == 4)  # a mnemonic clicks the button a moment later
    new = dialog.rows[2]
    assert new.role == "member" and QtWidgets.QApplication.focusWidget() is new.name_edit
    after = []
    for _ in range(3):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key_Tab)
        after.append(QtWidgets.QApplication.focusWidget())
    assert after == [new.clear_button, new.stops[-1], dialog.rows[3].name_edit]


def test_the_sheet_names_no_empty_recorder_for_a_met_item(qtbot, store, chinese):
    inspection, ids = village_inspection(store)
    view = show_view(qtbot, store, inspection, activate=False)
    view.go_to_item("2.5.4")
    view.panel.editor.yes_button.click()  # 达标
    view.go_to_item("2.1.1")
    view.session.add_finding("2.1.1", value=1, household_id=ids["张三"], note="漏填家庭人口")
    rows = {row.number: row.basis for row in gather(store, inspection).rows if row.kind == "item"}
    assert rows["2.5.4"] == "①符合"  # it printed "①符合(录入:)", a recorder with no name
    assert rows["2.1.1"].endswith(f"张三户:1 处;漏填家庭人口(录入:{store.db.user})")
    view.close()


def test_the_sheet_parts_a_value_from_its_note_and_leaves_no_semicolon_hanging(store):
    """A 达标 with a note printed 符合现场查看 (run together); a lone rating printed 满意; (a stray ;)."""
    inspection, ids = village_inspection(store)
    met = store.findings.add(inspection, "2.5.4", value=True, note="现场查看入户记录")
    store.findings.add(inspection, "2.5.5", value="满意", household_id=ids["张三"])
    rows = {row.number: row.basis for row in gather(store, inspection).rows if row.kind == "item"}
    assert rows["2.5.4"] == f"①符合;现场查看入户记录(录入:{met.entered_by})"
    assert rows["2.5.5"].startswith("①张三户") and "满意(录入:" in rows["2.5.5"] and ";(" not in rows["2.5.5"]


def test_a_signed_inspection_says_how_to_change_it(qtbot, store, chinese, tmp_path):
    inspection, _ids = village_inspection(store)
    finish(store, inspection)
    signing.sign_inspection(store, inspection, signers(), DeviceKey.load_or_create("laptop1", tmp_path / "keys"))
    view = show_view(qtbot, store, inspection, activate=False)
    # it said only 只能查看,不能修改: read-only, with no word of amending
    assert view.message.isVisible() and "修订" in view.message.text() and "原因" in view.message.text()
    view.close()


def _active(qtbot, widget) -> None:
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is widget)


def _alt(qtbot, letter) -> QtWidgets.QWidget:
    qtbot.keyClick(QtWidgets.QApplication.focusWidget(), letter, Qt.AltModifier)
    return QtWidgets.QApplication.focusWidget()


def test_a_household_is_typed_with_the_keyboard_alone(qtbot, store, chinese):
    inspection, _ids = village_inspection(store)
    view = show_view(qtbot, store, inspection, activate=False)
    dialog = HouseholdDialog(view.session, None, view)
    qtbot.addWidget(dialog)
    _active(qtbot, dialog)
    # the labels had no mnemonics: the ID number was five Tabs away
    assert _alt(qtbot, Qt.Key_I) is dialog.id_edit
    assert _alt(qtbot, Qt.Key_P) is dialog.helper_edit
    assert _alt(qtbot, Qt.Key_M) is dialog.members_edit.lineEdit() or dialog.members_edit.hasFocus()
    assert _alt(qtbot, Qt.Key_S) is dialog.status_edit.lineEdit() or dialog.status_edit.hasFocus()
    assert _alt(qtbot, Qt.Key_H) is dialog.name_edit
    dialog.close()
    households = view.show_households()
    _active(qtbot, households)
    households.roster.setCurrentRow(0)  # 张三's door
    assert _alt(qtbot, Qt.Key_O) is households.note_edit
    assert _alt(qtbot, Qt.Key_I) is households.item_choice
    texts = [b.text() for b in (households.new_button, households.edit_button, households.remove_button,
                                households.other_add)]
    assert texts == ["新建(&N)…", "修改(&E)…", "删除(&M)", "添加(&A)"]
    view.close()


def test_a_households_rating_is_not_called_a_problem(qtbot, store, chinese):
    inspection, ids = village_inspection(store)
    view = show_view(qtbot, store, inspection, activate=False)
    view.go_to_item("2.5.5")  # 满意度: one rating per household, 满意 is no problem
    view.panel.editor.add_finding()
    editor = view.panel.editor
    assert editor.delete_button.text() == "删除这条评价"  # it said 删除这条问题
    assert [a.text() for a in editor.table.actions()] == ["添加一条评价", "删除这条评价"]
    view.toggle_checked()
    assert view.panel.checked_box.text() == "已检查:已录入评价,此标记不再起作用"  # it said 已记录问题
    view.go_to_item("2.1.1")
    assert view.panel.editor.delete_button.text() == "删除这条问题"
    view.close()


def test_the_history_names_marks_in_chinese(qtbot, store, chinese):
    inspection, _ids = village_inspection(store)
    view = show_view(qtbot, store, inspection, activate=False)
    view.go_to_item("1.1")
    view.toggle_checked()
    view.go_to_item("2.6.1")
    view.toggle_na()
    view.close()
    dialog = HistoryDialog(store, inspection)
    qtbot.addWidget(dialog)
    details = [dialog.changes.item(row, 4).text() for row in range(dialog.changes.rowCount())]
    # they read "1.1: — → checked" and "2.6.1: — → na" in the Chinese window
    assert "1.1: — → 已检查" in details and "2.6.1: — → 不适用" in details
    assert not any("checked" in d or "→ na" in d for d in details)


def test_the_history_names_the_place_and_rubric_not_their_ids(qtbot, store, chinese):
    inspection, _ids = village_inspection(store)
    dialog = HistoryDialog(store, inspection)
    qtbot.addWidget(dialog)
    created = dialog.changes.item(0, 4).text()
    # it read 细则: village-work-team and 地区: 5856b762-…
    assert "脱贫攻坚考核方案考核细则" in created and "village-work-team" not in created
    place = store.inspections.get(inspection).assessee_id
    assert store.places.path(place) in created and place not in created
