"""From an edit in the window to the new total on screen, beside the same write and rescore with no window.

The real InspectionView (offscreen) on a real store file of the 考核细则 with 2,000 findings.
Four edits an inspector makes, each set beside its own baseline, the same store call with
the score then computed as a command would, with no window (``ops.scores``: every finding
read, answers derived, the engine):

==================  =====================================  ==========================================
edit                window (the click to the total shown)   baseline (no window)
==================  =====================================  ==========================================
met / not met       a verdict button on 2.5.4               ``findings.set_value`` on another such item
add a finding       "+ Add finding" on 2.1.1 (134 rows)     ``findings.add`` on 3.2.1
undo                Ctrl+Z of one of those adds             ``findings.delete`` of a baseline finding
redo                Ctrl+Y                                  ``findings.restore`` of it
==================  =====================================  ==========================================

The window's time runs from the click until ``processEvents`` has painted what changed.

Trustworthy on a shared machine: each window edit is paired with its baseline, the two
alternating which goes first, so both meet the same load and the same disk (a commit with
synchronous=FULL varies by milliseconds from one moment to the next); each is timed in wall
time and in this thread's CPU time (``time.thread_time``: the work done, whatever else the
machine runs; a wait for the disk is not in it). Medians of ``--repeat`` pairs (60), the whole
run made ``--runs`` times (3), each on a fresh store, and every run reported.

``--profile`` instead runs cProfile around each edit's whole slot chain (click → store →
score → views → paint) and prints the functions that take the time.

Run: python -m benchmarks.bench_edit_to_total [--repeat N] [--runs N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldcheck.engine import catalog
from fieldcheck.engine.numbers import fmt
from fieldcheck.ops import scores
from fieldcheck.store import Store

COUNT_ITEMS = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2", "2.3.1", "2.5.1", "2.5.2", "2.5.3",
               "3.2.1", "3.4.1", "3.5.1", "2.6.2"]
FINDINGS = 2000
FRAME_MS = 1000 / 60
WINDOW_VERDICT, WINDOW_COUNT, BASE_COUNT = "2.5.4", "2.1.1", "3.2.1"
OPERATIONS = ("met / not met", "add a finding", "undo (Ctrl+Z)", "redo (Ctrl+Y)")


def _store(folder: Path) -> tuple[Store, str]:
    store = Store.open(folder / "bench.db", device="bench", backup_on_close=False, daily_backup=False)
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=None, assessee_name="梅花村",
                                         inspectors=["李明"], date="2026-11-22")
    store.findings.add_many(inspection, [{"item_id": COUNT_ITEMS[i % len(COUNT_ITEMS)], "note": f"第 {i} 处"}
                                    for i in range(FINDINGS)])
    return store, inspection


class Bench:
    """One fresh store and window, and the paired edits on them."""

    def __init__(self, folder: Path):
        from fieldcheck.gui.qt import QtWidgets  # lazy: the window's modules only once the benchmark runs
        from fieldcheck.gui.walk.inspection_view import InspectionView  # lazy: as above

        self.app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
        self.store, self.inspection = _store(folder)
        record = self.store.inspections.get(self.inspection)
        kind = record.rubric.node(WINDOW_VERDICT).rule.kind
        # the baseline's met/not met goes to another item of the same form, so the window's stays its own
        self.base_verdict = next(i.id for i in record.rubric.items() if i.rule.kind == kind and i.id != WINDOW_VERDICT)
        self.view = InspectionView(self.store, self.inspection)
        self.view.resize(1366, 740)
        self.view.show()
        self.app.processEvents()
        self.base_added: list[str] = []
        self._deleted: list[bool] = []
        self.flip = [False, False]

    def close(self) -> None:
        self.view.close()
        self.store.close()

    # -- the baseline: the store call, then the score as a command computes it -----------------------
    def rescore(self) -> None:
        inspection = self.store.inspections.get(self.inspection)
        scores.score_answers(inspection, scores.answers(self.store, self.inspection))

    def base_verdict_edit(self) -> None:
        self.flip[0] = not self.flip[0]
        self.store.findings.set_value(self.inspection, self.base_verdict, self.flip[0])
        self.rescore()

    def base_add(self) -> None:
        self.base_added.append(self.store.findings.add(self.inspection, BASE_COUNT).id)
        self.rescore()

    def base_delete(self) -> None:
        self.store.findings.delete(self.base_added[-1 - len(self._deleted)])
        self._deleted.append(True)
        self.rescore()

    def base_restore(self) -> None:
        self.store.findings.restore(self.base_added[len(self.base_added) - len(self._deleted)])
        self._deleted.pop()
        self.rescore()

    # -- the window: a click, then everything it repaints ------------------------------------------------
    def window_verdict(self) -> None:
        self.flip[1] = not self.flip[1]
        editor = self.view.panel.editor
        (editor.yes_button if self.flip[1] else editor.no_button).click()
        self.app.processEvents()

    def window_add(self) -> None:
        self.view.panel.editor.add_buttons[None].click()
        self.app.processEvents()

    def window_undo(self) -> None:
        self.view.undo()
        self.app.processEvents()

    def window_redo(self) -> None:
        self.view.redo()
        self.app.processEvents()

    def pairs(self) -> list[tuple[str, str, Callable[[], None], Callable[[], None]]]:
        """(operation, item the window shows, baseline, window) in the order they must run."""
        return [(OPERATIONS[0], WINDOW_VERDICT, self.base_verdict_edit, self.window_verdict),
                (OPERATIONS[1], WINDOW_COUNT, self.base_add, self.window_add),
                (OPERATIONS[2], WINDOW_COUNT, self.base_delete, self.window_undo),
                (OPERATIONS[3], WINDOW_COUNT, self.base_restore, self.window_redo)]

    def check_total(self) -> None:
        shown = self.view.score_panel.total_label.text()
        assert shown.startswith(fmt(self.view.session.result.total) + " /"), shown


def _timed(call: Callable[[], None]) -> tuple[float, float]:
    cpu = time.thread_time()
    start = time.perf_counter()
    call()
    return time.perf_counter() - start, time.thread_time() - cpu


def run(repeat: int) -> dict[str, dict[str, list[float]]]:
    """One run on a fresh store: per operation, wall and CPU seconds of the baseline and the window."""
    out: dict[str, dict[str, list[float]]] = {}
    for bench, name, base, window in _each_pair():
        runs = out[name] = {"base_wall": [], "base_cpu": [], "window_wall": [], "window_cpu": []}
        for n in range(repeat):
            # alternate which of the two goes first: neither always meets the other's after-effects
            for side, call in ((("base", base), ("window", window)) if n % 2 == 0
                               else (("window", window), ("base", base))):
                wall, cpu = _timed(call)
                runs[f"{side}_wall"].append(wall)
                runs[f"{side}_cpu"].append(cpu)
            bench.check_total()
    return out


def _each_pair() -> Iterator[tuple[Bench, str, Callable[[], None], Callable[[], None]]]:
    """On a fresh store, each operation's (bench, name, baseline, window edit), its item shown first."""
    with tempfile.TemporaryDirectory(prefix="fieldcheck-bench-") as tmp:
        bench = Bench(Path(tmp))
        try:
            for name, item, base, window in bench.pairs():
                bench.view.go_to_item(item)
                bench.app.processEvents()
                yield bench, name, base, window
        finally:
            bench.close()


def profile(repeat: int, top: int = 25) -> None:
    """cProfile around each window edit's slot chain (click to paint), the baseline left out."""
    for _bench, name, base, window in _each_pair():
        profiler = cProfile.Profile()
        for _ in range(repeat):
            base()  # keeps the baseline's findings in step for undo and redo
            profiler.runcall(window)
        print(f"\n== {name}: the window's slot chain, {repeat} edits, by own time")
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(top)


def _ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def report(results: list[dict[str, dict[str, list[float]]]], repeat: int) -> None:
    print(f"edit → new total on screen, 考核细则 with {FINDINGS:,} findings: median of {repeat} interleaved pairs, "
          f"{len(results)} runs")
    print(f"  {'':16s}{'':6s}" + "".join(f"{'run ' + str(k + 1):>28s}" for k in range(len(results))))
    print(f"  {'':16s}{'':6s}" + f"{'baseline  window  ×':>28s}" * len(results))
    for name in OPERATIONS:
        for clock in ("wall", "cpu"):
            cells = []
            for runs in results:
                base, window = _ms(runs[name][f"base_{clock}"]), _ms(runs[name][f"window_{clock}"])
                cells.append(f"{base:8.2f}  {window:6.2f}  {window / base:4.2f}")
            print(f"  {name:16s}{clock:6s}" + "".join(f"{c:>28s}" for c in cells))
    print(f"  (ms; baseline = the same store call + ops.scores with no window; one frame at 60 Hz = {FRAME_MS:.2f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench_edit_to_total")
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="15 pairs, one run")
    parser.add_argument("--profile", action="store_true")
    args, _ = parser.parse_known_args()
    if args.quick:
        args.repeat, args.runs = 15, 1
    if args.profile:
        profile(args.repeat)
        return
    load = os.getloadavg()[0]
    results = [run(args.repeat) for _ in range(args.runs)]
    report(results, args.repeat)
    print(f"  load average (1 min) {load:.2f} before, {os.getloadavg()[0]:.2f} after, on {os.cpu_count()} cores: "
          "the wall times wait for the CPU as well")


if __name__ == "__main__":
    main()
