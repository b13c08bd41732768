"""Ranking within groups with the quotas a rubric states (its ``ranking:`` block).

Pure: totals in, ranks and tiers out. Ties share a rank (1, 2, 2, 4). A run of equal
totals that straddles a quota line is not cut: with the rule ``report`` its members get
no tier and the group lists the tie for the leader; with ``upper`` they all take the
upper tier. Vetoed and incomplete assessees are not ranked and the quotas apply to the rest.
A veto is final, but an unfinished member (or a listed member with no counted inspection)
could still take a place: while there is one, the group's ranks and tiers are provisional
(``pending``), and every ranked member says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from fieldcheck.engine.ranking_spec import RankGroup, RankingSpec


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    group: str | None
    total: Decimal
    veto: str | None = None
    complete: bool = True


@dataclass
class Placed:
    """Where one entry stands: its ranking group, rank and tier, or why it is not ranked."""

    entry: Entry
    group: str | None = None
    ranked: bool = False
    rank: int | None = None
    tier: str | None = None
    #: why not ranked: "veto", "incomplete", "no group"; or "tie" when ranked but its tier is the leader's call
    note: str | None = None
    #: ranked while another member of the group is unfinished or not counted: rank and tier may still move
    provisional: bool = False


@dataclass
class Tie:
    rank: int
    between: tuple[str | None, str | None]  # the tiers on either side of the line (None: no tier)
    places: int  # how many of the tied can still go in the upper tier
    assessees: tuple[str, ...]

    def to_json(self) -> dict:
        return {"rank": self.rank, "between": list(self.between), "places": self.places,
                "assessees": list(self.assessees)}


@dataclass
class GroupOutcome:
    name: str
    quotas: dict[str, int]
    members: list[Placed] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    #: members still to come, in the rubric's order: (name, "incomplete" or "missing" (no counted inspection))
    pending: list[tuple[str, str]] = field(default_factory=list)

    @property
    def vetoed(self) -> list[str]:
        return [p.entry.name for p in self.members if p.note == "veto"]

    def to_json(self) -> dict:
        return {"name": self.name, "quotas": dict(self.quotas), "ties": [t.to_json() for t in self.ties],
                "ranked": sum(1 for p in self.members if p.ranked), "vetoed": self.vetoed,
                "pending": [{"assessee": n, "why": why} for n, why in self.pending], "final": not self.pending}


def rank(spec: RankingSpec, entries: list[Entry]) -> tuple[list[Placed], list[GroupOutcome]]:
    """Place every entry; the groups in the order the rubric declares them."""
    placed = {e.key: Placed(e) for e in entries}
    outcomes = []
    for group in spec.groups:
        mine = [placed[e.key] for e in entries if group.holds(e.name, e.group)]
        outcomes.append(_rank_group(spec, group, mine))
    for p in placed.values():
        if p.group is None and spec.groups:
            p.note = "veto" if p.entry.veto else "no group"
    return list(placed.values()), outcomes


def _rank_group(spec: RankingSpec, group: RankGroup, members: list[Placed]) -> GroupOutcome:
    outcome = GroupOutcome(group.name, {t.name: t.count for t in group.tiers}, members)
    ranked = []
    for p in members:
        p.group = group.name
        if p.entry.veto:
            p.note = "veto"
        elif not p.entry.complete:
            p.note = "incomplete"
        else:
            p.ranked = True
            ranked.append(p)
    ranked.sort(key=lambda p: (-p.entry.total, p.entry.name))
    # the last position (1-based) of each tier: 一类 3, 二类 7
    lines, end = [], 0
    for tier in group.tiers:
        end += tier.count
        lines.append((end, tier.name))

    def tier_at(position: int) -> str | None:
        return next((name for last, name in lines if position <= last), None)

    start = 0
    while start < len(ranked):
        stop = start
        while stop + 1 < len(ranked) and ranked[stop + 1].entry.total == ranked[start].entry.total:
            stop += 1
        run = ranked[start:stop + 1]
        first, last = start + 1, stop + 1
        upper, lower = tier_at(first), tier_at(last)
        for p in run:
            p.rank = first
            p.tier = upper
        if upper != lower:
            line = next(end for end, name in lines if name == upper)
            outcome.ties.append(Tie(first, (upper, lower), line - first + 1, tuple(p.entry.name for p in run)))
            if spec.ties == "report":
                for p in run:
                    p.tier, p.note = None, "tie"
        start = stop + 1
    present = {p.entry.name for p in members}
    pending = [(p.entry.name, "incomplete") for p in members if p.note == "incomplete"] + \
        [(m, "missing") for m in group.members if m not in present]
    order = {m: i for i, m in enumerate(group.members)}
    outcome.pending = sorted(pending, key=lambda x: order.get(x[0], len(order)))
    for p in ranked:
        p.provisional = bool(outcome.pending)
    return outcome
