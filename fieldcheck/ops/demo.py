"""Demo data: a made-up county inspected the way inspectors really work, for the first start,
the benchmarks and the screenshots.

Everything follows from the seed: place and person names are built from name-part lists
(they are not real people), the households, the findings, their photos (drawn with
Pillow, with EXIF capture time and GPS) and even the record ids. The village work teams
are scored with ``village-work-team``; a couple of 县市区 from the real target table of
``hengyang-2015`` are scored with that rubric.
"""

from __future__ import annotations

import io
import random
import uuid
from datetime import date, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from fieldcheck.engine import catalog
from fieldcheck.engine.answers import findings_from_answers
from fieldcheck.i18n import t
from fieldcheck.paths import clean_device
from fieldcheck.signing.strokes import render_png, scribble
from fieldcheck.store.clock import HybridClock
from fieldcheck.store.signatures import SignerInput

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国平华明军伟芳敏静丽强磊洋勇艳杰娟涛超秀英霞刚桂兰玉梅红春生德福林海波志文辉金凤荣贵清云鹏飞兴旺亮成长松秋菊秀珍德胜宝山永忠"
PLACE_FIRST = "青石桃柳云梅松竹枫龙凤金银白黄红东西南北安平宁和兴福泉溪塘湾岭坪花茶杉槐莲荷"
PLACE_SECOND = "山水田坪冲岭湾塘溪桥源河坡峰洲岗口铺冈陂垅"
INSPECTORS_POOL = 8

#: handbook (扶贫手册) and information items: errors are found household by household
HANDBOOK_ITEMS = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2"]
HANDBOOK_NOTES = {
    "2.1.1": ["家庭人口栏漏填", "致贫原因未写具体", "联系电话漏填"],
    "2.1.2": ["帮扶单位名称填写不准确", "帮扶措施未按要求填写"],
    "2.1.3": ["帮扶成效漏填", "收入数字前后不一致"],
    "2.1.4": ["帮扶人未签字", "户主签字非本人且未按手印"],
    "2.1.5": ["多处涂改", "收入合计有逻辑错误"],
    "2.2.1": ["手册人口与信息采集表不一致", "手册与实际住房情况不符"],
    "2.2.2": ["新增人口未更新", "已脱贫未更新状态"],
}
#: what inspectors write for the other occurrences (data, so Chinese whatever the interface language)
OTHER_NOTES = {
    "2.5.1": "光伏电站申报材料缺少选址说明", "2.5.2": "产业扶贫措施未落实到户", "2.5.3": "一名在校学生漏报雨露计划",
    "2.6.2": "一户未达到脱贫标准", "3.2.1": "月报延报一次", "3.4.1": "乡镇扶贫工作会议无故缺席一次",
    "3.5.1": "一户越级到县上访",
}
#: the rubric of the demo villages, which the window opens first (the inspector's everyday case)
VILLAGE_RUBRIC = "village-work-team"
HOUSEHOLD_STATUSES = [("贫困户", 6), ("脱贫户", 3), ("低保户", 1), ("五保户", 1)]
# the Hengyang area, where the rules come from
BASE_LAT, BASE_LON = 26.89, 112.57


class _Names:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def person(self) -> str:
        for _ in range(1000):
            n = self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            if n not in self.used:
                self.used.add(n)
                return n
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN) + str(len(self.used))

    def place(self, suffixes: tuple[str, ...]) -> str:
        for _ in range(1000):
            n = self.rng.choice(PLACE_FIRST) + self.rng.choice(PLACE_SECOND) + self.rng.choice(suffixes)
            if n not in self.used:
                self.used.add(n)
                return n
        return self.rng.choice(PLACE_FIRST) + str(len(self.used)) + suffixes[0]


def make_photo(rng: random.Random, *, size: tuple[int, int] = (1600, 1200), taken: datetime | None = None,
               gps: tuple[float, float] | None = None, orientation: int = 1, caption: str = "",
               quality: int = 85) -> bytes:
    """A JPEG that looks like a field photo (sky, hills, a house), with EXIF time, GPS and orientation."""
    from PIL import Image, ImageDraw  # lazy: Pillow, only when drawing demo photos

    w, h = size
    sky = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    img = Image.blend(Image.new("RGB", (w, h), (90, 150, 220)), sky, 0.35)
    draw = ImageDraw.Draw(img)
    horizon = int(h * rng.uniform(0.45, 0.6))
    for i in range(3):  # hills
        y = horizon - int(h * 0.08 * (3 - i))
        pts = [(0, h)] + [(x, y + int(rng.uniform(-1, 1) * h * 0.05)) for x in range(0, w + 1, max(1, w // 8))] + [(w, h)]
        draw.polygon(pts, fill=(40 + 20 * i, 110 + 25 * i, 50 + 10 * i))
    draw.rectangle((0, horizon, w, h), fill=(120, 100, 70))
    for _ in range(12):  # stones and bushes, so that the JPEG has real detail
        x, y = rng.randrange(w), rng.randrange(horizon, h)
        r = rng.randrange(max(2, w // 200), max(3, w // 40))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(40, 200) for _ in range(3)))
    hx, hy = int(w * rng.uniform(0.2, 0.6)), horizon - int(h * 0.05)
    hw, hh = int(w * 0.25), int(h * 0.22)
    draw.rectangle((hx, hy, hx + hw, hy + hh), fill=(200, 190, 170), outline=(60, 50, 40), width=max(1, w // 400))
    draw.polygon([(hx - hw // 10, hy), (hx + hw // 2, hy - hh // 2), (hx + hw + hw // 10, hy)], fill=(150, 60, 50))
    draw.rectangle((hx + hw // 2 - hw // 10, hy + hh // 2, hx + hw // 2 + hw // 10, hy + hh), fill=(90, 60, 40))
    if caption:
        draw.text((w // 40, h - h // 20), caption, fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "FieldCheck demo"
    if taken is not None:
        stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x0132] = stamp
        exif.get_ifd(0x8769)[0x9003] = stamp
    if gps is not None:
        lat, lon = gps
        exif.get_ifd(0x8825).update({1: "N" if lat >= 0 else "S", 2: _dms(abs(lat)), 3: "E" if lon >= 0 else "W",
                                     4: _dms(abs(lon))})
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()


def _dms(value: float) -> tuple[float, float, float]:
    d = int(value)
    m = int((value - d) * 60)
    s = round(((value - d) * 60 - m) * 60, 2)
    return (float(d), float(m), s)


def _fake_id_number(rng: random.Random, birth_year: int) -> str:
    """A made-up 18-digit number of the right shape (it is masked before it is stored)."""
    body = "430421" + f"{birth_year:04d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + f"{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def populate(store, *, villages: int = 6, seed: int = 1, device: str | None = None) -> None:
    """Add a demo county to ``store``: townships, villages, households, inspections at varied
    stages with findings and photos, and two 县市区 scored with the Hengyang table."""

    if villages < 1:
        raise ValueError(t("村的数目至少为 1", "at least one village"))
    rng = random.Random(seed)
    existing = len(store.places.all())
    id_rng = random.Random(f"{seed}-{existing}")
    saved_id, saved_device = store.db.new_id, store.db.device
    store.db.new_id = lambda: str(uuid.UUID(int=id_rng.getrandbits(128), version=4))
    if device:
        store.db.device = clean_device(device)
        saved_clock, store.db.clock = store.db.clock, HybridClock(store.db.device)
        store.db.clock.observe(saved_clock.tick())
    to_sign: list[tuple[str, str]] = []  # (inspection, the stage it should reach)
    try:
        names = _Names(rng)
        # a second demo in the same database makes a second county: a place's id comes from its path, so
        # the same names would make the first county's places again
        names.used.update(p.name for p in store.places.all())
        shipped = {r.id: r for r in catalog.installed()}  # parse the YAML once, not per rubric
        village_rubric = shipped.get(VILLAGE_RUBRIC) or catalog.find(VILLAGE_RUBRIC)
        inspectors = [names.person() for _ in range(INSPECTORS_POOL)]
        base_day = date(2026, 10, 12) + timedelta(days=rng.randrange(20))
        with store.transaction():
            county = store.places.add("县", names.place(("县",)))
            townships = [store.places.add("乡镇", names.place(("镇", "乡")), county)
                         for _ in range(max(1, (villages + 2) // 3))]
        for n in range(villages):
            with store.transaction():
                township = townships[n % len(townships)]
                village = store.places.add("村", names.place(("村",)), township)
                households = _households(store, rng, names, village)
                day = base_day + timedelta(days=n // 2)
                stage = ("signed", "exported", "draft")[n % 3] if n else "draft"
                to_sign.append((_village_inspection(store, rng, village_rubric, village, households, inspectors, day,
                                                    stage, n), stage))
        hengyang = shipped.get("hengyang-2015") or catalog.find("hengyang-2015")
        picks = rng.sample([k for k, row in hengyang.targets.items() if row.group == "县市"], 1) + \
            rng.sample([k for k, row in hengyang.targets.items() if row.group == "区" and len(row.values) > 4], 1)
        for n, name in enumerate(picks):
            with store.transaction():
                existing_place = next((p for p in store.places.all("县市区") if p.name == name), None)
                place = existing_place.id if existing_place else \
                    store.places.add("县市区", name, group=hengyang.targets[name].group)
                stage = "signed" if n == 0 else "draft"
                to_sign.append((_hengyang_inspection(store, rng, hengyang, place, name, inspectors,
                                                     base_day + timedelta(days=7 + n), stage), stage))
        _sign(store, rng, to_sign)
    finally:
        store.db.new_id = saved_id
        if device:
            store.db.device = saved_device
            saved_clock.observe(store.db.clock.tick())
            store.db.clock = saved_clock


def _sign(store, rng: random.Random, to_sign: list[tuple[str, str]]) -> None:
    """Sign the finished inspections with drawn signatures: the team, its leader, the village's head;
    ``to_sign`` holds each inspection made and the stage ("draft", "signed", "exported") it should reach."""
    from fieldcheck.ops.signing import device_key, sign_inspection, unanswered  # lazy: cryptography, reportlab

    key = None
    for inspection_id, stage in to_sign:
        if stage == "draft" or unanswered(store, inspection_id):
            continue
        key = key or device_key(store)
        inspection = store.inspections.get(inspection_id)
        team = inspection.inspectors or ["检查组"]
        people = [(team[0], "leader")] + [(name, "member") for name in team[1:]]
        people.append((_Names(rng).person(), "representative"))
        signers = []
        when = f"{inspection.date}T{rng.randint(15, 17)}:{rng.randrange(60):02d}:00.000000Z"
        for name, role in people:
            strokes = scribble(rng, len(name))
            signers.append(SignerInput(name, role, strokes, render_png(strokes), when))
        sign_inspection(store, inspection_id, signers, key)
        if stage == "exported":
            store.inspections.update(inspection_id, status="exported")


def _households(store, rng: random.Random, names: _Names, village: str) -> list[str]:
    helpers = [names.person() for _ in range(3)]
    statuses = [s for s, w in HOUSEHOLD_STATUSES for _ in range(w)]
    out = []
    for _ in range(rng.randint(8, 14)):
        out.append(store.households.add(
            village, names.person(), members=rng.choice((1, 2, 3, 3, 4, 4, 5, 6)), helper=rng.choice(helpers),
            status=rng.choice(statuses), id_number=_fake_id_number(rng, rng.randint(1940, 1990))))
    return out


def _village_inspection(store, rng, rubric, village, households, inspectors, day, stage, index) -> str:
    team = rng.sample(inspectors, 2)
    inspection = store.inspections.create(rubric, assessee_id=village, assessee_name="", inspectors=team,
                                         date=day.isoformat())
    items = rubric.items()
    # a draft stops part way through the rubric, the way a walk is interrupted
    covered = items if stage != "draft" else items[: rng.randint(len(items) // 3, len(items) * 2 // 3)]
    covered_ids = {i.id for i in covered}
    rows: list[dict[str, Any]] = []
    for hh in households:  # house by house: handbook errors, policy awareness, satisfaction
        for item_id in HANDBOOK_ITEMS:
            if item_id in covered_ids and rng.random() < 0.06:
                rows.append({"item_id": item_id, "household_id": hh, "note": rng.choice(HANDBOOK_NOTES[item_id]),
                             "entered_by": team[0]})
        if "2.3.1" in covered_ids and rng.random() < 0.08:
            rows.append({"item_id": "2.3.1", "household_id": hh, "note": "户主不知道产业奖补政策",
                         "entered_by": team[1]})
        if "2.5.5" in covered_ids and rng.random() < 0.5:
            level = rng.choices(["满意", "基本满意", "不满意"], [0.85, 0.12, 0.03])[0]
            rows.append({"item_id": "2.5.5", "household_id": hh, "value": level, "entered_by": team[1],
                         "note": "" if level == "满意" else "认为帮扶责任人来得少"})
    marks: dict[str, str] = {}
    for item in covered:
        kind = item.rule.kind
        before = len(rows)
        if kind == "missing_elements" and rng.random() < 0.25:
            rows.append({"item_id": item.id, "value": rng.choice(item.rule.elements), "entered_by": team[0]})
        elif kind == "duty_checklist" and rng.random() < 0.15:
            rows.append({"item_id": item.id, "value": rng.choice(item.rule.duties), "entered_by": team[0]})
        elif kind == "min_options":
            chosen = rng.sample(item.rule.options, rng.choice((1, 2, 2, 3, 4)))
            rows.append({"item_id": item.id, "value": {"selected": chosen}, "entered_by": team[0]})
        elif kind == "pass_fail":
            rows.append({"item_id": item.id, "value": rng.random() > 0.12, "entered_by": team[0]})
        elif kind == "bonus":
            rows.append({"item_id": item.id, "value": rng.random() < 0.15, "entered_by": team[0]})
        elif kind in ("per_occurrence", "per_event") and item.id not in HANDBOOK_ITEMS + ["2.3.1"]:
            if rng.random() < 0.12:
                rows.append({"item_id": item.id, "entered_by": team[0],
                             "note": OTHER_NOTES.get(item.id, "现场检查发现")})
        if len(rows) == before and not any(r["item_id"] == item.id for r in rows):
            marks[item.id] = "checked"
    if stage != "draft" and rng.random() < 0.5:
        marks["2.6.1"] = "na"  # a non-poor village has no 出列 task
        rows = [r for r in rows if r["item_id"] != "2.6.1"]
    ids = store.findings.add_many(inspection, rows)
    for item_id, mark in marks.items():
        store.findings.set_mark(inspection, item_id, mark)
    # photos: the evidence an inspector takes of what was wrong, a few per village
    evidence = [fid for fid, row in zip(ids, rows) if row.get("household_id") or row["item_id"].startswith("1.")]
    for k, fid in enumerate(rng.sample(evidence, min(len(evidence), 2 + index % 2))):
        taken = datetime.combine(day, datetime.min.time()) + timedelta(hours=9, minutes=rng.randrange(480))
        gps = (BASE_LAT + rng.uniform(-0.3, 0.3), BASE_LON + rng.uniform(-0.3, 0.3))
        data = make_photo(rng, taken=taken, gps=gps, orientation=6 if k == 1 else 1, caption=f"FieldCheck demo {k}")
        store.photos.add(fid, data)
    return inspection


def _hengyang_inspection(store, rng, rubric, place, name, inspectors, day, stage) -> str:
    row = rubric.targets[name]
    inspectors_of = rng.sample(inspectors, 2)
    inspection = store.inspections.create(rubric, assessee_id=place, assessee_name=name,
                                         inspectors=inspectors_of, date=day.isoformat(),
                                         assessee_group=row.group)
    answers: dict[str, Any] = {}
    for item in rubric.items():
        kind = item.rule.kind
        if kind == "pass_fail":
            answers[item.id] = rng.random() > 0.15
        elif kind == "veto":
            answers[item.id] = False
        elif kind == "metric":
            spec = item.rule.spec.get("target")
            whole = item.rule.spec.get("unit") in WHOLE_UNITS
            if item.rule.spec.get("parts"):  # 到人 and 到户: each part against its own column
                answers[item.id] = {label: _near(rng, row.values[column], True)
                                    for label, column in item.rule.spec["parts"].items()}
            elif item.rule.spec.get("each"):  # one amount per poor village
                target = row.values.get(spec["column"], Decimal(str(spec.get("default", 100))))
                villages = int(row.values.get("驻村帮扶贫困村(个)", 3))
                answers[item.id] = [_near(rng, target, whole) for _ in range(villages)]
            elif isinstance(spec, dict):
                target = row.values.get(spec["column"], Decimal(str(spec.get("default", 100))))
                answers[item.id] = _near(rng, target, whole)
            elif spec is None:
                target = Decimal(rng.choice((50, 80, 100, 120)))
                answers[item.id] = {"actual": _near(rng, target, whole), "target": int(target)}
            else:
                answers[item.id] = _near(rng, Decimal(str(spec)), whole)
    findings, marks = findings_from_answers(rubric, answers)
    # entered by one of its inspectors, as the village inspections are (not the laptop's login)
    store.findings.add_many(inspection, [{"item_id": i, "value": v, "entered_by": inspectors_of[0]}
                                         for i, v in findings])
    for item_id, mark in marks.items():
        store.findings.set_mark(inspection, item_id, mark)
    return inspection


#: units that are counted, never fractional: 1.9 households cannot be renovated
WHOLE_UNITS = {"户", "个村", "人", "元"}


def _near(rng: random.Random, target: Decimal, whole: bool = False) -> float | int:
    """A result near a target: most meet it, some fall a little short."""
    factor = Decimal(str(round(rng.choice((1.0, 1.0, 1.02, 0.97, 0.9, 0.95)), 2)))
    value = (target * factor).quantize(Decimal("1") if whole else Decimal("0.1"), rounding=ROUND_FLOOR)
    return int(value) if value == value.to_integral_value() else float(value)
