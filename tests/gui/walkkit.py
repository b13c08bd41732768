"""Set-up shared by the walk's tests: a village inspection of the 考核细则, and the view on screen."""

from __future__ import annotations

from fieldcheck.engine import catalog
from fieldcheck.gui.qt import QtWidgets
from fieldcheck.gui.walk.inspection_view import InspectionView
from fieldcheck.store import Store


def village_inspection(store: Store, households=("张三",)) -> tuple[str, dict[str, str]]:
    """A draft 考核细则 inspection of 衡阳县/西渡镇/梅花村 and the ids of its households by name."""
    county = store.places.add("县", "衡阳县")
    town = store.places.add("乡镇", "西渡镇", county)
    village = store.places.add("村", "梅花村", town)
    ids = {name: store.households.add(village, name, members=3) for name in households}
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=village, assessee_name="",
                                         inspectors=["检查员甲"], date="2026-11-22")
    return inspection, ids


def show_view(qtbot, store: Store, inspection_id: str, *, activate: bool = True) -> InspectionView:
    """The real InspectionView at 1366×740, shown (and made the active window, for keys)."""
    view = InspectionView(store, inspection_id)
    qtbot.addWidget(view)
    view.resize(1366, 740)
    view.show()
    qtbot.waitExposed(view)
    if activate:
        view.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is view)
    return view
