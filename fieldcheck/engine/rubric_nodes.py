"""The sections and items of a rubric file: ids, points that add up, caps and pools, and each rule
with the keys and values its form takes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, shown
from fieldcheck.engine.rubric import Item, Node, Section
from fieldcheck.engine.rubric_values import _Checker
from fieldcheck.engine.rubric_yaml import _LineDict
from fieldcheck.engine.rules import RULE_KEYS, RULE_REQUIRED, RULES, PerOccurrence, Rule, make_rule
from fieldcheck.engine.rules.counting import counting_word
from fieldcheck.i18n import t

#: sections inside sections: the documents go four deep at most
MAX_DEPTH = 8
SECTION_KEYS = {"id", "title", "points", "kind", "children", "content", "standard", "note", "missing"}
ITEM_KEYS = {"id", "title", "content", "standard", "points", "rule", "cap", "note", "na"}


class _NodeBuilder(_Checker):
    """Sections and items, depth first; each id remembered with its line."""

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
        if isinstance(rule, PerOccurrence):
            rule.word = counting_word(item.standard)
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


def _holds(parent: Section | None, section_id: str) -> bool:
    while parent is not None:
        if parent.id == section_id:
            return True
        parent = parent.parent
    return False


def _walk(nodes: list[Node]) -> Iterator[Node]:
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Section):
            stack.extend(reversed(node.children))
