"""From stored findings to the answers the rubric engine scores, and back.

A finding is one occurrence of something an inspector found. The answer of an item is
derived from its live findings and its mark (``"checked"``: looked at; ``"na"``: not
applicable) according to the item's rule form:

* per_occurrence / per_event: each finding is one occurrence; its value may hold a
  count ≥ 1 (default 1). The answer is the sum.
* missing_elements: each finding names one missing element (or is ``None``, an element
  the inspector did not name). The same element found twice is still one missing element.
* duty_checklist: each finding names one duty not done (or ``None``), answer ``{"not_done": …}``.
* min_options: the latest finding's ``{"selected": [...]}`` (a bare list is accepted); an open
  list's ``"other"`` names the ways used beyond the listed ones (其他 (请注明)).
* pass_fail / bonus / veto: the latest finding's bool.
* rating: each finding is one household's rating; the item's rating is the WORST of them
  (one dissatisfied household means the item is not 满意). Among labels worth the same,
  the one listed later in the rubric is the worse (不满意 after 基本满意).
* metric / proportional: the latest finding's number or ``{"actual", "target"}``.

Marks: ``"na"`` → ``"na"`` whatever the findings. ``"checked"`` (已检查, nothing found) means one
thing on every form, said by ``checked_effect``: where "no finding" is a valid answer
(``NOTHING_FOUND``: a finding is a problem found, a bonus earned, a veto that applies) it
answers the item with the zero answer (0, [], ``{"not_done": []}``, false: nothing earned,
nothing applies); once the item has findings they are the answer and the mark is moot; the
value forms (pass_fail, min_options, rating, metric, proportional) need their value, and
the mark alone leaves them unanswered. No mark and no findings: unanswered (the key is absent).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol

from fieldcheck.engine.numbers import to_decimal
from fieldcheck.engine.rubric import Item, Rubric
from fieldcheck.engine.rules import NOT_APPLICABLE, AnswerError
from fieldcheck.engine.rules.base import Summed
from fieldcheck.engine.scoring import parse_answers
from fieldcheck.i18n import Text, t

COUNT_FORMS = {"per_occurrence", "per_event"}
NAME_FORMS = {"missing_elements", "duty_checklist"}
LATEST_FORMS = {"min_options", "pass_fail", "bonus", "veto", "metric", "proportional"}
YES_NO_FORMS = {"pass_fail", "bonus", "veto"}


class FindingLike(Protocol):
    item_id: str
    value: Any


#: the answer "looked at, nothing found" gives, on the forms where "no finding" is a valid answer
NOTHING_FOUND: dict[str, Any] = {"per_occurrence": 0, "per_event": 0, "missing_elements": [],
                                 "duty_checklist": {"not_done": []}, "bonus": False, "veto": False}

#: what the 已检查 mark does on an item (``checked_effect``)
ANSWERS, MOOT, NEEDS_VALUE = "answers", "moot", "needs_value"


def _zero(kind: str) -> Any:
    found = NOTHING_FOUND.get(kind)
    return dict(found) if isinstance(found, dict) else list(found) if isinstance(found, list) else found


def checked_effect(item: Item, has_findings: bool, mark: str | None) -> str | None:
    """What the 已检查 (nothing found) mark does on ``item`` now; None when it is not marked so.

    ``ANSWERS``: no findings, and "nothing found" is a valid answer of the form: the item is
    answered, with nothing deducted. ``MOOT``: findings are recorded; they are the answer.
    ``NEEDS_VALUE``: a value form with no value yet; looked at, still unanswered.
    """
    if mark != "checked":
        return None
    if has_findings:
        return MOOT
    return ANSWERS if item.rule.kind in NOTHING_FOUND else NEEDS_VALUE


def _known(item: Item) -> list[str]:
    kind = item.rule.kind
    if kind == "missing_elements":
        return item.rule.elements  # type: ignore[attr-defined]
    if kind == "duty_checklist":
        return item.rule.duties  # type: ignore[attr-defined]
    return []


def _most(item: Item) -> int:
    """The most elements an item's answer may count as missing (or duties as not done)."""
    rule = item.rule
    known = _known(item)
    if rule.spec.get("open") or not known:
        size = getattr(rule, "size", None)
        return size if isinstance(size, int) and not rule.spec.get("open") else rule.count_limit
    return len(known)


def check_value(item: Item, value: Any) -> Any:
    """The value of one finding on ``item``, normalised; AnswerError says what is wrong with it."""
    kind = item.rule.kind
    if kind in COUNT_FORMS:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise AnswerError(item.id, Text(f"一条发现记一处,或给出 ≥1 的处数,收到 {value!r}",
                                         f"a finding is one case, or a count ≥ 1, got {value!r}"))
        limit = item.rule.count_limit
        if value > limit:  # the item's answer could not be scored: it would drop out of the total unseen
            raise AnswerError(item.id, Text(f"一条发现的处数最多 {limit}(填的是 {value}),请核对",
                                         f"a finding counts at most {limit} cases (got {value}); please check"))
        return value
    if kind in NAME_FORMS:
        known = _known(item)
        if value is None:
            return None
        open_list = bool(item.rule.spec.get("open"))
        if not isinstance(value, str) or not value.strip() or (known and value not in known and not open_list):
            what = t("缺少的项", "missing element") if kind == "missing_elements" else t("未完成的职责", "duty not done")
            raise AnswerError(item.id, Text(f"{what}应为以下之一:{'、'.join(known)},收到 {value!r}",
                                         f"the {what} must be one of: {', '.join(known)}; got {value!r}"))
        return value
    if kind == "min_options":
        if isinstance(value, list):
            value = {"selected": value}
        if value is not None and value != NOT_APPLICABLE:  # stored as read: 其他 "广播、微信群" as two names
            return item.rule.parse(item.id, value)
    if kind == "rating" or kind in LATEST_FORMS:
        if value is None or value == NOT_APPLICABLE:
            raise AnswerError(item.id, Text("这条发现需要一个值", "this finding needs a value"))
        parsed = item.rule.parse(item.id, value)  # raises AnswerError with the rule's own message
        return parsed if kind in YES_NO_FORMS else value  # 达标 typed is kept as true, as the window's tick is
    raise AnswerError(item.id, Text(f"未知的规则类型 {kind}", f"unknown rule form {kind}"))


def _rating_rank(item: Item, label: str) -> tuple[Decimal, int]:
    levels = list(item.rule.levels.items())  # type: ignore[attr-defined]
    for index, (name, points) in enumerate(levels):
        if name == label:
            return points, -index
    return Decimal("Infinity"), 0


def item_answer(item: Item, values: list[Any], mark: str | None) -> Any:
    """One item's answer from its findings' values (entry order) and its mark; None = unanswered."""
    kind = item.rule.kind
    if mark == "na":
        return NOT_APPLICABLE
    if not values:
        return _zero(kind) if mark == "checked" else None
    if kind in COUNT_FORMS:
        return Summed(sum(1 if v is None else int(v) for v in values))
    if kind in NAME_FORMS:
        names: list[str] = []
        unnamed = 0
        for v in values:
            if v is None:
                unnamed += 1
            elif v not in names:
                names.append(v)
        answer: Any = names if not unnamed else min(len(names) + unnamed, _most(item))
        return {"not_done": answer} if kind == "duty_checklist" else answer
    if kind == "rating":
        return min(values, key=lambda label: _rating_rank(item, label))
    if kind == "min_options":
        last = values[-1]
        return {"selected": last} if isinstance(last, list) else last
    return values[-1]


def answers_from_findings(rubric: Rubric, findings: Iterable[FindingLike], marks: Mapping[str, str]) -> dict:
    """The answers document (item id → answer) for ``fieldcheck score`` and ``scoring.score``."""
    return answers_from_values(rubric, ((f.item_id, f.value) for f in findings), marks)


def answers_from_values(rubric: Rubric, values: Iterable[tuple[str, Any]], marks: Mapping[str, str]) -> dict:
    """Like ``answers_from_findings`` from (item id, value) pairs in entry order: all scoring needs."""
    by_item: dict[str, list[Any]] = {}
    for item_id, value in values:
        by_item.setdefault(item_id, []).append(value)
    answers: dict[str, Any] = {}
    for item in rubric.items():
        answer = item_answer(item, by_item.get(item.id, []), marks.get(item.id))
        if answer is not None:
            answers[item.id] = answer
    return answers


def findings_from_answers(rubric: Rubric, answers: Mapping[str, Any]) -> tuple[list[tuple[str, Any]], dict[str, str]]:
    """The findings (item id, value) and marks that give back ``answers``; AnswerError if one is bad.

    Used by ``fieldcheck inspection add`` for results gathered outside the window: a count
    becomes one finding holding the count, a list of names one finding per name, a count
    of unnamed elements that many unnamed findings, a zero answer the mark "checked".
    """

    parse_answers(rubric, answers)  # every answer checked before anything is derived
    items = {i.id: i for i in rubric.items()}
    findings: list[tuple[str, Any]] = []
    marks: dict[str, str] = {}
    for item_id, raw in answers.items():
        if raw is None:
            continue
        item = items[str(item_id)]
        kind = item.rule.kind
        if raw == NOT_APPLICABLE:
            marks[item.id] = "na"
            continue
        if kind in COUNT_FORMS:
            n = item.rule.parse(item.id, raw)
            if n == 0:
                marks[item.id] = "checked"
            else:
                findings.append((item.id, n))
            continue
        if kind in NAME_FORMS:
            inner = item.rule.parse(item.id, raw)
            inner = inner["not_done"] if kind == "duty_checklist" else inner
            values: list[Any] = list(inner) if isinstance(inner, list) else [None] * int(inner)
            if not values:
                marks[item.id] = "checked"
            findings.extend((item.id, v) for v in values)
            continue
        if kind in ("metric", "proportional") and isinstance(raw, list):
            raw = [_plain_number(v) for v in raw]
        elif kind in ("metric", "proportional") and not isinstance(raw, dict):
            raw = _plain_number(raw)
        findings.append((item.id, raw))
    return findings, marks


def _plain_number(raw: Any) -> Any:
    """A number as JSON stores it ("２９．５" typed in a file becomes 29.5)."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return raw
    value = to_decimal(raw)
    return int(value) if value == value.to_integral_value() else float(value)
