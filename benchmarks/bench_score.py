"""Rescoring a fully answered rubric: the work done after every edit in the window.

Baseline, measured in the same run: a bare loop that adds 30 plain-float deductions
and caps them per section, the least any scorer could do; the ratio says what the
exact decimals, pools, trace and explanations cost on top of it.

Run: python -m benchmarks.bench_score
"""

from __future__ import annotations

import statistics
import time

from fieldcheck.engine import catalog
from fieldcheck.engine.scoring import score

XIZE_ALL = {
    "1.1": ["工作计划"], "1.2": 1, "1.3": [], "2.1.1": 3, "2.1.2": 2, "2.1.3": 4, "2.1.4": 5, "2.1.5": 2,
    "2.2.1": 1, "2.2.2": 0, "2.3.1": 4, "2.3.2": {"selected": ["宣传栏", "标语"]}, "2.4.1": {"not_done": []},
    "2.5.1": 1, "2.5.2": 2, "2.5.3": 0, "2.5.4": True, "2.5.5": "满意", "2.6.1": True, "2.6.2": 1,
    "3.1.1": True, "3.1.2": ["民情日记"], "3.1.3": [], "3.2.1": 3, "3.3.1": True, "3.4.1": 0, "3.5.1": 0,
    "4.1": True, "4.2": False, "4.3": True,
}
HENGYANG_ALL = {
    "1.1": 14.2, "1.2": True, "2": 97, "3.1": 3500, "3.2": 15, "4": 54, "5.1": True, "5.2": False, "5.3": True,
    "6.1": 60, "6.2": {"actual": 40, "target": 50}, "6.3": [27] + [30] * 60, "7.1": 280, "7.2": True, "8": 1100, "9.1": 185,
    "9.2": True, "10": 92, "veto": False,
}


def _median_ms(fn, repeat: int = 7, number: int = 200) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - start) / number * 1000)
    return statistics.median(runs)


def _bare_loop() -> float:
    pools = {"1": 20.0, "2.1": 30.0, "2.2": 10.0, "2.3": 10.0, "2.4": 10.0, "2.5": 20.0, "2.6": 40.0,
             "3.1": 20.0, "3.2": 25.0, "3.3": 5.0, "3.4": 5.0, "3.5": 5.0}
    lost = dict.fromkeys(pools, 0.0)
    for item in XIZE_ALL:
        key = item.rsplit(".", 1)[0] if item.count(".") == 2 else item.split(".")[0]
        if key in lost:
            lost[key] += 2.0
    return sum(pools[k] - min(pools[k], v) for k, v in lost.items())


def main() -> None:
    xize = catalog.find("village-work-team")
    hengyang = catalog.find("hengyang-2015")
    assert score(xize, XIZE_ALL).complete and score(hengyang, HENGYANG_ALL, {"name": "衡阳县"}).complete
    base = _median_ms(_bare_loop, number=2000)
    x = _median_ms(lambda: score(xize, XIZE_ALL))
    h = _median_ms(lambda: score(hengyang, HENGYANG_ALL, {"name": "衡阳县"}))
    print(f"baseline: bare float loop over 30 answers     {base:8.4f} ms")
    print(f"score 考核细则, all 30 items answered          {x:8.4f} ms  ({x / base:,.0f}× baseline; "
          f"{16 / x:,.0f}× under a 16 ms frame)")
    print(f"score 衡阳 2015, all 19 items answered         {h:8.4f} ms  ({h / base:,.0f}× baseline)")


if __name__ == "__main__":
    main()
