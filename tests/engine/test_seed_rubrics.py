"""The shipped rubrics score as their seed texts say: table-driven cases built from the documents.

Each case names the rule text it checks. The readings chosen where a text is silent are
recorded in each rubric file's header; they are tested here too.
"""

from __future__ import annotations

import glob
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from fieldcheck.engine import catalog
from fieldcheck.engine.scoring import score

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds"

D = Decimal


@pytest.fixture(scope="module")
def xize():
    return catalog.find("village-work-team")


@pytest.fixture(scope="module")
def hengyang():
    return catalog.find("hengyang-2015")


@pytest.fixture(scope="module")
def township():
    return catalog.find("county-township")


# --- the structure the issue asks for -----------------------------------------------------------------


def test_xize_structure(xize):
    assert xize.max_points == 210
    tops = {n.id: (n.max_points, n.kind) for n in xize.children}
    assert tops == {"1": (20, "regular"), "2": (120, "regular"), "3": (60, "regular"), "4": (10, "bonus")}
    leaves = [i.id for i in xize.items()]
    assert leaves == ["1.1", "1.2", "1.3", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2",
                      "2.3.1", "2.3.2", "2.4.1", "2.5.1", "2.5.2", "2.5.3", "2.5.4", "2.5.5", "2.6.1", "2.6.2",
                      "3.1.1", "3.1.2", "3.1.3", "3.2.1", "3.3.1", "3.4.1", "3.5.1", "4.1", "4.2", "4.3"]
    pools = {i.id: i.pool.id for i in xize.items() if i.pool is not None}
    assert pools["1.2"] == "1" and pools["2.1.4"] == "2.1" and pools["2.3.1"] == "2.3"
    assert pools["2.5.1"] == "2.5" and pools["2.6.2"] == "2.6" and pools["3.2.1"] == "3.2"
    assert xize.node("3.1.2").rule.elements == ["一户一档材料", "脱贫工作台账", "帮扶联系卡", "扶贫工作队工作记录",
                                               "民情日记", "开展扶贫工作的照片"]
    assert xize.node("3.1.3").rule.elements == ["申请表", "评议表", "两公示一公告"]
    assert xize.node("2.3.2").rule.options == ["宣传栏", "宣传页", "宣传横幅", "标语"]


def test_ten_duties_are_ten_and_marked_as_local_default(xize):
    rule = xize.node("2.4.1").rule
    assert len(rule.duties) == 10 and len(set(rule.duties)) == 10
    assert "本地默认" in rule.spec["duties_note"]
    assert any("民情日记" in d for d in rule.duties) and any("作战图" in d for d in rule.duties)


def test_hengyang_structure(hengyang):
    assert hengyang.max_points == 100
    tops = {n.id: n.max_points for n in hengyang.children}
    assert tops == {"1": 15, "2": 20, "3": 5, "4": 5, "5": 10, "6": 20, "7": 7, "8": 5, "9": 8, "10": 5, "veto": 0}
    assert [i.id for i in hengyang.items()] == ["1.1", "1.2", "2", "3.1", "3.2", "4", "5.1", "5.2", "5.3", "6.1",
                                                "6.2", "6.3", "7.1", "7.2", "8", "9.1", "9.2", "10", "veto"]
    assert hengyang.grade(D("79.9")) == "不合格" and hengyang.grade(D(80)) == "合格"


def test_hengyang_target_table_has_every_row_and_group(hengyang):
    rows = hengyang.targets
    assert len(rows) == 15
    # "5个区组": the parks are in neither group, scored only where 附2 gives targets, never ranked
    assert [n for n, r in rows.items() if r.group == "区"] == ["珠晖区", "雁峰区", "石鼓区", "蒸湘区", "南岳区"]
    assert [n for n, r in rows.items() if not r.ranked] == ["白沙工业园", "开发区"]
    assert all(rows[p].partial and rows[p].group is None for p in ("白沙工业园", "开发区"))
    assert not rows["衡阳市"].assessee
    assert [n for n, r in rows.items() if r.group == "县市"] == ["衡阳县", "衡南县", "衡山县", "衡东县", "祁东县",
                                                                "耒阳市", "常宁市"]
    assert rows["衡阳市"].group is None
    assert len(rows["衡阳县"].values) == 15
    assert rows["祁东县"].values["减贫率(%)"] == D("17.5")
    assert rows["祁东县"].values["驻村帮扶贫困村(个)"] == 104
    assert rows["衡阳市"].values["扶贫总投入(万元)"] == 12180
    # the city total is the sum of its districts and counties, as printed
    parts = [r for r in rows.values() if r.assessee and "扶贫总投入(万元)" in r.values]
    assert len(parts) == 12
    assert sum(r.values["扶贫总投入(万元)"] for r in parts) == 12180
    assert len(rows["开发区"].values) == 4


def test_township_rubric_is_marked_incomplete(township):
    assert township.complete is False
    assert any("缺失" in m for m in township.missing)
    assert township.node("1").max_points == 21 and township.node("2").max_points == 12


# --- criterion texts are verbatim --------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    return open(glob.glob(str(SEEDS / f"{prefix}_*.txt"))[0], encoding="utf-8").read()


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _traditional_seed_as_simplified() -> str:
    from opencc import OpenCC

    text = OpenCC("t2s").convert(_seed("001"))
    # 001 carries pinyin glosses after some characters: 相关(guān)
    return re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", text)


@pytest.mark.parametrize("rubric_id,seeds", [("village-work-team", ["000", "001"]), ("hengyang-2015", ["003"]),
                                             ("county-township", ["000"])])
def test_criterion_texts_are_verbatim(rubric_id, seeds):
    sources = []
    for s in seeds:
        sources.append(_norm(_seed(s)))
        if s == "001":
            sources.append(_norm(_traditional_seed_as_simplified()))
    rubric = catalog.find(rubric_id)
    not_found = []
    for node in rubric.walk():
        for field in ("content", "standard"):
            text = _norm(getattr(node, field))
            if text and not any(text in src for src in sources):
                not_found.append((node.id, field, text))
    assert not_found == []


# --- scoring cases from the texts ---------------------------------------------------------------------------


def _nodes(result):
    return {k: (v.score, v.deduction) for k, v in result.nodes.items()}


def test_issue_example_scores_as_the_rules_say(xize):
    answers = {"2.1.4": 3, "1.2": 2, "3.1.2": ["民情日记"], "2.4.1": {"not_done": 1},
               "2.3.2": {"selected": ["宣传栏", "标语"]}, "2.5.4": False, "2.5.5": "基本满意",
               "4.1": True, "2.6.1": "na"}
    r = score(xize, answers)
    n = _nodes(r)
    assert n["1.2"] == (0, 4) and n["1"] == (16, 4)
    assert n["2.1.4"] == (0, 6) and n["2.1"] == (24, 6)
    assert n["2.4"] == (0, 10)
    assert n["2.5"] == (12, 8)  # 入户 not met −4, 基本满意 −4
    assert n["3.1"] == (18, 2)
    assert n["4"] == (5, 0)
    assert r.total == 200 - 4 - 6 - 10 - 8 - 2 + 5 == 175
    assert r.max == 210 and r.answered == 9 and r.item_count == 30 and not r.complete


def test_item_one_two_loses_six_when_three_elements_are_missing(xize):
    r = score(xize, {"1.2": ["独立的扶贫工作室", "相关设施配备齐全", "扶贫档案柜不少于2个"]})
    item = r.nodes["1.2"]
    assert (item.score, item.max, item.deduction) == (0, 4, 6)
    assert r.nodes["1"].score == 14  # the section's pool is 20: 20 − 6
    assert "扣 6 分" in str(item.explanation)


def test_section_one_is_the_pool_of_its_items(xize):
    # 1.1 two missing (−4), 1.2 three (−6), 1.3 three (−6): 16 of the 20
    r = score(xize, {"1.1": 2, "1.2": 3, "1.3": 3})
    assert r.nodes["1"].deduction == 16 and r.nodes["1"].score == 4


def test_handbook_errors_pool_at_thirty(xize):
    # 18 errors over 2.1.1–2.1.5 ask for 36 points; 扣完30分为止 caps the section at 30
    r = score(xize, {"2.1.1": 5, "2.1.2": 4, "2.1.3": 3, "2.1.4": 3, "2.1.5": 3})
    assert r.nodes["2.1"].score == 0 and r.nodes["2.1"].deduction == 30
    assert r.nodes["2.1.1"].deduction == 10 and r.nodes["2.1.1"].score == 0  # an item never shows below 0
    caps = [e for e in r.trace if e.kind == "cap"]
    assert len(caps) == 1 and caps[0].node == "2.1"
    assert str(caps[0].text) == "扣 36 分,按本节 30 分封顶"
    assert r.nodes["2"].score == 90


def test_policy_unawareness_can_take_the_whole_pool_when_methods_are_fine(xize):
    r = score(xize, {"2.3.1": 8, "2.3.2": {"selected": 3}})
    assert r.nodes["2.3.1"].deduction == 8 and r.nodes["2.3"].score == 2
    r = score(xize, {"2.3.1": 8, "2.3.2": {"selected": ["宣传页"]}})
    assert r.nodes["2.3"].score == 0


def test_publicity_needs_two_methods(xize):
    assert score(xize, {"2.3.2": {"selected": ["宣传横幅"]}}).nodes["2.3.2"].score == 0
    assert score(xize, {"2.3.2": {"selected": ["宣传横幅", "标语"]}}).nodes["2.3.2"].score == 5
    assert score(xize, {"2.3.2": {"selected": 0}}).nodes["2.3.2"].deduction == 5


def test_ten_duties_all_or_nothing(xize):
    assert score(xize, {"2.4.1": {"not_done": 0}}).nodes["2.4"].score == 10
    assert score(xize, {"2.4.1": {"not_done": 1}}).nodes["2.4"].score == 0
    duties = xize.node("2.4.1").rule.duties
    assert score(xize, {"2.4.1": {"not_done": duties[:4]}}).nodes["2.4.1"].deduction == 10


def test_satisfaction_rating(xize):
    assert score(xize, {"2.5.5": "满意"}).nodes["2.5.5"].score == 4
    assert score(xize, {"2.5.5": "基本满意"}).nodes["2.5.5"].score == 0
    assert score(xize, {"2.5.5": "不满意"}).nodes["2.5.5"].score == 0


def test_village_exit_and_households(xize):
    r = score(xize, {"2.6.1": False, "2.6.2": 1})
    assert r.nodes["2.6"].score == 10
    r = score(xize, {"2.6.1": True, "2.6.2": 4})  # four households fail: the whole 40
    assert r.nodes["2.6.2"].deduction == 40 and r.nodes["2.6"].score == 0
    r = score(xize, {"2.6.1": False, "2.6.2": 3})
    assert r.nodes["2.6"].score == 0 and r.nodes["2.6"].requested == 50


def test_daily_work(xize):
    r = score(xize, {"3.1.1": False, "3.1.2": 6, "3.1.3": ["申请表"]})
    # 作战图 −6, six records missing −12, one −2: 20 asked, 20 held
    assert r.nodes["3.1"].score == 0
    r = score(xize, {"3.2.1": 30})
    assert r.nodes["3.2"].score == 0 and r.nodes["3.2.1"].deduction == 30
    r = score(xize, {"3.3.1": False, "3.4.1": 2, "3.5.1": 1})
    assert (r.nodes["3.3"].score, r.nodes["3.4"].score, r.nodes["3.5"].score) == (0, 0, 0)
    assert r.nodes["3.4"].requested == 10


def test_bonus_is_capped_at_ten(xize):
    r = score(xize, {"4.1": True, "4.2": True, "4.3": True})
    assert r.nodes["4"].score == 10 and r.nodes["4"].requested == 13
    assert r.total == 210
    assert any(e.kind == "cap" and e.node == "4" for e in r.trace)
    assert score(xize, {"4.2": True, "4.3": True}).nodes["4"].score == 8


def test_everything_answered_is_complete(xize):
    answers = {i.id: _clean(i) for i in xize.items()}
    r = score(xize, answers)
    assert r.complete and r.total == 200 and not r.provisional and r.points_open == 0


def _clean(item):
    """The answer of an item where nothing is wrong."""
    rule = item.rule
    if rule.kind == "rating":
        return max(rule.levels, key=lambda label: rule.levels[label])
    if rule.kind == "min_options":
        return {"selected": rule.options}
    return {"per_occurrence": 0, "per_event": 0, "missing_elements": [], "duty_checklist": {"not_done": []},
            "pass_fail": True, "bonus": False, "veto": False}[rule.kind]


# --- Hengyang: metrics, groups, targets, veto ---------------------------------------------------------------


def test_hengyang_issue_example(hengyang):
    r = score(hengyang, {"1.1": 14.5, "1.2": True, "4": 54, "6.2": {"actual": 40, "target": 50}, "veto": False},
              {"name": "衡阳县"})
    n = _nodes(r)
    assert n["1.1"] == (13, 2)  # 16.5 − 14.5 = 2 points short
    assert n["4"] == (D("2.9"), D("2.1"))  # 61 − 54 = 7 households × 0.3 (县市)
    assert n["6.2"] == (15, 5)  # 10万 short × 0.5
    assert r.total == D("90.9")
    out = r.to_json()
    assert out["nodes"]["4"]["deduction"] == 2.1 and "2.0999" not in json.dumps(out)
    # five of nineteen items answered: 暂计, no grade, and the points the others could still lose
    # 二 20, 三 5, 五 7 (its clauses deduct 2 + 2 + 3), 六 20 − 5 lost, 七 7, 八 5, 九 8, 十 5
    assert out["grade"] is None and out["provisional"] and out["points_open"] == 72


def test_seven_times_point_three_is_two_point_one_exactly(hengyang):
    r = score(hengyang, {"4": 54}, {"name": "衡阳县"})
    assert r.nodes["4"].deduction == D("2.1")
    assert str(r.to_json()["nodes"]["4"]["deduction"]) == "2.1"


def test_district_steps_differ_from_county_steps(hengyang):
    # 危房改造: 区 1 per household, 县市 0.3
    assert score(hengyang, {"4": 3}, {"name": "珠晖区"}).nodes["4"].deduction == 2
    assert score(hengyang, {"4": 59}, {"name": "衡阳县"}).nodes["4"].deduction == D("0.6")
    # 社会扶贫: 区 0.5 per 5万 (珠晖区 target 30); 县市 0.3 per 10万 (衡阳县 target 300)
    assert score(hengyang, {"7.1": 20}, {"name": "珠晖区"}).nodes["7.1"].deduction == 1
    assert score(hengyang, {"7.1": 280}, {"name": "衡阳县"}).nodes["7.1"].deduction == D("0.6")
    # 总投入: 区 1 per 50万, 县市 0.5 per 100万
    assert score(hengyang, {"8": 20}, {"name": "雁峰区"}).nodes["8"].deduction == D("1.6")  # 80万 short of 100
    assert score(hengyang, {"8": 0}, {"name": "衡阳县"}).nodes["8"].deduction == 5  # 6 asked, the item's 5 held
    assert score(hengyang, {"8": 1000}, {"name": "衡阳县"}).nodes["8"].deduction == 1
    # 本级财政预算: 区 1 per 5万, 县市 0.5 per 10万
    assert score(hengyang, {"9.1": 15}, {"name": "石鼓区"}).nodes["9.1"].deduction == 1
    assert score(hengyang, {"9.1": 185}, {"name": "衡阳县"}).nodes["9.1"].deduction == D("0.75")


def test_shortfall_is_prorated_exactly(hengyang):
    r = score(hengyang, {"1.1": 14.2}, {"name": "衡阳县"})
    assert r.nodes["1.1"].deduction == D("2.3")
    r = score(hengyang, {"3.1": 3500, "3.2": 15}, {"name": "衡阳县"})
    assert r.nodes["3.1"].deduction == D("1.5") and r.nodes["3.2"].deduction == 1 and r.nodes["3"].score == D("2.5")
    assert score(hengyang, {"10": 92}, {"name": "衡阳县"}).nodes["10"].deduction == D("0.8")


def test_items_are_capped_at_their_own_points(hengyang):
    r = score(hengyang, {"1.1": 0, "1.2": False}, {"name": "衡阳县"})
    assert r.nodes["1"].score == 0 and r.nodes["1"].deduction == 15 and r.nodes["1"].requested == D("19.5")
    r = score(hengyang, {"2": 0})
    assert r.nodes["2"].deduction == 20 and r.nodes["2"].score == 0
    assert "封顶" in str(r.nodes["2"].explanation)


def test_a_shortfall_with_no_exact_decimal_is_rounded_to_a_cent(hengyang):
    # 6.3: 扶贫项目投入每少3万元扣0.5分; 1万 short is 0.1666…, a sheet prints 0.17
    r = score(hengyang, {"6.3": [29]}, {"name": "衡阳县"})
    assert r.nodes["6.3"].deduction == D("0.17") and r.total == D("99.83")
    assert r.nodes["6.3"].explanation.render("zh").endswith("(四舍五入保留两位小数)")
    # exact values are never rounded: 2万 short is 1/3 steps … 0.333…; 3万 short is exactly 0.5
    assert score(hengyang, {"6.3": [27]}, {"name": "衡阳县"}).nodes["6.3"].deduction == D("0.5")
    assert score(hengyang, {"1.1": 14.237}, {"name": "衡阳县"}).nodes["1.1"].deduction == D("2.26")


def test_item_five_takes_at_most_seven(hengyang):
    r = score(hengyang, {"5.1": False, "5.2": False, "5.3": False})
    assert r.nodes["5"].score == 3


def test_the_answer_target_wins_over_the_table(hengyang):
    r = score(hengyang, {"4": {"actual": 54, "target": 60}}, {"name": "衡阳县"})
    assert r.nodes["4"].deduction == D("1.8")


def test_a_group_can_be_given_without_a_name_when_the_answer_brings_its_target(hengyang):
    r = score(hengyang, {"4": {"actual": 8, "target": 10}}, {"group": "区"})
    assert r.nodes["4"].deduction == 2
    assert r.trace[0].target_source == "answer" and r.to_json()["trace"][0]["target"] == {"value": 10, "source": "answer"}


def test_veto_keeps_the_score_and_takes_the_assessee_out_of_ranking(hengyang):
    r = score(hengyang, {"veto": True, "1.2": False}, {"name": "衡南县"})
    assert r.total == 97 and not r.ranked
    assert r.vetoes == ["违规违纪使用扶贫资金,取消年度考核排序资格"]
    assert r.to_json()["ranked"] is False
    assert score(hengyang, {"veto": False}, {"name": "衡南县"}).ranked


def test_township_proportional_and_half_points(township):
    r = score(township, {"1.1": {"actual": 120, "target": 150}, "2.8": 50, "3.11.2": 1})
    assert r.nodes["1.1"].score == D("9.6")
    assert r.nodes["2.8"].score == D("1.5")
    assert r.nodes["3.11.2"].score == D("0.5")
    assert score(township, {"3.11.2": 5}).nodes["3.11.2"].deduction == 1  # 扣完为止: its own 1 point
    assert not score(township, {}).rubric_complete
