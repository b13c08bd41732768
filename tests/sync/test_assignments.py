"""Assignments going out: one inspector's bundle, the roster and rubric with it, updates following later.

Real databases on two laptops, real device keys and real bundle files; the leader's rubric
catalog is a real folder (FIELDCHECK_RUBRICS) holding the county's edited copy.
"""

from __future__ import annotations

import pytest

from fieldcheck.engine import catalog
from fieldcheck.errors import UserError
from fieldcheck.ops import assignments
from fieldcheck.ops.places import village_at
from fieldcheck.ops.rubrics import available, for_new_inspection
from fieldcheck.shipped import rubrics_dir
from fieldcheck.sync.assigned import export_for

DUTY = "一本民情日记"
COUNTY_DUTY = "一本村级扶贫档案"  # the county's own 十个一 entry, replacing the default


@pytest.fixture
def team(laptops, tmp_path):
    leader, inspector, other = laptops("L", "Z", "W")
    mei = village_at(leader.store, "衡阳县/西渡镇/梅花村")
    tao = village_at(leader.store, "衡阳县/西渡镇/桃村")
    leader.store.households.add(mei, "王大", members=3)
    leader.store.households.add(mei, "李二", id_number="430421199001011234")
    leader.store.households.add(tao, "赵五")
    return leader, inspector, other, mei, tao


def send(leader, to, name: str, folder):
    path = export_for(leader.store, folder / f"{name}.fcbundle", name, key_folder=leader.keys).path
    return to.take(path)


def duties(rubric) -> list[str]:
    return next(i for i in rubric.items() if i.id == "2.4.1").rule.duties


def county_catalog(tmp_path, monkeypatch):
    """The leader's catalog with the county's edit of the village rubric's 十个一 list."""
    folder = tmp_path / "county-rubrics"
    folder.mkdir()
    text = (rubrics_dir() / "village-work-team.yaml").read_text(encoding="utf-8")
    assert DUTY in text
    (folder / "village-work-team.yaml").write_text(text.replace(DUTY, COUNTY_DUTY), encoding="utf-8")
    monkeypatch.setenv("FIELDCHECK_RUBRICS", str(folder))


def test_an_inspector_receives_their_drafts_with_the_roster_and_rubric_and_no_one_elses(team, tmp_path):
    leader, inspector, _other, mei, tao = team
    mine = assignments.assign(leader.store, "张三", "2026-11-23", "village-work-team", ["梅花村"])
    assignments.assign(leader.store, "王五", "2026-11-23", "village-work-team", ["桃村"])
    report = send(leader, inspector, "张三", tmp_path / "usb")
    assert report.conflicts == 0 and report.assigned == 1  # the import report says work arrived
    (got,) = assignments.rows(inspector.store)
    assert got["id"] == mine[0] and got["inspector"] == "张三" and got["date"] == "2026-11-23"
    assert got["assessee"] == "衡阳县/西渡镇/梅花村" and got["status"] == "draft"
    draft = inspector.store.inspections.get(got["inspection_id"])
    assert draft.inspectors == ["张三"] and draft.date == "2026-11-23" and draft.assessee_id == mei
    assert draft.rubric_version == catalog.find("village-work-team").version
    assert duties(draft.rubric)[0] == DUTY  # the local list travels inside the rubric
    roster = inspector.store.households.of_village(mei)
    assert [h.head_name for h in roster] == ["王大", "李二"]
    assert roster[1].id_masked == "430421********1234"
    assert inspector.store.households.of_village(tao) == []  # another inspector's village stays home
    assert len(inspector.store.inspections.ids()) == 1
    # the same bundle again changes nothing
    again = export_for(leader.store, tmp_path / "usb" / "again.fcbundle", "张三", key_folder=leader.keys).path
    assert inspector.take(again).new == 0


def test_a_started_inspection_keeps_its_rubric_and_a_new_one_takes_the_update(team, tmp_path, monkeypatch):
    leader, inspector, _other, mei, tao = team
    (first,) = assignments.assign(leader.store, "张三", "2026-11-23", "village-work-team", ["梅花村"])
    send(leader, inspector, "张三", tmp_path / "usb1")
    started = inspector.store.assignments.get(first).inspection_id
    inspector.store.findings.set_value(started, "2.5.4", True)  # the inspector has begun the walk
    old_version = inspector.store.inspections.get(started).rubric_version

    county_catalog(tmp_path, monkeypatch)  # the county edits its 十个一 list on the leader's laptop
    updated = catalog.find("village-work-team")
    assert updated.version != old_version
    (second,) = assignments.assign(leader.store, "张三", "2026-11-24", "village-work-team", ["桃村"])
    send(leader, inspector, "张三", tmp_path / "usb2")
    monkeypatch.delenv("FIELDCHECK_RUBRICS")  # the inspector's laptop has only the shipped copy

    kept = inspector.store.inspections.get(started)
    assert kept.rubric_version == old_version and duties(kept.rubric)[0] == DUTY
    assert inspector.store.findings.of(started, "2.5.4")
    fresh = inspector.store.inspections.get(inspector.store.assignments.get(second).inspection_id)
    assert fresh.rubric_version == updated.version and duties(fresh.rubric)[0] == COUNTY_DUTY
    # an inspection the inspector starts on their own uses the published rubric, not the installed one
    offered = {r.id: r for r in available(inspector.store)}
    assert offered["village-work-team"].version == updated.version
    rubric = for_new_inspection(inspector.store, "village-work-team")
    own = inspector.store.inspections.create(rubric, assessee_id=mei, assessee_name="", inspectors=["张三"],
                                             date="2026-11-25")
    assert duties(inspector.store.inspections.get(own).rubric)[0] == COUNTY_DUTY


def test_an_edited_rubric_goes_out_with_the_next_bundle_without_a_new_assignment(team, tmp_path, monkeypatch):
    leader, inspector, _other, mei, _tao = team
    assignments.assign(leader.store, "张三", "2026-11-23", "village-work-team", ["梅花村"])
    send(leader, inspector, "张三", tmp_path / "usb1")
    county_catalog(tmp_path, monkeypatch)
    send(leader, inspector, "张三", tmp_path / "usb2")
    monkeypatch.delenv("FIELDCHECK_RUBRICS")
    assert duties(for_new_inspection(inspector.store, "village-work-team"))[0] == COUNTY_DUTY
    # and an old bundle brought again does not roll it back
    inspector.take(next((tmp_path / "usb1").glob("*.fcbundle")))
    assert duties(for_new_inspection(inspector.store, "village-work-team"))[0] == COUNTY_DUTY


def test_roster_changes_and_a_removal_reach_the_inspector(team, tmp_path):
    leader, inspector, _other, mei, _tao = team
    (made,) = assignments.assign(leader.store, "张三", "2026-11-23", "village-work-team", ["梅花村"])
    send(leader, inspector, "张三", tmp_path / "usb1")
    wang = leader.store.households.find(mei, "王大")[0]
    leader.store.households.update(wang.id, members=4, status="脱贫户")
    leader.store.households.add(mei, "孙六")
    send(leader, inspector, "张三", tmp_path / "usb2")
    roster = {h.head_name: h for h in inspector.store.households.of_village(mei)}
    assert set(roster) == {"王大", "李二", "孙六"}
    assert (roster["王大"].members, roster["王大"].status) == (4, "脱贫户")

    draft = leader.store.assignments.get(made).inspection_id
    assert assignments.remove(leader.store, made).draft_deleted
    send(leader, inspector, "张三", tmp_path / "usb3")
    assert assignments.rows(inspector.store) == [] and inspector.store.inspections.ids() == []
    assert inspector.store.inspections.get(draft).deleted


def test_work_done_in_an_assigned_inspection_survives_its_removal(team, tmp_path):
    leader, inspector, _other, _mei, _tao = team
    (made,) = assignments.assign(leader.store, "张三", "2026-11-23", "village-work-team", ["梅花村"])
    send(leader, inspector, "张三", tmp_path / "usb1")
    draft = leader.store.assignments.get(made).inspection_id
    inspector.store.findings.set_value(draft, "2.5.4", True)
    leader.take(inspector.export(tmp_path / "back"))  # the inspector's work reached the leader
    done = assignments.remove(leader.store, made)
    assert not done.draft_deleted and not leader.store.inspections.get(draft).deleted


def test_an_inspector_without_assignments_gets_no_bundle(team, tmp_path):
    leader, *_ = team
    with pytest.raises(UserError, match="李四"):
        export_for(leader.store, tmp_path / "x.fcbundle", "李四", key_folder=leader.keys)
    assert not (tmp_path / "x.fcbundle").exists()


def test_the_full_bundle_carries_assignments_and_published_rubrics_too(team, tmp_path):
    leader, inspector, other, mei, _tao = team
    assignments.assign(leader.store, "张三", "2026-11-23", "village-work-team", ["梅花村"])
    other.take(leader.export(tmp_path / "all"))  # the ordinary bundle, relayed onwards
    inspector.take(other.export(tmp_path / "relay"))
    (row,) = assignments.rows(inspector.store)
    assert row["inspector"] == "张三"
    assert [r.id for r in inspector.store.rubrics.current()] == ["village-work-team"]
