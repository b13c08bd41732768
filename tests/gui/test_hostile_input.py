"""What a careless or hurried inspector types into the window, in Chinese: each case says what to do in one
sentence and stores nothing half-written, or stores exactly what was meant, never a value changed unsaid."""

from __future__ import annotations

import random
import threading

import pytest
from sheetkit import finished_inspection, lock_as_signed
from signkit import amend_answering, signed_and_open
from walkkit import show_view, village_inspection

from fieldcheck.engine import catalog
from fieldcheck.gui.app import open_settings
from fieldcheck.gui.households.household_dialog import HouseholdDialog
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.qt import Qt, QtCore, QtGui, QtWidgets
from fieldcheck.gui.signing.sign_dialog import SignDialog
from fieldcheck.gui.window.settings_dialog import SettingsDialog, device_label, inspector_name
from fieldcheck.ops.demo import make_photo

ID_NUMBER = "430421198001011234"
FULL_WIDTH_ID = ID_NUMBER.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def type_text(widget: QtWidgets.QWidget, text: str) -> None:
    """Key presses carrying ``text`` one character at a time, as an input method commits them
    (QTest's keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QtCore.QEvent.KeyPress, QtCore.QEvent.KeyRelease):
            QtWidgets.QApplication.sendEvent(widget, QtGui.QKeyEvent(kind, 0, Qt.NoModifier, char))


def retype(qtbot, box, text: str, enter=type_text) -> None:
    """What an inspector does in a box with a line edit: into it, everything selected, ``text`` typed, Tab."""
    box.setFocus()
    box.lineEdit().selectAll()
    enter(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), Qt.Key_Tab)


def draw(qtbot, pad) -> None:
    w, h = pad.width(), pad.height()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(w // 10, h // 2))
    qtbot.mouseMove(pad, QtCore.QPoint(w // 2, h // 4))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(9 * w // 10, h // 2))


def test_a_signer_named_by_an_id_number_is_refused_and_nothing_is_signed(qtbot, store, chinese, tmp_path):
    inspection = finished_inspection(store, photos=0, handbook_errors=2)
    dialog = SignDialog(store, inspection, key_folder=tmp_path / "keys")
    qtbot.addWidget(dialog)
    dialog.show()
    representative = dialog.rows[-1]
    representative.name_edit.setText(ID_NUMBER)  # typed into 姓名 from the card in hand
    for row in dialog.rows:
        draw(qtbot, row.pad)
    dialog.sign_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "身份证号" in dialog.error_label.text() and "请删去" in dialog.error_label.text()
    assert store.inspections.get(inspection).status == "draft"
    assert store.signatures.active(inspection) == []
    assert ID_NUMBER not in str(store.db.conn.execute("SELECT * FROM audit").fetchall())


def _new_finding(qtbot, store, item_id):
    """A village inspection open at ``item_id`` with one new finding; its id, the view and the item's editor."""
    inspection_id, _ids = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item(item_id)
    view.panel.editor.add_finding()
    return inspection_id, view, view.panel.editor


def test_an_id_number_typed_in_full_width_digits_into_a_note_is_kept_masked(qtbot, store, chinese):
    inspection_id, view, editor = _new_finding(qtbot, store, "2.1.4")
    editor.note_edit.setFocus()
    type_text(editor.note_edit, f"张三 {FULL_WIDTH_ID} 手册未签字")
    qtbot.keyClick(editor.note_edit, Qt.Key_Tab)
    [finding] = store.findings.of(inspection_id, "2.1.4")
    assert finding.note == "张三 430421********1234 手册未签字"
    assert editor.note_edit.text() == finding.note  # the inspector sees what is kept
    rows = str(store.db.conn.execute("SELECT * FROM audit").fetchall())
    assert FULL_WIDTH_ID not in rows and ID_NUMBER not in rows
    view.close()


def new_household_typed(qtbot, store, typed: str, enter=None):
    """The household dialog of a village with none, 李四 named and ``typed`` into the members box, then Tab."""
    inspection_id, _ids = village_inspection(store, ())
    view = show_view(qtbot, store, inspection_id, activate=False)
    dialog = HouseholdDialog(view.session, None, view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("李四")
    retype(qtbot, dialog.members_edit, typed, enter or type_text)  # on to 帮扶责任人: the box keeps what was typed
    return view, dialog, dialog.members_edit


@pytest.mark.parametrize("typed", ["0", "100", "１００"])
def test_a_household_of_0_or_100_members_is_refused_not_changed(qtbot, store, chinese, typed):
    view, dialog, box = new_household_typed(qtbot, store, typed)
    assert box.text() in ("0", "100")
    dialog.buttons.button(QtWidgets.QDialogButtonBox.Ok).click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("家庭人口应为 1 到 99 之间的整数")
    assert store.households.of_village(view.session.village_id) == []
    view.close()


def test_a_household_with_the_members_box_emptied_is_refused(qtbot, store, chinese):
    inspection_id, ids = village_inspection(store, ("张三",))
    view = show_view(qtbot, store, inspection_id, activate=False)
    dialog = HouseholdDialog(view.session, ids["张三"], view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.members_edit.lineEdit().clear()
    dialog.buttons.button(QtWidgets.QDialogButtonBox.Ok).click()
    assert dialog.isVisible() and dialog.error_label.text().startswith("家庭人口应为 1 到 99 之间的整数")
    assert store.households.get(ids["张三"]).members == 3
    view.close()


def test_the_same_photo_added_again_is_said_and_undo_keeps_the_first(qtbot, store, chinese, tmp_path):
    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(make_photo(random.Random(5), size=(400, 300)))
    inspection_id, view, _editor = _new_finding(qtbot, store, "2.1.1")
    strip = view.panel.photos
    [finding] = store.findings.of(inspection_id, "2.1.1")
    for _ in range(2):  # chosen once, then again by a hurried inspector
        assert strip.import_sources([str(photo)])
        qtbot.waitUntil(lambda: strip.job is None)
    assert len(store.photos.of(finding.id)) == 1 and strip.count() == 1
    assert strip.message.text() == "1 张照片已在这条问题的照片中,没有重复添加。"
    view.undo()  # undoes adding the photo, once: the second choice changed nothing
    assert store.photos.of(finding.id) == []
    view.redo()
    assert len(store.photos.of(finding.id)) == 1
    view.close()


@pytest.mark.parametrize("field", ["inspectors", "assessee"])
def test_a_new_inspection_naming_someone_by_an_id_number_is_refused(qtbot, store, chinese, field):
    dialog = NewInspectionDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.assesseeCombo.setCurrentText(ID_NUMBER if field == "assessee" else "梅花村")
    dialog.ui.inspectorsEdit.setText(f"张三、{ID_NUMBER}" if field == "inspectors" else "张三")
    dialog.ui.buttonBox.button(QtWidgets.QDialogButtonBox.Ok).click()
    assert dialog.isVisible()
    assert "完整的身份证号" in dialog.ui.errorLabel.text() and "请删去身份证号" in dialog.ui.errorLabel.text()
    assert store.inspections.ids() == []
    assert ID_NUMBER not in str(store.db.conn.execute("SELECT * FROM audit").fetchall())


@pytest.mark.parametrize("field", ["name_edit", "device_edit"])
def test_my_name_as_an_id_number_is_refused_in_settings(qtbot, store, chinese, tmp_path, field):
    settings = open_settings(tmp_path)
    dialog = SettingsDialog(settings, data_dir=tmp_path, db_path=store.path)
    qtbot.addWidget(dialog)
    dialog.show()
    getattr(dialog, field).setText(f"王芳 {ID_NUMBER}")
    dialog.ui.buttonBox.button(QtWidgets.QDialogButtonBox.Ok).click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    label = "我的姓名" if field == "name_edit" else "本机名称"
    assert dialog.error_label.text() == f"「{label}」中含有完整的身份证号;这里只填姓名或名称,请删去身份证号。"
    assert inspector_name(settings) == "" and device_label(settings) == ""
    assert dialog.focusWidget() is getattr(dialog, field)  # the field to put right


# the completer's popup asks the offscreen platform for things it cannot do; not ours
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_two_households_of_the_same_name_are_told_apart(qtbot, store, chinese):
    inspection_id, ids = village_inspection(store, ("张三",))  # 3 members
    view = show_view(qtbot, store, inspection_id)
    other = view.session.add_household(head_name="张三", members=5)  # a second 张三 added on the spot
    view.go_to_item("2.1.4")
    editor = view.panel.editor
    editor.add_finding()
    picker = editor.household_edit
    assert [picker.itemText(i) for i in range(1, picker.count() - 1)] == ["张三(贫困户 · 3人)", "张三(贫困户 · 5人)"]
    # the bare name typed in full could be either: nobody is picked for the inspector
    picker.setFocus()
    picker.lineEdit().selectAll()
    picker.lineEdit().setText("张三")
    picker._on_typed()
    assert store.findings.of(inspection_id, "2.1.4")[0].household_id is None
    assert editor.error_label.text() == "本村有 2 户名为 张三:请从列表中选择一户。"
    picker._on_activated(picker.findData(other))
    assert store.findings.of(inspection_id, "2.1.4")[0].household_id == other
    assert editor.model.index(0, 2).data() == "张三(5人)"
    assert picker.currentText() == "张三(贫困户 · 5人)"
    households = view.show_households()  # the door-by-door view's list says which 张三 too
    qtbot.addWidget(households)
    assert [households.roster.item(n).text() for n in range(2)] == ["张三(3人)", "张三(5人)  · 1 条记录"]
    view.close()


def _hengyang(store) -> str:
    place = store.places.add("县市区", "珠晖区", group="区")
    return store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                    inspectors=["甲"], date="2026-11-22")


def _enter(qtbot, edit: QtWidgets.QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)  # as typed or pasted (an input method commits non-ASCII text like this)
    qtbot.keyClick(edit, Qt.Key_Return)


@pytest.mark.parametrize("typed", ["99999999999999999999", "1e309", "１e３０９"])
def test_an_absurd_number_is_said_to_be_absurd_not_to_be_no_number(qtbot, store, chinese, typed):
    inspection_id = _hengyang(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("1.1")  # 减贫率 against the table's 16.5%
    editor = view.panel.editor
    _enter(qtbot, editor.actual_edit, "12.5")
    _enter(qtbot, editor.actual_edit, typed)
    assert editor.error_label.isVisible()
    assert editor.error_label.text() == "这个数字过大或位数过多,不可能是实际数值;请核对后重新输入。"
    assert [f.value for f in store.findings.of(inspection_id, "1.1")] == [12.5]  # the last good value, said
    _enter(qtbot, editor.actual_edit, "NaN")
    assert editor.error_label.text() == "请输入数字,例如 12.5。"
    view.close()


def test_emptying_a_value_removes_the_answer_it_showed(qtbot, store, chinese):
    inspection_id = _hengyang(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("1.1")
    editor = view.panel.editor
    _enter(qtbot, editor.actual_edit, "12.5")
    assert "扣 4 分" in editor.shortfall_label.text()
    _enter(qtbot, editor.actual_edit, "")
    assert store.findings.of(inspection_id, "1.1") == []
    assert view.session.answers.get("1.1") is None
    assert editor.shortfall_label.text() == "目标 16.5%" and not editor.error_label.isVisible()
    view.undo()
    assert [f.value for f in store.findings.of(inspection_id, "1.1")] == [12.5]
    assert editor.actual_edit.text() == "12.5"
    view.close()


def test_a_count_of_0_is_answered_in_words_and_the_finding_kept(qtbot, store, chinese):
    inspection_id, view, editor = _new_finding(qtbot, store, "2.1.1")
    box = editor.value_edit
    retype(qtbot, box, "3")
    retype(qtbot, box, "０")  # "none of them" typed, full-width
    assert editor.error_label.isVisible()
    assert editor.error_label.text() == "一条问题至少计 1 处;要去掉它,请删除这条问题(Ctrl+Delete)。"
    assert box.value() == 3 and [f.value for f in store.findings.of(inspection_id, "2.1.1")] == [3]
    view.close()


def test_the_not_applicable_shortcut_is_refused_where_the_box_is_greyed_out(qtbot, store, chinese):
    inspection_id, _ids = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.1.1")  # the rubric gives no case where 基础信息 does not apply
    assert not view.panel.na_box.isEnabled()
    qtbot.keyClick(view.panel.editor, Qt.Key_K, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.message.isVisible()
    assert view.message.text() == "2.1.1 不能标为「不适用」:细则没有说明本项何时不适用;请按实际情况作答。"
    assert view.session.mark("2.1.1") is None and store.findings.marks(inspection_id) == {}
    assert view.session.problems == []  # the score is not left refusing a stored answer
    view.close()


def test_an_amendment_reason_quoting_an_id_number_keeps_it_masked(qtbot, make_shell, home_store, village, home):
    window = signed_and_open(make_shell, home_store, village, home)
    fill = lambda box: box.findChild(QtWidgets.QPlainTextEdit).setPlainText(f"户主身份证号 {ID_NUMBER} 录错")
    assert amend_answering(window, fill) == 2
    assert home_store.signatures.revisions(village)[0].amend_reason == "户主身份证号 430421********1234 录错"
    assert ID_NUMBER not in str(home_store.db.conn.execute("SELECT * FROM audit").fetchall())
    assert ID_NUMBER not in str(home_store.db.conn.execute("SELECT * FROM signatures").fetchall())


def test_an_id_number_typed_as_another_way_of_publicity_is_refused(qtbot, store, chinese):
    inspection_id, _ids = village_inspection(store)
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.3.2")  # 宣传方式, with 其他 (请注明)
    editor = view.panel.editor
    editor.row("宣传栏").setCheckState(Qt.Checked)
    editor.other_box.click()  # the field takes the focus
    type_text(editor.other_edit, f"广播、{FULL_WIDTH_ID}")
    qtbot.keyClick(editor.other_edit, Qt.Key_Tab)
    assert view.message.isVisible()
    assert view.message.text() == "2.3.2 的答案中含有完整的身份证号;这里只填名称,请删去身份证号"
    assert [f.value for f in store.findings.of(inspection_id, "2.3.2")] == [{"selected": ["宣传栏"]}]
    rows = str(store.db.conn.execute("SELECT * FROM audit").fetchall())
    assert ID_NUMBER not in rows and FULL_WIDTH_ID not in rows
    view.close()


def test_a_household_typed_that_the_village_lacks_is_said_not_dropped_unsaid(qtbot, store, chinese):
    inspection_id, ids = village_inspection(store, ("张三",))
    view = show_view(qtbot, store, inspection_id)
    view.go_to_item("2.1.4")
    editor = view.panel.editor
    editor.add_finding()
    picker = editor.household_edit
    retype(qtbot, picker, "王五")
    assert editor.error_label.isVisible()
    assert editor.error_label.text() == "本村没有名为 王五 的农户:请从列表中选择,或选「+ 新建农户…」添加。"
    assert picker.currentText() == "(不指定农户)"
    assert store.findings.of(inspection_id, "2.1.4")[0].household_id is None
    picker._on_activated(picker.findData(ids["张三"]))  # chosen from the list: the sentence goes
    assert not editor.error_label.isVisible()
    view.close()


def test_the_not_applicable_shortcut_on_a_signed_inspection_says_it_is_signed(qtbot, store, chinese):
    inspection = finished_inspection(store, photos=0, handbook_errors=2)
    lock_as_signed(store, inspection)
    view = show_view(qtbot, store, inspection)
    view.go_to_item("2.1.1")
    view.toggle_na()
    assert view.message.text() == "这份检查已签字,不能再修改;如需修改,请修订并说明原因"  # not "answer it instead"
    view.close()


def test_photos_of_a_finding_deleted_while_they_come_in_are_said_plainly(qtbot, store, chinese, tmp_path,
                                                                         monkeypatch):
    inspection_id, view, _editor = _new_finding(qtbot, store, "2.1.1")
    paths = []
    for n in range(3):
        path = tmp_path / f"IMG_{n}.jpg"
        path.write_bytes(make_photo(random.Random(n), size=(400, 300)))
        paths.append(str(path))
    go = threading.Event()
    add = store.photos.add

    def slow_add(*args, **kwargs):  # the import is still reading the first photo when the finding goes
        go.wait(10)
        return add(*args, **kwargs)

    monkeypatch.setattr(store.photos, "add", slow_add)
    strip = view.panel.photos
    assert strip.import_sources(paths)
    view.undo()  # the hurried inspector takes the finding back
    go.set()
    qtbot.waitUntil(lambda: strip.job is None)
    assert strip.message.text() == "照片还在添加时这条问题被删除了,3 张照片没有添加:请把它们添加到保留的问题上。"
    assert store.findings.of(inspection_id) == []
    assert store.db.conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 0
    view.close()


def commit_text(widget: QtWidgets.QWidget, text: str) -> None:
    """What a pinyin input method does with 二十三: the whole word committed at once."""
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("typed, keyed, members", [("三", True, 3), ("两", True, 2), ("二十三", False, 23),
                                                   ("十二", False, 12)])
def test_members_typed_in_chinese_numerals_are_read_not_dropped(qtbot, store, chinese, typed, keyed, members):
    view, dialog, box = new_household_typed(qtbot, store, typed, type_text if keyed else commit_text)
    assert box.text() == str(members)  # shown as the number it was read as
    dialog.buttons.button(QtWidgets.QDialogButtonBox.Ok).click()
    assert not dialog.isVisible()
    assert [h.members for h in store.households.of_village(view.session.village_id)] == [members]
    view.close()
