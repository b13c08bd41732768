"""Reading a rubric from a workbook in the officials' layout (``fieldcheck rubric import-xlsx``).

The sheet's columns are found by name. A cell typed as a number keeps its type, so a
workbook written by ``rubric_export`` reads back to the same data and the same version;
numbers typed as text ('１０', '10分') are read as numbers. Text is kept exactly as
written, since criterion texts are quoted from the documents.

Without a 上级 column the tree is read from the 序号: "2.1" sits under "2", and rows
numbered 1, 2 … (or (一), (二) …) under a row numbered 一, 二 … are its children.

Every problem names its sheet and cell. A category left without points or items (the
shipped Haikou templates, until a county fills them in) is reported as incomplete, and
nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from fieldcheck.engine.numbers import shown
from fieldcheck.engine.rubric import Rubric
from fieldcheck.engine.rubric_file import check_text
from fieldcheck.engine.rubric_yaml import BoundedLoader
from fieldcheck.i18n import t
from fieldcheck.output import write_text
from fieldcheck.tables.cells import CellProblem, TableError, cell_ref, clean_text, is_absurd, parse_number, plain_number
from fieldcheck.tables.headers import find_header
from fieldcheck.tables.reading import Sheet, read_exact
from fieldcheck.tables.rubric_clerk import (
    check_total,
    heading,
    in_order,
    merged_groups,
    no_id_numbers,
    no_rule_column,
    pool_cap,
    required,
    too_large,
)
from fieldcheck.tables.rubric_companions import read_extra, read_info, read_targets
from fieldcheck.tables.rubric_export import rubric_data
from fieldcheck.tables.rubric_layout import (
    BONUS_SECTION,
    EXTRA_SHEET,
    INFO_SHEET,
    ITEM,
    RULE_BY_LABEL,
    RULE_LABELS,
    SECTION,
    SYNONYMS,
    TARGET_SHEET,
)
from fieldcheck.tables.rubric_sheets import rubric_table
from fieldcheck.tables.rubric_words import TOTAL_LABELS, pool_section, sum_label

CHINESE_NUMERALS = "一二三四五六七八九十"
#: what follows a number as officials type it (一、 1. 2,), not part of it
_NUMBER_END = re.compile(r"[、.,,\s]+$")
_PAREN_NUMBER = re.compile(r"^[((]([一二三四五六七八九十\d]+)[))]$")


@dataclass
class ImportedRubric:
    data: dict[str, Any]
    yaml_text: str
    rubric: Rubric


def _chinese_number(text: str) -> int | None:
    """一 … 九十九 as a number, or None."""
    if not text or any(ch not in CHINESE_NUMERALS for ch in text):
        return None
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CHINESE_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (CHINESE_NUMERALS.index(ones) + 1 if ones else 0)
    return CHINESE_NUMERALS.index(text) + 1 if len(text) == 1 else None


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.problems: list[CellProblem] = []
        self.cells: dict[str, tuple[str, str]] = {}  # node id → (sheet, cell) for the engine's problems
        self.total: tuple[Any, str, int, int] | None = None  # the 合计 row: its points, sheet, row, column
        self.gaps: list[CellProblem] = []  # a rule's missing numbers, in the clerk's words
        self.dropped: set[str] = set()  # the engine's sentences for the same gaps

    def bad(self, sheet: str, row: int, col: int, zh: str, en: str) -> None:
        self.problems.append(CellProblem(sheet, cell_ref(row, col), t(zh, en)))

    def number(self, sheet: Sheet, r: int, c: int | None, what_zh: str, what_en: str, *, signed: bool = True) -> Any:
        """A cell's number as written (int or float kept), text numbers parsed; None if empty.

        ``signed=False`` (points, deductions): a negative one is named here, in the column's words,
        not by the engine in its file's (「deduct不能是负数」)."""
        if c is None:
            return None
        raw = sheet.value(r, c)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        typed = shown(clean_text(raw))  # 5,000 typed digits would make the sentence a page
        try:
            number = parse_number(raw)
            if not signed and number is not None and number < 0:
                self.bad(sheet.name, r, c, f"{what_zh}不能是负数(填的是「{typed}」),扣的分也写正数",
                         f"{what_en} cannot be negative (found '{typed}'); write points taken as a positive number too")
                return None
            if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                return raw  # as typed, so the version survives a round trip; 1e308 was refused above
        except ValueError as exc:
            if is_absurd(exc):
                self.bad(sheet.name, r, c, f"{what_zh}「{typed}」太大或位数太多,不是合理的数",
                         f"{what_en} '{typed}' is too large or too long to be a sensible number")
                return None
            number = None
        if number is None:
            self.bad(sheet.name, r, c, f"{what_zh}应为数字,而这里是「{typed}」", f"expected a number for {what_en}, found '{typed}'")
            return None
        return plain_number(number)

    # -- the 考评表 -----------------------------------------------------------------------------
    def tree(self, sheet: Sheet) -> list[dict[str, Any]]:
        sheet.fill_merged()
        header = find_header(sheet, SYNONYMS, "id")
        assert header is not None
        start, cols = header
        rows: list[tuple[int, dict[str, Any], str | None, str]] = []  # (row, node, parent, kind cell)
        ids: set[str] = set()
        top: str | None = None
        merged_tops = {(r1, c1) for (r1, c1), _ in sheet.merged}

        def text(r: int, name: str) -> Any:
            c = cols.get(name)
            if c is None:
                return None
            value = sheet.value(r, c)
            if (r, c) not in merged_tops and any(r1 < r <= r2 and c1 <= c <= c2 for (r1, c1), (r2, c2) in sheet.merged):
                return None  # a cell merged down from the row above belongs to that row
            if isinstance(value, str) and not value.strip():
                return None
            return value

        merged_groups(self, sheet, start, cols)
        no_rule_column(self, sheet, start, cols)
        for r in range(start, len(sheet.rows)):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in sheet.rows[r]):
                continue
            raw_id = _NUMBER_END.sub("", clean_text(text(r, "id")))  # "一、" "1." "2、" as typed: 一, 1, 2
            headed = heading(self, sheet, r, cols["id"])  # "一、组织领导(20分)" merged across the row
            if headed is False:
                continue
            if headed is not None:
                raw_id = headed[0]
            label = sum_label(sheet.rows[r]) if not raw_id or sum_label([raw_id]) else None
            if label is not None:  # 合计 under 序号, or under the first column (项目) beside an empty 序号
                if label in TOTAL_LABELS:
                    self.total = (self.number(sheet, r, cols.get("points"), "合计", "the total (合计)"), sheet.name, r,
                                  cols.get("points", cols["id"]))
                continue
            if not raw_id:
                self.bad(sheet.name, r, cols["id"], "应填写序号", "expected the row's number (序号)")
                continue
            parent = clean_text(text(r, "parent")) or None if "parent" in cols else None
            node_id = raw_id
            if "parent" not in cols:
                numeral = _chinese_number(raw_id)
                paren = _PAREN_NUMBER.match(raw_id)
                if numeral is not None:
                    node_id, top = str(numeral), str(numeral)
                elif "." in raw_id and raw_id.rsplit(".", 1)[0] in ids:
                    parent = raw_id.rsplit(".", 1)[0]
                elif top is not None and (raw_id.isdigit() or paren):
                    n = paren.group(1) if paren else raw_id
                    node_id = f"{top}.{_chinese_number(n) or n}"
                    parent = top
            if node_id in ids:
                self.bad(sheet.name, r, cols["id"], f"序号「{raw_id}」重复:请改成本节没有用过的序号",
                         f"the number '{raw_id}' appears twice: give this row a number not used in its section")
                continue
            ids.add(node_id)
            node: dict[str, Any] = {"id": node_id}
            if headed is not None:  # the heading holds the whole row: its name and points, nothing else
                node.update({"title": headed[1]} if headed[2] is None else {"title": headed[1], "points": headed[2]})
                self.cells[node_id] = (sheet.name, cell_ref(r, cols["id"]))
                rows.append((r, node, parent, ""))
                continue
            for name in ("title", "content", "standard", "note"):
                value = text(r, name)
                if value is not None:
                    node[name] = value if isinstance(value, str) else clean_text(value)
            if "title" not in cols and "content" in node:  # an officials' sheet names a row by its 考核内容
                node["title"] = node["content"]
            points = self.number(sheet, r, cols.get("points"), "标准分值", "the points (标准分值)", signed=False)
            if points is not None:
                node["points"] = points
            cap = text(r, "cap")
            if cap is not None:
                node["cap"] = cap if isinstance(cap, str) else clean_text(cap)
            extra = text(r, "extra")
            if extra is not None:
                node.update(self.yaml_mapping(sheet.name, r, cols["extra"], extra))
            self.cells[node_id] = (sheet.name, cell_ref(r, cols["id"]))
            rows.append((r, node, parent, clean_text(text(r, "kind"))))

        parents = {p for _, _, p, _ in rows if p}
        parent_of = {node["id"]: p for _, node, p, _ in rows}
        by_id: dict[str, dict[str, Any]] = {}
        roots: list[dict[str, Any]] = []
        for r, node, parent, kind in rows:
            is_section = kind in (SECTION, BONUS_SECTION) or (not kind and node["id"] in parents)
            if kind and kind not in (SECTION, BONUS_SECTION, ITEM):
                self.bad(sheet.name, r, cols["kind"], f"类型应为{SECTION}、{BONUS_SECTION}或{ITEM},而这里是「{kind}」",
                         f"expected {SECTION}, {BONUS_SECTION} or {ITEM} as the type, found '{kind}'")
            if is_section:
                node["children"] = []
                if kind == BONUS_SECTION:
                    node["kind"] = "bonus"
                missing = text(r, "missing")
                if missing is not None:
                    node["missing"] = [m for m in str(missing).split("\n") if m.strip()]
            else:
                rule = self.rule(sheet, r, cols, text, node["id"])
                if rule is not None and rule["type"] == "veto" and "reason" not in rule and node.get("content"):
                    rule["reason"] = node["content"]  # the ranking says why (违规违纪使用扶贫资金), not "8"
                if rule is not None:
                    node["rule"] = rule
            if parent is None:
                roots.append(node)
            elif parent in by_id and "children" in by_id[parent]:
                by_id[parent]["children"].append(node)
            else:
                self.bad(sheet.name, r, cols.get("parent", cols["id"]), f"上级「{parent}」不是上方的任何章节",
                         f"the parent '{parent}' is no section above this row")
            by_id[node["id"]] = node
            if not is_section and "cap" not in node:
                pool_cap(self, sheet, r, cols, node, pool_section(node, parent, by_id, parent_of))
        for r, node, _, _ in rows:
            if "children" in node and not node["children"]:
                self.bad(sheet.name, r, cols["id"], f"「{node['id']} {node.get('title', '')}」还没有考核条目(不完整):在它下面加行,上级填 {node['id']},并填写评分标准、标准分值和规则",
                         f"'{node['id']} {node.get('title', '')}' has no items yet (incomplete): add rows under it with "
                         f"上级 {node['id']}, their 评分标准, 标准分值 and 规则")
            points_cell = cell_ref(r, cols.get("points", cols["id"]))
            if "children" in node and "points" not in node and not node.get("missing") \
                    and not any(p.sheet == sheet.name and p.cell == points_cell for p in self.problems):
                self.bad(sheet.name, r, cols.get("points", cols["id"]), f"「{node['id']} {node.get('title', '')}」缺少标准分值(留待县里填写,不完整)",
                         f"'{node['id']} {node.get('title', '')}' has no points (标准分值) yet: left for the county to fill in")
        return roots

    def rule(self, sheet: Sheet, r: int, cols: dict[str, int], text, node_id: str) -> dict[str, Any] | None:
        label = text(r, "rule")
        col = cols.get("rule", cols["id"])
        if "rule" not in cols:
            return None  # the header is named once (``no_rule_column``), not every row
        if label is None:
            self.bad(sheet.name, r, col, "条目需要规则:" + "、".join(RULE_LABELS.values()),
                     "an item needs a rule form (规则): " + ", ".join(RULE_LABELS.values()))
            return None
        label = clean_text(label)
        kind = RULE_BY_LABEL.get(label, label if label in RULE_LABELS else None)
        if kind is None:
            self.bad(sheet.name, r, col, f"不认识的规则「{label}」;可用:" + "、".join(RULE_LABELS.values()),
                     f"unknown rule form '{label}'; expected one of: " + ", ".join(RULE_LABELS.values()))
            return None
        spec: dict[str, Any] = {"type": kind}
        params = text(r, "params")
        if params is not None:
            try:
                extra = yaml.load(str(params), Loader=BoundedLoader)  # a 5,000-digit number: refused, not int()'s limit
            except yaml.YAMLError:
                extra = None
            if not isinstance(extra, dict):
                self.bad(sheet.name, r, cols["params"], "规则参数应写成 {target: 100, step: 1} 这样的映射",
                         "expected the rule's numbers as a mapping like {target: 100, step: 1}")
            else:
                spec.update(extra)
        amount = self.number(sheet, r, cols.get("amount"), "扣分/加分", "the deduction or bonus (扣分/加分)",
                             signed=False)
        if amount is not None:
            spec["add" if kind == "bonus" else "deduct"] = amount
        required(self, sheet, r, cols, label, spec, node_id)
        return spec

    def engine_problem(self, text: str, problem) -> CellProblem:
        """An engine problem (a line of the generated YAML) moved back to the row it came from."""
        lines = text.splitlines()
        if 0 < problem.line <= len(lines) and lines[problem.line - 1].startswith("full_marks:") \
                and "full_marks" in self.cells:
            return CellProblem(*self.cells["full_marks"], problem.message)
        for i in range(min(problem.line, len(lines)) - 1, -1, -1):
            found = re.match(r"^\s*(?:-\s+)?id:\s*'?([^']*)'?\s*$", lines[i])
            if found and found.group(1) in self.cells:
                sheet, cell = self.cells[found.group(1)]
                return CellProblem(sheet, cell, problem.message)
        return CellProblem(INFO_SHEET, "—", problem.message)

    def yaml_mapping(self, sheet: str, r: int, c: int, value: Any) -> dict[str, Any]:
        """A cell holding a line of YAML (其他): the mapping it writes, or a bad cell."""
        try:
            data = rubric_data(str(value))
        except yaml.YAMLError:
            data = None
        if not isinstance(data, dict):
            self.bad(sheet, r, c, "应为一行 YAML 映射,如 {na: 原因}", "expected one line of YAML mapping, e.g. {na: reason}")
            return {}
        return data


def _incomplete(path: Path, problems: list[CellProblem]) -> TableError:
    return TableError(t(f"{path.name} 不完整或有错误,没有写出细则文件:", f"{path.name} is incomplete or has errors; no rubric file was written:"),
                      problems)


def read_rubric_workbook(path: str | Path) -> ImportedRubric:
    """The rubric a workbook holds, checked by the engine; TableError naming every bad cell."""
    path = Path(path)
    reader = _Reader(path)
    sheets = read_exact(path)
    table = rubric_table(path, sheets)
    data: dict[str, Any] = {}
    info = next((s for s in sheets if s.name == INFO_SHEET), None)
    if info is not None:
        read_info(reader, info, data)
    else:  # an officials' sheet alone: its title row, and the file it came from
        title = clean_text(table.value(0, 0))
        data.update({"id": path.stem, "title": title or path.stem, "source": path.name})
    target_sheet = next((s for s in sheets if s.name == TARGET_SHEET), None)
    if target_sheet is not None:
        data["targets"] = read_targets(reader, target_sheet)
    extra_sheet = next((s for s in sheets if s.name == EXTRA_SHEET), None)
    if extra_sheet is not None:
        read_extra(reader, extra_sheet, data)
    data["children"] = reader.tree(table)
    no_id_numbers(reader, sheets)
    if reader.problems:
        raise _incomplete(path, in_order(reader.problems, reader.gaps))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    too_large(path, table, text)
    rubric, problems = check_text(text, str(path))
    errors = [p for p in problems if p.severity == "error"]
    if rubric is None:
        raise TableError(t(f"{path.name} 中的细则有错误,没有写出细则文件:", f"the rubric in {path.name} has errors; no rubric file was written:"),
                         in_order([reader.engine_problem(text, p) for p in errors
                                    if p.message not in reader.dropped], reader.gaps))
    check_total(reader, rubric)
    if reader.problems:
        raise _incomplete(path, reader.problems)
    return ImportedRubric(data, text, rubric)


def write_rubric_yaml(imported: ImportedRubric, source: str | Path, out: str | Path) -> None:
    """The imported rubric as a YAML file, written whole or not at all."""
    header = f"# Made by `fieldcheck rubric import-xlsx` from {Path(source).name}; the workbook's data, unchanged.\n"
    write_text(out, header + imported.yaml_text)
