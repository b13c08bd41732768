#!/usr/bin/env python3
"""Screenshots of Team ▸ Devices… over the real window: the table, the enrol question, before a team exists.

    .venv/bin/python scripts/screenshots_team.py --display-number 61 --out /work/wt/shots/team

A leader's database with a team and four laptops' bundles imported (one enrolled, one
revoked, one not yet, one with a long inspector's name), in each language, at 1366x768
under its own Xvfb. Uses ``screenshots.py``'s Xvfb helper.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import start_xvfb  # the sibling script, not a package

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["zh", "en"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display-number", type=int, default=61)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default=str(ROOT / "out" / "screenshots"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tag", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.child:
        return child(args.tag, out)
    out.mkdir(parents=True, exist_ok=True)
    server = start_xvfb(args.display_number, args.size)
    try:
        for language in LANGUAGES:
            with tempfile.TemporaryDirectory(prefix="fieldcheck-shots-") as home:
                env = dict(os.environ, DISPLAY=f":{args.display_number}", QT_QPA_PLATFORM="xcb", FIELDCHECK_HOME=home,
                           FIELDCHECK_LANG=language, XDG_CONFIG_HOME=str(Path(home) / "config"), XDG_RUNTIME_DIR=home,
                           PYTHONPATH=str(ROOT))
                done = subprocess.run([sys.executable, __file__, "--child", "--tag", f"{language}-{args.size}",
                                       "--out", str(out)], env=env, cwd=ROOT, timeout=300)
                if done.returncode:
                    return done.returncode
    finally:
        server.terminate()
        server.wait(10)
    for path in sorted(out.glob("*.png")):
        print(path)
    return 0


def child(tag: str, out: Path) -> int:
    from fieldcheck.gui.app import Shell, application, open_settings
    from fieldcheck.gui.i18n import SETTING_KEY
    from fieldcheck.gui.qt import QtWidgets
    from fieldcheck.gui.team.devices_view import DevicesView
    from fieldcheck.gui.window.first_start import DONE_KEY
    from fieldcheck.ops import team
    from fieldcheck.ops.demo import populate
    from fieldcheck.paths import data_dir, default_db_path
    from fieldcheck.store import Store
    from fieldcheck.sync.export import export_bundle
    from fieldcheck.sync.importer import import_bundle

    app = application()
    home = data_dir()
    settings = open_settings(home)
    settings.setValue(SETTING_KEY, os.environ["FIELDCHECK_LANG"])
    settings.setValue(DONE_KEY, True)
    store = Store.open(default_db_path(), device="leader-A")
    populate(store, villages=1)
    screen = app.primaryScreen()

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        settle()
        screen.grabWindow(0).save(str(out / f"{name}-{tag}.png"))

    shell = Shell(app, store, settings, data_dir=home)
    window = shell.window
    window.setGeometry(screen.availableGeometry())
    shell.start(offer_first_start=False)
    settle(1.0)

    view = DevicesView(store, settings, window)
    view.show()
    shoot("devices-no-team")
    view.close()

    people = {"xiaoli-T480": "王芳", "laptop-B7": "李建国", "hp-probook-440": "欧阳诸葛明亮", "dell-3420": None}
    for n, (device, person) in enumerate(people.items()):
        other = Store.open(Path(home) / f"{device}.db", device=device, daily_backup=False, backup_on_close=False)
        made = export_bundle(other, Path(home) / "usb" / f"{n}.fcbundle", key_folder=Path(home) / f"keys-{device}",
                             inspector=person)
        import_bundle(store, made.path, trust=True)
        other.close()
    team.init_team(store, "衡阳县第一检查组")
    team.enrol(store, "xiaoli-T480")
    team.enrol(store, "laptop-B7")
    team.revoke(store, "laptop-B7", "电脑丢失")
    view = DevicesView(store, settings, window)
    view.show()
    view.table.selectRow(0)
    view.table.setFocus()
    shoot("devices")
    question = []

    def confirm(title: str, text: str) -> bool:
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, title, text,
                                    QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
                                    view)
        box.show()
        shoot("devices-enrol-question")
        question.append(text)
        box.close()
        return False

    view._confirm = confirm  # shown without blocking, so it can be captured over the view
    for r in range(view.table.rowCount()):
        if view.devices[r].state == "unknown" and view.devices[r].name != store.device:
            view.table.selectRow(r)
            break
    view.enrol()
    view.close()
    store.close()
    return 0 if question else 1


if __name__ == "__main__":
    sys.exit(main())
