"""A roster's ID numbers outside their column: typed with spaces, or stored by Excel as a number in a name or
place column (4.30421197304196E+17 keeps 16 of the 18 digits); each cell is named and nothing of it is kept.
A rubric workbook holding one is refused the same way."""

from __future__ import annotations

import openpyxl
import pytest

from fieldcheck.engine import catalog
from fieldcheck.tables.cells import TableError
from fieldcheck.tables.roster import import_roster, read_roster
from fieldcheck.tables.rubric_export import export_rubric
from fieldcheck.tables.rubric_import import read_rubric_workbook
from tests.tables.workbooks import as_ods

ID = "430421197304195712"


def _db_bytes(store) -> bytes:
    store.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    return b"".join(p.read_bytes() for p in store.path.parent.rglob("*") if p.is_file())


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_an_id_number_as_a_number_or_in_groups_outside_its_column_is_refused_by_its_cell(store, tmp_path, kind):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["县", "乡镇", "村", "户主", "帮扶责任人", "身份证号", "联系电话", "备注"])
    ws.append(["衡阳县", "西渡镇", "梅花村", "张三", "李干部", "430421 19730419 5712", "13807341234", f"身份证 {ID}"])
    ws.append(["衡阳县", "西渡镇", "梅花村", int(ID), "李干部", None, None, None])  # D3: the ID typed as the head
    ws.append(["衡阳县", "西渡镇", "梅花村", "王五", float(ID), None, None, None])  # E4: as the helper
    ws.append(["衡阳县", "西渡镇", "梅花村 4304-2119-7304-1957-12", "赵六", "李干部", None, None, None])  # C5
    ws.append(["衡阳县", "西渡镇", "桃村", "钱七", "李干部", None, 13807341234, None])  # a phone number: not read
    wb.save(tmp_path / "ids.xlsx")
    path = tmp_path / "ids.xlsx" if kind == "xlsx" else as_ods(tmp_path / "ids.xlsx", tmp_path / "ids.ods")
    roster = read_roster(path)
    assert [(p.sheet, p.cell) for p in roster.problems] == [("名单", "D3"), ("名单", "E4"), ("名单", "C5")]
    assert all("身份证号" in p.message for p in roster.problems)
    report = import_roster(store, roster, good_rows=True)
    assert report.added == 2
    (h,) = store.households.of_village(store.places.find("衡阳县/西渡镇/梅花村").id)
    assert (h.head_name, h.helper, h.id_masked) == ("张三", "李干部", "430421********5712")
    data = _db_bytes(store)
    assert b"3041957" not in data and b"13807341234" not in data  # nor the 16 digits a number cell keeps


def test_a_rubric_workbook_quoting_an_id_number_is_refused_by_its_cell(tmp_path):
    """A rubric's text is copied into every inspection that uses it, and so into every bundle and sheet."""
    path = tmp_path / "village.xlsx"
    export_rubric(catalog.find("village-work-team"), path)
    wb = openpyxl.load_workbook(path)
    sheet = wb.worksheets[0]
    sheet["B4"] = f"{sheet['B4'].value}(联系人 430421 19730419 5712)"
    wb.save(path)
    with pytest.raises(TableError) as caught:
        read_rubric_workbook(path)
    assert "B4" in str(caught.value) and "身份证号" in str(caught.value)
