"""The leader's windows under a hurried leader's input: what they see stays readable, what is stored stays whole."""

from __future__ import annotations

import pytest
from leaderkit import three_inspectors

from fieldcheck.gui.leader.conflicts_view import ConflictsView
from fieldcheck.gui.qt import QtWidgets


@pytest.fixture
def team(tmp_path):
    made = three_inspectors(tmp_path)
    yield made
    made.close()


@pytest.fixture
def merged(team):
    """The leader's database with the three bundles in it: two conflicts open."""
    for bundle in team.bundles:
        team.take("L", bundle)
    return team.store("L")


def _select(table, text):
    row = next(r for r in range(table.rowCount())
               if any(text in (table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())))
    table.selectRow(row)


def test_the_undo_line_names_the_field_in_chinese_not_its_code(qtbot, merged, chinese):
    view = ConflictsView(merged)
    qtbot.add_widget(view)
    _select(view.list, "2.5.4")
    view.value.setText("true")
    view.value_button.click()
    assert "结论" in view.last.text() and "value" not in view.last.text()
    view.undo_button.click()
    assert view.message.text().startswith("已撤销") and "value" not in view.message.text()
    assert view.list.rowCount() == 2


@pytest.mark.parametrize("letter", ["x", "理"])
def test_a_reason_of_ten_thousand_characters_is_kept_whole_and_the_view_still_fits_the_screen(qtbot, merged, chinese,
                                                                                               letter):
    view = ConflictsView(merged)
    qtbot.add_widget(view)
    view.show()
    _select(view.list, "2.5.4")
    view.sides.selectRow(0)
    view.reason.setText(letter * 10_000)
    view.keep_button.click()
    assert view.list.rowCount() == 1 and view.message.text().startswith("已决定")
    assert merged.decisions.last().reason == letter * 10_000  # stored as typed
    QtWidgets.QApplication.processEvents()  # the layout takes the new label in
    hint = view.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert view.width() <= 1366 and view.last.heightForWidth(view.last.width()) <= 3 * view.fontMetrics().height()
    assert view.last.text().endswith("…")
