"""The score sheet as a reader sees it: pdftotext of real PDFs, in Chinese whatever the window language."""

from __future__ import annotations

import random
import re
import subprocess
from decimal import Decimal

from sheetkit import finished_inspection, signers

from fieldcheck.ops import signing
from fieldcheck.ops.demo import make_photo
from fieldcheck.reports import sheet
from fieldcheck.signing import canonical
from fieldcheck.signing.content import gather
from fieldcheck.signing.keys import DeviceKey


def pages_text(data: bytes, tmp_path) -> list[str]:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def squash(text: str) -> str:
    """pdftotext puts spaces between some Chinese characters and drops others: compare without any."""
    return re.sub(r"\s+", "", text)


def test_a_draft_is_marked_on_every_page_and_has_blank_signature_lines(store, tmp_path, language):
    language("en")  # the window in English: the sheet stays Chinese
    inspection = finished_inspection(store, photos=1)
    pages = pages_text(signing.sheet_pdf(store, inspection), tmp_path)
    assert len(pages) >= 3
    code = sheet.short_code(canonical.content_hash(gather(store, inspection)), 1)
    for number, page in enumerate(pages, 1):
        assert "草稿" in page
        assert f"第{number}页共{len(pages)}页" in squash(page) and code in page
    whole = "".join(pages)
    whole = squash(whole)
    assert "签字(草稿:未签字)" in whole and "检查组组长" in whole and "被检查单位负责人" in whole
    assert "扣分依据" in whole and "评分标准" in whole and "附件:照片证据" in whole
    assert "Inspection" not in whole and "deduction" not in whole


def test_the_table_repeats_its_header_on_every_page_it_spans(store, tmp_path):
    inspection = finished_inspection(store, photos=0)
    pages = pages_text(signing.sheet_pdf(store, inspection), tmp_path)
    table_pages = [p for p in pages if re.search(r"^\s*\d+(\.\d+)+\s", p, re.M)]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert re.search(r"序号\s+考核内容\s+评分标准", page)


def test_the_header_is_at_the_top_of_a_page_never_in_the_middle(store, tmp_path):
    # 30 findings make 2.1.1's basis taller than what is left of page 1: it is split inside the
    # row, on page 1, not moved below a second header half-way down the page
    inspection = finished_inspection(store, photos=0, handbook_errors=30)
    pages = pages_text(signing.sheet_pdf(store, inspection), tmp_path)
    table_pages = [p for p in pages if re.search(r"^\s*\d+(\.\d+)+\s", p, re.M)]
    assert len(table_pages) >= 2
    for page in table_pages:
        assert len(re.findall(r"序号\s+考核内容\s+评分标准", page)) == 1
    first = table_pages[0]
    assert first.index("评分标准") < first.index("2.1.1") and "(21)" in first  # the row's top half on page 1


def test_a_pooled_section_adds_up_and_prints_its_cap(store):
    inspection = finished_inspection(store, photos=0, handbook_errors=16)  # 16 × 2 = 32 asked of 2.1's 30
    content = gather(store, inspection)
    rows = content.rows
    subtotal = next(r for r in rows if r.kind == "subtotal" and r.number == "2.1")
    assert "本节扣分 32,按 30 分封顶" in subtotal.content
    assert (subtotal.deduction, subtotal.score) == ("30", "0")
    # every section: its children's deductions (items, and subsections' 小计) add up to what the 小计 asked for
    for k, row in enumerate(rows):
        if row.kind != "subtotal":
            continue
        start = next(j for j in range(k, -1, -1) if rows[j].kind == "section" and rows[j].number == row.number)
        children = [r for r in rows[start + 1:k] if r.level == row.level + 1 and r.kind in ("item", "subtotal")]
        if "加分" in row.content:
            continue
        asked = sum((Decimal(r.deduction or "0") for r in children), Decimal(0))
        printed = Decimal(re.search(r"本节扣分 ([\d.]+)", row.content).group(1))
        assert asked == printed, row.content
        assert Decimal(row.deduction) == min(printed, Decimal(row.points))
        assert Decimal(row.score) == Decimal(row.points) - Decimal(row.deduction)


def test_the_basis_names_each_finding_its_household_and_photos(store):
    inspection = finished_inspection(store, photos=2, handbook_errors=3)
    row = next(r for r in gather(store, inspection).rows if r.number == "2.1.1")
    lines = row.basis.splitlines()
    assert "×" in lines[0]  # the engine's explanation, in Chinese
    assert lines[1].startswith("①王建国户(") and "家庭人口栏漏填" in lines[1] and lines[1].endswith("照片 1")
    assert lines[2].startswith("②李秀英户") and lines[2].endswith("照片 2")
    assert "1234" in lines[1] and "199001" not in lines[1]  # the masked id only


def test_an_unfinished_inspection_prints_a_provisional_total_and_no_grade(store, tmp_path):
    inspection = finished_inspection(store, photos=0, finish=False)
    content = gather(store, inspection)
    assert not content.complete and content.grade.startswith("暂计")
    whole = "".join(pages_text(signing.sheet_pdf(store, inspection), tmp_path))
    whole = squash(whole)
    assert "总分(暂计)" in whole and "不评定等次" in whole and "已检查" in whole


def test_photos_are_shrunk_and_image_streams_are_binary(store, tmp_path):
    inspection = finished_inspection(store, photos=0, handbook_errors=2)
    finding = store.findings.of(inspection, "2.1.1")[0]
    rng = random.Random(5)
    for _ in range(2):
        store.photos.add(finding.id, make_photo(rng, size=(4000, 3000), gps=(26.9, 112.6)))
    originals = sum(store.photos.path(p.sha256).stat().st_size for p in store.photos.of(finding.id))
    data = signing.sheet_pdf(store, inspection)
    assert b"/ASCII85Decode" not in data and b"/DCTDecode" in data
    assert len(data) < 600_000 and originals > 0
    whole = "".join(pages_text(data, tmp_path))
    assert "照片2:2.1.1" in squash(whole) and "26.90000,112.60000" in squash(whole)


def test_the_signed_sheet_shows_the_signers_and_the_key(store, tmp_path):
    key = DeviceKey.load_or_create("laptop1", tmp_path / "keys")
    inspection = finished_inspection(store, photos=0, handbook_errors=2)
    signing.sign_inspection(store, inspection, signers(), key)
    pages = pages_text(signing.sheet_pdf(store, inspection, key), tmp_path)
    whole = "".join(pages)
    assert "草稿" not in whole
    for name in ("张三", "李四", "王村长"):
        assert name in whole
    assert f"密钥:{key.key_id}" in squash(whole) and "设备:laptop1" in squash(whole)


def test_the_readings_the_score_used_are_printed(store, tmp_path):
    from fieldcheck.ops.scores import score_inspection

    inspection = finished_inspection(store, photos=0, handbook_errors=1)
    readings = score_inspection(store, inspection).readings
    assert {r.id for r in readings} >= {"pool-by-section", "no-grade-bands"}
    whole = squash("".join(pages_text(signing.sheet_pdf(store, inspection), tmp_path)))
    assert "计分口径" in whole
    for reading in readings:
        assert squash(reading.text.render("zh")) in whole


def test_the_sheet_prints_the_other_ways_named_on_an_open_list(store):
    inspection = finished_inspection(store, photos=0)
    store.findings.set_value(inspection, "2.3.2", {"selected": ["宣传栏"], "other": ["广播", "微信群"]})
    row = next(r for r in gather(store, inspection).rows if r.number == "2.3.2")
    assert "选:宣传栏、其他:广播、微信群" in row.basis
    assert row.score == "5"  # three ways: met


def test_the_sheet_prints_the_rounding_note_and_does_not_call_a_park_ungraded_by_the_rubric(store):
    """Issue 8: when whole steps would change the grade the result says so, and so must the signed sheet;
    a park of 附2 is not graded, although the 考评表 has grades."""
    from fieldcheck.engine import catalog
    from fieldcheck.ops.importing import add_inspection_from_answers

    hengyang = catalog.find("hengyang-2015")
    near_80 = {"1.1": 12.3, "1.2": True, "2": {"到人": 15000, "到户": 1400}, "3.1": 3500, "3.2": 15.5, "4": 55,
               "5.1": True, "5.2": True, "5.3": True, "6.1": 61, "6.2": {"actual": 40, "target": 50},
               "6.3": [30] * 61, "7.1": 250, "7.2": True, "8": 1150, "9.1": 170, "9.2": True, "10": 97,
               "veto": False}
    county = gather(store, add_inspection_from_answers(store, hengyang, {"name": "衡阳县"}, near_80))
    assert (county.total, county.grade) == ("80.12", "合格")
    assert "注意:若不足一步按一步扣,总分为 77.7,等级为「不合格」;本结果按比例计 80.12" in county.notes
    park_answers = {"1.1": 15.5, "1.2": True, "5.1": True, "5.2": True, "5.3": True,
                    "6.2": {"actual": 10, "target": 10}, "7.2": True, "9.2": True, "10": 100, "veto": False}
    park = gather(store, add_inspection_from_answers(store, hengyang, {"name": "白沙工业园"}, park_answers))
    assert park.complete and park.grade != "细则未规定等次"
    assert "本单位只按目标表给出目标的项目计分,不评等级" in park.notes


def test_an_answer_given_with_its_target_prints_in_chinese(store):
    # 衡阳 6.2 has no target column: the answer brings its own ({"actual", "target"}, or count and shortfall)
    from fieldcheck.engine import catalog

    county = store.places.add("县市区", "常宁市", group="县市")
    inspection = store.inspections.create(catalog.find("hengyang-2015"), assessee_id=county, assessee_name="常宁市",
                                          inspectors=["张三"], date="2026-10-26", assessee_group="县市")
    store.findings.add(inspection, "6.2", value={"actual": 90, "target": 100})
    store.findings.add(inspection, "6.3", value={"count": 4, "shortfall": 12.5})
    rows = {r.number: r for r in gather(store, inspection).rows}
    assert "实际 90;目标 100(录入" in rows["6.2"].basis and "个数 4;差额 12.5(录入" in rows["6.3"].basis
    assert not re.search("actual|target|count|shortfall", rows["6.2"].basis + rows["6.3"].basis)


def test_an_unnumbered_line_prints_no_number(store):
    # 衡阳's veto is a note under the table, not a numbered row: its rubric id "veto" is no 序号
    from fieldcheck.engine import catalog

    county = store.places.add("县市区", "常宁市", group="县市")
    inspection = store.inspections.create(catalog.find("hengyang-2015"), assessee_id=county, assessee_name="常宁市",
                                          inspectors=["张三"], date="2026-10-26", assessee_group="县市")
    rows = gather(store, inspection).rows
    veto = next(r for r in rows if r.content.startswith("对违规违纪使用扶贫资金"))
    assert veto.number == ""
    assert [r.number for r in rows if r.kind == "item"][:3] == ["1.1", "1.2", "2"]


def test_two_items_the_text_gives_one_clause_are_told_apart_by_their_titles(store, tmp_path):
    # "市、县督查考评排名靠前的分别加4分" is 4.2 and 4.3; "顺利完成当年的贫困村出列(贫困村)和户脱贫任务" is 2.6.1
    # and 2.6.2. The verbatim clause alone printed two rows alike: which bonus was earned could not be read.
    inspection = finished_inspection(store, photos=0, handbook_errors=1)
    store.findings.set_value(inspection, "4.3", True)
    rows = {r.number: r for r in gather(store, inspection).rows}
    assert rows["4.2"].content == "市督查考评排名靠前:市、县督查考评排名靠前的"
    assert rows["4.3"].content == "县督查考评排名靠前:市、县督查考评排名靠前的" and rows["4.3"].score == "+4"
    assert rows["2.6.1"].content.startswith("贫困村出列:") and rows["2.6.2"].content.startswith("贫困户脱贫:")
    assert rows["4.1"].content == "扶贫工作中先进做法被广泛宣传,被媒体报道,国检、省检、第三方评估排名靠前的"  # its own
    whole = squash("".join(pages_text(signing.sheet_pdf(store, inspection), tmp_path)))
    assert "县督查考评排名靠前:市、县督" in whole  # the cell wraps after 督


def test_a_finding_line_counts_in_the_items_own_word(store):
    # "发现一次无故缺席扣5分", "一户不得脱贫扣10分", 1.3's meetings missed: the basis said "2;" and "发现一处"
    inspection = finished_inspection(store, photos=0, handbook_errors=1)
    store.findings.add(inspection, "3.4.1", value=2)
    store.findings.add(inspection, "2.6.2", value=1)
    store.findings.add(inspection, "1.3", value=None)
    store.findings.add(inspection, "3.5.1", value=None, note="")
    rows = {r.number: r for r in gather(store, inspection).rows}
    assert "①2 次(录入" in rows["3.4.1"].basis and "发现 2 次 × 5 分 = 扣 10 分" in rows["3.4.1"].basis
    assert "①1 户(录入" in rows["2.6.2"].basis and "发现 1 户 × 10 分 = 扣 10 分" in rows["2.6.2"].basis
    assert "①缺少一项" in rows["1.3"].basis and "发现一处" not in rows["1.3"].basis
    assert "①发现一例" in rows["3.5.1"].basis
