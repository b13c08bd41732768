"""The minimum-options form (至少2种宣传方式,否则不得分) and its open list: ways named under "其他"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, shown
from fieldcheck.engine.rules.base import AnswerError, Outcome, Rule
from fieldcheck.i18n import Text, t

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
