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

from fieldcheck.engine.numbers import LIMIT, ZERO, NumberError, fmt, shown, to_decimal
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
    """An answer that cannot be scored, said the way an inspector would: "6.3 贫困村项目投入:金额不能是负数(填的是 -5)".

    ``text`` keeps it in both languages, for results that show it later; ``reason`` is
    the sentence without the item; ``titled`` adds the item's title once it is known.
    """

    def __init__(self, item_id: str, message: str | Text, title: str = ""):
        if isinstance(message, str):
            message = Text(message, message)
        self.item_id = item_id
        self.reason = message
        self.title = title
        self.text = self._text()
        super().__init__(self.text.zh)

    def _text(self) -> Text:
        who = f"{self.item_id} {self.title}".strip()
        return Text(f"{who}:{self.reason.zh}", f"{who}: {self.reason.en}")

    def titled(self, title: str) -> AnswerError:
        """The same error naming the item's title too (the rules know only its id)."""
        if title and not self.title:
            self.title = title
            self.text = self._text()
            self.args = (self.text.zh,)
        return self

    def __str__(self) -> str:
        return self.text.render()


#: the most occurrences, households or villages one answer may count: a larger number is a typo
MAX_COUNT = 1000


def _what(unit: str) -> Text:
    """What a number with this unit is, in words: 金额, 百分比, 户数 …"""
    if unit in ("万元", "元"):
        return Text("金额", "the amount")
    if unit == "%":
        return Text("百分比", "the percentage")
    if unit in ("户", "人", "个村", "个"):
        return Text(f"{unit.lstrip('个')}数", "the number")
    return Text("数值", "the value")


@dataclass(frozen=True)
class Assessee:
    """Who is being assessed: a name, and the group that picks steps and targets (县市 / 区).

    ``row`` is the name of the target table's row the targets came from: None when the
    assessee is not in a table, "" for a stored assessee the table does not know (no
    default target applies then); ``ranked`` is False for units the method does not rank.
    """

    name: str | None = None
    group: str | None = None
    targets: Mapping[str, Decimal] = field(default_factory=dict)
    row: str | None = None
    ranked: bool = True
    partial: bool = False


@dataclass(frozen=True)
class Outcome:
    """What one answered item comes to, before caps.

    ``target`` and ``target_source`` say which target a metric used and where it came
    from ("answer", "table" or "rubric"); ``warnings`` are plausibility notes, not refusals.
    """

    deduction: Decimal = ZERO
    bonus: Decimal = ZERO
    veto: str | None = None
    explanation: Text = EMPTY
    target: Decimal | None = None
    target_source: str = ""
    warnings: tuple[Text, ...] = ()
    prorated: bool = False


#: the most ways one "其他" field may name: more is a paste gone wrong
MAX_OTHER = 20
#: what separates several ways typed into one "其他 (请注明)" field: 广播、微信群 / 广播,微信群
OTHER_SEPARATORS = "、,,;;/\n"


def other_names(raw: Any) -> Any:
    """The ways named under "其他": a list as given, or text split at 、,; (anything else is left for the check)."""
    if isinstance(raw, str):
        for sep in OTHER_SEPARATORS[1:]:
            raw = raw.replace(sep, OTHER_SEPARATORS[0])
        return [part.strip() for part in raw.split(OTHER_SEPARATORS[0]) if part.strip()]
    return raw


class Rule:
    """One rule form. Subclasses say how to read an answer and what it deducts."""

    kind: str = ""
    #: a short name of the form, shown in the window and the trace (see ``label``)
    label_zh, label_en = "", ""

    def __init__(self, spec: Mapping[str, Any]):
        self.spec = spec
        #: the largest count an answer may give (set by the loader from the item's pool)
        self.count_limit: int = MAX_COUNT

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
    def _count(self, item_id: str, raw: Any, what: Text, limit: int | None = None) -> int:
        limit = self.count_limit if limit is None else limit
        value: Any = raw
        if isinstance(raw, str):
            try:
                value = to_decimal(raw)
            except ValueError:
                value = raw
        if isinstance(value, Decimal) and value == value.to_integral_value():
            value = int(value)
        if isinstance(value, float) and value.is_integer() and abs(value) <= LIMIT:
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(item_id, Text(f"{what.zh}应是 0 或正整数(填的是 {shown(raw)})",
                                         f"{what.en} must be a whole number, 0 or more (got {shown(raw)})"))
        if value < 0:
            raise AnswerError(item_id, Text(f"{what.zh}不能是负数(填的是 {value})",
                                         f"{what.en} cannot be negative (got {value})"))
        if value > limit:
            raise AnswerError(item_id, Text(f"{what.zh}最多 {limit}(填的是 {shown(raw)}),请核对",
                                         f"{what.en} can be at most {limit} (got {shown(raw)}); please check"))
        return value

    def _names_or_count(self, item_id: str, raw: Any, known: list[str], what: Text,
                        open_list: bool = False, limit: int | None = None) -> list[str] | int:
        """A list of names from ``known`` (no repeats), or a count of at most len(known).

        An open list (如…等, a meeting that recurs) also takes names it does not list and
        counts beyond its length, up to ``limit``.
        """
        if limit is None:
            limit = len(known) if known and not open_list else self.count_limit
        if isinstance(raw, list):
            if len(raw) > limit:
                raise AnswerError(item_id, Text(f"{what.zh}最多 {limit} 项(列了 {len(raw)} 项)",
                                             f"{what.en} can be at most {limit} (listed {len(raw)})"))
            seen: list[str] = []
            for name in raw:
                if not isinstance(name, str) or not name.strip() or len(name) > 60:
                    raise AnswerError(item_id, Text(f"{what.zh}应是一串名称(其中有 {shown(name)})",
                                                 f"{what.en} must be a list of names (one is {shown(name)})"))
                name = name.strip()
                if known and name not in known and not open_list:
                    raise AnswerError(item_id, Text(
                        f"没有「{shown(name)}」这一项,可选:{'、'.join(known)}",
                        f"there is no '{shown(name)}' here; expected one of: {', '.join(known)}"))
                if name in seen:
                    raise AnswerError(item_id, Text(f"「{shown(name)}」写了两次", f"'{shown(name)}' is listed twice"))
                seen.append(name)
            return seen
        return self._count(item_id, raw, what, limit)

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
        return self._count(item_id, raw, Text("发现的处数", "the number of cases"))

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
        return self._count(item_id, raw, Text("发生的次数", "the number of events"))

    def describe(self, points):
        what = self.spec.get("event", t("每发生一次", "each event"))
        return t(f"{what}扣 {fmt(self._deduct(points))} 分", f"−{fmt(self._deduct(points))} for {what}")


class MissingElements(Rule):
    """每缺少一项扣2分: the item lists its elements; the answer says which (or how many) are missing.

    ``open: true`` (如…等 gives examples; 每月/每周 meetings recur) lets the answer name or
    count missing items beyond the listed ones; ``size`` is the number of elements of a
    list the text names without listing (六个一: 6).
    """

    kind = "missing_elements"
    label_zh, label_en = "缺项扣分", "per missing element"

    @property
    def elements(self) -> list[str]:
        return list(self.spec.get("elements") or [])

    @property
    def open(self) -> bool:
        return bool(self.spec.get("open"))

    @property
    def size(self) -> int | None:
        if self.elements and not self.open:
            return len(self.elements)
        size = self.spec.get("size")
        return int(size) if isinstance(size, int) and not isinstance(size, bool) else None

    def parse(self, item_id, raw):
        limit = self.size if self.size is not None and not self.open else None
        return self._names_or_count(item_id, raw, self.elements, Text("缺少的项", "the missing elements"),
                                    self.open, limit)

    def evaluate(self, item_id, answer, points, assessee):
        each = self._deduct(points)
        n = len(answer) if isinstance(answer, list) else answer
        d = each * n
        which = f"({'、'.join(answer)})" if isinstance(answer, list) and answer else ""
        return Outcome(d, explanation=Text(f"缺少 {n} 项{which} × {fmt(each)} 分 = 扣 {fmt(d)} 分",
                                        f"{n} missing{which} × {fmt(each)} = −{fmt(d)}"))

    def max_deduction(self, points):
        if self.open or self.size is None:
            return None
        return self._deduct(points) * self.size

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
            raise AnswerError(item_id, Text('请写成 {"not_done": 未完成的职责名称或项数}',
                                         'write {"not_done": the names or number of duties not done}'))
        return {"not_done": self._names_or_count(item_id, raw["not_done"], self.duties,
                                                  Text("未完成的职责", "the duties not done"))}

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
    """至少2种宣传方式,否则不得分: the item's points, or nothing.

    ``open: true`` (the list gives examples, not every way there is) adds "其他 (请注明)":
    the answer's ``other`` names the ways used beyond the list, ``{"selected": ["宣传栏"],
    "other": ["广播", "微信群"]}``; each one named counts as one (the rubric declares this
    reading). ``selected`` still takes only the listed names, so a typo is refused, not counted.
    """

    kind = "min_options"
    label_zh, label_en = "最少项数", "minimum options"

    @property
    def options(self) -> list[str]:
        return list(self.spec.get("options") or [])

    @property
    def minimum(self) -> int:
        return int(self.spec["minimum"])

    @property
    def open(self) -> bool:
        return bool(self.spec.get("open"))

    def parse(self, item_id, raw):
        keys = {"selected", "other"} if self.open else {"selected"}
        if not isinstance(raw, dict) or "selected" not in raw or not set(raw) <= keys:
            if isinstance(raw, dict) and "other" in raw and not self.open:
                raise AnswerError(item_id, Text(f"本项只能从所列方式中选择:{'、'.join(self.options)}",
                                             f"only the listed options count here: {', '.join(self.options)}"))
            raise AnswerError(item_id, Text('请写成 {"selected": 采用的方式名称或种数}',
                                         'write {"selected": the names or number of options used}'))
        selected = self._names_or_count(item_id, raw["selected"], self.options, Text("采用的方式", "the options used"))
        if "other" not in raw:
            return {"selected": selected}
        if not isinstance(selected, list):
            raise AnswerError(item_id, Text("写了「其他」时,请列出所选方式的名称,而不是种数",
                                         "with other ways named, list the chosen options by name, not a number"))
        named = other_names(raw["other"])
        if not isinstance(named, list):
            raise AnswerError(item_id, Text(f"「其他」应写明方式的名称(填的是 {shown(raw['other'])})",
                                         f"other must name the ways used (got {shown(raw['other'])})"))
        other = self._names_or_count(item_id, named, [], Text("其他方式", "the other ways"), True, MAX_OTHER)
        assert isinstance(other, list)  # a list in, a list out
        for name in other:
            if name in self.options:
                raise AnswerError(item_id, Text(f"「{name}」在所列方式中,请直接勾选,不要写在「其他」里",
                                             f"'{name}' is one of the listed options: tick it, not under other"))
        return {"selected": selected, "other": other} if other else {"selected": selected}

    @staticmethod
    def used(answer: Mapping[str, Any]) -> int:
        """How many ways the answer counts: the listed ones chosen, and each other one named."""
        sel = answer["selected"]
        return (len(sel) if isinstance(sel, list) else sel) + len(answer.get("other") or [])

    @staticmethod
    def chosen_text(answer: Mapping[str, Any], other: str = "其他:") -> str:
        """What was chosen, for the trace and the sheet: "宣传栏、其他:广播、微信群" ("" for a bare count)."""
        sel = answer["selected"]
        names = list(sel) if isinstance(sel, list) else []
        if answer.get("other"):
            names.append(other + "、".join(answer["other"]))
        return "、".join(names)

    def evaluate(self, item_id, answer, points, assessee):
        n = self.used(answer)
        zh, en = self.chosen_text(answer), self.chosen_text(answer, "other: ")
        zh, en = (f"({zh})", f" ({en})") if zh else ("", "")
        if n >= self.minimum:
            return Outcome(ZERO, explanation=Text(f"采用 {n} 种{zh},达到至少 {self.minimum} 种",
                                               f"{n} used{en}, at least {self.minimum} required"))
        d = self._deduct(points)
        return Outcome(d, explanation=Text(f"仅采用 {n} 种{zh},少于 {self.minimum} 种,不得分(扣 {fmt(d)} 分)",
                                        f"only {n} used{en}, fewer than {self.minimum}: no points (−{fmt(d)})"))

    def max_deduction(self, points):
        return self._deduct(points)

    def describe(self, points):
        text = t(f"至少采用 {self.minimum} 种,否则不得分", f"at least {self.minimum} required, else no points")
        if self.open:  # say it where the inspector reads the rule: 广播 counts once it is named
            text += t(";所列之外的方式写在「其他」中,每种计一种", "; ways beyond the list, named under other, count one each")
        return text


def _yes_no(item_id: str, raw: Any, yes: Text, no: Text) -> bool:
    if not isinstance(raw, bool):
        raise AnswerError(item_id, Text(f"请填 true({yes.zh})或 false({no.zh}),填的是 {shown(raw)}",
                                     f"answer true ({yes.en}) or false ({no.en}), not {shown(raw)}"))
    return raw


class PassFail(Rule):
    """没有不得分 / 未专题研究扣2分: met or not; not met deducts the item's points or a fixed amount."""

    kind = "pass_fail"
    label_zh, label_en = "达标与否", "met or not"

    def parse(self, item_id, raw):
        return _yes_no(item_id, raw, Text("达标", "met"), Text("未达标", "not met"))

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
        levels = self.levels
        label = raw.strip() if isinstance(raw, str) else raw
        if not isinstance(label, str) or label not in levels:
            raise AnswerError(item_id, Text(f"评价只能是 {'、'.join(levels)} 之一(填的是 {shown(raw)})",
                                         f"the rating must be one of {', '.join(levels)} (got {shown(raw)})"))
        return label

    def evaluate(self, item_id, answer, points, assessee):
        got = self.levels[answer]
        d = max(ZERO, points - got)
        return Outcome(d, explanation=Text(f"「{answer}」得 {fmt(got)} 分(扣 {fmt(d)} 分)",
                                        f"'{answer}' earns {fmt(got)} (−{fmt(d)})"))

    def max_deduction(self, points):
        return points - min(self.levels.values()) if points is not None and self.levels else None

    def describe(self, points):
        return "、".join(f"{k} {fmt(v)} 分" for k, v in self.levels.items())


def _per_group(item_id: str, value: Any, assessee: Assessee, what: Text) -> Decimal:
    """A number, or a mapping from assessee group (县市 / 区) to a number."""
    if isinstance(value, dict):
        if assessee.group is None:
            raise AnswerError(item_id, Text(f"{what.zh}因分组({'/'.join(value)})而异,请写明被考核单位及其分组",
                                         f"{what.en} depends on the group ({'/'.join(value)}); name the assessee"))
        if assessee.group not in value:
            raise AnswerError(item_id, Text(f"分组「{assessee.group}」没有对应的{what.zh}",
                                         f"no {what.en} for group '{assessee.group}'"))
        return to_decimal(value[assessee.group])
    return to_decimal(value)


#: a value this many times above its target (or below, for its inverse) is out of scale
OUT_OF_SCALE = Decimal(50)


class _TargetRule(Rule):
    """Shared reading of ``number`` or ``{"actual", "target"}`` answers against a target."""

    @property
    def unit(self) -> str:
        unit = self.spec.get("unit", "")
        return unit if isinstance(unit, str) else ""

    def parse(self, item_id, raw):
        if isinstance(raw, dict):
            if "actual" not in raw or not set(raw) <= {"actual", "target"}:
                raise AnswerError(item_id, Text('请填一个数,或写成 {"actual": 实际值, "target": 目标值}',
                                             'give a number, or {"actual": …, "target": …}'))
            out = {"actual": self._number(item_id, raw["actual"])}
            if raw.get("target") is not None:
                out["target"] = self._number(item_id, raw["target"], Text("目标", "the target"))
            return out
        return {"actual": self._number(item_id, raw)}

    def _number(self, item_id: str, raw: Any, what: Text | None = None) -> Decimal:
        what = what or _what(self.unit)
        text = raw
        if isinstance(raw, str) and self.unit and raw.strip().endswith(self.unit):
            text = raw.strip()[: -len(self.unit)]  # "29.5万元" for a 万元 item
        try:
            value = to_decimal(text)
        except NumberError as exc:
            if exc.reason in ("big", "digits"):
                raise AnswerError(item_id, Text(f"{what.zh}大得不合常理(填的是 {shown(raw)}),请核对",
                                             f"{what.en} is implausibly large (got {shown(raw)}); please check")) from None
            raise AnswerError(item_id, Text(f"{what.zh}应是一个数(填的是 {shown(raw)})",
                                         f"{what.en} must be a number (got {shown(raw)})")) from None
        if value < 0:
            raise AnswerError(item_id, Text(f"{what.zh}不能是负数(填的是 {fmt(value)})",
                                         f"{what.en} cannot be negative (got {fmt(value)})"))
        return value

    def target(self, item_id: str, answer: Mapping[str, Decimal], assessee: Assessee) -> Decimal:
        """The answer's own target wins; then the assessee's row of the target table; then the rubric's."""
        return self.target_and_source(item_id, answer, assessee)[0]

    def table_column(self) -> str | None:
        spec = self.spec.get("target")
        return spec.get("column") if isinstance(spec, dict) else None

    def target_and_source(self, item_id: str, answer: Mapping[str, Any],
                          assessee: Assessee) -> tuple[Decimal, str]:
        """The target and where it came from: "answer", "table" (the assessee's row) or "rubric"."""
        if "target" in answer:
            return answer["target"], "answer"
        spec = self.spec.get("target")
        if isinstance(spec, dict) and "column" in spec:
            column = spec["column"]
            if column in assessee.targets:
                return assessee.targets[column], "table"
            if "default" in spec and assessee.row is None:
                return to_decimal(spec["default"]), "rubric"
            who = assessee.name or t("未指定", "unnamed")
            raise AnswerError(item_id, Text(f"目标表中没有「{who}」的「{column}」,请在答案中给出目标(target)",
                                         f"the target table has no '{column}' for '{who}'; give a target with the answer"))
        if spec is None:
            raise AnswerError(item_id, Text('细则没有给出目标,请写成 {"actual": 实际值, "target": 目标值}',
                                         'the rubric gives no target; write {"actual": …, "target": …}'))
        return to_decimal(spec), "rubric"

    def target_text(self) -> str:
        spec = self.spec.get("target")
        if isinstance(spec, dict):
            return t(f"目标见目标任务分解表「{spec['column']}」列", f"target from the table column '{spec['column']}'")
        if spec is None:
            return t("目标随答案给出", "target given with the answer")
        return t(f"目标 {fmt(to_decimal(spec))}", f"target {fmt(to_decimal(spec))}")

    def plausibility(self, actual: Decimal, target: Decimal) -> tuple[Text, ...]:
        """Warnings when a value is far out of scale for its target: 元 for 万元, 0.158 for 15.8%."""
        unit = self.unit
        if target <= 0 or actual <= 0:
            return ()
        if actual >= target * OUT_OF_SCALE:
            hint = (Text(";是否把「元」当成了「万元」?", "; entered in 元 instead of 万元?") if unit == "万元"
                    else EMPTY)
            return (Text(f"填的 {fmt(actual)}{unit} 是目标 {fmt(target)}{unit} 的 {fmt((actual / target).quantize(Decimal(1)))} 倍,"
                         f"请核对单位", f"{fmt(actual)}{unit} is {fmt((actual / target).quantize(Decimal(1)))} times the "
                         f"target {fmt(target)}{unit}; check the unit") + hint,)
        if actual * OUT_OF_SCALE <= target:
            if unit == "%" and actual < 1:
                return (Text(f"填的 {fmt(actual)}% 像是小数写法;{fmt(actual * 100)}% 应填 {fmt(actual * 100)}",
                             f"{fmt(actual)}% looks like a fraction; {fmt(actual * 100)}% is written {fmt(actual * 100)}"),)
            return (Text(f"填的 {fmt(actual)}{unit} 不到目标 {fmt(target)}{unit} 的五十分之一,请核对单位",
                         f"{fmt(actual)}{unit} is under a fiftieth of the target {fmt(target)}{unit}; check the unit"),)
        return ()


_SOURCE = {"answer": Text("随答案给出", "given with the answer"), "table": Text("取自目标任务分解表", "from the target table"),
           "rubric": Text("取自考核内容", "from the rubric text")}


def source_text(source: str, assessee: Assessee | None = None) -> Text:
    """Where a target came from, for the trace."""
    if source == "table" and assessee is not None and assessee.row:
        return Text(f"取自目标任务分解表「{assessee.row}」行", f"from the target table, row '{assessee.row}'")
    return _SOURCE.get(source, EMPTY)


class Metric(_TargetRule):
    """减贫率每减少一个百分点扣1分: the shortfall against a target, in steps, times points per step.

    Shortfall is prorated exactly unless the rule says ``rounding: floor`` or ``ceil``
    (whole steps only). Step and points per step may depend on the assessee's group.
    Two more forms the seed texts need:

    * ``each: true`` (衡阳 6.3, 贫困村年度扶贫项目投入30万元以上): the target holds for each
      of several units; the answer is the list of their values, or ``{"count": n,
      "shortfall": total}``. Shortfalls are summed; a unit above the target offsets none.
    * ``parts: {label: column}`` (衡阳 二, 到人 and 到户): completion is the lower of the
      parts' percentages; the answer gives each part's actual (a bare number is the
      completion percentage itself). The shortfall is 100 − completion.
    """

    kind = "metric"
    label_zh, label_en = "指标对比", "against a target"

    @property
    def parts(self) -> dict[str, str]:
        parts = self.spec.get("parts")
        return {str(k): str(v) for k, v in parts.items()} if isinstance(parts, dict) else {}

    @property
    def each(self) -> bool:
        return bool(self.spec.get("each"))

    def parse(self, item_id: str, raw: Any) -> Any:
        if self.each:
            return self._parse_each(item_id, raw)
        if self.parts and isinstance(raw, dict) and set(raw) <= set(self.parts) and raw:
            out: dict[str, Any] = {"parts": {}}
            for label, value in raw.items():
                out["parts"][label] = super().parse(item_id, value)
            if set(out["parts"]) != set(self.parts):
                missing = "、".join(p for p in self.parts if p not in out["parts"])
                raise AnswerError(item_id, Text(f"还需要「{missing}」的完成数", f"also give the actual for '{missing}'"))
            return out
        return super().parse(item_id, raw)

    def _parse_each(self, item_id: str, raw: Any) -> dict[str, Any]:
        unit_what = _what(self.unit)
        if isinstance(raw, list):
            if not raw:
                raise AnswerError(item_id, Text("请列出每个村的数值", "list the value of each village"))
            if len(raw) > self.count_limit:
                raise AnswerError(item_id, Text(f"最多列 {self.count_limit} 个村(列了 {len(raw)} 个)",
                                             f"at most {self.count_limit} villages (listed {len(raw)})"))
            return {"values": [self._number(item_id, v) for v in raw]}
        if isinstance(raw, dict) and set(raw) <= {"count", "shortfall", "target"} and {"count", "shortfall"} <= set(raw):
            out: dict[str, Any] = {"count": self._count(item_id, raw["count"], Text("村数", "the number of villages")),
                                   "shortfall": self._number(item_id, raw["shortfall"],
                                                             Text("差额合计", "the total shortfall"))}
            if raw.get("target") is not None:
                out["target"] = self._number(item_id, raw["target"], Text("目标", "the target"))
            return out
        raise AnswerError(item_id, Text(f"按每个村计:请列出各村的{unit_what.zh}(如 [32, 24, 30]),"
                                     f'或写成 {{"count": 村数, "shortfall": 差额合计}}',
                                     "counted per village: list each village's value (e.g. [32, 24, 30]) "
                                     'or write {"count": villages, "shortfall": total shortfall}'))

    def _steps(self, shortfall: Decimal, step: Decimal, rounding: str) -> Decimal:
        steps = shortfall / step
        if rounding == "floor":
            steps = steps.to_integral_value(rounding=ROUND_FLOOR)
        elif rounding == "ceil":
            steps = steps.to_integral_value(rounding=ROUND_CEILING)
        return steps

    def evaluate(self, item_id, answer, points, assessee, rounding: str | None = None):
        rounding = rounding if rounding is not None and self.spec.get("rounding", "exact") == "exact" \
            else self.spec.get("rounding", "exact")
        unit = self.unit
        if "parts" in answer:
            return self._evaluate_parts(item_id, answer["parts"], assessee, rounding)
        target, source = self.target_and_source(item_id, answer, assessee)
        warnings: tuple[Text, ...] = ()
        if "values" in answer or "count" in answer:
            if "values" in answer:
                values = answer["values"]
                shortfall = sum((max(ZERO, target - v) for v in values), ZERO)
                short_n = sum(1 for v in values if v < target)
                count = len(values)
            else:
                shortfall, count, short_n = answer["shortfall"], answer["count"], None
            head = Text(f"{count} 个村,每村目标 {fmt(target)}{unit}",
                        f"{count} villages, target {fmt(target)}{unit} each")
            expected = assessee.targets.get(str(self.spec.get("count_column")))
            if expected is not None and count != expected:  # 附2 says how many poor villages there are
                warnings = (Text(f"填了 {count} 个村,目标表中「{assessee.row}」有 {fmt(expected)} 个贫困村",
                                 f"{count} villages given; the target table lists {fmt(expected)} for '{assessee.row}'"),)
            if short_n is not None:
                head += Text(f",{short_n} 个村不足", f", {short_n} short")
            actual_text = head + Text(f",差额合计 {fmt(shortfall)}{unit}", f", total shortfall {fmt(shortfall)}{unit}")
            if shortfall > target * count:
                raise AnswerError(item_id, Text(f"差额合计 {fmt(shortfall)}{unit} 超过了 {count} 个村的目标总和",
                                             f"the total shortfall {fmt(shortfall)}{unit} exceeds {count} villages' targets"))
        else:
            actual = answer["actual"]
            shortfall = max(ZERO, target - actual)
            warnings = self.plausibility(actual, target)
            actual_text = Text(f"实际 {fmt(actual)}{unit},目标 {fmt(target)}{unit}",
                               f"actual {fmt(actual)}{unit}, target {fmt(target)}{unit}")
        src = source_text(source, assessee)
        actual_text += Text(f"({src.zh})", f" ({src.en})")
        step, per_step = self._step(item_id, assessee, shortfall)
        steps = self._steps(shortfall, step, rounding)
        d, rounded = round_points(steps * per_step)
        if shortfall == 0:
            text = actual_text + Text(",达到目标", ", target met")
        elif "actual" not in answer:  # per village: the shortfall is said already
            text = actual_text + Text(f";每差 {fmt(step)}{unit} 扣 {fmt(per_step)} 分 = 扣 {fmt(d)} 分",
                                      f"; −{fmt(per_step)} per {fmt(step)}{unit} = −{fmt(d)}")
        else:
            text = actual_text + Text(f",差 {fmt(shortfall)}{unit};每差 {fmt(step)}{unit} 扣 {fmt(per_step)} 分 = 扣 {fmt(d)} 分",
                                      f", short {fmt(shortfall)}{unit}; −{fmt(per_step)} per {fmt(step)}{unit} = −{fmt(d)}")
        if rounded:
            text += Text("(四舍五入保留两位小数)", " (rounded to 0.01)")
        prorated = shortfall != 0 and shortfall % step != 0
        return Outcome(d, explanation=text, target=target, target_source=source, warnings=warnings,
                       prorated=prorated)

    def _step(self, item_id: str, assessee: Assessee, shortfall: Decimal) -> tuple[Decimal, Decimal]:
        """The step and points per step; the group is asked for only when something is short."""
        if shortfall == 0:
            return Decimal(1), ZERO
        return (_per_group(item_id, self.spec["step"], assessee, Text("步长", "the step")),
                _per_group(item_id, self.spec["per_step"], assessee, Text("每步扣分", "points per step")))

    def _evaluate_parts(self, item_id: str, parts: Mapping[str, Mapping[str, Decimal]], assessee: Assessee,
                        rounding: str) -> Outcome:
        percents: list[tuple[str, Decimal]] = []
        pieces_zh, pieces_en = [], []
        sources = set()
        warnings: list[Text] = []
        for label, column in self.parts.items():
            given = parts[label]
            if "target" in given:
                target, source = given["target"], "answer"
            elif column in assessee.targets:
                target, source = assessee.targets[column], "table"
            else:
                who = assessee.name or t("未指定", "unnamed")
                raise AnswerError(item_id, Text(f"目标表中没有「{who}」的「{column}」,请在答案中给出 {label} 的目标",
                                             f"the target table has no '{column}' for '{who}'; give the target of {label}"))
            sources.add(source)
            actual = given["actual"]
            warnings.extend(self.plausibility(actual, target))
            pct = Decimal(100) if target <= 0 else min(Decimal(100), actual * 100 / target)
            pct, _ = round_points(pct)
            percents.append((label, pct))
            pieces_zh.append(f"{label} {fmt(actual)}/{fmt(target)} = {fmt(pct)}%")
            pieces_en.append(f"{label} {fmt(actual)}/{fmt(target)} = {fmt(pct)}%")
        label, done = min(percents, key=lambda p: p[1])
        shortfall = Decimal(100) - done
        step, per_step = self._step(item_id, assessee, shortfall)
        steps = self._steps(shortfall, step, rounding)
        d, rounded = round_points(steps * per_step)
        src = source_text("answer" if sources == {"answer"} else "table", assessee)
        text = Text(f"{';'.join(pieces_zh)}({src.zh});按较低的{label} {fmt(done)}% 计,",
                    f"{'; '.join(pieces_en)} ({src.en}); the lower, {label} {fmt(done)}%, counts: ")
        if shortfall == 0:
            text += Text("完成任务", "task done")
        else:
            text += Text(f"差 {fmt(shortfall)} 个百分点,每差 {fmt(step)} 个百分点扣 {fmt(per_step)} 分 = 扣 {fmt(d)} 分",
                         f"{fmt(shortfall)} points short; −{fmt(per_step)} per {fmt(step)} = −{fmt(d)}")
        if rounded:
            text += Text("(四舍五入保留两位小数)", " (rounded to 0.01)")
        return Outcome(d, explanation=text, target=Decimal(100),
                       target_source="answer" if sources == {"answer"} else "table", warnings=tuple(warnings),
                       prorated=shortfall != 0 and shortfall % step != 0)

    def describe(self, points):
        unit = self.unit
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
        if self.parts:
            return t(f"{core}(完成率取{'、'.join(self.parts)}中较低者)",
                     f"{core} (completion: the lower of {', '.join(self.parts)})")
        if self.each:
            return t(f"{core},按每个村分别计({self.target_text()})",
                     f"{core}, counted for each village ({self.target_text()})")
        return t(f"{core}({self.target_text()})", f"{core} ({self.target_text()})")


class Proportional(_TargetRule):
    """其他按比例计分: points × actual / target, at most the points."""

    kind = "proportional"
    label_zh, label_en = "按比例计分", "in proportion"

    def evaluate(self, item_id, answer, points, assessee):
        actual = answer["actual"]
        target, source = self.target_and_source(item_id, answer, assessee)
        ratio = Decimal(1) if target <= 0 else min(Decimal(1), actual / target)
        earned, rounded = round_points(points * ratio)
        d = points - earned
        text = Text(f"完成 {fmt(actual)} / {fmt(target)},得 {fmt(earned)} 分(扣 {fmt(d)} 分)",
                    f"{fmt(actual)} of {fmt(target)} done: {fmt(earned)} (−{fmt(d)})")
        if source == "answer":
            text += Text("(目标随答案给出)", " (target given with the answer)")
        if rounded:
            text += Text("(四舍五入保留两位小数)", " (rounded to 0.01)")
        return Outcome(d, explanation=text, target=target, target_source=source,
                       warnings=self.plausibility(actual, target))

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
        return _yes_no(item_id, raw, Text("加分", "bonus earned"), Text("不加分", "no bonus"))

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
        return _yes_no(item_id, raw, Text("存在该情形", "it applies"), Text("无此情形", "it does not"))

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
    "missing_elements": {"deduct", "elements", "elements_note", "open", "size"},
    "duty_checklist": {"deduct", "duties", "duties_note"},
    "min_options": {"deduct", "options", "minimum", "open"},
    "pass_fail": {"deduct"},
    "rating": {"levels"},
    "metric": {"target", "step", "per_step", "unit", "rounding", "each", "parts", "count_column"},
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
