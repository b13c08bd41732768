"""A search keystroke in the inspections list paints the rows once, whether they fit or scroll; the place filter."""

from __future__ import annotations

import pytest

from fieldcheck.engine import catalog
from fieldcheck.gui.inspections.inspection_list import InspectionListPage
from fieldcheck.gui.qt import QtCore

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Paints(QtCore.QObject):
    """Counts the paint events a widget receives."""

    count = 0

    def eventFilter(self, watched, event):
        if event.type() == QtCore.QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.fixture
def page(qtbot, store):
    rubric = catalog.find("village-work-team")
    town = store.places.add("乡镇", "杉山乡", store.places.add("县", "荷坪县"))
    for n in range(40):  # more rows than the page shows: the scroll bar is on
        name = "梅花村" if n == 0 else f"第{n}村"
        village = store.places.add("村", name, town)
        store.inspections.create(rubric, assessee_id=village, assessee_name=name, inspectors=["张三"],
                                 date=f"2026-10-{n % 28 + 1:02d}")
    widget = InspectionListPage(store)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_and_count(qtbot, page, text: str, rows: int) -> int:
    paints = Paints()
    page.ui.table.viewport().installEventFilter(paints)
    page.ui.searchEdit.setText(text)
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=2000)
    qtbot.wait(100)  # let any later paint arrive before counting
    page.ui.table.viewport().removeEventFilter(paints)
    return paints.count


def test_a_keystroke_paints_the_rows_once_whether_they_fit_or_scroll(qtbot, page):
    bar = page.ui.table.verticalScrollBar()
    width = page.ui.table.viewport().width()
    assert bar.isVisible() and bar.maximum() > 0
    assert type_and_count(qtbot, page, "梅花", 1) == 1
    # one row fits: the bar stays, with nothing to scroll, so the rows keep their width
    assert bar.isVisible() and bar.maximum() == 0
    assert page.ui.table.viewport().width() == width
    assert type_and_count(qtbot, page, "", 40) == 1
    assert bar.maximum() > 0


def test_the_place_filter_lists_every_place_by_id_and_is_as_wide_as_its_longest_name(qtbot, page):
    combo = page.ui.placeCombo
    qtbot.waitUntil(lambda: combo.count() > 1)  # the roster is read once the rows are painted
    assert combo.itemText(0) == "All places" and page.place_id() is None
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).strip() == "梅花村"))
    assert page.model.rowCount() == 1
    assert page.place_id() is not None
    page.reload_places()  # the roster read again keeps the chosen place
    assert combo.currentText().strip() == "梅花村"
    assert combo.minimumContentsLength() == len("　　梅花村") * 2
