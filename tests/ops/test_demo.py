"""The demo county: realistic, varied, deterministic for a seed."""

from __future__ import annotations

import pytest

from fieldcheck.engine import catalog
from fieldcheck.ops import scores
from fieldcheck.ops.demo import HANDBOOK_ITEMS, populate
from fieldcheck.store import Store


def _snapshot(store):
    places = [(p.id, p.kind, p.name, p.parent_id) for p in store.places.all()]
    rows = []
    for row in sorted(scores.scored_rows(store), key=lambda r: r.id):
        findings = [(f.id, f.item_id, f.value, f.household_id, f.note) for f in store.findings.of(row.id)]
        photos = sorted(p.sha256 for f in store.findings.of(row.id) for p in store.photos.of(f.id))
        rows.append((row.id, row.assessee_path, row.status, row.date, row.total, findings, photos,
                     store.findings.marks(row.id)))
    return places, rows


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store.open(path, device="demo-laptop", backup_on_close=False)
    populate(store, villages=6, seed=3)
    yield store
    store.close()


def test_same_seed_same_data(demo, tmp_path):
    with Store.open(tmp_path / "again.db", device="other", backup_on_close=False) as again:
        populate(again, villages=6, seed=3)
        assert _snapshot(again) == _snapshot(demo)
    with Store.open(tmp_path / "other.db", device="other", backup_on_close=False) as other:
        populate(other, villages=6, seed=4)
        assert _snapshot(other)[0] != _snapshot(demo)[0]


def test_a_county_of_townships_villages_and_households(demo):
    [county] = demo.places.all("县")
    townships = demo.places.all("乡镇", parent_id=county.id)
    villages = [v for t in townships for v in demo.places.all("村", parent_id=t.id)]
    assert len(townships) == 2 and len(villages) == 6
    for village in villages:
        households = demo.households.of_village(village.id)
        assert 8 <= len(households) <= 14
        assert all(h.id_masked and "*" * 8 in h.id_masked for h in households)
        assert len({h.head_name for h in households}) == len(households)
    names = [p.name for p in demo.places.all()]
    assert county.name.endswith("县") and all(v.name.endswith("村") for v in villages)
    assert len(set(names)) == len(names)


def test_inspections_at_varied_stages(demo):
    rows = scores.scored_rows(demo)
    assert len(rows) == 8 and all(r.error is None for r in rows)
    village_rows = [r for r in rows if r.rubric_id == "village-work-team"]
    assert {r.status for r in village_rows} == {"draft", "signed", "exported"}
    assert all(r.complete for r in village_rows if r.status != "draft")
    assert any(not r.complete for r in village_rows if r.status == "draft")
    assert len({r.total for r in village_rows}) > 2  # villages differ
    assert sum(r.photos for r in rows) >= 12


def test_handbook_findings_concern_households(demo):
    findings = [f for r in scores.scored_rows(demo) for f in demo.findings.of(r.id)]
    handbook = [f for f in findings if f.item_id in HANDBOOK_ITEMS + ["2.3.1"]]
    assert handbook and all(f.household_id for f in handbook)
    ratings = [f for f in findings if f.item_id == "2.5.5"]
    assert ratings and all(f.household_id and f.value in ("满意", "基本满意", "不满意") for f in ratings)


def test_hengyang_units_use_real_names_from_the_target_table(demo):
    table = catalog.find("hengyang-2015").targets
    units = demo.places.all("县市区")
    assert len(units) == 2 and {u.group for u in units} == {"县市", "区"}
    assert all(u.name in table and table[u.name].group == u.group for u in units)
    rows = [r for r in scores.scored_rows(demo) if r.rubric_id == "hengyang-2015"]
    assert len(rows) == 2 and all(r.complete and r.grade for r in rows)


def test_every_demo_finding_is_entered_by_one_of_its_inspectors(demo):
    """The sheet prints 录入 beside each finding: the 衡阳 units' read 录入:root (the laptop's login)."""
    for row in scores.scored_rows(demo):
        inspectors = demo.inspections.get(row.id).inspectors
        assert {f.entered_by for f in demo.findings.of(row.id)} <= set(inspectors), row.assessee_path


def test_counted_metrics_are_whole_numbers(demo):
    # 危房改造 in households and 驻村帮扶 in villages cannot be 1.9
    rubric = catalog.find("hengyang-2015")
    counted = {i.id for i in rubric.items() if i.rule.kind == "metric" and i.rule.spec.get("unit") in ("户", "个村", "元")}
    assert counted == {"3.1", "4", "6.1"}
    for row in (r for r in scores.scored_rows(demo) if r.rubric_id == "hengyang-2015"):
        answers = scores.answers(demo, row.id)
        for item_id in counted:
            value = answers[item_id]
            actual = value["actual"] if isinstance(value, dict) else value
            assert float(actual).is_integer(), (item_id, actual)


def test_photos_carry_exif_time_and_gps(demo):
    photos = [p for r in scores.scored_rows(demo) for f in demo.findings.of(r.id) for p in demo.photos.of(f.id)]
    assert photos and all(p.taken_at and p.taken_at.startswith("2026-") for p in photos)
    assert all(26 < p.lat < 27.3 and 112.2 < p.lon < 112.9 for p in photos)
    assert any(p.height > p.width for p in photos)  # a phone held upright (EXIF orientation 6)


def test_demo_device_name(tmp_path):
    with Store.open(tmp_path / "d.db", device="mine", backup_on_close=False) as store:
        populate(store, villages=1, seed=1, device="demo-7")
        assert {r.device for r in scores.scored_rows(store)} == {"demo-7"}
        assert store.device == "mine"
        populate(store, villages=1, seed=1)  # a second county in the same database: no clashes
        assert len(store.places.all("县")) == 2


def test_the_data_does_not_depend_on_the_interface_language(tmp_path):
    from fieldcheck.i18n import set_default

    snapshots = []
    try:
        for lang in ("zh", "en"):
            set_default(lang)
            with Store.open(tmp_path / f"{lang}.db", device="d", backup_on_close=False) as store:
                populate(store, villages=2, seed=9)
                snapshots.append(_snapshot(store))
    finally:
        set_default(None)
    assert snapshots[0] == snapshots[1]
