"""Writing a rubric in the officials' layout (``fieldcheck rubric export-xlsx``).

The workbook is written from the rubric file's own data, not from the parsed model, so
that reading it back (``rubric_import``) gives the very same data and so the same
version. It is meant to be edited: 序号 | 考核内容 | 评分标准 | 标准分值 first, as the
official tables print them, frozen header rows, widths that fit Chinese text, and lists
to pick the rule form and the row type from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from fieldcheck.output import write_built
from fieldcheck.tables.cells import column_letter, display_width
from fieldcheck.tables.rubric_layout import (
    BONUS_SECTION,
    COLUMNS,
    EXTRA_HEADER,
    EXTRA_SHEET,
    GRADES_HEADER,
    INFO_ROWS,
    INFO_SHEET,
    ITEM,
    LAID_OUT,
    NO,
    NODE_KEYS,
    RUBRIC_SHEET,
    RULE_LABELS,
    SAMPLING_ROWS,
    SECTION,
    TARGET_EXTRA,
    TARGET_ROW_KEYS,
    TARGET_SHEET,
    YES,
    flow,
)

FONT = "宋体"
WIDEST = 60


class _TextIdLoader(yaml.SafeLoader):
    """YAML as the rubric loader reads it: an ``id`` is its text ("1.1" stays "1.1")."""


def _mapping(loader: _TextIdLoader, node: yaml.MappingNode) -> dict:
    result = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key == "id" and isinstance(value_node, yaml.ScalarNode):
            result[key] = value_node.value
        else:
            result[key] = loader.construct_object(value_node, deep=True)
    return result


_TextIdLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def rubric_data(text: str) -> dict[str, Any]:
    """A rubric file's data exactly as its version is computed from (``canonical_version``)."""
    return yaml.load(text, Loader=_TextIdLoader)


def node_rows(children: list[dict], parent: str | None = None) -> list[dict[str, Any]]:
    """The 考评表 rows of a tree of sections and items, depth first, each naming its parent."""
    rows = []
    for node in children:
        is_section = "children" in node
        row: dict[str, Any] = {"id": node.get("id"), "content": node.get("content"), "standard": node.get("standard"),
                               "points": node.get("points"), "title": node.get("title"), "parent": parent,
                               "cap": node.get("cap"), "note": node.get("note")}
        extra = {k: v for k, v in node.items() if k not in NODE_KEYS}
        row["extra"] = flow(extra) if extra else None
        if is_section:
            row["kind"] = BONUS_SECTION if node.get("kind") == "bonus" else SECTION
            if node.get("missing"):
                row["missing"] = "\n".join(str(m) for m in node["missing"])
        else:
            row["kind"] = ITEM
            spec = dict(node.get("rule") or {})
            kind = spec.pop("type", None)
            row["rule"] = RULE_LABELS.get(kind, kind)
            amount_key = "add" if kind == "bonus" else "deduct"
            row["amount"] = spec.pop(amount_key, None)
            row["params"] = flow(spec) if spec else None
        rows.append(row)
        if is_section:
            rows.extend(node_rows(node.get("children") or [], str(node.get("id"))))
    return rows


def write_rubric_workbook(data: dict[str, Any], path: str | Path) -> None:
    """The rubric's data as a workbook of three sheets: 考评表, 细则信息, 目标任务分解表 (when it has targets)."""
    import openpyxl  # lazy: openpyxl takes a third of a second to import
    from openpyxl.styles import Alignment, Font, PatternFill  # lazy: with openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation  # lazy: with openpyxl

    to_fill = PatternFill("solid", fgColor="FFF2CC")  # a cell left for the county to fill in
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = RUBRIC_SHEET
    headers = [label for _, label, _ in COLUMNS]
    ws.append([data.get("title") or ""])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A1"].font = Font(name=FONT, bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(headers)
    for row in node_rows(data.get("children") or []):
        ws.append([row.get(name) for name, _, _ in COLUMNS])
    _style_table(ws, header_row=2, font=Font(name=FONT, bold=True), wrap=Alignment(wrap_text=True, vertical="top"))
    for name, width in (("content", 40), ("standard", 40), ("title", 22), ("rule", 14), ("params", 30),
                        ("note", 30), ("missing", 24)):
        letter = column_letter([n for n, _, _ in COLUMNS].index(name))  # room to fill in, wrapped past it
        ws.column_dimensions[letter].width = width
    _fit_rows(ws, 3)
    points_col = [n for n, _, _ in COLUMNS].index("points") + 1
    kind_col = [n for n, _, _ in COLUMNS].index("kind") + 1
    for r in range(3, ws.max_row + 1):  # what a template leaves for the county, shown in yellow
        if ws.cell(r, points_col).value is None and ws.cell(r, kind_col).value in (SECTION, BONUS_SECTION):
            ws.cell(r, points_col).fill = to_fill
    _print_setup(ws)
    ws.freeze_panes = "B3"
    ws.print_title_rows = "1:2"
    ws.auto_filter.ref = f"A2:{column_letter(len(headers) - 1)}{max(ws.max_row, 2)}"
    last = max(ws.max_row, 200)
    rule_col = column_letter([n for n, _, _ in COLUMNS].index("rule"))
    kind_col = column_letter([n for n, _, _ in COLUMNS].index("kind"))
    rules = DataValidation(type="list", formula1='"' + ",".join(RULE_LABELS.values()) + '"', allow_blank=True)
    rules.add(f"{rule_col}3:{rule_col}{last}")
    kinds = DataValidation(type="list", formula1=f'"{SECTION},{BONUS_SECTION},{ITEM}"', allow_blank=True)
    kinds.add(f"{kind_col}3:{kind_col}{last}")
    ws.add_data_validation(rules)
    ws.add_data_validation(kinds)

    info = book.create_sheet(INFO_SHEET)
    for key, label in INFO_ROWS:
        value = data.get(key)
        if key == "complete" and value is not None:
            value = YES if value else NO
        elif isinstance(value, list):
            value = "\n".join(str(v) for v in value)
        info.append([label, value])
    sampling = data.get("sampling")
    if isinstance(sampling, dict):  # the share officials fill in, as a number (0.1, or 10% in Excel)
        for key, label in SAMPLING_ROWS:
            if sampling.get(key) is not None:
                info.append([label, sampling[key]])
    info_rows = info.max_row
    info.append([])
    info.append(list(GRADES_HEADER))
    grades_row = info.max_row
    for band in data.get("grades") or []:
        info.append([band.get("label"), band.get("min")])
    _style_table(info, header_row=grades_row, font=Font(name=FONT, bold=True), wrap=Alignment(wrap_text=True, vertical="top"))
    for r in range(1, info_rows + 1):
        info.cell(r, 1).font = Font(name=FONT, bold=True)
        info.cell(r, 1).alignment = Alignment(vertical="top")
        info.cell(r, 2).alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width = 12
    info.column_dimensions["B"].width = WIDEST
    _print_setup(info)
    _fit_rows(info, 1)
    for r in range(grades_row + 1, info.max_row + 1):
        if info.cell(r, 2).value is None:
            info.cell(r, 2).fill = to_fill

    targets = data.get("targets")
    if isinstance(targets, dict):
        sheet = book.create_sheet(TARGET_SHEET)
        columns = [str(c) for c in targets.get("columns") or []]
        sheet.append(["名称", "分组", *columns, TARGET_EXTRA])
        for row in targets.get("rows") or []:
            values = row.get("values") or {}
            extra = {k: v for k, v in row.items() if k not in TARGET_ROW_KEYS}
            sheet.append([row.get("name"), row.get("group"), *(values.get(c) for c in columns),
                          flow(extra) if extra else None])
        _style_table(sheet, header_row=1, font=Font(name=FONT, bold=True), wrap=Alignment(wrap_text=True, vertical="top"))
        sheet.freeze_panes = "B2"
        sheet.print_title_rows = "1:1"
        _print_setup(sheet)
    extra = {key: value for key, value in data.items() if key not in LAID_OUT}
    if extra:
        sheet = book.create_sheet(EXTRA_SHEET)
        sheet.append(list(EXTRA_HEADER))
        for key, value in extra.items():
            sheet.append([key, yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100).strip()])
        _style_table(sheet, header_row=1, font=Font(name=FONT, bold=True), wrap=Alignment(wrap_text=True, vertical="top"))
        sheet.column_dimensions["A"].width = 14
        sheet.column_dimensions["B"].width = WIDEST + 40
        _print_setup(sheet)
    write_built(path, book.save)


def _print_setup(ws) -> None:
    """Landscape, every column on one page's width, as the official tables are printed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _style_table(ws, *, header_row: int, font, wrap) -> None:
    """Bold header, wrapped text, and widths that fit Chinese text (a wide character counts two)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a criterion that starts with "=" is text, not a formula
            if cell.value is None or cell.row < header_row:
                continue
            longest = max(display_width(line) for line in str(cell.value).split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
            if cell.row == header_row:
                cell.font = font
            else:
                cell.alignment = wrap
    for col, width in widths.items():
        ws.column_dimensions[column_letter(col - 1)].width = min(width + 2, WIDEST)


def _fit_rows(ws, first_row: int) -> None:
    """Row heights for the wrapped text (no office suite fits them on opening): 15 points a line."""
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is None:
                continue
            width = ws.column_dimensions[column_letter(cell.column - 1)].width or 10
            for part in str(cell.value).split("\n"):
                lines_here = -(-display_width(part) // max(int(width) - 1, 1))
                lines = max(lines, lines_here + str(cell.value).count("\n"))
        ws.row_dimensions[row[0].row].height = 15 * lines + 2


def export_rubric(rubric, path: str | Path) -> None:
    """Write an installed or loaded rubric (its file's data) to ``path``."""
    write_rubric_workbook(rubric_data(rubric.text), path)
