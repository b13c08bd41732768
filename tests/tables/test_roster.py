"""Household rosters from workbooks built in the officials' layouts, awkward ones included."""

from __future__ import annotations

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldcheck.tables.cells import TableError, parse_number
from fieldcheck.tables.roster import import_roster, read_roster
from tests.tables.workbooks import FULL_ID, FULL_ID_2, as_ods, roster_bad, roster_long, roster_per_village


def _db_bytes(store) -> bytes:
    store.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    folder = store.path.parent
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith(store.path.name))


def test_long_sheet_with_merged_two_row_header_blank_rows_text_and_full_width_numbers(store, tmp_path):
    roster = read_roster(roster_long(tmp_path / "long.xlsx"))
    assert roster.problems == []
    report = import_roster(store, roster)
    assert report.added == 4
    assert report.villages_created == ["衡阳县/西渡镇/梅花村", "衡阳县/西渡镇/杉桥村", "衡阳县/演陂镇/新桥村"]
    meihua = store.places.find("衡阳县/西渡镇/梅花村")
    households = {h.head_name: h for h in store.households.of_village(meihua.id)}
    assert households["张三"].members == 4 and households["张三"].status == "已脱贫"
    assert households["李四"].members == 3  # "３" full-width, as text
    assert households["张三"].id_masked == "430421********1234"
    assert households["李四"].id_masked == "430421********567X"
    xinqiao = store.places.find("衡阳县/演陂镇/新桥村")
    assert [(h.head_name, h.members) for h in store.households.of_village(xinqiao.id)] == [("赵六", 5)]  # "５人"
    shanqiao = store.places.find("衡阳县/西渡镇/杉桥村")
    assert store.households.of_village(shanqiao.id)[0].head_name == "王五"  # spaces trimmed, status default
    data = _db_bytes(store)
    assert FULL_ID.encode() not in data and FULL_ID_2.encode() not in data
    assert "衡阳县".encode() in data  # the check above reads the real file


def test_importing_twice_adds_nothing_the_second_time(store, tmp_path):
    path = roster_long(tmp_path / "long.xlsx")
    import_roster(store, read_roster(path))
    again = import_roster(store, read_roster(path))
    assert (again.added, again.already_there) == (0, 4)


def test_a_sheet_per_village_named_county_township_village(store, tmp_path):
    roster = read_roster(roster_per_village(tmp_path / "villages.xlsx"))
    assert roster.sheets_skipped == ["说明"]
    report = import_roster(store, roster)
    assert report.added == 3
    village = store.places.find("衡南县/茶市镇/五一村")
    assert [h.head_name for h in store.households.of_village(village.id)] == ["吴九"]


def test_bad_cells_are_named_and_nothing_is_imported(store, tmp_path):
    roster = read_roster(roster_bad(tmp_path / "bad.xlsx"))
    assert [(p.sheet, p.cell) for p in roster.problems] == [("名单", "E3"), ("名单", "F4"), ("名单", "F5"), ("名单", "D6")]
    before = store.db.conn.execute("SELECT count(*) FROM audit").fetchone()
    with pytest.raises(TableError) as caught:
        import_roster(store, roster)
    assert "E3" in str(caught.value) and "两口" in str(caught.value)
    assert store.places.all() == []
    assert store.db.conn.execute("SELECT count(*) FROM audit").fetchone() == before


def test_a_whole_id_number_outside_its_column_is_refused_and_a_helpers_id_column_not_read(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["县", "乡镇", "村", "户主", "帮扶责任人", "帮扶责任人身份证号", "身份证号"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "张三", "李干部", FULL_ID_2, FULL_ID])   # the helper's ID: not read
    ws.append(["衡阳县", "西渡镇", "梅花村", "王五", FULL_ID_2, None, None])         # E3: an ID as the helper
    ws.append(["衡阳县", "西渡镇", "梅花村", f"赵六{FULL_ID_2}", "李干部", None, None])  # D4: after a name
    wb.save(tmp_path / "ids.xlsx")
    roster = read_roster(tmp_path / "ids.xlsx")
    assert [(p.sheet, p.cell) for p in roster.problems] == [("名单", "E3"), ("名单", "D4")]
    assert "只能填在「身份证号」列" in roster.problems[0].message
    report = import_roster(store, roster, good_rows=True)
    assert report.added == 1
    (h,) = store.households.of_village(store.places.find("衡阳县/西渡镇/梅花村").id)
    assert (h.head_name, h.helper, h.id_masked) == ("张三", "李干部", "430421********1234")
    data = _db_bytes(store)
    assert FULL_ID.encode() not in data and FULL_ID_2.encode() not in data


def test_good_rows_only_when_asked(store, tmp_path):
    report = import_roster(store, read_roster(roster_bad(tmp_path / "bad.xlsx")), good_rows=True)
    assert report.added == 2 and len(report.refused) == 4
    assert FULL_ID.encode() not in _db_bytes(store)


def test_a_file_that_is_not_a_workbook_is_one_sentence(tmp_path):
    path = tmp_path / "roster.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(TableError, match="roster.xlsx"):
        read_roster(path)
    with pytest.raises(TableError):
        read_roster(tmp_path / "missing.xlsx")


@given(st.integers(min_value=0, max_value=10**9))
def test_numbers_read_the_same_in_any_form(n):
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    assert parse_number(n) == parse_number(float(n)) == parse_number(str(n)) == parse_number(full_width) == n
    assert parse_number(f" {n}人 ") == n


def test_a_data_row_that_repeats_a_header_word_is_data(store, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "衡阳县-西渡镇-梅花村"
    ws.append(["户主", "人口"])
    ws.append(["户主0", "2"])  # all text, and "户主" in the name: still the first household
    wb.save(tmp_path / "r.xlsx")
    assert [r.head for r in read_roster(tmp_path / "r.xlsx").rows] == ["户主0"]


def test_a_sheet_named_for_a_village_already_there_and_a_full_width_id(store, tmp_path):
    import openpyxl

    county = store.places.add("县", "衡阳县")
    village = store.places.add("村", "梅花村", store.places.add("乡镇", "西渡镇", county))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "梅花村"
    ws.append(["户主", "身份证号"])
    ws.append(["钱十", "".join(chr(ord(c) + 0xFEE0) for c in FULL_ID)])  # typed in full-width digits
    ws2 = wb.create_sheet("无名村")
    ws2.append(["户主"])
    ws2.append(["孙十一"])
    wb.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx")
    with pytest.raises(TableError, match="无名村"):
        import_roster(store, roster)  # a village not in the database, named alone: refused, nothing written
    assert store.households.of_village(village) == []
    report = import_roster(store, roster, good_rows=True)
    assert report.added == 1 and [p.sheet for p in report.refused] == ["无名村"]
    assert store.households.of_village(village)[0].id_masked == "430421********1234"
    assert FULL_ID.encode() not in _db_bytes(store)


def test_namesakes_in_one_village_are_each_imported_and_not_again(store, tmp_path):
    """Three households headed by 张三 in 梅花村 (no ID numbers) are three households, once each."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县", "乡镇", "村", "户主", "人口", "帮扶责任人"])
    for members, helper in ((4, "李干部"), (2, "李干部"), (3, "赵干部")):
        ws.append(["衡阳县", "西渡镇", "梅花村", "张三", members, helper])
    wb.save(tmp_path / "namesakes.xlsx")
    report = import_roster(store, read_roster(tmp_path / "namesakes.xlsx"))
    assert (report.added, report.already_there) == (3, 0)
    village = store.places.find("衡阳县/西渡镇/梅花村")
    assert sorted((h.head_name, h.members, h.helper) for h in store.households.of_village(village.id)) == [
        ("张三", 2, "李干部"), ("张三", 3, "赵干部"), ("张三", 4, "李干部")]
    again = import_roster(store, read_roster(tmp_path / "namesakes.xlsx"))
    assert (again.added, again.already_there) == (0, 3)
    assert len(store.households.of_village(village.id)) == 3


def test_a_hidden_sheet_is_not_imported_and_the_user_is_told(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["县", "乡镇", "村", "户主", "人口"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "张三", 4])
    old = wb.create_sheet("旧名单")
    old.sheet_state = "hidden"
    old.append(["县", "乡镇", "村", "户主", "人口"])
    old.append(["衡阳县", "西渡镇", "梅花村", "旧户甲", 2])
    wb.save(tmp_path / "hidden.xlsx")
    roster = read_roster(tmp_path / "hidden.xlsx")
    assert roster.hidden == ["旧名单"]
    import_roster(store, roster)
    village = store.places.find("衡阳县/西渡镇/梅花村")
    assert [h.head_name for h in store.households.of_village(village.id)] == ["张三"]
    wb.create_sheet("说明").append(["本表由县扶贫办汇总"])  # the roster hidden too: the sentence says what to do
    wb.active = 2
    wb["花名册"].sheet_state = "hidden"
    wb.save(tmp_path / "all_hidden.xlsx")
    with pytest.raises(TableError) as err:
        read_roster(tmp_path / "all_hidden.xlsx")
    assert "取消隐藏" in str(err.value) and "旧名单" in str(err.value)


def test_the_long_roster_saved_as_ods_reads_as_the_xlsx(tmp_path):
    """Merged headers and a county merged down its rows: calamine gives an .ods no merged ranges."""
    xlsx = read_roster(roster_long(tmp_path / "long.xlsx"))
    ods = read_roster(as_ods(tmp_path / "long.xlsx", tmp_path / "long.ods"))
    assert ods.problems == [] and len(ods.rows) == 4
    assert ods.rows == xlsx.rows


def test_a_failed_formula_is_named_not_read_as_blank(store, tmp_path):
    """A VLOOKUP that failed (#N/A) or a #DIV/0! shows in Excel; read as blank it would lose a helper silently."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["县", "乡镇", "村", "户主", "人口", "帮扶责任人"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "张三", "#DIV/0!", "李干部"])  # openpyxl writes these as error cells
    ws.append(["衡阳县", "西渡镇", "梅花村", "王五", 2, "#N/A"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "赵六", 3, "李干部"])
    wb.save(tmp_path / "errors.xlsx")
    roster = read_roster(tmp_path / "errors.xlsx")
    assert [(p.sheet, p.cell) for p in roster.problems] == [("名单", "E2"), ("名单", "F3")]
    assert "公式出错(#DIV/0!)" in str(roster.problems[0]) and "改正公式" in str(roster.problems[0])
    assert "#N/A" in str(roster.problems[1])
    with pytest.raises(TableError):
        import_roster(store, roster)
    assert store.places.find("衡阳县/西渡镇/梅花村") is None  # nothing half-imported
    # the same saved as .ods by LibreOffice or WPS: calamine gives those cells as empty too
    ods = read_roster(as_ods(tmp_path / "errors.xlsx", tmp_path / "errors.ods"))
    assert [(p.sheet, p.cell, str(p)) for p in ods.problems] == [(p.sheet, p.cell, str(p)) for p in roster.problems]
    report = import_roster(store, roster, good_rows=True)
    village = store.places.find("衡阳县/西渡镇/梅花村")
    assert report.added == 1 and [h.head_name for h in store.households.of_village(village.id)] == ["赵六"]


def test_a_row_per_member_under_a_merged_head_is_one_household(store, tmp_path):
    """Some rosters give each family member a row, 户主 and 人口 merged down over them: one household."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县", "乡镇", "村", "户主", "家庭成员", "与户主关系", "人口", "帮扶责任人"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "张三", "张三", "本人", 3, "李干部"])
    ws.append([None, None, None, None, "李梅", "配偶", None, None])
    ws.append([None, None, None, None, "张小", "子", None, None])
    ws.append(["衡阳县", "西渡镇", "梅花村", "张三", "张三", "本人", 1, "赵干部"])  # a namesake, alone
    for rng in ("A2:A4", "B2:B4", "C2:C4", "D2:D4", "G2:G4", "H2:H4"):
        ws.merge_cells(rng)
    wb.save(tmp_path / "members.xlsx")
    report = import_roster(store, read_roster(tmp_path / "members.xlsx"))
    village = store.places.find("衡阳县/西渡镇/梅花村")
    assert sorted((h.head_name, h.members, h.helper) for h in store.households.of_village(village.id)) == [
        ("张三", 1, "赵干部"), ("张三", 3, "李干部")]
    assert report.added == 2


def test_names_padded_for_alignment_are_the_names(store, tmp_path):
    """Name lists pad two-character names with a full-width space ("王　芳" under "欧阳明"): 王芳 is meant."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县", "乡镇", "村", "户主", "人口", "帮扶责任人"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "欧阳明", 3, "李　军"])
    ws.append(["衡阳县", "西渡镇", "梅　花　村", "王　芳", 2, "李军"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "赵六", 2, "李军 王芳"])  # two helpers, not a padded name
    wb.save(tmp_path / "padded.xlsx")
    import_roster(store, read_roster(tmp_path / "padded.xlsx"))
    village = store.places.find("衡阳县/西渡镇/梅花村")
    assert sorted((h.head_name, h.helper) for h in store.households.of_village(village.id)) == [
        ("欧阳明", "李军"), ("王芳", "李军"), ("赵六", "李军 王芳")]
    assert [p.name for p in store.places.all("村")] == ["梅花村"]


def test_an_old_15_digit_id_number_in_a_number_cell_is_whole_and_masked(store, tmp_path):
    """Excel keeps 15 digits, so a 15-digit ID stored as a number is intact; an 18-digit one is not."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["县", "乡镇", "村", "户主", "人口", "身份证号"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "张三", 4, 430421900101123])
    ws.append(["衡阳县", "西渡镇", "梅花村", "李四", 2, 430421199001011234])
    wb.save(tmp_path / "numbers.xlsx")
    roster = read_roster(tmp_path / "numbers.xlsx")
    assert [(p.sheet, p.cell) for p in roster.problems] == [("Sheet", "F3")]
    import_roster(store, roster, good_rows=True)
    village = store.places.find("衡阳县/西渡镇/梅花村")
    assert [(h.head_name, h.id_masked) for h in store.households.of_village(village.id)] == [("张三", "430421*****1123")]
    assert b"430421900101123" not in _db_bytes(store)


@given(st.integers(min_value=1, max_value=99))
def test_household_size_in_kou_is_the_number(n):
    """3口 and 3口人 are how a household's size is said: the number of people."""
    assert parse_number(f"{n}口") == parse_number(f"{n}口人") == parse_number(f"{n}人") == n


def test_a_household_already_there_but_changed_in_the_sheet_is_said(store, tmp_path):
    """Re-importing a roster whose 人口 changed keeps the database's value, and says so, row by row."""
    path = tmp_path / "r.xlsx"

    def save(members):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "名单"
        ws.append(["县", "乡镇", "村", "户主", "人口", "帮扶责任人"])
        ws.append(["衡阳县", "西渡镇", "梅花村", "张三", members, "李干部"])
        ws.append(["衡阳县", "西渡镇", "梅花村", "张三", 2, "赵干部"])  # a namesake, unchanged
        wb.save(path)

    save(4)
    import_roster(store, read_roster(path))
    save(5)
    report = import_roster(store, read_roster(path))
    assert (report.added, report.already_there) == (0, 2)
    assert [(p.sheet, p.cell) for p in report.differs] == [("名单", "C2")]
    assert "人口为「4」(表中「5」)" in str(report.differs[0]) and "没有更改" in str(report.differs[0])
    village = store.places.find("衡阳县/西渡镇/梅花村")
    assert sorted(h.members for h in store.households.of_village(village.id)) == [2, 4]
