"""What python-calamine does not say of an .ods: failed formulas, percentages and merged cells.

calamine gives a LibreOffice or WPS formula that failed (#DIV/0!, #N/A, Err:502) as an empty
cell and 16.7% as 0.167, as it does for an .xlsx (``sniff.formula_errors``, ``reading.mark_percent``),
and no merged ranges at all, so a 附2 whose header spans two rows lost its columns. The .ods's own
XML says all three: ``calcext:value-type="error"``, ``office:value-type="percentage"`` and
``table:number-columns-spanned``/``number-rows-spanned``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from fieldcheck.tables.sniff import ZIP_DAMAGE

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
#: the most repeats of one cell or row taken: a county's table is far smaller than a padded sheet's end
_MOST = 1024


@dataclass
class OdsCells:
    #: {sheet: {zero-based (row, column): "#DIV/0!"}}
    errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    #: {sheet: {zero-based (row, column)}}
    percent: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    #: {sheet: [((first row, first column), (last row, last column))]}, zero-based, as calamine gives an .xlsx's
    merged: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = field(default_factory=dict)


def ods_cells(path: Path) -> OdsCells:
    """The failed formulas and percentages of an .ods, by sheet and cell; nothing for a damaged file
    (the reader says so)."""
    from xml.etree import ElementTree  # lazy: only for .ods workbooks

    found = OdsCells()
    sheet, row, col = "", 0, 0
    in_row: list[tuple[int, str | None]] = []  # this row's cells found: a repeated row repeats them
    try:
        with zipfile.ZipFile(path) as z, z.open("content.xml") as content:
            for event, el in ElementTree.iterparse(content, events=("start", "end")):
                tag = el.tag
                if event == "start":
                    if tag == f"{{{_TABLE}}}table":
                        sheet, row = el.get(f"{{{_TABLE}}}name", ""), 0
                    elif tag == f"{{{_TABLE}}}table-row":
                        col = 0
                    continue
                if tag in _CELLS:
                    repeat = _count(el.get(f"{{{_TABLE}}}number-columns-repeated"))
                    rows, cols = (_count(el.get(f"{{{_TABLE}}}number-{k}-spanned")) for k in ("rows", "columns"))
                    if rows > 1 or cols > 1:
                        found.merged.setdefault(sheet, []).append(((row, col), (row + rows - 1, col + cols - 1)))
                    if el.get(f"{{{_CALCEXT}}}value-type") == "error":
                        text = "".join(el.itertext()).strip() or "#VALUE!"
                        in_row += [(col + k, text) for k in range(min(repeat, _MOST))]
                    elif el.get(f"{{{_OFFICE}}}value-type") == "percentage":
                        in_row += [(col + k, None) for k in range(min(repeat, _MOST))]
                    col += repeat
                    el.clear()  # a sheet's cells are not kept: memory stays flat however large the file
                elif tag == f"{{{_TABLE}}}table-row":
                    for r in range(row, row + min(_count(el.get(f"{{{_TABLE}}}number-rows-repeated")), _MOST)):
                        for c, text in in_row:
                            if text is None:
                                found.percent.setdefault(sheet, set()).add((r, c))
                            else:
                                found.errors.setdefault(sheet, {})[(r, c)] = text
                    row += _count(el.get(f"{{{_TABLE}}}number-rows-repeated"))
                    in_row = []
                    el.clear()
    except (*ZIP_DAMAGE, KeyError, OSError, ValueError, ElementTree.ParseError):
        return found
    return found


def _count(value: str | None) -> int:
    """A repeat count as written (LibreOffice pads a sheet's end with rows repeated a million times)."""
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1
