"""Reading a 50,000-household roster: openpyxl read-only against python-calamine.

The roster is one long sheet (县 | 乡镇 | 村 | 户主 | 身份证号 | 人口 | 帮扶责任人 | 脱贫状态),
written once with openpyxl's write-only mode. Timed, median of the runs:
* openpyxl ``load_workbook(read_only=True)`` + ``iter_rows(values_only=True)``: the baseline;
* python-calamine ``to_python()``: what ``tables.reading.read_fast`` uses;
* ``read_roster``: calamine plus finding the header and checking and masking every row;
* ``import_roster`` into a fresh database (once; it is the writes, not the reading).

Run: python -m benchmarks.bench_tables [--quick]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

from fieldcheck.store import Store
from fieldcheck.tables.roster import import_roster, read_roster


def make_roster(path: Path, rows: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("花名册")
    ws.append(["县", "乡镇", "村", "户主", "身份证号", "人口", "帮扶责任人", "脱贫状态"])
    for i in range(rows):
        ws.append(["衡阳县", f"第{i // 5000}镇", f"第{i // 250}村", f"户主{i}", f"430421{19500101 + i % 9000:08d}{i % 1000:03d}X",
                   str(1 + i % 6), f"干部{i % 400}", "已脱贫" if i % 3 else "未脱贫"])
    book.save(path)


def timed(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def openpyxl_read_only(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True)
    n = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return n


def calamine(path: Path) -> int:
    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())


def main() -> None:
    quick = "--quick" in sys.argv
    rows = 5_000 if quick else 50_000
    runs = 3
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster.xlsx"
        start = time.perf_counter()
        make_roster(path, rows)
        print(f"roster of {rows} households written in {time.perf_counter() - start:.2f} s ({path.stat().st_size / 1e6:.1f} MB)")
        base, n1 = timed(lambda: openpyxl_read_only(path), runs)
        fast, n2 = timed(lambda: calamine(path), runs)
        full, roster = timed(lambda: read_roster(path), runs)
        assert n1 == n2 == rows + 1 and len(roster.rows) == rows and not roster.problems
        print(f"openpyxl read-only, rows only   median {base:6.2f} s   (baseline)")
        print(f"python-calamine, rows only      median {fast:6.2f} s   {base / fast:4.1f}× faster")
        print(f"read_roster (calamine + checks) median {full:6.2f} s")
        store = Store.open(Path(tmp) / "f.db", device="bench")
        start = time.perf_counter()
        report = import_roster(store, roster)
        took = time.perf_counter() - start
        store.close()
        print(f"import_roster into a new db     once   {took:6.2f} s   ({report.added} households, "
              f"{len(report.villages_created)} villages, one transaction)")


if __name__ == "__main__":
    main()
