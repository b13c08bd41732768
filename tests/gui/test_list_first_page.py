"""The list starts on a first page of ids and the count, and reads every id when one past the page is needed."""

from __future__ import annotations

import pytest

from fieldcheck.engine import catalog
from fieldcheck.gui.inspections.inspection_list import InspectionListPage
from fieldcheck.gui.inspections.inspection_model import PAGE, FirstPage
from fieldcheck.gui.qt import Qt

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MORE = PAGE + 25  # more inspections than the first page holds


@pytest.fixture
def listed(store):
    rubric = catalog.find("village-work-team")
    for n in range(MORE):
        store.inspections.create(rubric, assessee_id=None, assessee_name=f"单位{n:03d}", inspectors=["张三"],
                                 date=f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}")
    return store.inspections.ids()


def test_the_scroll_bar_counts_every_inspection_and_the_last_row_is_the_oldest(qtbot, store, listed):
    page = InspectionListPage(store)
    qtbot.addWidget(page)
    assert isinstance(page.model.ids, FirstPage)  # only a page read so far
    assert page.model.rowCount() == MORE
    assert str(MORE) in page.ui.countLabel.text()
    last = page.model.index(MORE - 1, 0)
    assert last.data(Qt.ItemDataRole.UserRole) == listed[-1]
    assert last.data() == store.inspections.get(listed[-1]).assessee_name
    assert list(page.model.ids) == listed


def test_every_id_is_read_once_the_rows_are_painted(qtbot, store, listed):
    page = InspectionListPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: type(page.model.ids) is list)
    assert page.model.ids == listed
    assert page.model.rowCount() == MORE


def test_sorting_and_selecting_reach_past_the_first_page(qtbot, store, listed):
    page = InspectionListPage(store)
    qtbot.addWidget(page)
    assert page.select(listed[-1])  # past the page: every id is read to find its row
    assert page.selected_id() == listed[-1]
    page.ui.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [page.model.index(row, 0).data() for row in range(page.model.rowCount())]
    assert shown == sorted(f"单位{n:03d}" for n in range(MORE))
