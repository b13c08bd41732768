"""A search keystroke in the inspections list, before and after, at 602 and at 10,000 inspections.

One keystroke = what the user waits for after typing a character: the search text changes,
the list refilters (the code's own path: the slot its search timer calls) and the view
repaints the rows on screen (``viewport().repaint()``, synchronous, then the pending events),
with the real ``InspectionListPage`` offscreen at 1366×700. "Refilter" is the part before
painting. Baseline from the same process: repainting a bare QTableWidget of the same size
holding 30 rows of Chinese text. The keystrokes type a village's name one
character at a time, erase it, type an inspector's name and erase it (12 keystrokes), after
one untimed pass that opens the list. "Before" is the commit the branch started from
(``git merge-base HEAD main``), exported and run in the same session (see ``scale.py``).

With ``--slow-before`` (for a "before" that scores every matching row on each keystroke, as the
code before ``cc7a967`` did) the before code at 10,000 inspections is measured on one pass only,
without the untimed one (each keystroke took seconds).

Run: python -m benchmarks.bench_list [--work DIR] [--passes N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks import scale

MEASURE = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from fieldcheck.gui.qt import QtWidgets
from fieldcheck.gui.inspections.inspection_list import InspectionListPage
from fieldcheck.store import Store

app = QtWidgets.QApplication([])
store = Store.open(sys.argv[2], daily_backup=False, backup_on_close=False)
queries, passes = json.loads(sys.argv[3]), int(sys.argv[4])
started = time.perf_counter()
page = InspectionListPage(store)
page.resize(1366, 700)
page.show()
page.ui.table.viewport().repaint()
app.processEvents()
opened = time.perf_counter() - started

def keystroke(text):
    t, cpu = time.perf_counter(), time.process_time()
    page.ui.searchEdit.setText(text)
    page._search_timer.stop()
    page._search_timer.timeout.emit()  # what the timer would call when it fires
    filtered = time.perf_counter()
    page.ui.table.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - t, filtered - t, time.process_time() - cpu

for text in queries if passes > 1 else []:  # one untimed pass: the first scores of the rows in view
    keystroke(text)
measured = [keystroke(text) for _ in range(passes) for text in queries]

# baseline from the same process: a QTableWidget of the same size, 30 rows of Chinese text, repainted
bare = QtWidgets.QTableWidget(30, 10)
bare.resize(1366, 700)
for r in range(30):
    for c in range(10):
        bare.setItem(r, c, QtWidgets.QTableWidgetItem("衡阳县/西渡镇/梅花村 2026-11-22"))
bare.show()
app.processEvents()
def repaint():
    t, cpu = time.perf_counter(), time.process_time()
    bare.viewport().repaint()
    app.processEvents()
    return time.perf_counter() - t, time.process_time() - cpu
paints = [repaint() for _ in range(len(measured))]
print(json.dumps({"times": [m[0] for m in measured], "filter": [m[1] for m in measured], "opened": opened,
                  "cpu": [m[2] for m in measured], "bare": [p[0] for p in paints],
                  "bare_cpu": [p[1] for p in paints]}), flush=True)
store.close()
os._exit(0)  # PySide6 can crash while the interpreter tears down many widgets; the figures are out
"""


def keystrokes(db: Path) -> list[str]:
    """Typing a village's name and an inspector's name, and erasing each."""
    import sqlite3

    conn = sqlite3.connect(db)
    village = conn.execute("SELECT name FROM places WHERE kind = '村' ORDER BY id LIMIT 1").fetchone()[0]
    inspector = json.loads(conn.execute("SELECT inspectors FROM inspections ORDER BY id LIMIT 1").fetchone()[0])[0]
    conn.close()
    typed = [village[:n] for n in range(1, len(village) + 1)]
    named = [inspector[:n] for n in range(1, len(inspector) + 1)]
    out = typed + typed[-2::-1] + [""] + named + named[-2::-1] + [""]
    return (out * 3)[:12]


def measure(tree: Path, db: Path, queries: list[str], passes: int, home: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, str(tree), str(db), json.dumps(queries, ensure_ascii=False),
                           str(passes)], capture_output=True, text=True, env=scale.env(home), timeout=3600)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        raise RuntimeError(done.stderr)
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=Path("/tmp/fieldcheck-bench-scale"))
    parser.add_argument("--before", default=None, help="the commit to compare with (default: merge-base with main)")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--size", choices=("602", "10000"), help="only this database")
    parser.add_argument("--slow-before", action="store_true", help="one pass for the before code at 10,000")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    args.work.mkdir(parents=True, exist_ok=True)
    before = args.before or subprocess.run(["git", "-C", str(scale.ROOT), "merge-base", "HEAD", "main"],
                                           capture_output=True, text=True, check=True).stdout.strip()[:10]
    trees = scale.trees(args.work, before)
    dbs = scale.databases(args.work, next(iter(trees.values())))
    print("search keystroke in the inspections list (refilter + repaint), median, offscreen:")
    for size, db in dbs.items():
        if args.size and not size.replace(",", "").startswith(args.size):
            continue
        queries = keystrokes(db)
        for name, tree in trees.items():
            copy = scale.copy_for(db, name, args.work)
            slow = args.slow_before and name.startswith("before") and "10,000" in size
            result = measure(tree, copy, queries, 1 if slow else args.passes, args.work / "home-list")
            times = result["times"]
            print(f"  {size:<34} {name:<28} median {statistics.median(times) * 1000:8.1f} ms"
                  f"  (of which refilter {statistics.median(result['filter']) * 1000:.1f} ms; max "
                  f"{max(times) * 1000:.1f} ms, {len(times)} keystrokes; list opened in {result['opened'] * 1000:.0f} ms;"
                  f" baseline: a bare QTableWidget repaint {statistics.median(result['bare']) * 1000:.1f} ms;"
                  f" CPU: keystroke {statistics.median(result['cpu']) * 1000:.1f} ms,"
                  f" bare repaint {statistics.median(result['bare_cpu']) * 1000:.1f} ms)",
                  flush=True)
    print("  one frame at 60 Hz: 16.7 ms")


if __name__ == "__main__":
    main()
