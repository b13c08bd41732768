#!/usr/bin/env python3
"""Screenshots of the real window and every view of it, for looking at, in each language and size.

    .venv/bin/python scripts/screenshots.py            # every group × size × language into out/screenshots/
    .venv/bin/python scripts/screenshots.py --sizes 1366x768 --languages zh --only leader results

The groups (scripts/shots/<group>.py), each on its own database:
  window   the demo: list, first-start/new-inspection/settings dialogs, an item with findings and
           photos, the score, the checklist, a metric, households and a household, each rule form,
           the findings search, the Go and Team menus
  team     Team ▸ Devices…: before a team exists, four laptops, the enrol question
  compare  Team ▸ Double inspections… (交叉检查): a village inspected twice, an item decided
  leader   Team ▸ Merge bundles… (report, history) and Team ▸ Conflicts… (a conflict, a late finding)
  assign   Team ▸ Assignments…, and 我的任务 on the inspector's laptop after the bundle
  results  the results window (computing, results, losses) and the township's rounds screen
  signing  Inspection ▸ Sign… (unfinished, pads), the lock, Amend…, History…, the sheet's preview,
           Print score sheets…

It starts an Xvfb server per screen size (DISPLAY=:90, :91…; --display-number moves them), and
per size × language × group runs the application in a child process on a fresh FIELDCHECK_HOME,
saving the screen with ``QScreen.grabWindow(0)`` (what X shows: menus, dialogs and all) as
``<view>-<language>-<size>.png``. With ``--display :0`` it uses an existing X display instead
(then the screen size is that display's). Needs xvfb and the xcb libraries (scripts/setup.sh).
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from shots import GROUPS, ROOT, start_xvfb  # scripts/shots, beside this file

OUT = ROOT / "out" / "screenshots"
SIZES = ["1366x768", "1920x1080"]
LANGUAGES = ["zh", "en"]


def run_child(display: str, language: str, group: str, tag: str, out: Path) -> bool:
    with tempfile.TemporaryDirectory(prefix=f"fieldcheck-shots-{group}-") as home:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", FIELDCHECK_HOME=home,
                   FIELDCHECK_LANG=language, XDG_CONFIG_HOME=str(Path(home) / "config"),
                   XDG_RUNTIME_DIR=home, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
        env.pop("WAYLAND_DISPLAY", None)
        try:
            done = subprocess.run([sys.executable, __file__, "--child", group, "--tag", tag, "--out", str(out)],
                                  env=env, cwd=ROOT, timeout=600)
        except subprocess.TimeoutExpired:
            print(f"screenshots: {group} {tag} took over 10 minutes", file=sys.stderr)
            return False
    if done.returncode:
        print(f"screenshots: {group} {tag} failed", file=sys.stderr)
    return done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=SIZES)
    parser.add_argument("--languages", nargs="+", default=LANGUAGES, choices=LANGUAGES)
    parser.add_argument("--only", nargs="+", default=GROUPS, choices=GROUPS, metavar="GROUP",
                        help=f"shoot these groups only: {', '.join(GROUPS)}")
    parser.add_argument("--display", help="use this running X display instead of starting Xvfb")
    parser.add_argument("--display-number", type=int, default=90,
                        help="the first display number for the Xvfb servers started (one per size)")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--child", choices=GROUPS, help=argparse.SUPPRESS)
    parser.add_argument("--tag", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    out = Path(args.out)
    if args.child:
        return child(args.child, args.tag, out)
    out.mkdir(parents=True, exist_ok=True)
    groups = [g for g in GROUPS if g in args.only]
    failed = []
    if args.display:
        runs = [(args.display, None, language) for language in args.languages]
    else:
        runs = [(f":{args.display_number + n}", size, language)
                for n, size in enumerate(args.sizes) for language in args.languages]
    servers: dict[str, subprocess.Popen] = {}
    try:
        for display, size, language in runs:
            if size and display not in servers:
                servers[display] = start_xvfb(int(display[1:]), size)
            tag = f"{language}-{size or 'display'}"
            failed += [f"{group} {tag}" for group in groups if not run_child(display, language, group, tag, out)]
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(10)
    for path in sorted(out.glob("*.png")):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if failed:
        print("screenshots failed: " + "; ".join(failed), file=sys.stderr)
    return 1 if failed else 0


def child(group: str, tag: str, out: Path) -> int:
    """One group on the real application, in this process's language (FIELDCHECK_LANG) and display."""
    sys.path.insert(0, str(ROOT))  # this checkout's fieldcheck, not the one installed
    from shots.kit import Kit  # lazy: Qt, only in the child

    return importlib.import_module(f"shots.{group}").shoot(Kit(out, tag))


if __name__ == "__main__":
    sys.exit(main())
