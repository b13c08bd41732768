"""Set-up shared by the signing, sheet and CLI tests: a finished 考核细则 inspection, signers, sheets."""

from __future__ import annotations

import random

from fieldcheck.engine import catalog
from fieldcheck.ops.demo import make_photo
from fieldcheck.signing.strokes import render_png, scribble
from fieldcheck.store import Store
from fieldcheck.store.signatures import SignerInput

RUBRIC = catalog.find("village-work-team")
#: the forms where "checked" is an answer (nothing found); the others need a value
CHECKABLE = {"per_occurrence", "per_event", "missing_elements", "duty_checklist", "bonus", "veto"}


def answer(store: Store, inspection: str, item) -> None:
    """Give ``item`` the answer an inspector who found nothing wrong would: checked, met, the top rating."""
    kind = item.rule.kind
    if kind in CHECKABLE:
        store.findings.set_mark(inspection, item.id, "checked")
    elif kind == "pass_fail":
        store.findings.add(inspection, item.id, value=True)
    elif kind == "rating":
        best = max(item.rule.levels, key=item.rule.levels.get)
        store.findings.add(inspection, item.id, value=best)
    elif kind == "min_options":
        store.findings.add(inspection, item.id, value={"selected": item.rule.options[:item.rule.minimum]})
    else:
        store.findings.set_mark(inspection, item.id, "na")


def finished_inspection(store: Store, *, handbook_errors: int = 16, photos: int = 2, finish: bool = True,
                        village_name: str = "梅花村") -> str:
    """A 考核细则 inspection of 衡阳县/西渡镇/<village> with every item answered (unless ``finish`` is False).

    ``handbook_errors`` findings on 2.1.1 (2 points each) pool in 2.1's 30: 16 of them ask
    for 32 and the sheet prints the cap line. The first ``photos`` findings get a photo.
    """
    county = store.places.find("衡阳县")
    county_id = county.id if county else store.places.add("县", "衡阳县")
    town = store.places.add("乡镇", "西渡镇", county_id)
    village = store.places.add("村", village_name, town)
    households = [store.households.add(village, name, members=3, id_number="430421199001011234")
                  for name in ("王建国", "李秀英", "张德胜")]
    inspection = store.inspections.create(RUBRIC, assessee_id=village, assessee_name="",
                                          inspectors=["张三", "李四"], date="2026-10-12")
    rows = [{"item_id": "2.1.1", "household_id": households[k % 3], "note": "家庭人口栏漏填", "entered_by": "张三"}
            for k in range(handbook_errors)]
    rows.append({"item_id": "1.2", "value": "扶贫档案柜不少于2个", "entered_by": "李四"})
    rows.append({"item_id": "2.3.2", "value": {"selected": ["宣传栏", "宣传页"]}, "entered_by": "李四"})
    ids = store.findings.add_many(inspection, rows)
    rng = random.Random(7)
    for k in range(min(photos, len(ids))):
        store.photos.add(ids[k], make_photo(rng, size=(800, 600), gps=(26.9, 112.6)))
    answered = {r["item_id"] for r in rows}
    items = RUBRIC.items() if finish else RUBRIC.items()[:10]
    for item in items:
        if item.id not in answered:
            answer(store, inspection, item)
    return inspection


def signers(seed: int = 1) -> list[SignerInput]:
    rng = random.Random(seed)
    out = []
    for name, role in (("张三", "leader"), ("李四", "member"), ("王村长", "representative")):
        strokes = scribble(rng, 3)
        out.append(SignerInput(name, role, strokes, render_png(strokes)))
    return out


def finish(store: Store, inspection: str) -> None:
    """Answer every item not answered yet, as ``answer`` does."""
    from fieldcheck.ops.signing import unanswered

    items = {i.id: i for i in RUBRIC.items()}
    for item_id, _ in unanswered(store, inspection):
        answer(store, inspection, items[item_id])


def lock_as_signed(store: Store, inspection: str, status: str = "signed") -> None:
    """Sign ``inspection`` at the store level (a test's shortcut: no sheet, no key, no completeness check)."""
    store.signatures.sign(inspection, [SignerInput("李明", "leader")], content_hash="0" * 64, key_id="test")
    if status == "exported":
        store.inspections.update(inspection, status="exported")
