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
