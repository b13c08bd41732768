"""A merged county at scale for the list's benchmarks: thousands of inspections, made fast.

``make_county(store, inspections=10_000)`` adds one county of townships and villages, each
village inspected three times on the 考核细则 (about 20 findings each, a part of them drafts
stopped half way), and every thirtieth inspection one of a 县市区 on the 衡阳 2015 table, so
the list holds two rubrics with different maxima. Everything goes through the store's public
methods (``places.add``, ``inspections.create``, ``findings.add_many``, ``set_mark``,
``update``) in transactions of a few hundred inspections; photos are left out (the list
only counts them). Deterministic for a seed.

Run: python -m benchmarks.county PATH [--inspections N]   (prints the seconds it took)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fieldcheck.engine import catalog
from fieldcheck.store import Store
from fieldcheck.store.signatures import SignerInput

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文斌波辉鹏宇浩凯"
SYLLABLES = "青山水石竹梅花桃李杉松柏龙凤金银新和平安福寿康乐丰泰宁兴旺东西南北中上下前后长高"


def _name(rng: random.Random, suffix: str) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(2)) + suffix


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _village_rows(rng: random.Random, items: list, draft: bool) -> tuple[list[dict[str, Any]], dict[str, str]]:
    covered = items[: rng.randint(len(items) // 3, len(items) * 2 // 3)] if draft else items
    rows: list[dict[str, Any]] = []
    marks: dict[str, str] = {}
    for item in covered:
        kind = item.rule.kind
        before = len(rows)
        if kind == "missing_elements" and rng.random() < 0.25:
            rows.append({"item_id": item.id, "value": rng.choice(item.rule.elements)})
        elif kind == "duty_checklist" and rng.random() < 0.15:
            rows.append({"item_id": item.id, "value": rng.choice(item.rule.duties)})
        elif kind == "min_options":
            rows.append({"item_id": item.id, "value": {"selected": rng.sample(item.rule.options, rng.randint(1, 3))}})
        elif kind == "pass_fail":
            rows.append({"item_id": item.id, "value": rng.random() > 0.12})
        elif kind == "bonus":
            rows.append({"item_id": item.id, "value": rng.random() < 0.15})
        elif kind == "rating":
            for _ in range(rng.randint(3, 8)):
                rows.append({"item_id": item.id, "value": rng.choices(list(item.rule.levels), [85, 12, 3])[0]})
        elif kind in ("per_occurrence", "per_event") and rng.random() < 0.2:
            rows.extend({"item_id": item.id, "note": "现场检查发现"} for _ in range(rng.randint(1, 3)))
        if len(rows) == before:
            marks[item.id] = "checked"
    return rows, marks


def make_county(store: Store, inspections: int = 10_000, *, seed: int = 7, batch: int = 250) -> list[str]:
    """Add a county with ``inspections`` inspections to ``store``; their ids."""
    rng = random.Random(seed)
    village_rubric = catalog.find("village-work-team")
    hengyang = catalog.find("hengyang-2015")
    village_items = village_rubric.items()
    counties = list(hengyang.targets.items())
    inspectors = [_person(rng) for _ in range(60)]
    first_day = date(2026, 3, 1)
    made: list[str] = []
    with store.transaction():
        county = store.places.add("县", _name(rng, "县"))
        townships = [store.places.add("乡镇", _name(rng, rng.choice("镇乡")), county) for _ in range(30)]
    village = None
    while len(made) < inspections:
        with store.transaction():
            for _ in range(min(batch, inspections - len(made))):
                n = len(made)
                day = (first_day + timedelta(days=rng.randrange(240))).isoformat()
                team = rng.sample(inspectors, 2)
                if n % 30 == 29:  # a 县市区 on the Hengyang table
                    name, row = counties[n % len(counties)]
                    inspection = store.inspections.create(hengyang, assessee_id=None, assessee_name=name,
                                                          inspectors=team, date=day, assessee_group=row.group)
                    rows = [{"item_id": i.id, "value": rng.random() > 0.15} for i in hengyang.items()
                            if i.rule.kind == "pass_fail"]
                    marks: dict[str, str] = {}
                else:
                    if n % 3 == 0 or village is None:
                        village = store.places.add("村", _name(rng, "村"), rng.choice(townships))
                    inspection = store.inspections.create(village_rubric, assessee_id=village, assessee_name="",
                                                          inspectors=team, date=day)
                    status = rng.choice(("draft", "draft", "signed", "exported"))
                    rows, marks = _village_rows(rng, village_items, status == "draft")
                store.findings.add_many(inspection, rows)
                for item_id, mark in marks.items():
                    store.findings.set_mark(inspection, item_id, mark)
                if n % 4 == 1:
                    store.signatures.sign(inspection, [SignerInput("李明", "leader")], content_hash="0" * 64, key_id="bench")
                made.append(inspection)
    return made


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="make a county with many inspections")
    parser.add_argument("path", type=Path)
    parser.add_argument("--inspections", type=int, default=10_000)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    store = Store.open(args.path, device="bench", backup_on_close=False)
    try:
        make_county(store, args.inspections)
    finally:
        store.close()
    print(f"{args.inspections} inspections in {time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
