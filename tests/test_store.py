"""The store on real temporary SQLite files: places, inspections, findings, marks, audit, tombstones."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import load_text
from fieldcheck.store import Store, StoreError, mask_id_number


@pytest.fixture(scope="module")
def village_rubric():
    return catalog.find("village-work-team")


@pytest.fixture(scope="module")
def hengyang():
    return catalog.find("hengyang-2015")


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "field.db", device="laptop1", user="李明")
    yield s
    s.close()


@pytest.fixture
def village(store):
    county = store.add_place("县", "衡阳县")
    town = store.add_place("乡镇", "西渡镇", county)
    return store.add_place("村", "梅花村", town)


@pytest.fixture
def inspection(store, village, village_rubric):
    return store.create_inspection(village_rubric, assessee_id=village, assessee_name="", inspectors=["李明", "王芳"],
                                   date="2026-11-20")


def test_places_paths_and_households(store, village):
    county = store.places("县")[0]
    assert store.place_path(village) == "衡阳县/西渡镇/梅花村"
    assert [p.name for p in store.places(parent_id=county.id)] == ["西渡镇"]
    hh = store.add_household(village, "王建国", members=4, helper="刘强", status="脱贫户",
                             id_number="430421198001011234")
    [row] = store.households(village)
    assert row.id == hh and row.head_name == "王建国" and row.members == 4 and row.helper == "刘强"
    assert row.id_masked == "430421********1234"
    # a village belongs to a township, a household to a village
    with pytest.raises(StoreError, match="乡镇"):
        store.add_place("村", "桃源村", county.id)
    with pytest.raises(StoreError, match="村"):
        store.add_household(county.id, "张三")


def test_county_units_carry_their_group(store, hengyang):
    unit = store.add_place("县市区", "珠晖区", group="区")
    assert store.places("县市区")[0].group == "区"
    inspection = store.create_inspection(hengyang, assessee_id=unit, assessee_name="", inspectors=["李明"],
                                         date="2026-11-20")
    got = store.inspection(inspection)
    assert (got.assessee_name, got.assessee_group) == ("珠晖区", "区")
    # the group picks 珠晖区's row of the target table: 危房改造 5 户, 1 point per 户 short for a 区
    store.add_finding(inspection, "4", value=3)
    assert store.score(inspection).nodes["4"].deduction == Decimal(2)
    with pytest.raises(StoreError, match="分组"):
        store.add_place("县市区", "衡阳县", group="市辖区")


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
    county = store.add_place("县", "衡阳县")
    village = store.add_place("村", "梅花村", store.add_place("乡镇", "西渡镇", county))
    store.add_household(village, "王建国", id_number=full)
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
    inspection = store.create_inspection(village_rubric, assessee_id=village, assessee_name="",
                                         inspectors=["李明"], date="2026-11-20")
    store.add_finding(inspection, "2.1.4")
    before = store.score(inspection).total
    # a later edit of the rubric (签字 now costs 5 a case) does not touch the stored inspection
    edited = load_text(village_rubric.text.replace("rule: {type: per_occurrence, deduct: 2}",
                                                   "rule: {type: per_occurrence, deduct: 5}", 1))
    assert edited.version != village_rubric.version
    later = store.create_inspection(edited, assessee_id=village, assessee_name="", inspectors=["李明"],
                                    date="2026-11-21")
    store.add_finding(later, "2.1.1")
    assert store.score(inspection).total == before == Decimal(198)  # 200 before the bonus section, −2
    assert store.inspection(inspection).rubric_version == village_rubric.version
    assert store.inspection(inspection).rubric.text == village_rubric.text
    assert store.score(later).total == Decimal(195)


def test_inspectors_typed_with_chinese_punctuation_are_separate_people(store, village, village_rubric):
    inspection = store.create_inspection(village_rubric, assessee_id=village, assessee_name="",
                                         inspectors="李明\uff0c王芳\u3001赵强\uff1b李明", date="2026-11-20")
    assert store.inspection(inspection).inspectors == ["李明", "王芳", "赵强"]


def test_findings_create_edit_delete_restore(store, inspection):
    a = store.add_finding(inspection, "2.1.4", note="帮扶人未签字")
    b = store.add_finding(inspection, "2.1.4", value=2, note="两户未按手印")
    c = store.add_finding(inspection, "1.1", value="工作计划")
    assert [f.id for f in store.findings(inspection)] == [a.id, b.id, c.id]  # entry order
    assert [f.id for f in store.findings(inspection, "2.1.4")] == [a.id, b.id]
    assert a.entered_by == "李明" and a.created_at and a.updated_at
    assert store.answers(inspection) == {"2.1.4": 3, "1.1": ["工作计划"]}
    assert store.score(inspection).total == Decimal(200 - 6 - 2)

    changed = store.update_finding(b.id, value=1, note="一户未按手印")
    assert (changed.value, changed.note) == (1, "一户未按手印")
    assert changed.updated_at >= b.updated_at
    assert store.answers(inspection)["2.1.4"] == 2

    store.delete_finding(a.id)
    assert [f.id for f in store.findings(inspection)] == [b.id, c.id]
    assert store.answers(inspection)["2.1.4"] == 1
    store.restore_finding(a.id)
    assert [f.id for f in store.findings(inspection)] == [a.id, b.id, c.id]

    with pytest.raises(StoreError, match="工作计划"):
        store.update_finding(c.id, value="不存在的要素")
    with pytest.raises(StoreError):
        store.add_finding(inspection, "9.9.9")
    assert store.finding(c.id).value == "工作计划"  # the refused change left it alone


def test_bad_finding_values_are_refused_with_the_rule(store, inspection):
    for item_id, value in [("2.1.4", 0), ("2.1.4", "two"), ("2.5.4", "yes"), ("2.5.5", "很好"),
                           ("2.3.2", {"selected": ["广播"]}), ("2.4.1", "不是职责"), ("2.5.4", None)]:
        with pytest.raises(StoreError, match=item_id.replace(".", r"\.")):
            store.add_finding(inspection, item_id, value=value)
    assert store.findings(inspection) == []
    assert [a for a in store.audit(inspection) if a.entity == "finding"] == []


def test_marks_checked_and_na(store, inspection):
    store.set_item_mark(inspection, "2.1.1", "checked")
    store.set_item_mark(inspection, "2.6.1", "na")
    store.set_item_mark(inspection, "2.5.4", "checked")
    assert store.item_marks(inspection) == {"2.1.1": "checked", "2.6.1": "na", "2.5.4": "checked"}
    answers = store.answers(inspection)
    assert answers == {"2.1.1": 0, "2.6.1": "na"}  # checked pass_fail stays unanswered until a value
    result = store.score(inspection)
    assert result.answered == 2 and not result.complete
    store.set_item_mark(inspection, "2.1.1", None)
    assert "2.1.1" not in store.item_marks(inspection)
    with pytest.raises(StoreError):
        store.set_item_mark(inspection, "2.1.1", "done")


def test_rating_is_the_worst_household(store, inspection, village):
    a = store.add_household(village, "王建国")
    b = store.add_household(village, "李秀英")
    store.add_finding(inspection, "2.5.5", value="满意", household_id=a)
    store.add_finding(inspection, "2.5.5", value="基本满意", household_id=b)
    assert store.answers(inspection)["2.5.5"] == "基本满意"
    assert store.score(inspection).nodes["2.5.5"].deduction == Decimal(4)
    with pytest.raises(StoreError, match="农户"):
        store.add_finding(inspection, "2.5.5", value="满意", household_id="no-such-household")


def test_inspection_list_filters_and_counts(store, village, village_rubric, hengyang):
    first = store.create_inspection(village_rubric, assessee_id=village, assessee_name="", inspectors=["李明"],
                                    date="2026-11-20")
    store.add_finding(first, "2.1.4")
    unit = store.add_place("县市区", "衡阳县", group="县市")
    second = store.create_inspection(hengyang, assessee_id=unit, assessee_name="", inspectors=["王芳"],
                                     date="2026-11-21")
    rows = store.inspections()
    assert [r.id for r in rows] == [second, first]  # newest date first
    row = next(r for r in rows if r.id == first)
    assert (row.assessee_path, row.rubric_id, row.status, row.total, row.max, row.findings, row.photos) == \
        ("衡阳县/西渡镇/梅花村", "village-work-team", "draft", Decimal(198), Decimal(210), 1, 0)
    assert row.answered == 1 and row.item_count == 30 and not row.complete and row.device == "laptop1"
    county = store.places("县")[0]
    assert [r.id for r in store.inspections(place_id=county.id)] == [first]
    assert [r.id for r in store.inspections(search="王芳")] == [second]
    assert [r.id for r in store.inspections(search="梅花")] == [first]
    store.update_inspection(first, status="signed")
    assert [r.id for r in store.inspections(status="signed")] == [first]


def test_update_inspection_and_the_signed_lock(store, inspection):
    store.update_inspection(inspection, inspectors=["李明"], date="2026-11-22", assessee_name="梅花村工作队")
    got = store.inspection(inspection)
    assert (got.inspectors, got.date, got.assessee_name) == (["李明"], "2026-11-22", "梅花村工作队")
    with pytest.raises(StoreError, match="日期"):
        store.update_inspection(inspection, date="22/11/2026")
    with pytest.raises(StoreError):
        store.update_inspection(inspection, status="approved")
    finding = store.add_finding(inspection, "2.1.4")
    assert store.editable(inspection)
    store.update_inspection(inspection, status="signed")
    assert not store.editable(inspection)
    with pytest.raises(StoreError, match="签字"):
        store.add_finding(inspection, "2.1.4")
    with pytest.raises(StoreError, match="签字"):
        store.delete_finding(finding.id)
    with pytest.raises(StoreError, match="签字"):
        store.update_inspection(inspection, date="2026-11-23")
    store.update_inspection(inspection, status="draft")  # reopened, and the audit log says so
    store.delete_finding(finding.id)
    statuses = [(a.old, a.new) for a in store.audit(inspection) if a.field == "status"]
    assert statuses == [("draft", "signed"), ("signed", "draft")]


def test_duplicate_keeps_snapshot_findings_and_marks(store, inspection, village):
    hh = store.add_household(village, "王建国")
    f = store.add_finding(inspection, "2.1.4", household_id=hh, note="未签字")
    store.set_item_mark(inspection, "2.6.1", "na")
    store.update_inspection(inspection, status="signed")
    copy = store.duplicate_inspection(inspection)
    assert copy != inspection
    dup = store.inspection(copy)
    assert dup.status == "draft" and dup.rubric_version == store.inspection(inspection).rubric_version
    [g] = store.findings(copy)
    assert g.id != f.id and (g.item_id, g.household_id, g.note) == ("2.1.4", hh, "未签字")
    assert store.answers(copy) == store.answers(inspection)
    store.add_finding(copy, "2.1.4")  # the copy is editable, the original untouched
    assert store.answers(inspection)["2.1.4"] == 1


def test_delete_and_restore_inspection(store, inspection):
    store.delete_inspection(inspection)
    assert store.inspections() == []
    assert store.inspection(inspection).deleted
    assert [r.id for r in store.inspections(include_deleted=True)] == [inspection]
    with pytest.raises(StoreError, match="删除"):
        store.add_finding(inspection, "2.1.4")
    store.restore_inspection(inspection)
    assert [r.id for r in store.inspections()] == [inspection]
    with pytest.raises(StoreError, match="找不到"):
        store.inspection("nope")


def test_tombstones_keep_rows_for_merging(store, inspection):
    f = store.add_finding(inspection, "2.1.4")
    store.delete_finding(f.id)
    row = store.connection.execute("SELECT deleted, device, hlc FROM findings WHERE id = ?", (f.id,)).fetchone()
    assert row[0] == 1 and row[1] == "laptop1" and row[2].endswith("-laptop1")


def test_audit_log_records_who_what_old_and_new(store, inspection):
    f = store.add_finding(inspection, "2.1.4", note="未签字")
    store.update_finding(f.id, note="帮扶人未签字")
    store.delete_finding(f.id)
    entries = [a for a in store.audit(inspection) if a.entity == "finding"]
    assert [(a.action, a.field, a.old, a.new) for a in entries[1:]] == [
        ("update", "note", "未签字", "帮扶人未签字"), ("delete", "deleted", False, True)]
    assert entries[0].new["item_id"] == "2.1.4" and entries[0].who == "李明" and entries[0].device == "laptop1"
    stamps = [a.hlc for a in store.audit()]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    # append-only: SQLite itself refuses to rewrite history
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("UPDATE audit SET who = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.connection.execute("DELETE FROM audit")


def test_every_record_has_uuid_device_and_clock(store, inspection):
    import uuid

    store.add_finding(inspection, "2.1.4")
    for table in ("places", "inspections", "findings"):
        for rid, device, hlc, created, updated in store.connection.execute(
                f"SELECT id, device, hlc, created_at, updated_at FROM {table}"):
            assert uuid.UUID(rid).version == 4
            assert device == "laptop1" and hlc.endswith("-laptop1") and created <= updated


def test_a_failed_batch_writes_nothing(store, inspection):
    with pytest.raises(StoreError):
        store.add_findings(inspection, [{"item_id": "2.1.4"}, {"item_id": "2.5.5", "value": "很好"}])
    assert store.findings(inspection) == []
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_finding(inspection, "2.1.4")
            raise RuntimeError("power cut in the middle")
    assert store.findings(inspection) == []


def test_data_survives_reopening(tmp_path, village_rubric):
    path = tmp_path / "field.db"
    with Store.open(path, device="laptop1") as store:
        inspection = store.create_inspection(village_rubric, assessee_id=None, assessee_name="梅花村",
                                             inspectors=["李明"], date="2026-11-20")
        store.add_finding(inspection, "2.1.4")
        stamp = store.findings(inspection)[0].hlc
    with Store.open(path, device="laptop1") as store:
        assert store.answers(inspection) == {"2.1.4": 1}
        assert store.clock.tick() > stamp  # the clock never goes back across restarts
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
            store.add_place("单位", "衡阳市扶贫办")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.places() == []
    store.add_place("单位", "衡阳市扶贫办")  # and works again once it is free
    assert len(store.places()) == 1
    store.close()


def test_device_is_the_creator_and_the_stamp_names_the_last_editor(tmp_path, village_rubric):
    path = tmp_path / "field.db"
    with Store.open(path, device="laptop1", backup_on_close=False) as first:
        inspection = first.create_inspection(village_rubric, assessee_id=None, assessee_name="梅花村",
                                             inspectors=["李明"], date="2026-11-20")
        finding = first.add_finding(inspection, "2.1.4", note="未签字")
    with Store.open(path, device="laptop2", backup_on_close=False) as second:
        changed = second.update_finding(finding.id, note="帮扶人未签字")
        second.update_inspection(inspection, date="2026-11-21")
        assert changed.device == "laptop1" and changed.hlc.endswith("-laptop2") and changed.hlc > finding.hlc
        assert second.inspection(inspection).device == "laptop1"
        assert [r.device for r in second.inspections()] == ["laptop1"]
        assert [a.device for a in second.audit(inspection)][-2:] == ["laptop2", "laptop2"]


def test_edits_from_two_threads_are_all_kept(store, inspection):
    """The window saves off the UI thread; one connection, serialised by the store's lock."""
    import threading

    made: list[str] = []

    def writer(item_id):
        for _ in range(40):
            made.append(store.add_finding(inspection, item_id).id)

    threads = [threading.Thread(target=writer, args=(i,)) for i in ("2.1.1", "2.1.2", "2.1.3")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(f.id for f in store.findings(inspection)) == sorted(made) and len(made) == 120
    assert store.answers(inspection) == {"2.1.1": 40, "2.1.2": 40, "2.1.3": 40}
