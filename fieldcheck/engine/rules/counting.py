"""Rule forms that count what is wrong: per case (发现一处扣2分), per event, per missing element
(每缺少一项扣2分), and the all-or-nothing duty checklist ("十个一")."""

from __future__ import annotations

import re

from fieldcheck.engine.numbers import ZERO, fmt
from fieldcheck.engine.rules.base import AnswerError, Outcome, Rule
from fieldcheck.i18n import Text, t

#: the counting word a per-case standard is written with: 发现一处错误, 一例上访, 延报错报一次, 一户不得脱贫, 每发现1个
COUNTING_WORD = re.compile(r"[一1]\s*([处例次户个])")
WORDS_EN = {"处": "case(s)", "例": "case(s)", "次": "time(s)", "户": "household(s)", "个": "case(s)"}


def counting_word(standard: str) -> str | None:
    """The word the item's 评分标准 counts in, or None when it names none."""
    found = COUNTING_WORD.search(standard or "")
    return found.group(1) if found else None


class PerOccurrence(Rule):
    """发现一处错误扣2分 / 延报错报一次扣1分: a count times a fixed deduction."""

    kind = "per_occurrence"
    label_zh, label_en = "按次扣分", "per case"
    unit_zh, unit_en = "处", "case(s)"
    #: set by the loader from the item's standard (``counting_word``); taken from the text, not a
    #: rubric key, so a rubric file stays readable by a FieldCheck that predates it
    word: str | None = None

    @property
    def unit(self) -> Text:
        """What a count counts, in the standard's own word (2 次 for 一次无故缺席, 1 户 for 一户不得脱贫)."""
        if self.word is None:
            return Text(self.unit_zh, self.unit_en)
        return Text(self.word, WORDS_EN.get(self.word, self.unit_en))

    def parse(self, item_id, raw):
        return self._count(item_id, raw, Text("发现的处数", "the number of cases"))

    def evaluate(self, item_id, answer, points, assessee):
        each = self._deduct(points)
        d = each * answer
        unit = self.unit
        return Outcome(d, explanation=Text(f"发现 {answer} {unit.zh} × {fmt(each)} 分 = 扣 {fmt(d)} 分",
                                        f"{answer} {unit.en} × {fmt(each)} = −{fmt(d)}"))

    def describe(self, points):
        return t(f"每发现一{self.unit.zh}扣 {fmt(self._deduct(points))} 分",
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
