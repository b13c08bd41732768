"""Reading a rubric file: a YAML loader that remembers lines, and every check with its line.

``check_text``/``check_file`` return the rubric (None if any error) and every problem;
``load_text``/``load_file`` return a usable rubric or raise ``RubricInvalid``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from fieldcheck.engine.numbers import ZERO, fmt, to_decimal
from fieldcheck.engine.ranking_spec import parse_ranking
from fieldcheck.engine.rubric import Grade, Item, Node, Rubric, Section, TargetRow
from fieldcheck.engine.rules import RULE_KEYS, RULE_REQUIRED, RULES, Rule, make_rule
from fieldcheck.errors import UserError
from fieldcheck.i18n import t

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
# a YAML loader that remembers lines and refuses duplicate keys


class _LineDict(dict):
    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    result = _LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
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
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------
# building and checking


TOP_KEYS = {"id", "title", "source", "complete", "missing", "notes", "groups", "grades", "targets", "children", "ranking"}
SECTION_KEYS = {"id", "title", "points", "kind", "children", "content", "standard", "note", "missing"}
ITEM_KEYS = {"id", "title", "content", "standard", "points", "rule", "cap", "note"}


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

    def number(self, line: int, value: Any, what: str, *, allow_none: bool = False) -> Decimal | None:
        if value is None and allow_none:
            return None
        try:
            result = to_decimal(value)
        except ValueError:
            self.error(line, f"{what}应为数字,而不是 {value!r}", f"{what} must be a number, not {value!r}")
            return None
        if result < 0:
            self.error(line, f"{what}不能为负数", f"{what} cannot be negative")
        return result

    def text(self, data: dict, key: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.error(getattr(data, "line", 0), f"「{key}」应为文字", f"'{key}' must be text")
            return str(value)
        return value.strip()

    def unknown_keys(self, data: dict, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.error(data.line, f"{what}中有未知的字段「{key}」", f"unknown field '{key}' in {what}")

    def node_id(self, data: dict) -> str:
        raw = data.get("id")
        line = data.line
        if raw in (None, ""):
            self.error(line, "缺少 id", "missing id")
            return f"?{line}"
        node_id = str(raw)
        if node_id in self.ids:
            self.error(line, f"id「{node_id}」重复(第 {self.ids[node_id]} 行已用过)",
                       f"duplicate id '{node_id}' (first used on line {self.ids[node_id]})")
        else:
            self.ids[node_id] = line
        return node_id

    # -- nodes ------------------------------------------------------------------------------
    def node(self, data: Any, parent: Section | None, line_hint: int) -> Node | None:
        if not isinstance(data, dict):
            self.error(line_hint, "每个节点应是一个映射(含 id、title…)", "each node must be a mapping (id, title, …)")
            return None
        if "children" in data and "rule" in data:
            self.error(data.line, "节点不能同时有 children 和 rule", "a node cannot have both children and rule")
            return None
        if "children" in data:
            return self.section(data, parent)
        if "rule" in data:
            return self.item(data, parent)
        self.error(data.line, f"节点「{data.get('id')}」既没有 children 也没有 rule",
                   f"node '{data.get('id')}' has neither children nor rule")
        return None

    def section(self, data: _LineDict, parent: Section | None) -> Section:
        self.unknown_keys(data, SECTION_KEYS, t("章节", "a section"))
        node_id = self.node_id(data)
        kind = data.get("kind", "regular")
        if kind not in ("regular", "bonus"):
            self.error(data.line, f"章节类型「{kind}」未知(regular 或 bonus)", f"unknown section kind '{kind}' (regular or bonus)")
        missing = data.get("missing") or []
        points = self.number(data.line, data.get("points"), t(f"{node_id} 的分值", f"points of {node_id}"),
                             allow_none=self.incomplete and bool(missing))
        if data.get("points") is None and not (self.incomplete and missing):
            self.error(data.line, f"章节 {node_id} 缺少分值", f"section {node_id} has no points")
        section = Section(node_id, self.text(data, "title"), points, kind, [], self.text(data, "content"),
                          self.text(data, "standard"), self.text(data, "note"), [str(m) for m in missing],
                          data.line, parent)
        if missing and not self.incomplete:
            self.error(data.line, "只有标为 complete: false 的细则才能列出 missing",
                       "only a rubric marked complete: false may list missing parts")
        for m in section.missing:
            self.warn(data.line, f"{node_id} 不完整:{m}", f"{node_id} is incomplete: {m}")
        children = data.get("children")
        if not isinstance(children, list) or not children:
            self.error(data.line, f"章节 {node_id} 没有任何条目", f"section {node_id} has no children")
            children = []
        all_built = True
        for child in children:
            built = self.node(child, section, data.line)
            if built is not None:
                section.children.append(built)
            all_built = all_built and built is not None
        if all_built:  # a child that failed is reported already; its points would only mislead the sum
            self.check_sum(section)
        return section

    def check_sum(self, section: Section) -> None:
        if section.kind == "bonus" or section.points is None or not section.children:
            return
        declared = [c.points for c in section.children]
        if any(p is None for p in declared):
            return  # items share the section's points: the document prints none of their own
        total = sum(declared, ZERO)  # type: ignore[arg-type]
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
        points = self.number(data.line, data.get("points"), t(f"{node_id} 的分值", f"points of {node_id}"), allow_none=True)
        cap = data.get("cap")
        cap = None if cap is None else str(cap)
        if rule is None:
            return None
        item = Item(node_id, self.text(data, "title"), self.text(data, "content"), self.text(data, "standard"),
                    points, rule, cap, self.text(data, "note"), data.line, parent)
        in_bonus = parent is not None and parent.kind == "bonus"
        if rule.kind == "bonus" and not in_bonus:
            self.error(data.line, f"加分项 {node_id} 必须放在 kind: bonus 的章节里",
                       f"bonus item {node_id} must sit in a section of kind: bonus")
        if in_bonus and rule.kind not in ("bonus", "veto"):
            self.error(data.line, f"加分章节里的 {node_id} 不是加分规则", f"{node_id} in a bonus section is not a bonus rule")
        if cap is not None and item.pool is None:
            self.error(data.line, f"{node_id} 的封顶「{cap}」不是它所在的任何章节",
                       f"the cap '{cap}' of {node_id} names no section that holds it")
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
        if not isinstance(spec, dict):
            self.error(line, f"{node_id} 的 rule 应是映射,含 type", f"the rule of {node_id} must be a mapping with a type")
            return None
        line = getattr(spec, "line", line)
        kind = spec.get("type")
        if kind not in RULES:
            self.error(line, f"{node_id} 的规则类型「{kind}」未知;可用:{'、'.join(RULES)}",
                       f"unknown rule '{kind}' in {node_id}; known: {', '.join(RULES)}")
            return None
        for key in spec:
            if key != "type" and key not in RULE_KEYS[kind]:
                self.error(line, f"{node_id} 的 {kind} 规则不认识「{key}」", f"rule {kind} of {node_id} has no field '{key}'")
        for key in RULE_REQUIRED.get(kind, set()):
            if key not in spec:
                self.error(line, f"{node_id} 的 {kind} 规则缺少「{key}」", f"rule {kind} of {node_id} needs '{key}'")
        if any(k not in spec for k in RULE_REQUIRED.get(kind, set())):
            return None
        for key in ("deduct", "add"):
            if key in spec:
                self.number(line, spec[key], f"{node_id} {key}")
        if kind == "min_options" and int(spec["minimum"]) > len(spec["options"] or []):
            self.error(line, f"{node_id} 要求的最少种数多于可选项", f"{node_id} asks for more options than it lists")
        if kind == "metric":
            for key in ("step", "per_step"):
                values = spec[key].values() if isinstance(spec[key], dict) else [spec[key]]
                for v in values:
                    n = self.number(line, v, f"{node_id} {key}")
                    if key == "step" and n is not None and n == 0:
                        self.error(line, f"{node_id} 的步长不能为 0", f"step of {node_id} cannot be 0")
            if spec.get("rounding", "exact") not in ("exact", "floor", "ceil"):
                self.error(line, f"{node_id} 的 rounding 只能是 exact、floor 或 ceil",
                           f"rounding of {node_id} must be exact, floor or ceil")
        if kind == "rating":
            for v in (spec["levels"] or {}).values():
                self.number(line, v, f"{node_id} levels")
        return make_rule(spec)

    # -- the rubric ---------------------------------------------------------------------------
    def rubric(self, data: Any, text: str) -> Rubric | None:
        if not isinstance(data, dict):
            self.error(1, "细则文件应是一个映射(id、title、children…)", "a rubric file must be a mapping (id, title, children, …)")
            return None
        self.unknown_keys(data, TOP_KEYS, t("细则", "the rubric"))
        for key in ("id", "title", "source"):
            if not data.get(key):
                self.error(data.line, f"缺少「{key}」", f"missing '{key}'")
        self.incomplete = data.get("complete", True) is False
        missing = [str(m) for m in (data.get("missing") or [])]
        if self.incomplete and not missing:
            self.error(data.line, "标为不完整的细则要在 missing 里说明缺了什么",
                       "a rubric marked incomplete must say what is missing under 'missing'")
        for m in missing:
            self.warn(data.line, f"细则不完整:{m}", f"rubric incomplete: {m}")
        groups = [str(g) for g in (data.get("groups") or [])]
        grades = []
        for band in data.get("grades") or []:
            if not isinstance(band, dict) or "min" not in band or "label" not in band:
                self.error(getattr(band, "line", data.line), "等级应写成 {min: 分数, label: 名称}",
                           "a grade band must be {min: score, label: name}")
                continue
            minimum = self.number(band.line, band["min"], t("等级下限", "grade minimum"))
            if minimum is not None:
                grades.append(Grade(minimum, str(band["label"])))
        columns, targets = self.targets(data.get("targets"), groups, data.line)
        children_data = data.get("children")
        if not isinstance(children_data, list) or not children_data:
            self.error(data.line, "细则没有任何章节(children)", "the rubric has no children")
            children_data = []
        children = [n for n in (self.node(c, None, data.line) for c in children_data) if n is not None]
        for node in _walk(children):
            if isinstance(node, Item) and node.rule.kind in ("metric", "proportional"):
                target = node.rule.spec.get("target")
                if isinstance(target, dict) and target.get("column") not in columns:
                    self.error(node.line, f"{node.id} 的目标列「{target.get('column')}」不在目标表中",
                               f"target column '{target.get('column')}' of {node.id} is not in the target table")
                for key in ("step", "per_step"):
                    value = node.rule.spec.get(key)
                    if isinstance(value, dict):
                        for g in value:
                            if g not in groups:
                                self.error(node.line, f"{node.id} 的分组「{g}」不在 groups 中",
                                           f"group '{g}' of {node.id} is not in groups")
        ranking = parse_ranking(data["ranking"], data.line, self.error) if "ranking" in data else None
        if any(p.severity == "error" for p in self.problems):
            return None
        return Rubric(str(data["id"]), str(data["title"]), canonical_version(data), str(data["source"]).strip(),
                      children, not self.incomplete, missing, str(data.get("notes") or "").strip(), groups, grades,
                      columns, targets, None, text, ranking)

    def targets(self, data: Any, groups: list[str], line: int) -> tuple[list[str], dict[str, TargetRow]]:
        if data is None:
            return [], {}
        if not isinstance(data, dict) or not isinstance(data.get("columns"), list) or not isinstance(data.get("rows"), list):
            self.error(getattr(data, "line", line), "targets 应含 columns 与 rows 两个列表",
                       "targets must hold two lists: columns and rows")
            return [], {}
        columns = [str(c) for c in data["columns"]]
        rows: dict[str, TargetRow] = {}
        for row in data["rows"]:
            if not isinstance(row, dict) or not row.get("name"):
                self.error(getattr(row, "line", data.line), "目标表的每一行都要有 name", "every target row needs a name")
                continue
            name = str(row["name"])
            group = row.get("group")
            if group is not None and str(group) not in groups:
                self.error(row.line, f"目标表「{name}」的分组「{group}」不在 groups 中",
                           f"group '{group}' of target row '{name}' is not in groups")
            values: dict[str, Decimal] = {}
            for key, value in (row.get("values") or {}).items():
                if key not in columns:
                    self.error(row.line, f"目标表「{name}」有未知的列「{key}」", f"target row '{name}' has unknown column '{key}'")
                elif value is not None:
                    number = self.number(row.line, value, f"{name} {key}")
                    if number is not None:
                        values[key] = number
            if name in rows:
                self.error(row.line, f"目标表中「{name}」重复", f"target row '{name}' appears twice")
            rows[name] = TargetRow(name, None if group is None else str(group), values)
        return columns, rows


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        if isinstance(node, Section):
            yield from _walk(node.children)


def check_text(text: str, path: str = "<rubric>") -> tuple[Rubric | None, list[Problem]]:
    """Parse and check a rubric's YAML text; return the rubric (None if any error) and every problem."""
    builder = _Builder(path)
    loader = _Loader(text)
    loader.duplicate_keys = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or str(exc)
        return None, [Problem(path, line, t(f"YAML 格式错误:{problem}", f"YAML syntax error: {problem}"))]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, t(f"YAML 格式错误:{exc}", f"YAML syntax error: {exc}"))]
    finally:
        loader.dispose()
    for key, line in loader.duplicate_keys:
        builder.error(line, f"字段「{key}」在同一处出现两次", f"field '{key}' appears twice in one mapping")
    rubric = builder.rubric(data, text)
    if loader.duplicate_keys:
        rubric = None
    return rubric, builder.problems


def check_file(path: str | Path) -> tuple[Rubric | None, list[Problem]]:
    """Like ``check_text`` for a file; an unreadable file is one problem, not a traceback."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(str(path), 0, t("文件不存在", "file not found"))]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(str(path), 0, t(f"无法读取:{exc}", f"cannot read: {exc}"))]
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
