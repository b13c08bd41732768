"""Results for 100,000 findings written to Excel, beside a bare openpyxl write-only loop of the same rows.

A database of 100 signed village inspections with 1,000 findings each (notes, per-occurrence
items of village-work-team). Each measurement runs in a fresh child process, so its peak
memory (ru_maxrss) is its own:

* ``results``: ``outcome.build`` (every inspection scored by ops.scores, losses counted) and
  ``write_workbook`` (summary, an item sheet per inspection, the 100,000-row findings sheet
  with photo references, losses), the time split into the two;
* ``bare``: the same 100,000 findings rows read with plain sqlite3, then only a write-only
  openpyxl loop appending them to one sheet: the least any exporter could do.

Run: python -m benchmarks.bench_results [--quick]
"""

from __future__ import annotations

import json
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INSPECTIONS = 100
PER_INSPECTION = 1000
ITEMS = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2", "2.3.1"]
NOTES = ["家庭人口栏漏填", "致贫原因未写具体", "帮扶措施未按要求填写", "收入数字前后不一致", "帮扶人未签字", "户主签字非本人且未按手印"]


def build_db(path: Path, inspections: int, per: int) -> None:
    from fieldcheck.engine import catalog
    from fieldcheck.store import Store
    from fieldcheck.store.signatures import SignerInput

    rubric = catalog.find("village-work-team")
    with Store.open(path, device="bench", backup_on_close=False, daily_backup=False) as store:
        for n in range(inspections):
            with store.transaction():
                inspection = store.inspections.create(rubric, assessee_id=None, assessee_name=f"第{n + 1}村",
                                                     inspectors=["李明", "王芳"], date="2026-11-20")
                store.findings.add_many(inspection, [
                    {"item_id": ITEMS[(i + n) % len(ITEMS)], "note": NOTES[(i * 7 + n) % len(NOTES)]} for i in range(per)])
            store.signatures.sign(inspection, [SignerInput("李明", "leader")], content_hash="0" * 64, key_id="bench")


def child_results(db: Path, out: Path) -> dict:
    from fieldcheck.results import outcome
    from fieldcheck.results.workbook import write_workbook
    from fieldcheck.store import Store

    with Store.open(db, device="bench", backup_on_close=False, daily_backup=False) as store:
        start = time.perf_counter()
        results = outcome.build(store, "village-work-team")
        built = time.perf_counter()
        write_workbook(results, store, out)
        done = time.perf_counter()
    return {"build": built - start, "write": done - built, "total": done - start}


def child_bare(db: Path, out: Path) -> dict:
    from openpyxl import Workbook

    conn = sqlite3.connect(db)
    rows = [list(r) for r in conn.execute(
        "SELECT i.assessee_name, f.item_id, '', f.value, f.note, f.household_id, f.entered_by, f.created_at, ''"
        " FROM findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.deleted = 0")]
    conn.close()
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("检查发现")
    ws.append(["单位", "项目", "项目名称", "发现", "备注", "户", "录入人", "录入时间", "照片"])
    for row in rows:
        ws.append(row)
    wb.save(out)
    done = time.perf_counter()
    return {"write": done - start, "total": done - start, "rows": len(rows)}


def _child(kind: str, db: Path, out: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_results", "--child", kind, str(db), str(out)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if "--child" in sys.argv:
        kind, db, out = sys.argv[sys.argv.index("--child") + 1:][:3]
        figures = (child_results if kind == "results" else child_bare)(Path(db), Path(out))
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
        return
    quick = "--quick" in sys.argv
    repeat = 1 if quick else 3
    inspections = 10 if quick else INSPECTIONS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "results.db"
        start = time.perf_counter()
        build_db(db, inspections, PER_INSPECTION)
        print(f"database: {inspections} signed inspections × {PER_INSPECTION} findings "
              f"({time.perf_counter() - start:.1f} s to make)")
        runs: dict[str, list[dict]] = {"results": [], "bare": []}
        for r in range(repeat):
            for kind in ("results", "bare"):
                runs[kind].append(_child(kind, db, folder / f"{kind}{r}.xlsx"))
        for kind, label in (("bare", "bare openpyxl write-only loop (baseline)"),
                            ("results", "fieldcheck results workbook")):
            med = {k: statistics.median(x[k] for x in runs[kind]) for k in runs[kind][0] if k != "rows"}
            size = (folder / f"{kind}0.xlsx").stat().st_size / 1e6
            extra = f" (scoring+losses {med['build']:.2f} s, writing {med['write']:.2f} s)" if kind == "results" else ""
            print(f"{label}: {med['total']:.2f} s{extra}, peak {med['peak_mb']:.0f} MB, file {size:.1f} MB "
                  f"(median of {repeat})")


if __name__ == "__main__":
    main()
