#!/usr/bin/env python3
"""Screenshots of Team ▸ Double inspections… (交叉检查) over the real window, for looking at.

    .venv/bin/python scripts/compare_screenshots.py --display-number 63 --out /tmp/shots

Starts Xvfb at 1366x768 on the given display number (as scripts/screenshots.py does), and per
language runs the application on a demo database in which one village was inspected twice
(a draft duplicated, then two more findings and a dissatisfied household), opens the view,
decides one item, and saves the screen.
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
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]  # this tree's fieldcheck, and the sibling script
from screenshots import start_xvfb  # the sibling script's Xvfb starter


def child(out: Path, tag: str) -> int:
    from fieldcheck.gui.app import Shell, application, open_settings
    from fieldcheck.gui.compare.compare_view import CompareView
    from fieldcheck.gui.i18n import SETTING_KEY
    from fieldcheck.gui.window.first_start import DONE_KEY
    from fieldcheck.ops.demo import populate
    from fieldcheck.paths import data_dir, default_db_path
    from fieldcheck.store import Store

    app = application()
    home = data_dir()
    settings = open_settings(home)
    settings.setValue(SETTING_KEY, os.environ["FIELDCHECK_LANG"])
    settings.setValue(DONE_KEY, True)
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
    shell = Shell(app, store, settings, data_dir=home)
    window = shell.window
    screen = app.primaryScreen()
    window.setGeometry(screen.availableGeometry())
    shell.start(offer_first_start=False)

    def settle(seconds: float = 0.5) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        settle()
        screen.grabWindow(0).save(str(out / f"{name}-{tag}.png"))

    settle(1.0)
    view = CompareView(store, window)
    view.setGeometry(screen.availableGeometry().adjusted(0, 0, 0, -30))  # no window manager: its title bar
    view.show()
    for _ in range(200):
        settle(0.1)
        if view.comparison is not None:
            break
    row = next((r for r in range(view.table.rowCount()) if view.table.item(r, 1).text().startswith("2.1.1")), 0)
    view.table.setCurrentCell(row, 1)
    shoot("compare")
    view.decision_box.take_b.click()
    view.decision_box.reason.setText("复核台账,B 所记属实" if tag.startswith("zh") else "ledger rechecked: B is right")
    view.decision_box.reason.textEdited.emit(view.decision_box.reason.text())
    view.only_differing.setChecked(False)
    view.table.setCurrentCell(row + 3, 1)
    view.table.setCurrentCell(next(r for r in range(view.table.rowCount())
                                   if view.table.item(r, 1).text().startswith("2.1.1")), 1)
    shoot("compare-all-items")
    view.close()
    store.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display-number", type=int, default=63)
    parser.add_argument("--out", default=str(ROOT / "out" / "screenshots"))
    parser.add_argument("--languages", nargs="+", default=["zh", "en"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tag", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = Path(args.out)
    if args.child:
        return child(out, args.tag)
    out.mkdir(parents=True, exist_ok=True)
    server = start_xvfb(args.display_number, "1366x768")
    try:
        for language in args.languages:
            with tempfile.TemporaryDirectory(prefix="fieldcheck-shots-") as home:
                env = dict(os.environ, DISPLAY=f":{args.display_number}", QT_QPA_PLATFORM="xcb", FIELDCHECK_HOME=home,
                           FIELDCHECK_LANG=language, XDG_CONFIG_HOME=str(Path(home) / "config"), XDG_RUNTIME_DIR=home)
                done = subprocess.run([sys.executable, __file__, "--child", "--tag", f"{language}-1366x768",
                                       "--out", str(out)], env=env, cwd=ROOT, timeout=300)
                if done.returncode:
                    return done.returncode
    finally:
        server.terminate()
        server.wait(10)
    for path in sorted(out.glob("compare*.png")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
