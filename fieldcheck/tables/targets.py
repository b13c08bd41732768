"""Target tables laid out like 附2 目标任务分解表, imported as a rubric's targets.

The table has one row per county or district and one or two header rows: a group title
merged over its columns ("2015年减贫目标数" over 减贫率(%) | 减少人数(人) | …) and the
columns under it. Each sheet column is matched to one of the rubric's target columns,
whose names the rules use: by its name, its group title and name together, or (for
names the rubric writes differently, "收入增长率(%)" under "贫困村居民年人均可支配收入 |
增长率(%)") by the longest run of characters they share, with the same unit.

Rubric files are the source of truth, so the result is a new rubric file: the source's
text with its ``targets:`` block replaced, every comment and every other line kept, and
checked by the rubric loader before it is written. A row keeps the group the rubric
gave it; a new row takes its group from a 分组 column, or has none (reported).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from fieldcheck.engine.numbers import shown
from fieldcheck.engine.rubric import Rubric
from fieldcheck.engine.rubric_file import check_text
from fieldcheck.i18n import t
from fieldcheck.output import write_text
from fieldcheck.store import holds_id_number
from fieldcheck.tables.cells import (
    CellProblem,
    TableError,
    cell_ref,
    clean_text,
    formula_failed,
    header_key,
    is_absurd,
    name_text,
    parse_number,
    plain_number,
    sheet_label,
)
from fieldcheck.tables.headers import HEADER_SEARCH_ROWS, match_header
from fieldcheck.tables.reading import Sheet, mark_percent, read_fast

NAME_HEADERS = {"name": ["市县名", "县市区", "县市区名", "县(市、区)", "单位", "单位名称", "名称", "地区", "县市名"],
                "group": ["分组", "组别", "考核分组"]}
NOTE_PREFIXES = ("注", "备注", "说明")
_UNIT = re.compile(r"[((]([^()()]*)[))]\s*$")


@dataclass
class TargetTable:
    rows: list[dict] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    matched: dict[str, str] = field(default_factory=dict)  # rubric column → sheet header as read
    columns: list[str] = field(default_factory=list)  # the target table's columns, in order


def _unit(text: str) -> str:
    found = _UNIT.search(text)
    if found:
        return header_key(found.group(1))
    return header_key(text) if len(header_key(text)) <= 2 else ""


def _common_run(a: str, b: str) -> int:
    """The length of the longest run of characters both texts share."""
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


class _NotPercent(ValueError):
    pass


def _percent(number: Decimal, column: str) -> Decimal:
    """A percentage-formatted cell as the clerk sees it: 16.7% in a (%) column is 16.7, not 0.167."""
    if _unit(column) != "%":
        raise _NotPercent(column)
    number *= 100
    return Decimal(int(number)) if number == number.to_integral_value() else number.normalize()


def column_name(top: str, sub: str) -> str:
    """A column's name from its two header rows: the name under a group title, or the title with its unit.

    "2015年减贫目标数 / 减贫率(%)" → "减贫率(%)"; "贫困村居民年人均可支配收入 / (元)" →
    "贫困村居民年人均可支配收入(元)"; "精准扶贫到人、到户数 / 人" → "精准扶贫到人、到户数(人)".
    """
    if not sub or sub == top:
        return top
    if _UNIT.fullmatch(sub) or len(header_key(sub)) <= 2:
        return top + (sub if _UNIT.fullmatch(sub) else f"({sub})")
    return sub


def match_columns(labels: dict[int, tuple[str, str]], wanted: list[str]) -> dict[str, int]:
    """{rubric column: sheet column} from each sheet column's (group title, name)."""
    found: dict[str, int] = {}
    free = dict(labels)
    for column in wanted:  # exact names first
        key = header_key(column)
        for c, (top, sub) in free.items():
            if key in {header_key(sub), header_key(top + sub), header_key(top)} - {""}:
                found[column] = c
                del free[c]
                break
    scored = []
    for column in wanted:
        if column in found:
            continue
        key, unit = header_key(column), _unit(column)
        for c, (top, sub) in free.items():
            their = _unit(sub or top)
            if unit and their and unit != their:
                continue
            whole = header_key(top + sub if sub != top else top)
            run = _common_run(key, whole)
            if run / max(len(key), 1) >= 0.6:
                scored.append((run / len(key), run, column, c))
    for _, _, column, c in sorted(scored, reverse=True):
        if column not in found and c in free:
            found[column] = c
            del free[c]
    return found


def read_targets(path: str | Path, rubric: Rubric, sheets: list[Sheet] | None = None) -> TargetTable:
    """The rows of the first sheet that has a 市县名 (or 县市区, 单位 …) header."""
    table = TargetTable()
    if sheets is None:
        sheets = read_fast(path)
        mark_percent(path, sheets)
    hidden = [sheet_label(s.name) for s in sheets if s.hidden]
    found = [(s, *at) for s in sheets if not s.hidden  # a hidden sheet is an old copy or a list, not the table shown
             for at in [_table_header(s)] if at is not None]
    if found:
        sheet, h, name_col, names = found[0]
        _read_sheet(sheet, h, name_col, names, rubric, table)
        table.warnings += [t(f"只读取了工作表「{sheet_label(sheet.name)}」;工作表「{sheet_label(other[0].name)}」也像目标表,没有读取(需要时请单独存为一个工作簿再导入)",
                             f"only sheet '{sheet_label(sheet.name)}' was read; sheet '{sheet_label(other[0].name)}' also looks like a target "
                             "table and was not read (save it as a workbook of its own to import it)")
                           for other in found[1:]]
        table.warnings += [t(f"隐藏的工作表「{name}」没有读取", f"the hidden sheet '{name}' was not read") for name in hidden]
        return table
    if hidden:
        raise TableError(t(f"{path} 中可见的工作表里没有目标任务分解表(隐藏的工作表「{'」「'.join(hidden)}」没有读取);"
                           "如果表在隐藏的工作表中,请在 Excel 或 WPS 中取消隐藏后再导入",
                           f"no target table in the visible sheets of {path} (the hidden sheets '{', '.join(hidden)}' "
                           "were not read); if the table is on a hidden sheet, unhide it in Excel or WPS and import again"))
    raise TableError(t(f"{path} 中没有目标任务分解表:需要一行表头,首列为「市县名」(或县市区、单位)",
                       f"no target table in {path}: a header row starting with 市县名 (or 县市区, 单位) is needed"))


def _table_header(sheet: Sheet) -> tuple[int, int, dict] | None:
    """(header row, name column, each column's header field) of a sheet's target table, or None."""
    sheet.fill_merged()
    for h in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        names = {c: match_header(v, NAME_HEADERS) for c, v in enumerate(sheet.rows[h])}
        name_col = next((c for c, n in names.items() if n == "name"), None)
        if name_col is not None:
            return h, name_col, names
    return None


def _read_sheet(sheet: Sheet, h: int, name_col: int, names: dict, rubric: Rubric, table: TargetTable) -> None:
    group_col = next((c for c, n in names.items() if n == "group"), None)
    two_rows = h + 1 < len(sheet.rows) and clean_text(sheet.value(h + 1, name_col)) == clean_text(sheet.value(h, name_col))
    start = h + 2 if two_rows else h + 1
    labels = {}
    for c in range(len(sheet.rows[h])):
        if c in (name_col, group_col):
            continue
        top = clean_text(sheet.value(h, c))
        sub = clean_text(sheet.value(h + 1, c)) if two_rows else top
        if top or sub:
            labels[c] = (top, sub)
    if rubric.target_columns:
        columns = match_columns(labels, rubric.target_columns)
        table.columns = list(rubric.target_columns)
    else:  # a rubric without a target table takes the sheet's columns, named as the sheet names them
        columns = {column_name(top, sub): c for c, (top, sub) in labels.items()}
        table.columns = list(columns)
    table.matched = {col: " / ".join(dict.fromkeys(labels[c])) for col, c in columns.items()}
    for c in set(labels) - set(columns.values()):
        table.warnings.append(t(f"工作表「{sheet_label(sheet.name)}」{cell_ref(h, c)} 列「{' / '.join(dict.fromkeys(labels[c]))}」不是细则的目标列,已忽略",
                                f"sheet '{sheet_label(sheet.name)}', column {cell_ref(h, c)} '{' / '.join(dict.fromkeys(labels[c]))}' is not one of the rubric's target columns and was ignored"))
    for col in table.columns:
        if col not in columns:
            table.warnings.append(t(f"表中没有细则的目标列「{col}」,各行都没有这一项", f"the table has no column for the rubric's '{col}'"))
    seen: dict[str, str] = {}
    for r in range(start, len(sheet.rows)):
        name = name_text(sheet.value(r, name_col))
        if not name or name.startswith(NOTE_PREFIXES):
            continue
        failed = formula_failed(sheet.name, r, name_col, sheet.value(r, name_col))
        if failed is not None:
            table.problems.append(failed)
            continue
        raw = sheet.value(r, name_col)  # a number of 15 digits or more: an ID number Excel kept as a number
        big = isinstance(raw, (int, float)) and not isinstance(raw, bool) and abs(raw) >= 1e14
        if big or holds_id_number(name):  # the rubric file travels in every bundle: no whole ID number in it
            table.problems.append(CellProblem(sheet.name, cell_ref(r, name_col), t(
                "这里是完整的身份证号,不是县市的名称;请改为县市名后再导入",
                "this holds a whole ID number, not a county's name; write the county's name instead and import again")))
            continue
        if name in seen:
            table.problems.append(CellProblem(sheet.name, cell_ref(r, name_col), t(
                f"「{name}」在 {seen[name]} 已有一行", f"'{name}' already has a row at {seen[name]}")))
            continue
        seen[name] = cell_ref(r, name_col)
        values: dict[str, Decimal] = {}
        ok = True
        for col, c in columns.items():
            raw = sheet.value(r, c)
            failed = formula_failed(sheet.name, r, c, raw)
            if failed is not None:  # read as empty, it would silently leave the target out
                table.problems.append(failed)
                ok = False
                continue
            problem = None
            try:
                number = parse_number(raw)
                if number is not None and (r, c) in sheet.percent:
                    number = _percent(number, col)
            except ValueError as exc:
                number = None
                typed = shown(clean_text(raw)) if not isinstance(exc, _NotPercent) else f"{float(raw) * 100:g}%"
                problem = (t(f"「{col}」的值「{typed}」太大或位数太多,不是合理的目标值;请填写实际的数",
                             f"'{typed}' is too large or too long to be a target for '{col}'; enter the real number")
                           if is_absurd(exc) else
                           t(f"单元格显示为百分数({typed}),而「{col}」不是百分比;请去掉百分比格式,填写实际的数",
                             f"the cell shows a percentage ({typed}) but '{col}' is not one; remove the percentage "
                             "format and enter the real number")
                           if isinstance(exc, _NotPercent) else
                           t(f"「{col}」应为数字,而这里是「{typed}」", f"expected a number for '{col}', found '{typed}'"))
            # the rubric refuses a negative target too, but would name the file never written
            if number is not None and number < 0:
                problem = t(f"「{col}」不能是负数,而这里是「{shown(clean_text(raw))}」",
                            f"'{col}' cannot be negative, found '{shown(clean_text(raw))}'")
            if problem is not None:
                table.problems.append(CellProblem(sheet.name, cell_ref(r, c), problem))
                ok = False
            elif number is not None:
                values[col] = number
        old = rubric.targets.get(name)
        typed = clean_text(sheet.value(r, group_col)) if group_col is not None else ""
        group: str | None = typed or (old.group if old is not None else "") or None
        if group is not None and group not in rubric.groups:
            table.problems.append(CellProblem(sheet.name, cell_ref(r, group_col if group_col is not None else name_col), t(
                f"分组应为 {'、'.join(rubric.groups) or '(无分组)'},而这里是「{group}」",
                f"expected a group of {', '.join(rubric.groups) or '(none)'}, found '{group}'")))
            ok = False
        if group is None and old is None and rubric.groups:
            table.warnings.append(t(f"新的一行「{name}」没有分组(可加一列「分组」)", f"the new row '{name}' has no group (add a 分组 column)"))
        if ok:
            row: dict = {"name": name, "group": group, "at": (sheet.name, seen[name])}  # "at": for problems found later
            if old is not None:  # what the rubric says of the row and a 附2 sheet cannot: not assessed, not ranked …
                row.update({k: v for k, v in (("assessee", old.assessee), ("ranked", old.ranked),
                                              ("partial", old.partial)) if v is not (k != "partial")})
                if old.note:
                    row["note"] = old.note
            row["values"] = values
            table.rows.append(row)
    for name in rubric.targets:  # the new file holds the sheet's rows only: a row left out is said, not lost unsaid
        if name not in seen:
            table.warnings.append(t(f"细则原有的「{name}」一行不在工作表「{sheet_label(sheet.name)}」中,新细则里没有它的目标;"
                                    "如需保留,请在表中加上这一行",
                                    f"the rubric's row '{name}' is not on sheet '{sheet_label(sheet.name)}', so the new rubric has no "
                                    "targets for it; to keep them, add the row to the table"))


# ---------------------------------------------------------------------------------------------
# the new rubric file


def _scalar(value: object) -> str:
    """A YAML scalar, quoted only when plain text would read differently."""
    if isinstance(value, Decimal):
        return json.dumps(plain_number(value))
    text = str(value)
    plain = bool(text) and not re.search(r"[:,\[\]{}#]", text) and text[0] not in "-?&*!|>'\"%@`" and text == text.strip()
    try:
        plain = plain and yaml.safe_load(text) == text
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def targets_block(columns: list[str], rows: list[dict]) -> str:
    lines = ["targets:", "  columns:"]
    lines += [f"    - {_scalar(c)}" for c in columns]
    lines.append("  rows:")
    for row in rows:
        lines.append(f"    - name: {_scalar(row['name'])}")
        if row.get("group"):
            lines.append(f"      group: {_scalar(row['group'])}")
        for key in ("assessee", "ranked", "partial"):
            if key in row:
                lines.append(f"      {key}: {'true' if row[key] else 'false'}")
        if row.get("note"):  # block style: a comma needs no quotes there
            lines.append("      " + yaml.safe_dump({"note": row["note"]}, allow_unicode=True, width=10_000).strip())
        ordered = [c for c in columns if c in row["values"]]
        values = ", ".join(f"{_scalar(k)}: {_scalar(row['values'][k])}" for k in ordered)
        lines.append(f"      values: {{{values}}}")
    return "\n".join(lines) + "\n"


def replace_targets(text: str, block: str) -> str:
    """The rubric text with its top-level ``targets:`` block replaced (or added before ``children:``)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("targets:")), None)
    if start is None:
        at = next((i for i, line in enumerate(lines) if line.startswith("children:")), len(lines))
        return "".join(lines[:at]) + block + "".join(lines[at:])
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#"):
        end += 1
    while end > start + 1 and lines[end - 1].lstrip().startswith("#"):  # a comment before the next key is that key's
        end -= 1
    while end > start + 1 and not lines[end - 1].strip():  # and so are the blank lines before it
        end -= 1
    return "".join(lines[:start]) + block + "".join(lines[end:])


def write_rubric_with_targets(rubric: Rubric, table: TargetTable, out: str | Path) -> Rubric:
    """Write the rubric with the table's rows as its targets; the new file is checked before it is written."""
    block = targets_block(table.columns or rubric.target_columns, table.rows)
    text = replace_targets(rubric.text, block)
    new, problems = check_text(text, str(out))
    if new is None:
        # the new file's lines mean nothing to the user (it was never written): name the workbook's cells
        errors = [p for p in problems if p.severity == "error"]
        cells, rest = _in_workbook(errors, table.rows, block, text.count("\n", 0, text.index(block)) + 1)
        raise TableError("\n".join([t("换上这张目标表后细则无法通过校验,没有写出文件:",
                                      "with this target table the rubric does not validate; nothing was written:"),
                                    *(t(f"  细则「{rubric.id}」:{p.message}", f"  rubric '{rubric.id}': {p.message}")
                                      for p in rest)]), cells)
    write_text(out, text)
    return new


def _in_workbook(problems: list, rows: list[dict], block: str, first_line: int) -> tuple[list[CellProblem], list]:
    """The rubric check's problems on the new targets block's rows, as their rows' cells; and the others.

    ``first_line`` is the block's first line in the checked text; a row's lines start at its
    ``- name:`` line, in the order of ``rows``.
    """
    lines = block.splitlines()
    starts = [first_line + i for i, line in enumerate(lines) if line.startswith("    - name: ")]
    cells: list[CellProblem] = []
    rest = []
    for problem in problems:
        k = bisect_right(starts, problem.line) - 1
        at = rows[k].get("at") if 0 <= k < len(rows) and problem.line < first_line + len(lines) else None
        if at is None:
            rest.append(problem)
        else:
            cells.append(CellProblem(at[0], at[1], problem.message))
    return cells, rest
