"""The inspections list and the new-inspection dialog, driven through the real widgets on a real store."""

from __future__ import annotations

import pytest

from fieldcheck.engine import catalog
from fieldcheck.gui.app import open_settings
from fieldcheck.gui.inspections.inspection_list import ROW_ID_ROLE, InspectionListPage
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.qt import Qt, QtCore, QtGui
from fieldcheck.ops import scores
from fieldcheck.store.records import split_names
from fieldcheck.store.signatures import SignerInput

# The offscreen platform cannot pass size hints to a window manager; that is its limit, not ours.
pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.usefixtures("chinese")]  # the window in Chinese, as it is used

def lock(store, inspection_id):
    """Sign at the store level (no sheet hash needed here): the inspection is then locked."""
    store.signatures.sign(inspection_id, [SignerInput("李明", "leader")], content_hash="0" * 64, key_id="test")




@pytest.fixture
def county(store):
    """A county with two townships and three villages, one inspection each (one signed)."""
    rubric = catalog.find("village-work-team")
    c = store.places.add("县", "荷坪县")
    t1 = store.places.add("乡镇", "杉山乡", c)
    t2 = store.places.add("乡镇", "石山镇", c)
    ids = {}
    for name, town, date in (("梅花村", t1, "2026-10-01"), ("青水村", t1, "2026-10-02"), ("竹岗村", t2, "2026-10-03")):
        v = store.places.add("村", name, town)
        ids[name] = store.inspections.create(rubric, assessee_id=v, assessee_name=name,
                                            inspectors=["张三", "李四"], date=date)
    store.findings.add(ids["梅花村"], "1.1", value="工作计划")
    lock(store, ids["竹岗村"])
    return ids


@pytest.fixture
def page(qtbot, store, county):
    widget = InspectionListPage(store)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def shown(page) -> list[str]:
    """The assessee column as the user sees it, top to bottom."""
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def row_of(page, inspection_id) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(ROW_ID_ROLE) == inspection_id)


def test_the_list_shows_every_inspection_with_its_score(page, store, county):
    assert sorted(shown(page)) == ["荷坪县/杉山乡/梅花村", "荷坪县/杉山乡/青水村", "荷坪县/石山镇/竹岗村"]
    r = row_of(page, county["梅花村"])
    expected = scores.score_inspection(store, county["梅花村"])
    columns = page.model.COLUMNS
    assert not expected.complete  # one finding of thirty items: the total is 暂计, as in the walk
    assert page.model.index(r, columns.index("score")).data() == f"{expected.total} / {expected.max}(暂计)"
    assert page.model.index(r, columns.index("status")).data() == "草稿"
    assert page.model.index(r, columns.index("findings")).data() == "1"
    assert page.model.index(r, columns.index("inspectors")).data() == "张三、李四"
    assert page.ui.countLabel.text() == "共 3 份检查"


def test_filter_by_status_place_and_search(qtbot, page, county):
    combo = page.ui.statusCombo
    combo.setCurrentIndex(combo.findData("signed"))
    assert shown(page) == ["荷坪县/石山镇/竹岗村"]
    combo.setCurrentIndex(combo.findData(None))
    places = page.ui.placeCombo
    assert places.count() == 1  # "All places" until the rows are painted or the filter is touched
    QtCore.QCoreApplication.sendEvent(places, QtGui.QFocusEvent(QtCore.QEvent.Type.FocusIn))  # Tab to it
    assert places.count() == 1 + 6  # the roster: the county, two townships, three villages
    places.setCurrentIndex(next(i for i in range(places.count()) if places.itemText(i).strip() == "杉山乡"))
    assert sorted(shown(page)) == ["荷坪县/杉山乡/梅花村", "荷坪县/杉山乡/青水村"]
    places.setCurrentIndex(0)
    page.ui.searchEdit.insert("青水")  # QTest types ASCII only
    qtbot.waitUntil(lambda: shown(page) == ["荷坪县/杉山乡/青水村"], timeout=2000)
    page.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: len(shown(page)) == 3, timeout=2000)
    qtbot.keyClicks(page.ui.searchEdit, county["竹岗村"][:8])  # an id's beginning, as a workbook cites it
    qtbot.waitUntil(lambda: shown(page) == ["荷坪县/石山镇/竹岗村"], timeout=2000)
    page.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: len(shown(page)) == 3, timeout=2000)


def test_open_by_double_click_and_by_the_open_button(qtbot, page, county):
    r = row_of(page, county["青水村"])
    index = page.model.index(r, 0)
    rect = page.ui.table.visualRect(index)
    with qtbot.waitSignal(page.open_requested) as blocker:
        qtbot.mouseClick(page.ui.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.ui.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [county["青水村"]]
    page.select(county["竹岗村"])
    with qtbot.waitSignal(page.open_requested) as blocker:
        qtbot.mouseClick(page.ui.openButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [county["竹岗村"]]


def test_duplicate_makes_a_draft_copy_with_the_same_findings(qtbot, page, store, county):
    page.select(county["梅花村"])
    qtbot.mouseClick(page.ui.duplicateButton, Qt.MouseButton.LeftButton)
    assert shown(page).count("荷坪县/杉山乡/梅花村") == 2
    new_id = page.selected_id()
    assert new_id not in county.values()
    assert [f.value for f in store.findings.of(new_id)] == ["工作计划"]
    assert scores.score_inspection(store, new_id).total == scores.score_inspection(store, county["梅花村"]).total


def test_delete_shows_an_undo_bar_and_undo_restores(qtbot, page, store, county):
    page.select(county["青水村"])
    qtbot.mouseClick(page.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert "荷坪县/杉山乡/青水村" not in shown(page)
    assert store.inspections.get(county["青水村"]).deleted  # stored at once
    assert page.ui.undoBar.isVisible()
    assert "青水村" in page.ui.undoLabel.text() and page.ui.undoLabel.text().startswith("已删除")
    qtbot.mouseClick(page.ui.undoButton, Qt.MouseButton.LeftButton)
    assert "荷坪县/杉山乡/青水村" in shown(page)
    assert not store.inspections.get(county["青水村"]).deleted
    assert page.selected_id() == county["青水村"]
    assert not page.ui.undoBar.isVisible()


def test_ctrl_z_on_the_list_undoes_the_delete(qtbot, page, store, county):
    page.select(county["梅花村"])
    page.ui.table.setFocus()
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing to undo yet
    assert len(shown(page)) == 3
    page.delete_selected()
    assert len(shown(page)) == 2
    page.ui.table.setFocus()
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(shown(page)) == 3 and not store.inspections.get(county["梅花村"]).deleted


def test_sorting_by_score_is_numeric(page, store, county):
    columns = page.model.COLUMNS
    page.ui.table.sortByColumn(columns.index("score"), Qt.SortOrder.AscendingOrder)
    totals = [page.model.index(r, columns.index("score")).data(Qt.ItemDataRole.UserRole + 1)
              for r in range(page.model.rowCount())]
    assert totals == sorted(totals)
    assert totals[0] < totals[-1]  # 梅花村 lost points for its missing 工作计划


# -- the new-inspection dialog ---------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, store, county, tmp_path):
    d = NewInspectionDialog(store, open_settings(tmp_path / "settings"))
    qtbot.addWidget(d)
    d.show()
    return d


def choose_rubric(dialog, rubric_id):
    dialog.ui.rubricCombo.setCurrentIndex(dialog.ui.rubricCombo.findData(rubric_id))


def test_new_inspection_from_the_roster(qtbot, dialog, store):
    # The newest inspection's rubric is suggested; the incomplete source comes last.
    assert dialog.ui.rubricCombo.currentData() == "village-work-team"
    combo = dialog.ui.rubricCombo
    assert combo.itemData(combo.count() - 1) == "county-township" and "原文不完整" in combo.itemText(combo.count() - 1)
    labels = [dialog.ui.assesseeCombo.itemText(i) for i in range(dialog.ui.assesseeCombo.count())]
    assert labels[:3] == ["荷坪县/杉山乡/梅花村", "荷坪县/杉山乡/青水村", "荷坪县/石山镇/竹岗村"]  # villages first
    dialog.ui.assesseeCombo.setCurrentIndex(1)
    dialog.ui.inspectorsEdit.clear()
    dialog.ui.inspectorsEdit.insert("王五、赵六, 王五")
    dialog.ui.dateEdit.setDate(QtCore.QDate(2026, 11, 3))
    qtbot.mouseClick(dialog.ui.buttonBox.button(dialog.ui.buttonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    made = store.inspections.get(dialog.inspection_id)
    assert made.assessee_name == "青水村" and made.assessee_id == store.places.find("青水村").id
    assert made.inspectors == ["王五", "赵六"] and made.date == "2026-11-03" and made.status == "draft"
    assert made.rubric_id == "village-work-team"


def test_a_typed_assessee_and_the_hengyang_group(qtbot, dialog, store):
    choose_rubric(dialog, "hengyang-2015")
    assert dialog.ui.groupCombo.isVisible()
    dialog.ui.assesseeCombo.setEditText("")
    dialog.ui.assesseeCombo.lineEdit().insert("衡阳县")
    assert dialog.ui.groupCombo.currentData() == "县市"  # from the rubric's target table
    dialog.ui.inspectorsEdit.insert("张三")
    dialog.accept()
    made = store.inspections.get(dialog.inspection_id)
    assert (made.assessee_id, made.assessee_name, made.assessee_group) == (None, "衡阳县", "县市")
    assert scores.score_inspection(store, made.id).max == catalog.find("hengyang-2015").max_points


def test_missing_fields_say_what_to_do_and_create_nothing(qtbot, dialog, store):
    before = len(scores.scored_rows(store))
    choose_rubric(dialog, "village-work-team")
    dialog.ui.assesseeCombo.setEditText("")
    dialog.ui.inspectorsEdit.setText("张三")
    dialog.accept()
    assert dialog.ui.errorLabel.text() == "请填写被考核对象,或从列表中选择。"
    dialog.ui.assesseeCombo.setEditText("新村")
    dialog.ui.inspectorsEdit.setText(" ,、 ")
    dialog.accept()
    assert dialog.ui.errorLabel.text() == "请至少填写一名检查人员的姓名。"
    assert dialog.isVisible() and dialog.inspection_id is None
    assert len(scores.scored_rows(store)) == before


def test_the_dialog_remembers_the_last_inspectors_and_rubric(qtbot, store, county, tmp_path):
    settings = open_settings(tmp_path / "settings")
    first = NewInspectionDialog(store, settings)
    qtbot.addWidget(first)
    choose_rubric(first, "hengyang-2015")
    first.ui.assesseeCombo.setEditText("耒阳市")
    first.ui.inspectorsEdit.setText("刘一 陈二")
    first.accept()
    second = NewInspectionDialog(store, settings)
    qtbot.addWidget(second)
    assert second.ui.inspectorsEdit.text() == "刘一、陈二"
    assert second.ui.rubricCombo.currentData() == "hengyang-2015"


def test_split_names():
    assert split_names(" 张三、李四,王五;赵六  张三 ") == ["张三", "李四", "王五", "赵六"]
    # what a Chinese input method types: full-width comma and semicolon
    assert split_names("张三\uff0c李四\uff1b王五") == ["张三", "李四", "王五"]
    assert split_names("") == []


# -- the list at scale: sorting by score, filtering in SQL -------------------------------------------


def complete_answers(rubric, bad: bool) -> dict:
    """An answer for every item: nothing wrong, or everything wrong."""
    answers = {}
    for item in rubric.items():
        kind = item.rule.kind
        if kind in ("per_occurrence", "per_event"):
            answers[item.id] = 5 if bad else 0
        elif kind == "missing_elements":
            answers[item.id] = list(item.rule.elements) if bad else []
        elif kind == "duty_checklist":
            answers[item.id] = {"not_done": list(item.rule.duties) if bad else []}
        elif kind == "min_options":
            answers[item.id] = {"selected": item.rule.options[:item.rule.minimum]}
        elif kind == "pass_fail":
            answers[item.id] = not bad
        elif kind in ("bonus", "veto"):
            answers[item.id] = False
        elif kind == "rating":
            answers[item.id] = next(iter(item.rule.levels))
        elif "count_column" in item.rule.spec:  # per village (衡阳 6.3): none short
            answers[item.id] = {"count": 1, "shortfall": 0}
        else:
            answers[item.id] = {"actual": 100, "target": 100}
    return answers


def test_sorting_by_score_puts_incomplete_last_and_compares_rubrics_by_percent(qtbot, store):
    from fieldcheck.ops.importing import add_inspection_from_answers

    village, township, hengyang = (catalog.find(r) for r in ("village-work-team", "county-township", "hengyang-2015"))
    made = {
        "village 29/210": add_inspection_from_answers(store, village, {"name": "甲县/乙镇/丙村"},
                                                      complete_answers(village, True)),
        "township 23/46": add_inspection_from_answers(store, township, {"name": "丁镇"}, complete_answers(township, True)),
        "hengyang 100/100": add_inspection_from_answers(store, hengyang, {"name": "衡阳县", "group": "县市"},
                                                        complete_answers(hengyang, False)),
        "village incomplete": add_inspection_from_answers(store, village, {"name": "甲县/乙镇/戊村"}, {"2.1.3": 0}),
    }
    listed = {r.id: r for r in scores.scored_rows(store)}
    assert listed[made["village 29/210"]].total > listed[made["township 23/46"]].total  # raw totals mislead
    assert not listed[made["village incomplete"]].complete and listed[made["village incomplete"]].total == 200  # 95 %: the highest
    page = InspectionListPage(store)
    qtbot.addWidget(page)
    page.show()
    order = {v: k for k, v in made.items()}
    score = page.model.COLUMNS.index("score")
    page.ui.table.sortByColumn(score, Qt.SortOrder.AscendingOrder)
    assert [order[i] for i in page.model.ids] == ["village 29/210", "township 23/46", "hengyang 100/100",
                                                  "village incomplete"]
    page.ui.table.sortByColumn(score, Qt.SortOrder.DescendingOrder)
    assert [order[i] for i in page.model.ids] == ["hengyang 100/100", "township 23/46", "village 29/210",
                                                  "village incomplete"]
    # the sort holds while searching, and the tooltip says what is compared
    page.ui.searchEdit.setText("村")
    qtbot.waitUntil(lambda: len(page.model.ids) == 2)
    assert [order[i] for i in page.model.ids] == ["village 29/210", "village incomplete"]
    tip = page.model.index(0, score).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("13.8%")


def test_search_and_place_filter_are_answered_by_the_store_in_sql(page, store, county):
    assert store.inspections.ids(search="杉山乡") == [county["青水村"], county["梅花村"]]  # newest first
    assert store.inspections.ids(search="李四") == [county["竹岗村"], county["青水村"], county["梅花村"]]
    assert store.inspections.ids(search="VILLAGE-work") == store.inspections.ids()  # the rubric id, any case
    assert store.inspections.ids(search="2026-10-02") == [county["青水村"]]
    town = store.places.find("石山镇").id
    assert store.inspections.ids(place_id=town) == [county["竹岗村"]]
    assert store.inspections.ids(place_id=store.places.find("荷坪县").id, status="draft") == [
        county["青水村"], county["梅花村"]]
    # a change in the store is seen by the next query (the search index is made again)
    other = store.inspections.create(catalog.find("village-work-team"), assessee_id=store.places.find("竹岗村").id,
                                     assessee_name="", inspectors=["王五"], date="2026-10-04")
    assert store.inspections.ids(search="王五") == [other]
    store.inspections.delete(other)
    assert store.inspections.ids(search="王五") == []


def test_the_list_scores_only_the_rows_it_shows_and_keeps_them_in_the_cache(qtbot, store, monkeypatch):
    rubric = catalog.find("village-work-team")
    made = [store.inspections.create(rubric, assessee_id=None, assessee_name=f"村{n:03d}", inspectors=["甲"],
                                     date="2026-10-01") for n in range(80)]
    scored = []
    real = scores.score_values
    monkeypatch.setattr(scores, "score_values", lambda inspection, *a: scored.append(inspection.id) or real(
        inspection, *a))
    page = InspectionListPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    page.ui.table.viewport().repaint()
    assert 0 < len(scored) < 40  # a screenful (and the block read around it), not all 80
    qtbot.waitUntil(lambda: not page.model.scores.pending)  # kept in the cache after the paint
    cached = [r for r in store.inspections.listing() if r.cached]
    assert {r.id for r in cached} == set(scored)
    scored.clear()
    page.ui.searchEdit.setText("村07")
    qtbot.waitUntil(lambda: len(page.model.ids) == 10)
    page.ui.table.viewport().repaint()
    assert set(scored) <= set(made) and len(scored) <= 10


def test_sorting_keeps_the_chosen_inspection_chosen(page, store, county):
    # sorting moves rows: the selection must stay on the inspection chosen, not on its row number
    columns = page.model.COLUMNS
    table = page.ui.table
    page.ui.table.sortByColumn(columns.index("score"), Qt.SortOrder.AscendingOrder)
    last = page.model.ids[-1]
    assert page.select(last)
    table.sortByColumn(columns.index("score"), Qt.SortOrder.DescendingOrder)
    assert page.model.ids.index(last) != len(page.model.ids) - 1  # it moved
    assert page.selected_id() == last and page.model.ids[table.currentIndex().row()] == last
    table.sortByColumn(columns.index("date"), Qt.SortOrder.DescendingOrder)  # back to the store's order
    assert page.selected_id() == last and page.model.ids[table.currentIndex().row()] == last
