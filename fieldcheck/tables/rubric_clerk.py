"""What a clerk's own rubric table needs beyond the layout's columns, said in the clerk's words.

A county office types its table as the document prints it: a category as a heading merged
across the row or as a 项目 cell merged down its rows, a 合计, no rule columns at first, a
rule form without the numbers it needs. Each is read where it can be (a heading, the 合计)
and otherwise named at its cell with what to write there; the reader (``rubric_import``)
collects the problems.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from fieldcheck.engine.numbers import fmt, shown
from fieldcheck.engine.rubric import Item, Rubric, Section
from fieldcheck.engine.rubric_file import MAX_BYTES
from fieldcheck.engine.rules import RULE_REQUIRED
from fieldcheck.i18n import t
from fieldcheck.store import holds_id_number
from fieldcheck.tables.cells import CellProblem, TableError, cell_ref, clean_text, plain_number
from fieldcheck.tables.reading import Sheet
from fieldcheck.tables.rubric_layout import RULE_EXAMPLES, RULE_LABELS
from fieldcheck.tables.rubric_words import as_decimal, heading_words


def heading(reader: Any, sheet: Sheet, r: int, c: int) -> tuple[str, str, Any] | None | bool:
    """A category's heading row, its 序号 cell merged across the table: (一, 组织领导, 20 or None).

    None when the row is no such heading; False when it is one this reads no number and name
    from (said at its cell). Filled into every column, its text would pass for points and a rule.
    """
    if not any(r1 == r == r2 and c1 <= c < c2 for (r1, c1), (r2, c2) in sheet.merged):
        return None
    found = heading_words(sheet.value(r, c))
    if found is None and re.match(r"^(注|说明|备注)", clean_text(sheet.value(r, c))):
        return False  # a footnote under the table (附2's 注:…) is no criterion
    if found is None:
        reader.bad(sheet.name, r, c, "这一行合并了多列,读不成大类:请写成「一、组织领导(20分)」,或取消合并,把序号、名称和分值分别填在各列",
                   "this row is merged across the columns and cannot be read as a category: write it as "
                   "'一、组织领导(20分)', or unmerge it and give 序号, 名称 and the points their own columns")
        return False
    numeral, title, points = found
    return numeral, title, None if points is None else plain_number(points)


def check_total(reader: Any, rubric: Rubric) -> None:
    """The 合计 row against the parts the engine added up: the regular ones, or with the bonus sections'."""
    if reader.total is None or reader.total[0] is None or not rubric.complete:
        return
    sheet, r, c, value = reader.total[1], reader.total[2], reader.total[3], as_decimal(reader.total[0])
    regular = sum((n.max_points for n in rubric.children if not (isinstance(n, Section) and n.kind == "bonus")
                   and not (isinstance(n, Item) and n.rule.kind in ("bonus", "veto"))), Decimal(0))
    bonus = sum((n.max_points for n in rubric.children if isinstance(n, Section) and n.kind == "bonus"), Decimal(0))
    if value is not None and value not in (regular, regular + bonus):
        reader.bad(sheet, r, c, f"合计写 {fmt(value)} 分,而各部分分值相加是 {fmt(regular)} 分:请改正合计或各部分的分值",
                   f"the total (合计) says {fmt(value)} points but the parts add up to {fmt(regular)}: "
                   "correct the total or the parts' points")


def merged_groups(reader: Any, sheet: Sheet, start: int, cols: dict[str, int]) -> None:
    """A 项目 cell merged over rows that have their own 序号: a category the layout cannot read as one."""
    c = cols.get("title")
    if c is None:
        return
    for (r1, c1), (r2, c2) in sheet.merged:
        if not (c1 <= c <= c2 and r1 >= start and r2 > r1):
            continue
        numbered = [r for r in range(r1, min(r2, len(sheet.rows) - 1) + 1) if clean_text(sheet.value(r, cols["id"]))]
        if len(numbered) > 1 and not (cols["id"] in range(c1, c2 + 1)):
            name = shown(clean_text(sheet.value(r1, c1)))
            reader.bad(sheet.name, r1, c, f"「{name}」合并了第 {r1 + 1}–{r2 + 1} 行,合并的项目读不成大类:请取消合并,在第 {r1 + 1} 行上方"
                       f"插入一行,序号填大类的「一」「二」…,名称填「{name}」,标准分值填大类的分值,其下各行序号填 1、2…",
                       f"'{name}' is merged over rows {r1 + 1}–{r2 + 1}, and a merged cell cannot be read as a category: "
                       f"unmerge it, insert a row above row {r1 + 1} with the category's number (一, 二 …) as 序号, "
                       f"'{name}' as 名称 and its points, and number the rows below it 1, 2 …")


def required(reader: Any, sheet: Sheet, r: int, cols: dict[str, int], label: str, spec: dict[str, Any], node_id: str) -> None:
    """Each key the rule's form needs and lacks, named at the column the clerk fills in (``gaps``).

    The engine names its file's keys (deduct, levels), which no clerk has seen: its own sentence
    for the same gap is dropped. The rest of what it says about the row (a value too large) stands.
    """
    missing = sorted(k for k in RULE_REQUIRED.get(spec["type"], ()) if spec.get(k) is None)
    kind = spec["type"]
    reader.dropped |= {m for k in missing for m in (f"{node_id} 的 {kind} 规则缺少「{k}」", f"rule {kind} of {node_id} needs '{k}'")}
    problems, reader.problems = reader.problems, reader.gaps  # ``bad`` writes to the gaps until restored below
    amount_col = cols.get("amount", cols.get("rule", cols["id"]))
    if {"deduct", "add"} & set(missing) and not any(p.cell == cell_ref(r, amount_col) for p in problems):
        add = ("", "") if "amount" in cols else ("(表头没有这一列就加上)", " (add it to the header if missing)")
        reader.bad(sheet.name, r, amount_col, f"规则「{label}」需要在「扣分/加分」列{add[0]}填写每次扣(或加)的分数",
                   f"the rule form {label} needs the points each case takes (or adds) in the 扣分/加分 column{add[1]}")
    rest = [k for k in missing if k not in ("deduct", "add")]
    if rest:
        example = RULE_EXAMPLES.get(spec["type"], "")
        add = ("", "") if "params" in cols else ("(表头没有这一列就加上)", " (add it to the header if missing)")
        reader.bad(sheet.name, r, cols.get("params", cols.get("rule", cols["id"])),
                   f"规则「{label}」还需要在「规则参数」列{add[0]}写明 {'、'.join(rest)},如 {example}",
                   f"the rule form {label} also needs {', '.join(rest)} in the 规则参数 column{add[1]}, e.g. {example}")
    reader.problems = problems


def in_order(problems: list[CellProblem], gaps: list[CellProblem]) -> list[CellProblem]:
    """The rules' gaps among the other problems, each at its row, as the clerk goes down the table."""
    def row(p: CellProblem) -> int:
        digits = re.sub(r"\D", "", p.cell)
        return int(digits) if digits else 0
    if not gaps:
        return problems
    return sorted(problems + gaps, key=lambda p: (p.sheet, row(p)))


def no_rule_column(reader: Any, sheet: Sheet, start: int, cols: dict[str, int]) -> None:
    """A sheet typed without rule columns: said once, at the header, where to add them (not on every row)."""
    if "rule" not in cols:
        last = max(c for c, v in enumerate(sheet.rows[start - 1]) if v is not None) if start else 0
        reader.bad(sheet.name, start - 1, last + 1, "表头没有「规则」列:请在这里加「规则」和「扣分」两列,每个条目的规则填"
                   + "、".join(RULE_LABELS.values()) + "之一,扣分填每次扣的分数",
                   "the header has no 规则 (rule) column: add the columns 规则 and 扣分 here, and give each item one of "
                   + ", ".join(RULE_LABELS.values()) + " and the points each case takes")


def pool_cap(reader: Any, sheet: Sheet, r: int, cols: dict[str, int], node: dict[str, Any],
             pool: tuple[Decimal, str | None] | None) -> None:
    """An item whose criterion names a pool (扣完20分为止) and whose 封顶 is empty: the section of those points.

    Read as the item's own cap, the same answers would score more than the text gives (seed 001's
    一.2, 4 points, loses 6). A pool no section above has is named at the criterion's cell.
    """
    if pool is not None and pool[1] is not None:
        node["cap"] = pool[1]
    elif pool is not None:
        n = fmt(pool[0])
        reader.bad(sheet.name, r, cols["standard"], f"评分标准写「扣完{n}分为止」,但本条目不是 {n} 分,上级也没有 {n} 分的章节:"
                   "请在「封顶」列填写共用这些分的章节序号,或改正分值",
                   f"the criterion says 扣完{n}分为止 (deduct up to {n} points) but neither this item nor any section "
                   f"above it has {n} points: write the section sharing them in a 封顶 column, or correct the points")


def too_large(path: Path, table: Sheet, text: str) -> None:
    """TableError when the rubric is larger than a rubric file may be: the engine would blame "the file",
    a YAML the clerk never saw, and name a sheet the workbook may not have."""
    if len(text) > MAX_BYTES:
        raise TableError(t(f"{path.name} 的工作表「{table.name}」有 {len(table.rows)} 行,内容超过一份细则的上限"
                           f"({MAX_BYTES // 1000} KB);请检查是否粘贴进了别的表格,只留考核条目后再导入",
                           f"sheet '{table.name}' of {path.name} has {len(table.rows)} rows, more than a rubric may hold "
                           f"({MAX_BYTES // 1000} KB); check that no other table was pasted in, keep only the criteria "
                           "and import again"))


def no_id_numbers(reader: Any, sheets: list[Sheet]) -> None:
    """A cell quoting a whole ID number, on any sheet: a rubric names no person, and its text is copied
    into every inspection and bundle."""
    for sheet in sheets:
        for r, c in ((r, c) for r, row in enumerate(sheet.rows) for c, v in enumerate(row)
                     if isinstance(v, str) and holds_id_number(v)):
            reader.bad(sheet.name, r, c, "这里含有完整的身份证号;细则不需要身份证号,请删去",
                       "this holds a whole ID number, which a rubric does not need; delete it")
