"""A village two laptops each added on their own, inspected on both: after the merge the leader
sees one village inspected twice (交叉检查), not two villages of the same name.

Each laptop gives the village its own place id; the leader's list, comparison and results
go by the place's path, which is what the leader reads.
"""

from __future__ import annotations

import json

from fieldcheck.cli import main
from fieldcheck.engine import catalog
from fieldcheck.ops.conflicts import set_item
from fieldcheck.ops.places import village_at

VILLAGE = "测试县/测试镇/新村"


def _merged_double(laptops, tmp_path):
    a, b, leader = laptops("A", "B", "L")
    with a.store.transaction():
        county = a.store.places.add("县", "测试县")
        a.store.places.add("乡镇", "测试镇", county)
    b.take(a.export(tmp_path / "a-to-b"))  # the county and township are shared; the village is not yet
    made = []
    for laptop, met in ((a, True), (b, False)):
        village = village_at(laptop.store, VILLAGE, create=True)
        made.append(laptop.store.inspections.create(catalog.find("village-work-team"), assessee_id=village,
                                                    assessee_name="", inspectors=[laptop.device], date="2026-11-22"))
        set_item(laptop.store, made[-1], "2.5.4", met)
    for laptop in (a, b):
        leader.take(laptop.export(tmp_path / "stick", everything=True))
    return leader, made


def _json(capsys, *argv) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_the_leader_sees_one_village_inspected_twice_and_compares_it(laptops, tmp_path, capsys):
    leader, (first, second) = _merged_double(laptops, tmp_path)
    db = str(leader.folder / "L.db")
    [double] = _json(capsys, "compare", "--db", db, "--json")
    assert double["path"] == VILLAGE and {i["id"] for i in double["inspections"]} == {first, second}
    compared = _json(capsys, "compare", "--db", db, first, second, "--json")
    assert "2.5.4" in compared["differing"]


def test_the_results_count_the_village_once(laptops, tmp_path, capsys):
    leader, _ = _merged_double(laptops, tmp_path)
    results = _json(capsys, "results", "--db", str(leader.folder / "L.db"), "--rubric", "village-work-team",
                    "--all", "--json")
    assert [r["assessee"] for r in results["assessees"]].count("新村") <= 1
    assert not any(VILLAGE in r["assessee"] for r in results["assessees"])  # not listed twice by its path
    assert any("新村" in c["assessee"] for c in results["conflicts"])  # two drafts, waiting to be settled
