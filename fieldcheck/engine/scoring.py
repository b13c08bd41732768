"""Score an assessment: answers in, a total with every deduction explained out.

This is the one place a score is computed; the window, the score sheet, the workbook
and the CLI all show a ``ScoreResult`` and never recompute one their own way.

Pools: an item's shown deduction is its raw deduction when it draws on a section's pool
(扣完30分为止), else its raw deduction capped at its own points (扣完为止). A section's
deduction is the sum of its children's, capped at its points, so its score is its pool
minus that capped sum — not the sum of its items' scores. Bonus sections add what their
items earned, capped at their points. A veto leaves the score standing and takes the
assessee out of the ranking.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, to_json
from fieldcheck.engine.rubric import Item, Rubric, Section
from fieldcheck.engine.rules import NOT_APPLICABLE, AnswerError, Assessee
from fieldcheck.i18n import EMPTY, Text


@dataclass
class NodeScore:
    id: str
    title: str
    score: Decimal
    max: Decimal
    deduction: Decimal
    is_item: bool
    #: items only: "unanswered", "na", "ok", "deducted", "bonus", "veto", or "unscored" (an answer
    #: the rule refuses: it deducts nothing and the result lists it in ``unscored``)
    status: str = ""
    explanation: Text = EMPTY
    #: sections only: deductions asked for before the section's cap
    requested: Decimal = ZERO

    def to_json(self) -> dict[str, Any]:
        return {"score": to_json(self.score), "max": to_json(self.max), "deduction": to_json(self.deduction)}


@dataclass
class TraceEntry:
    """One line of the explanation: an item's deduction, bonus or veto, or a cap that applied."""

    node: str
    title: str
    kind: str  # "deduction", "bonus", "veto", "cap"
    amount: Decimal
    text: Text
    rule: str = ""
    answer: Any = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"node": self.node, "title": self.title, "kind": self.kind,
                               "amount": to_json(self.amount), "text": self.text.render()}
        if self.kind != "cap":
            out["rule"] = self.rule
            out["input"] = _json_answer(self.answer)
        return out


@dataclass(frozen=True)
class Unscored:
    """An answer the engine could not score (a stored value its rule refuses), and why."""

    item_id: str
    reason: Text

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item_id, "reason": self.reason.render()}


@dataclass
class ScoreResult:
    rubric_id: str
    rubric_version: str
    rubric_title: str
    total: Decimal
    max: Decimal
    grade: str | None
    answered: int
    item_count: int
    nodes: dict[str, NodeScore]
    trace: list[TraceEntry]
    vetoes: list[str] = field(default_factory=list)
    assessee: Assessee | None = None
    rubric_complete: bool = True
    #: answers that could not be scored; empty unless scored with ``strict=False``
    unscored: list[Unscored] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every item answered (``"na"`` counts as answered) and every answer scored."""
        return self.answered == self.item_count and not self.unscored

    @property
    def ranked(self) -> bool:
        return not self.vetoes

    def item_trace(self, item_id: str) -> list[TraceEntry]:
        """The trace lines about one item and the pools above it."""
        return [e for e in self.trace if e.node == item_id or (e.kind == "cap" and item_id.startswith(e.node + "."))]

    def to_json(self) -> dict[str, Any]:
        return {
            "rubric": self.rubric_id,
            "rubric_version": self.rubric_version,
            "total": to_json(self.total),
            "max": to_json(self.max),
            "grade": self.grade,
            "complete": self.complete,
            "answered": self.answered,
            "items": self.item_count,
            "ranked": self.ranked,
            "vetoes": list(self.vetoes),
            "rubric_complete": self.rubric_complete,
            "unscored": [u.to_json() for u in self.unscored],
            "nodes": {k: v.to_json() for k, v in self.nodes.items()},
            "trace": [e.to_json() for e in self.trace],
        }


def _json_answer(answer: Any) -> Any:
    if isinstance(answer, Decimal):
        return to_json(answer)
    if isinstance(answer, dict):
        return {k: _json_answer(v) for k, v in answer.items()}
    if isinstance(answer, list):
        return [_json_answer(v) for v in answer]
    return answer


def resolve_assessee(rubric: Rubric, raw: Mapping[str, Any] | Assessee | None) -> Assessee:
    """Find the assessee's row of the rubric's target table; its group comes from the row unless given."""
    if isinstance(raw, Assessee):
        return raw
    raw = raw or {}
    if not isinstance(raw, Mapping):
        raise AnswerError("assessee", Text('应为 {"name": …, "group": …}', 'must be {"name": …, "group": …}'))
    name = raw.get("name")
    group = raw.get("group")
    row = rubric.targets.get(str(name)) if name is not None else None
    if group is None and row is not None:
        group = row.group
    if group is not None and rubric.groups and group not in rubric.groups:
        raise AnswerError("assessee", Text(f"分组「{group}」未知,可选:{'、'.join(rubric.groups)}",
                                        f"unknown group '{group}'; expected one of: {', '.join(rubric.groups)}"))
    return Assessee(None if name is None else str(name), group, dict(row.values) if row else {})


def parse_answers(rubric: Rubric, answers: Mapping[str, Any],
                  refused: list[AnswerError] | None = None) -> dict[str, Any]:
    """Check and normalise every answer.

    The first bad one raises AnswerError naming its item; with a ``refused`` list, bad
    answers are collected there instead and left out.
    """
    if not isinstance(answers, Mapping):
        raise AnswerError("answers", Text("应为 {项目编号: 答案} 的映射", "must map item ids to answers"))
    items = {i.id: i for i in rubric.items()}
    parsed: dict[str, Any] = {}
    for item_id, raw in answers.items():
        try:
            item = items.get(str(item_id))
            if item is None:
                raise AnswerError(str(item_id), Text("细则中没有这个项目编号", "no such item in this rubric"))
            if raw is None:
                continue
            parsed[item.id] = NOT_APPLICABLE if raw == NOT_APPLICABLE else item.rule.parse(item.id, raw)
        except AnswerError as exc:
            if refused is None:
                raise
            refused.append(exc)
    return parsed


def score(rubric: Rubric, answers: Mapping[str, Any], assessee: Mapping[str, Any] | Assessee | None = None,
          *, strict: bool = True) -> ScoreResult:
    """Score ``answers`` (item id → answer, in the JSON shapes of ``fieldcheck score``) against ``rubric``.

    Strict, the first answer that cannot be scored raises AnswerError naming its item: what
    a person hands in is refused whole. With ``strict=False`` (stored inspections) such an
    answer deducts nothing, its item shows "unscored", and ``result.unscored`` says why;
    the result is then not complete, so it never looks finished.
    """
    who = resolve_assessee(rubric, assessee)
    refused: list[AnswerError] | None = None if strict else []
    parsed = parse_answers(rubric, answers, refused)
    scorer = _Scorer(rubric, parsed, who, strict)
    for error in refused or ():
        scorer.unscored.append(Unscored(error.item_id, error.text))
    total = ZERO
    maximum = ZERO
    for child in rubric.children:
        node = scorer.node(child)
        total += node.score
        maximum += node.max
    items = rubric.items()
    for error in refused or ():
        node = scorer.nodes.get(error.item_id)
        if node is not None:
            node.status, node.explanation = "unscored", error.text
    scored = sum(1 for i in items if i.id in parsed and scorer.nodes[i.id].status != "unscored")
    return ScoreResult(rubric.id, rubric.version, rubric.title, total, maximum, rubric.grade(total),
                       scored, len(items), scorer.nodes, scorer.trace, scorer.vetoes, who, rubric.complete,
                       scorer.unscored)


class _Scorer:
    def __init__(self, rubric: Rubric, answers: dict[str, Any], assessee: Assessee, strict: bool = True):
        self.rubric = rubric
        self.answers = answers
        self.assessee = assessee
        self.strict = strict
        self.nodes: dict[str, NodeScore] = {}
        self.trace: list[TraceEntry] = []
        self.vetoes: list[str] = []
        self.unscored: list[Unscored] = []

    def node(self, node: Section | Item) -> NodeScore:
        return self.section(node) if isinstance(node, Section) else self.item(node)

    def item(self, item: Item) -> NodeScore:
        maximum = item.max_points
        answer = self.answers.get(item.id)
        if answer is None:
            result = NodeScore(item.id, item.title, ZERO if item.rule.kind == "bonus" else maximum, maximum, ZERO,
                               True, "unanswered", Text("未检查", "not inspected"))
        elif answer == NOT_APPLICABLE:
            result = NodeScore(item.id, item.title, ZERO if item.rule.kind == "bonus" else maximum, maximum, ZERO,
                               True, "na", Text("不适用", "not applicable"))
        else:
            try:
                outcome = item.rule.evaluate(item.id, answer, item.points if item.points is not None else maximum,
                                             self.assessee)
            except AnswerError as exc:  # e.g. a metric whose target the table lacks
                if self.strict:
                    raise
                self.unscored.append(Unscored(item.id, exc.text))
                result = NodeScore(item.id, item.title, ZERO if item.rule.kind == "bonus" else maximum, maximum,
                                   ZERO, True, "unscored", exc.text)
                self.nodes[item.id] = result
                return result
            if item.rule.kind == "bonus":
                result = NodeScore(item.id, item.title, outcome.bonus, maximum, ZERO, True,
                                   "bonus" if outcome.bonus else "ok", outcome.explanation)
                if outcome.bonus:
                    self.trace.append(TraceEntry(item.id, item.title, "bonus", outcome.bonus, outcome.explanation,
                                                 item.standard, answer))
            elif outcome.veto:
                self.vetoes.append(outcome.veto)
                result = NodeScore(item.id, item.title, maximum, maximum, ZERO, True, "veto", outcome.explanation)
                self.trace.append(TraceEntry(item.id, item.title, "veto", ZERO, outcome.explanation, item.standard, answer))
            else:
                raw = outcome.deduction
                shown = raw if item.pool is not None else min(raw, maximum)
                text = outcome.explanation
                if shown < raw:
                    text += Text(f";按本项 {fmt(maximum)} 分封顶,扣 {fmt(shown)} 分",
                                 f"; capped at the item's {fmt(maximum)}: −{fmt(shown)}")
                result = NodeScore(item.id, item.title, max(ZERO, maximum - shown), maximum, shown, True,
                                   "deducted" if shown > 0 else "ok", text)
                if shown > 0:
                    self.trace.append(TraceEntry(item.id, item.title, "deduction", shown, text, item.standard, answer))
        self.nodes[item.id] = result
        return result

    def section(self, section: Section) -> NodeScore:
        maximum = section.max_points
        children = [self.node(c) for c in section.children]
        if section.kind == "bonus":
            earned = sum((c.score for c in children if c.is_item and c.status == "bonus"), ZERO)
            earned += sum((c.score for c in children if not c.is_item), ZERO)
            got = min(earned, maximum)
            if earned > got:
                self.trace.append(TraceEntry(section.id, section.title, "cap", got, Text(
                    f"加 {fmt(earned)} 分,按本节 {fmt(maximum)} 分封顶", f"+{fmt(earned)}, capped at {fmt(maximum)}")))
            result = NodeScore(section.id, section.title, got, maximum, ZERO, False, requested=earned)
        else:
            requested = sum((c.deduction for c in children), ZERO)
            deduction = min(requested, maximum)
            if requested > deduction:
                self.trace.append(TraceEntry(section.id, section.title, "cap", deduction, Text(
                    f"扣 {fmt(requested)} 分,按本节 {fmt(maximum)} 分封顶",
                    f"−{fmt(requested)}, capped at the section's {fmt(maximum)}")))
            result = NodeScore(section.id, section.title, maximum - deduction, maximum, deduction, False,
                               requested=requested)
        self.nodes[section.id] = result
        return result
