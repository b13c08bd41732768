"""Where the merge's floor goes: the store's rows written with no Python per row, part by part.

``bench_sync`` measures the merge beside two limits: bare ``executemany`` of the finding rows
into a one-index table, and the floor (the merge's own event and finding rows written again by
``executemany`` into this store's schema). This takes the floor apart, on the same merged
database, each variant beside the bare ``executemany`` of the same run:

* the floor as ``bench_sync`` measures it (one transaction per bundle), and in one transaction;
* the finding rows alone, with and without the note index; the event rows alone;
* an import done by SQLite alone: each bundle's event lines parsed by SQLite's JSON functions
  and written as event and finding rows by ``INSERT … SELECT``, with the note index; no
  Python touches an event, and nothing is checked. It tells whether moving the merge's work
  from Python into SQL could lift it above the floor.

Run: python -m benchmarks.bench_merge_floor [--keep DIR] [--repeat 3]
(``--keep`` reuses bundles made by ``bench_sync --keep DIR``, or makes them there)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks.bench_sync import executemany_rate, finding_rows, floor_rate, make_source
from fieldcheck.store import Store
from fieldcheck.store.remote import MERGE_CACHE_KB
from fieldcheck.store.schema import BULK_SUSPENDED
from fieldcheck.sync import importer
from fieldcheck.sync.importer import import_bundle

EVENT_COLUMNS = ("id", "at", "who", "device", "hlc", "action", "entity", "entity_id", "inspection_id", "field",
                 "old", "new", "supersedes", "seen", "reason")
JSON_COLUMNS = {"old", "new", "supersedes", "seen"}  # kept as JSON text, as the merge keeps them


def merged_database(folder: Path, bundles: list[Path]) -> Path:
    """The bundles merged once by the real import: the rows every variant writes again."""
    path = folder / "merged.db"
    store = Store.open(path, device="leader", daily_backup=False, backup_on_close=False)
    for bundle in bundles:
        import_bundle(store, bundle, trust=True)
    store.close()
    return path


def sql_import_rate(folder: Path, merged: Path, bundles: list[Path]) -> float:
    """Findings/s of an import by SQLite alone: JSON lines parsed and written by ``INSERT … SELECT``."""
    store = Store.open(folder / "sql.db", device="sql", daily_backup=False, backup_on_close=False)
    db, conn = store.db, store.connection
    conn.execute("ATTACH DATABASE ? AS merged", (str(merged),))
    for table in ("places", "households", "rubric_texts", "inspections"):  # what the events refer to, untimed
        conn.execute(f"INSERT OR IGNORE INTO main.{table} SELECT * FROM merged.{table}")
    conn.execute("DETACH DATABASE merged")
    conn.execute("CREATE TEMP TABLE line (event TEXT)")
    picked = ", ".join(
        f"CASE WHEN json_type(event, '$.{c}') IN ('object', 'array') THEN json_extract(event, '$.{c}')"
        f" ELSE json_quote(json_extract(event, '$.{c}')) END" if c in JSON_COLUMNS
        else f"nullif(json_extract(event, '$.{c}'), '')" for c in EVENT_COLUMNS)
    members = [zipfile.ZipFile(b).read("events.jsonl").decode("utf-8") for b in bundles]  # read untimed
    t0 = time.perf_counter()
    with db.cache(MERGE_CACHE_KB), db.wal_checkpoints_past(importer.MERGE_WAL_PAGES):
        for member in members:
            with store.transaction(), db.without_triggers(BULK_SUSPENDED):
                last = conn.execute("SELECT coalesce(max(rowid), 0) FROM findings").fetchone()[0]
                conn.execute("INSERT INTO temp.line SELECT value FROM json_each(?)",
                             ("[" + ",".join(member.splitlines()) + "]",))
                conn.execute(f"INSERT INTO audit ({', '.join(EVENT_COLUMNS)}) SELECT {picked} FROM temp.line")
                conn.execute(
                    "INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device,"
                    " hlc, created_at, updated_at) SELECT json_extract(event, '$.entity_id'),"
                    " json_extract(event, '$.inspection_id'), json_extract(event, '$.new.item_id'),"
                    " json_extract(event, '$.new.value'), json_extract(event, '$.new.household_id'),"
                    " json_extract(event, '$.new.note'), json_extract(event, '$.new.entered_by'),"
                    " json_extract(event, '$.device'), json_extract(event, '$.hlc'), json_extract(event, '$.at'),"
                    " json_extract(event, '$.at') FROM temp.line"
                    " WHERE json_extract(event, '$.entity') = 'finding' AND json_extract(event, '$.action') = 'create'")
                conn.execute("INSERT INTO findings_fts (rowid, note) SELECT rowid, note FROM findings WHERE rowid > ?",
                             (last,))
                conn.execute("DELETE FROM temp.line")
    elapsed = time.perf_counter() - t0
    written = conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    store.close()
    return written / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="bundles made by bench_sync --keep DIR (made there if missing)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = args.keep or folder
        bundles = sorted((made / "usb").glob("*.fcbundle"))
        if not bundles:
            made.mkdir(parents=True, exist_ok=True)
            bundles = make_source(made, 50, 100_000, 5_000)
        merged = merged_database(folder, bundles)
        rows = finding_rows(made)
        variants = {
            "bare executemany of the finding rows, one transaction": lambda d: executemany_rate(d, rows),
            "floor: event and finding rows, note index, a transaction per bundle":
                lambda d: floor_rate(d, merged, len(bundles)),
            "the same in one transaction": lambda d: floor_rate(d, merged, 1),
            "finding rows and note index only": lambda d: floor_rate(d, merged, len(bundles), events=False),
            "finding rows only, no note index": lambda d: floor_rate(d, merged, len(bundles), events=False, notes=False),
            "event rows only": lambda d: floor_rate(d, merged, len(bundles), findings=False),
            "import by SQLite alone (JSON parsed in SQL, INSERT … SELECT)":
                lambda d: sql_import_rate(d, merged, bundles),
        }
        rates: dict[str, list[float]] = {name: [] for name in variants}
        for n in range(args.repeat):  # interleaved, so that a busy spell of the machine hits all alike
            for k, (name, run) in enumerate(variants.items()):
                place = folder / f"run{n}-{k}"
                place.mkdir()
                rates[name].append(run(place))
    medians = {name: statistics.median(r) for name, r in rates.items()}
    bare = next(iter(medians.values()))
    print(f"medians of {args.repeat}, findings/s, and the share of bare executemany's rate in the same run:")
    for name, rate in medians.items():
        print(f"  {rate:>9,.0f}  {rate / bare:6.1%}  {name}")


if __name__ == "__main__":
    main()
