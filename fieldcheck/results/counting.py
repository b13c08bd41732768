"""Which inspection counts, per assessee and rubric.

The only signed (or exported) one. Two or more are a problem, listed, never ranked
silently. Drafts count only when asked (``include_drafts``, the CLI's ``--all``), only
where no signed one exists, and are marked. A reconciled inspection (交叉检查,
``store.reconciliations``) settles the inspections it reconciles: ``reconciled`` returns
it, it counts (marked as a draft until it is signed) and the others are not a problem,
unless a signed inspection it does not settle exists (a third, later one), which reopens
the question.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from fieldcheck.engine.scoring import ScoreResult
from fieldcheck.i18n import Text
from fieldcheck.ops.scores import score_inspection
from fieldcheck.store import Store
from fieldcheck.store.records import InspectionRow

FINAL = ("signed", "exported")


@dataclass(frozen=True)
class Counted:
    """The inspection that counts for one assessee, with its score (from ops.scores)."""

    row: InspectionRow
    result: ScoreResult
    draft: bool = False
    #: the assessee as shown, where its name alone is another's too: its place's path (two townships' 和平村)
    shown: str = ""

    inspection = property(lambda self: self.row.inspection)
    name = property(lambda self: self.row.inspection.assessee_name)
    label = property(lambda self: self.shown or self.name)
    group = property(lambda self: self.row.inspection.assessee_group)


@dataclass(frozen=True)
class Conflict:
    """Several inspections of one assessee that could each count: the leader must pick one."""

    assessee: str
    inspections: tuple[str, ...]
    reason: Text

    def to_json(self) -> dict:
        return {"assessee": self.assessee, "inspections": list(self.inspections), "reason": self.reason.render()}


@dataclass
class Counting:
    counted: list[Counted] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    #: drafts left out (no --all) or passed over for a signed one: (assessee, inspection id)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    #: assessees with drafts only, left out (no --all): listed, so a unit never vanishes from the results unsaid
    unsigned: list[Conflict] = field(default_factory=list)


def reconciled(store: Store, rows: list[InspectionRow]) -> InspectionRow | None:
    """The reconciled inspection among an assessee's that settles every other signed one, or None.

    Reconciliations chain (a reconciled result may itself be reconciled with a later
    inspection): the one counted is the latest that no other reconciles, and every signed
    inspection but it must be settled by it or by the results it settles.
    """
    by_id = {r.id: r for r in rows}
    links = {link.inspection_id: link for link in store.reconciliations.among(by_id)}
    if not links:
        return None
    settled_by_someone = {o for link in links.values() for o in link.originals}
    tops = [i for i in links if i not in settled_by_someone]
    if not tops:
        return None
    chosen = max(tops, key=lambda i: (links[i].hlc, i))
    settled, todo = set(), [chosen]
    while todo:  # what the chosen result settles, directly or through the results it settles
        link = links.get(todo.pop())
        if link is not None:
            for original in link.originals:
                if original not in settled:
                    settled.add(original)
                    todo.append(original)
    if any(r.status in FINAL and r.id != chosen and r.id not in settled for r in rows):
        return None
    return by_id[chosen]


def count(store: Store, rubric_id: str, *, include_drafts: bool = False) -> Counting:
    """Every assessee's counted inspection of ``rubric_id`` (any version), and the conflicts."""
    by_assessee: dict[str, list[InspectionRow]] = {}
    for row in store.inspections.rows():
        if row.rubric_id == rubric_id:
            by_assessee.setdefault(row.assessee_path, []).append(row)  # by path, as ops.compare.place_path
    out = Counting()
    names = Counter(rows[0].assessee_name for rows in by_assessee.values())
    for rows in by_assessee.values():
        rows.sort(key=lambda r: (r.date, r.inspection.created_at))
        name = rows[0].assessee_name
        shown = rows[0].assessee_path if names[name] > 1 and rows[0].assessee_path != name else ""
        name = shown or name
        chosen = reconciled(store, rows)
        if chosen is not None:
            out.counted.append(Counted(chosen, score_inspection(store, chosen.id), draft=chosen.status not in FINAL,
                                       shown=shown))
            out.left_out.extend((name, r.id) for r in rows if r.id != chosen.id)
            continue
        final = [r for r in rows if r.status in FINAL]
        drafts = [r for r in rows if r.status not in FINAL]
        if len(final) == 1:
            out.counted.append(Counted(final[0], score_inspection(store, final[0].id), shown=shown))
            out.left_out.extend((name, r.id) for r in drafts)
        elif len(final) > 1:
            out.conflicts.append(Conflict(name, tuple(r.id for r in final), Text(
                f"{len(final)} 份已签检查,未经核对,不排名", f"{len(final)} signed inspections, not reconciled: not ranked")))
            out.left_out.extend((name, r.id) for r in drafts)
        elif not include_drafts:
            out.left_out.extend((name, r.id) for r in drafts)
            out.unsigned.append(Conflict(name, tuple(r.id for r in drafts), Text(
                "只有草稿,没有已签检查,未计入结果(草稿须选择计入才计,并标明)",
                "drafts only, no signed inspection: not counted (drafts count only when asked, and are marked)")))
        elif len(drafts) == 1:
            out.counted.append(Counted(drafts[0], score_inspection(store, drafts[0].id), draft=True, shown=shown))
        else:
            out.conflicts.append(Conflict(name, tuple(r.id for r in drafts), Text(
                f"{len(drafts)} 份草稿,没有已签检查,不排名", f"{len(drafts)} drafts and no signed inspection: not ranked")))
    out.counted.sort(key=lambda c: c.label)
    return out
