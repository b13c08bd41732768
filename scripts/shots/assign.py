"""Team ▸ Assignments… on the leader's laptop, and 我的任务 (my assignments) on an inspector's after the bundle."""

from __future__ import annotations

from fieldcheck.gui.assign.assign_dialog import AssignmentsDialog
from fieldcheck.gui.qt import Qt
from fieldcheck.ops import assignments
from fieldcheck.ops.demo import populate
from fieldcheck.store import Store
from fieldcheck.sync.assigned import export_for
from fieldcheck.sync.importer import import_bundle


def shoot(kit) -> int:
    home = kit.home
    leader = Store.open(home / "leader.db", device="组长机")
    populate(leader, villages=6)
    villages = list(leader.places.all("村"))
    assignments.assign(leader, "张三", "2026-11-23", "village-work-team", [v.id for v in villages[:2]])
    assignments.assign(leader, "王五", "2026-11-24", "village-work-team", [villages[2].id])
    shell = kit.shell(leader, home / "leader", inspector="刘组长")
    dialog = AssignmentsDialog(leader, shell.settings, shell.window)
    dialog.inspector.setEditText("王五")
    dialog.filter.setText("")
    dialog.tick([villages[3].name])
    dialog.table.selectRow(0)
    # the message after making two, as the dialog words it
    dialog.message.setText(dialog.tr("%n assignment(s) made for %1; each has a draft inspection waiting.", "", 2)
                           .replace("%1", "张三"))
    dialog.show()
    kit.shoot("assignments")
    dialog.close()
    bundle = export_for(leader, home / "usb" / "zhang.fcbundle", "张三").path
    shell.window.close()

    mine = Store.open(home / "zhang.db", device="张三机")
    import_bundle(mine, bundle, trust=True)
    theirs = kit.shell(mine, home / "zhang", inspector="张三")
    theirs.window.list_page.mine_check.setChecked(True)
    theirs.window.list_page.ui.table.setFocus(Qt.FocusReason.OtherFocusReason)
    kit.shoot("my-assignments")
    theirs.window.close()
    kit.wait_for_jobs()
    mine.close()
    leader.close()
    return 0
