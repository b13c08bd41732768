"""A reconciled result travels: the leader's bundle brings the link, and the inspector's results count it."""

from __future__ import annotations

from doublekit import double_inspection
from sheetkit import RUBRIC, lock_as_signed

from fieldcheck.ops.reconcile import Choice, reconcile
from fieldcheck.results.counting import count


def test_the_reconciliation_reaches_another_laptop_once(laptops, tmp_path):
    leader, inspector = laptops("L", "A")
    a, b = double_inspection(leader.store)
    for x in (a, b):
        lock_as_signed(leader.store, x)
    inspector.take(leader.export(tmp_path / "stick"))
    assert count(inspector.store, RUBRIC.id).conflicts

    new = reconcile(leader.store, a, b, {"2.1.1": Choice("b", "复核台账"), "2.5.5": Choice("a", "回访")})
    bundle = leader.export(tmp_path / "stick")
    inspector.take(bundle)
    link = inspector.store.reconciliations.of(new)
    assert link is not None and link.originals == (a, b)
    assert [(d.item_id, d.side, d.reason) for d in link.items] == [("2.1.1", "b", "复核台账"), ("2.5.5", "a", "回访")]
    counting = count(inspector.store, RUBRIC.id)
    assert counting.conflicts == [] and [c.row.id for c in counting.counted] == [new]

    again = inspector.take(bundle)  # idempotent
    assert again.new == 0
    assert len(inspector.store.reconciliations.all()) == 1
    assert inspector.state()["findings"] == leader.state()["findings"]
