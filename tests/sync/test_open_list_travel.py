"""The other ways named under 2.3.2's "其他 (请注明)" travel in bundles like any value, and conflict like one."""

from __future__ import annotations

from conftest import village_inspection

from fieldcheck.ops import scores
from fieldcheck.ops.conflicts import set_item


def test_other_ways_travel_and_score_the_same_on_the_leaders_laptop(laptops, tmp_path):
    a, leader = laptops("A", "L")
    insp = village_inspection(a.store)
    set_item(a.store, insp, "2.3.2", {"selected": ["宣传栏"], "other": "广播、微信群"})
    leader.take(a.export(tmp_path / "a"))
    assert scores.answers(leader.store, insp)["2.3.2"] == {"selected": ["宣传栏"], "other": ["广播", "微信群"]}
    theirs = scores.score_inspection(leader.store, insp).nodes["2.3.2"]
    assert theirs.status == "ok" and "其他:广播、微信群" in theirs.explanation.zh
    assert a.state() == leader.state()


def test_two_inspectors_naming_different_other_ways_is_one_conflict(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    b.take(a.export(tmp_path / "ab"))
    set_item(a.store, insp, "2.3.2", {"selected": [], "other": ["广播"]})
    set_item(b.store, insp, "2.3.2", {"selected": [], "other": ["广播", "微信群"]})
    b.take(a.export(tmp_path / "ab"))
    a.take(b.export(tmp_path / "ba"))
    (conflict,) = a.store.events.conflicts()
    assert conflict["item"] == "2.3.2"
    assert sorted(len(s["value"]["other"]) for s in conflict["sides"]) == [1, 2]
    assert a.state() == b.state()
