"""First impressions: the rubric and assessees a new inspection offers, who I am and which laptop,
full-width digits, and Qt's own Chinese (file dialogs) loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldcheck.engine import catalog
from fieldcheck.gui.app import open_settings
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.gui.widgets.numbers import DecimalBox, WholeNumberBox
from fieldcheck.gui.window.main_window import MainWindow
from fieldcheck.gui.window.settings_dialog import SettingsDialog
from fieldcheck.ops.places import village_at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def places(store):
    village_at(store, "衡阳县/西渡镇/梅花村")
    store.places.add("县市区", "珠晖区", group="区")


def labels(dialog) -> list[str]:
    combo = dialog.ui.assesseeCombo
    return [combo.itemText(n) for n in range(combo.count())]


def test_new_inspection_offers_the_village_rubric_and_only_what_a_rubric_scores(qtbot, store, places, tmp_path):
    dialog = NewInspectionDialog(store, open_settings(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.rubric().id == "village-work-team"  # nothing used yet: the everyday case
    assert labels(dialog) == ["衡阳县/西渡镇/梅花村"]  # villages only: not the county, not a 区
    dialog.ui.rubricCombo.setCurrentIndex(dialog.ui.rubricCombo.findData("hengyang-2015"))
    assert "珠晖区" in labels(dialog) and not any("梅花村" in t for t in labels(dialog))


def test_my_name_and_the_laptops_name(qtbot, store, tmp_path):
    settings = open_settings(tmp_path)
    dialog = SettingsDialog(settings, data_dir=tmp_path, db_path=store.path)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText(" 王  芳 ")
    dialog.device_edit.setText("县扶贫办 2 号机")
    dialog.accept()
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    assert window.location_label.text() == "王 芳 · 县扶贫办 2 号机"
    assert store.device in window.location_label.toolTip()
    village = village_at(store, "衡阳县/西渡镇/梅花村")
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=village, assessee_name="",
                                          inspectors=["王 芳"], date="2026-11-22")
    assert store.audit.entries(inspection)[-1].who == "王 芳"
    new = NewInspectionDialog(store, settings)
    qtbot.addWidget(new)
    assert new.ui.inspectorsEdit.text() == "王 芳"


def test_an_unnamed_laptop_says_where_to_name_it(qtbot, store, tmp_path):
    window = MainWindow(store, open_settings(tmp_path))
    qtbot.addWidget(window)
    assert store.device in window.location_label.text() and "Settings" in window.location_label.text()


@pytest.mark.parametrize("typed, value", [("２９", 29), ("１２", 12)])
def test_full_width_digits_in_a_whole_number_box(qtbot, typed, value):
    box = WholeNumberBox()
    qtbot.addWidget(box)
    box.setRange(0, 100)
    box.lineEdit().setText(typed)
    box.interpretText()
    assert box.value() == value


def test_full_width_digits_in_a_decimal_box(qtbot):
    box = DecimalBox()
    qtbot.addWidget(box)
    box.setRange(0, 100)
    box.lineEdit().setText("２９．５")
    box.interpretText()
    assert box.value() == 29.5


def test_qts_own_chinese_is_there_for_file_dialogs():
    folder = Path(QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()
    translator = QtCore.QTranslator()
    assert translator.load(str(folder / "qtbase_zh_CN.qm"))
    # the file dialog's own words come from it
    assert translator.translate("QFileDialog", "&Open") not in ("", "&Open")
    assert isinstance(QtWidgets.QFileDialog, type)


def test_no_raw_ids_in_the_tree_and_no_households_for_a_county(qtbot, store):
    from walkkit import show_view
    place = store.places.add("县市区", "珠晖区", group="区")
    inspection = store.inspections.create(catalog.find("hengyang-2015"), assessee_id=place, assessee_name="",
                                          inspectors=["甲"], date="2026-11-22")
    view = show_view(qtbot, store, inspection, activate=False)
    texts = []
    stack = [view.tree.topLevelItem(n) for n in range(view.tree.topLevelItemCount())]
    while stack:
        row = stack.pop()
        texts.append(row.text(0))
        stack += [row.child(n) for n in range(row.childCount())]
    assert "违规违纪使用扶贫资金" in texts and not any("veto" in t for t in texts)
    assert not view.action("households").isEnabled()
    view.close()
