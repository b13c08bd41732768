"""The results window, driven through the main window's menu action on a real database."""

import threading

import openpyxl
import pytest
from hengyang_data import add_unit, install_spread_bands

from fieldcheck.gui.app import open_settings
from fieldcheck.gui.qt import QtWidgets
from fieldcheck.results import outcome

WAIT = 60_000  # ms: a limit for a hung worker, not a speed the test asks for

UNITS = {"衡阳县": 95, "衡南县": 93, "衡山县": 89, "衡东县": 89, "祁东县": 87, "耒阳市": 85, "常宁市": 78,
         "珠晖区": 96, "雁峰区": 94, "石鼓区": 90, "蒸湘区": 86, "南岳区": 82}


def _window(qtbot, store, tmp_path, drafts=()):
    """The main window with the 12 units (those in ``drafts`` left unsigned) and its results view on 衡阳's rubric."""
    from fieldcheck.gui.window.main_window import MainWindow

    for name, total in UNITS.items():
        add_unit(store, name, total, veto=name == "珠晖区", status="draft" if name in drafts else "signed")
    window = MainWindow(store, open_settings(tmp_path))
    qtbot.addWidget(window)
    window.results_action.trigger()
    view = window.results_view
    with qtbot.waitSignal(view.shown, timeout=WAIT):
        view.select_rubric("hengyang-2015")
    return window, view


def test_results_view_ranks_with_quotas_ties_and_vetoes(qtbot, store, tmp_path):
    window, view = _window(qtbot, store, tmp_path)
    assert view.isVisible()
    table = view.table
    rows = {table.item(r, 1).text(): [table.item(r, c).text() for c in range(8)] for r in range(table.rowCount())}
    assert len(rows) == 12
    assert rows["衡阳县"][0] == "1" and rows["衡阳县"][6] == "一类"
    assert rows["衡山县"][0] == rows["衡东县"][0] == "3" and rows["衡山县"][6] == ""  # a tie on the 一类 line
    assert rows["常宁市"][4] == "不合格" and rows["常宁市"][6] == "二类"
    assert rows["珠晖区"][0] == "" and "违规违纪" in rows["珠晖区"][7]
    assert rows["雁峰区"][0] == "1" and rows["石鼓区"][6] == "一类"  # the veto frees a 一类 place
    notes = view.notes.text()
    assert "衡东县" in notes and "衡山县" in notes and "优秀" not in notes  # 衡阳's rules have no bands
    assert table.isColumnHidden(5) and not table.isColumnHidden(6)  # no empty 档次 column
    window.close()


def test_a_group_waiting_for_a_member_reads_provisional_and_each_row_tells_its_rule(qtbot, store, tmp_path, chinese):
    """常宁市 left a draft: the 县市 group's places are not final (暂定), the 区 group's are; the tooltip of a
    row is the rule that placed it."""
    window, view = _window(qtbot, store, tmp_path, drafts=("常宁市",))
    table = view.table
    rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
    assert table.item(rows["衡阳县"], 6).text() == "一类(暂定)" and table.item(rows["雁峰区"], 6).text() == "一类"
    assert "本组排名暂定(常宁市没有计入的检查)" in view.notes.text()
    assert table.item(rows["衡阳县"], 1).toolTip().startswith("县市组第 1 名,一类为第 1–3 名(一类 3 名)")
    assert table.item(rows["石鼓区"], 4).toolTip() == "区组第 2 名,一类为第 1–2 名(一类 2 名);珠晖区取消排序资格,名额按其余单位排"
    window.close()


def test_results_view_shows_the_band_edges_a_county_configured(qtbot, store, tmp_path, monkeypatch):
    install_spread_bands(tmp_path / "county-rubrics", monkeypatch)
    window, view = _window(qtbot, store, tmp_path)
    notes = view.notes.text()
    assert "优秀 ≥" in notes and "勉励 <" in notes
    assert not view.table.isColumnHidden(5) and view.table.item(0, 5).text() in ("优秀", "良好", "一般", "勉励")
    window.close()


def test_losses_tab_table_and_chart_draw_the_same_numbers(qtbot, store, tmp_path):
    window, view = _window(qtbot, store, tmp_path)
    view.tabs.setCurrentIndex(1)
    view.resize(1000, 700)
    qtbot.waitExposed(view)
    assert view.loss_table.rowCount() >= 1
    first = view.loss_table.item(0, 0).text()
    assert first.startswith("2 ")  # item 2 lost the most: every unit lost points there
    drawing = view.chart.drawing()
    bar_labels = [label.text for label in drawing.labels if label.align == "right"]
    assert bar_labels[0].startswith("2 ")
    lost = float(view.loss_table.item(0, 1).text())
    assert any(label.text.startswith(f"{lost:.2f}".rstrip("0").rstrip(".")) for label in drawing.labels)
    image = view.chart.grab().toImage()
    assert not image.isNull() and image.width() > 100
    window.close()


def test_exports_from_the_window(qtbot, store, tmp_path):
    window, view = _window(qtbot, store, tmp_path)
    xlsx = view.export_workbook(str(tmp_path / "r.xlsx"))
    pdf = view.export_pdf(str(tmp_path / "r.pdf"))
    assert openpyxl.load_workbook(xlsx)["汇总"]["A2"].value == "单位"
    assert open(pdf, "rb").read(5) == b"%PDF-"
    window.close()


def test_an_export_that_cannot_be_written_is_said_in_a_message_box(qtbot, store, tmp_path, monkeypatch):
    window, view = _window(qtbot, store, tmp_path)
    said = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda parent, title, text: said.append((title, text)))
    missing = tmp_path / "pulled-out-stick" / "r.xlsx"
    assert view.export_workbook(str(missing)) is None and view.export_pdf(str(tmp_path / "nope" / "r.pdf")) is None
    assert [title for title, _ in said] == ["Not saved", "Not saved"]
    assert str(missing.parent) in said[0][1] and ("不存在" in said[0][1] or "does not exist" in said[0][1])
    assert not missing.parent.exists()
    window.close()


def _view(qtbot, store, rubric):
    """The results view alone, on ``rubric``, once it has shown its answer."""
    from fieldcheck.gui.results.results_view import ResultsView

    view = ResultsView(store)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.shown, timeout=WAIT):
        view.select_rubric(rubric)
    return view


def test_a_database_with_nothing_signed_says_so(qtbot, tmp_path, store, chinese):
    view = _view(qtbot, store, "hengyang-2015")
    # what to do, in the window's words: its tick box, not the command line's --all
    said = view.notes.text()
    assert view.table.rowCount() == 0 and "--all" not in said and f"“{view.drafts_box.text()}”" in said
    assert not view.xlsx_button.isEnabled()
    with qtbot.waitSignal(view.shown, timeout=WAIT):
        view.drafts_box.setChecked(True)  # still nothing: no inspection of the rubric at all
    assert view.table.rowCount() == 0 and "新建" in view.notes.text() and view.drafts_box.text() not in view.notes.text()
    assert isinstance(view.tabs, QtWidgets.QTabWidget)



@pytest.fixture
def gate(monkeypatch):
    held = Gate(monkeypatch)
    yield held
    held.open.set()  # never leave a pool thread waiting, whatever the test did


class Gate:
    """``outcome.build`` held on its pool thread until the test opens the gate (the first call only)."""

    def __init__(self, monkeypatch):
        self.open = threading.Event()
        self.calls = 0
        real = outcome.build

        def build(*args, **kwargs):
            self.calls += 1
            if self.calls == 1:
                assert self.open.wait(WAIT / 1000)
            return real(*args, **kwargs)

        monkeypatch.setattr(outcome, "build", build)


def test_results_are_computed_off_the_window_thread_and_the_view_stays_usable(qtbot, store, gate, chinese):
    from fieldcheck.gui.results.results_view import ResultsView

    for name, total in UNITS.items():
        add_unit(store, name, total)
    view = ResultsView(store)
    qtbot.addWidget(view)
    view.show()
    view.select_rubric("hengyang-2015")
    qtbot.waitUntil(lambda: gate.calls == 1, timeout=WAIT)  # the build is running, held, on the pool thread
    assert view.busy.isVisible() and "正在计算" in view.state.text()
    assert view.table.rowCount() == 0 and not view.xlsx_button.isEnabled()
    view.tabs.setCurrentIndex(1)  # the window answers meanwhile
    assert view.tabs.currentIndex() == 1 and view.rubric_box.isEnabled()
    with qtbot.waitSignal(view.shown, timeout=WAIT):
        gate.open.set()
    assert view.table.rowCount() == 12 and not view.busy.isVisible() and not view.state.isVisible()
    assert view.xlsx_button.isEnabled()


def test_a_stale_result_never_paints_over_a_newer_one(qtbot, store, gate):
    from fieldcheck.gui.results.results_view import ResultsView

    for name, total in UNITS.items():
        add_unit(store, name, total)
    view = ResultsView(store)
    qtbot.addWidget(view)
    view.select_rubric("hengyang-2015")  # held: 12 units, slow
    qtbot.waitUntil(lambda: gate.calls == 1, timeout=WAIT)
    with qtbot.waitSignal(view.shown, timeout=WAIT):
        view.select_rubric("village-work-team")  # newer, and quick: nothing signed under it
    newer = view.notes.text()
    assert newer and view.table.rowCount() == 0 and view.rubric_box.currentData() == "village-work-team"
    with qtbot.waitSignal(view.jobs.dropped, timeout=WAIT) as dropped:
        gate.open.set()  # the older answer (12 ranked units) arrives now
    assert dropped.args == [1]
    assert view.table.rowCount() == 0 and view.notes.text() == newer
    assert view.rubric_box.currentData() == "village-work-team"


def test_an_english_window_exports_chinese_and_names_a_unit_with_drafts_only(qtbot, store, tmp_path, language):
    """The county's workbook and PDF are Chinese whatever the window shows; a draft-only unit is said, not dropped."""
    import subprocess

    language("en")
    window, view = _window(qtbot, store, tmp_path, drafts=("常宁市",))
    names = {view.table.item(r, 1).text() for r in range(view.table.rowCount())}
    assert "常宁市" not in names and "常宁市: drafts only, no signed inspection: not counted" in view.notes.text()
    wb = openpyxl.load_workbook(view.export_workbook(str(tmp_path / "r.xlsx")))
    explained = [row[6] for row in wb["衡阳县"].iter_rows(min_row=3, values_only=True) if row[6]]
    assert any("目标" in text for text in explained) and not any("target" in text for text in explained)
    notes = [row for row in wb["排名说明"].iter_rows(min_row=3, values_only=True)]
    assert any(row[0] == "常宁市" and "只有草稿" in row[2] for row in notes)
    text = subprocess.run(["pdftotext", view.export_pdf(str(tmp_path / "r.pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "考核结果" in text and "常宁市:只有草稿" in text.replace(" ", "")
    window.close()


def test_an_unfinished_total_reads_provisional_where_no_ranking_note_says_so(qtbot, store, chinese):
    """The 考核细则 has no ranking groups, so no note said 未完成: the total looked final."""
    from sheetkit import finished_inspection, lock_as_signed

    lock_as_signed(store, finished_inspection(store, finish=False))
    lock_as_signed(store, finished_inspection(store, village_name="桃花村"))
    view = _view(qtbot, store, "village-work-team")
    rows = {view.table.item(r, 1).text(): [view.table.item(r, c).text() for c in range(8)]
            for r in range(view.table.rowCount())}
    assert rows["梅花村"][3].endswith("(暂计)") and "未完成" in rows["梅花村"][7]
    assert "暂计" not in rows["桃花村"][3] and "未完成" not in rows["桃花村"][7]


def test_results_open_on_the_selected_inspections_rubric(qtbot, store, tmp_path):
    """A leader with only village inspections opens 结果 from the list: the village rubric's results, not an empty
    table for the catalogue's first rubric."""
    from fieldcheck.engine import catalog
    from fieldcheck.gui.window.main_window import MainWindow

    village = store.places.add("村", "梅花村", store.places.add("乡镇", "西渡镇", store.places.add("县", "衡阳县")))
    store.inspections.create(catalog.find("village-work-team"), assessee_id=village, assessee_name="梅花村",
                             inspectors=["张三"], date="2026-11-20")
    window = MainWindow(store, open_settings(tmp_path))
    qtbot.addWidget(window)
    window.list_page.refresh()
    qtbot.waitUntil(lambda: window.list_page.model.rowCount() == 1, timeout=WAIT)
    window.list_page.ui.table.selectRow(0)
    assert catalog.installed()[0].id != "village-work-team"  # else this test proves nothing
    window.results_action.trigger()
    assert window.results_view.rubric_box.currentData() == "village-work-team"
