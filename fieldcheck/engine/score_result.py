"""What scoring returns: a ``ScoreResult`` with each node's score and the trace that explains every
deduction, cap, bonus, veto and target, plus what is unscored, out of scale or out of ``max``."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, to_json
from fieldcheck.engine.rules import Assessee
from fieldcheck.i18n import EMPTY, Text


@dataclass
class NodeScore:
    id: str
    title: str
    score: Decimal
    max: Decimal
    deduction: Decimal
    is_item: bool
    #: items only: "unanswered", "na", "ok", "deducted", "bonus", "veto", "unscored" (an answer
    #: the rule refuses: it deducts nothing and the result lists it in ``unscored``), or "out"
    #: (the target table gives this assessee no target here: scored on what applies, max 0)
    status: str = ""
    explanation: Text = EMPTY
    #: sections only: deductions asked for before the section's cap
    requested: Decimal = ZERO
    #: the most this node could still lose through its unanswered items
    open: Decimal = ZERO

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"score": to_json(self.score), "max": to_json(self.max),
                               "deduction": to_json(self.deduction)}
        if self.is_item:
            out["status"] = self.status
        if self.open:
            out["open"] = to_json(self.open)
        return out


@dataclass
class TraceEntry:
    """One line of the explanation: an item's deduction, bonus or veto, a cap that applied, or a target given."""

    node: str
    title: str
    kind: str  # "deduction", "bonus", "veto", "cap", "target"
    amount: Decimal
    text: Text
    rule: str = ""
    answer: Any = None
    target: Decimal | None = None
    #: where the target came from: "answer", "table" or "rubric" ("" for rules without one)
    target_source: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"node": self.node, "title": self.title, "kind": self.kind,
                               "amount": to_json(self.amount), "text": self.text.render()}
        if self.kind != "cap":
            out["rule"] = self.rule
            out["input"] = _json_answer(self.answer)
        if self.target is not None:
            out["target"] = {"value": to_json(self.target), "source": self.target_source}
        return out


@dataclass(frozen=True)
class Unscored:
    """An answer the engine could not score (a stored value its rule refuses), and why."""

    item_id: str
    reason: Text

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item_id, "reason": self.reason.render()}


@dataclass(frozen=True)
class Warning:
    """A value far out of scale for its target (元 for 万元, 0.158 for 15.8%): scored, but worth a second look."""

    item_id: str
    title: str
    text: Text

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item_id, "title": self.title, "text": self.text.render()}


@dataclass(frozen=True)
class AppliedReading:
    """A reading the rubric declares that affected this result, and the items it touched here."""

    id: str
    text: Text
    items: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text.render(), "items": list(self.items)}


@dataclass(frozen=True)
class UnknownPoints:
    """Points the text gives a section but whose rules are lost: out of ``max``."""

    node: str
    title: str
    points: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"node": self.node, "title": self.title, "points": to_json(self.points)}


@dataclass
class ScoreResult:
    rubric_id: str
    rubric_version: str
    rubric_title: str
    total: Decimal
    max: Decimal
    #: None while the result is provisional, and for rubrics without grade bands
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
    #: the most the unanswered (and unscored) items could still lose
    points_open: Decimal = ZERO
    warnings: list[Warning] = field(default_factory=list)
    readings: list[AppliedReading] = field(default_factory=list)
    #: notes on the result as a whole (a grade that another rounding would change)
    notes: list[Text] = field(default_factory=list)
    unknown_points: list[UnknownPoints] = field(default_factory=list)
    #: sections whose text breaks off (考核细则 四): (section id, what is missing)
    incomplete_sections: list[tuple[str, list[str]]] = field(default_factory=list)
    #: False when a veto item is unanswered: the ranking is not known yet
    vetoes_known: bool = True

    @property
    def complete(self) -> bool:
        """Every item answered (``"na"`` counts as answered) and every answer scored."""
        return self.answered == self.item_count and not self.unscored

    @property
    def provisional(self) -> bool:
        """The total is 暂计: items are unanswered or unscored, so it may still fall by ``points_open``."""
        return not self.complete

    @property
    def ranked(self) -> bool | None:
        """True: ranked; False: out of the ranking (a veto, or a unit the method does not rank); None: not known yet."""
        if self.vetoes or (self.assessee is not None and not self.assessee.ranked):
            return False
        return True if self.vetoes_known else None

    @property
    def not_graded(self) -> bool:
        """A unit scored only on the items that apply to it (a park of 附2): no grade, whatever the rubric's bands."""
        return any(n.status == "out" for n in self.nodes.values())

    def warnings_for(self, item_id: str) -> list[Warning]:
        return [w for w in self.warnings if w.item_id == item_id]

    def item_trace(self, item_id: str) -> list[TraceEntry]:
        """The trace lines about one item and the pools above it."""
        return [e for e in self.trace if e.node == item_id or (e.kind == "cap" and item_id.startswith(e.node + "."))]

    def to_json(self) -> dict[str, Any]:
        return {
            "rubric": self.rubric_id,
            "rubric_version": self.rubric_version,
            "total": to_json(self.total),
            "max": to_json(self.max),
            "provisional": self.provisional,
            "points_open": to_json(self.points_open),
            "grade": self.grade,
            "complete": self.complete,
            "answered": self.answered,
            "items": self.item_count,
            "ranked": self.ranked,
            "vetoes": list(self.vetoes),
            "rubric_complete": self.rubric_complete,
            "unknown_points": [u.to_json() for u in self.unknown_points],
            "incomplete_sections": [{"node": n, "missing": list(m)} for n, m in self.incomplete_sections],
            "unscored": [u.to_json() for u in self.unscored],
            "warnings": [w.to_json() for w in self.warnings],
            "readings": [r.to_json() for r in self.readings],
            "notes": [n.render() for n in self.notes],
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
