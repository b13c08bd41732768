"""Reading a workbook into plain grids: python-calamine by default, openpyxl where types matter.

python-calamine reads .xlsx, .xls and .ods about ten times faster than openpyxl's
read-only mode (benchmarks/bench_tables.py) and still reports merged ranges, so rosters
and target tables are read with it. It returns every number as a float; a rubric
workbook, whose cells must come back with exactly the types they were written with
(2 stays 2, 2.0 stays 2.0, so the rubric version survives a round trip), is read with
openpyxl in normal mode.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from fieldcheck.file_errors import cannot_read
from fieldcheck.i18n import t
from fieldcheck.tables.cells import TableError

#: a merged range as zero-based ((first row, first column), (last row, last column))
Range = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class Sheet:
    """One worksheet as a grid from A1: ``rows[r][c]``, empty cells as None."""

    name: str
    rows: list[list[Any]]
    merged: list[Range] = field(default_factory=list)

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


def _missing(path: Path) -> TableError:
    return TableError(cannot_read(path, IsADirectoryError() if path.is_dir() else FileNotFoundError()))


def _unreadable(path: Path, why: object) -> TableError:
    # the reader's words ("Cannot detect file format", a zip error) are for programmers; what to do is what helps
    return TableError(t(f"{path} 不是可读取的 Excel 工作簿(.xlsx、.xls 或 .ods);请用 Excel 或 WPS 打开后另存为 .xlsx",
                        f"{path} is not a readable Excel workbook (.xlsx, .xls or .ods); open it in Excel or WPS and "
                        "save it as .xlsx"))


def read_fast(path: str | Path) -> list[Sheet]:
    """Every sheet of a workbook with python-calamine: numbers as floats, merged ranges kept."""
    path = Path(path)
    if not path.is_file():
        raise _missing(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in book.sheet_names:
            raw = book.get_sheet_by_name(name)
            rows = [[None if v == "" else v for v in row] for row in raw.to_python(skip_empty_area=False)]
            sheets.append(Sheet(name, rows, list(raw.merged_cell_ranges or [])))
        return sheets
    except (CalamineError, OSError, ValueError) as exc:
        raise _unreadable(path, exc) from None


def read_exact(path: str | Path) -> list[Sheet]:
    """Every sheet with openpyxl in normal mode: ints, floats, text and booleans as written."""
    import openpyxl  # lazy: openpyxl takes a third of a second to import
    from openpyxl.utils.exceptions import InvalidFileException  # lazy: with openpyxl

    path = Path(path)
    if not path.is_file():
        raise _missing(path)
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _unreadable(path, exc) from None
    sheets = []
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        merged = [((m.min_row - 1, m.min_col - 1), (m.max_row - 1, m.max_col - 1)) for m in ws.merged_cells.ranges]
        sheets.append(Sheet(ws.title, rows, merged))
    book.close()
    return sheets
