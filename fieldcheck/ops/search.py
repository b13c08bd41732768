"""Findings found by what was typed: words of their note, or their household's name, across inspections.

The store does the finding (``findings.search``, the trigram index or a scan, and
``households.matching``); this gathers what a result line shows: where, when, which item.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldcheck.store import Finding


@dataclass(frozen=True)
class FindingHit:
    finding: Finding
    inspection_id: str
    assessee: str
    date: str
    item_id: str
    item_title: str
    household: str
    note: str


def search_findings(store, text: str, *, limit: int = 200) -> list[FindingHit]:
    """Live findings of live inspections whose note contains ``text`` or whose household's head is named so."""
    text = (text or "").strip()
    if not text:
        return []
    households = {h.id: h.head_name for h in store.households.matching(text)}
    found = store.findings.search(text, household_ids=households, limit=limit)
    names = store.households.names(f.household_id for f in found)
    seen: dict[str, tuple] = {}  # inspection id → (inspection, where, item titles)
    hits = []
    for finding in found:
        known = seen.get(finding.inspection_id)
        if known is None:
            inspection = store.inspections.get(finding.inspection_id)
            where = store.places.path(inspection.assessee_id) if inspection.assessee_id else inspection.assessee_name
            known = seen[finding.inspection_id] = (inspection, where, {i.id: i.title for i in inspection.rubric.items()})
        inspection, where, titles = known
        if inspection.deleted:
            continue
        hits.append(FindingHit(finding, inspection.id, where, inspection.date, finding.item_id,
                               titles.get(finding.item_id, ""), names.get(finding.household_id or "", ""), finding.note))
    return hits
