"""Household sampling for door-to-door checks (seed 004: 实地核查, 抽查 ≥ 10%).

A sample is a pure function of the village's live households, the share and a seed: each
household is ranked by SHA-256("<seed>:<household id>") and the first ⌈share × n⌉ are
drawn. Anyone holding the same database and the seed can draw it again and get the same
households, with no dependence on Python's random module across versions; the seed is
chosen before the households are known to the person drawing, so the draw is fair.

The share is at least the rubric's (its ``sampling:`` block; the rubric is the one named,
else the inspection's own snapshot): a smaller share asked for is refused, none asked for
takes the rubric's. Without a rubric the share asked for, or 10% (seed 004), is drawn.

Every draw is written to the audit log (action ``sample``, the village, the inspection
when one is named) with its seed, share, the rubric and its share, and the households
drawn, so the sample an inspection used can be shown later. The audit log is append-only
and travels with the data.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from fieldcheck.engine.rubric import Rubric
from fieldcheck.i18n import t
from fieldcheck.store import Household, StoreError

DEFAULT_SHARE = Decimal("0.1")  # seed 004: 实地核查(抽查≥10%), when no rubric says otherwise


@dataclass(frozen=True)
class Sample:
    village_id: str
    village: str  # its path, 县/乡镇/村
    seed: int
    share: Decimal
    population: int
    households: list[Household]
    rubric_id: str | None = None
    least: Decimal | None = None  # the rubric's share, the least that could be drawn


def sample_size(population: int, share: Decimal) -> int:
    """⌈share × n⌉: never below the share asked for, and at least one household of a village that has any."""
    return min(population, math.ceil(share * population)) if population else 0


def draw(households: list[Household], share: Decimal, seed: int) -> list[Household]:
    """The households a seed draws, in the order drawn."""
    ranked = sorted(households, key=lambda h: hashlib.sha256(f"{seed}:{h.id}".encode()).hexdigest())
    return ranked[:sample_size(len(households), share)]


def parse_share(value: object) -> Decimal:
    """A share as 0.1, "10%" or "0.15"; StoreError unless 0 < share ≤ 1."""
    text = str(value).strip()
    try:
        share = Decimal(text[:-1]) / 100 if text.endswith("%") else Decimal(text)
    except InvalidOperation:
        share = Decimal(-1)
    if not share.is_finite() or not 0 < share <= 1:
        raise StoreError(t(f"抽查比例应在 0 与 1 之间(如 0.1 或 10%),而不是「{value}」",
                           f"the share must be between 0 and 1 (0.1 or 10%), not '{value}'"))
    return share


def share_for(rubric: Rubric | None, asked: Decimal | None) -> tuple[Decimal, Decimal | None]:
    """(the share to draw, the rubric's least share); StoreError when ``asked`` is below the rubric's."""
    least = rubric.sampling.share if rubric is not None and rubric.sampling is not None else None
    if asked is None:
        return (least if least is not None else DEFAULT_SHARE), least
    if least is not None and asked < least:
        assert rubric is not None
        raise StoreError(t(f"细则「{rubric.id}」要求入户抽查不少于 {least:%},不能只抽 {asked:%};请给 {least} 或更大的比例",
                           f"rubric '{rubric.id}' asks for at least {least:%} of the households, not {asked:%}; "
                           f"give a share of {least} or more"))
    return asked, least


def sample_households(store, village: str, *, share: Decimal | None = None, seed: int | None = None,
                      inspection_id: str | None = None, rubric: Rubric | None = None) -> Sample:
    """Draw and record a sample of the village named by path or name; StoreError if there is none.

    ``rubric`` (else the named inspection's rubric) sets the least share; ``share`` None takes it.
    """
    place = store.places.find(village)
    if place is None or place.kind != "村":
        raise StoreError(t(f"找不到村「{village}」;请写村名或「县/乡镇/村」", f"no village '{village}'; give its name or 县/乡镇/村"))
    if inspection_id is not None:
        inspection = store.inspections.get(inspection_id)  # StoreError for an unknown inspection
        rubric = rubric or inspection.rubric
    share, least = share_for(rubric, share)
    households = store.households.of_village(place.id)
    if not households:
        raise StoreError(t(f"「{village}」还没有农户名单,先用 fieldcheck import roster 导入",
                           f"'{village}' has no households yet; import a roster first (fieldcheck import roster)"))
    if seed is None:
        seed = secrets.randbelow(1_000_000)
    drawn = draw(households, share, seed)
    db = store.db
    with db.transaction():
        hlc, at = db.stamp()
        db.record(hlc, at, "sample", "village", place.id, inspection_id, "households", None,
                  {"seed": seed, "share": str(share), "population": len(households), "drawn": [h.id for h in drawn],
                   "rubric": rubric.id if rubric is not None else None,
                   "rubric_version": rubric.version if rubric is not None else None,
                   "rubric_share": None if least is None else str(least)})
    return Sample(place.id, store.places.path(place.id), seed, share, len(households), drawn,
                  rubric.id if rubric is not None else None, least)
