"""The leader's desk: Team ▸ Merge bundles… with its report and history, Team ▸ Conflicts…."""

from __future__ import annotations

import sys

from fieldcheck.gui.leader.conflicts_view import ConflictsView
from fieldcheck.gui.leader.merge_view import MergeView
from fieldcheck.gui.qt import QtWidgets

from . import ROOT


def shoot(kit) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from leaderkit import three_inspectors  # the tests' kit: a conflict, a finding added after signing

    team = three_inspectors(kit.home / "team")
    store = team.store("L")
    shell = kit.shell(store)
    QtWidgets.QMessageBox.question = lambda *a, **k: QtWidgets.QMessageBox.StandardButton.Yes

    stick = team.bundles[0].parent
    (stick / "broken.fcbundle").write_bytes(b"not a zip")
    merge = MergeView(store, shell.settings, shell.window)
    merge.show()
    merge.start([stick])
    kit.wait_until(lambda: merge.report.rowCount() >= 4)
    kit.shoot("leader-merge")
    merge.tabs.setCurrentIndex(1)
    kit.shoot("leader-history")
    merge.close()
    kit.wait_for_jobs()

    view = ConflictsView(store, shell.settings, shell.window)
    view.show()
    row = next(r for r in range(view.list.rowCount()) if "2.5.4" in view.list.item(r, 1).text())
    view.list.selectRow(row)
    view.sides.selectRow(0)
    view.reason.setText("复核台账后确认" if kit.language == "zh" else "checked the ledger again")
    kit.shoot("leader-conflicts")
    view.list.selectRow(1 - row)
    kit.shoot("leader-conflicts-late")
    view.close()
    team.close()
    return 0
