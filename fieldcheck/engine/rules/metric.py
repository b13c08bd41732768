"""The metric form (减贫率每减少一个百分点扣1分): a shortfall against a target, in steps, per village or
as the lower of two parts."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, to_decimal
from fieldcheck.engine.rules.base import AnswerError, Assessee, Outcome, _what, round_points
from fieldcheck.engine.rules.targets import _per_group, _TargetRule, source_text
from fieldcheck.i18n import Text, t


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
        # a rate falls short by percentage points, as the texts say (每减少一个百分点): 差 1.5%
        # would read as 1.5 % of the target
        gap_zh, gap_en = (" 个百分点", " percentage points") if unit == "%" else (unit, unit)
        if shortfall == 0:
            text = actual_text + Text(",达到目标", ", target met")
        elif "actual" not in answer:  # per village: the shortfall is said already
            text = actual_text + Text(f";每差 {fmt(step)}{gap_zh} 扣 {fmt(per_step)} 分 = 扣 {fmt(d)} 分",
                                      f"; −{fmt(per_step)} per {fmt(step)}{gap_en} = −{fmt(d)}")
        else:
            text = actual_text + Text(f",差 {fmt(shortfall)}{gap_zh};每差 {fmt(step)}{gap_zh} 扣 {fmt(per_step)} 分"
                                      f" = 扣 {fmt(d)} 分",
                                      f", short {fmt(shortfall)}{gap_en}; −{fmt(per_step)} per {fmt(step)}{gap_en}"
                                      f" = −{fmt(d)}")
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
            # kept exact: only the deduction is rounded (rounding the percentage first moved 衡阳县's
            # 14990/15000 from −0.03 to −0.04, and its total across the 80 line)
            pct = Decimal(100) if target <= 0 else min(Decimal(100), actual * 100 / target)
            percents.append((label, pct))
            shown = _shown(pct, 2)  # "= 100" or "≈ 99.93"
            shown = f"≈ {shown[1:]}" if shown.startswith("≈") else f"= {shown}"
            pieces_zh.append(f"{label} {fmt(actual)}/{fmt(target)} {shown}%")
            pieces_en.append(f"{label} {fmt(actual)}/{fmt(target)} {shown}%")
        label, done = min(percents, key=lambda p: p[1])
        shortfall = Decimal(100) - done
        step, per_step = self._step(item_id, assessee, shortfall)
        steps = self._steps(shortfall, step, rounding)
        d, rounded = round_points(steps * per_step)
        src = source_text("answer" if sources == {"answer"} else "table", assessee)
        text = Text(f"{';'.join(pieces_zh)}({src.zh});按较低的{label} {_shown(done, 2)}% 计,",
                    f"{'; '.join(pieces_en)} ({src.en}); the lower, {label} {_shown(done, 2)}%, counts: ")
        if shortfall == 0:
            text += Text("完成任务", "task done")
        else:
            short = _shown(shortfall, 4)
            text += Text(f"差 {short} 个百分点,每差 {fmt(step)} 个百分点扣 {fmt(per_step)} 分 = 扣 {fmt(d)} 分",
                         f"{short} points short; −{fmt(per_step)} per {fmt(step)} = −{fmt(d)}")
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


def _shown(value: Decimal, places: int) -> str:
    """A percentage as printed: exact when it fits in ``places`` decimals, else "≈" and rounded to them."""
    near = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return fmt(value) if near == value else f"≈{fmt(near)}"
