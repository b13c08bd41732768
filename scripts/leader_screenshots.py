#!/usr/bin/env python3
"""Screenshots of the leader's desk for looking at: the merge view with a report, the conflicts view.

    .venv/bin/python scripts/leader_screenshots.py --display-number 62 --out /tmp/shots

Starts its own Xvfb (1366x768) and, per language, a child that builds three inspectors'
laptops with the test kit (tests/leaderkit.py: a conflict and a finding added after
signing), merges their bundles in the leader's window and captures both views over it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]  # this checkout's fieldcheck, then screenshots

from screenshots import start_xvfb  # found through the path set just above


def child(out: Path, tag: str) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from leaderkit import three_inspectors

    from fieldcheck.gui.app import Shell, application, open_settings
    from fieldcheck.gui.i18n import SETTING_KEY
    from fieldcheck.gui.leader.conflicts_view import ConflictsView
    from fieldcheck.gui.leader.merge_view import MergeView
    from fieldcheck.gui.qt import QtWidgets
    from fieldcheck.gui.window.first_start import DONE_KEY
    from fieldcheck.paths import data_dir

    app = application()
    home = data_dir()
    settings = open_settings(home)
    settings.setValue(SETTING_KEY, os.environ["FIELDCHECK_LANG"])
    settings.setValue(DONE_KEY, True)
    team = three_inspectors(Path(home) / "team")
    store = team.store("L")
    shell = Shell(app, store, settings, data_dir=home)
    screen = app.primaryScreen()
    shell.window.setGeometry(screen.availableGeometry())
    shell.start(offer_first_start=False)
    QtWidgets.QMessageBox.question = lambda *a, **k: QtWidgets.QMessageBox.StandardButton.Yes

    def settle(seconds: float = 0.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        settle()
        screen.grabWindow(0).save(str(out / f"{name}-{tag}.png"))

    stick = team.bundles[0].parent
    (stick / "broken.fcbundle").write_bytes(b"not a zip")
    merge = MergeView(store, settings, shell.window)
    merge.show()
    merge.start([stick])
    for _ in range(200):
        settle(0.1)
        if merge.report.rowCount() >= 4:
            break
    shoot("leader-merge")
    merge.tabs.setCurrentIndex(1)
    shoot("leader-history")
    merge.close()
    view = ConflictsView(store, settings, shell.window)
    view.show()
    row = next(r for r in range(view.list.rowCount()) if "2.5.4" in view.list.item(r, 1).text())
    view.list.selectRow(row)
    view.sides.selectRow(0)
    view.reason.setText("复核台账后确认" if tag == "zh" else "checked the ledger again")
    shoot("leader-conflicts")
    view.list.selectRow(1 - row)
    shoot("leader-conflicts-late")
    view.close()
    team.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--display-number", type=int, default=62)
    parser.add_argument("--out", default=str(ROOT / "out" / "screenshots"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return child(out, args.child)
    xvfb = start_xvfb(args.display_number, "1366x768")
    try:
        for language in ("zh", "en"):
            with tempfile.TemporaryDirectory(prefix="fieldcheck-leader-shots-") as home:
                env = dict(os.environ, DISPLAY=f":{args.display_number}", QT_QPA_PLATFORM="xcb", FIELDCHECK_HOME=home,
                           FIELDCHECK_LANG=language, XDG_CONFIG_HOME=str(Path(home) / "config"), XDG_RUNTIME_DIR=home)
                subprocess.run([sys.executable, __file__, "--child", language, "--out", str(out)], env=env, cwd=ROOT,
                               timeout=300, check=True)
    finally:
        xvfb.terminate()
        xvfb.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
