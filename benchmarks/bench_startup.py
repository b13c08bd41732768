"""Start-up of the window: process start to a usable window, beside a bare PySide6 window started the same way.

Each run is a fresh process (``sys.executable``, QT_QPA_PLATFORM=offscreen) timed from spawn
until it prints "ready" from the first turn of its event loop after ``show()``:

* baseline: ``import PySide6.QtWidgets``, a QApplication and an empty QMainWindow;
* ``fieldcheck --db demo.db``: the inspections list of the demo county (8 inspections);
* the same, reopening the last inspection (the 考核细则 walk with its tree, editor and score).

Runs are interleaved so machine noise hits every case alike; medians of ``--runs`` (default 7).
Run: python -m benchmarks.bench_startup [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time; t0 = time.perf_counter()
from PySide6 import QtCore, QtWidgets
from fieldcheck.ops import scores
app = QtWidgets.QApplication([])
w = QtWidgets.QMainWindow(); w.setWindowTitle("bare"); w.resize(1366, 768); w.show()
def ready():
    print("ready", flush=True); w.close()
QtCore.QTimer.singleShot(0, ready)
app.exec()
"""


def timed(args: list[str], env: dict) -> float:
    """Seconds from spawning the process to its "ready" line."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for line in proc.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{args} never became ready: {proc.stderr.read()}")
    proc.wait(30)
    return elapsed


def prepare(home: Path) -> tuple[Path, str]:
    """A demo database, and the id of a draft village inspection to reopen."""
    from fieldcheck.ops import scores
    from fieldcheck.ops.demo import populate
    from fieldcheck.store import Store

    db = home / "demo.db"
    store = Store.open(db, device="bench")
    populate(store)
    rows = [r for r in scores.scored_rows(store, status="draft") if r.rubric_id == "village-work-team"]
    store.close()
    return db, max(rows, key=lambda r: r.findings).id


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    with tempfile.TemporaryDirectory(prefix="fieldcheck-bench-start-") as tmp:
        home = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDCHECK_HOME=str(home), FIELDCHECK_LANG="zh")
        db, inspection_id = prepare(home)
        settings = home / "settings.ini"
        app = [sys.executable, "-m", "fieldcheck", "--db", str(db), "--quit-when-ready"]
        cases = {"bare PySide6 window (baseline)": ([sys.executable, "-c", BARE], None),
                 "fieldcheck: inspections list": (app, ""),
                 "fieldcheck: reopen an inspection (考核细则)": (app, inspection_id)}
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (command, reopen) in cases.items():
                if reopen is not None:
                    # The window reopens what settings.ini names; "" means the list.
                    settings.write_text("[first_start]\ndone=true\n" + (f"[last]\ninspection={reopen}\n" if reopen else ""),
                                        encoding="utf-8")
                times[name].append(timed(command, env))
        base = statistics.median(times["bare PySide6 window (baseline)"])
        print(f"start to a usable window, median of {args.runs} (offscreen, fresh process each):")
        for name, runs in times.items():
            median = statistics.median(runs)
            print(f"  {name:<44} {median * 1000:7.0f} ms  ({median / base:.1f}× baseline)")


if __name__ == "__main__":
    main()
