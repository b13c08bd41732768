"""The results window at 100,000 findings: time to its first paint and to its table filled, before and after.

The database is ``bench_results``'s (100 signed village inspections × 1,000 findings), made
by the "before" code so that both can read its rubric snapshots.
Each measurement is a fresh process (QT_QPA_PLATFORM=offscreen) whose first ``sys.path``
entry is the code measured: "before" is the commit ``--before`` (default ``main``) exported
with ``git archive`` (``benchmarks/scale.py``), "after" this checkout. The process opens the
view as File ▸ Results… does (make it, choose the rubric, ``refresh()``, ``show()``) and
reports, from just before the view is made:

* ``paint``: its first paint event, i.e. when the user first sees the window;
* ``filled``: when the ranking table has its rows (the results are on screen).

Runs interleave before and after so machine noise hits both alike; medians of ``--runs``.

Run: python -m benchmarks.bench_results_view [--runs N] [--before REV] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_results import INSPECTIONS, PER_INSPECTION
from benchmarks.scale import ROOT, export

# The database is made by the "before" code: a snapshot frozen by newer code may hold fields
# (a rubric's sampling: block) that older code refuses, while newer code reads older snapshots.
MAKE = """
import sys; sys.path.insert(0, sys.argv[1])
from pathlib import Path
from benchmarks.bench_results import build_db
build_db(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
"""

CHILD = """
import json, sys, time; sys.path.insert(0, sys.argv[1])
from fieldcheck.gui.qt import QtCore, QtWidgets
from fieldcheck.store import Store
app = QtWidgets.QApplication([])
store = Store.open(sys.argv[2], device="bench", backup_on_close=False, daily_backup=False)
from fieldcheck.gui.results.results_view import ResultsView
marks = {}

class Watch(QtCore.QObject):
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.perf_counter() - start
        return False

watch = Watch()
start = time.perf_counter()
view = ResultsView(store)
view.installEventFilter(watch)
view.rubric_box.blockSignals(True)
view.rubric_box.setCurrentIndex(view.rubric_box.findData("village-work-team"))
view.rubric_box.blockSignals(False)
view.refresh()
view.resize(1366, 768)
view.show()

def check():  # the event loop, as the window runs it (app.exec; a processEvents loop crashes PySide6 6.12 here)
    if (view.table.rowCount() and "paint" in marks) or time.perf_counter() - start > 120:
        marks["filled"] = time.perf_counter() - start
        app.quit()

poll = QtCore.QTimer()
poll.timeout.connect(check)
poll.start(5)
app.exec()
marks["rows"] = view.table.rowCount()
marks["notes"] = view.notes.text()
print(json.dumps(marks))
store.close()
"""


def run(tree: Path, db: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(db)], capture_output=True, text=True,
                          env=env, check=True, cwd=tree)
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    if not marks["rows"]:  # a failure shown in the window is no measurement
        sys.exit(f"{tree}: the results window showed no results: {marks['notes']}")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", default="main")
    parser.add_argument("--quick", action="store_true")
    args, _ = parser.parse_known_args(sys.argv[1:])
    inspections = 10 if args.quick else INSPECTIONS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        before = export(args.before, folder / "before")
        db = folder / "results.db"
        subprocess.run([sys.executable, "-c", MAKE, str(before), str(db), str(inspections), str(PER_INSPECTION)],
                       check=True, cwd=before)
        run(ROOT, db)  # untimed: a migration of the file, the first imports into the page cache
        figures: dict[str, list[dict]] = {"before": [], "after": []}
        for _ in range(args.runs):
            figures["before"].append(run(before, db))
            figures["after"].append(run(ROOT, db))
    print(f"results window, {inspections} signed inspections × {PER_INSPECTION} findings "
          f"(median of {args.runs}, seconds from opening)")
    for kind, label in (("before", f"before ({args.before})"), ("after", "after (this checkout)")):
        paint = statistics.median(f["paint"] for f in figures[kind])
        filled = statistics.median(f["filled"] for f in figures[kind])
        print(f"  {label}: first paint {paint:.2f} s, table filled {filled:.2f} s, rows {figures[kind][0]['rows']}")


if __name__ == "__main__":
    main()
