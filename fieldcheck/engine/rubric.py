"""Rubrics: the official rules as data, loaded from a YAML file and checked with line numbers.

A rubric file (see ``rubrics/*.yaml``) holds an id, a title, the source document,
optional assessee groups, grade bands and a target table, and a tree of sections and
items under ``children``. An entry with ``children`` is a section; one with ``rule`` is
an item. Ids follow the document's numbering as dotted paths ("2.1.4").

Points and pools, as ``scoring`` applies them:

* every section caps the deductions of everything under it at its own points
  (no section ever goes below 0);
* an item with ``cap: <section id>`` draws on that section's pool (扣完30分为止) and is
  not capped at its own points, so "(4分)" may lose 6;
* an item without ``cap`` is capped at its own points (扣完为止 with no number);
* an item may leave out ``points`` when the document prints none for it; it then needs
  a ``cap`` and its maximum is what its rule can take from that pool.

The version of a rubric is the SHA-256 of its canonical content (the parsed data as
sorted JSON), so reformatting the file or reordering keys keeps the version.

Reading and checking files is ``rubric_file``'s work.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from fieldcheck.engine.numbers import ZERO, fmt
from fieldcheck.engine.ranking_spec import RankingSpec
from fieldcheck.engine.rules import Rule
from fieldcheck.engine.sampling_spec import SamplingSpec
from fieldcheck.i18n import t

# ---------------------------------------------------------------------------------------------
# the model


@dataclass
class Item:
    id: str
    title: str
    content: str
    standard: str
    points: Decimal | None
    rule: Rule
    cap: str | None
    note: str = ""
    line: int = 0
    parent: Section | None = field(default=None, repr=False)
    #: why "na" (not applicable) may be answered here; None: "na" is refused
    na_reason: str | None = None

    @property
    def pool(self) -> Section | None:
        """The section whose points this item's deductions draw on, or None for its own points."""
        node = self.parent
        while node is not None and node.id != self.cap:
            node = node.parent
        return node if self.cap else None

    @property
    def max_points(self) -> Decimal:
        """The most this item can show: its own points, or what its rule can take from its pool."""
        if self.points is not None:
            return self.points
        if self.rule.kind == "bonus":
            return self.rule.add  # type: ignore[attr-defined]
        pool = self.pool
        pool_points = pool.max_points if pool is not None else ZERO
        most = self.rule.max_deduction(None)
        return pool_points if most is None else min(pool_points, most)

    def describe_rule(self) -> str:
        """The rule and its cap said plainly, for the window and the score sheet."""
        text = self.rule.describe(self.points)
        pool = self.pool
        if pool is not None and pool.points is not None:
            text += t(f";本节({pool.id} {pool.title})扣完 {fmt(pool.points)} 分为止",
                      f"; pooled in {pool.id} {pool.title}, at most {fmt(pool.points)}")
        elif self.points is not None and self.rule.kind not in ("bonus", "veto"):
            most = self.rule.max_deduction(self.points)
            if most is None or most > self.points:  # only where the rule could ask for more than the item holds
                text += t(f";扣完 {fmt(self.points)} 分为止", f"; at most {fmt(self.points)}")
        return text


@dataclass
class Section:
    id: str
    title: str
    points: Decimal | None
    kind: str = "regular"  # or "bonus"
    children: list[Section | Item] = field(default_factory=list)
    content: str = ""
    standard: str = ""
    note: str = ""
    missing: list[str] = field(default_factory=list)
    line: int = 0
    parent: Section | None = field(default=None, repr=False)

    @property
    def max_points(self) -> Decimal:
        """The section's points, or (in an incomplete rubric) what its known children add up to.

        A section whose text is partly lost (``missing``) counts only the points of the parts
        that survive: 县乡镇 3.11 prints 9 points but gives rules for 3, so its maximum is 3
        and the other 6 are ``unknown_points``, never awarded free.
        """
        known = self._known_points()
        if self.points is None:
            return known if known is not None else ZERO
        if self.missing and known is not None:
            return min(self.points, known)
        return self.points

    def _known_points(self) -> Decimal | None:
        if any(isinstance(c, Item) and c.points is None and c.rule.kind != "bonus" for c in self.children):
            return None  # items that share this section's points: their sum is the section's own
        return sum((c.max_points for c in self.children), ZERO)

    @property
    def unknown_points(self) -> Decimal:
        """Points the text gives this section but no surviving rule can take or award."""
        if self.points is None or not self.missing:
            return ZERO
        return self.points - self.max_points


Node = Section | Item


@dataclass(frozen=True)
class Grade:
    minimum: Decimal
    label: str


@dataclass(frozen=True)
class TargetRow:
    """One row of a target table (衡阳 附2).

    ``assessee: false`` marks a row that is not assessed (衡阳市, the city total);
    ``ranked: false`` one scored but not ranked (the parks, in neither group); a row
    with ``partial: true`` is scored only on the items whose target column it fills.
    """

    name: str
    group: str | None
    values: dict[str, Decimal]
    assessee: bool = True
    ranked: bool = True
    partial: bool = False
    note: str = ""


@dataclass(frozen=True)
class Reading:
    """A reading declared where the text is silent or ambiguous: an id, one sentence, the nodes it touches.

    ``nodes`` empty means the whole rubric; ``assessees`` limits it to those target rows;
    ``always``: it affects every result (it shapes the maximum), answered or not.
    """

    id: str
    text: str
    nodes: tuple[str, ...] = ()
    text_en: str = ""
    assessees: tuple[str, ...] = ()
    always: bool = False


@dataclass
class Rubric:
    id: str
    title: str
    version: str
    source: str
    children: list[Node]
    complete: bool = True
    missing: list[str] = field(default_factory=list)
    notes: str = ""
    groups: list[str] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=list)
    target_columns: list[str] = field(default_factory=list)
    targets: dict[str, TargetRow] = field(default_factory=dict)
    path: Path | None = None
    text: str = ""
    readings: list[Reading] = field(default_factory=list)
    #: the ``ranking:`` block (groups, quotas, ties, fail line, bands), or None (engine/ranking_spec.py)
    ranking: RankingSpec | None = None
    #: the ``sampling:`` block (the least share of households drawn for door-to-door checks), or None
    sampling: SamplingSpec | None = None

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in document order."""
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, Section):
                stack.extend(reversed(node.children))

    def items(self) -> list[Item]:
        return [n for n in self.walk() if isinstance(n, Item)]

    def node(self, node_id: str) -> Node:
        for n in self.walk():
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    @property
    def max_points(self) -> Decimal:
        return sum((c.max_points for c in self.children), ZERO)

    def grade(self, total: Decimal) -> str | None:
        for band in sorted(self.grades, key=lambda g: g.minimum, reverse=True):
            if total >= band.minimum:
                return band.label
        return None
