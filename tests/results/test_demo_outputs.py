"""On the demo county: photo references in the findings sheet, and the PDF chart drawn from the window's layout."""

import subprocess

import openpyxl
import pytest

from fieldcheck.ops.demo import populate
from fieldcheck.results import outcome
from fieldcheck.results.chart import layout
from fieldcheck.results.pdf import losses_chart, write_pdf
from fieldcheck.results.workbook import write_workbook


@pytest.fixture
def results(store):
    populate(store, villages=3, seed=11)
    return outcome.build(store, "village-work-team", include_drafts=True)


def test_findings_sheet_names_the_photos(store, results, tmp_path):
    path = write_workbook(results, store, tmp_path / "demo.xlsx")
    ws = openpyxl.load_workbook(path)["检查发现"]
    header = [c.value for c in ws[2]]
    photos = header.index("照片")
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    stored = {p.sha256[:12] for r in results.rows for f in store.findings.of(r.counted.row.id) for p in store.photos.of(f.id)}
    shown = {cell.split()[0] for row in rows if row[photos] for cell in row[photos].split("、")}
    assert stored and shown == stored
    assert len(rows) == sum(len(store.findings.of(r.counted.row.id)) for r in results.rows)
    summary = openpyxl.load_workbook(path)["汇总"]
    status = [c.value for c in summary[2]].index("状态")
    assert any("草稿" in (row[status] or "") for row in summary.iter_rows(min_row=4, values_only=True))


def test_pdf_chart_is_the_windows_layout(results, tmp_path):
    chart = losses_chart(results)
    assert chart.bars
    text = subprocess.run(["pdftotext", str(write_pdf(results, tmp_path / "d.pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "")
    for label in layout(chart, 700, 220, 9).labels:  # what the window's painter draws, bar for bar
        assert label.text.replace(" ", "") in text


def test_long_texts_wrap_instead_of_being_cut_and_households_are_named(store, results, tmp_path):
    """A 考核内容 wider than its column wraps onto a taller row; a finding names its household by its head."""
    from fieldcheck.results.widths import display_width
    from fieldcheck.results.workbook import MAX_WIDTH

    wb = openpyxl.load_workbook(write_workbook(results, store, tmp_path / "demo.xlsx"))
    ws = wb[results.rows[0].name]
    long = [c for c in ws["B"][2:] if c.value and display_width(c.value) > MAX_WIDTH]
    assert long  # the village rubric has items longer than any column may be
    for cell in long:
        assert ws.column_dimensions["B"].width <= MAX_WIDTH
        assert cell.alignment.wrap_text
        lines = -(-display_width(cell.value) // (ws.column_dimensions["B"].width - 2))
        assert ws.row_dimensions[cell.row].height >= 15 * lines
    findings = wb["检查发现"]
    header = [c.value for c in findings[2]]
    column = header.index("户主")
    named = {row[column] for row in findings.iter_rows(min_row=3, values_only=True) if row[column]}
    heads = {h.head_name for v in store.places.all("村") for h in store.households.of_village(v.id)}
    assert named and named <= heads


def test_findings_tell_two_villages_of_one_name_apart_and_values_read_as_words(store, tmp_path):
    """Two townships each have a 和平村; a 宣传方式 answer is 选:宣传栏、宣传页, not a Python dict."""
    from sheetkit import RUBRIC, answer, lock_as_signed

    county = store.places.add("县", "衡阳县")
    for town, note in (("甲镇", "家庭人口栏漏填"), ("乙镇", "帮扶人未签字")):
        village = store.places.add("村", "和平村", store.places.add("乡镇", town, county))
        inspection = store.inspections.create(RUBRIC, assessee_id=village, assessee_name="", inspectors=["张三"],
                                              date="2026-10-12")
        store.findings.add_many(inspection, [{"item_id": "2.1.1", "note": note, "entered_by": "张三"},
                                             {"item_id": "2.3.2", "value": {"selected": ["宣传栏", "宣传页"]},
                                              "entered_by": "张三"}])
        for item in RUBRIC.items():
            if item.id not in ("2.1.1", "2.3.2"):
                answer(store, inspection, item)
        lock_as_signed(store, inspection)
    wb = openpyxl.load_workbook(write_workbook(outcome.build(store, RUBRIC.id), store, tmp_path / "twins.xlsx"))
    rows = list(wb["检查发现"].iter_rows(min_row=3, values_only=True))
    notes = {(row[0], row[4]) for row in rows if row[4]}
    assert notes == {("衡阳县/甲镇/和平村", "家庭人口栏漏填"), ("衡阳县/乙镇/和平村", "帮扶人未签字")}
    assert {row[3] for row in rows if row[1] == "2.3.2"} == {"选:宣传栏、宣传页"}
    # each village's sheet is named by its path too, not 和平村 and 和平村_2
    captions = {wb[name]["A1"].value.split(" ")[0] for name in ("衡阳县_甲镇_和平村", "衡阳县_乙镇_和平村")}
    sheet = wb["衡阳县_甲镇_和平村"]  # its 合计 row is out of the filter: sorting the items leaves it last
    assert sheet.cell(sheet.max_row, 1).value == "合计"
    assert sheet.auto_filter.ref.endswith(str(sheet.max_row - 1))
    assert captions == {"衡阳县/甲镇/和平村", "衡阳县/乙镇/和平村"}
