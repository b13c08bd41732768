"""The companion sheets of a rubric workbook: 细则信息, 目标任务分解表 and 其他设置.

The criteria table is read by ``rubric_import``; these sheets hold what the rubric says beside
it (its id and title, sampling, grade bands, the county targets, top-level blocks kept as YAML).
Each function reports bad cells to the import's reader, so every problem is said at once.
"""

from __future__ import annotations

from typing import Any

import yaml

from fieldcheck.tables.cells import cell_ref, clean_text
from fieldcheck.tables.reading import Sheet
from fieldcheck.tables.rubric_export import rubric_data
from fieldcheck.tables.rubric_layout import GRADES_HEADER, INFO_ROWS, NO, SAMPLING_ROWS, TARGET_EXTRA, YES


def read_extra(reader: Any, sheet: Sheet, data: dict[str, Any]) -> None:
    """Top-level blocks kept as YAML text, one per row (the ranking, declared readings, …)."""
    for r, row in enumerate(sheet.rows):
        key = clean_text(row[0] if row else None)
        if r == 0 or not key or len(row) < 2 or row[1] is None:
            continue
        try:
            data[key] = rubric_data(str(row[1]))
        except yaml.YAMLError as exc:
            # PyYAML's words are for programmers; the line inside the cell is what helps
            mark = getattr(exc, "problem_mark", None)
            at = mark.line + 1 if mark else 1
            reader.bad(sheet.name, r, 1, f"「{key}」不是有效的 YAML:请检查单元格中第 {at} 行的括号、引号、冒号和缩进",
                       f"'{key}' is not valid YAML: check the brackets, quotes, colons and indentation on line {at} "
                       "of the cell")


def read_info(reader: Any, sheet: Sheet, data: dict[str, Any]) -> None:
    """细则信息: id, title, source, sampling, grade bands… into ``data``; bad cells to ``reader``."""
    labels = {label: key for key, label in INFO_ROWS}
    sampling_labels = {label: key for key, label in SAMPLING_ROWS}
    grades_at = None
    for r, row in enumerate(sheet.rows):
        label: Any = clean_text(row[0] if row else None)
        if label == GRADES_HEADER[0]:
            grades_at = r
            break
        if label in sampling_labels and len(row) > 1 and row[1] is not None:
            key = sampling_labels[label]
            sampling = data.setdefault("sampling", {})
            if key == "share":
                sampling[key] = reader.number(sheet, r, 1, "入户抽查比例", "the share of households (入户抽查比例)")
            else:
                sampling[key] = row[1] if isinstance(row[1], str) else clean_text(row[1])
            continue
        if label not in labels or len(row) < 2 or row[1] is None:
            continue
        key, value = labels[label], row[1]
        if key == "complete":
            flag = clean_text(value)
            if flag not in (YES, NO):
                reader.bad(sheet.name, r, 1, f"应填「{YES}」或「{NO}」", f"expected {YES} or {NO}")
            data[key] = flag == YES
        elif key in ("missing", "groups"):
            data[key] = [v for v in str(value).split("\n") if v.strip()]
        elif key == "full_marks":  # the whole the text gives (海口: 满分100分); the parts must add up to it
            data[key] = reader.number(sheet, r, 1, "满分", "the full marks (满分)")
            reader.cells["full_marks"] = (sheet.name, cell_ref(r, 1))
        else:
            data[key] = value if isinstance(value, str) else clean_text(value)
    if grades_at is None:
        return
    grades = []
    for r in range(grades_at + 1, len(sheet.rows)):
        row = sheet.rows[r]
        label = row[0] if row else None
        if label is None:
            continue
        minimum = reader.number(sheet, r, 1, "最低分", "the grade's minimum score (最低分)")
        if minimum is None and not any(p.cell == cell_ref(r, 1) for p in reader.problems):
            reader.bad(sheet.name, r, 1, f"等级「{label}」缺少最低分(留待县里填写,不完整)",
                       f"the grade '{label}' has no minimum score yet: left for the county to fill in")
        grades.append({"label": label if isinstance(label, str) else clean_text(label), "min": minimum})
    if grades:
        data["grades"] = [{"min": g["min"], "label": g["label"]} for g in grades]


def read_targets(reader: Any, sheet: Sheet) -> dict[str, Any]:
    """目标任务分解表: the target table's columns and rows, numbers read as ``reader`` reads them."""
    header = sheet.rows[0] if sheet.rows else []
    extra_at = header.index(TARGET_EXTRA) if TARGET_EXTRA in header else None
    columns = [c for i, c in enumerate(header[2:], start=2) if c is not None and i != extra_at]
    rows = []
    for r in range(1, len(sheet.rows)):
        row = sheet.rows[r]
        if not row or row[0] is None:
            continue
        entry: dict[str, Any] = {"name": row[0] if isinstance(row[0], str) else clean_text(row[0])}
        if len(row) > 1 and row[1] is not None:
            entry["group"] = row[1]
        values = {}
        for i, column in enumerate(columns):
            number = reader.number(sheet, r, i + 2, str(column), str(column))
            if number is not None:
                values[column] = number
        entry["values"] = values
        if extra_at is not None and len(row) > extra_at and row[extra_at] not in (None, ""):
            entry.update(reader.yaml_mapping(sheet.name, r, extra_at, row[extra_at]))
        rows.append(entry)
    return {"columns": columns, "rows": rows}
