#!/usr/bin/env python3
"""Screenshots of the real window for looking at: list, an item with findings and photos, the score.

    .venv/bin/python scripts/screenshots.py            # every size × language into out/screenshots/
    .venv/bin/python scripts/screenshots.py --sizes 1366x768 --languages zh

It starts an Xvfb server per screen size (DISPLAY=:9x, Qt's xcb platform, no window manager), runs
the application on a fresh demo database in a child process per language, and saves the screen
with ``QScreen.grabWindow(0)`` (what X shows: menus, dialogs and all). With ``--display :0`` it
uses an existing X display instead (then the screen size is that display's).
Needs xvfb and the xcb libraries (scripts/setup.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fieldcheck.ops import scores

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "screenshots"
SIZES = ["1366x768", "1920x1080"]
LANGUAGES = ["zh", "en"]


# -- the parent: displays and child processes --------------------------------------------------------


def start_xvfb(number: int, size: str) -> subprocess.Popen:
    display = f":{number}"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(100):
        if socket.exists():
            return proc
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    sys.exit(f"Xvfb {display} did not start (is xvfb installed? is the display number taken?)")


def run_child(display: str, language: str, tag: str, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="fieldcheck-shots-") as home:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", FIELDCHECK_HOME=home,
                   FIELDCHECK_LANG=language, XDG_CONFIG_HOME=str(Path(home) / "config"),
                   XDG_RUNTIME_DIR=home)
        env.pop("WAYLAND_DISPLAY", None)
        done = subprocess.run([sys.executable, __file__, "--child", "--tag", tag, "--out", str(out)], env=env,
                              cwd=ROOT, timeout=300)
        if done.returncode:
            sys.exit(f"the screenshot run for {tag} failed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=SIZES)
    parser.add_argument("--languages", nargs="+", default=LANGUAGES, choices=LANGUAGES)
    parser.add_argument("--display", help="use this X display instead of starting Xvfb")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tag", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.child:
        return child(args.tag, out)
    out.mkdir(parents=True, exist_ok=True)
    if args.display:
        for language in args.languages:
            run_child(args.display, language, f"{language}-display", out)
    else:
        for n, size in enumerate(args.sizes):
            server = start_xvfb(90 + n, size)
            try:
                for language in args.languages:
                    run_child(f":{90 + n}", language, f"{language}-{size}", out)
            finally:
                server.terminate()
                server.wait(10)
    for path in sorted(out.glob("*.png")):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


# -- the child: the real application on a demo database ----------------------------------------------


def child(tag: str, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from fieldcheck.gui.app import Shell, application, open_settings
    from fieldcheck.gui.i18n import SETTING_KEY
    from fieldcheck.gui.qt import QtWidgets
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
    shell = Shell(app, store, settings, data_dir=home)
    window = shell.window
    screen = app.primaryScreen()
    window.setGeometry(screen.availableGeometry())  # no window manager under Xvfb: place it by hand
    shell.start(offer_first_start=False)

    def settle(seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shoot(name: str) -> None:
        settle()
        path = out / f"{name}-{tag}.png"
        screen.grabWindow(0).save(str(path))

    settle(1.0)
    shoot("list")

    # The dialogs, shown without blocking so they can be captured over the window.
    from fieldcheck.engine import catalog
    from fieldcheck.gui.inspections.new_inspection import NewInspectionDialog
    from fieldcheck.gui.window.first_start import FirstStartDialog
    from fieldcheck.gui.window.settings_dialog import SettingsDialog

    for name, dialog in (("first-start", FirstStartDialog([r.title for r in catalog.installed()], window)),
                         ("new-inspection", NewInspectionDialog(store, settings, window)),
                         ("settings", SettingsDialog(settings, data_dir=home, db_path=store.path, parent=window))):
        dialog.show()
        shoot(name)
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
    editor = getattr(getattr(view, "panel", None), "editor", None)
    if table is not None and editor is not None:
        ids = [f.id for f in editor.findings()]
        if finding_id in ids:
            table.selectRow(ids.index(finding_id))
    settle(0.5)
    panel = getattr(view, "panel", None)
    if isinstance(panel, QtWidgets.QScrollArea) and getattr(panel, "photos", None) is not None:
        panel.ensureWidgetVisible(panel.photos)
    settle(2.0)  # thumbnails load in the background
    shoot("item")

    # The score: the item with the largest deduction, whose trace explains a cap.
    result = scores.score_inspection(store, inspection_id)
    items = [i.id for i in store.inspections.get(inspection_id).rubric.items()]
    worst = max(items, key=lambda i: result.nodes[i].deduction)
    window.view.go_to_item(worst)
    shoot("score")

    # The top of an item: its criterion verbatim, the rule said plainly, the 十个一 checklist.
    window.view.go_to_item("2.4.1")
    shoot("checklist")

    # A metric against the 附2 target table (a Hengyang inspection of a 县市区).
    hengyang = [r for r in scores.scored_rows(store) if r.rubric_id == "hengyang-2015"]
    if hengyang:
        window.open_inspection(hengyang[0].id, "4")
        shoot("metric")

    # The households of the village, door by door, and a household's dialog (issue 9).
    window.open_inspection(inspection_id, "2.1.4")
    shoot("item-2.1.4")
    households = window.view.show_households()
    if households is not None:
        households.roster.setCurrentRow(min(2, households.roster.count() - 1))
        shoot("households")
        from fieldcheck.gui.households.household_dialog import HouseholdDialog
        dialog = HouseholdDialog(window.view.session, households.current_household(), households)
        dialog.show()
        shoot("household-dialog")
        dialog.close()
        households.close()
    # Every rule form's editor, to check that the evidence fits without scrolling.
    for item_id in ("1.1", "2.3.2", "2.5.4", "2.5.5", "4.1"):
        window.view.go_to_item(item_id)
        shoot(f"form-{item_id}")

    # An open list with "其他 (请注明)" filled in: 2.3.2's ways of publicity beyond the four listed.
    window.view.go_to_item("2.3.2")
    editor = window.view.panel.editor
    if getattr(editor, "other_box", None) is not None:
        from fieldcheck.gui.qt import Qt
        for name in editor.item.rule.options:  # one listed way and two others: 3 in use, met
            editor.row(name).setCheckState(Qt.Checked if name == "宣传栏" else Qt.Unchecked)
        editor.other_box.setChecked(True)
        editor.other_edit.setText("广播、微信群")
        editor.other_edit.editingFinished.emit()
        shoot("open-list-other")

    # Search findings over every inspection.
    search = window.list_actions.search_findings()
    search.search.setText("签字")
    search.run()
    shoot("search-findings")
    search.close()

    # The Go menu open, to see the shortcuts fit.
    menu = window.ui.menuGo
    menu.popup(window.mapToGlobal(window.menuBar().actionGeometry(menu.menuAction()).bottomLeft()))
    shoot("menu")
    menu.hide()
    # The Team menu (组长) open: the leader's desk, one key each.
    menu = window.team_menu
    menu.popup(window.mapToGlobal(window.menuBar().actionGeometry(menu.menuAction()).bottomLeft()))
    shoot("team-menu")
    menu.hide()

    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
