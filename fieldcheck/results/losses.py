"""Where points are lost: per item across the counted inspections, points lost and the commonest findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from fieldcheck.engine.numbers import ZERO, to_json
from fieldcheck.engine.rubric import Rubric
from fieldcheck.results.counting import Counted
from fieldcheck.store import Store

TOP_FINDINGS = 3


@dataclass
class ItemLoss:
    item_id: str
    title: str
    lost: Decimal = ZERO
    most: Decimal = ZERO  # what all counted assessees together could have lost: items' max × count
    assessees: int = 0  # how many lost points on it
    findings: list[tuple[str, int]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"item": self.item_id, "title": self.title, "lost": to_json(self.lost), "assessees": self.assessees,
                "findings": [{"text": text, "count": n} for text, n in self.findings]}


def finding_text(value, note: str) -> str:
    """What a finding says, for counting alike ones: its note, else a text value."""
    if note and note.strip():
        return note.strip()
    return value.strip() if isinstance(value, str) else ""


def losses(store: Store, rubric: Rubric, counted: list[Counted]) -> list[ItemLoss]:
    """Items that lost points anywhere, most lost first; sections' caps are the scorer's, not redone here."""
    table = {item.id: ItemLoss(item.id, item.title) for item in rubric.items()}
    texts: dict[str, Counter] = {k: Counter() for k in table}
    for c in counted:
        deducted = set()
        for item_id, node in c.result.nodes.items():
            loss = table.get(item_id)
            if loss is None or not node.is_item:
                continue
            loss.most += node.max
            if node.deduction > 0:
                loss.lost += node.deduction
                loss.assessees += 1
                deducted.add(item_id)
        for finding in store.findings.of(c.row.id):
            if finding.item_id in deducted:
                text = finding_text(finding.value, finding.note)
                if text:
                    texts[finding.item_id][text] += 1
    for item_id, loss in table.items():
        loss.findings = texts[item_id].most_common(TOP_FINDINGS)
    return sorted((x for x in table.values() if x.lost > 0), key=lambda x: (-x.lost, x.item_id))
