"""The store on real temporary SQLite files: places, inspections, findings, marks, audit, tombstones."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import load_text
from fieldcheck.ops import scores
from fieldcheck.store import Store, StoreError, mask_id_number
from fieldcheck.store.signatures import SignerInput


def lock(store, inspection_id):
    """Sign at the store level (no sheet hash needed here): the inspection is then locked."""
    store.signatures.sign(inspection_id, [SignerInput("李明", "leader")], content_hash="0" * 64, key_id="test")



@pytest.fixture(scope="module")
def village_rubric():
    return catalog.find("village-work-team")


@pytest.fixture(scope="module")
def hengyang():
    return catalog.find("hengyang-2015")


@pytest.fixture
def village(store):
    county = store.places.add("县", "衡阳县")
    town = store.places.add("乡镇", "西渡镇", county)
    return store.places.add("村", "梅花村", town)


@pytest.fixture
def inspection(store, village, village_rubric):
    return store.inspections.create(village_rubric, assessee_id=village, assessee_name="", inspectors=["李明", "王芳"],
                                   date="2026-11-20")


def test_places_paths_and_households(store, village):
    county = store.places.all("县")[0]
    assert store.places.path(village) == "衡阳县/西渡镇/梅花村"
    assert [p.name for p in store.places.all(parent_id=county.id)] == ["西渡镇"]
    hh = store.households.add(village, "王建国", members=4, helper="刘强", status="脱贫户",
                             id_number="430421198001011234")
    [row] = store.households.of_village(village)
    assert row.id == hh and row.head_name == "王建国" and row.members == 4 and row.helper == "刘强"
    assert row.id_masked == "430421********1234"
    # a village belongs to a township, a household to a village
    with pytest.raises(StoreError, match="乡镇"):
        store.places.add("村", "桃源村", county.id)
    with pytest.raises(StoreError, match="村"):
        store.households.add(county.id, "张三")


def test_county_units_carry_their_group(store, hengyang):
    unit = store.places.add("县市区", "珠晖区", group="区")
    assert store.places.all("县市区")[0].group == "区"
    inspection = store.inspections.create(hengyang, assessee_id=unit, assessee_name="", inspectors=["李明"],
                                         date="2026-11-20")
    got = store.inspections.get(inspection)
    assert (got.assessee_name, got.assessee_group) == ("珠晖区", "区")
    # the group picks 珠晖区's row of the target table: 危房改造 5 户, 1 point per 户 short for a 区
    store.findings.add(inspection, "4", value=3)
    assert scores.score_inspection(store, inspection).nodes["4"].deduction == Decimal(2)
    with pytest.raises(StoreError, match="分组"):
        store.places.add("县市区", "衡阳县", group="市辖区")


@pytest.mark.parametrize("number, masked", [
    ("430421198001011234", "430421********1234"),
    ("43042119800101123x", "430421********123X"),
    ("430421800101123", "430421*****1123"),
    ("430421********1234", "430421********1234"),
    (None, None),
])
def test_id_numbers_are_masked(number, masked):
    assert mask_id_number(number) == masked


@pytest.mark.parametrize("bad", ["12345", "43042119800101123Y", "4304211980010112345"])
def test_a_wrong_id_number_is_refused(bad):
    with pytest.raises(StoreError, match="身份证号"):
        mask_id_number(bad)


def test_a_full_id_number_never_reaches_the_disk(tmp_path):
    full = "430421198001011234"
    store = Store.open(tmp_path / "field.db", device="laptop1")
    county = store.places.add("县", "衡阳县")
    village = store.places.add("村", "梅花村", store.places.add("乡镇", "西渡镇", county))
    store.households.add(village, "王建国", id_number=full)
    files = [p for p in tmp_path.iterdir() if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)  # the change is in the WAL right now
    for path in files:
        assert full.encode() not in path.read_bytes(), path
    store.close()
    for path in list(tmp_path.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            assert full.encode() not in data and full.encode("utf-16-le") not in data, path


def test_inspection_freezes_the_rubric(store, village, village_rubric):
    inspection = store.inspections.create(village_rubric, assessee_id=village, assessee_name="",
                                         inspectors=["李明"], date="2026-11-20")
    store.findings.add(inspection, "2.1.4")
    before = scores.score_inspection(store, inspection).total
    # a later edit of the rubric (签字 now costs 5 a case) does not touch the stored inspection
    edited = load_text(village_rubric.text.replace("rule: {type: per_occurrence, deduct: 2}",
                                                   "rule: {type: per_occurrence, deduct: 5}", 1))
    assert edited.version != village_rubric.version
    later = store.inspections.create(edited, assessee_id=village, assessee_name="", inspectors=["李明"],
                                    date="2026-11-21")
    store.findings.add(later, "2.1.1")
    assert scores.score_inspection(store, inspection).total == before == Decimal(198)  # 200 before the bonus section, −2
    assert store.inspections.get(inspection).rubric_version == village_rubric.version
    assert store.inspections.get(inspection).rubric.text == village_rubric.text
    assert scores.score_inspection(store, later).total == Decimal(195)


def test_inspectors_typed_with_chinese_punctuation_are_separate_people(store, village, village_rubric):
    inspection = store.inspections.create(village_rubric, assessee_id=village, assessee_name="",
                                         inspectors="李明\uff0c王芳\u3001赵强\uff1b李明", date="2026-11-20")
    assert store.inspections.get(inspection).inspectors == ["李明", "王芳", "赵强"]


def test_findings_create_edit_delete_restore(store, inspection):
    a = store.findings.add(inspection, "2.1.4", note="帮扶人未签字")
    b = store.findings.add(inspection, "2.1.4", value=2, note="两户未按手印")
    c = store.findings.add(inspection, "1.1", value="工作计划")
    assert [f.id for f in store.findings.of(inspection)] == [a.id, b.id, c.id]  # entry order
    assert [f.id for f in store.findings.of(inspection, "2.1.4")] == [a.id, b.id]
    assert a.entered_by == "李明" and a.created_at and a.updated_at
    assert scores.answers(store, inspection) == {"2.1.4": 3, "1.1": ["工作计划"]}
    assert scores.score_inspection(store, inspection).total == Decimal(200 - 6 - 2)

    changed = store.findings.update(b.id, value=1, note="一户未按手印")
    assert (changed.value, changed.note) == (1, "一户未按手印")
    assert changed.updated_at >= b.updated_at
    assert scores.answers(store, inspection)["2.1.4"] == 2

    store.findings.delete(a.id)
    assert [f.id for f in store.findings.of(inspection)] == [b.id, c.id]
    assert scores.answers(store, inspection)["2.1.4"] == 1
    store.findings.restore(a.id)
    assert [f.id for f in store.findings.of(inspection)] == [a.id, b.id, c.id]

    with pytest.raises(StoreError, match="工作计划"):
        store.findings.update(c.id, value="不存在的要素")
    with pytest.raises(StoreError):
        store.findings.add(inspection, "9.9.9")
    assert store.findings.get(c.id).value == "工作计划"  # the refused change left it alone


def test_bad_finding_values_are_refused_with_the_rule(store, inspection):
    for item_id, value in [("2.1.4", 0), ("2.1.4", "two"), ("2.5.4", "maybe"), ("2.5.5", "很好"),
                           ("2.3.2", {"selected": ["广播"]}), ("2.4.1", "不是职责"), ("2.5.4", None)]:
        with pytest.raises(StoreError, match=item_id.replace(".", r"\.")):
            store.findings.add(inspection, item_id, value=value)
    assert store.findings.of(inspection) == []
    assert [a for a in store.audit.entries(inspection) if a.entity == "finding"] == []


def test_marks_checked_and_na(store, inspection):
    store.findings.set_mark(inspection, "2.1.1", "checked")
    store.findings.set_mark(inspection, "2.6.1", "na")
    store.findings.set_mark(inspection, "2.5.4", "checked")
    assert store.findings.marks(inspection) == {"2.1.1": "checked", "2.6.1": "na", "2.5.4": "checked"}
    answers = scores.answers(store, inspection)
    assert answers == {"2.1.1": 0, "2.6.1": "na"}  # checked pass_fail stays unanswered until a value
    result = scores.score_inspection(store, inspection)
    assert result.answered == 2 and not result.complete
    store.findings.set_mark(inspection, "2.1.1", None)
    assert "2.1.1" not in store.findings.marks(inspection)
    with pytest.raises(StoreError):
        store.findings.set_mark(inspection, "2.1.1", "done")


def test_rating_is_the_worst_household(store, inspection, village):
    a = store.households.add(village, "王建国")
    b = store.households.add(village, "李秀英")
    store.findings.add(inspection, "2.5.5", value="满意", household_id=a)
    store.findings.add(inspection, "2.5.5", value="基本满意", household_id=b)
    assert scores.answers(store, inspection)["2.5.5"] == "基本满意"
    assert scores.score_inspection(store, inspection).nodes["2.5.5"].deduction == Decimal(4)
    with pytest.raises(StoreError, match="农户"):
        store.findings.add(inspection, "2.5.5", value="满意", household_id="no-such-household")


def test_inspection_list_filters_and_counts(store, village, village_rubric, hengyang):
    first = store.inspections.create(village_rubric, assessee_id=village, assessee_name="", inspectors=["李明"],
                                    date="2026-11-20")
    store.findings.add(first, "2.1.4")
    unit = store.places.add("县市区", "衡阳县", group="县市")
    second = store.inspections.create(hengyang, assessee_id=unit, assessee_name="", inspectors=["王芳"],
                                     date="2026-11-21")
    rows = scores.scored_rows(store)
    assert [r.id for r in rows] == [second, first]  # newest date first
    row = next(r for r in rows if r.id == first)
    assert (row.assessee_path, row.rubric_id, row.status, row.total, row.max, row.findings, row.photos) == \
        ("衡阳县/西渡镇/梅花村", "village-work-team", "draft", Decimal(198), Decimal(210), 1, 0)
    assert row.answered == 1 and row.item_count == 30 and not row.complete and row.device == "laptop1"
    county = store.places.all("县")[0]
    assert [r.id for r in scores.scored_rows(store, place_id=county.id)] == [first]
    assert [r.id for r in scores.scored_rows(store, search="王芳")] == [second]
    assert [r.id for r in scores.scored_rows(store, search="梅花")] == [first]
    for mark in ('"', "[", ",", '", "'):  # the inspectors' JSON punctuation is not searched
        assert scores.scored_rows(store, search=mark) == [], mark
    lock(store, first)
    assert [r.id for r in scores.scored_rows(store, status="signed")] == [first]


def test_update_inspection_and_the_signed_lock(store, inspection):
    store.inspections.update(inspection, inspectors=["李明"], date="2026-11-22", assessee_name="梅花村工作队")
    got = store.inspections.get(inspection)
    assert (got.inspectors, got.date, got.assessee_name) == (["李明"], "2026-11-22", "梅花村工作队")
    with pytest.raises(StoreError, match="日期"):
        store.inspections.update(inspection, date="22/11/2026")
    with pytest.raises(StoreError):
        store.inspections.update(inspection, status="approved")
    finding = store.findings.add(inspection, "2.1.4")
    assert store.inspections.editable(inspection)
    lock(store, inspection)
    assert not store.inspections.editable(inspection)
    with pytest.raises(StoreError, match="签字"):
        store.findings.add(inspection, "2.1.4")
    with pytest.raises(StoreError, match="签字"):
        store.findings.delete(finding.id)
    with pytest.raises(StoreError, match="签字"):
        store.inspections.update(inspection, date="2026-11-23")
    store.signatures.amend(inspection, "复核")  # reopened by an amendment, and the audit log says so
    store.findings.delete(finding.id)
    statuses = [(a.old, a.new) for a in store.audit.entries(inspection) if a.field == "status"]
    assert statuses == [("draft", "signed"), ("signed", "draft")]


def test_duplicate_keeps_snapshot_findings_and_marks(store, inspection, village):
    hh = store.households.add(village, "王建国")
    f = store.findings.add(inspection, "2.1.4", household_id=hh, note="未签字")
    store.findings.set_mark(inspection, "2.6.1", "na")
    lock(store, inspection)
    copy = store.duplicate_inspection(inspection)
    assert copy != inspection
    dup = store.inspections.get(copy)
    assert dup.status == "draft" and dup.rubric_version == store.inspections.get(inspection).rubric_version
    [g] = store.findings.of(copy)
    assert g.id != f.id and (g.item_id, g.household_id, g.note) == ("2.1.4", hh, "未签字")
    assert scores.answers(store, copy) == scores.answers(store, inspection)
    store.findings.add(copy, "2.1.4")  # the copy is editable, the original untouched
    assert scores.answers(store, inspection)["2.1.4"] == 1


def test_delete_and_restore_inspection(store, inspection):
    store.inspections.delete(inspection)
    assert scores.scored_rows(store) == []
    assert store.inspections.get(inspection).deleted
    assert [r.id for r in scores.scored_rows(store, include_deleted=True)] == [inspection]
    with pytest.raises(StoreError, match="删除"):
        store.findings.add(inspection, "2.1.4")
    store.inspections.restore(inspection)
    assert [r.id for r in scores.scored_rows(store)] == [inspection]
    with pytest.raises(StoreError, match="找不到"):
        store.inspections.get("nope")


def test_tombstones_keep_rows_for_merging(store, inspection):
    f = store.findings.add(inspection, "2.1.4")
    store.findings.delete(f.id)
    row = store.connection.execute("SELECT deleted, device, hlc FROM findings WHERE id = ?", (f.id,)).fetchone()
    assert row[0] == 1 and row[1] == "laptop1" and row[2].endswith("-laptop1")


def test_audit_log_records_who_what_old_and_new(store, inspection):
    f = store.findings.add(inspection, "2.1.4", note="未签字")
    store.findings.update(f.id, note="帮扶人未签字")
    store.findings.delete(f.id)
    entries = [a for a in store.audit.entries(inspection) if a.entity == "finding"]
    assert [(a.action, a.field, a.old, a.new) for a in entries[1:]] == [
        ("update", "note", "未签字", "帮扶人未签字"), ("delete", "deleted", False, True)]
    assert entries[0].new["item_id"] == "2.1.4" and entries[0].who == "李明" and entries[0].device == "laptop1"
    stamps = [a.hlc for a in store.audit.entries()]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    # append-only: SQLite itself refuses to rewrite history
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("UPDATE audit SET who = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("DELETE FROM audit")


def test_every_record_has_uuid_device_and_clock(store, inspection):
    import uuid

    store.findings.add(inspection, "2.1.4")
    for table in ("places", "inspections", "findings"):
        for rid, device, hlc, created, updated in store.connection.execute(
                f"SELECT id, device, hlc, created_at, updated_at FROM {table}"):
            assert uuid.UUID(rid).version == (5 if table == "places" else 4)  # a place's comes from its path
            assert device == "laptop1" and hlc.endswith("-laptop1") and created <= updated


def test_a_failed_batch_writes_nothing(store, inspection):
    with pytest.raises(StoreError):
        store.findings.add_many(inspection, [{"item_id": "2.1.4"}, {"item_id": "2.5.5", "value": "很好"}])
    assert store.findings.of(inspection) == []
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.findings.add(inspection, "2.1.4")
            raise RuntimeError("power cut in the middle")
    assert store.findings.of(inspection) == []


def test_data_survives_reopening(tmp_path, village_rubric):
    path = tmp_path / "field.db"
    with Store.open(path, device="laptop1") as store:
        inspection = store.inspections.create(village_rubric, assessee_id=None, assessee_name="梅花村",
                                             inspectors=["李明"], date="2026-11-20")
        store.findings.add(inspection, "2.1.4")
        stamp = store.findings.of(inspection)[0].hlc
    with Store.open(path, device="laptop1") as store:
        assert scores.answers(store, inspection) == {"2.1.4": 1}
        assert store.db.clock.tick() > stamp  # the clock never goes back across restarts
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_connection_settings(store):
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_database_locked_by_another_program_is_a_clear_message(tmp_path, village_rubric):
    path = tmp_path / "field.db"
    store = Store.open(path, device="laptop1", backup_on_close=False)
    store.connection.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a second FieldCheck writing at this moment
    try:
        with pytest.raises(StoreError, match="其他程序"):
            store.places.add("单位", "衡阳市扶贫办")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.places.all() == []
    store.places.add("单位", "衡阳市扶贫办")  # and works again once it is free
    assert len(store.places.all()) == 1
    store.close()


def test_device_is_the_creator_and_the_stamp_names_the_last_editor(tmp_path, village_rubric):
    path = tmp_path / "field.db"
    with Store.open(path, device="laptop1", backup_on_close=False) as first:
        inspection = first.inspections.create(village_rubric, assessee_id=None, assessee_name="梅花村",
                                             inspectors=["李明"], date="2026-11-20")
        finding = first.findings.add(inspection, "2.1.4", note="未签字")
    with Store.open(path, device="laptop2", backup_on_close=False) as second:
        changed = second.findings.update(finding.id, note="帮扶人未签字")
        second.inspections.update(inspection, date="2026-11-21")
        assert changed.device == "laptop1" and changed.hlc.endswith("-laptop2") and changed.hlc > finding.hlc
        assert second.inspections.get(inspection).device == "laptop1"
        assert [r.device for r in scores.scored_rows(second)] == ["laptop1"]
        assert [a.device for a in second.audit.entries(inspection)][-2:] == ["laptop2", "laptop2"]


def test_edits_from_two_threads_are_all_kept(store, inspection):
    """The window saves off the UI thread; one connection, serialised by the store's lock."""
    import threading

    made: list[str] = []

    def writer(item_id):
        for _ in range(40):
            made.append(store.findings.add(inspection, item_id).id)

    threads = [threading.Thread(target=writer, args=(i,)) for i in ("2.1.1", "2.1.2", "2.1.3")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(f.id for f in store.findings.of(inspection)) == sorted(made) and len(made) == 120
    assert scores.answers(store, inspection) == {"2.1.1": 40, "2.1.2": 40, "2.1.3": 40}
