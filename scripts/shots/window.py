"""The main window on the demo: the list, the dialogs, an item with findings and photos, the score, each rule
form, the households, the findings search, the Go and Team menus."""

from __future__ import annotations

import sys

from fieldcheck.engine import catalog
from fieldcheck.gui.households.household_dialog import HouseholdDialog
from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.window.first_start import FirstStartDialog
from fieldcheck.gui.window.settings_dialog import SettingsDialog
from fieldcheck.ops import scores
from fieldcheck.ops.demo import populate
from fieldcheck.paths import default_db_path
from fieldcheck.store import Store


def shoot(kit) -> int:
    store = Store.open(default_db_path())
    populate(store)
    shell = kit.shell(store)
    window, settings = shell.window, shell.settings
    kit.shoot("list")

    # The dialogs, shown without blocking so they can be captured over the window.
    for name, dialog in (("first-start", FirstStartDialog([r.title for r in catalog.installed()], window)),
                         ("new-inspection", NewInspectionDialog(store, settings, window)),
                         ("settings", SettingsDialog(settings, data_dir=kit.home, db_path=store.path, parent=window))):
        dialog.show()
        kit.shoot(name)
        dialog.close()
        dialog.deleteLater()

    # An item with findings and photos, in a draft: the one with the most photos.
    best = None
    for row in scores.scored_rows(store, status="draft"):
        for finding in store.findings.of(row.id):
            count = len(store.photos.of(finding.id))
            if count and (best is None or count > best[0]):
                best = (count, row.id, finding.item_id, finding.id)
    if best is None:
        print("the demo has no finding with photos", file=sys.stderr)
        return 1
    _, inspection_id, item_id, finding_id = best
    window.list_page.select(inspection_id)
    window.open_inspection(inspection_id, item_id)
    # Select the finding that has the photos, and bring its photos into view (the walk's widgets).
    view = window.view
    table = view.findChild(QtWidgets.QTableView, "findingsTable")
    panel = getattr(view, "panel", None)
    editor = getattr(panel, "editor", None)
    if table is not None and editor is not None:
        ids = [f.id for f in editor.findings()]
        if finding_id in ids:
            table.selectRow(ids.index(finding_id))
    kit.settle(0.5)
    if isinstance(panel, QtWidgets.QScrollArea) and getattr(panel, "photos", None) is not None:
        panel.ensureWidgetVisible(panel.photos)
    kit.settle(2.0)  # thumbnails load in the background
    kit.shoot("item")

    # The score: the item with the largest deduction, whose trace explains a cap; another than the item
    # just shot (in the demo the one with the most photos is also the worst, and the two shots were the same).
    result = scores.score_inspection(store, inspection_id)
    items = [i.id for i in store.inspections.get(inspection_id).rubric.items() if i.id != item_id]
    worst = max(items, key=lambda i: result.nodes[i].deduction)
    window.view.go_to_item(worst)
    kit.shoot("score")

    # The top of an item: its criterion verbatim, the rule said plainly, the 十个一 checklist.
    window.view.go_to_item("2.4.1")
    kit.shoot("checklist")

    # A metric against the 附2 target table (a Hengyang inspection of a 县市区).
    hengyang = [r for r in scores.scored_rows(store) if r.rubric_id == "hengyang-2015"]
    if hengyang:
        window.open_inspection(hengyang[0].id, "4")
        kit.shoot("metric")

    # The households of the village, door by door, and a household's dialog (issue 9).
    window.open_inspection(inspection_id, "2.1.4")
    kit.shoot("item-2.1.4")
    households = window.view.show_households()
    if households is not None:
        households.roster.setCurrentRow(min(2, households.roster.count() - 1))
        kit.shoot("households")
        dialog = HouseholdDialog(window.view.session, households.current_household(), households)
        dialog.show()
        kit.shoot("household-dialog")
        dialog.close()
        households.close()
    # Every rule form's editor, to check that the evidence fits without scrolling.
    for item_id in ("1.1", "2.3.2", "2.5.4", "2.5.5", "4.1"):
        window.view.go_to_item(item_id)
        kit.shoot(f"form-{item_id}")

    # An open list with "其他 (请注明)" filled in: 2.3.2's ways of publicity beyond the four listed.
    window.view.go_to_item("2.3.2")
    editor = window.view.panel.editor
    if getattr(editor, "other_box", None) is not None:
        for name in editor.item.rule.options:  # one listed way and two others: 3 in use, met
            editor.row(name).setCheckState(Qt.Checked if name == "宣传栏" else Qt.Unchecked)
        editor.other_box.setChecked(True)
        editor.other_edit.setText("广播、微信群")
        editor.other_edit.editingFinished.emit()
        kit.shoot("open-list-other")

    # Search findings over every inspection.
    search = window.list_actions.search_findings()
    search.search.setText("签字")
    search.run()
    kit.shoot("search-findings")
    search.close()

    # The Go menu, then the Team menu (组长: the leader's desk, one key each) open, to see the shortcuts fit.
    for name, menu in (("menu", window.ui.menuGo), ("team-menu", window.team_menu)):
        menu.popup(window.mapToGlobal(window.menuBar().actionGeometry(menu.menuAction()).bottomLeft()))
        kit.shoot(name)
        menu.hide()

    window.close()
    kit.wait_for_jobs()
    store.close()
    return 0
