"""The results command, its JSON, the workbook read back with openpyxl, the PDF's font, the ledger command."""

import json
import subprocess
import unicodedata

import openpyxl
import pypdfium2
import pytest
import yaml
from hengyang_data import add_unit
from sheetkit import lock_as_signed
from township import VILLAGES, scores, township

from fieldcheck.cli import main
from fieldcheck.engine import catalog
from fieldcheck.store import Store

UNITS = {"衡阳县": 95, "衡南县": 89, "衡山县": 89, "衡东县": 88, "祁东县": 87, "耒阳市": 85, "常宁市": 79,
         "珠晖区": 96, "雁峰区": 94, "石鼓区": 90, "蒸湘区": 86, "南岳区": 82}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "county.db"
    with Store.open(path, device="t", backup_on_close=False) as store:
        for name, total in UNITS.items():
            add_unit(store, name, total, veto=name == "石鼓区")
    return path


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_results_json_has_what_the_issue_asks(db, capsys):
    code, out, _ = _run(capsys, "results", "--db", db, "--rubric", "hengyang-2015", "--json")
    assert code == 0
    data = json.loads(out)
    keys = {"assessee", "group", "inspection", "total", "max", "grade", "band", "complete", "ranked", "veto", "rank", "tier"}
    assert all(keys <= set(a) for a in data["assessees"])
    rows = {a["assessee"]: a for a in data["assessees"]}
    assert rows["常宁市"]["grade"] == "不合格" and rows["常宁市"]["tier"] == "二类"
    assert rows["石鼓区"]["veto"] and rows["石鼓区"]["rank"] is None and rows["蒸湘区"]["tier"] == "二类"
    assert rows["南岳区"]["tier"] == "二类" and rows["珠晖区"]["tier"] == "一类"
    county = data["groups"][0]
    assert county["quotas"] == {"一类": 3, "二类": 4}
    # 衡南县 and 衡山县 tie at 2nd, on places 2 and 3, both inside 一类: no tie at a boundary
    assert rows["衡南县"]["rank"] == rows["衡山县"]["rank"] == 2 and rows["衡东县"]["rank"] == 4
    assert rows["衡南县"]["tier"] == rows["衡山县"]["tier"] == "一类" and county["ties"] == []


def test_unknown_database_is_one_sentence(tmp_path, capsys):
    code, _, err = _run(capsys, "results", "--db", tmp_path / "empty.db", "--rubric", "hengyang-2015")
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def _width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def test_workbook_read_back(db, tmp_path, capsys):
    town = tmp_path / "town.yaml"
    town.write_text(yaml.safe_dump(township([{"id": "2月", "kind": "双月观摩", "scores": scores(), "task_met": ["吴村官"]}]),
                                   allow_unicode=True), encoding="utf-8")
    out = tmp_path / "results.xlsx"
    code, _, err = _run(capsys, "results", "--db", db, "--rubric", "hengyang-2015", "--xlsx", out, "--rounds", town)
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["汇总", "排名说明"] and {"检查发现", "失分项", "轮次名次", "奖惩台账", "个人合计", "衡阳县"} <= set(wb.sheetnames)
    ws = wb["汇总"]
    assert ws["A2"].value == "单位" and ws["E2"].value == "各项得分" and ws["E3"].value.startswith("1 ")
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A2:A3" in merged and any(r.startswith("E2:") for r in merged)
    assert ws.freeze_panes == "B4" and ws.print_title_rows == "$2:$3" and ws.auto_filter.ref.startswith("A3:")
    header = [c.value for c in ws[2]]
    total_col = header.index("总分")
    by_name = {row[0]: row for row in ws.iter_rows(min_row=4, values_only=True)}
    assert by_name["衡阳县"][total_col] == 95 and by_name["衡阳县"][header.index("类别")] == "一类"
    assert by_name["石鼓区"][header.index("取消排序资格")].startswith("违规违纪")
    assert ws.cell(4, total_col + 1).number_format == "0.00"
    for col, letter in ((1, "A"), (4, "D")):
        longest = max(_width(ws.cell(r, col).value or "") for r in range(2, ws.max_row + 1))
        assert ws.column_dimensions[letter].width >= longest  # a Chinese character counts two
    sheet = wb["衡阳县"]
    assert [c.value for c in sheet[2]] == ["序号", "考核内容", "评分标准", "标准分值", "扣分", "得分", "说明"]
    assert sheet.freeze_panes == "B3"
    ledger = wb["奖惩台账"]
    rows = list(ledger.iter_rows(min_row=3, values_only=True))
    assert ("2月", "双月观摩", "吴村官", "大学生村官", "永安村", 0, "完成自身任务,免于处罚") in rows
    standings = list(wb["轮次名次"].iter_rows(min_row=3, values_only=True))
    assert standings[0] == ("2月", "双月观摩", 1, "新城社区", 95, 800, "流动红旗")
    assert standings[-1][3:] == ("永安村", 83, -300, "流动黄旗")


def test_pdf_embeds_the_shipped_font(db, tmp_path, capsys):
    out = tmp_path / "results.pdf"
    code, _, err = _run(capsys, "results", "--db", db, "--rubric", "hengyang-2015", "--pdf", out)
    assert code == 0, err
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all("WenQuanYi" in line and " yes yes " in line for line in lines)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "衡阳县" in text and "取消年度考核排序资格" in text and "一类" in text
    assert "档次" not in text  # 衡阳's rules set no bands: no empty column, as in the window


def test_rounds_command_json(tmp_path, capsys):
    town = tmp_path / "town.yaml"
    town.write_text(yaml.safe_dump(township([{"id": "年终", "kind": "年终总评", "scores": scores(),
                                               "on_schedule": {"扶贫办": True, "创业办": False}}]), allow_unicode=True),
                    encoding="utf-8")
    code, out, err = _run(capsys, "rounds", town, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["people"]["新城书记"] == 1500 and data["people"]["蒋主任"] == -800
    assert [s["village"] for s in data["rounds"][0]["standings"]][:1] == [VILLAGES[0]]


def test_a_round_scored_from_a_rubric_needs_the_database(tmp_path, capsys):
    town = tmp_path / "town.yaml"
    town.write_text(yaml.safe_dump(township([{"id": "4月", "kind": "双月观摩", "scores_from": "village-work-team"}]),
                                   allow_unicode=True), encoding="utf-8")
    code, _, err = _run(capsys, "rounds", town)
    assert code == 1 and "--db" in err


def test_a_round_ranked_from_a_rubrics_scores(tmp_path, capsys):
    from fieldcheck.engine import catalog
    from fieldcheck.ops.importing import add_inspection_from_answers

    path = tmp_path / "town.db"
    rubric = catalog.find("village-work-team")
    with Store.open(path, device="t", backup_on_close=False) as store:
        for i, village in enumerate(VILLAGES):  # 2.1.1: 2 points per error found
            inspection = add_inspection_from_answers(store, rubric, {"name": village}, {"2.1.1": i % 4})
            lock_as_signed(store, inspection)
    town = tmp_path / "town.yaml"
    town.write_text(yaml.safe_dump(township([{"id": "4月", "kind": "双月观摩", "scores_from": "village-work-team"}]),
                                   allow_unicode=True), encoding="utf-8")
    code, out, err = _run(capsys, "rounds", town, "--db", path, "--json")
    assert code == 0, err
    standings = json.loads(out)["rounds"][0]["standings"]
    first = [s for s in standings if s["place"] == 1]
    assert {s["village"] for s in first} == {VILLAGES[i] for i in range(13) if i % 4 == 0}
    assert all(s["amount"] == 450 for s in first)  # four tied on places 1–4 share (800+600+400+0)/4
    last = [s for s in standings if s["place"] == 11]
    assert {s["village"] for s in last} == {VILLAGES[3], VILLAGES[7], VILLAGES[11]}
    assert all(s["amount"] == -166.67 for s in last)  # places 11–13 share (0+200+300)/3


def test_rounds_ledger_pdf_embeds_its_font_and_shows_flags_and_exceptions(tmp_path, capsys):
    town = tmp_path / "town.yaml"
    town.write_text(yaml.safe_dump(township([{"id": "2月", "kind": "双月观摩", "scores": scores(), "task_met": ["吴村官"]}]),
                                   allow_unicode=True), encoding="utf-8")
    out = tmp_path / "ledger.pdf"
    code, printed, err = _run(capsys, "rounds", town, "--pdf", out)
    assert code == 0 and not printed, err
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    lines = fonts.splitlines()[2:]
    assert lines and all("WenQuanYi" in line and " yes yes " in line for line in lines)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "流动红旗" in text and "流动黄旗" in text and "+800.00" in text and "-300.00" in text
    assert "完成自身任务,免于处罚" in text and "每人合计" in text and "吴村官" in text


@pytest.fixture
def few(tmp_path):
    """Two counties signed; the tests add 常宁市 as they need it."""
    path = tmp_path / "few.db"
    with Store.open(path, device="t", backup_on_close=False) as store:
        add_unit(store, "衡阳县", 95)
        add_unit(store, "衡南县", 89)
    return path


def test_a_unit_with_drafts_only_is_listed_not_dropped_unsaid(few, tmp_path, capsys):
    """Without --all, 常宁市's draft is not counted, but every output says so instead of leaving it out."""
    db = few
    with Store.open(db, device="t", backup_on_close=False) as store:
        add_unit(store, "常宁市", 91, status="draft")
    out = tmp_path / "results.xlsx"
    code, text, err = _run(capsys, "results", "--db", db, "--rubric", "hengyang-2015")
    assert code == 0, err
    assert "常宁市:只有草稿,没有已签检查,未计入结果" in text
    code, out_json, _ = _run(capsys, "results", "--db", db, "--rubric", "hengyang-2015", "--json", "--xlsx", out)
    data = json.loads(out_json)
    assert "常宁市" not in {a["assessee"] for a in data["assessees"]}
    assert [c["assessee"] for c in data["conflicts"]] == ["常宁市"]
    notes = [row for row in openpyxl.load_workbook(out)["排名说明"].iter_rows(min_row=3, values_only=True)]
    assert any(row[0] == "常宁市" and "只有草稿" in row[2] for row in notes)
    code, out_json, _ = _run(capsys, "results", "--db", db, "--rubric", "hengyang-2015", "--json", "--all")
    data = json.loads(out_json)  # counted when asked, and marked
    assert data["conflicts"] == [] and next(a for a in data["assessees"] if a["assessee"] == "常宁市")["draft"] is True


def test_an_unfinished_inspection_reads_as_provisional_in_the_workbook(few, tmp_path, capsys):
    from decimal import Decimal

    from hengyang_data import answers_for, hengyang

    from fieldcheck.ops.importing import add_inspection_from_answers

    db = few
    with Store.open(db, device="t", backup_on_close=False) as store:
        answers = answers_for(hengyang(), "常宁市", Decimal(0))
        del answers["2"]
        inspection = add_inspection_from_answers(store, hengyang(), {"name": "常宁市", "group": "县市"}, answers,
                                                 {"inspectors": ["赵六"], "date": "2015-12-21"})
        lock_as_signed(store, inspection, "signed")
    out = tmp_path / "results.xlsx"
    code, _, err = _run(capsys, "results", "--db", db, "--rubric", "hengyang-2015", "--xlsx", out)
    assert code == 0, err
    wb = openpyxl.load_workbook(out)
    ws = wb["汇总"]
    header = [c.value for c in ws[2]]
    row = next(r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] == "常宁市")
    assert row[header.index("等级")] == "暂计(检查未完成,不评定等次)"
    assert row[header.index("状态")] == "已签;未完成,不排名"  # said once
    assert row[header.index("名次")] is None
    assert list(wb["常宁市"].iter_rows(values_only=True))[-1][-1] == "暂计(检查未完成,不评定等次)"


def test_two_townships_villages_of_one_name_are_told_apart_by_their_path(tmp_path, capsys):
    """Each township has a 和平村: the results name them by their path, not twice as 和平村."""
    path = tmp_path / "twins.db"
    with Store.open(path, device="t", backup_on_close=False) as store:
        county = store.places.add("县", "衡阳县")
        for town in ("西渡镇", "台源镇"):
            village = store.places.add("村", "和平村", store.places.add("乡镇", town, county))
            inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=village,
                                                  assessee_name="和平村", inspectors=["李明"], date="2026-11-20")
            lock_as_signed(store, inspection)
    code, out, _ = _run(capsys, "results", "--db", path, "--rubric", "village-work-team", "--json")
    assert code == 0
    assert sorted(r["assessee"] for r in json.loads(out)["assessees"]) == ["衡阳县/台源镇/和平村", "衡阳县/西渡镇/和平村"]
    code, out, _ = _run(capsys, "results", "--db", path, "--rubric", "village-work-team")
    assert "西渡镇/和平村" in out and "台源镇/和平村" in out
    # nothing answered: a rubric without ranking groups still marks the total unfinished, not as if final
    lines = [line for line in out.splitlines() if "和平村" in line]
    assert len(lines) == 2 and all(".00(暂计)" in line and "未完成" in line for line in lines)
    assert _run(capsys, "results", "--db", path, "--rubric", "village-work-team", "--pdf", tmp_path / "r.pdf")[0] == 0
    page = pypdfium2.PdfDocument(str(tmp_path / "r.pdf"))[0].get_textpage().get_text_range()
    assert page.count(".00(暂计)") == 2 and page.count("未完成") == 2
