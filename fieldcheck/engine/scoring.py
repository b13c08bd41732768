"""Score an assessment: answers in, a total with every deduction explained out.

This is the one place a score is computed; the window, the score sheet, the workbook
and the CLI all show a ``ScoreResult`` and never recompute one their own way.
Pools and caps are applied in ``pools``; the result and its trace are ``score_result``.

A score that is not finished looks unfinished: while any item is unanswered (or its
answer could not be scored) the result is provisional (暂计), has no grade, and says
how many points are still open — the most the unanswered items could still lose. An
unanswered veto leaves ``ranked`` unknown (None). Points the text gives but no surviving
rule can take (县乡镇 3.11) are out of ``max`` and listed in ``unknown_points``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from fieldcheck.engine.numbers import fmt, shown
from fieldcheck.engine.pools import _Scorer
from fieldcheck.engine.rubric import Item, Reading, Rubric, Section
from fieldcheck.engine.rules import NOT_APPLICABLE, AnswerError, Assessee
from fieldcheck.engine.score_result import (
    AppliedReading,
    NodeScore,
    ScoreResult,
    TraceEntry,
    UnknownPoints,
    Unscored,
    Warning,
)
from fieldcheck.i18n import Text

#: what "na" may also be written as
NA_WORDS = {NOT_APPLICABLE, "NA", "n/a", "N/A", "不适用"}
#: the most answers one document may hold: a rubric has a few dozen items
MAX_ANSWERS = 2000


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
    if result.complete and not result.not_graded:
        result.grade = rubric.grade(total)
        if result.grade is not None and scorer.prorated:
            result.notes.extend(_rounding_notes(rubric, parsed, who, result))
    if result.not_graded:
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
    items = rubric.items()  # once, not twice per reading: a walk of the whole tree each (every edit in the window)
    applied = []
    for reading in rubric.readings:
        if reading.assessees and row not in reading.assessees:
            continue
        touched = _touched(items, reading) & answered
        if reading.nodes and not touched and not reading.always:
            continue
        # a reading about the whole rubric names no items: listing the answered ones would say it is about them
        ordered = tuple(i.id for i in items if i.id in touched) if reading.nodes else ()
        applied.append(AppliedReading(reading.id, Text(reading.text, reading.text_en or reading.text), ordered))
    return applied


def _touched(items: list[Item], reading: Reading) -> set[str]:
    if not reading.nodes:
        return {i.id for i in items}
    ids = set(reading.nodes)
    return {i.id for i in items if i.id in ids or any(i.id.startswith(n + ".") for n in ids)}


#: the result types live in ``score_result``; they are named here too, where every caller looks for them
__all__ = ["AppliedReading", "AssesseeError", "NodeScore", "ScoreResult", "TraceEntry", "UnknownPoints", "Unscored",
           "Warning", "applied_readings", "is_na", "parse_answers", "resolve_assessee", "score", "suggest"]
