"""The signed score sheet: one 考核细则 sheet with 50 findings and 50 photos of 12 MP, 100 sheets in a
batch, and verifying a sheet; each beside a reportlab baseline of the same table without photos.

* sheet: ``ops.signing.sheet_pdf`` of a signed inspection: gather and hash the content, draw
  it (table, signatures, QR code, the evidence appendix with every photo shrunk for print),
  PAdES-sign it. Goal: under 2 s and 3 MB. The first sheet of a photo shrinks its 12 MP
  original (timed apart: "first time"); later ones read the shrunk copy from the cache.
* baseline: reportlab alone drawing the same table rows (same font, Paragraph cells, A4),
  no photos, no signature, no hash: what any PDF of this table costs.
* batch: 100 signed sheets of 100 inspections (no photos), one after another as the window's
  "print many" does; baseline: the 100 plain tables.
* verify: ``ops.signing.verify_sheet`` of the 50-photo sheet (pyHanko validation offline,
  the QR payload's ECDSA signature, the embedded content's hash).

Sheet and baseline run in turn (ABAB…, the machine is shared), medians of 7 of wall and CPU time.

Run: python -m benchmarks.bench_sheet [--quick]   (medians; the photos take a minute to make)
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fieldcheck.engine import catalog
from fieldcheck.ops import signing
from fieldcheck.signing.content import gather
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.signing.strokes import render_png, scribble
from fieldcheck.store import Store
from fieldcheck.store.signatures import SignerInput

RUBRIC = catalog.find("village-work-team")
CHECKABLE = {"per_occurrence", "per_event", "missing_elements", "duty_checklist", "bonus", "veto"}
FINDING_ITEMS = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2", "2.3.1"]


def photo_12mp(rng: random.Random, number: int) -> bytes:
    """A 4000×3000 JPEG as large as a phone's (noise does not compress), numbered so each is distinct."""
    from PIL import Image, ImageDraw

    base = Image.effect_noise((1000, 750), 60).convert("RGB").resize((4000, 3000))
    noise = Image.effect_noise((4000, 3000), 25).convert("RGB")
    image = Image.blend(base, noise, 0.5)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 200, 1400, 700), fill=(rng.randrange(256), 120, 60))
    draw.text((260, 300), f"photo {number}", fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def answer_clean(store: Store, inspection: str, item) -> None:
    """The answer of an item where nothing was found: checked, met, the top rating, enough options."""
    kind = item.rule.kind
    if kind in CHECKABLE:
        store.findings.set_mark(inspection, item.id, "checked")
    elif kind == "pass_fail":
        store.findings.add(inspection, item.id, value=True)
    elif kind == "rating":
        store.findings.add(inspection, item.id, value=max(item.rule.levels, key=item.rule.levels.get))
    elif kind == "min_options":
        store.findings.add(inspection, item.id, value={"selected": item.rule.options[:item.rule.minimum]})


def finished(store: Store, name: str, findings: int, photos: int, rng: random.Random) -> str:
    county = store.places.find("衡阳县")
    county_id = county.id if county else store.places.add("县", "衡阳县")
    town = store.places.find("衡阳县/西渡镇")
    town_id = town.id if town else store.places.add("乡镇", "西渡镇", county_id)
    village = store.places.add("村", name, town_id)
    households = [store.households.add(village, f"户主{k}", members=3) for k in range(10)]
    inspection = store.inspections.create(RUBRIC, assessee_id=village, assessee_name="", inspectors=["张三", "李四"],
                                          date="2026-10-12")
    ids = store.findings.add_many(inspection, [
        {"item_id": FINDING_ITEMS[k % len(FINDING_ITEMS)], "household_id": households[k % 10],
         "note": "家庭人口栏漏填,致贫原因未写具体,帮扶措施与实际情况不符" if k % 3 == 0 else "收入数字前后不一致",
         "entered_by": "张三"} for k in range(findings)])
    for k in range(photos):
        store.photos.add(ids[k], photo_12mp(rng, k))
    answered = set(FINDING_ITEMS[:findings])
    with store.transaction():
        for item in RUBRIC.items():
            if item.id not in answered:
                answer_clean(store, inspection, item)
    return inspection


def sign(store: Store, inspection: str, key: DeviceKey, rng: random.Random) -> None:
    people = [("张三", "leader"), ("李四", "member"), ("王村长", "representative")]
    signers = []
    for name, role in people:
        strokes = scribble(rng, 3)
        signers.append(SignerInput(name, role, strokes, render_png(strokes)))
    signing.sign_inspection(store, inspection, signers, key)


def baseline_table(content) -> bytes:
    """reportlab alone: the same rows in the same font and columns, nothing else."""
    from xml.sax.saxutils import escape

    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from fieldcheck.reports import sheet, sheet_style

    rl_config.useA85 = 0
    style = ParagraphStyle("b", fontName=sheet_style.register_font(), fontSize=8, leading=10.5, wordWrap="CJK")
    data = [[Paragraph(h, style) for h in sheet.HEADERS]]
    for r in content.rows:
        data.append([Paragraph(escape(v).replace("\n", "<br/>"), style) for v in
                     (r.number, r.content, r.standard, r.points, r.deduction, r.score, r.basis)])
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Table(data, colWidths=[w * sheet_style.MM for w in sheet.COLUMNS],
                                                     repeatRows=1, splitInRow=1)])
    return out.getvalue()


def median_time(fn, repeat: int) -> tuple[float, object]:
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), result


def interleaved(a, b, repeat: int) -> tuple[tuple[float, float, object], tuple[float, float, object]]:
    """``a`` and ``b`` run in turn (ABAB…, the machine is shared): each one's median wall and CPU seconds and result."""
    runs: list[list[tuple[float, float]]] = [[], []]
    results: list[object] = [None, None]
    for _ in range(repeat):
        for k, fn in enumerate((a, b)):
            wall, cpu = time.perf_counter(), time.process_time()
            results[k] = fn()
            runs[k].append((time.perf_counter() - wall, time.process_time() - cpu))
    (wa, ca), (wb, cb) = ([statistics.median(x[i] for x in r) for i in (0, 1)] for r in runs)
    return (wa, ca, results[0]), (wb, cb, results[1])


def main() -> None:
    quick = "--quick" in sys.argv
    repeat = 3 if quick else 7
    batch = 20 if quick else 100
    rng = random.Random(1)
    with tempfile.TemporaryDirectory(prefix="fieldcheck-bench-") as tmp:
        folder = Path(tmp)
        store = Store.open(folder / "bench.db", device="bench", backup_on_close=False, daily_backup=False)
        key = DeviceKey.load_or_create("bench", folder / "keys")
        started = time.perf_counter()
        big = finished(store, "梅花村", 50, 50, rng)
        sign(store, big, key, rng)
        originals = sum(f.stat().st_size for f in store.photo_dir.rglob("*.jpg"))
        print(f"set-up: 50 photos of 12 MP ({originals / 1e6:.0f} MB of originals) in "
              f"{time.perf_counter() - started:.0f} s")

        content = gather(store, big)
        t_cold, _ = median_time(lambda: signing.sheet_pdf(store, big, key), 1)  # print copies made at import
        (t_sheet, c_sheet, data), (t_base, c_base, base) = interleaved(
            lambda: signing.sheet_pdf(store, big, key), lambda: baseline_table(content), repeat)
        print(f"sheet, 50 findings + 50 photos of 12 MP: {t_sheet * 1000:.0f} ms (CPU {c_sheet * 1000:.0f} ms), "
              f"{len(data) / 1e6:.2f} MB (goal < 2 s, < 3 MB); the first sheet in this process (reportlab, the font, "
              f"pyHanko loaded now): {t_cold * 1000:.0f} ms")
        print(f"  baseline, reportlab table alone:      {t_base * 1000:.0f} ms (CPU {c_base * 1000:.0f} ms), "
              f"{len(base) / 1e6:.2f} MB")
        (t_verify, c_verify, _), (t_base2, c_base2, _) = interleaved(
            lambda: signing.verify_sheet(data), lambda: baseline_table(content), repeat)
        print(f"verify the 50-photo sheet:               {t_verify * 1000:.0f} ms (CPU {c_verify * 1000:.0f} ms); "
              f"baseline table {t_base2 * 1000:.0f} ms (CPU {c_base2 * 1000:.0f} ms)")

        ids = []
        for k in range(batch):
            inspection = finished(store, f"村{k}", 12, 0, rng)
            sign(store, inspection, key, rng)
            ids.append(inspection)
        contents = [gather(store, i) for i in ids]
        (t_batch, c_batch, sizes), (t_batch_base, c_batch_base, _) = interleaved(
            lambda: [len(signing.sheet_pdf(store, i, key)) for i in ids], lambda: [baseline_table(c) for c in contents], 1)
        print(f"batch of {batch} signed sheets: {t_batch:.1f} s (CPU {c_batch:.1f} s; {t_batch / batch * 1000:.0f} ms "
              f"each, {sum(sizes) / 1e6:.1f} MB)")
        print(f"  baseline, {batch} reportlab tables:  {t_batch_base:.1f} s (CPU {c_batch_base:.1f} s; "
              f"{t_batch_base / batch * 1000:.0f} ms each)")
        store.close()


if __name__ == "__main__":
    main()
