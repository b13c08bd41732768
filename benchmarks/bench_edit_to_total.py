"""From an edit in the window to the new total on screen, with the 考核细则 and 2,000 findings.

The real InspectionView (offscreen) on a real store file. Each timed run is what an
inspector's click costs: the undoable command writes the finding (one commit,
synchronous=FULL), the score is recomputed from ``store.answers`` by the engine, the
score panel, the tree and the item panel are refreshed, and the pending paint events are
processed, until the total label shows the new total.

Baselines from the same run, the parts the window cannot avoid:
* ``Store.add_finding`` alone (the write), and
* ``store.answers`` + ``scoring.score`` alone (the recompute), split into its two halves.

The window's own commits are timed inside its edits as well, and the rest (scoring, refreshing,
painting) is set beside the recompute alone: on a disk shared with other work the fsync of a
commit varies by several milliseconds from one run to the next, more than the window's own work.

Run: python -m benchmarks.bench_edit_to_total [--quick]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldcheck.engine import catalog, scoring
from fieldcheck.ops import scores
from fieldcheck.store import Store

COUNT_ITEMS = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2", "2.3.1", "2.5.1", "2.5.2", "2.5.3",
               "3.2.1", "3.4.1", "3.5.1", "2.6.2"]
FINDINGS = 2000
FRAME_MS = 1000 / 60


def _ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def _store(folder: Path) -> tuple[Store, str]:
    store = Store.open(folder / "bench.db", device="bench", backup_on_close=False, daily_backup=False)
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=None, assessee_name="梅花村",
                                         inspectors=["李明"], date="2026-11-22")
    store.findings.add_many(inspection, [{"item_id": COUNT_ITEMS[i % len(COUNT_ITEMS)], "note": f"第 {i} 处"}
                                    for i in range(FINDINGS)])
    return store, inspection


def main() -> None:
    from fieldcheck.gui.qt import QtWidgets
    from fieldcheck.gui.walk.inspection_view import InspectionView

    quick = "--quick" in sys.argv
    repeat = 15 if quick else 60
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    with tempfile.TemporaryDirectory(prefix="fieldcheck-bench-") as tmp:
        store, inspection = _store(Path(tmp))
        rubric = store.inspections.get(inspection).rubric
        assessee = store.inspections.get(inspection).assessee

        # baselines: the write alone, the recompute alone
        writes, answers_runs, score_runs, base_cpu = [], [], [], []
        for _ in range(repeat):
            cpu = time.thread_time()
            start = time.perf_counter()
            finding = store.findings.add(inspection, "3.2.1")
            writes.append(time.perf_counter() - start)
            start = time.perf_counter()
            answers = scores.answers(store, inspection)
            mid = time.perf_counter()
            scoring.score(rubric, answers, assessee)
            end = time.perf_counter()
            answers_runs.append(mid - start)
            score_runs.append(end - mid)
            base_cpu.append(time.thread_time() - cpu)
            store.findings.delete(finding.id)

        view = InspectionView(store, inspection)
        view.resize(1366, 740)
        view.show()
        app.processEvents()

        painting: list[float] = []
        # The commit (synchronous=FULL) is the same call in both paths, and on a shared disk its fsync
        # varies more than everything else together: time it inside the window's edit too, so that
        # what the window adds can be set beside the recompute it replaces.
        writing = [0.0]
        findings = store.findings
        def timing(call):
            def timed_write(*args, **kwargs):
                start = time.perf_counter()
                try:
                    return call(*args, **kwargs)
                finally:
                    writing[0] += time.perf_counter() - start
            return timed_write

        for name in ("add", "delete", "restore", "update", "set_value"):
            setattr(findings, name, timing(getattr(findings, name)))
        rest: list[float] = []
        cpu_runs: dict[str, list[float]] = {}

        def timed(action) -> list[float]:
            runs = []
            cpu_of = cpu_runs.setdefault(getattr(action, "__name__", "?"), [])
            for _ in range(repeat):
                writing[0] = 0.0
                cpu = time.thread_time()
                start = time.perf_counter()
                action()
                handled = time.perf_counter()
                app.processEvents()  # paint: the new total is on screen
                end = time.perf_counter()
                runs.append(end - start)
                painting.append(end - handled)
                rest.append(end - start - writing[0])
                cpu_of.append(time.thread_time() - cpu)
                assert view.score_panel.total_label.text() == f"{scoring_total(view)} / 210"
            return runs

        def scoring_total(v) -> str:
            from fieldcheck.engine.numbers import fmt
            return fmt(v.session.result.total)

        view.go_to_item("2.5.4")
        app.processEvents()
        flip = [True]

        def verdict():
            flip[0] = not flip[0]
            (view.panel.editor.yes_button if flip[0] else view.panel.editor.no_button).click()

        verdict_runs = timed(verdict)

        view.go_to_item("2.1.1")  # an item with 134 findings in its table
        app.processEvents()
        def add():
            view.panel.editor.add_buttons[None].click()

        add_runs = timed(add)
        undo_runs = timed(view.undo)
        view.close()
        store.close()

    base = _ms(writes) + _ms(answers_runs) + _ms(score_runs)
    print(f"edit → new total on screen, 考核细则 with {FINDINGS:,} findings ({repeat} runs, median)")
    print(f"  baseline: Store.add_finding alone (one commit, FULL) {_ms(writes):6.2f} ms")
    print(f"  baseline: store.answers ({FINDINGS:,} findings)          {_ms(answers_runs):6.2f} ms")
    print(f"  baseline: scoring.score                             {_ms(score_runs):6.2f} ms")
    print(f"  baseline: write + recompute, no window              {base:6.2f} ms")
    for label, runs in (("met/not met on 2.5.4", verdict_runs), ("add a finding on 2.1.1", add_runs),
                        ("undo (Ctrl+Z)", undo_runs)):
        print(f"  window: {label + ' → total shown':44s}{_ms(runs):6.2f} ms   ×{_ms(runs) / base:.1f}")
    print(f"  of which painting (all three kinds of edit)         {_ms(painting):6.2f} ms")
    recompute = _ms(answers_runs) + _ms(score_runs)
    print(f"  window without its write (all three kinds of edit)  {_ms(rest):6.2f} ms   "
          f"beside the recompute alone {recompute:.2f} ms: ×{_ms(rest) / recompute:.1f}")
    # CPU time of this thread: the work done, whatever else the machine runs (a wait for the disk is not in it)
    print(f"  CPU time: write + recompute, no window              {_ms(base_cpu):6.2f} ms")
    for label, name in (("met/not met", "verdict"), ("add a finding", "add"), ("undo", "undo")):
        print(f"  CPU time: window, {label:34s}{_ms(cpu_runs[name]):6.2f} ms   ×{_ms(cpu_runs[name]) / _ms(base_cpu):.1f}")
    print(f"  one frame at 60 Hz                                  {FRAME_MS:6.2f} ms")


if __name__ == "__main__":
    main()
