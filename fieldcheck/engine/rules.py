"""The eleven rule forms of the seed documents: what answer each takes and what it deducts.

A rule turns one item's answer into an ``Outcome``: the raw deduction before any
cap, the bonus earned, or a veto. Caps and pools are applied by ``scoring``, not here.

Answers arrive in the JSON shapes of ``fieldcheck score`` (see README) and are
normalised by ``Rule.parse``; every refusal is an ``AnswerError`` naming the item.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, to_decimal
from fieldcheck.errors import UserError
from fieldcheck.i18n import EMPTY, Text, t

NOT_APPLICABLE = "na"

#: Points are kept to 0.01, the precision of a score sheet.
CENT = Decimal("0.01")


def round_points(value: Decimal) -> tuple[Decimal, bool]:
    """A prorated value kept exact when it fits in two decimals, else rounded half-up to 0.01.

    Division by a step like 3万元 has no exact decimal (1/3 × 0.5 = 0.1666…); a score sheet
    shows 0.17 (四舍五入保留两位小数). Returns the value and whether it was rounded.
    """
    if value == value.quantize(CENT, rounding=ROUND_HALF_UP):
        return value, False
    return value.quantize(CENT, rounding=ROUND_HALF_UP), True


class AnswerError(UserError, ValueError):
    """An answer that cannot be scored; the message names the item and says what is wrong.

    ``text`` keeps it in both languages, for results that show it later.
    """

    def __init__(self, item_id: str, message: str | Text):
        if isinstance(message, str):
            message = Text(message, message)
        self.item_id = item_id
        self.text = Text(f"项目 {item_id}:{message.zh}", f"item {item_id}: {message.en}")
        super().__init__(self.text.zh)

    def __str__(self) -> str:
        return self.text.render()


@dataclass(frozen=True)
class Assessee:
    """Who is being assessed: a name, and the group that picks steps and targets (县市 / 区)."""

    name: str | None = None
    group: str | None = None
    targets: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What one answered item comes to, before caps."""

    deduction: Decimal = ZERO
    bonus: Decimal = ZERO
    veto: str | None = None
    explanation: Text = EMPTY


class Rule:
    """One rule form. Subclasses say how to read an answer and what it deducts."""

    kind: str = ""
    #: a short name of the form, shown in the window and the trace (see ``label``)
    label_zh, label_en = "", ""

    def __init__(self, spec: Mapping[str, Any]):
        self.spec = spec

    @property
    def label(self) -> str:
        return t(self.label_zh, self.label_en)

    # -- reading answers ------------------------------------------------------------
    def parse(self, item_id: str, raw: Any) -> Any:
        """Normalise an answer (not "na", not None) or raise AnswerError."""
        raise NotImplementedError

    def evaluate(self, item_id: str, answer: Any, points: Decimal, assessee: Assessee) -> Outcome:
        raise NotImplementedError

    def max_deduction(self, points: Decimal | None) -> Decimal | None:
        """The most this rule can ever deduct, or None when it is unbounded."""
        return None

    def describe(self, points: Decimal | None) -> str:
        """The rule said plainly, for the inspector's window."""
        raise NotImplementedError

    # -- helpers ----------------------------------------------------------------------
    @staticmethod
    def _count(item_id: str, raw: Any, what: str) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            if isinstance(raw, float) and raw.is_integer() and raw >= 0:
                return int(raw)
            raise AnswerError(item_id, Text(f"需要一个非负整数({what}),收到 {raw!r}",
                                         f"needs a whole number ≥ 0 ({what}), got {raw!r}"))
        if raw < 0:
            raise AnswerError(item_id, Text(f"{what}不能为负数,收到 {raw}",
                                         f"{what} cannot be negative, got {raw}"))
        return raw

    def _names_or_count(self, item_id: str, raw: Any, known: list[str], what: str) -> list[str] | int:
        """A list of names from ``known`` (no repeats), or a count of at most len(known)."""
        if isinstance(raw, list):
            seen: list[str] = []
            for name in raw:
                if not isinstance(name, str):
                    raise AnswerError(item_id, Text(f"{what}应是名称列表,收到 {name!r}",
                                                 f"{what} must be a list of names, got {name!r}"))
                if known and name not in known:
                    raise AnswerError(item_id, Text(
                        f"未知选项「{name}」,可选:{'、'.join(known)}",
                        f"unknown option '{name}'; expected one of: {', '.join(known)}"))
                if name in seen:
                    raise AnswerError(item_id, Text(f"「{name}」重复", f"'{name}' is listed twice"))
                seen.append(name)
            return seen
        count = self._count(item_id, raw, what)
        if known and count > len(known):
            raise AnswerError(item_id, Text(f"{what}最多 {len(known)} 项,收到 {count}",
                                         f"{what} can be at most {len(known)}, got {count}"))
        return count

    def _deduct(self, points: Decimal | None) -> Decimal:
        if "deduct" in self.spec:
            return to_decimal(self.spec["deduct"])
        if points is None:
            raise ValueError("rule needs 'deduct' when the item has no points of its own")
        return points


class PerOccurrence(Rule):
    """发现一处错误扣2分 / 延报错报一次扣1分: a count times a fixed deduction."""

    kind = "per_occurrence"
    label_zh, label_en = "按次扣分", "per case"
    unit_zh, unit_en = "处", "case(s)"

    def parse(self, item_id, raw):
        return self._count(item_id, raw, t("发现次数", "number of cases"))

    def evaluate(self, item_id, answer, points, assessee):
        each = self._deduct(points)
        d = each * answer
        return Outcome(d, explanation=Text(f"发现 {answer} {self.unit_zh} × {fmt(each)} 分 = 扣 {fmt(d)} 分",
                                        f"{answer} {self.unit_en} × {fmt(each)} = −{fmt(d)}"))

    def describe(self, points):
        return t(f"每发现一{self.unit_zh}扣 {fmt(self._deduct(points))} 分",
                 f"−{fmt(self._deduct(points))} per case found")


class PerEvent(PerOccurrence):
    """一户不得脱贫扣10分: a fixed deduction for each event."""

    kind = "per_event"
    label_zh, label_en = "按事件扣分", "per event"
    unit_zh, unit_en = "次", "event(s)"

    def parse(self, item_id, raw):
        return self._count(item_id, raw, t("事件数", "number of events"))

    def describe(self, points):
        what = self.spec.get("event", t("每发生一次", "each event"))
        return t(f"{what}扣 {fmt(self._deduct(points))} 分", f"−{fmt(self._deduct(points))} for {what}")


class MissingElements(Rule):
    """每缺少一项扣2分: the item lists its elements; the answer says which (or how many) are missing."""

    kind = "missing_elements"
    label_zh, label_en = "缺项扣分", "per missing element"

    @property
    def elements(self) -> list[str]:
        return list(self.spec.get("elements") or [])

    def parse(self, item_id, raw):
        return self._names_or_count(item_id, raw, self.elements, t("缺少的项", "missing elements"))

    def evaluate(self, item_id, answer, points, assessee):
        each = self._deduct(points)
        n = len(answer) if isinstance(answer, list) else answer
        d = each * n
        which = f"({'、'.join(answer)})" if isinstance(answer, list) and answer else ""
        return Outcome(d, explanation=Text(f"缺少 {n} 项{which} × {fmt(each)} 分 = 扣 {fmt(d)} 分",
                                        f"{n} missing{which} × {fmt(each)} = −{fmt(d)}"))

    def max_deduction(self, points):
        return self._deduct(points) * len(self.elements) if self.elements else None

    def describe(self, points):
        return t(f"每缺少一项扣 {fmt(self._deduct(points))} 分", f"−{fmt(self._deduct(points))} per missing element")


class DutyChecklist(Rule):
    """"十个一"有一个完成不了,扣10分: all or nothing over a list of duties."""

    kind = "duty_checklist"
    label_zh, label_en = "职责清单", "duty checklist"

    @property
    def duties(self) -> list[str]:
        return list(self.spec.get("duties") or [])

    def parse(self, item_id, raw):
        if not isinstance(raw, dict) or set(raw) != {"not_done"}:
            raise AnswerError(item_id, Text('需要 {"not_done": 未完成的职责名称或数目}',
                                         'needs {"not_done": names or number of duties not done}'))
        return {"not_done": self._names_or_count(item_id, raw["not_done"], self.duties,
                                                  t("未完成的职责", "duties not done"))}

    def evaluate(self, item_id, answer, points, assessee):
        nd = answer["not_done"]
        n = len(nd) if isinstance(nd, list) else nd
        if n == 0:
            return Outcome(ZERO, explanation=Text("全部完成", "all done"))
        d = self._deduct(points)
        which = f"({'、'.join(nd)})" if isinstance(nd, list) else ""
        return Outcome(d, explanation=Text(f"{n} 项未完成{which},扣 {fmt(d)} 分",
                                        f"{n} not done{which}: −{fmt(d)}"))

    def max_deduction(self, points):
        return self._deduct(points)

    def describe(self, points):
        return t(f"有一项完成不了即扣 {fmt(self._deduct(points))} 分",
                 f"−{fmt(self._deduct(points))} if any duty is not done")


class MinimumOptions(Rule):
    """至少2种宣传方式,否则不得分: the item's points, or nothing."""

    kind = "min_options"
    label_zh, label_en = "最少项数", "minimum options"

    @property
    def options(self) -> list[str]:
        return list(self.spec.get("options") or [])

    @property
    def minimum(self) -> int:
        return int(self.spec["minimum"])

    def parse(self, item_id, raw):
        if not isinstance(raw, dict) or set(raw) != {"selected"}:
            raise AnswerError(item_id, Text('需要 {"selected": 采用的方式名称或数目}',
                                         'needs {"selected": names or number of options used}'))
        return {"selected": self._names_or_count(item_id, raw["selected"], self.options,
                                                  t("采用的方式", "options used"))}

    def evaluate(self, item_id, answer, points, assessee):
        sel = answer["selected"]
        n = len(sel) if isinstance(sel, list) else sel
        if n >= self.minimum:
            return Outcome(ZERO, explanation=Text(f"采用 {n} 种,达到至少 {self.minimum} 种",
                                               f"{n} used, at least {self.minimum} required"))
        d = self._deduct(points)
        return Outcome(d, explanation=Text(f"仅采用 {n} 种,少于 {self.minimum} 种,不得分(扣 {fmt(d)} 分)",
                                        f"only {n} used, fewer than {self.minimum}: no points (−{fmt(d)})"))

    def max_deduction(self, points):
        return self._deduct(points)

    def describe(self, points):
        return t(f"至少采用 {self.minimum} 种,否则不得分", f"at least {self.minimum} required, else no points")


class PassFail(Rule):
    """没有不得分 / 未专题研究扣2分: met or not; not met deducts the item's points or a fixed amount."""

    kind = "pass_fail"
    label_zh, label_en = "达标与否", "met or not"

    def parse(self, item_id, raw):
        if not isinstance(raw, bool):
            raise AnswerError(item_id, Text(f"需要 true(达标)或 false(未达标),收到 {raw!r}",
                                         f"needs true (met) or false (not met), got {raw!r}"))
        return raw

    def evaluate(self, item_id, answer, points, assessee):
        if answer:
            return Outcome(ZERO, explanation=Text("达标", "met"))
        d = self._deduct(points)
        return Outcome(d, explanation=Text(f"未达标,扣 {fmt(d)} 分", f"not met: −{fmt(d)}"))

    def max_deduction(self, points):
        return self._deduct(points)

    def describe(self, points):
        if "deduct" in self.spec:
            return t(f"未达到扣 {fmt(self._deduct(points))} 分", f"−{fmt(self._deduct(points))} if not met")
        return t("达到得满分,否则不得分", "full points if met, else none")


class Rating(Rule):
    """基本满意和不满意不得分: a label from a fixed list, each worth some points."""

    kind = "rating"
    label_zh, label_en = "评价等级", "rating"

    @property
    def levels(self) -> dict[str, Decimal]:
        return {str(k): to_decimal(v) for k, v in (self.spec.get("levels") or {}).items()}

    def parse(self, item_id, raw):
        if raw not in self.levels:
            raise AnswerError(item_id, Text(f"未知评价「{raw}」,可选:{'、'.join(self.levels)}",
                                         f"unknown rating {raw!r}; expected one of: {', '.join(self.levels)}"))
        return raw

    def evaluate(self, item_id, answer, points, assessee):
        got = self.levels[answer]
        d = max(ZERO, points - got)
        return Outcome(d, explanation=Text(f"「{answer}」得 {fmt(got)} 分(扣 {fmt(d)} 分)",
                                        f"'{answer}' earns {fmt(got)} (−{fmt(d)})"))

    def max_deduction(self, points):
        return points - min(self.levels.values()) if points is not None and self.levels else None

    def describe(self, points):
        return "、".join(f"{k} {fmt(v)} 分" for k, v in self.levels.items())


def _per_group(item_id: str, value: Any, assessee: Assessee, what: str) -> Decimal:
    """A number, or a mapping from assessee group (县市 / 区) to a number."""
    if isinstance(value, dict):
        if assessee.group is None:
            raise AnswerError(item_id, Text(f"{what}因分组而异,请给出被考核单位的分组({'/'.join(value)})",
                                         f"{what} depends on the group; give the assessee's group ({'/'.join(value)})"))
        if assessee.group not in value:
            raise AnswerError(item_id, Text(f"分组「{assessee.group}」没有对应的{what}",
                                         f"no {what} for group '{assessee.group}'"))
        return to_decimal(value[assessee.group])
    return to_decimal(value)


class _TargetRule(Rule):
    """Shared reading of ``number`` or ``{"actual", "target"}`` answers against a target."""

    def parse(self, item_id, raw):
        if isinstance(raw, dict):
            if "actual" not in raw or not set(raw) <= {"actual", "target"}:
                raise AnswerError(item_id, Text('需要数值,或 {"actual": 实际值, "target": 目标值}',
                                             'needs a number or {"actual": …, "target": …}'))
            out = {"actual": self._number(item_id, raw["actual"])}
            if raw.get("target") is not None:
                out["target"] = self._number(item_id, raw["target"])
            return out
        return {"actual": self._number(item_id, raw)}

    @staticmethod
    def _number(item_id: str, raw: Any) -> Decimal:
        try:
            value = to_decimal(raw)
        except ValueError:
            raise AnswerError(item_id, Text(f"需要一个数值,收到 {raw!r}", f"needs a number, got {raw!r}")) from None
        if value < 0:
            raise AnswerError(item_id, Text(f"数值不能为负数,收到 {fmt(value)}", f"cannot be negative, got {fmt(value)}"))
        return value

    def target(self, item_id: str, answer: Mapping[str, Decimal], assessee: Assessee) -> Decimal:
        """The answer's own target wins; then the assessee's row of the target table; then the rubric's."""
        if "target" in answer:
            return answer["target"]
        spec = self.spec.get("target")
        if isinstance(spec, dict) and "column" in spec:
            column = spec["column"]
            if column in assessee.targets:
                return assessee.targets[column]
            if "default" in spec:
                return to_decimal(spec["default"])
            who = assessee.name or t("未指定", "unnamed")
            raise AnswerError(item_id, Text(f"目标表中没有「{who}」的「{column}」,请在答案中给出 target",
                                         f"the target table has no '{column}' for '{who}'; give a target with the answer"))
        if spec is None:
            raise AnswerError(item_id, Text('没有目标值,请给出 {"actual": …, "target": …}',
                                         'no target; give {"actual": …, "target": …}'))
        return to_decimal(spec)

    def target_text(self) -> str:
        spec = self.spec.get("target")
        if isinstance(spec, dict):
            return t(f"目标见目标任务分解表「{spec['column']}」列", f"target from the table column '{spec['column']}'")
        if spec is None:
            return t("目标随答案给出", "target given with the answer")
        return t(f"目标 {fmt(to_decimal(spec))}", f"target {fmt(to_decimal(spec))}")


class Metric(_TargetRule):
    """减贫率每减少一个百分点扣1分: the shortfall against a target, in steps, times points per step.

    Shortfall is prorated exactly unless the rule says ``rounding: floor`` or ``ceil``
    (whole steps only). Step and points per step may depend on the assessee's group.
    """

    kind = "metric"
    label_zh, label_en = "指标对比", "against a target"

    def evaluate(self, item_id, answer, points, assessee):
        actual = answer["actual"]
        target = self.target(item_id, answer, assessee)
        step = _per_group(item_id, self.spec["step"], assessee, t("步长", "step"))
        per_step = _per_group(item_id, self.spec["per_step"], assessee, t("每步扣分", "points per step"))
        unit = self.spec.get("unit", "")
        shortfall = max(ZERO, target - actual)
        steps = shortfall / step
        rounding = self.spec.get("rounding", "exact")
        if rounding == "floor":
            steps = steps.to_integral_value(rounding=ROUND_FLOOR)
        elif rounding == "ceil":
            steps = steps.to_integral_value(rounding=ROUND_CEILING)
        d, rounded = round_points(steps * per_step)
        if shortfall == 0:
            text = Text(f"实际 {fmt(actual)}{unit},达到目标 {fmt(target)}{unit}",
                     f"actual {fmt(actual)}{unit} meets target {fmt(target)}{unit}")
        else:
            text = Text(f"实际 {fmt(actual)}{unit},目标 {fmt(target)}{unit},差 {fmt(shortfall)}{unit};"
                     f"每差 {fmt(step)}{unit} 扣 {fmt(per_step)} 分 = 扣 {fmt(d)} 分",
                     f"actual {fmt(actual)}{unit}, target {fmt(target)}{unit}, short {fmt(shortfall)}{unit}; "
                     f"−{fmt(per_step)} per {fmt(step)}{unit} = −{fmt(d)}")
        if rounded:
            text += Text("(四舍五入保留两位小数)", " (rounded to 0.01)")
        return Outcome(d, explanation=text)

    def describe(self, points):
        unit = self.spec.get("unit", "")
        step, per = self.spec["step"], self.spec["per_step"]
        if isinstance(step, dict) or isinstance(per, dict):
            groups = list(step) if isinstance(step, dict) else list(per)
            parts = []
            for g in groups:
                s = step[g] if isinstance(step, dict) else step
                p = per[g] if isinstance(per, dict) else per
                parts.append(t(f"{g}每少 {fmt(to_decimal(s))}{unit} 扣 {fmt(to_decimal(p))} 分",
                               f"{g}: −{fmt(to_decimal(p))} per {fmt(to_decimal(s))}{unit} short"))
            core = t(";", "; ").join(parts)
        else:
            core = t(f"每少 {fmt(to_decimal(step))}{unit} 扣 {fmt(to_decimal(per))} 分",
                     f"−{fmt(to_decimal(per))} per {fmt(to_decimal(step))}{unit} short")
        return t(f"{core}({self.target_text()})", f"{core} ({self.target_text()})")


class Proportional(_TargetRule):
    """其他按比例计分: points × actual / target, at most the points."""

    kind = "proportional"
    label_zh, label_en = "按比例计分", "in proportion"

    def evaluate(self, item_id, answer, points, assessee):
        actual = answer["actual"]
        target = self.target(item_id, answer, assessee)
        ratio = Decimal(1) if target <= 0 else min(Decimal(1), actual / target)
        earned, rounded = round_points(points * ratio)
        d = points - earned
        text = Text(f"完成 {fmt(actual)} / {fmt(target)},得 {fmt(earned)} 分(扣 {fmt(d)} 分)",
                 f"{fmt(actual)} of {fmt(target)} done: {fmt(earned)} (−{fmt(d)})")
        if rounded:
            text += Text("(四舍五入保留两位小数)", " (rounded to 0.01)")
        return Outcome(d, explanation=text)

    def max_deduction(self, points):
        return points

    def describe(self, points):
        return t(f"完成目标得满分,否则按比例计分({self.target_text()})",
                 f"full points at target, else in proportion ({self.target_text()})")


class Bonus(Rule):
    """加5分: earned or not; added after deductions, capped by the bonus section."""

    kind = "bonus"
    label_zh, label_en = "加分", "bonus"

    @property
    def add(self) -> Decimal:
        return to_decimal(self.spec["add"])

    def parse(self, item_id, raw):
        if not isinstance(raw, bool):
            raise AnswerError(item_id, Text(f"需要 true(加分)或 false,收到 {raw!r}",
                                         f"needs true (bonus earned) or false, got {raw!r}"))
        return raw

    def evaluate(self, item_id, answer, points, assessee):
        if answer:
            return Outcome(bonus=self.add, explanation=Text(f"加 {fmt(self.add)} 分", f"+{fmt(self.add)}"))
        return Outcome(explanation=Text("不加分", "no bonus"))

    def describe(self, points):
        return t(f"符合条件加 {fmt(self.add)} 分", f"+{fmt(self.add)} when earned")


class Veto(Rule):
    """取消年度考核排序资格: the score stands, the assessee is taken out of the ranking."""

    kind = "veto"
    label_zh, label_en = "一票否决", "veto"

    def parse(self, item_id, raw):
        if not isinstance(raw, bool):
            raise AnswerError(item_id, Text(f"需要 true(存在该情形)或 false,收到 {raw!r}",
                                         f"needs true (applies) or false, got {raw!r}"))
        return raw

    def evaluate(self, item_id, answer, points, assessee):
        if answer:
            reason = self.spec.get("reason", item_id)
            return Outcome(veto=reason, explanation=Text(f"取消排序资格:{reason}", f"out of ranking: {reason}"))
        return Outcome(explanation=Text("无此情形", "does not apply"))

    def describe(self, points):
        return t("存在该情形的,分数照计,取消排序资格", "score stands; out of ranking if it applies")


RULES: dict[str, type[Rule]] = {
    cls.kind: cls
    for cls in (PerOccurrence, PerEvent, MissingElements, DutyChecklist, MinimumOptions, PassFail,
                Rating, Metric, Proportional, Bonus, Veto)
}

#: the keys each rule form accepts in a rubric file, besides ``type``
RULE_KEYS: dict[str, set[str]] = {
    "per_occurrence": {"deduct"},
    "per_event": {"deduct", "event"},
    "missing_elements": {"deduct", "elements", "elements_note"},
    "duty_checklist": {"deduct", "duties", "duties_note"},
    "min_options": {"deduct", "options", "minimum"},
    "pass_fail": {"deduct"},
    "rating": {"levels"},
    "metric": {"target", "step", "per_step", "unit", "rounding"},
    "proportional": {"target", "unit"},
    "bonus": {"add"},
    "veto": {"reason"},
}

#: keys a rule form cannot do without
RULE_REQUIRED: dict[str, set[str]] = {
    "per_occurrence": {"deduct"},
    "per_event": {"deduct"},
    "missing_elements": {"deduct"},
    "duty_checklist": {"duties"},
    "min_options": {"options", "minimum"},
    "rating": {"levels"},
    "metric": {"step", "per_step"},
    "bonus": {"add"},
}


def make_rule(spec: Mapping[str, Any]) -> Rule:
    return RULES[spec["type"]](spec)


__all__ = ["AnswerError", "Assessee", "Outcome", "Rule", "RULES", "make_rule", "NOT_APPLICABLE"]
