"""What the workbook fuzz (test_workbook_fuzz.py) found, each kept as a plain case of its own: each failed on
the code before its fix, with a library's traceback, a message broken over lines, the memory filled, or a
check that passed what the import then refused."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from fieldcheck.engine import catalog
from fieldcheck.store import holds_id_number
from fieldcheck.tables.cells import TableError
from fieldcheck.tables.roster import import_roster, read_roster, refuse_bad_rows
from fieldcheck.tables.rubric_export import export_rubric
from fieldcheck.tables.rubric_import import read_rubric_workbook
from fieldcheck.tables.targets import read_targets
from tests.tables.test_workbook_fuzz import XLS, assert_one_sentence_each
from tests.tables.workbooks import FULL_ID, FULL_ID_2, roster_bad, roster_per_village, targets_fu2


def _with_member(src: Path, dst: Path, member: str, change) -> Path:
    """A copy of a workbook with one member's bytes changed by ``change(bytes) -> bytes``, zipped again."""
    with zipfile.ZipFile(src) as z:
        members = {info: z.read(info) for info in z.infolist()}
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members.items():
            z.writestr(info, change(data) if info.filename == member else data)
    return dst


def _deflate_damaged(src: Path, dst: Path, member: str) -> Path:
    """A copy whose member's deflated bytes start with an invalid block type, as a bad sector leaves them."""
    raw = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo(member)
    name_len, extra_len = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little"), \
        int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
    raw[info.header_offset + 30 + name_len + extra_len] = 0xFF  # BFINAL 1, BTYPE 11: no such block
    dst.write_bytes(bytes(raw))
    return dst


def test_an_xls_cut_short_is_called_damaged_not_a_rust_panic(store, tmp_path):
    """python-calamine panicked (a PanicException, which is not even an Exception) on an .xls cut off at 4 KB,
    as a copy from a stick pulled out too soon is."""
    cut = tmp_path / "roster.xls"
    cut.write_bytes(XLS.read_bytes()[:4096])
    before = tuple(store.connection.iterdump())
    with pytest.raises(TableError, match="已损坏") as refused:
        read_roster(cut)
    assert_one_sentence_each(refused.value)
    assert tuple(store.connection.iterdump()) == before


def test_the_command_says_one_line_for_an_xls_that_makes_calamine_panic(tmp_path):
    """Rust printed the panic's report and backtrace on stderr beside the sentence."""
    cut = tmp_path / "roster.xls"
    cut.write_bytes(XLS.read_bytes()[:4096])
    env = {**os.environ, "FIELDCHECK_LANG": "en", "RUST_BACKTRACE": "1",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "fieldcheck", "import", "roster", str(cut), "--db",
                           str(tmp_path / "f.db")], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip()] and "is damaged" in done.stderr, done.stderr


def test_a_stray_value_far_from_the_table_is_refused_before_it_fills_the_memory(store, tmp_path):
    """One value at ZZ100000 made python-calamine build a grid of 70 million cells: 2.7 GB and six seconds
    (at XFD1048576 the laptop ran out of memory); the import names the cell instead."""
    path = roster_per_village(tmp_path / "villages.xlsx")
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["ZZ100000"] = "x"
    book.save(path)
    before = tuple(store.connection.iterdump())
    with pytest.raises(TableError, match="ZZ100000") as refused:
        read_roster(path)
    assert_one_sentence_each(refused.value)
    assert tuple(store.connection.iterdump()) == before
    book.worksheets[0]["ZZ100000"].value = None
    book.worksheets[0]["ZZ100000"].number_format = "0.00"  # a formatted cell holds nothing: no grid for it
    book.save(path)
    assert read_roster(path).rows


def test_a_rubric_workbook_that_far_out_is_refused_too(tmp_path):
    path = tmp_path / "rubric.xlsx"
    export_rubric(catalog.find("county-township"), path)
    book = openpyxl.load_workbook(path)
    book["考评表"]["XFD1048576"] = 1
    book.save(path)
    with pytest.raises(TableError, match="XFD1048576"):
        read_rubric_workbook(path)


def test_a_target_table_whose_properties_are_damaged_keeps_what_calamine_read(tmp_path):
    """The percent formats are read with openpyxl after calamine read the values: a damaged deflate stream in a
    member calamine never opens (docProps/core.xml) escaped as zlib.error."""
    path = _deflate_damaged(targets_fu2(tmp_path / "fu2.xlsx"), tmp_path / "damaged.xlsx", "docProps/core.xml")
    table = read_targets(path, catalog.find("hengyang-2015"))
    assert not table.problems and len(table.rows) == len(catalog.find("hengyang-2015").targets)


@pytest.mark.parametrize(("member", "change"), [
    ("docProps/core.xml", None),  # a deflate stream that is not one: zlib.error
    ("xl/worksheets/sheet1.xml", lambda data: data.replace(b"<sheetData>", b"<sheetData>&#0;", 1)),  # ParseError
])
def test_a_damaged_rubric_workbook_is_called_damaged(tmp_path, member, change):
    path = tmp_path / "rubric.xlsx"
    export_rubric(catalog.find("county-township"), path)
    damaged = (_deflate_damaged(path, tmp_path / "damaged.xlsx", member) if change is None
               else _with_member(path, tmp_path / "damaged.xlsx", member, change))
    with pytest.raises(TableError, match="已损坏") as refused:
        read_rubric_workbook(damaged)
    assert_one_sentence_each(refused.value)


@pytest.mark.parametrize("title", ["名单\n二", "名单\r", "名单\u2028二", "名单\x85二"])
def test_a_sheet_name_with_a_line_break_leaves_each_bad_cell_one_line(tmp_path, title):
    """A program may write a line break into a sheet's name; quoted whole, it split the cell's line in two."""
    path = roster_bad(tmp_path / "bad.xlsx")
    book = openpyxl.load_workbook(path)
    book.worksheets[0].title = title
    book.save(path)
    roster = read_roster(path)
    with pytest.raises(TableError) as refused:
        refuse_bad_rows(roster, good_rows=False)
    assert_one_sentence_each(refused.value)
    assert all(len(str(p).splitlines()) == 1 for p in roster.problems)


def test_a_hidden_sheet_named_with_a_line_break_is_named_in_one_line(tmp_path):
    path = roster_per_village(tmp_path / "villages.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("说明\n二", 0)
    for ws in book.worksheets[1:]:
        ws.title, ws.sheet_state = ws.title + "\n", "hidden"
    book.save(path)
    with pytest.raises(TableError) as refused:
        read_roster(path)
    assert_one_sentence_each(refused.value)
    assert len(str(refused.value).splitlines()) == 1


@pytest.mark.parametrize("typed", [FULL_ID, 4.30421199001012e17, "衡阳县 " + FULL_ID_2])
def test_a_whole_id_number_where_a_county_is_named_is_refused_not_written_into_the_rubric(tmp_path, typed):
    """The rubric file (sent in every bundle) took the ID number as the name of a target row."""
    path = targets_fu2(tmp_path / "fu2.xlsx")
    book = openpyxl.load_workbook(path)
    book.worksheets[0]["A4"] = typed
    book.save(path)
    table = read_targets(path, catalog.find("hengyang-2015"))
    assert [p.cell for p in table.problems] == ["A4"]
    assert all(FULL_ID not in str(row["name"]) and not holds_id_number(str(row["name"])) for row in table.rows)


def test_a_sheet_named_with_an_id_number_is_a_bad_row_not_a_refusal_of_the_whole_roster(store, tmp_path):
    """The roster's check passed the village named by the sheet, and the store then refused it: the whole
    import failed, --good-rows too, in a sentence naming no sheet or cell."""
    path = roster_per_village(tmp_path / "villages.xlsx")
    book = openpyxl.load_workbook(path)
    book.worksheets[0].title = "衡阳县-西渡镇-" + FULL_ID
    book.save(path)
    roster = read_roster(path)
    assert {p.sheet for p in roster.problems} == {book.worksheets[0].title} and len(roster.problems) == 2
    report = import_roster(store, roster, good_rows=True)
    assert report.added == 1 and [v.name for v in store.places.all("村")] == ["五一村"]
    assert FULL_ID not in "\n".join(store.connection.iterdump())
