"""Reading a rubric file: a YAML loader that remembers lines, and every check with its line.

``check_text``/``check_file`` return the rubric (None if any error) and every problem;
``load_text``/``load_file`` return a usable rubric or raise ``RubricInvalid``.

A county edits these files by hand, so every value is checked for its shape before it
is used: a list written as one string (``duties: 一本民情日记、一张作战图``), a number
written in words (``minimum: two``), a rating level without points — each is one problem
with its file and line, never a traceback. YAML aliases are refused (they let a small
file expand without bound), and so are files over a megabyte and nesting deeper than a
rubric needs.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from fieldcheck.engine.numbers import fmt, shown
from fieldcheck.engine.ranking_spec import parse_ranking
from fieldcheck.engine.rubric import Grade, Item, Node, Reading, Rubric, Section, TargetRow
from fieldcheck.engine.rubric_nodes import _NodeBuilder, _walk
from fieldcheck.engine.rubric_values import Problem
from fieldcheck.engine.rubric_yaml import AliasRefused, _line, _LineDict, _Loader, canonical_version
from fieldcheck.engine.sampling_spec import parse_sampling
from fieldcheck.errors import UserError
from fieldcheck.file_errors import reason
from fieldcheck.i18n import t

#: a rubric file larger than this is not a rubric
MAX_BYTES = 1_000_000


class RubricInvalid(UserError):
    """A rubric file that cannot be used; ``problems`` says every reason with its line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


TOP_KEYS = {"id", "title", "source", "complete", "missing", "notes", "groups", "grades", "targets", "children",
            "readings", "ranking", "sampling", "full_marks"}
ROW_KEYS = {"name", "group", "values", "assessee", "ranked", "partial", "note"}
READING_KEYS = {"id", "text", "en", "items", "assessees", "always"}


class _Builder(_NodeBuilder):
    """The whole file: the top keys, grades, the target table, readings, ranking and sampling."""

    def rubric(self, data: Any, text: str) -> Rubric | None:
        if not isinstance(data, _LineDict):
            self.error(1, "细则文件应是一个映射(id、title、children…)", "a rubric file must be a mapping (id, title, children, …)")
            return None
        self.unknown_keys(data, TOP_KEYS, t("细则", "the rubric"))
        for key in ("id", "title", "source"):
            if not data.get(key) or not isinstance(data.get(key), (str, int)):
                self.error(data.line, f"缺少「{key}」(一段文字)", f"missing '{key}' (text)")
        self.incomplete = self.flag(data.line, data, "complete", True) is False
        missing = self.str_list(data.line, data.get("missing"), "missing")
        if self.incomplete and not missing:
            self.error(data.line, "标为不完整的细则要在 missing 里说明缺了什么",
                       "a rubric marked incomplete must say what is missing under 'missing'")
        for m in missing:
            self.warn(data.line, f"细则不完整:{m}", f"rubric incomplete: {m}")
        groups = self.str_list(data.line, data.get("groups"), "groups")
        grades = self.grades(data)
        columns, targets = self.targets(data.get("targets"), groups, data.line)
        children_data = data.get("children")
        if not isinstance(children_data, list) or not children_data:
            self.error(data.line, "细则没有任何章节(children)", "the rubric has no children")
            children_data = []
        children = [n for n in (self.node(c, None, data.line) for c in children_data) if n is not None]
        self.check_columns(children, columns, groups)
        if "full_marks" in data:
            self.full_marks(data, children)
        readings = self.readings(data.get("readings"), data.line, list(targets))
        ranking = parse_ranking(data["ranking"], data.line, self.error) if "ranking" in data else None
        sampling = parse_sampling(data["sampling"], data.at("sampling"), self.error) if "sampling" in data else None
        if any(p.severity == "error" for p in self.problems):
            return None
        return Rubric(str(data["id"]), str(data["title"]), canonical_version(data), str(data["source"]).strip(),
                      children, not self.incomplete, missing, self.text(data, "notes"), groups, grades,
                      columns, targets, None, text, readings, ranking, sampling)

    def full_marks(self, data: _LineDict, children: list[Node]) -> None:
        """The whole the text gives (海口: 满分100分) against what the parts add up to, once every part has points.

        Haikou's method names its categories and the whole but not their points: a county that fills them
        in so that they add up to 95 would otherwise print scores out of 95 as if the method said so.
        """
        line = data.at("full_marks")
        whole = self.number(line, data["full_marks"], t("满分", "full marks"))
        regular = [c for c in children if not (isinstance(c, Section) and c.kind == "bonus")
                   and not (isinstance(c, Item) and c.rule.kind in ("bonus", "veto"))]
        if whole is None or any(isinstance(c, Section) and c.points is None and not c.children for c in regular):
            return  # a category still empty is reported as incomplete already
        parts = sum((c.max_points for c in regular), Decimal(0))
        if parts != whole:
            self.error(line, f"各部分分值合计 {fmt(parts)} 分,与原文满分 {fmt(whole)} 分不符:请调整各大类的标准分值",
                       f"the parts add up to {fmt(parts)} points, but the text's full marks are {fmt(whole)}: "
                       "adjust the categories' points")

    def grades(self, data: _LineDict) -> list[Grade]:
        grades = []
        bands = data.get("grades")
        if bands is not None and not isinstance(bands, list):
            self.error(data.line, "grades 应是列表", "grades must be a list")
            return []
        for band in bands or []:
            if not isinstance(band, _LineDict) or band.get("min") is None or not band.get("label"):
                self.error(_line(band, data.line), "等级应写成 {min: 分数, label: 名称}",
                           "a grade band must be {min: score, label: name}")
                continue
            minimum = self.number(band.line, band["min"], t("等级下限", "grade minimum"))
            if minimum is not None:
                grades.append(Grade(minimum, str(band["label"])))
        return grades

    def check_columns(self, children: list[Node], columns: list[str], groups: list[str]) -> None:
        for node in _walk(children):
            if not isinstance(node, Item) or node.rule.kind not in ("metric", "proportional"):
                continue
            target = node.rule.spec.get("target")
            wanted = [target.get("column")] if isinstance(target, dict) else []
            parts = node.rule.spec.get("parts")
            if isinstance(parts, dict):
                wanted += list(parts.values())
            if "count_column" in node.rule.spec:
                wanted.append(node.rule.spec["count_column"])
            for column in wanted:
                if column not in columns:
                    self.error(node.line, f"{node.id} 的目标列「{shown(column)}」不在目标表中",
                               f"target column '{shown(column)}' of {node.id} is not in the target table")
            for key in ("step", "per_step"):
                value = node.rule.spec.get(key)
                if isinstance(value, dict):
                    for g in value:
                        if g not in groups:
                            self.error(node.line, f"{node.id} 的分组「{shown(g)}」不在 groups 中",
                                       f"group '{shown(g)}' of {node.id} is not in groups")

    def readings(self, data: Any, line: int, rows: list[str]) -> list[Reading]:
        """The readings declared where the text is silent: id, one sentence, the items it touches."""
        if data is None:
            return []
        if not isinstance(data, list):
            self.error(line, "readings 应是列表", "readings must be a list")
            return []
        out: list[Reading] = []
        for entry in data:
            if not isinstance(entry, _LineDict):
                self.error(line, "每条 reading 应写成 {id, text, items}", "each reading must be {id, text, items}")
                continue
            self.unknown_keys(entry, READING_KEYS, "reading")
            rid, text = entry.get("id"), entry.get("text")
            if not isinstance(rid, str) or not rid.strip() or not isinstance(text, str) or not text.strip():
                self.error(entry.line, "每条 reading 需要 id 和一句说明(text)", "each reading needs an id and a sentence (text)")
                continue
            if any(r.id == rid for r in out):
                self.error(entry.line, f"reading「{rid}」重复", f"reading '{rid}' appears twice")
            nodes = self.str_list(entry.line, entry.get("items"), f"reading {rid} items")
            for node_id in nodes:
                if node_id not in self.ids:
                    self.error(entry.line, f"reading「{rid}」提到的「{node_id}」不是本细则的编号",
                               f"reading '{rid}' names '{node_id}', which is not an id of this rubric")
            assessees = self.str_list(entry.line, entry.get("assessees"), f"reading {rid} assessees")
            for name in assessees:
                if name not in rows:
                    self.error(entry.line, f"reading「{rid}」提到的「{name}」不在目标表中",
                               f"reading '{rid}' names '{name}', which is not in the target table")
            en = entry.get("en")
            out.append(Reading(rid.strip(), " ".join(text.split()), tuple(nodes),
                               " ".join(en.split()) if isinstance(en, str) else "", tuple(assessees),
                               self.flag(entry.line, entry, "always", False)))
        return out

    def targets(self, data: Any, groups: list[str], line: int) -> tuple[list[str], dict[str, TargetRow]]:
        if data is None:
            return [], {}
        if not isinstance(data, _LineDict) or not isinstance(data.get("columns"), list) \
                or not isinstance(data.get("rows"), list):
            self.error(_line(data, line), "targets 应含 columns 与 rows 两个列表",
                       "targets must hold two lists: columns and rows")
            return [], {}
        columns = self.str_list(data.line, data["columns"], "targets columns")
        rows: dict[str, TargetRow] = {}
        for row in data["rows"]:
            if not isinstance(row, _LineDict) or not isinstance(row.get("name"), (str, int)) or not str(row["name"]).strip():
                self.error(_line(row, data.line), "目标表的每一行都要有 name", "every target row needs a name")
                continue
            self.unknown_keys(row, ROW_KEYS, t("目标表的行", "a target row"))
            name = str(row["name"]).strip()
            group = row.get("group")
            if group is not None and (not isinstance(group, str) or group not in groups):
                self.error(row.line, f"目标表「{name}」的分组「{shown(group)}」不在 groups 中",
                           f"group '{shown(group)}' of target row '{name}' is not in groups")
                group = None
            values: dict[str, Decimal] = {}
            raw_values = row.get("values") or {}
            if not isinstance(raw_values, dict):
                self.error(row.line, f"目标表「{name}」的 values 应写成 {{列名: 数}}", f"values of target row '{name}' must be a mapping")
                raw_values = {}
            for key, value in raw_values.items():
                if key not in columns:
                    self.error(row.line, f"目标表「{name}」有未知的列「{shown(key)}」",
                               f"target row '{name}' has unknown column '{shown(key)}'")
                elif value is not None:
                    number = self.number(row.line, value, f"{name} {key}")
                    if number is not None:
                        values[key] = number
            if name in rows:
                self.error(row.line, f"目标表中「{name}」重复", f"target row '{name}' appears twice")
            rows[name] = TargetRow(name, group, values, self.flag(row.line, row, "assessee", True),
                                   self.flag(row.line, row, "ranked", True), self.flag(row.line, row, "partial", False),
                                   self.text(row, "note"))
        return columns, rows


def check_text(text: str, path: str = "<rubric>") -> tuple[Rubric | None, list[Problem]]:
    """Parse and check a rubric's YAML text; return the rubric (None if any error) and every problem."""
    builder = _Builder(path)
    if len(text) > MAX_BYTES:
        return None, [Problem(path, 1, t(f"文件太大(超过 {MAX_BYTES // 1000} KB),不像是细则",
                                         f"the file is too large (over {MAX_BYTES // 1000} KB) to be a rubric"))]
    if any("\ud800" <= c <= "\udfff" for c in text):
        return None, [Problem(path, 1, t("文件中有无效的字符", "the file holds invalid characters"))]
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        if isinstance(exc, AliasRefused):
            return None, [Problem(path, line, t(f"YAML 格式错误:{exc.problem}", f"YAML syntax error: {exc.problem}"))]
        # PyYAML's words ("expected ',' or ']', but got '<stream end>'") are for programmers; the line is what helps
        return None, [Problem(path, line, t("YAML 格式错误:请检查这一行及上一行的括号、引号、冒号和缩进",
                                            "YAML syntax error: check the brackets, quotes, colons and indentation on "
                                            "this line and the one before"))]
    except yaml.YAMLError:
        return None, [Problem(path, 1, t("YAML 格式错误", "YAML syntax error"))]
    except RecursionError:
        return None, [Problem(path, 1, t("嵌套太深,不像是细则", "nested too deeply to be a rubric"))]
    finally:
        if loader is not None:
            loader.dispose()
    for key, line in loader.duplicate_keys:
        builder.error(line, f"字段「{shown(key)}」在同一处出现两次", f"field '{shown(key)}' appears twice in one mapping")
    for line in loader.bad_keys:
        builder.error(line, "字段名应是一段文字", "a field name must be text")
    try:
        rubric = builder.rubric(data, text)
    except RecursionError:
        return None, [Problem(path, 1, t("嵌套太深,不像是细则", "nested too deeply to be a rubric"))]
    if loader.duplicate_keys or loader.bad_keys:
        rubric = None
    return rubric, builder.problems


def check_file(path: str | Path) -> tuple[Rubric | None, list[Problem]]:
    """Like ``check_text`` for a file; an unreadable file is one problem, not a traceback."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, [Problem(str(path), 0, t("文件太大,不像是细则", "the file is too large to be a rubric"))]
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return None, [Problem(str(path), 0, t("文件不存在", "file not found"))]
    except UnicodeDecodeError:
        return None, [Problem(str(path), 0, t("文件不是 UTF-8 编码,请另存为 UTF-8", "the file is not UTF-8; save it as UTF-8"))]
    except OSError as exc:
        return None, [Problem(str(path), 0, t(f"无法读取:{reason(exc)}", f"cannot read: {reason(exc)}"))]
    rubric, problems = check_text(text, str(path))
    if rubric is not None:
        rubric.path = path
    return rubric, problems


def load_text(text: str, path: str = "<rubric>") -> Rubric:
    """A usable rubric from YAML text (a stored snapshot, say), or RubricInvalid."""
    rubric, problems = check_text(text, path)
    if rubric is None:
        raise RubricInvalid([p for p in problems if p.severity == "error"])
    return rubric


def load_file(path: str | Path) -> Rubric:
    rubric, problems = check_file(path)
    if rubric is None:
        raise RubricInvalid([p for p in problems if p.severity == "error"])
    return rubric


__all__ = ["Problem", "RubricInvalid", "canonical_version", "check_file", "check_text", "load_file", "load_text"]
