"""Household sampling for door-to-door checks (seed 004: 实地核查, 抽查 ≥ 10%).

A sample is a pure function of the village's live households, the share and a seed: each
household is ranked by SHA-256("<seed>:<household id>") and the first ⌈share × n⌉ are
drawn. Anyone holding the same database and the seed can draw it again and get the same
households, with no dependence on Python's random module across versions; the seed is
chosen before the households are known to the person drawing, so the draw is fair.

Every draw is written to the audit log (action ``sample``, the village, the inspection
when one is named) with its seed, share and the households drawn, so the sample an
inspection used can be shown later. The audit log is append-only and travels with the data.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from fieldcheck.i18n import t
from fieldcheck.store import Household, StoreError

DEFAULT_SHARE = Decimal("0.1")


@dataclass(frozen=True)
class Sample:
    village_id: str
    village: str  # its path, 县/乡镇/村
    seed: int
    share: Decimal
    population: int
    households: list[Household]


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


def sample_households(store, village: str, *, share: Decimal = DEFAULT_SHARE, seed: int | None = None,
                      inspection_id: str | None = None) -> Sample:
    """Draw and record a sample of the village named by path or name; StoreError if there is none."""
    place = store.places.find(village)
    if place is None or place.kind != "村":
        raise StoreError(t(f"找不到村「{village}」;请写村名或「县/乡镇/村」", f"no village '{village}'; give its name or 县/乡镇/村"))
    if inspection_id is not None:
        store.inspections.get(inspection_id)  # StoreError for an unknown inspection
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
                  {"seed": seed, "share": str(share), "population": len(households), "drawn": [h.id for h in drawn]})
    return Sample(place.id, store.places.path(place.id), seed, share, len(households), drawn)
