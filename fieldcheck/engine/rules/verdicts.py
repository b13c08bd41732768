"""Rule forms that take a verdict, not a number: met or not, a rating level, a bonus earned, a veto."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, shown, to_decimal
from fieldcheck.engine.rules.base import AnswerError, Outcome, Rule
from fieldcheck.i18n import Text, t

#: the words a person types for yes and for no, beside each form's own labels (达标 / 未达标 …):
#: a team leader deciding a conflict types 达标 or 否, not JSON's true and false
YES_WORDS = frozenset({"true", "yes", "是", "对", "有"})
NO_WORDS = frozenset({"false", "no", "否", "不", "无", "没有"})


def yes_or_no(raw: Any, yes: tuple[str, ...] = (), no: tuple[str, ...] = ()) -> bool | None:
    """True or False for a bool or a word that says so (是, 否, yes, no …, and the words in ``yes``/``no``); else None."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in YES_WORDS or word in yes:
            return True
        if word in NO_WORDS or word in no:
            return False
    return None


def _yes_no(item_id: str, raw: Any, yes: Text, no: Text) -> bool:
    said = yes_or_no(raw, (yes.zh, yes.en), (no.zh, no.en))
    if said is None:
        raise AnswerError(item_id, Text(f"请填「{yes.zh}」或「{no.zh}」(也可填 是、否),填的是 {shown(raw)}",
                                     f"answer '{yes.en}' or '{no.en}' (or yes, no), not {shown(raw)}"))
    return said


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
