"""衡阳's quotas, ties and vetoes on inspections made from the real 附2 table (衡贫发[2015]2号 六)."""

from decimal import Decimal

import pytest
from hengyang_data import add_unit, install_spread_bands, install_with_bonus

from fieldcheck.ops.scores import score_inspection
from fieldcheck.results import outcome

COUNTIES = {"衡阳县": 95, "衡南县": 93, "衡山县": 91, "衡东县": 89, "祁东县": 87, "耒阳市": 85, "常宁市": 83}
DISTRICTS = {"珠晖区": 96, "雁峰区": 94, "石鼓区": 90, "蒸湘区": 86, "南岳区": 82}


def _seed(store, counties=COUNTIES, districts=DISTRICTS, **special):
    ids = {}
    for name, total in {**counties, **districts}.items():
        ids[name] = add_unit(store, name, total, **special.get(name, {}))
    return ids


def _by_name(results):
    return {r["assessee"]: r for r in results.to_json()["assessees"]}


def test_totals_come_from_the_scorer(store):
    ids = _seed(store)
    assert score_inspection(store, ids["衡阳县"]).total == Decimal(95)
    assert score_inspection(store, ids["南岳区"]).total == Decimal(82)


def test_quotas_split_counties_3_4_and_districts_2_3(store):
    _seed(store)
    rows = _by_name(outcome.build(store, "hengyang-2015"))
    assert [n for n, r in rows.items() if r["group"] == "县市" and r["tier"] == "一类"] == ["衡阳县", "衡南县", "衡山县"]
    assert sorted(n for n, r in rows.items() if r["tier"] == "二类" and r["group"] == "县市") == \
        sorted(["衡东县", "祁东县", "耒阳市", "常宁市"])
    assert {n for n, r in rows.items() if r["group"] == "区" and r["tier"] == "一类"} == {"珠晖区", "雁峰区"}
    assert {n for n, r in rows.items() if r["group"] == "区" and r["tier"] == "二类"} == {"石鼓区", "蒸湘区", "南岳区"}
    assert [rows[n]["rank"] for n in COUNTIES] == [1, 2, 3, 4, 5, 6, 7]
    groups = {g["name"]: g for g in outcome.build(store, "hengyang-2015").to_json()["groups"]}
    assert groups["县市"]["quotas"] == {"一类": 3, "二类": 4} and groups["区"]["quotas"] == {"一类": 2, "二类": 3}
    assert groups["县市"]["ties"] == [] and groups["区"]["ties"] == []


def test_a_tie_on_the_quota_line_is_reported_not_cut(store):
    _seed(store, counties={**COUNTIES, "衡山县": 89})  # 衡山县 ties 衡东县 at 89, on the 3rd place
    results = outcome.build(store, "hengyang-2015")
    rows = _by_name(results)
    assert rows["衡山县"]["rank"] == rows["衡东县"]["rank"] == 3
    assert rows["衡山县"]["tier"] is None and rows["衡东县"]["tier"] is None
    assert rows["祁东县"]["rank"] == 5 and rows["祁东县"]["tier"] == "二类"
    tie = results.to_json()["groups"][0]["ties"]
    assert tie == [{"rank": 3, "between": ["一类", "二类"], "places": 1, "assessees": ["衡东县", "衡山县"]}]


def test_a_tie_inside_a_tier_just_shares_the_rank(store):
    _seed(store, counties={**COUNTIES, "衡南县": 95})
    rows = _by_name(outcome.build(store, "hengyang-2015"))
    assert rows["衡阳县"]["rank"] == rows["衡南县"]["rank"] == 1 and rows["衡山县"]["rank"] == 3
    assert rows["衡南县"]["tier"] == rows["衡山县"]["tier"] == "一类"


def test_a_veto_takes_the_unit_out_and_the_quotas_apply_to_the_rest(store):
    _seed(store, 衡阳县={"veto": True})
    results = outcome.build(store, "hengyang-2015")
    rows = _by_name(results)
    top = rows["衡阳县"]
    assert top["ranked"] is False and top["rank"] is None and top["tier"] is None
    assert top["veto"] == "违规违纪使用扶贫资金,取消年度考核排序资格"
    assert top["total"] == 95  # the score stands
    assert [rows[n]["rank"] for n in ["衡南县", "衡山县", "衡东县"]] == [1, 2, 3]
    assert rows["衡东县"]["tier"] == "一类" and rows["常宁市"]["tier"] == "二类"
    assert results.to_json()["groups"][0]["vetoed"] == ["衡阳县"]


def test_below_80_is_fail_whatever_the_tier(store):
    _seed(store, districts={**DISTRICTS, "雁峰区": 78, "石鼓区": 77, "蒸湘区": 76, "南岳区": 75})
    rows = _by_name(outcome.build(store, "hengyang-2015"))
    assert rows["雁峰区"]["tier"] == "一类" and rows["雁峰区"]["grade"] == "不合格"
    assert rows["珠晖区"]["grade"] == "合格"


def test_an_unfinished_total_below_80_fails_only_when_nothing_left_can_lift_it(store, tmp_path, monkeypatch):
    """An unanswered item counts its full points, so a provisional 78 can only fall: 不合格 already. An
    unanswered 加分 item could still lift it past 80: then it has no grade yet."""
    install_with_bonus(tmp_path / "county-rubrics", monkeypatch)
    add_unit(store, "衡阳县", 78, status="draft")
    add_unit(store, "衡南县", 78.5, status="draft")  # 3 more would make 81.5
    rows = _by_name(outcome.build(store, "hengyang-2015", include_drafts=True))
    assert rows["衡阳县"]["complete"] is False and rows["衡阳县"]["grade"] is None
    assert rows["衡南县"]["grade"] is None


def test_the_parks_are_in_no_ranking_group(store):
    _seed(store)
    add_unit(store, "白沙工业园", 99)
    rows = _by_name(outcome.build(store, "hengyang-2015"))
    assert rows["白沙工业园"]["group"] is None and rows["白沙工业园"]["ranked"] is False
    assert rows["珠晖区"]["rank"] == 1


def test_two_signed_inspections_are_a_problem_never_ranked(store):
    _seed(store)
    second = add_unit(store, "衡阳县", 70)
    results = outcome.build(store, "hengyang-2015")
    assert "衡阳县" not in _by_name(results)
    assert results.to_json()["conflicts"][0]["assessee"] == "衡阳县"
    assert second in results.to_json()["conflicts"][0]["inspections"]
    assert _by_name(results)["衡南县"]["rank"] == 1


def test_drafts_count_only_with_all_and_are_marked(store):
    _seed(store)
    add_unit(store, "衡阳县", 99, status="draft")  # a draft beside the signed one: the signed one counts
    add_unit(store, "白沙工业园", 60, status="draft")
    assert "白沙工业园" not in _by_name(outcome.build(store, "hengyang-2015"))
    rows = _by_name(outcome.build(store, "hengyang-2015", include_drafts=True))
    assert rows["白沙工业园"]["draft"] is True and rows["衡阳县"]["draft"] is False and rows["衡阳县"]["total"] == 95


def test_hengyang_gives_no_bands_and_a_park_no_fail_label(store):
    _seed(store)
    add_unit(store, "白沙工业园", 65)  # scored on fewer points: 65 is not a failing 65 of 100
    data = outcome.build(store, "hengyang-2015")
    assert data.banding is None and "bands" not in data.to_json()
    rows = _by_name(data)
    assert {r["band"] for r in rows.values()} == {None}
    park = next(r for r in data.rows if r.name == "白沙工业园")
    assert rows["白沙工业园"]["grade"] is None and park.grade_shown == "不评等级"
    assert rows["白沙工业园"]["tier"] is None and rows["常宁市"]["grade"] != "不合格"


def test_spread_bands_a_county_writes_into_its_rubric_show_their_edges(store, tmp_path, monkeypatch):
    install_spread_bands(tmp_path / "county-rubrics", monkeypatch)
    _seed(store)
    add_unit(store, "白沙工业园", 65)  # not graded: outside the bands, and not in the mean
    data = outcome.build(store, "hengyang-2015").to_json()
    totals = list(COUNTIES.values()) + list(DISTRICTS.values())
    mean = sum(totals) / len(totals)
    sd = (sum((x - mean) ** 2 for x in totals) / len(totals)) ** 0.5
    edges = data["bands"]["edges"]
    assert [e["label"] for e in edges] == ["优秀", "良好", "一般", "勉励"]
    assert edges[0]["min"] == pytest.approx(mean + sd, abs=0.01) and edges[3]["min"] is None
    rows = _by_name(outcome.build(store, "hengyang-2015"))
    for name, r in rows.items():
        x = r["total"]
        want = "优秀" if x >= mean + sd else "良好" if x >= mean else "一般" if x >= mean - sd else "勉励"
        assert r["band"] == (None if name == "白沙工业园" else want), name
