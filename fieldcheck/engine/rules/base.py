"""What every rule form shares: the ``Rule`` base, the ``Outcome`` it returns, the ``Assessee`` it
reads targets from, and the ``AnswerError`` it raises; points kept to 0.01 (``round_points``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from fieldcheck.engine.numbers import LIMIT, ZERO, shown, to_decimal
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


class Summed(int):
    """A count that adds up an item's findings (``answers.item_answer``), not one number typed: past
    ``MAX_COUNT`` it is said as a total to check for findings entered twice, not as a value typed."""


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
        if value > limit and isinstance(raw, Summed):
            raise AnswerError(item_id, Text(f"{what.zh}由各条发现合计为 {raw},超过一项最多可记的 {limit};请核对是否重复录入",
                                         f"{what.en} adds up to {raw} over the findings, more than the {limit} one "
                                         "item may count; check for findings entered twice"))
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
