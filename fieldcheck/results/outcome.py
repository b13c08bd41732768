"""The results of one rubric in a database: counted inspections, grades, bands, ranks, tiers, losses.

``build`` is the one call the command, the window, the workbook and the PDF share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fieldcheck.engine import catalog
from fieldcheck.engine.numbers import to_json
from fieldcheck.engine.ranking_spec import RankingSpec
from fieldcheck.engine.rubric import Node, Rubric
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.results.bands import Banding, banding
from fieldcheck.results.counting import Conflict, Counted, count
from fieldcheck.results.losses import ItemLoss, losses
from fieldcheck.results.ranking import Entry, GroupOutcome, Placed, rank
from fieldcheck.store import Store


class NoResults(UserError):
    pass


@dataclass
class Row:
    counted: Counted
    placed: Placed
    grade: str | None
    band: str | None

    name = property(lambda self: self.counted.label)
    result = property(lambda self: self.counted.result)

    def veto(self) -> str | None:
        return "、".join(self.result.vetoes) or None

    @property
    def unfinished_unsaid(self) -> bool:
        """Unfinished, and no ranking note says so (a rubric without ranking groups places no one): every
        output marks its total 暂计 and says 未完成, or an unfinished score would look finished."""
        return not self.result.complete and self.placed.note != "incomplete"

    @property
    def grade_shown(self) -> str:
        """The grade column as printed (Chinese, like the rubric's grade names): a park says it is not graded."""
        return self.grade or ("不评等级" if self.result.not_graded else "")

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {"assessee": self.name, "group": self.placed.group, "inspection": self.counted.row.id,
                "status": self.counted.row.status, "draft": self.counted.draft,
                "total": to_json(r.total), "max": to_json(r.max), "grade": self.grade, "band": self.band,
                "complete": r.complete, "ranked": self.placed.ranked, "veto": self.veto(),
                "rank": self.placed.rank, "tier": self.placed.tier, "note": self.placed.note,
                "rank_provisional": self.placed.provisional}


@dataclass
class Results:
    rubric: Rubric
    rows: list[Row]
    groups: list[GroupOutcome]
    banding: Banding | None
    conflicts: list[Conflict]
    losses: list[ItemLoss]
    include_drafts: bool = False
    left_out: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_bands(self) -> bool:
        """Whether the rubric bands its assessees (衡阳's and the 考核细则 do not): views show no empty 档次."""
        return self.banding is not None and bool(self.banding.bands)

    def sections(self) -> list[Node]:
        """The rubric's top-level parts with points (sections, and items standing alone like 衡阳's 二、四):
        the summary's 各项得分 columns."""
        return [c for c in self.rubric.children if c.max_points > 0]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rubric": self.rubric.id, "title": self.rubric.title, "all": self.include_drafts,
                               "assessees": [r.to_json() for r in self.rows],
                               "groups": [g.to_json() for g in self.groups],
                               "conflicts": [c.to_json() for c in self.conflicts],
                               "losses": [x.to_json() for x in self.losses]}
        if self.banding is not None:
            out["bands"] = {"method": self.banding.method, "edges": self.banding.edges(),
                            "mean": None if self.banding.mean is None else float(round(self.banding.mean, 2)),
                            "sd": None if self.banding.sd is None else float(round(self.banding.sd, 2))}
        return out


def _rubric(rubric_id: str, counted: list[Counted]) -> Rubric:
    """The installed rubric (its ranking block is today's rule); else the newest counted snapshot."""
    try:
        return catalog.find(rubric_id)
    except catalog.UnknownRubric:
        if counted:
            return max(counted, key=lambda c: c.row.date).inspection.rubric
        raise


def build(store: Store, rubric_id: str, *, include_drafts: bool = False) -> Results:
    counting = count(store, rubric_id, include_drafts=include_drafts)
    if not counting.counted and not counting.conflicts:
        raise NoResults(t(f"数据库中没有细则「{rubric_id}」的已签检查" + ("" if include_drafts else "(草稿要加 --all)"),
                          f"no signed inspections of rubric '{rubric_id}' in this database"
                          + ("" if include_drafts else " (add --all for drafts)")))
    rubric = _rubric(rubric_id, counting.counted)
    spec = rubric.ranking or RankingSpec(())
    entries = [Entry(c.row.id, c.name, c.group, c.result.total, "、".join(c.result.vetoes) or None,
                     c.result.complete) for c in counting.counted]
    placed, groups = rank(spec, entries)
    by_key = {p.entry.key: p for p in placed}
    # a unit the rubric does not grade (衡阳's parks, scored on fewer points) gets no fail label
    # and no band, and its total does not move the others' bands
    graded = [c for c in counting.counted if not c.result.not_graded]
    bands = banding(spec.bands, [c.result.total for c in graded if c.result.complete])
    # an unfinished total can only fall (an unanswered item counts its full points), unless an unanswered
    # bonus item of its rubric could still lift it: only then is a provisional total below the line a fail
    lifts: dict[str, bool] = {}

    def can_rise(c: Counted) -> bool:
        snapshot = c.inspection.rubric
        if snapshot.version not in lifts:
            lifts[snapshot.version] = any(item.rule.kind == "bonus" for item in snapshot.items())
        return lifts[snapshot.version] and not c.result.complete

    rows = []
    for c in counting.counted:
        p = by_key[c.row.id]
        grade = c.result.grade
        if c.result.not_graded:
            rows.append(Row(c, p, grade, None))
            continue
        if spec.fail_below is not None and c.result.total < spec.fail_below and not can_rise(c):
            grade = spec.fail_label
        # an unfinished total is provisional: no band yet, as it has no grade yet (a band is a grade by spread)
        band = bands.of(c.result.total) if bands is not None and bands.bands and c.result.complete else None
        rows.append(Row(c, p, grade, band))
    order = {g.name: i for i, g in enumerate(spec.groups)}
    rows.sort(key=lambda r: (order.get(r.placed.group or "", len(order)), r.placed.rank or 10**6,
                             -r.result.total, r.name))
    return Results(rubric, rows, groups, bands, counting.conflicts + counting.unsigned,
                   losses(store, rubric, counting.counted), include_drafts, counting.left_out)


def total_of(row: Row) -> Decimal:
    return row.result.total
