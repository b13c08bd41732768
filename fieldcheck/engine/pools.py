"""Walking the rubric tree for one set of parsed answers: items' outcomes, section pools and caps,
bonus sections, vetoes, and the points still open.

Pools: an item's shown deduction is its raw deduction when it draws on a section's pool
(扣完30分为止), else its raw deduction capped at its own points (扣完为止). A section's
deduction is the sum of its children's, capped at its points, so its score is its pool
minus that capped sum — not the sum of its items' scores. Bonus sections add what their
items earned, capped at their points. A veto leaves the score standing and takes the
assessee out of the ranking.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt
from fieldcheck.engine.rubric import Item, Rubric, Section
from fieldcheck.engine.rules import NOT_APPLICABLE, AnswerError, Assessee, Metric, Outcome, _TargetRule, source_text
from fieldcheck.engine.score_result import NodeScore, TraceEntry, Unscored, Warning
from fieldcheck.i18n import Text


class _Scorer:
    def __init__(self, rubric: Rubric, answers: dict[str, Any], assessee: Assessee, strict: bool = True,
                 rounding: str | None = None):
        self.rubric = rubric
        self.answers = answers
        self.assessee = assessee
        self.strict = strict
        self.rounding = rounding
        self.nodes: dict[str, NodeScore] = {}
        self.trace: list[TraceEntry] = []
        self.vetoes: list[str] = []
        self.unscored: list[Unscored] = []
        self.warnings: list[Warning] = []
        self.prorated = False

    def run(self) -> tuple[Decimal, Decimal, Decimal]:
        total = maximum = open_points = ZERO
        for child in self.rubric.children:
            node = self.node(child)
            total += node.score
            maximum += node.max
            open_points += node.open
        return total, maximum, open_points

    def node(self, node: Section | Item) -> NodeScore:
        return self.section(node) if isinstance(node, Section) else self.item(node)

    def out_of_scope(self, item: Item, answer: Any) -> bool:
        """A partial row (a park in 附2) is not scored on items whose target column it leaves empty."""
        if not self.assessee.partial or not isinstance(item.rule, _TargetRule):
            return False
        if isinstance(answer, dict) and ("target" in answer or "parts" in answer):
            return False
        columns = list(item.rule.parts.values()) if isinstance(item.rule, Metric) and item.rule.parts else \
            [c for c in [item.rule.table_column()] if c]
        return any(c not in self.assessee.targets for c in columns)

    def open_of(self, item: Item) -> Decimal:
        """The most an unanswered item could still lose."""
        if item.rule.kind in ("bonus", "veto"):
            return ZERO
        pool = item.pool
        if pool is None:
            return item.max_points
        most = item.rule.max_deduction(item.points)
        return pool.max_points if most is None else min(most, pool.max_points)

    def item(self, item: Item) -> NodeScore:
        maximum = item.max_points
        answer = self.answers.get(item.id)
        bonus = item.rule.kind == "bonus"
        if self.out_of_scope(item, answer):
            result = NodeScore(item.id, item.title, ZERO, ZERO, ZERO, True, "out",
                               Text("目标表未给本单位此项目标,不计分", "no target for this unit in the table: not scored"))
        elif answer is None:
            result = NodeScore(item.id, item.title, ZERO if bonus else maximum, maximum, ZERO,
                               True, "unanswered", Text("未作答", "unanswered"), open=self.open_of(item))
        elif answer == NOT_APPLICABLE:
            result = NodeScore(item.id, item.title, ZERO if bonus else maximum, maximum, ZERO,
                               True, "na", Text(f"不适用:{item.na_reason}", f"not applicable: {item.na_reason}"))
        else:
            try:
                points = item.points if item.points is not None else maximum
                if isinstance(item.rule, Metric):
                    outcome = item.rule.evaluate(item.id, answer, points, self.assessee, self.rounding)
                else:
                    outcome = item.rule.evaluate(item.id, answer, points, self.assessee)
            except AnswerError as exc:  # e.g. a metric whose target the table lacks
                exc.titled(item.title)
                if self.strict:
                    raise
                self.unscored.append(Unscored(item.id, exc.text))
                result = NodeScore(item.id, item.title, ZERO if bonus else maximum, maximum,
                                   ZERO, True, "unscored", exc.text, open=self.open_of(item))
                self.nodes[item.id] = result
                return result
            result = self._outcome(item, answer, outcome, maximum)
        self.nodes[item.id] = result
        return result

    def _outcome(self, item: Item, answer: Any, outcome: Outcome, maximum: Decimal) -> NodeScore:
        self.prorated = self.prorated or outcome.prorated
        self.warnings.extend(Warning(item.id, item.title, w) for w in outcome.warnings)
        if item.rule.kind == "bonus":
            result = NodeScore(item.id, item.title, outcome.bonus, maximum, ZERO, True,
                               "bonus" if outcome.bonus else "ok", outcome.explanation)
            if outcome.bonus:
                self.trace.append(TraceEntry(item.id, item.title, "bonus", outcome.bonus, outcome.explanation,
                                             item.standard, answer))
            return result
        if outcome.veto:
            self.vetoes.append(outcome.veto)
            self.trace.append(TraceEntry(item.id, item.title, "veto", ZERO, outcome.explanation, item.standard, answer))
            return NodeScore(item.id, item.title, maximum, maximum, ZERO, True, "veto", outcome.explanation)
        raw = outcome.deduction
        shown_d = raw if item.pool is not None else min(raw, maximum)
        text = outcome.explanation
        if shown_d < raw:
            text += Text(f";按本项 {fmt(maximum)} 分封顶,扣 {fmt(shown_d)} 分",
                         f"; capped at the item's {fmt(maximum)}: −{fmt(shown_d)}")
        if shown_d > 0:
            self.trace.append(TraceEntry(item.id, item.title, "deduction", shown_d, text, item.standard, answer,
                                         outcome.target, outcome.target_source))
        elif outcome.target_source == "answer":
            self.trace.append(TraceEntry(item.id, item.title, "target", ZERO, text + Text(
                f"(目标 {fmt(outcome.target or ZERO)} {source_text('answer').zh})",
                f" (target {fmt(outcome.target or ZERO)} {source_text('answer').en})"), item.standard, answer,
                outcome.target, outcome.target_source))
        return NodeScore(item.id, item.title, max(ZERO, maximum - shown_d), maximum, shown_d, True,
                         "deducted" if shown_d > 0 else "ok", text)

    def section(self, section: Section) -> NodeScore:
        children = [self.node(c) for c in section.children]
        maximum = section.max_points
        if children and all(c.is_item and c.status == "out" or not c.is_item and c.max == 0 for c in children):
            maximum = ZERO  # nothing under it applies to this assessee
        else:  # an item with points of its own that does not apply takes them out of the section
            maximum -= sum((c.max_points for c, n in zip(section.children, children)
                            if isinstance(c, Item) and c.points is not None and n.status == "out"), ZERO)
            maximum = max(ZERO, maximum)
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
            still = min(sum((c.open for c in children), ZERO), maximum - deduction)
            result = NodeScore(section.id, section.title, maximum - deduction, maximum, deduction, False,
                               requested=requested, open=max(ZERO, still))
        self.nodes[section.id] = result
        return result
