"""Households edited and removed: audited field by field, never removed from under a finding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.ops.households import find_household, household_rows, sorted_households
from fieldcheck.ops.pinyin import initials, matches
from fieldcheck.ops.places import village_at
from fieldcheck.store import StoreError


@pytest.fixture
def village(store):
    return village_at(store, "衡阳县/西渡镇/梅花村")


def test_update_changes_and_audits_each_field(store, village):
    hh = store.households.add(village, "王建国", members=4)
    changed = store.households.update(hh, head_name=" 王建军 ", members=5, helper="刘强",
                                      id_number="430421199001011234", status="脱贫户")
    assert (changed.head_name, changed.members, changed.helper, changed.status, changed.id_masked) == (
        "王建军", 5, "刘强", "脱贫户", "430421********1234")
    updates = {e.field: (e.old, e.new) for e in store.audit.entries() if e.entity == "household" and e.action == "update"}
    assert updates["head_name"] == ("王建国", "王建军")
    assert updates["members"] == (4, 5)
    assert updates["id_masked"] == (None, "430421********1234")
    before = len(store.audit.entries())
    store.households.update(hh, members=5)  # no change, no history
    assert len(store.audit.entries()) == before


@pytest.mark.parametrize("changes", [{"head_name": "  "}, {"members": 0}, {"members": True}, {"id_number": "123"},
                                     {"village_id": "x"}])
def test_update_refuses_bad_values_and_writes_nothing(store, village, changes):
    hh = store.households.add(village, "王建国", members=4)
    before = len(store.audit.entries())
    with pytest.raises(StoreError):
        store.households.update(hh, **changes)
    assert store.households.get(hh).head_name == "王建国"
    assert len(store.audit.entries()) == before


def test_remove_is_refused_while_findings_name_the_household(store, village):
    rubric = catalog.find("village-work-team")
    inspection = store.inspections.create(rubric, assessee_id=village, assessee_name="梅花村", inspectors=["李明"],
                                          date="2026-11-20")
    hh = store.households.add(village, "王建国")
    finding = store.findings.add(inspection, "2.1.4", value=1, household_id=hh)
    with pytest.raises(StoreError, match="王建国.*1 条发现记录"):
        store.households.remove(hh)
    assert store.households.exists(hh)
    assert store.findings.get(finding.id).household_id == hh
    store.findings.delete(finding.id)
    store.households.remove(hh)
    assert not store.households.exists(hh)
    assert [e.action for e in store.audit.entries() if e.entity == "household"][-1] == "delete"
    assert store.households.of_village(village) == []
    store.households.restore(hh)
    assert [h.id for h in store.households.of_village(village)] == [hh]


def test_a_removed_household_cannot_be_edited(store, village):
    hh = store.households.add(village, "王建国")
    store.households.remove(hh)
    with pytest.raises(StoreError, match="已删除"):
        store.households.update(hh, members=2)


def test_village_paths_create_their_places_once(store):
    a = village_at(store, "衡阳县/西渡镇/梅花村")
    b = village_at(store, " 衡阳县 / 西渡镇 / 梅花村 ")
    c = village_at(store, "衡阳县/西渡镇/桃花村")
    assert a == b != c
    assert len(store.places.all("县")) == 1 and len(store.places.all("乡镇")) == 1
    assert village_at(store, "梅花村") == a
    with pytest.raises(StoreError, match="县/乡镇/村"):
        village_at(store, "西渡镇/梅花村")
    with pytest.raises(StoreError, match="没有"):
        village_at(store, "衡阳县/西渡镇/李花村", create=False)


def test_households_sort_and_are_found_by_name(store, village):
    for name in ("王建国", "李秀英", "张三", "安小红"):
        store.households.add(village, name)
    assert [h.head_name for h in sorted_households(store.households.of_village(village))] == [
        "安小红", "李秀英", "王建国", "张三"]
    assert [r["head_name"] for r in household_rows(store, "衡阳县/西渡镇/梅花村")][0] == "安小红"
    assert find_household(store, "张三").head_name == "张三"
    store.households.add(village, "张三")
    with pytest.raises(StoreError, match="2 户"):
        find_household(store, "张三", "衡阳县/西渡镇/梅花村")


def test_pinyin_initials():
    assert initials("张三") == "zs"
    assert initials("欧阳明华") == "oymh"
    assert initials("李4") == "l4"
    assert matches("王建国", "wjg") and matches("王建国", "WJ") and matches("王建国", "建国")
    assert not matches("王建国", "zs")


def _gb2312() -> str:
    """The 6,763 characters of GB2312, which every Chinese name written by an input method uses."""
    chars = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(c for c in chars if c not in "忄衤")  # radicals, not name characters


@given(st.text(alphabet=_gb2312(), min_size=1, max_size=6))
def test_every_common_ideograph_has_one_initial(name):
    assert len(initials(name)) == len(name)
    assert matches(name, initials(name))


def test_households_of_more_villages_than_one_statement_binds(store):
    # rosters of a county: more village ids than SQLite binds at once (IN_CHUNK) are read in parts
    from fieldcheck.store.database import IN_CHUNK

    county = store.places.add("县", "大县")
    town = store.places.add("乡镇", "大镇", county)
    villages = [store.places.add("村", f"村{n}", town) for n in range(IN_CHUNK + 5)]
    made = {store.households.add(villages[0], "甲"), store.households.add(villages[-1], "乙")}
    assert set(store.households.ids_in(villages)) == made
    records = store.households.records(made | {"no-such-id"})
    assert sorted(r["id"] for r in records) == sorted(made)
