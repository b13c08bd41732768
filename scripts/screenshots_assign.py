#!/usr/bin/env python3
"""Screenshots of the assignment screens: the leader's Team ▸ Assignments… and the inspector's "my assignments".

    .venv/bin/python scripts/screenshots_assign.py --display-number 64 --out /tmp/shots

Like scripts/screenshots.py (whose Xvfb starter it uses): a child process per language on a
fresh demo database; the leader assigns two inspectors and exports 张三's bundle, which a
second database (the inspector's laptop) imports; each screen is captured at 1366×768.
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
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from screenshots import start_xvfb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display-number", type=int, default=64)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--languages", nargs="+", default=["zh", "en"])
    parser.add_argument("--out", default=str(ROOT / "out" / "screenshots"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = Path(args.out)
    if args.child:
        return child(out, os.environ["FIELDCHECK_LANG"])
    out.mkdir(parents=True, exist_ok=True)
    server = start_xvfb(args.display_number, args.size)
    try:
        for language in args.languages:
            with tempfile.TemporaryDirectory(prefix="fieldcheck-shots-") as home:
                env = dict(os.environ, DISPLAY=f":{args.display_number}", QT_QPA_PLATFORM="xcb",
                           FIELDCHECK_HOME=home, FIELDCHECK_LANG=language, XDG_CONFIG_HOME=str(Path(home) / "config"),
                           XDG_RUNTIME_DIR=home, PYTHONPATH=str(ROOT))
                done = subprocess.run([sys.executable, __file__, "--child", "--out", str(out)], env=env, cwd=ROOT,
                                      timeout=300)
                if done.returncode:
                    return done.returncode
    finally:
        server.terminate()
        server.wait(10)
    return 0


def child(out: Path, language: str) -> int:
    from fieldcheck.gui.app import Shell, application, open_settings
    from fieldcheck.gui.assign.assign_dialog import AssignmentsDialog
    from fieldcheck.gui.i18n import SETTING_KEY
    from fieldcheck.gui.qt import Qt
    from fieldcheck.gui.window.first_start import DONE_KEY
    from fieldcheck.gui.window.settings_dialog import INSPECTOR_KEY
    from fieldcheck.ops import assignments
    from fieldcheck.ops.demo import populate
    from fieldcheck.paths import data_dir
    from fieldcheck.store import Store
    from fieldcheck.sync.assigned import export_for
    from fieldcheck.sync.importer import import_bundle

    app = application()
    home = data_dir()
    screen = app.primaryScreen()

    def settle(seconds: float = 0.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        settle()
        screen.grabWindow(0).save(str(out / f"{name}-{language}-1366x768.png"))

    def shell_for(store, folder: Path, me: str):
        settings = open_settings(folder)
        settings.setValue(SETTING_KEY, language)
        settings.setValue(DONE_KEY, True)
        settings.setValue(INSPECTOR_KEY, me)
        shell = Shell(app, store, settings, data_dir=folder)
        shell.window.setGeometry(screen.availableGeometry())
        shell.start(offer_first_start=False)
        return shell, settings

    leader = Store.open(home / "leader.db", device="组长机")
    populate(leader, villages=6)
    villages = [p for p in leader.places.all("村")]
    assignments.assign(leader, "张三", "2026-11-23", "village-work-team", [v.id for v in villages[:2]])
    assignments.assign(leader, "王五", "2026-11-24", "village-work-team", [villages[2].id])
    shell, settings = shell_for(leader, home / "leader", "刘组长")
    dialog = AssignmentsDialog(leader, settings, shell.window)
    dialog.inspector.setEditText("王五")
    dialog.filter.setText("")
    dialog.tick([villages[3].name])
    dialog.table.selectRow(0)
    dialog.message.setText(dialog.tr("%n assignment(s) made for %1; each has a draft inspection waiting.", "", 2)
                           .replace("%1", "张三"))
    dialog.show()
    shoot("assignments")
    dialog.close()
    bundle = export_for(leader, home / "usb" / "zhang.fcbundle", "张三").path
    shell.window.close()

    mine = Store.open(home / "zhang.db", device="张三机")
    import_bundle(mine, bundle, trust=True)
    theirs, _ = shell_for(mine, home / "zhang", "张三")
    theirs.window.list_page.mine_check.setChecked(True)
    theirs.window.list_page.ui.table.setFocus(Qt.FocusReason.OtherFocusReason)
    shoot("my-assignments")
    return 0


if __name__ == "__main__":
    sys.exit(main())
