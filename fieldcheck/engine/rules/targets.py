"""Reading a number against a target: the shared ``_TargetRule`` (whose target wins, plausibility of
scale, where a target came from) and the proportional form (其他按比例计分)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import NumberError, fmt, shown, to_decimal
from fieldcheck.engine.rules.base import AnswerError, Assessee, Outcome, Rule, _what, round_points
from fieldcheck.i18n import EMPTY, Text, t


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
