"""Searching findings by note text and household name, on 10,000 findings (issue 9: under one frame).

A real store file: 50 village inspections of the 考核细则 with 200 findings each, notes
from an inspector's usual phrases, 70 % of findings naming one of 40 households per village.
Measured, as medians: the window's search (``ops.search.search_findings``, which asks
``store.findings.search`` and ``store.households.matching`` and looks up each hit's item)
for a three-character phrase (the trigram index), a two-character word (a scan of the
notes), a household's name, and a phrase found nowhere.

Baseline, same run: ``store.findings.of`` one inspection (200 findings), the read the walk
does when it opens an item list; and a bare ``SELECT count(*)`` scan of the notes.

Run: python -m benchmarks.bench_search
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from fieldcheck.engine import catalog
from fieldcheck.ops.places import village_at
from fieldcheck.ops.search import search_findings
from fieldcheck.store import Store

PHRASES = ["帮扶责任人未签字", "家庭人口填错", "收入计算有误", "扶贫手册未及时更新", "照片缺失", "政策不知晓",
           "危房改造未完成", "户主签名与身份证不符", "帮扶措施空白", "成效栏漏填"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国秀英伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
ITEMS = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2", "2.3.1", "2.5.1", "2.5.2", "3.2.1"]


def build(path: Path, inspections: int = 50, per: int = 200) -> str:
    rng = random.Random(9)
    rubric = catalog.find("village-work-team")
    name = ""
    with Store.open(path, device="bench", daily_backup=False, backup_on_close=False) as store:
        for n in range(inspections):
            village = village_at(store, f"衡阳县/镇{n // 10}/村{n}")
            households = []
            for _ in range(40):
                head = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
                households.append(store.households.add(village, head))
            if n == 7:
                name = store.households.get(households[3]).head_name
            insp = store.inspections.create(rubric, assessee_id=village, assessee_name="", inspectors=["甲"],
                                            date="2026-11-20")
            rows = [{"item_id": rng.choice(ITEMS), "value": 1,
                     "household_id": rng.choice(households) if rng.random() < 0.7 else None,
                     "note": rng.choice(PHRASES) + ("，" + rng.choice(PHRASES) if rng.random() < 0.3 else "")}
                    for _ in range(per)]
            store.findings.add_many(insp, rows)
    return name


def median_ms(fn, repeat: int = 15) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        name = build(path)
        with Store.open(path, device="bench", daily_backup=False, backup_on_close=False) as store:
            total = store.connection.execute("SELECT count(*) FROM findings").fetchone()[0]
            one = store.connection.execute("SELECT inspection_id FROM findings LIMIT 1").fetchone()[0]
            search_findings(store, "未签字")  # parse the rubric snapshot once, as the window has
            base_read = median_ms(lambda: store.findings.of(one))
            base_scan = median_ms(lambda: store.connection.execute(
                "SELECT count(*) FROM findings WHERE deleted = 0 AND note != ''").fetchone())
            print(f"{total} findings in {path.stat().st_size // 1024} KB")
            print(f"baseline: findings.of one inspection (200)       {base_read:7.2f} ms")
            print(f"baseline: count(*) scan of the notes             {base_scan:7.2f} ms")
            for label, text in (("3-character phrase (index) 未签字", "未签字"), ("2-character word (scan) 签字", "签字"),
                                (f"household name {name}", name), ("found nowhere 无此内容", "无此内容")):
                hits = len(search_findings(store, text))
                ms = median_ms(lambda t=text: search_findings(store, t))
                print(f"search {label:<34} {ms:7.2f} ms  ({hits} shown, {ms / base_read:.1f}× the read; "
                      f"{'under' if ms < 16.7 else 'OVER'} a 16.7 ms frame)")


if __name__ == "__main__":
    main()
