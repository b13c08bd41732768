"""Double inspections at county scale: listing them, comparing two, recording the reconciled result.

On ``benchmarks.county`` (every village inspected three times on the 考核细则), each beside a
baseline measured in the same run:

* doubles: ``ops.doubles.doubles`` over every inspection; baseline: ``store.inspections.listing()``,
  the list's own read, which it groups.
* compare: ``ops.compare.compare`` of two inspections of one village (both scores, findings,
  photos); baseline: ``ops.scores.score_inspection`` of the same two.
* reconcile: ``ops.reconcile.reconcile`` taking B on every differing item; baseline:
  ``store.duplicate_inspection`` of A (a copy of an inspection with its findings and marks).

Run: python -m benchmarks.bench_compare [--inspections N]   (medians of 5)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.county import make_county
from fieldcheck.ops.compare import compare
from fieldcheck.ops.doubles import doubles
from fieldcheck.ops.reconcile import Choice, reconcile
from fieldcheck.ops.scores import score_inspection
from fieldcheck.store import Store


def median_ms(work, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=10_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "county.db", daily_backup=False, backup_on_close=False)
        made = time.perf_counter()
        make_county(store, args.inspections)
        print(f"county of {args.inspections} inspections made in {time.perf_counter() - made:.1f} s")
        found = doubles(store)
        pair = next(d for d in found if d.rubric_id == "village-work-team" and d.same_version)
        a, b = pair.inspections[0].id, pair.inspections[1].id
        rows = [
            ("doubles (all pairs)", median_ms(lambda: doubles(store)), "inspections.listing()",
             median_ms(lambda: store.inspections.listing())),
            ("compare A with B", median_ms(lambda: compare(store, a, b)), "score_inspection × 2",
             median_ms(lambda: (score_inspection(store, a), score_inspection(store, b)))),
        ]
        differing = [i.id for i in compare(store, a, b).differing]
        choices = {item: Choice("b", "基准测试") for item in differing}
        rows.append(("reconcile (B on each differing item)", median_ms(lambda: reconcile(store, a, b, choices)),
                     "duplicate_inspection(A)", median_ms(lambda: store.duplicate_inspection(a))))
        print(f"{len(found)} pairs; the pair compared differs on {len(differing)} items")
        print(f"{'what':40} {'ms':>8}   {'baseline':28} {'ms':>8}")
        for what, ms, base, base_ms in rows:
            print(f"{what:40} {ms:8.1f}   {base:28} {base_ms:8.1f}")
        store.close()


if __name__ == "__main__":
    main()
