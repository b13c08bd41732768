"""The local store's speed, each figure beside a plain sqlite3 / Pillow baseline measured in the same run.

1. Insert 100,000 findings: ``Store.add_findings`` (one transaction, each finding checked
   against its rule and written with its audit row and HLC stamp) against a bare
   ``executemany`` of the same rows into the same table, WAL + synchronous=FULL.
   Also single edits as the window makes them (one commit each, synchronous=FULL):
   ``Store.add_finding`` against a bare one-row INSERT + COMMIT.
2. Open an inspection with 2,000 findings and compute its score: ``Store.open`` +
   ``Store.score`` (a cold process: the frozen rubric snapshot is parsed once) against
   ``sqlite3.connect`` + SELECT of the same 2,000 rows.
3. Add 12 MP photos (4000×3000 JPEGs of 5–8 MB): ``Store.add_photo`` (decode check, EXIF,
   draft-mode thumbnail, SHA-256, fsynced content-addressed copy, rows and audit) against
   Pillow's draft-mode thumbnail + SHA-256 + a plain file copy.

Run: python -m benchmarks.bench_store [--quick]
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fieldcheck.engine import catalog
from fieldcheck.store import Store

ITEMS = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2", "2.3.1", "3.2.1"]


def _median(runs: list[float]) -> float:
    return statistics.median(runs)


def _rows(n: int) -> list[dict]:
    return [{"item_id": ITEMS[i % len(ITEMS)], "note": f"第 {i} 处"} for i in range(n)]


def _new_store(folder: Path, name: str) -> tuple[Store, str]:
    store = Store.open(folder / name, device="bench", backup_on_close=False, daily_backup=False)
    inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=None,
                                         assessee_name="梅花村", inspectors=["李明"], date="2026-11-20")
    return store, inspection


def _bare_db(path: Path) -> sqlite3.Connection:
    """The findings table as the store has it, nothing else: the least any store could do."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE findings (id TEXT PRIMARY KEY, inspection_id TEXT, item_id TEXT, value TEXT,"
                 " household_id TEXT, note TEXT, entered_by TEXT, device TEXT, hlc TEXT, created_at TEXT,"
                 " updated_at TEXT, deleted INTEGER DEFAULT 0)")
    conn.execute("CREATE INDEX findings_inspection ON findings(inspection_id, item_id)")
    return conn


def bench_insert(folder: Path, n: int, repeat: int) -> None:
    import uuid

    store_runs, bare_runs = [], []
    for r in range(repeat):
        store, inspection = _new_store(folder, f"insert{r}.db")
        rows = _rows(n)
        start = time.perf_counter()
        store.findings.add_many(inspection, rows)
        store_runs.append(time.perf_counter() - start)
        assert len(store.findings.of(inspection)) == n
        store.close()

        conn = _bare_db(folder / f"bare{r}.db")
        tuples = [(str(uuid.uuid4()), "i", row["item_id"], None, None, row["note"], "李明", "bench",
                   f"{i:015d}-0000-bench", "t", "t") for i, row in enumerate(rows)]
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by,"
                         " device, hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tuples)
        conn.execute("COMMIT")
        bare_runs.append(time.perf_counter() - start)
        conn.close()
    s, b = _median(store_runs), _median(bare_runs)
    print(f"insert {n:,} findings, one transaction ({repeat} runs, median)")
    print(f"  baseline: sqlite3 executemany, same table     {b:7.2f} s  {n / b:9,.0f} rows/s")
    print(f"  Store.add_findings (+ audit rows, checks)     {s:7.2f} s  {n / s:9,.0f} rows/s   ×{s / b:.1f}")


def bench_single_edits(folder: Path, n: int) -> None:
    import uuid

    store, inspection = _new_store(folder, "single.db")
    conn = _bare_db(folder / "single-bare.db")
    runs, bare = [], []
    # interleaved, so that both see the same disk (an fsync waits for whatever else is being flushed)
    for i in range(n):
        start = time.perf_counter()
        store.findings.add(inspection, ITEMS[i % len(ITEMS)], note=f"第 {i} 处")
        runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO findings (id, inspection_id, item_id, note) VALUES (?, 'i', ?, ?)",
                     (str(uuid.uuid4()), ITEMS[i % len(ITEMS)], f"第 {i} 处"))
        conn.execute("COMMIT")
        bare.append(time.perf_counter() - start)
    store.close()
    conn.close()
    s, b = _median(runs) * 1000, _median(bare) * 1000
    print(f"one finding per commit, as the window saves ({n} edits, median per edit)")
    print(f"  baseline: sqlite3 INSERT + COMMIT (FULL)      {b:7.3f} ms")
    print(f"  Store.add_finding (+ audit, checks)           {s:7.3f} ms   ×{s / b:.1f}")


_OPEN_SCORE = """
import sys, time
start = time.perf_counter()
from fieldcheck.store import Store
from fieldcheck.ops import scores
imported = time.perf_counter()
store = Store.open(sys.argv[1], device="bench", backup_on_close=False, daily_backup=False)
opened = time.perf_counter()
result = scores.score_inspection(store, sys.argv[2])
done = time.perf_counter()
assert result.total is not None
print(imported - start, opened - imported, done - opened)
"""

_OPEN_BARE = """
import sys, time, sqlite3
start = time.perf_counter()
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT * FROM findings WHERE inspection_id = ? AND deleted = 0 ORDER BY created_at",
                    (sys.argv[2],)).fetchall()
assert len(rows) == 2000
print(time.perf_counter() - start)
"""


def bench_open_and_score(folder: Path, repeat: int) -> None:
    store, inspection = _new_store(folder, "open.db")
    store.findings.add_many(inspection, _rows(2000))
    store.close()
    path = str(folder / "open.db")
    imports, opens, scores, bares, warm = [], [], [], [], []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _OPEN_SCORE, path, inspection], capture_output=True,
                             text=True, check=True).stdout.split()
        imports.append(float(out[0]))
        opens.append(float(out[1]))
        scores.append(float(out[2]))
        bares.append(float(subprocess.run([sys.executable, "-c", _OPEN_BARE, path, inspection],
                                          capture_output=True, text=True, check=True).stdout))
    with Store.open(path, device="bench", backup_on_close=False, daily_backup=False) as again:
        scores.score_inspection(again, inspection)
        for _ in range(repeat * 3):
            start = time.perf_counter()
            scores.score_inspection(again, inspection)
            warm.append(time.perf_counter() - start)
    i, o, s, b, w = (_median(x) * 1000 for x in (imports, opens, scores, bares, warm))
    print(f"open an inspection with 2,000 findings and score it ({repeat} cold processes, median)")
    print(f"  baseline: sqlite3 connect + SELECT 2,000 rows {b:7.1f} ms")
    print(f"  import fieldcheck.store (yaml, engine, Pillow-free) {i:7.1f} ms")
    print(f"  Store.open (checks, pragmas, clock)           {o:7.1f} ms   ×{o / b:.1f}")
    print(f"  first Store.score (parses the rubric snapshot){s:7.1f} ms")
    print(f"  open + first score                            {o + s:7.1f} ms   ×{(o + s) / b:.0f}")
    print(f"  Store.score again (snapshot parsed, warm)     {w:7.1f} ms")


def _twelve_mp(rng: random.Random, folder: Path, count: int, variants: int) -> list[Path]:
    """``count`` distinct 4000×3000 JPEGs, each in ``variants`` byte-different copies (EXIF maker note)."""
    from PIL import Image

    from fieldcheck.ops.demo import make_photo

    paths = []
    for k in range(count):
        base = make_photo(rng, size=(4000, 3000), quality=92, caption=f"bench {k}")
        img = Image.open(io.BytesIO(base))
        noisy = Image.blend(img.convert("RGB"), Image.effect_noise((4000, 3000), 40).convert("RGB"), 0.25)
        out = io.BytesIO()
        noisy.save(out, "JPEG", quality=92, exif=img.getexif())
        data = out.getvalue()
        marker = b"FieldCheck demo"
        for v in range(variants):
            path = folder / f"IMG_{k:03d}_{v:02d}.jpg"
            path.write_bytes(data.replace(marker, f"FieldCheck {v:04d}".encode(), 1))
            paths.append(path)
    return paths


def bench_photos(folder: Path, count: int, variants: int) -> None:
    from PIL import Image

    source = folder / "src"
    source.mkdir()
    paths = _twelve_mp(random.Random(12), source, count, variants)
    sizes = [p.stat().st_size for p in paths]
    store, inspection = _new_store(folder, "photos.db")
    finding = store.findings.add(inspection, "2.1.4")
    copies = folder / "copies"
    copies.mkdir()
    store_runs, bare_runs, thumb_runs = [], [], []
    for path in paths:
        start = time.perf_counter()
        with Image.open(path) as img:
            img.draft("RGB", (256, 256))
            img.thumbnail((256, 256))
            img.save(io.BytesIO(), "JPEG", quality=82)
        thumb_runs.append(time.perf_counter() - start)
        hashlib.sha256(path.read_bytes()).hexdigest()
        shutil.copyfile(path, copies / path.name)
        bare_runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.photos.add(finding.id, path)
        store_runs.append(time.perf_counter() - start)
    assert len(store.photos.of(finding.id)) == len(paths)
    store.close()
    full_runs = []
    for path in paths[:: max(1, len(paths) // 10)]:  # a sample: what draft mode saves
        start = time.perf_counter()
        with Image.open(path) as img:
            img.load()
            img.thumbnail((256, 256))
            img.save(io.BytesIO(), "JPEG", quality=82)
        full_runs.append(time.perf_counter() - start)
    s, b, th = _median(store_runs) * 1000, _median(bare_runs) * 1000, _median(thumb_runs) * 1000
    print(f"add {len(paths)} photos of 12 MP ({statistics.median(sizes) / 1e6:.1f} MB median), median per photo")
    print(f"  full decode + thumbnail (no draft), a sample     {_median(full_runs) * 1000:6.1f} ms")
    print(f"  of which the draft-mode 256 px thumbnail         {th:6.1f} ms")
    print(f"  baseline: Pillow draft thumbnail + SHA-256 + copy {b:6.1f} ms")
    print(f"  Store.add_photo (+ checks, EXIF, fsync, rows)    {s:6.1f} ms   ×{s / b:.1f}")
    print(f"  all {len(paths)} photos through the store            {sum(store_runs):6.1f} s")


def main() -> None:
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory(prefix="fieldcheck-bench-") as tmp:
        folder = Path(tmp)
        bench_insert(folder, 10_000 if quick else 100_000, 1 if quick else 3)
        bench_single_edits(folder, 100 if quick else 500)
        bench_open_and_score(folder, 3 if quick else 5)
        bench_photos(folder, 2 if quick else 10, 5 if quick else 20)


if __name__ == "__main__":
    main()
