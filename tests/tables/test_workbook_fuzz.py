"""Any county workbook, altered anywhere: imported with what it stored still sane, or refused with nothing written.

The roster, target-table and rubric tests name each awkward layout a county sends; these throw arbitrary ones,
built from real valid workbooks (tests/tables/workbooks.py, a rubric exported to the officials' layout) with
openpyxl as a county's program would write them:

- any cell, header or data, replaced by any value openpyxl writes (any text, control characters, numbers huge,
  negative or not a number, booleans, dates and times, formulas, failed formulas, very long text, nothing);
  rows or columns inserted or removed, cells merged, sheets renamed, reordered, hidden, added or removed;
- bytes of the saved file (.xlsx, and the .xls LibreOffice saved) flipped, cut off or inserted anywhere.

Each import then succeeds and what it kept is sane (no ID number kept whole, 人口 in range, names trimmed, the
written rubric loads), or it raises a UserError whose summary and every listed cell are one line each, with no
traceback, and the database (or the rubric file to write) unchanged. ``FIELDCHECK_FUZZ=5000`` hunts longer.
"""

from __future__ import annotations

import functools
import io
import math
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from damagekit import damaged
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import MergedCell
from openpyxl.utils.exceptions import IllegalCharacterError

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import check_file
from fieldcheck.errors import UserError
from fieldcheck.store import holds_id_number, mask_id_number
from fieldcheck.store.places import MAX_HOUSEHOLD_MEMBERS
from fieldcheck.tables.cells import TableError
from fieldcheck.tables.roster import import_roster, read_roster, refuse_bad_rows
from fieldcheck.tables.rubric_export import export_rubric
from fieldcheck.tables.rubric_import import read_rubric_workbook, write_rubric_yaml
from fieldcheck.tables.targets import read_targets, write_rubric_with_targets
from tests.tables.workbooks import FULL_ID, FULL_ID_2, as_ods, roster_bad, roster_long, roster_per_village, targets_fu2

EXAMPLES = int(os.environ.get("FIELDCHECK_FUZZ", "25"))
HUNTING = "FIELDCHECK_FUZZ" in os.environ  # a long hunt reports what it finds unshrunk: shrinking took minutes
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                phases=[Phase.explicit, Phase.reuse, Phase.generate] if HUNTING else list(Phase),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.filter_too_much])
#: the target tables write and load a whole rubric each (0.3 s): fewer of them keep the file under 30 s
FUZZ_TARGETS = settings(FUZZ, max_examples=max(1, EXAMPLES * 2 // 5))
XLS = Path(__file__).resolve().parents[1] / "data" / "roster.xls"

#: values that broke readers elsewhere, or that a county's sheet really holds in the wrong place
ODD = ["", " ", "\u3000", "\t\n", "=1/0", "=A1", "=SUM(A1:A9)", "#DIV/0!", "#N/A", "#REF!", "#VALUE!", "合计", "小计",
       "户主", "村", "人口", "身份证号", "市县名", "分组", "序号", "标准分值", "规则", "注:", FULL_ID, FULL_ID_2,
       "4304 2119 9001 0112 34", "430421900101123", "１２３", "３口人", "-0", "1e30", "1e999999", "9" * 400, "NaN",
       "inf", "50%", "一、", "2.1", "1.1.1", "(一)", "\u202e", "\ufeff", "x" * 32767, "王　芳", " 欧阳明 ", "一类",
       "已脱贫", "{target: 100}", "[", "{na: 原因}", "*", "&a", "- a", "a: b"]
CELL = st.one_of(
    st.none(),
    st.text(max_size=24),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Co"]), max_size=6),
    st.sampled_from(ODD),
    st.integers(-5, 200),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.sampled_from([4.30421199001012e17, 1e14, 430421199001011.0, 2.5, -1.0, 0.5, 1e308, 5e-324]),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1900, 3, 1)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=9999)),
)


def _sheet_name(data) -> str:
    return data.draw(st.text(min_size=1, max_size=31) | st.sampled_from(["考评表", "细则信息", "目标任务分解表", "其他设置",
                                                                         "附2", "衡阳县-西渡镇-梅花村", "Sheet", " "]))


def _put(ws, row: int, col: int, value) -> None:
    cell = ws.cell(row, col)
    if isinstance(cell, MergedCell):  # the value of a merged range is its top-left cell's
        rng = next((m for m in ws.merged_cells.ranges if cell.coordinate in m), None)
        assume(rng is not None)  # openpyxl does not move merged ranges with inserted columns: its own confusion
        cell = ws.cell(rng.min_row, rng.min_col)
    try:
        cell.value = value
    except IllegalCharacterError:  # openpyxl writes no such text: a county's program could not either
        assume(False)
    except AttributeError:  # a merged cell openpyxl lost track of after an insert: its own confusion
        assume(False)


def _alter(book, data) -> None:
    """One to three changes a county's program (or a clerk) could make, anywhere in the workbook."""
    for _ in range(data.draw(st.integers(1, 3))):
        ws = book.worksheets[data.draw(st.integers(0, len(book.worksheets) - 1))]
        rows, cols = ws.max_row + 1, ws.max_column + 1
        how = data.draw(st.sampled_from(["cell"] * 8 + ["insert_rows", "delete_rows", "insert_cols", "delete_cols",
                                                        "merge", "unmerge", "rename", "move", "hide", "add", "remove"]))
        if how == "cell":
            _put(ws, data.draw(st.integers(1, rows)), data.draw(st.integers(1, cols)), data.draw(CELL))
        elif how in ("insert_rows", "delete_rows"):
            getattr(ws, how)(data.draw(st.integers(1, rows)), data.draw(st.integers(1, 3)))
        elif how in ("insert_cols", "delete_cols"):
            getattr(ws, how)(data.draw(st.integers(1, cols)), data.draw(st.integers(1, 3)))
        elif how == "merge":
            r, c = data.draw(st.integers(1, rows)), data.draw(st.integers(1, cols))
            try:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + data.draw(st.integers(0, 3)),
                               end_column=c + data.draw(st.integers(0, 2)))
            except (ValueError, AttributeError):
                assume(False)
        elif how == "unmerge" and ws.merged_cells.ranges:
            try:
                ws.unmerge_cells(str(data.draw(st.sampled_from(sorted(ws.merged_cells.ranges, key=str)))))
            except KeyError:  # openpyxl does not move merged ranges with inserted rows: its own confusion
                assume(False)
        elif how == "rename":
            try:
                ws.title = _sheet_name(data)
            except ValueError:  # a name Excel refuses ([]:*?/\): openpyxl refuses it too
                assume(False)
        elif how == "move":
            book.move_sheet(ws, data.draw(st.integers(-len(book.worksheets), len(book.worksheets))))
        elif how == "hide" and len(book.worksheets) > 1:
            ws.sheet_state = data.draw(st.sampled_from(["hidden", "veryHidden", "visible"]))
        elif how == "add":
            try:
                new = book.create_sheet(_sheet_name(data), data.draw(st.integers(0, len(book.worksheets))))
            except ValueError:  # a name Excel refuses: openpyxl refuses it too
                assume(False)
            for r in range(data.draw(st.integers(0, 3))):
                for c in range(data.draw(st.integers(1, 4))):
                    _put(new, r + 1, c + 1, data.draw(CELL))
        elif how == "remove" and len(book.worksheets) > 1:
            book.remove(ws)
    if all(ws.sheet_state != "visible" for ws in book.worksheets):
        book.worksheets[0].sheet_state = "visible"  # Excel opens no workbook without a visible sheet
    book.active = next(i for i, ws in enumerate(book.worksheets) if ws.sheet_state == "visible")


def _altered(template: bytes, data, path: Path) -> Path:
    book = openpyxl.load_workbook(io.BytesIO(template))
    _alter(book, data)
    buffer = io.BytesIO()
    try:
        book.save(buffer)
    except (ValueError, TypeError, OverflowError, UnicodeError):  # a value openpyxl does not write
        assume(False)
    path.write_bytes(buffer.getvalue())
    return path


def _damaged(raw: bytes, data, path: Path) -> Path:
    path.write_bytes(damaged(data, raw, inserts=st.binary(min_size=1, max_size=64)))
    return path


def assert_one_sentence_each(exc: BaseException) -> None:
    """A refusal a person can read: a UserError in one line, or (a TableError) a line, then one indented line
    per bad cell; no traceback."""
    assert isinstance(exc, UserError), repr(exc)
    text = str(exc)
    assert text.strip() and "Traceback" not in text and "\r" not in text, text
    first, *cells = text.splitlines()
    assert first.strip() and not first.startswith(" "), text
    assert all(line.startswith("  ") and line.strip() for line in cells), text
    assert not cells or isinstance(exc, TableError), text


class Templates(dict):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example: not 100 kB of bytes
        return f"Templates({', '.join(self)})"


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> Templates:
    folder = tmp_path_factory.mktemp("county")
    rubric = folder / "rubric.xlsx"
    export_rubric(catalog.find("county-township"), rubric)
    return Templates({"roster_long": roster_long(folder / "long.xlsx").read_bytes(),
            "roster_per_village": roster_per_village(folder / "villages.xlsx").read_bytes(),
            "roster_bad": roster_bad(folder / "bad.xlsx").read_bytes(),
            "roster_xls": XLS.read_bytes(),
            "targets": targets_fu2(folder / "fu2.xlsx").read_bytes(),
            "rubric": rubric.read_bytes()})


def roster_imported_or_refused(store, path: Path, good_rows: bool) -> None:
    """The import as ``fieldcheck import roster`` makes it: sane households in, or refused with nothing written."""
    before = tuple(store.connection.iterdump())
    try:
        roster = read_roster(path)
        refuse_bad_rows(roster, good_rows)
        import_roster(store, roster, good_rows=good_rows)
    except Exception as exc:
        assert_one_sentence_each(exc)
        assert tuple(store.connection.iterdump()) == before
        return
    for village in store.places.all("村"):
        for place in (village, *_ancestors(store, village)):
            assert place.name and place.name == place.name.strip() and not holds_id_number(place.name), place
        for h in store.households.of_village(village.id):
            assert 1 <= h.members <= MAX_HOUSEHOLD_MEMBERS and isinstance(h.members, int), h
            assert h.head_name and h.head_name == h.head_name.strip(), h
            for text in (h.head_name, h.helper or "", h.status or ""):
                assert not holds_id_number(text), h
            assert h.id_masked is None or mask_id_number(h.id_masked) == h.id_masked, h
    dump = "\n".join(store.connection.iterdump())
    assert FULL_ID not in dump and FULL_ID_2 not in dump


def _ancestors(store, place):
    while place.parent_id:
        place = store.places.get(place.parent_id)
        yield place


@FUZZ
@given(data=st.data())
def test_a_roster_with_anything_changed_is_imported_sane_or_refused_unchanged(store, templates, tmp_path, data):
    name = data.draw(st.sampled_from(["roster_long", "roster_per_village", "roster_bad"]))
    path = _altered(templates[name], data, tmp_path / "roster.xlsx")
    if data.draw(st.booleans()):  # as LibreOffice or WPS save it: merged ranges spanned, failed formulas
        path = as_ods(path, tmp_path / "roster.ods")
    roster_imported_or_refused(store, path, data.draw(st.booleans()))


@FUZZ
@given(data=st.data())
def test_a_roster_with_damaged_bytes_is_imported_sane_or_refused_unchanged(store, templates, tmp_path, data):
    name = data.draw(st.sampled_from(["roster_long", "roster_per_village", "roster_xls"]))
    suffix = ".xls" if name == "roster_xls" else ".xlsx"
    path = _damaged(templates[name], data, tmp_path / f"roster{suffix}")
    roster_imported_or_refused(store, path, data.draw(st.booleans()))


@functools.cache
def _hengyang():
    return catalog.find("hengyang-2015")


def targets_written_or_refused(path: Path, out: Path, good_rows: bool) -> None:
    """``fieldcheck import targets``: a new rubric that loads, with sane targets, or refused with no file."""
    rubric = _hengyang()
    out.unlink(missing_ok=True)
    try:
        table = read_targets(path, rubric)
        if table.problems and not good_rows:
            raise TableError("the target table has bad cells:", table.problems)
        new = write_rubric_with_targets(rubric, table, out)
    except Exception as exc:
        assert_one_sentence_each(exc)
        assert not out.exists()
        return
    again, problems = check_file(out)
    assert again is not None and again.version == new.version, problems
    for name, row in again.targets.items():
        assert name and name == name.strip() and not holds_id_number(name), name
        for value in row.values.values():
            assert value >= 0 and math.isfinite(value), (name, row.values)


@FUZZ_TARGETS
@given(data=st.data())
def test_a_target_table_with_anything_changed_is_written_sane_or_refused(templates, tmp_path, data):
    path = _altered(templates["targets"], data, tmp_path / "fu2.xlsx")
    targets_written_or_refused(path, tmp_path / "new.yaml", data.draw(st.booleans()))


@FUZZ_TARGETS
@given(data=st.data())
def test_a_target_table_with_damaged_bytes_is_written_sane_or_refused(templates, tmp_path, data):
    path = _damaged(templates["targets"], data, tmp_path / "fu2.xlsx")
    targets_written_or_refused(path, tmp_path / "new.yaml", False)


def rubric_written_or_refused(path: Path, out: Path) -> None:
    """``fieldcheck rubric import-xlsx``: a rubric file that loads as the version read, or refused with no file."""
    out.unlink(missing_ok=True)
    try:
        imported = read_rubric_workbook(path)
        write_rubric_yaml(imported, path, out)
    except Exception as exc:
        assert_one_sentence_each(exc)
        assert not out.exists()
        return
    again, problems = check_file(out)
    assert again is not None and again.version == imported.rubric.version, problems


@FUZZ
@given(data=st.data())
def test_a_rubric_workbook_with_anything_changed_is_read_sane_or_refused(templates, tmp_path, data):
    path = _altered(templates["rubric"], data, tmp_path / "rubric.xlsx")
    rubric_written_or_refused(path, tmp_path / "rubric.yaml")


@FUZZ
@given(data=st.data())
def test_a_rubric_workbook_with_damaged_bytes_is_read_sane_or_refused(templates, tmp_path, data):
    path = _damaged(templates["rubric"], data, tmp_path / "rubric.xlsx")
    rubric_written_or_refused(path, tmp_path / "rubric.yaml")


@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_real_command_exits_0_or_1_and_never_shows_a_traceback(templates, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("cli")
    path = _damaged(templates["roster_long"], data, folder / "roster.xlsx")
    env = {**os.environ, "FIELDCHECK_LANG": "zh", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "fieldcheck", "import", "roster", str(path), "--db",
                           str(folder / "f.db")], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    said = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith("提示:")]
    if done.returncode == 1:
        assert said and not said[0].startswith(" ") and all(line.startswith("  ") for line in said[1:]), done.stderr
    else:
        assert said == [], done.stderr


def test_the_fuzz_builds_what_it_alters_from_valid_workbooks(store, templates, tmp_path):
    """The templates import cleanly as they are, so every refusal above is the change's doing."""
    for name in ("roster_long", "roster_per_village"):
        (tmp_path / f"{name}.xlsx").write_bytes(templates[name])
        roster = read_roster(tmp_path / f"{name}.xlsx")
        assert roster.problems == [] and import_roster(store, roster).added > 0
    (tmp_path / "fu2.xlsx").write_bytes(templates["targets"])
    assert not read_targets(tmp_path / "fu2.xlsx", catalog.find("hengyang-2015")).problems
    (tmp_path / "rubric.xlsx").write_bytes(templates["rubric"])
    assert read_rubric_workbook(tmp_path / "rubric.xlsx").rubric.version == catalog.find("county-township").version
    assert re.search("张三", "\n".join(store.connection.iterdump()))
