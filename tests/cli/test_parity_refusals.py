"""What the window refuses, the commands refuse too, in the same sentence and changing nothing.

The walk greys 不适用 out on an item whose rubric gives no such case, and its household picker
offers only the assessee village's live households. A leader's decision on a merge conflict
(``conflicts resolve --value``, or the value typed in Team ▸ Conflicts) reached the store
without either check: the mark was kept and the inspection could no longer be scored, and a
household of another village was named on a finding (a made-up id failed in SQLite's English).
"""

from __future__ import annotations

import json

import pytest
from clikit import dump, run
from leaderkit import Team

from fieldcheck.engine import catalog
from fieldcheck.ops import scores
from fieldcheck.store import Store, StoreError


def _one_sentence(err: str) -> None:
    assert "Traceback" not in err and "SQLITE" not in err and len(err.strip().splitlines()) == 1, err


@pytest.fixture
def merged(tmp_path, capsys):
    """A leader's database holding two conflicts from laptops A and B on 测试村's inspection: the mark of
    2.1.1 (A looked at it, B cleared it) and the household of a 2.1.1 finding (张三 against 李四)."""
    team = Team(tmp_path)
    a, b = team.store("A"), team.store("B")
    with a.transaction():
        county = a.places.add("县", "测试县")
        town = a.places.add("乡镇", "测试镇", county)
        village, other = a.places.add("村", "测试村", town), a.places.add("村", "别的村", town)
        zhang, li = a.households.add(village, "张三"), a.households.add(village, "李四")
        wang = a.households.add(other, "王五")
        inspection = a.inspections.create(catalog.find("village-work-team"), assessee_id=village, assessee_name="",
                                          inspectors=["甲"], date="2026-11-20")
    finding = a.findings.add(inspection, "2.1.1", note="帮扶措施栏空白")
    team.take("B", team.export("A", "a-to-b"))
    a.findings.set_mark(inspection, "2.2.1", "checked")
    b.findings.set_mark(inspection, "2.2.1", "checked")
    b.findings.set_mark(inspection, "2.2.1", None)
    a.findings.update(finding.id, household_id=zhang)
    b.findings.update(finding.id, household_id=li)
    bundles = [team.export(device, "stick", everything=True) for device in ("A", "B")]
    team.close()
    db = tmp_path / "L.db"
    assert run(["bundle", "import", "--db", db, "--trust", *bundles], capsys)[0] == 0
    code, out, _ = run(["conflicts", "--db", db, "--json"], capsys)
    conflicts = {c["field"]: c["id"] for c in json.loads(out)}
    return {"db": db, "inspection": inspection, "mark": conflicts["2.2.1"], "household": conflicts["household_id"],
            "finding": finding.id, "zhang": zhang, "wang": wang}


def test_conflicts_resolve_refuses_not_applicable_where_the_rubric_gives_no_such_case(merged, capsys):
    """Before: stored, and 2.2.1 then showed as an answer that cannot be scored; the walk greys 不适用 out there."""
    db = merged["db"]
    before = dump(db)
    for typed in ("不适用", "na"):
        code, _, err = run(["conflicts", "resolve", "--db", db, merged["mark"], "--value", typed], capsys)
        assert code == 1 and "2.2.1 信息一致 不能标为不适用:细则没有规定它不适用的情形,请填写它的检查结果" in err
        _one_sentence(err)
    assert dump(db) == before
    code, _, err = run(["conflicts", "resolve", "--db", db, merged["mark"], "--value", "已检查"], capsys)
    assert code == 0, err
    with Store.open(db, device="L", backup_on_close=False) as store:
        assert store.findings.marks(merged["inspection"]) == {"2.2.1": "checked"}
        assert not scores.score_inspection(store, merged["inspection"]).unscored


def test_conflicts_resolve_refuses_not_applicable_in_english(merged, capsys, language):
    language("en")
    code, _, err = run(["conflicts", "resolve", "--db", merged["db"], merged["mark"], "--value", "na"], capsys)
    assert code == 1 and "2.2.1 信息一致 cannot be marked not applicable: the rubric gives no case where it does not " \
        "apply; answer it instead" in err
    _one_sentence(err)


def test_conflicts_resolve_names_only_a_household_of_the_village(merged, capsys):
    """Before: another village's household was kept on the finding, and a made-up id failed with
    "database error SQLITE_CONSTRAINT_FOREIGNKEY"; the walk's picker offers the village's households only."""
    db = merged["db"]
    before = dump(db)
    code, _, err = run(["conflicts", "resolve", "--db", db, merged["household"], "--value", merged["wang"]], capsys)
    assert code == 1 and "农户「王五」不是这次检查所查村的农户,请选择本村的农户" in err
    _one_sentence(err)
    code, _, err = run(["conflicts", "resolve", "--db", db, merged["household"], "--value", "王五家"], capsys)
    assert code == 1 and "找不到农户 王五家(可能已删除),请选择本村现有的农户" in err
    _one_sentence(err)
    assert dump(db) == before
    code, _, err = run(["conflicts", "resolve", "--db", db, merged["household"], "--value", merged["zhang"]], capsys)
    assert code == 0, err
    with Store.open(db, device="L", backup_on_close=False) as store:
        assert store.findings.get(merged["finding"]).household_id == merged["zhang"]


def test_a_finding_names_no_household_of_another_village(store):
    """The store keeps the picker's rule for every path (a finding added, changed, or many at once)."""
    county = store.places.add("县", "测试县")
    town = store.places.add("乡镇", "测试镇", county)
    village, other = store.places.add("村", "测试村", town), store.places.add("村", "别的村", town)
    own, theirs = store.households.add(village, "张三"), store.households.add(other, "王五")
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=village, assessee_name="",
                                          inspectors=["甲"], date="2026-11-20")
    finding = store.findings.add(inspection, "2.1.1", household_id=own)
    for attempt in (lambda: store.findings.add(inspection, "2.1.1", household_id=theirs),
                    lambda: store.findings.update(finding.id, household_id=theirs),
                    lambda: store.findings.add_many(inspection, [{"item_id": "2.1.1", "household_id": theirs}])):
        with pytest.raises(StoreError, match="王五.*不是这次检查所查村的农户"):
            attempt()
    assert [f.household_id for f in store.findings.of(inspection, "2.1.1")] == [own]


def test_inspection_set_asks_for_the_target_where_the_rubric_gives_none(tmp_path, capsys):
    """县乡 1.1 (按比例) has no target in the rubric: the window's box says "type the target too". Before,
    ``inspection set … 1.1 12`` exited 0 and the item stayed unanswered, a value the score could not use."""
    answers = tmp_path / "ct.json"
    answers.write_text(json.dumps({"rubric": "county-township", "assessee": {"name": "西渡镇"}, "inspectors": ["李明"],
                                   "answers": {}}, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "fc.db"
    code, out, err = run(["inspection", "add", "--db", db, answers], capsys)
    assert code == 0, err
    inspection = out.strip()
    before = dump(db)
    for typed in ("12", '{"actual": 12}'):
        code, _, err = run(["inspection", "set", "--db", db, inspection, "1.1", typed], capsys)
        assert code == 1 and '细则没有给出目标,请写成 {"actual": 实际值, "target": 目标值}' in err
        _one_sentence(err)
    assert dump(db) == before
    code, _, err = run(["inspection", "set", "--db", db, inspection, "1.1", '{"actual": 12, "target": 15}'], capsys)
    assert code == 0, err
    with Store.open(db, device="t", backup_on_close=False) as store:
        assert "1.1" not in [i for i, _ in scores.score_inspection(store, inspection).unscored]
        assert scores.answers(store, inspection)["1.1"] == {"actual": 12, "target": 15}


def test_a_measured_value_is_kept_for_an_assessee_the_target_table_does_not_know(tmp_path):
    """衡南 typed for 衡南县: the score warns on every item and the window lets the inspector measure. The
    store refusing the value for want of the table's target would lose what was measured; it is kept,
    and scored once the name is put right."""
    with Store.open(tmp_path / "fc.db", device="t", backup_on_close=False) as store:
        place = store.places.add("县市区", "衡南", group="县市")
        inspection = store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                              inspectors=["甲"], date="2026-11-22")
        store.findings.set_value(inspection, "1.1", 16.5)
        assert scores.answers(store, inspection)["1.1"] == 16.5
        assert scores.score_inspection(store, inspection).warnings_for("assessee")  # said, not hidden


def test_a_removed_household_named_again_is_said_to_be_removed(tmp_path, capsys):
    """Removing twice (or editing after) was refused as "no household headed by '<its id>'", as if the id were a
    name; the window offers no removed household at all. It now says the household was removed."""
    db = tmp_path / "fc.db"
    code, out, err = run(["household", "add", "--db", db, "--village", "衡阳县/西渡镇/梅花村", "--name", "张三"], capsys)
    assert code == 0, err
    household = out.strip()
    assert run(["household", "remove", "--db", db, household], capsys)[0] == 0
    before = dump(db)
    for again in (["remove"], ["edit", "--members", "2"]):
        code, _, err = run(["household", again[0], "--db", db, household, *again[1:]], capsys)
        assert code == 1 and "农户「张三」已删除,不能再修改或删除" in err
        _one_sentence(err)
    assert dump(db) == before


def test_a_mark_or_value_on_a_part_of_the_rubric_names_it_as_a_part(tmp_path, capsys):
    """The walk marks and answers items only; 2.1 (扶贫手册) is a part of the rubric. The command said the rubric
    "has no item 2.1", which reads as a typo, where the inspector meant the items under it."""
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"rubric": "village-work-team", "assessee": {"name": "衡阳县/西渡镇/梅花村"},
                                   "inspectors": ["李明"], "answers": {}}, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "fc.db"
    code, out, err = run(["inspection", "add", "--db", db, answers], capsys)
    assert code == 0, err
    before = dump(db)
    for typed in ("已检查", "3"):
        code, _, err = run(["inspection", "set", "--db", db, out.strip(), "2.1", typed], capsys)
        assert code == 1 and "2.1 是细则中的一部分,不是项目,不能单独作答;请对其下的项目(如 2.1.1)作答" in err
        _one_sentence(err)
    code, _, err = run(["inspection", "set", "--db", db, out.strip(), "9.9", "3"], capsys)
    assert code == 1 and "中没有项目 9.9" in err
    assert dump(db) == before
