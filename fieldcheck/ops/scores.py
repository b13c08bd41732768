"""The score of a stored inspection: the one path every view takes.

The walk, the inspections list, ``summary`` and ``score`` all call ``score_inspection``
(or ``scored_rows`` for many), so they agree: an answer the engine cannot score is left
out of the total and listed in ``result.unscored``, and the result is then incomplete.
A score is derived from the findings. The list keeps what it shows of each score in the
store's score cache, keyed by the inspection's change stamp, its rubric version and the
engine's code (``scored_rows``): a cache, never the truth, which any change misses.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldcheck import __version__
from fieldcheck.i18n import Text
from fieldcheck.store import Store
from fieldcheck.store.lazy_dataclass import lazy_dataclass
from fieldcheck.store.records import Inspection, InspectionRow, Listed

if TYPE_CHECKING:  # the engine loads when something is scored: a list of cached scores needs none of it
    from fieldcheck.engine.scoring import ScoreResult


def answers(store: Store, inspection_id: str) -> dict[str, Any]:
    """The answers the rubric engine scores, derived from the live findings and the marks."""
    from fieldcheck.engine.answers import answers_from_values  # lazy: the engine loads when first needed

    inspection = store.inspections.get(inspection_id)
    values, marks = store.findings.values(inspection_id)
    return answers_from_values(inspection.rubric, values, marks)


def score_answers(inspection: Inspection, derived: dict[str, Any]) -> ScoreResult:
    """An inspection's score from answers derived from its findings (the walk keeps them up to date)."""
    from fieldcheck.engine.scoring import score  # lazy: the engine loads when first needed

    return score(inspection.rubric, derived, inspection.assessee, strict=False)


def score_values(inspection: Inspection, values: list[tuple[str, Any]], marks: dict[str, str]) -> ScoreResult:
    """An inspection's score from its findings' (item, value) pairs and its marks."""
    from fieldcheck.engine.answers import answers_from_values  # lazy: the engine loads when first needed

    return score_answers(inspection, answers_from_values(inspection.rubric, values, marks))


def score_inspection(store: Store, inspection_id: str) -> ScoreResult:
    """The inspection's score on its frozen rubric, with the answers it could not score listed."""
    inspection = store.inspections.get(inspection_id)
    values, marks = store.findings.values(inspection_id)
    return score_values(inspection, values, marks)


def _engine_key() -> str:
    """What a cached score was computed with besides the findings: the engine's own code.

    A cached score is thrown away when the scoring code changes (an upgrade of FieldCheck that
    fixes a rule), not only when the inspection does: the cache must never outlive its truth.
    Two 32-bit checksums (CRC-32 and Adler-32) of every source, not SHA-256: this runs at every
    start, and hashlib's OpenSSL cost 4 ms of it; a cache key needs no defence against forgery.
    """
    engine = Path(__file__).resolve().parent.parent / "engine"
    sources = []
    for folder, dirs, files in os.walk(engine):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        sources += [os.path.join(folder, f) for f in files if f.endswith(".py")]
    crc = adler = 1
    for path in sorted(sources, key=lambda p: Path(p).relative_to(engine).as_posix()):
        with open(path, "rb") as source:
            data = Path(path).relative_to(engine).as_posix().encode() + b"\0" + source.read()
        crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)
    if not sources:  # a frozen build ships no sources: its version stands for its code
        return __version__
    return f"{crc:08x}{adler:08x}"


ENGINE = _engine_key()


@dataclass(frozen=True)
class ScoreSummary:
    """What the list shows of a score: enough to show and sort it, small enough to cache.

    Made from a ``ScoreResult`` (``of``) and kept as JSON in the store's score cache.
    """

    total: Decimal
    max: Decimal
    grade: str | None
    answered: int
    item_count: int
    complete: bool
    ranked: bool
    #: why answers could not be scored, in both languages (rendered when shown)
    unscored: tuple[Text, ...] = ()

    @classmethod
    def of(cls, result: ScoreResult) -> ScoreSummary:
        return cls(result.total, result.max, result.grade, result.answered, result.item_count, result.complete,
                   result.ranked, tuple(u.reason for u in result.unscored))

    def to_json(self) -> str:
        return json.dumps([str(self.total), str(self.max), self.grade, self.answered, self.item_count,
                           self.complete, self.ranked, [[r.zh, r.en] for r in self.unscored]], ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ScoreSummary:
        total, top, grade, answered, items, complete, ranked, unscored = json.loads(text)
        return cls(Decimal(total), Decimal(top), grade, answered, items, complete, ranked,
                   tuple(Text(zh, en) for zh, en in unscored))


@lazy_dataclass(frozen=True)
class ScoredRow:
    """An inspections-list row with its score (a summary: the list needs no trace)."""

    row: InspectionRow
    result: ScoreSummary

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
        return str(self.result.unscored[0]) if self.result.unscored else None


def _cache_key(rubric_version: str) -> str:
    return f"{rubric_version}|{ENGINE}"


class ListScores:
    """The inspections list's scores: from the cache when valid, else scored when first asked.

    ``summary(listed)`` answers at once for a row whose cached score was computed at its
    current change stamp, on its rubric version and by this engine; any other row is scored
    afresh (the store's lock is held only while its findings are read, never while the engine
    scores). So a list of 10,000 scores only the rows it shows or sorts by, and only once.
    ``flush()`` keeps the new scores in the store's cache for the next start.
    """

    def __init__(self, store: Store):
        self.store = store
        self._known: dict[tuple[str, str], ScoreSummary] = {}  # (id, stamp) → summary
        self._counts: dict[tuple[str, str], tuple[int, int]] = {}
        self._pending: list[tuple[str, str, int, int, str, str]] = []

    def summary(self, listed: Listed) -> ScoreSummary:
        key = (listed.id, listed.stamp)
        known = self._known.get(key)
        if known is not None:
            return known
        engine = _cache_key(listed.rubric_version)
        if listed.cached and listed.engine == engine and listed.score:
            try:
                known = self._known[key] = ScoreSummary.from_json(listed.score)
                return known
            except (ValueError, TypeError, ArithmeticError):
                pass  # a cache row this code cannot read: score afresh
        inspection = self.store.inspections.get(listed.id)
        values, marks = self.store.findings.values(listed.id)
        known = self._known[key] = ScoreSummary.of(score_values(inspection, values, marks))
        findings, photos = self.counts(listed)
        self._pending.append((listed.id, listed.stamp, findings, photos, engine, known.to_json()))
        return known

    def counts(self, listed: Listed) -> tuple[int, int]:
        """(findings, photos) of the row: the cache's when valid, else counted once per stamp."""
        if listed.cached:
            return listed.findings or 0, listed.photos or 0
        key = (listed.id, listed.stamp)
        if key not in self._counts:
            self._counts[key] = self.store.inspections.counts(listed)
        return self._counts[key]

    @property
    def pending(self) -> int:
        """How many new scores wait to be kept in the cache."""
        return len(self._pending)

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        self.store.inspections.keep_scores(pending)


def scored_rows(store: Store, **filters: Any) -> list[ScoredRow]:
    """``store.inspections.rows(**filters)``, each with its score (through the list's cache)."""
    book = ListScores(store)
    out = []
    for listed in store.inspections.listing(**filters):
        summary = book.summary(listed)
        findings, photos = book.counts(listed)
        cached = (listed.engine or "", listed.score or "") if listed.cached else None
        row = InspectionRow(store.inspections.get(listed.id), listed.assessee_path, findings, photos, listed.hlc,
                            listed.stamp, cached)
        out.append(ScoredRow(row, summary))
    book.flush()
    return out
