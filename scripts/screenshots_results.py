#!/usr/bin/env python3
"""Screenshots of the results window and the township's rounds screen, for looking at.

    .venv/bin/python scripts/screenshots_results.py --display-number 65 --out DIR

Starts Xvfb at 1366x768 on the display given, and per language (zh, en) a child process that
makes a database of the 12 衡阳 units (the tests' data from the real 附2 table: quotas, a tie
on the 一类 line, a veto) and a township of 13 村居 with two rounds, then shoots: the results
window while it computes and when the results are in, and the rounds screen (the standing
and this round's ledger; every person over every round; a round typed by hand).
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
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]  # this checkout's fieldcheck, not another one installed

from screenshots import start_xvfb  # the same Xvfb start as the main screenshots

UNITS = {"衡阳县": 95, "衡南县": 93, "衡山县": 89, "衡东县": 89, "祁东县": 87, "耒阳市": 85, "常宁市": 78,
         "珠晖区": 96, "雁峰区": 94, "石鼓区": 90, "蒸湘区": 86, "南岳区": 82}


def child(out: Path, language: str) -> int:
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "results")]
    import yaml
    from hengyang_data import add_unit
    from township import scores, township

    from fieldcheck.gui.app import application, open_settings
    from fieldcheck.gui.i18n import Translations
    from fieldcheck.gui.qt import QtCore
    from fieldcheck.gui.window.main_window import MainWindow
    from fieldcheck.store import Store

    app = application()
    translations = Translations(app)
    translations.switch(language)
    home = Path(os.environ["FIELDCHECK_HOME"])
    store = Store.open(home / "shots.db", device="shots")
    for name, total in UNITS.items():
        add_unit(store, name, total, veto=name == "珠晖区")
    town = home / "新城镇.yaml"
    town.write_text(yaml.safe_dump(township([
        {"id": "2月", "kind": "双月观摩", "date": "2026-02-28", "scores": scores(), "task_met": ["吴村官"]},
        {"id": "半年", "kind": "半年考核", "date": "2026-06-30", "scores": scores(永安村=99, 东风村=88),
         "on_schedule": {"扶贫办": True, "创业办": False}}]), allow_unicode=True), encoding="utf-8")
    settings = open_settings(home)
    settings.setValue("rounds/township", str(town))
    window = MainWindow(store, settings)
    screen = app.primaryScreen()
    window.setGeometry(screen.availableGeometry())
    window.show()

    def settle(ms: int = 400) -> None:  # an event loop, as the window runs (no processEvents loop)
        loop = QtCore.QEventLoop()
        QtCore.QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shoot(name: str) -> None:
        settle()
        screen.grabWindow(0).save(str(out / f"{name}-{language}-1366x768.png"))

    def place(dialog) -> None:  # no window manager under Xvfb: the dialog where a WM would put it
        geometry = screen.availableGeometry()
        dialog.move(geometry.x() + (geometry.width() - dialog.width()) // 2,
                    geometry.y() + max(0, (geometry.height() - dialog.height()) // 2))

    # 12 units compute in a blink; held 3 s here so that the computing state can be seen at all
    from fieldcheck.results import outcome
    real_build = outcome.build

    def slow_build(*args, **kwargs):
        time.sleep(3)
        return real_build(*args, **kwargs)

    outcome.build = slow_build
    window.show_results()
    view = window.results_view
    place(view)
    view.select_rubric("hengyang-2015")
    shoot("results-computing")
    while view.results is None:
        settle(100)
    outcome.build = real_build
    shoot("results")
    view.tabs.setCurrentIndex(1)
    shoot("results-losses")
    view.tabs.setCurrentIndex(0)

    view.rounds_button.click()
    rounds = window.team_actions.rounds_action.views[0]
    place(rounds)
    shoot("rounds")
    rounds.round_box.setCurrentIndex(1)
    shoot("rounds-half-year")
    rounds.tabs.setCurrentIndex(1)
    shoot("rounds-people")
    rounds.tabs.setCurrentIndex(0)
    rounds.kind_box.setCurrentIndex(rounds.kind_box.findData("年终总评"))
    rounds.new_button.click()
    typed = scores(建设村=97)
    for r in range(rounds.standing.rowCount() - 2):
        rounds.standing.item(r, 2).setText(str(typed[rounds.standing.item(r, 1).text()]))
    shoot("rounds-by-hand")
    window.close()
    QtCore.QThreadPool.globalInstance().waitForDone()
    store.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display-number", type=int, default=65)
    parser.add_argument("--out", default=str(ROOT / "out" / "screenshots"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = Path(args.out)
    if args.child:
        return child(out, args.child)
    out.mkdir(parents=True, exist_ok=True)
    server = start_xvfb(args.display_number, "1366x768")
    try:
        for language in ("zh", "en"):
            with tempfile.TemporaryDirectory(prefix="fieldcheck-shots-") as home:
                env = dict(os.environ, DISPLAY=f":{args.display_number}", QT_QPA_PLATFORM="xcb", FIELDCHECK_HOME=home,
                           FIELDCHECK_LANG=language, XDG_CONFIG_HOME=str(Path(home) / "config"), XDG_RUNTIME_DIR=home)
                env.pop("WAYLAND_DISPLAY", None)
                subprocess.run([sys.executable, __file__, "--child", language, "--out", str(out)], env=env, cwd=ROOT,
                               timeout=600, check=True)
    finally:
        server.terminate()
        server.wait(10)
    for path in sorted(out.glob("*.png")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
