"""Start-up of the window: process start to a usable window, beside a bare PySide6 window started the same way.

Each run is a fresh process (``sys.executable``, QT_QPA_PLATFORM=offscreen) timed from spawn
until it prints "ready" from the first turn of its event loop after ``show()``:

* baseline: ``import PySide6.QtWidgets``, a QApplication and an empty QMainWindow;
* ``fieldcheck --db demo.db``: the inspections list of the demo county (8 inspections);
* the same, reopening the last inspection (the 考核细则 walk with its tree, editor and score).

Runs are interleaved so machine noise hits every case alike; medians of ``--runs`` (default 7),
of the wall time to "ready", of the process's CPU time until "ready" (as the process reports it:
``ready <seconds> <CPU seconds>``; code that prints a bare "ready" shows —) and of the whole
process's CPU time (start to exit, from ``wait4``: the exit's teardown too).
Bytecode is compiled (``PYTHONDONTWRITEBYTECODE`` unset, one untimed start first), as an
installed program has it.

``--scale`` measures the inspections list at scale instead, before and after (see
``benchmarks/scale.py``): ``fieldcheck --db`` on the demo county with 600 villages (602
inspections) and on 10,000 inspections (``benchmarks.county``), each with the code the
branch started from and with this checkout, beside a bare PySide6 window (nothing of
FieldCheck imported) started the same way, all interleaved. One untimed start of each case
first (the daily backup, and the "after" code's migration of its copy, happen then).

``--frozen PROGRAM --frozen-bare BARE`` measures a frozen build (``installer/build``) on the demo
county and on 10,000 inspections beside a bare PySide6 window frozen the same way.

Run: python -m benchmarks.bench_startup [--runs N] [--scale [--work DIR]] [--frozen PROGRAM --frozen-bare BARE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_QT = """
import time
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
w = QtWidgets.QMainWindow(); w.setWindowTitle("bare"); w.resize(1366, 768); w.show()
def ready():
    print(f"ready 0 {time.process_time():.4f}", flush=True); w.close()
QtCore.QTimer.singleShot(0, ready)
app.exec()
"""


def timed(args: list[str], env: dict, cwd: Path | None = None) -> tuple[float, float | None, float]:
    """Seconds from spawning the process to its "ready" line, its CPU seconds until then (when the
    line says: ``ready <seconds> <CPU seconds>``), and the CPU seconds of the whole process."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}  # compiled, as installed
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=cwd)
    elapsed = cpu_ready = None
    for line in proc.stdout:
        if line.startswith("ready") and elapsed is None:
            elapsed = time.perf_counter() - start
            words = line.split()
            cpu_ready = float(words[2]) if len(words) > 2 else None
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if elapsed is None:
        raise RuntimeError(f"{args} never became ready (exit {proc.returncode})")
    return elapsed, cpu_ready, usage.ru_utime + usage.ru_stime


def report(title: str, times: dict[str, list[tuple[float, float | None, float]]]) -> None:
    """Medians of wall (to ready), CPU to ready and CPU of the whole process, each beside the first case (the baseline)."""
    print(title)
    base: list[float | None] = [None, None, None]
    for name, runs in times.items():
        medians = [statistics.median(r[0] for r in runs),
                   statistics.median(r[1] for r in runs) if all(r[1] is not None for r in runs) else None,
                   statistics.median(r[2] for r in runs)]
        if name == next(iter(times)):
            base = medians  # the first case is the baseline; a figure it lacks has no ratio
        cells = [f"{m * 1000:6.0f} ms ({m / b:.2f}×)" if m is not None and b else f"{'—':>6}            "
                 for m, b in zip(medians, base)]
        print(f"  {name:<62} wall {cells[0]}   CPU to ready {cells[1]}   CPU whole {cells[2]}")


def at_scale(runs: int, work: Path) -> None:
    """Start to a usable list with 602 and 10,000 inspections, before and after, beside a bare window."""
    from benchmarks import scale

    work.mkdir(parents=True, exist_ok=True)
    before = subprocess.run(["git", "-C", str(scale.ROOT), "merge-base", "HEAD", "main"], capture_output=True,
                            text=True, check=True).stdout.strip()[:10]
    trees = scale.trees(work, before)
    dbs = scale.databases(work, next(iter(trees.values())))
    cases: dict[str, tuple[list[str], Path | None, Path]] = {
        "bare PySide6 window (baseline)": ([sys.executable, "-c", BARE_QT], None, work / "home-bare")}
    for size, db in dbs.items():
        for name, tree in trees.items():
            home = work / f"home-start-{len(cases)}"
            home.mkdir(exist_ok=True)
            (home / "settings.ini").write_text("[first_start]\ndone=true\n", encoding="utf-8")
            copy = scale.copy_for(db, name, work)
            cases[f"{size}, {name}"] = ([sys.executable, "-m", "fieldcheck", "--db", str(copy), "--quit-when-ready"],
                                        tree, home)
    for command, tree, home in cases.values():  # untimed: backups, migration
        timed(command, scale.env(home), cwd=tree)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (command, tree, home) in cases.items():
            times[name].append(timed(command, scale.env(home), cwd=tree))
    report(f"start to a usable inspections list, median of {runs} (offscreen, fresh process each, interleaved):",
           times)


def frozen(runs: int, program: Path, bare: Path, work: Path) -> None:
    """The frozen program's start to a usable list, demo county and 10,000, beside a bare window frozen alike."""
    from benchmarks import scale

    work.mkdir(parents=True, exist_ok=True)
    home = work / "home-frozen"
    home.mkdir(exist_ok=True)
    (home / "settings.ini").write_text("[first_start]\ndone=true\n", encoding="utf-8")
    demo = work / "frozen-demo.db"
    if not demo.exists():
        populated, _ = prepare(home)
        os.replace(populated, demo)
    county = work / "frozen-county10k.db"
    if not county.exists():
        tree = scale.trees(work)["after (this branch)"]
        shutil.copyfile(scale.databases(work, tree)["10,000 (benchmarks.county)"], county)
    cases = {"bare PySide6 window, frozen alike (baseline)": [str(bare)],
             "frozen FieldCheck, demo county (8 inspections)": [str(program), "--db", str(demo), "--quit-when-ready"],
             "frozen FieldCheck, 10,000 inspections": [str(program), "--db", str(county), "--quit-when-ready"]}
    env = scale.env(home)
    for command in cases.values():  # untimed: the migration, the score cache, the page cache
        timed(command, env)
    times: dict[str, list[tuple[float, float | None, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, command in cases.items():
            times[name].append(timed(command, env))
    report(f"frozen: start to a usable inspections list, median of {runs} (offscreen, interleaved):", times)


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
    parser.add_argument("--scale", action="store_true", help="the list with 602 and 10,000 inspections, before/after")
    parser.add_argument("--work", type=Path, default=Path("/tmp/fieldcheck-bench-scale"))
    parser.add_argument("--frozen", type=Path, metavar="PROGRAM", help="a frozen fieldcheck (installer/build)")
    parser.add_argument("--frozen-bare", type=Path, metavar="PROGRAM", help="the bare window frozen alike")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    if args.frozen:
        frozen(args.runs, args.frozen, args.frozen_bare, args.work)
        return
    if args.scale:
        at_scale(args.runs, args.work)
        return
    with tempfile.TemporaryDirectory(prefix="fieldcheck-bench-start-") as tmp:
        home = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDCHECK_HOME=str(home), FIELDCHECK_LANG="zh")
        db, inspection_id = prepare(home)
        settings = home / "settings.ini"
        app = [sys.executable, "-m", "fieldcheck", "--db", str(db), "--quit-when-ready"]
        cases = {"bare PySide6 window (baseline)": ([sys.executable, "-c", BARE_QT], None),
                 "fieldcheck: inspections list": (app, ""),
                 "fieldcheck: reopen an inspection (考核细则)": (app, inspection_id)}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for run in range(args.runs + 1):  # the first round untimed: bytecode written, backups taken
            for name, (command, reopen) in cases.items():
                if reopen is not None:
                    # The window reopens what settings.ini names; "" means the list.
                    settings.write_text("[first_start]\ndone=true\n" + (f"[last]\ninspection={reopen}\n" if reopen else ""),
                                        encoding="utf-8")
                measured = timed(command, env)
                if run:
                    times[name].append(measured)
        report(f"start to a usable window, median of {args.runs} (offscreen, fresh process each, interleaved):",
               times)


if __name__ == "__main__":
    main()
