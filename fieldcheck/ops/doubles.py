"""Which assessees were inspected twice or more on one rubric (交叉检查), and whether that is settled.

Read from the inspections list's rows (no rubric snapshot is parsed), so listing stays
fast with thousands of inspections. A reconciled result is not one of the inspections it
settles: it is shown beside them (``reconciled``), not counted as another inspection.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldcheck.store import Store
from fieldcheck.store.records import Listed


@dataclass(frozen=True)
class Double:
    """One assessee's inspections on one rubric, two or more; oldest first."""

    assessee: str
    path: str
    rubric_id: str
    rubric_title: str
    inspections: tuple[Listed, ...]
    #: the live reconciled inspection that settles two of them (the latest), or None
    reconciled: str | None

    @property
    def same_version(self) -> bool:
        """All on one rubric version: only then can they be compared item by item."""
        return len({i.rubric_version for i in self.inspections}) == 1

    def to_json(self) -> dict:
        return {"assessee": self.assessee, "path": self.path, "rubric": self.rubric_id,
                "inspections": [{"id": i.id, "date": i.date, "status": i.status, "inspectors": i.inspectors,
                                 "rubric_version": i.rubric_version} for i in self.inspections],
                "same_version": self.same_version, "reconciled": self.reconciled}


def doubles(store: Store) -> list[Double]:
    """Every assessee inspected twice or more on one rubric (any version), by place path and rubric."""
    rows = store.inspections.listing()
    links = store.reconciliations.among(r.id for r in rows)
    results = {link.inspection_id for link in links}
    groups: dict[tuple[str, str], list[Listed]] = {}
    for r in rows:
        if r.id not in results:
            groups.setdefault((r.assessee_path, r.rubric_id), []).append(r)  # by path, as compare.place_path
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda r: (r.date, r.hlc))
        ids = {m.id for m in members}
        settled = [link.inspection_id for link in links if link.first_id in ids and link.second_id in ids]
        first = members[0]
        out.append(Double(first.assessee_name, first.assessee_path, first.rubric_id, first.rubric_title,
                          tuple(members), settled[-1] if settled else None))
    return sorted(out, key=lambda d: (d.path, d.rubric_id))
