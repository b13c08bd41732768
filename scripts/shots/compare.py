"""Team ▸ Double inspections… (交叉检查): one village inspected twice, one item decided."""

from __future__ import annotations

from fieldcheck.gui.compare.compare_view import CompareView
from fieldcheck.ops.demo import populate
from fieldcheck.paths import default_db_path
from fieldcheck.store import Store


def shoot(kit) -> int:
    store = Store.open(default_db_path())
    populate(store)
    # the demo's draft with the most photos, inspected a second time by another team
    best = max((r for r in store.inspections.rows(status="draft") if r.rubric_id == "village-work-team"),
               key=lambda r: r.photos)
    second = store.duplicate_inspection(best.id)
    store.inspections.update(second, inspectors=["王五", "赵六"])
    store.findings.add(second, "2.1.1", note="帮扶措施栏空白")
    store.findings.add(second, "2.1.2", note="收入计算有误")
    store.findings.add(second, "2.5.5", value="不满意", note="回访时表示不满意")
    shell = kit.shell(store)

    view = CompareView(store, shell.window)
    view.setGeometry(kit.screen.availableGeometry().adjusted(0, 0, 0, -30))  # no window manager: its title bar
    view.show()
    if not kit.wait_until(lambda: view.comparison is not None):
        return 1

    def row_of(item: str) -> int:
        return next((r for r in range(view.table.rowCount()) if view.table.item(r, 1).text().startswith(item)), 0)

    row = row_of("2.1.1")
    view.table.setCurrentCell(row, 1)
    kit.shoot("compare")
    box = view.decision_box
    box.take_b.click()
    box.reason.setText("复核台账,B 所记属实" if kit.language == "zh" else "ledger rechecked: B is right")
    box.reason.textEdited.emit(box.reason.text())
    view.only_differing.setChecked(False)
    view.table.setCurrentCell(row + 3, 1)  # away and back: the decision is kept
    view.table.setCurrentCell(row_of("2.1.1"), 1)
    kit.shoot("compare-all-items")
    view.close()
    kit.wait_for_jobs()
    store.close()
    return 0
