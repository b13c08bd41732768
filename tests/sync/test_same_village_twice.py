"""A village two laptops each added on their own, inspected on both: after the merge the leader
sees one village inspected twice (交叉检查), not two villages of the same name.

A place's id is made from its path (``store.places.same_place_id``), so two laptops that type the
same village make one place. Databases from before that keep a place id per laptop: the leader's
list, comparison and results go by the place's path, which is what the leader reads, so those
merge the same way.
"""

from __future__ import annotations

import json

from fieldcheck.cli import main
from fieldcheck.engine import catalog
from fieldcheck.ops.conflicts import set_item
from fieldcheck.ops.places import village_at
from fieldcheck.store import places
from fieldcheck.store.database import new_uuid

VILLAGE = "测试县/测试镇/新村"


def _merged_double(laptops, tmp_path, monkeypatch):
    """As two laptops of an earlier FieldCheck made it: the same village under two place ids."""
    a, b, leader = laptops("A", "B", "L")
    with a.store.transaction():
        county = a.store.places.add("县", "测试县")
        a.store.places.add("乡镇", "测试镇", county)
    b.take(a.export(tmp_path / "a-to-b"))  # the county and township are shared; the village is not yet
    made = []
    for laptop, met in ((a, True), (b, False)):
        if laptop is b:  # a random id, as places had before their ids came from their paths
            monkeypatch.setattr(places, "same_place_id", lambda *_: new_uuid())
        village = village_at(laptop.store, VILLAGE, create=True)
        assert laptop is a or village != a.store.places.find(VILLAGE).id  # two ids for one village
        made.append(laptop.store.inspections.create(catalog.find("village-work-team"), assessee_id=village,
                                                    assessee_name="", inspectors=[laptop.device], date="2026-11-22"))
        set_item(laptop.store, made[-1], "2.5.4", met)
    for laptop in (a, b):
        leader.take(laptop.export(tmp_path / "stick", everything=True))
    return leader, made


def _json(capsys, *argv) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_the_leader_sees_one_village_inspected_twice_and_compares_it(laptops, tmp_path, capsys, monkeypatch):
    leader, (first, second) = _merged_double(laptops, tmp_path, monkeypatch)
    db = str(leader.folder / "L.db")
    [double] = _json(capsys, "compare", "--db", db, "--json")
    assert double["path"] == VILLAGE and {i["id"] for i in double["inspections"]} == {first, second}
    compared = _json(capsys, "compare", "--db", db, first, second, "--json")
    assert "2.5.4" in compared["differing"]


def test_the_results_count_the_village_once(laptops, tmp_path, capsys, monkeypatch):
    leader, _ = _merged_double(laptops, tmp_path, monkeypatch)
    results = _json(capsys, "results", "--db", str(leader.folder / "L.db"), "--rubric", "village-work-team",
                    "--all", "--json")
    assert [r["assessee"] for r in results["assessees"]].count("新村") <= 1
    assert not any(VILLAGE in r["assessee"] for r in results["assessees"])  # not listed twice by its path
    assert any("新村" in c["assessee"] for c in results["conflicts"])  # two drafts, waiting to be settled


def test_a_village_typed_on_two_laptops_from_nothing_is_one_place_after_the_merge(laptops, tmp_path):
    """Neither laptop had the county, the township or the village: each typed the whole path."""
    a, b, leader = laptops("A", "B", "L")
    made = {laptop: village_at(laptop.store, VILLAGE, create=True) for laptop in (a, b)}
    assert made[a] == made[b]
    for laptop in (a, b):
        leader.take(laptop.export(tmp_path / "stick", everything=True))
    a.take(b.export(tmp_path / "b-to-a", everything=True))
    for laptop in (leader, a):
        assert [(p.kind, p.name) for p in laptop.store.places.all()] == [("县", "测试县"), ("乡镇", "测试镇"),
                                                                          ("村", "新村")]
    assert village_at(leader.store, VILLAGE) == made[a]
