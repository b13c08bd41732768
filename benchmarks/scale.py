"""What the list benchmarks share: the code "before" and "after", and the databases at scale.

* ``trees(before)``: the code to compare. "after" is this checkout; "before" is the commit
  ``before`` (default ``main``) exported with ``git archive`` into a temporary folder, so both
  run in the same session on the same machine. Each measurement runs in a fresh process
  whose first ``sys.path`` entry is its tree.
* ``databases(work)``: ``demo602.db`` (the demo county with 600 villages: 602 inspections
  with findings and photos, as ``ops.demo.populate`` makes them) and ``county10k.db``
  (``benchmarks.county``: 10,000 inspections, no photos). They are made once by the "before"
  code (schema version 2; the "after" code migrates a copy on its first start, outside the
  timings) and kept in ``work`` for the next run.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTY = Path(__file__).resolve().parent / "county.py"

DEMO_602 = """
import sys, time; sys.path.insert(0, sys.argv[1])
from fieldcheck.store import Store
from fieldcheck.ops.demo import populate
store = Store.open(sys.argv[2], device="bench", backup_on_close=False)
store.db.conn.execute("PRAGMA synchronous = OFF")  # making the fixture only: no fsync per village
started = time.perf_counter()
populate(store, villages=600)
store.close()
print(f"demo with 600 villages in {time.perf_counter() - started:.0f} s", file=sys.stderr)
"""

COUNTY_10K = """
import sys, time, runpy; sys.path.insert(0, sys.argv[1])
from fieldcheck.store import Store
county = runpy.run_path(sys.argv[3])
store = Store.open(sys.argv[2], device="bench", backup_on_close=False)
store.db.conn.execute("PRAGMA synchronous = OFF")  # making the fixture only
started = time.perf_counter()
county["make_county"](store, 10_000)
store.close()
print(f"10,000 inspections in {time.perf_counter() - started:.0f} s", file=sys.stderr)
"""


def export(rev: str, into: Path) -> Path:
    """The tree of ``rev`` (fieldcheck/, rubrics/, resources/ …) in ``into``."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    into.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
    return into


def trees(work: Path, before: str = "main") -> dict[str, Path]:
    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", before], check=True, capture_output=True,
                         text=True).stdout.strip()
    old = work / f"before-{rev}"
    if not (old / "fieldcheck").is_dir():
        export(rev, old)
    return {f"before ({before} {rev})": old, "after (this branch)": ROOT}


def env(home: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDCHECK_HOME=str(home), FIELDCHECK_LANG="zh",
                PYTHONDONTWRITEBYTECODE="1")


def databases(work: Path, before_tree: Path) -> dict[str, Path]:
    """The fixtures, made once (by the "before" code, so that both can open them)."""
    made = {"602 (demo county, 600 villages)": work / "demo602.db", "10,000 (benchmarks.county)": work / "county10k.db"}
    for path, script in zip(made.values(), (DEMO_602, COUNTY_10K)):
        if not path.exists():
            partial = path.with_suffix(".partial.db")
            for stale in partial.parent.glob(partial.name + "*"):
                stale.unlink()
            subprocess.run([sys.executable, "-c", script, str(before_tree), str(partial), str(COUNTY)], check=True,
                           env=env(work / "home-build"))
            partial.rename(path)
            photos = partial.with_name(partial.stem + "-photos")
            if photos.is_dir():
                photos.rename(path.with_name(path.stem + "-photos"))
    return made


def copy_for(db: Path, tree_name: str, work: Path) -> Path:
    """A copy of ``db`` that one tree owns (the "after" code migrates its copy)."""
    slug = "".join(c if c.isalnum() else "-" for c in tree_name)[:24]
    target = work / f"{db.stem}-{slug}.db"
    if not target.exists():
        shutil.copyfile(db, target)
    return target
