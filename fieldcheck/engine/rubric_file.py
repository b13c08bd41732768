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

import hashlib
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from fieldcheck.engine.numbers import ZERO, fmt, shown, to_decimal
from fieldcheck.engine.ranking_spec import parse_ranking
from fieldcheck.engine.rubric import Grade, Item, Node, Reading, Rubric, Section, TargetRow
from fieldcheck.engine.rules import RULE_KEYS, RULE_REQUIRED, RULES, Rule, make_rule
from fieldcheck.engine.sampling_spec import parse_sampling
from fieldcheck.errors import UserError
from fieldcheck.i18n import t

#: a rubric file larger than this is not a rubric
MAX_BYTES = 1_000_000
#: sections inside sections: the documents go four deep at most
MAX_DEPTH = 8

# ---------------------------------------------------------------------------------------------
# problems


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        kind = t("错误", "error") if self.severity == "error" else t("提示", "warning")
        return f"{self.path}:{self.line}: {kind}: {self.message}"


class RubricInvalid(UserError):
    """A rubric file that cannot be used; ``problems`` says every reason with its line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# ---------------------------------------------------------------------------------------------
# a YAML loader that remembers lines and refuses duplicate keys and aliases


class _LineDict(dict):
    """A mapping that knows the line it starts on and the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def at(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicate_keys: list[tuple[str, int]] = []
        self.bad_keys: list[int] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, t("细则文件中不能用别名(*)", "aliases (*) are not allowed"),
                                              event.start_mark)
        return super().compose_node(parent, index)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    result = _LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            loader.bad_keys.append(key_node.start_mark.line + 1)
            continue
        key = str(key) if not isinstance(key, str) else key
        if key in result:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
        result.key_lines[key] = key_node.start_mark.line + 1
        if key == "id" and isinstance(value_node, yaml.ScalarNode):
            # "1.1" written without quotes would read as a float; an id is its text.
            value = value_node.value
        else:
            value = loader.construct_object(value_node, deep=True)
        result[key] = value
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def canonical_version(data: Any) -> str:
    """SHA-256 of the rubric's content as sorted, compact JSON."""
    blob = json.dumps(_plain(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def _line(value: Any, default: int) -> int:
    return value.line if isinstance(value, _LineDict) else default


# ---------------------------------------------------------------------------------------------
# building and checking


TOP_KEYS = {"id", "title", "source", "complete", "missing", "notes", "groups", "grades", "targets", "children",
            "readings", "ranking", "sampling"}
SECTION_KEYS = {"id", "title", "points", "kind", "children", "content", "standard", "note", "missing"}
ITEM_KEYS = {"id", "title", "content", "standard", "points", "rule", "cap", "note", "na"}
ROW_KEYS = {"name", "group", "values", "assessee", "ranked", "partial", "note"}
READING_KEYS = {"id", "text", "en", "items", "assessees", "always"}


class _Builder:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.ids: dict[str, int] = {}
        self.incomplete = False

    def error(self, line: int, zh: str, en: str) -> None:
        self.problems.append(Problem(self.path, line, t(zh, en)))

    def warn(self, line: int, zh: str, en: str) -> None:
        self.problems.append(Problem(self.path, line, t(zh, en), "warning"))

    # -- values ------------------------------------------------------------------------------
    def number(self, line: int, value: Any, what: str, *, allow_none: bool = False) -> Decimal | None:
        if value is None and allow_none:
            return None
        try:
            result = to_decimal(value)
        except ValueError:
            self.error(line, f"{what}应是一个数,而不是「{shown(value)}」", f"{what} must be a number, not '{shown(value)}'")
            return None
        if result < 0:
            self.error(line, f"{what}不能是负数", f"{what} cannot be negative")
        return result

    def whole(self, line: int, value: Any, what: str, minimum: int = 0) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum or value > 10_000:
            self.error(line, f"{what}应是不小于 {minimum} 的整数,而不是「{shown(value)}」",
                       f"{what} must be a whole number of at least {minimum}, not '{shown(value)}'")
            return None
        return value

    def flag(self, line: int, data: dict, key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.error(line, f"「{key}」应写 true 或 false,而不是「{shown(value)}」",
                       f"'{key}' must be true or false, not '{shown(value)}'")
            return default
        return value

    def text(self, data: dict, key: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.error(data.at(key) if isinstance(data, _LineDict) else 0, f"「{key}」应是一段文字", f"'{key}' must be text")
            return ""
        return value.strip()

    def str_list(self, line: int, value: Any, what: str) -> list[str]:
        """A YAML list of names; one string (一本民情日记、一张作战图) is refused, not split into characters."""
        if value is None:
            return []
        if isinstance(value, str):
            self.error(line, f"{what}应写成列表(每项一行,以「- 」开头,或 [甲, 乙]),而不是一整串文字「{shown(value)}」",
                       f"{what} must be a list (one '- ' line per entry, or [a, b]), not one string '{shown(value)}'")
            return []
        if not isinstance(value, list):
            self.error(line, f"{what}应写成列表", f"{what} must be a list")
            return []
        out: list[str] = []
        for entry in value:
            if isinstance(entry, bool) or not isinstance(entry, (str, int, float)) or not str(entry).strip():
                self.error(line, f"{what}的每一项应是一个名称,而不是「{shown(entry)}」",
                           f"each entry of {what} must be a name, not '{shown(entry)}'")
                continue
            name = str(entry).strip()
            if name in out:
                self.error(line, f"{what}中「{name}」出现了两次", f"'{name}' appears twice in {what}")
                continue
            out.append(name)
        return out

    def unknown_keys(self, data: _LineDict, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.error(data.line, f"{what}中有未知的字段「{shown(key)}」", f"unknown field '{shown(key)}' in {what}")

    def node_id(self, data: _LineDict) -> str:
        raw = data.get("id")
        line = data.line
        if raw in (None, "") or not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
            self.error(line, "缺少 id(或 id 不是一段文字)", "missing id (or it is not text)")
            return f"?{line}"
        node_id = str(raw).strip()
        if node_id in self.ids:
            self.error(line, f"id「{node_id}」重复(第 {self.ids[node_id]} 行已用过)",
                       f"duplicate id '{node_id}' (first used on line {self.ids[node_id]})")
        else:
            self.ids[node_id] = line
        return node_id

    # -- nodes ------------------------------------------------------------------------------
    def node(self, data: Any, parent: Section | None, line_hint: int, depth: int = 0) -> Node | None:
        if not isinstance(data, _LineDict):
            self.error(line_hint, "每个节点应是一个映射(含 id、title…)", "each node must be a mapping (id, title, …)")
            return None
        if depth > MAX_DEPTH:
            self.error(data.line, f"章节嵌套超过 {MAX_DEPTH} 层", f"sections nest deeper than {MAX_DEPTH}")
            return None
        if "children" in data and "rule" in data:
            self.error(data.line, "节点不能同时有 children 和 rule", "a node cannot have both children and rule")
            return None
        if "children" in data:
            return self.section(data, parent, depth)
        if "rule" in data:
            return self.item(data, parent)
        self.error(data.line, f"节点「{shown(data.get('id'))}」既没有 children 也没有 rule",
                   f"node '{shown(data.get('id'))}' has neither children nor rule")
        return None

    def section(self, data: _LineDict, parent: Section | None, depth: int) -> Section:
        self.unknown_keys(data, SECTION_KEYS, t("章节", "a section"))
        node_id = self.node_id(data)
        kind = data.get("kind", "regular")
        if kind not in ("regular", "bonus"):
            self.error(data.line, f"章节类型「{shown(kind)}」未知(regular 或 bonus)",
                       f"unknown section kind '{shown(kind)}' (regular or bonus)")
            kind = "regular"
        missing = self.str_list(data.line, data.get("missing"), t(f"{node_id} 的 missing", f"missing of {node_id}"))
        points = self.number(data.at("points"), data.get("points"), t(f"{node_id} 的分值", f"points of {node_id}"),
                             allow_none=True)
        if data.get("points") is None and not (self.incomplete and missing):
            self.error(data.line, f"章节 {node_id} 缺少分值", f"section {node_id} has no points")
        section = Section(node_id, self.text(data, "title"), points, kind, [], self.text(data, "content"),
                          self.text(data, "standard"), self.text(data, "note"), missing, data.line, parent)
        if missing and not self.incomplete and points is None:
            self.error(data.line, "只有标为 complete: false 的细则才能有缺少分值的章节",
                       "only a rubric marked complete: false may have a section without points")
        for m in section.missing:
            self.warn(data.line, f"{node_id} 不完整:{m}", f"{node_id} is incomplete: {m}")
        children = data.get("children")
        if not isinstance(children, list) or not children:
            self.error(data.line, f"章节 {node_id} 没有任何条目", f"section {node_id} has no children")
            children = []
        all_built = True
        for child in children:
            built = self.node(child, section, data.line, depth + 1)
            if built is not None:
                section.children.append(built)
            all_built = all_built and built is not None
        if all_built:  # a child that failed is reported already; its points would only mislead the sum
            self.check_sum(section)
        return section

    def check_sum(self, section: Section) -> None:
        if section.kind == "bonus" or section.points is None or not section.children:
            return
        declared: list[Decimal] = []
        for child in section.children:
            if child.points is None:
                return  # items share the section's points: the document prints none of their own
            declared.append(child.points)
        total = sum(declared, ZERO)
        if total != section.points:
            args = (section.line,
                    f"{section.id} 的分值不相加:下级合计 {fmt(total)} 分,本节 {fmt(section.points)} 分",
                    f"points of {section.id} do not add up: children {fmt(total)}, section {fmt(section.points)}")
            if self.incomplete and section.missing:
                self.warn(*args)
            else:
                self.error(*args)

    def item(self, data: _LineDict, parent: Section | None) -> Item | None:
        self.unknown_keys(data, ITEM_KEYS, t("条目", "an item"))
        node_id = self.node_id(data)
        spec = data.get("rule")
        rule = self.rule(node_id, spec, data.line)
        points = self.number(data.at("points"), data.get("points"), t(f"{node_id} 的分值", f"points of {node_id}"),
                             allow_none=True)
        cap_raw = data.get("cap")
        cap = None if cap_raw is None else str(cap_raw)
        na = data.get("na")
        if na is not None and (not isinstance(na, str) or not na.strip()):
            self.error(data.line, f"{node_id} 的 na 应写明何时不适用(一句话)",
                       f"na of {node_id} must say in a sentence when the item does not apply")
            na = None
        if rule is None or not isinstance(spec, _LineDict):
            if cap is not None and not _holds(parent, cap):
                self.error(data.line, f"{node_id} 的封顶「{shown(cap)}」不是它所在的任何章节",
                           f"the cap '{shown(cap)}' of {node_id} names no section that holds it")
            return None
        item = Item(node_id, self.text(data, "title"), self.text(data, "content"), self.text(data, "standard"),
                    points, rule, cap, self.text(data, "note"), data.line, parent, na.strip() if na else None)
        in_bonus = parent is not None and parent.kind == "bonus"
        if rule.kind == "bonus" and not in_bonus:
            self.error(data.line, f"加分项 {node_id} 必须放在 kind: bonus 的章节里",
                       f"bonus item {node_id} must sit in a section of kind: bonus")
        if in_bonus and rule.kind not in ("bonus", "veto"):
            self.error(data.line, f"加分章节里的 {node_id} 不是加分规则", f"{node_id} in a bonus section is not a bonus rule")
        if cap is not None and item.pool is None:
            self.error(data.line, f"{node_id} 的封顶「{shown(cap)}」不是它所在的任何章节",
                       f"the cap '{shown(cap)}' of {node_id} names no section that holds it")
        if points is None and rule.kind not in ("bonus", "veto") and cap is None:
            self.error(data.line, f"{node_id} 没有分值,必须用 cap 指明扣分所在的章节",
                       f"{node_id} has no points; it needs a cap naming the section it draws on")
        if points is None and rule.kind in ("pass_fail", "duty_checklist", "min_options") and "deduct" not in spec:
            self.error(data.line, f"{node_id} 没有分值,规则需要 deduct", f"{node_id} has no points, so its rule needs deduct")
        if points is None and rule.kind in ("rating", "proportional"):
            self.error(data.line, f"{node_id} 的规则需要本条目的分值", f"the rule of {node_id} needs the item's points")
        if rule.kind == "rating" and points is not None:
            for label, value in rule.levels.items():  # type: ignore[attr-defined]
                if value > points:
                    self.error(data.line, f"{node_id} 的评价「{label}」{fmt(value)} 分超过本条目 {fmt(points)} 分",
                               f"rating '{label}' of {node_id} is worth more than the item")
        return item

    def rule(self, node_id: str, spec: Any, line: int) -> Rule | None:
        if not isinstance(spec, _LineDict):
            self.error(line, f"{node_id} 的 rule 应是映射,含 type", f"the rule of {node_id} must be a mapping with a type")
            return None
        line = spec.line
        kind = spec.get("type")
        if not isinstance(kind, str) or kind not in RULES:
            line = spec.at("type")
            self.error(line, f"{node_id} 的规则类型「{shown(kind)}」未知;可用:{'、'.join(RULES)}",
                       f"unknown rule '{shown(kind)}' in {node_id}; known: {', '.join(RULES)}")
            return None
        before = len([p for p in self.problems if p.severity == "error"])
        for key in spec:
            if key != "type" and key not in RULE_KEYS[kind]:
                self.error(line, f"{node_id} 的 {kind} 规则不认识「{shown(key)}」",
                           f"rule {kind} of {node_id} has no field '{shown(key)}'")
        for key in sorted(RULE_REQUIRED.get(kind, set())):
            if spec.get(key) is None:
                self.error(line, f"{node_id} 的 {kind} 规则缺少「{key}」", f"rule {kind} of {node_id} needs '{key}'")
        self.rule_values(node_id, kind, spec, line)
        if len([p for p in self.problems if p.severity == "error"]) > before:
            return None
        return make_rule(spec)

    def rule_values(self, node_id: str, kind: str, spec: _LineDict, line: int) -> None:
        """Every value of a rule checked for its shape, so that scoring never meets a surprise."""
        # a key written with no value ("deduct:") is refused here, not met by the scorer later
        if "deduct" in spec:
            self.number(spec.at("deduct"), spec["deduct"], f"{node_id} deduct")
        if kind == "bonus" and "add" in spec:
            self.number(spec.at("add"), spec["add"], f"{node_id} add")
        for key in ("elements", "duties", "options"):
            if key in spec:
                spec[key] = self.str_list(spec.at(key), spec[key], f"{node_id} {key}")
        for key in ("elements_note", "duties_note", "event", "reason", "unit", "count_column"):
            if key in spec and not isinstance(spec[key], str):
                self.error(line, f"{node_id} 的 {key} 应是一段文字", f"{key} of {node_id} must be text")
        for key in ("open", "each"):
            if key in spec and not isinstance(spec[key], bool):
                self.error(line, f"{node_id} 的 {key} 应写 true 或 false", f"{key} of {node_id} must be true or false")
        if "size" in spec:
            self.whole(spec.at("size"), spec["size"], f"{node_id} size", 1)
            if spec.get("elements"):
                self.error(line, f"{node_id} 已列出各项,不能再写 size", f"{node_id} lists its elements; size is not needed")
        if kind == "min_options" and "minimum" in spec:
            minimum = self.whole(spec.at("minimum"), spec["minimum"], f"{node_id} minimum", 1)
            if minimum is not None and isinstance(spec.get("options"), list) and minimum > len(spec["options"]):
                self.error(line, f"{node_id} 要求的最少种数多于可选项", f"{node_id} asks for more options than it lists")
        if kind == "rating" and spec.get("levels") is not None:
            levels = spec["levels"]
            line = spec.at("levels")
            if not isinstance(levels, dict) or not levels:
                self.error(line, f"{node_id} 的评价等级应写成 {{等级: 分值, …}}",
                           f"the levels of {node_id} must be {{label: points, …}}")
            else:
                for label, value in levels.items():
                    if value is None:
                        self.error(line, f"{node_id} 的评价「{shown(label)}」没有写分值",
                                   f"rating '{shown(label)}' of {node_id} has no points")
                    else:
                        self.number(line, value, f"{node_id} 评价「{shown(label)}」")
        if kind == "metric":
            for key in ("step", "per_step"):
                if spec.get(key) is None:
                    continue
                values = spec[key].values() if isinstance(spec[key], dict) else [spec[key]]
                for v in values:
                    n = self.number(spec.at(key), v, f"{node_id} {key}")
                    if key == "step" and n is not None and n == 0:
                        self.error(line, f"{node_id} 的步长不能为 0", f"step of {node_id} cannot be 0")
            if spec.get("rounding", "exact") not in ("exact", "floor", "ceil"):
                self.error(line, f"{node_id} 的 rounding 只能是 exact、floor 或 ceil",
                           f"rounding of {node_id} must be exact, floor or ceil")
            parts = spec.get("parts")
            if parts is not None and (not isinstance(parts, dict) or len(parts) < 2
                                      or not all(isinstance(v, str) for v in parts.values())):
                self.error(line, f"{node_id} 的 parts 应写成 {{名称: 目标表列名, …}}(至少两项)",
                           f"parts of {node_id} must be {{label: table column, …}} (two or more)")
        if kind in ("metric", "proportional") and "target" in spec:
            target = spec["target"]
            line = spec.at("target")
            if isinstance(target, dict):
                if not isinstance(target.get("column"), str) or not set(target) <= {"column", "default"}:
                    self.error(line, f"{node_id} 的 target 应是一个数,或 {{column: 目标表列名, default: 数}}",
                               f"target of {node_id} must be a number or {{column: table column, default: number}}")
                elif "default" in target:
                    self.number(line, target["default"], f"{node_id} target default")
            else:
                self.number(line, target, f"{node_id} target")

    # -- the rubric ---------------------------------------------------------------------------
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
        readings = self.readings(data.get("readings"), data.line, list(targets))
        ranking = parse_ranking(data["ranking"], data.line, self.error) if "ranking" in data else None
        sampling = parse_sampling(data["sampling"], data.at("sampling"), self.error) if "sampling" in data else None
        if any(p.severity == "error" for p in self.problems):
            return None
        for node in _walk(children):
            if isinstance(node, Item):
                _set_count_limit(node)
        return Rubric(str(data["id"]), str(data["title"]), canonical_version(data), str(data["source"]).strip(),
                      children, not self.incomplete, missing, self.text(data, "notes"), groups, grades,
                      columns, targets, None, text, readings, ranking, sampling)

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


def _holds(parent: Section | None, section_id: str) -> bool:
    while parent is not None:
        if parent.id == section_id:
            return True
        parent = parent.parent
    return False


def _set_count_limit(item: Item) -> None:
    """An open list (如…等) counts missing items up to what its pool can lose; a named list up to its length."""
    rule = item.rule
    if rule.kind != "missing_elements" or not rule.spec.get("open"):
        return
    pool = item.pool
    room = pool.max_points if pool is not None else (item.points or ZERO)
    each = to_decimal(rule.spec["deduct"])
    if each > 0:
        rule.count_limit = max(len(rule.spec.get("elements") or []), math.ceil(room / each))


def _walk(nodes: list[Node]) -> Iterator[Node]:
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Section):
            stack.extend(reversed(node.children))


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
        problem = exc.problem or str(exc)
        return None, [Problem(path, line, t(f"YAML 格式错误:{problem}", f"YAML syntax error: {problem}"))]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, t(f"YAML 格式错误:{exc}", f"YAML syntax error: {exc}"))]
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
        return None, [Problem(str(path), 0, t(f"无法读取:{exc.strerror}", f"cannot read: {exc.strerror}"))]
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
