"""Reading a workbook into plain grids: python-calamine by default, openpyxl where types matter.

python-calamine reads .xlsx, .xls and .ods about ten times faster than openpyxl's
read-only mode (benchmarks/bench_tables.py) and still reports merged ranges, so rosters
and target tables are read with it. It returns every number as a float; a rubric
workbook, whose cells must come back with exactly the types they were written with
(2 stays 2, 2.0 stays 2.0, so the rubric version survives a round trip), is read with
openpyxl in normal mode.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from fieldcheck.i18n import t
from fieldcheck.tables.cells import CellError, TableError
from fieldcheck.tables.ods_cells import ods_cells
from fieldcheck.tables.sniff import SAVE_AS, ZIP_DAMAGE, formula_errors, refuse_uncalculated, workbook_kind

#: a merged range as zero-based ((first row, first column), (last row, last column))
Range = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class Sheet:
    """One worksheet as a grid from A1: ``rows[r][c]``, empty cells as None."""

    name: str
    rows: list[list[Any]]
    merged: list[Range] = field(default_factory=list)
    #: hidden in Excel (an old copy, a lookup list): what the clerk sees is not in it
    hidden: bool = False
    #: zero-based (row, column) of cells formatted as a percentage: 16.7% is stored as 0.167
    percent: set[tuple[int, int]] = field(default_factory=set)

    def value(self, row: int, col: int) -> Any:
        if row < len(self.rows) and col < len(self.rows[row]):
            return self.rows[row][col]
        return None

    def fill_merged(self) -> Sheet:
        """Give every cell of a merged range its top-left value, as a person reading it sees it."""
        for (r1, c1), (r2, c2) in self.merged:
            top = self.value(r1, c1)
            for r in range(r1, min(r2, len(self.rows) - 1) + 1):
                row = self.rows[r]
                if len(row) <= c2:
                    row.extend([None] * (c2 + 1 - len(row)))
                for c in range(c1, c2 + 1):
                    row[c] = top
        return self


def _damaged(path: Path) -> TableError:
    return TableError(t(f"{path} 已损坏,或其中有无法读取的内容;{SAVE_AS[0]}",
                        f"{path} is damaged or holds something that cannot be read; {SAVE_AS[1]}"))


def _locked(path: Path) -> TableError:
    return TableError(t(f"{path} 设有打开密码;请在 Excel 或 WPS 中去掉密码另存后再导入",
                        f"{path} is protected by a password; remove it in Excel or WPS, save, and import that"))


def _panicked(exc: BaseException) -> bool:
    """Whether python-calamine's Rust code panicked on a damaged file (a BaseException: pyo3 makes its type,
    PanicException, at the first panic, so there is no name to import and catch)."""
    return type(exc).__name__ == "PanicException"


@contextmanager
def _panic_report_held() -> Iterator[None]:
    """Rust prints a panic's report (and backtrace) on stderr itself, beside the sentence the user is given:
    while calamine reads, stderr goes to a file, written out afterwards unless calamine panicked."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no stderr (a windowed build): nothing to keep clean
        yield
        return
    panicked = False
    with tempfile.TemporaryFile() as held:
        os.dup2(held.fileno(), 2)
        try:
            yield
        except BaseException as exc:
            panicked = _panicked(exc)
            raise
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            if not panicked:
                held.seek(0)
                os.write(2, held.read())


def read_fast(path: str | Path) -> list[Sheet]:
    """Every sheet of a workbook with python-calamine: numbers as floats, merged ranges kept.

    The format is taken from the file's bytes, so an .xls or .ods saved under an .xlsx name is read.
    """
    path = Path(path)
    errors: dict[str, dict[tuple[int, int], str]] = {}
    merged: dict[str, list] = {}
    percent: dict[str, set[tuple[int, int]]] = {}
    kind = workbook_kind(path)
    if kind == "xlsx":
        refuse_uncalculated(path)
        errors = formula_errors(path)  # calamine gives a failed formula as an empty cell
    elif kind == "ods":  # one pass over its XML says all three (an .xlsx's percentages: ``mark_percent``)
        ods = ods_cells(path)
        errors, merged, percent = ods.errors, ods.merged, ods.percent
    try:
        with _panic_report_held(), path.open("rb") as f:  # calamine tells the format by content, not by the name
            book = CalamineWorkbook.from_filelike(f)
            sheets = []
            for meta in book.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:  # a chart sheet has no cells
                    continue
                raw = book.get_sheet_by_name(meta.name)
                rows = [[None if v == "" else v for v in row] for row in raw.to_python(skip_empty_area=False)]
                for (r, c), text in errors.get(meta.name, {}).items():
                    if r < len(rows) and c < len(rows[r]):
                        rows[r][c] = CellError(text)
                sheets.append(Sheet(meta.name, rows, list(raw.merged_cell_ranges or merged.get(meta.name, [])),
                                    hidden=meta.visible != SheetVisibleEnum.Visible,
                                    percent=set(percent.get(meta.name, ()))))
        return sheets
    except PasswordError:
        raise _locked(path) from None
    except (CalamineError, OSError, ValueError):
        raise _damaged(path) from None
    except BaseException as exc:
        if not _panicked(exc):
            raise
        raise _damaged(path) from None


def read_exact(path: str | Path) -> list[Sheet]:
    """Every sheet with openpyxl in normal mode: ints, floats, text and booleans as written."""
    import openpyxl  # lazy: openpyxl takes a third of a second to import
    from openpyxl.utils.exceptions import InvalidFileException  # lazy: with openpyxl

    path = Path(path)
    kind = workbook_kind(path)
    if kind != "xlsx":  # openpyxl reads .xlsx only
        raise TableError(t(f"{path} 是 .{kind} 格式的工作簿,这里需要 .xlsx;请在 Excel 或 WPS 中另存为 .xlsx 后再导入",
                           f"{path} is an .{kind} workbook and an .xlsx is needed here; save it as .xlsx in Excel "
                           "or WPS and import that"))
    refuse_uncalculated(path)
    try:
        with path.open("rb") as f:  # from a file, openpyxl does not refuse a workbook for its name's suffix
            book = openpyxl.load_workbook(f, data_only=True)
    except (InvalidFileException, *ZIP_DAMAGE, KeyError, OSError, ValueError, TypeError, SyntaxError):
        raise _damaged(path) from None  # SyntaxError: the XML parsers' (ElementTree's and lxml's)
    sheets = []
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        merged = [((m.min_row - 1, m.min_col - 1), (m.max_row - 1, m.max_col - 1)) for m in ws.merged_cells.ranges]
        sheets.append(Sheet(ws.title, rows, merged, hidden=ws.sheet_state != "visible"))
    book.close()
    return sheets


def mark_percent(path: str | Path, sheets: list[Sheet]) -> None:
    """Note in each sheet the cells an .xlsx formats as percentages (python-calamine gives only 0.167 for 16.7%).

    For small tables (targets): openpyxl reads the styles. An .ods's are noted by ``read_fast`` already,
    from the XML it reads anyway; an .xls keeps its plain values (its formats are binary records
    calamine does not give).
    """
    path = Path(path)
    if workbook_kind(path) != "xlsx":
        return
    by_name = {s.name: s for s in sheets}
    import openpyxl  # lazy: openpyxl takes a third of a second to import
    try:
        with path.open("rb") as f:
            book = openpyxl.load_workbook(f, read_only=True)
            for ws in book.worksheets:
                sheet = by_name.get(ws.title)
                if sheet is None:
                    continue
                for row in ws.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, (int, float)) and "%" in str(cell.number_format or ""):
                            sheet.percent.add((cell.row - 1, cell.column - 1))
            book.close()
    except (*ZIP_DAMAGE, KeyError, OSError, ValueError, TypeError, AttributeError, SyntaxError):
        return  # calamine read it: its values stand
