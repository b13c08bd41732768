"""The score of a stored inspection: the one path every view takes.

The walk, the inspections list, ``summary`` and ``score`` all call ``score_inspection``
(or ``scored_rows`` for many), so they agree: an answer the engine cannot score is left
out of the total and listed in ``result.unscored``, and the result is then incomplete.
Nothing here is stored; a score is derived from the findings each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldcheck.engine.answers import answers_from_values
from fieldcheck.engine.scoring import ScoreResult, score
from fieldcheck.store import Store
from fieldcheck.store.records import Inspection, InspectionRow


def answers(store: Store, inspection_id: str) -> dict[str, Any]:
    """The answers the rubric engine scores, derived from the live findings and the marks."""
    inspection = store.inspections.get(inspection_id)
    values, marks = store.findings.values(inspection_id)
    return answers_from_values(inspection.rubric, values, marks)


def score_answers(inspection: Inspection, derived: dict[str, Any]) -> ScoreResult:
    """An inspection's score from answers derived from its findings (the walk keeps them up to date)."""
    return score(inspection.rubric, derived, inspection.assessee, strict=False)


def score_values(inspection: Inspection, values: list[tuple[str, Any]], marks: dict[str, str]) -> ScoreResult:
    """An inspection's score from its findings' (item, value) pairs and its marks."""
    return score_answers(inspection, answers_from_values(inspection.rubric, values, marks))


def score_inspection(store: Store, inspection_id: str) -> ScoreResult:
    """The inspection's score on its frozen rubric, with the answers it could not score listed."""
    inspection = store.inspections.get(inspection_id)
    values, marks = store.findings.values(inspection_id)
    return score_values(inspection, values, marks)


@dataclass(frozen=True)
class ScoredRow:
    """An inspections-list row with its score."""

    row: InspectionRow
    result: ScoreResult

    def __getattr__(self, name: str) -> Any:  # the row's own fields: id, assessee_path, status, …
        return getattr(self.row, name)

    total = property(lambda self: self.result.total)
    max = property(lambda self: self.result.max)
    grade = property(lambda self: self.result.grade)
    complete = property(lambda self: self.result.complete)
    answered = property(lambda self: self.result.answered)
    item_count = property(lambda self: self.result.item_count)

    @property
    def error(self) -> str | None:
        """Why an answer could not be scored (the first such), or None."""
        return str(self.result.unscored[0].reason) if self.result.unscored else None


def scored_rows(store: Store, **filters: Any) -> list[ScoredRow]:
    """``store.inspections.rows(**filters)``, each with its score."""
    return [ScoredRow(row, score_inspection(store, row.id)) for row in store.inspections.rows(**filters)]
