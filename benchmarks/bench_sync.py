"""Merging 50 bundles into an empty database, beside the machine's limits measured in the same run.

A source laptop makes ``bundles`` inspections, each with its share of the findings and
photos, and exports one incremental bundle after each (so 50 real, signed bundles). Then:

* merge: all bundles imported into an empty database (verify + one transaction each);
* baseline: plain sqlite3 ``executemany`` of the same finding rows in one transaction;
* baseline: sqlite-utils ``insert_all`` inside ``db.atomic()``;
* floor: the merge's own event and finding rows, written by ``executemany`` into the store's
  own schema (its indexes, the note index, WAL, a sync per commit, the merge's page cache and
  suspended triggers) in one transaction per bundle: what this store shape costs with no
  Python per row, so the merge's distance from its floor is told apart from the schema's;
* baseline: a disk copy of the photo files (``shutil.copyfile``);
* re-import of all bundles: no data written (``total_changes`` counts only the history's note per bundle), and its time;
* peak memory (max RSS) of a child process importing 10 and then all bundles: flat when streamed.

Run: python -m benchmarks.bench_sync [--scale 0.2] [--repeat 3] [--keep DIR] [--json]
(1.0 = 100,000 findings and 5,000 photos; ``--keep`` reuses the bundles, so two checkouts
can be timed on the same files)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

from fieldcheck.engine import catalog
from fieldcheck.ops.demo import make_photo
from fieldcheck.store import Store
from fieldcheck.sync import importer
from fieldcheck.sync.export import export_bundle
from fieldcheck.sync.importer import import_bundle

ITEMS = ("2.1.1", "2.1.2", "2.2.1", "2.5.1", "3.2.1")


def make_source(folder: Path, bundles: int, findings: int, photos: int) -> list[Path]:
    store = Store.open(folder / "source.db", device="source", daily_backup=False, backup_on_close=False)
    rubric = catalog.find("village-work-team")
    rng = random.Random(1)
    base = make_photo(rng, size=(800, 600))
    out = []
    with store.transaction():
        county = store.places.add("县", "基准县")
        town = store.places.add("乡镇", "基准镇", county)
    for b in range(bundles):
        village = store.places.add("村", f"基准{b}村", town)
        insp = store.inspections.create(rubric, assessee_id=village, assessee_name="", inspectors=["甲"],
                                        date="2026-11-20")
        per = findings // bundles
        ids = store.findings.add_many(insp, ({"item_id": ITEMS[k % 5], "note": f"第{k}处"} for k in range(per)))
        for k in range(photos // bundles):  # distinct photos: the same JPEG with different trailing bytes
            store.photos.add(ids[k], base + f"{b}-{k}".encode() * 40)
        out.append(export_bundle(store, folder / "usb" / f"b{b:02}.fcbundle", key_folder=folder / "keys").path)
    store.close()
    return out


def finding_rows(folder: Path) -> list[tuple]:
    conn = sqlite3.connect(folder / "source.db")
    rows = conn.execute("SELECT id, inspection_id, item_id, value, household_id, note, entered_by, device, hlc,"
                        " created_at, updated_at FROM findings").fetchall()
    conn.close()
    return rows


def executemany_rate(folder: Path, rows: list[tuple]) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / "plain.db", isolation_level=None)
    conn.execute("CREATE TABLE findings (id TEXT PRIMARY KEY, inspection_id TEXT, item_id TEXT, value TEXT,"
                 " household_id TEXT, note TEXT, entered_by TEXT, device TEXT, hlc TEXT, created_at TEXT,"
                 " updated_at TEXT)")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    rate = len(rows) / (time.perf_counter() - t0)
    conn.close()
    return rate


def floor_rate(folder: Path, merged: Path, bundles: int, *, events: bool = True, findings: bool = True,
               notes: bool = True) -> float:
    """Findings/s of writing the merged database's event and finding rows again, with no Python per row.

    A fresh store gets the merged records the events refer to (untimed); then, per bundle's
    share of the rows in the order the merge wrote them, one transaction: the events and the
    findings by ``executemany``, and the new notes indexed in one statement, as the merge does.
    ``bench_merge_floor`` leaves parts out (``events``, ``findings``, ``notes``) to see what each costs.
    """
    from fieldcheck.store.remote import MERGE_CACHE_KB
    from fieldcheck.store.schema import BULK_SUSPENDED

    floor = Store.open(folder / "floor.db", device="floor", daily_backup=False, backup_on_close=False)
    db, conn = floor.db, floor.connection
    conn.execute("ATTACH DATABASE ? AS merged", (str(merged),))
    for table in ("places", "households", "rubric_texts", "inspections"):
        if conn.execute("SELECT 1 FROM merged.sqlite_master WHERE name = ?", (table,)).fetchone():
            conn.execute(f"INSERT OR IGNORE INTO main.{table} SELECT * FROM merged.{table}")
    columns = "id, at, who, device, hlc, action, entity, entity_id, inspection_id, field, old, new, supersedes, seen, reason"
    event_rows = conn.execute(f"SELECT {columns} FROM merged.audit ORDER BY seq").fetchall()
    finding_rows = conn.execute("SELECT id, inspection_id, item_id, value, household_id, note, entered_by, device,"
                                " hlc, created_at, updated_at FROM merged.findings ORDER BY rowid").fetchall()
    conn.execute("DETACH DATABASE merged")
    marks = ", ".join("?" * 15)
    t0 = time.perf_counter()
    with db.cache(MERGE_CACHE_KB), db.wal_checkpoints_past(importer.MERGE_WAL_PAGES):
        for b in range(bundles):
            share = slice(len(event_rows) * b // bundles, len(event_rows) * (b + 1) // bundles)
            rows = slice(len(finding_rows) * b // bundles, len(finding_rows) * (b + 1) // bundles)
            with floor.transaction(), db.without_triggers(BULK_SUSPENDED):
                last = conn.execute("SELECT coalesce(max(rowid), 0) FROM findings").fetchone()[0]
                if events:
                    conn.executemany(f"INSERT INTO audit ({columns}) VALUES ({marks})", event_rows[share])
                if findings:
                    conn.executemany("INSERT INTO findings (id, inspection_id, item_id, value, household_id, note,"
                                     " entered_by, device, hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                                     " ?, ?, ?, ?)", finding_rows[rows])
                if findings and notes:
                    conn.execute("INSERT INTO findings_fts (rowid, note) SELECT rowid, note FROM findings"
                                 " WHERE rowid > ?", (last,))
    rate = len(finding_rows) / (time.perf_counter() - t0)
    floor.close()
    return rate


def sqlite_utils_rate(folder: Path, rows: list[tuple]) -> float:
    keys = ("id", "inspection_id", "item_id", "value", "household_id", "note", "entered_by", "device", "hlc",
            "created_at", "updated_at")
    db = sqlite_utils.Database(folder / "su.db")
    t0 = time.perf_counter()
    with db.atomic():
        db["findings"].insert_all((dict(zip(keys, r)) for r in rows), pk="id")
    return len(rows) / (time.perf_counter() - t0)


def copy_rate(source: Path, folder: Path, sync: bool) -> tuple[float, int]:
    """Bytes/s of a plain copy of the photo files (and with one ``os.sync()`` at the end, as the import does)."""
    files = [p for p in (source / "source-photos").rglob("*") if p.is_file()]
    target = folder / ("copied-sync" if sync else "copied")
    target.mkdir()
    total = sum(p.stat().st_size for p in files)
    t0 = time.perf_counter()
    for p in files:
        shutil.copyfile(p, target / p.name)
    if sync:
        os.sync()
    return total / (time.perf_counter() - t0), total


def child_peak(folder: Path, bundles: list[Path], name: str) -> int:
    """Peak resident memory (KB) of a fresh process importing these bundles into a new database."""
    code = ("import sys; from pathlib import Path; from fieldcheck.store import Store;"
            "from fieldcheck.sync.importer import import_bundle;"
            f"s = Store.open(Path({str(folder / name)!r}), device='m', daily_backup=False, backup_on_close=False);"
            "[import_bundle(s, Path(p), trust=True) for p in sys.argv[1:]]; s.close();"
            # VmHWM is this program's own peak: ru_maxrss keeps the forking parent's size across exec
            "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])")
    out = subprocess.run([sys.executable, "-c", code, *map(str, bundles)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1])


def merge_all(folder: Path, bundles: list[Path], name: str) -> dict[str, float]:
    """Import every bundle into a new database, then all again; the times, and what the second pass wrote."""
    photo_time = 0.0
    # the photos' part: checked and copied to temporary names, then renamed and flushed before the commit
    real = {step: getattr(importer, step) for step in ("_copy_photos", "_place")}

    def timed(step):
        def run(*a, **k):
            nonlocal photo_time
            t = time.perf_counter()
            try:
                return real[step](*a, **k)
            finally:
                photo_time += time.perf_counter() - t
        return run

    for step in real:
        setattr(importer, step, timed(step))
    try:
        target = Store.open(folder / name, device="leader", daily_backup=False, backup_on_close=False)
        t0, c0 = time.perf_counter(), time.process_time()
        for b in bundles:
            import_bundle(target, b, trust=True)
        merge, merge_cpu = time.perf_counter() - t0, time.process_time() - c0
        merged = target.connection.execute("SELECT count(*) FROM findings").fetchone()[0]
        events = target.connection.execute("SELECT count(*) FROM audit").fetchone()[0]
        before = target.connection.total_changes
        t0 = time.perf_counter()
        for b in bundles:
            import_bundle(target, b, trust=True)
        again = time.perf_counter() - t0
        written = target.connection.total_changes - before
        target.close()
    finally:
        for step, function in real.items():
            setattr(importer, step, function)
    return {"merge": merge, "merge_cpu": merge_cpu, "findings": merged, "events": events, "again": again, "written": written,
            "photo_time": photo_time}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--bundles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=1, help="merges (and baselines) to take the median of")
    parser.add_argument("--keep", type=Path, help="make the bundles here, or reuse the ones already there")
    parser.add_argument("--json", action="store_true", help="print the medians as one JSON line")
    args = parser.parse_args()
    findings, photos = int(100_000 * args.scale), int(5_000 * args.scale)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = args.keep or folder
        bundles = sorted((made / "usb").glob("*.fcbundle")) if args.keep else []
        if not bundles:
            made.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            bundles = make_source(made, args.bundles, findings, photos)
            print(f"made {len(bundles)} bundles: {findings} findings, {photos} photos,"
                  f" {sum(b.stat().st_size for b in bundles) / 1e6:.0f} MB, in {time.perf_counter() - t0:.0f} s")
        rows = finding_rows(made)
        runs, plains, floors = [], [], []
        for n in range(args.repeat):  # alternated, so that a busy spell of the machine hits all alike
            runs.append(merge_all(folder, bundles, f"merged{n}.db"))
            plains.append(executemany_rate(folder / f"plain{n}", rows))
            floors.append(floor_rate(folder / f"floor{n}", folder / f"merged{n}.db", len(bundles)))
        run = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        plain, floor = statistics.median(plains), statistics.median(floors)
        su = sqlite_utils_rate(folder, rows)
        copy, photo_bytes = copy_rate(made, folder, sync=False)
        copy_synced, _ = copy_rate(made, folder, sync=True)
        few, every = child_peak(folder, bundles[:10], "m10.db"), child_peak(folder, bundles, "m50.db")
    merge = run["merge"]
    if args.json:
        print(json.dumps({"runs": len(runs), "merge_s": merge, "merge_cpu_s": run["merge_cpu"],
                          "merge_runs_s": [round(r["merge"], 1) for r in runs], "findings_per_s": run["findings"] / merge,
                          "events_per_s": run["events"] / merge, "executemany_rows_per_s": plain,
                          "ratio": run["findings"] / merge / plain, "floor_findings_per_s": floor,
                          "floor_ratio": floor / plain, "merge_to_floor": run["findings"] / merge / floor,
                          "sqlite_utils_rows_per_s": su,
                          "photos_mb_per_s": photo_bytes / run["photo_time"] / 1e6, "copy_mb_per_s": copy / 1e6,
                          "copy_sync_mb_per_s": copy_synced / 1e6, "reimport_s": run["again"],
                          "reimport_written": run["written"], "peak_10_mb": few / 1024, "peak_all_mb": every / 1024}))
        return
    print(f"merge of {len(bundles)} bundles (median of {len(runs)}): {merge:.1f} s, {run['findings']:.0f} findings"
          f" ({run['events']:.0f} events): {run['findings'] / merge:,.0f} findings/s overall"
          f" ({run['events'] / merge:,.0f} events/s), {run['findings'] / merge / plain:.0%} of executemany;"
          f" CPU {run['merge_cpu']:.1f} s")
    print(f"  baseline sqlite3 executemany, one transaction: {plain:,.0f} rows/s")
    print(f"  baseline sqlite-utils insert_all in db.atomic(): {su:,.0f} rows/s")
    print(f"  floor: the merge's event and finding rows by executemany into the store's schema, one transaction per"
          f" bundle: {floor:,.0f} findings/s ({floor / plain:.0%} of executemany); the merge runs at"
          f" {run['findings'] / merge / floor:.0%} of its floor")
    print(f"  photos: {photo_bytes / 1e6:.0f} MB copied in by the import (copy, one sync per bundle) at"
          f" {photo_bytes / run['photo_time'] / 1e6:,.0f} MB/s; plain disk copy {copy / 1e6:,.0f} MB/s,"
          f" the same with one sync {copy_synced / 1e6:,.0f} MB/s")
    print(f"re-import of all {len(bundles)}: {run['again']:.1f} s, {run['written']:.0f} rows written")
    print(f"peak memory (max RSS) importing 10 bundles: {few / 1024:.0f} MB; all {len(bundles)}: {every / 1024:.0f} MB")
    print(f"this process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
