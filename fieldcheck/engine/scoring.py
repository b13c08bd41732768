"""Score an assessment: answers in, a total with every deduction explained out.

This is the one place a score is computed; the window, the score sheet, the workbook
and the CLI all show a ``ScoreResult`` and never recompute one their own way.

Pools: an item's shown deduction is its raw deduction when it draws on a section's pool
(扣完30分为止), else its raw deduction capped at its own points (扣完为止). A section's
deduction is the sum of its children's, capped at its points, so its score is its pool
minus that capped sum — not the sum of its items' scores. Bonus sections add what their
items earned, capped at their points. A veto leaves the score standing and takes the
assessee out of the ranking.

A score that is not finished looks unfinished: while any item is unanswered (or its
answer could not be scored) the result is provisional (暂计), has no grade, and says
how many points are still open — the most the unanswered items could still lose. An
unanswered veto leaves ``ranked`` unknown (None). Points the text gives but no surviving
rule can take (县乡镇 3.11) are out of ``max`` and listed in ``unknown_points``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import ZERO, fmt, shown, to_json
from fieldcheck.engine.rubric import Item, Reading, Rubric, Section
from fieldcheck.engine.rules import NOT_APPLICABLE, AnswerError, Assessee, Metric, Outcome, _TargetRule, source_text
from fieldcheck.i18n import EMPTY, Text

#: what "na" may also be written as
NA_WORDS = {NOT_APPLICABLE, "NA", "n/a", "N/A", "不适用"}
#: the most answers one document may hold: a rubric has a few dozen items
MAX_ANSWERS = 2000


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


class AssesseeError(AnswerError):
    """The assessee named is not one the rubric's target table knows, or contradicts it."""

    def __init__(self, message: Text):
        super().__init__("assessee", message)

    def _text(self) -> Text:
        return Text(f"被考核单位:{self.reason.zh}", f"assessee: {self.reason.en}")


def suggest(name: str, known: list[str]) -> list[str]:
    """The names a person most likely meant: those that start with or contain it, then close spellings."""
    starts = [k for k in known if k.startswith(name) or name in k]
    return starts[:3] if starts else difflib.get_close_matches(name, known, n=3, cutoff=0.4)


def resolve_assessee(rubric: Rubric, raw: Mapping[str, Any] | Assessee | None) -> Assessee:
    """The assessee's row of the rubric's target table, or AssesseeError.

    With a target table, a name must be one of its rows (the closest names are
    suggested), a row that is not assessed (衡阳市, the city total) is refused, and a
    group given must be the row's own. Without a name, no row's targets apply.
    """
    if isinstance(raw, Assessee):
        return raw
    raw = raw or {}
    if not isinstance(raw, Mapping):
        raise AssesseeError(Text('应写成 {"name": 单位名称}', 'write {"name": the unit\'s name}'))
    name, group = raw.get("name"), raw.get("group")
    if name is not None and (not isinstance(name, str) or len(name) > 100):
        raise AssesseeError(Text(f"名称应是一段文字(填的是 {shown(name)})", f"the name must be text (got {shown(name)})"))
    if group is not None and not isinstance(group, str):
        raise AssesseeError(Text(f"分组应是一段文字(填的是 {shown(group)})", f"the group must be text (got {shown(group)})"))
    name = name.strip() or None if isinstance(name, str) else None
    group = group.strip() or None if isinstance(group, str) else None
    row = None
    if rubric.targets and name is not None:
        row = rubric.targets.get(name)
        if row is None:
            hints = suggest(name, [n for n, r in rubric.targets.items() if r.assessee])
            hint_zh = f";是不是「{'」「'.join(hints)}」?" if hints else ""
            hint_en = f"; did you mean {', '.join(hints)}?" if hints else ""
            raise AssesseeError(Text(f"「{shown(name)}」不在本细则的目标任务分解表中{hint_zh}",
                                     f"'{shown(name)}' is not in this rubric's target table{hint_en}"))
        if not row.assessee:
            raise AssesseeError(Text(f"「{name}」不是考核对象({row.note or '目标表中的合计行'})",
                                     f"'{name}' is not assessed ({row.note or 'a total row of the target table'})"))
        if group is not None and group != row.group:
            own = f"属「{row.group}」组" if row.group else "不属于任何分组"
            own_en = f"is in group '{row.group}'" if row.group else "is in no group"
            raise AssesseeError(Text(f"「{name}」在目标表中{own},答案却写作「{shown(group)}」",
                                     f"'{name}' {own_en} in the target table, but the answers say '{shown(group)}'"))
        group = row.group
    if group is not None and rubric.groups and group not in rubric.groups:
        raise AssesseeError(Text(f"分组「{shown(group)}」未知,可选:{'、'.join(rubric.groups)}",
                                 f"unknown group '{shown(group)}'; expected one of: {', '.join(rubric.groups)}"))
    if row is None:
        return Assessee(name, group, {})
    return Assessee(name, group, dict(row.values), row.name, row.ranked, row.partial)


def is_na(raw: Any) -> bool:
    return isinstance(raw, str) and raw.strip() in NA_WORDS


def parse_answers(rubric: Rubric, answers: Mapping[str, Any],
                  refused: list[AnswerError] | None = None) -> dict[str, Any]:
    """Check and normalise every answer.

    The first bad one raises AnswerError naming its item; with a ``refused`` list, bad
    answers are collected there instead and left out. ``"na"`` is accepted only on items
    the rubric marks as possibly not applicable (``na:`` with the reason).
    """
    if not isinstance(answers, Mapping):
        raise AnswerError("answers", Text("应写成 {项目编号: 答案}", "must map item ids to answers"))
    if len(answers) > MAX_ANSWERS:
        raise AnswerError("answers", Text(f"答案多达 {len(answers)} 条,细则只有 {len(rubric.items())} 项",
                                          f"{len(answers)} answers for a rubric of {len(rubric.items())} items"))
    items = {i.id: i for i in rubric.items()}
    parsed: dict[str, Any] = {}
    for item_id, raw in answers.items():
        item = items.get(str(item_id))
        try:
            if item is None:
                raise AnswerError(shown(str(item_id), 30), Text("细则中没有这个编号", "there is no such item in this rubric"))
            if raw is None:
                continue
            if is_na(raw):
                if item.na_reason is None:
                    raise AnswerError(item.id, Text("本项不能填「不适用」:细则没有说明它何时不适用",
                                                    "cannot be 'not applicable': the rubric gives no case where it is"))
                parsed[item.id] = NOT_APPLICABLE
            else:
                parsed[item.id] = item.rule.parse(item.id, raw)
        except AnswerError as exc:
            if item is not None:
                exc.titled(item.title)
            if refused is None:
                raise
            refused.append(exc)
    return parsed


def score(rubric: Rubric, answers: Mapping[str, Any], assessee: Mapping[str, Any] | Assessee | None = None,
          *, strict: bool = True) -> ScoreResult:
    """Score ``answers`` (item id → answer, in the JSON shapes of ``fieldcheck score``) against ``rubric``.

    Strict, the first answer that cannot be scored raises AnswerError naming its item: what
    a person hands in is refused whole, and so is an assessee the target table does not
    know. With ``strict=False`` (stored inspections) such an answer deducts nothing, its
    item shows "unscored", and ``result.unscored`` says why; an unknown assessee is listed
    there too and scored without table targets. The result is then not complete, so it
    never looks finished.
    """
    early: list[Warning] = []
    try:
        who = resolve_assessee(rubric, assessee)
    except AnswerError as exc:
        if strict:
            raise
        # A stored inspection keeps its assessee: it is scored with no table targets and no
        # default ones (row ""), so every item that needs the table asks for its target.
        early.append(Warning("assessee", "", exc.text))
        raw = assessee if isinstance(assessee, Mapping) else {}
        group = raw.get("group") if raw.get("group") in rubric.groups else None
        name = raw.get("name") if isinstance(raw.get("name"), str) else None
        who = Assessee(name, group, {}, "")
    refused: list[AnswerError] | None = None if strict else []
    parsed = parse_answers(rubric, answers, refused)
    scorer = _Scorer(rubric, parsed, who, strict)
    scorer.warnings.extend(early)
    for error in refused or ():
        scorer.unscored.append(Unscored(error.item_id, error.text))
    total, maximum, open_points = scorer.run()
    for error in refused or ():
        node = scorer.nodes.get(error.item_id)
        if node is not None:
            node.status, node.explanation = "unscored", error.text
    items = rubric.items()
    # in document order, whatever order the answers came in: the same answers give the same result
    place = {item.id: n for n, item in enumerate(items)}
    scorer.unscored.sort(key=lambda u: place.get(u.item_id, len(place)))
    # an item the target table takes out for this assessee ("out") needs no answer
    scored = sum(1 for i in items if (i.id in parsed or scorer.nodes[i.id].status == "out")
                 and scorer.nodes[i.id].status != "unscored")
    vetoes_known = all(i.id in parsed and scorer.nodes[i.id].status != "unscored"
                       for i in items if i.rule.kind == "veto")
    result = ScoreResult(rubric.id, rubric.version, rubric.title, total, maximum, None, scored, len(items),
                         scorer.nodes, scorer.trace, scorer.vetoes, who, rubric.complete, scorer.unscored,
                         open_points, scorer.warnings, vetoes_known=vetoes_known)
    result.unknown_points = [UnknownPoints(s.id, s.title, s.unknown_points) for s in rubric.walk()
                             if isinstance(s, Section) and s.unknown_points > 0]
    result.incomplete_sections = [(s.id, list(s.missing)) for s in rubric.walk() if isinstance(s, Section) and s.missing]
    out = any(n.status == "out" for n in scorer.nodes.values())
    if result.complete and not out:
        result.grade = rubric.grade(total)
        if result.grade is not None and scorer.prorated:
            result.notes.extend(_rounding_notes(rubric, parsed, who, result))
    if out:
        result.notes.append(Text("本单位只按目标表给出目标的项目计分,不评等级",
                                 "scored only on the items the target table gives this unit targets for; not graded"))
    result.readings = applied_readings(rubric, result)
    return result


def _rounding_notes(rubric: Rubric, parsed: dict[str, Any], who: Assessee, result: ScoreResult) -> list[Text]:
    """A note when whole-step rounding (floor or ceil) of the prorated shortfalls would change the grade."""
    notes = []
    for rounding, zh, en in (("floor", "只计整步(不足一步不扣)", "whole steps only (part-steps not deducted)"),
                             ("ceil", "不足一步按一步扣", "part-steps deducted as whole steps")):
        other = _Scorer(rubric, parsed, who, False, rounding)
        total, _, _ = other.run()
        grade = rubric.grade(total)
        if grade != result.grade:
            notes.append(Text(f"注意:若{zh},总分为 {fmt(total)},等级为「{grade}」;本结果按比例计 {fmt(result.total)}",
                              f"Note: with {en} the total would be {fmt(total)}, grade '{grade}'; "
                              f"prorated it is {fmt(result.total)}"))
    return notes


def applied_readings(rubric: Rubric, result: ScoreResult) -> list[AppliedReading]:
    """The rubric's readings that touched this result: those about an item that was answered (or left out)."""
    answered = {k for k, n in result.nodes.items() if n.is_item and n.status not in ("unanswered", "")}
    row = result.assessee.row if result.assessee is not None else None
    applied = []
    for reading in rubric.readings:
        if reading.assessees and row not in reading.assessees:
            continue
        touched = _touched(rubric, reading) & answered
        if reading.nodes and not touched and not reading.always:
            continue
        ordered = tuple(i.id for i in rubric.items() if i.id in touched)
        applied.append(AppliedReading(reading.id, Text(reading.text, reading.text_en or reading.text), ordered))
    return applied


def _touched(rubric: Rubric, reading: Reading) -> set[str]:
    if not reading.nodes:
        return {i.id for i in rubric.items()}
    ids = set(reading.nodes)
    return {i.id for i in rubric.items() if i.id in ids or any(i.id.startswith(n + ".") for n in ids)}


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
                               True, "unanswered", Text("未检查", "not inspected"), open=self.open_of(item))
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
