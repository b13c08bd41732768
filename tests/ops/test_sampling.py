"""Household samples: at least the share, the same for the same seed, recorded in the audit log."""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.ops.sampling import draw, parse_share, sample_households, sample_size, share_for
from fieldcheck.store import Household, StoreError


def _village(store, n):
    county = store.places.add("县", "衡阳县")
    town = store.places.add("乡镇", "西渡镇", county)
    village = store.places.add("村", "梅花村", town)
    for i in range(n):
        store.households.add(village, f"户主{i}")
    return village


@given(st.integers(0, 500), st.decimals(min_value=Decimal("0.01"), max_value=1, places=2), st.integers(0, 10**6))
def test_a_draw_is_at_least_the_share_and_the_same_for_the_same_seed(n, share, seed):
    households = [Household(f"id{i}", "v", f"h{i}", 1, "", "贫困户", None) for i in range(n)]
    drawn = draw(households, share, seed)
    assert len(drawn) == sample_size(n, share) >= share * n
    assert len(drawn) == min(n, math.ceil(share * n))
    assert len({h.id for h in drawn}) == len(drawn)
    assert draw(list(reversed(households)), share, seed) == drawn  # the order of the roster does not matter


def test_sample_is_recorded_and_reproducible(store):
    _village(store, 37)
    first = sample_households(store, "衡阳县/西渡镇/梅花村", seed=2024)
    assert len(first.households) == 4 and first.population == 37  # ⌈3.7⌉
    again = sample_households(store, "梅花村", seed=2024)
    assert again.households == first.households
    other = sample_households(store, "梅花村", seed=2025)
    assert other.households != first.households
    rows = store.db.conn.execute("SELECT action, entity, new FROM audit WHERE action = 'sample'").fetchall()
    assert len(rows) == 3
    recorded = json.loads(rows[0][2])
    assert recorded["seed"] == 2024 and recorded["drawn"] == [h.id for h in first.households]


def test_unknown_village_and_bad_share_are_one_sentence(store):
    _village(store, 0)
    with pytest.raises(StoreError, match="roster|名单"):
        sample_households(store, "梅花村", seed=1)
    with pytest.raises(StoreError):
        sample_households(store, "没有村", seed=1)
    for bad in ("0", "1.5", "abc", "-10%"):
        with pytest.raises(StoreError):
            parse_share(bad)
    assert parse_share("15%") == Decimal("0.15")


@functools.cache
def _shipped():
    return catalog.find("village-work-team")


def _asking(share: str):
    """village-work-team with its sampling share changed, as a county's edited copy would be."""
    rubric = _shipped()
    return dataclasses.replace(rubric, sampling=dataclasses.replace(rubric.sampling, share=Decimal(share)))


def test_the_rubrics_share_is_the_least_drawn_and_recorded_with_the_seed(store):
    _village(store, 37)
    rubric = _asking("0.25")
    sample = sample_households(store, "梅花村", seed=11, rubric=rubric)
    assert sample.share == Decimal("0.25") and len(sample.households) == 10  # ⌈9.25⌉
    assert sample.least == Decimal("0.25") and sample.rubric_id == "village-work-team"
    more = sample_households(store, "梅花村", seed=11, rubric=rubric, share=Decimal("0.5"))
    assert len(more.households) == 19 and more.households[:10] == sample.households  # the same ranking, further
    with pytest.raises(StoreError, match="25%"):
        sample_households(store, "梅花村", seed=11, rubric=rubric, share=Decimal("0.1"))
    again = sample_households(store, "梅花村", seed=11, rubric=rubric)
    assert again.households == sample.households  # the seed draws it again
    rows = [json.loads(r[0]) for r in store.db.conn.execute("SELECT new FROM audit WHERE action = 'sample' ORDER BY rowid")]
    assert len(rows) == 3  # the refused ask wrote nothing
    assert rows[0]["seed"] == 11 and rows[0]["rubric"] == "village-work-team" and rows[0]["rubric_share"] == "0.25"
    assert rows[0]["rubric_version"] == rubric.version and rows[0]["share"] == "0.25"


def test_an_inspection_brings_its_rubrics_share(store):
    _village(store, 25)
    inspection = store.inspections.create(_shipped(), assessee_id=None, assessee_name="梅花村",
                                          inspectors=["李明"], date="2026-11-20")
    sample = sample_households(store, "梅花村", seed=3, inspection_id=inspection)
    assert sample.least == Decimal("0.1") and len(sample.households) == 3  # ⌈2.5⌉
    with pytest.raises(StoreError):
        sample_households(store, "梅花村", seed=3, inspection_id=inspection, share=Decimal("0.05"))


@settings(deadline=None)
@given(st.integers(1, 300), st.decimals(min_value=Decimal("0.01"), max_value=1, places=2),
       st.decimals(min_value=0, max_value=Decimal("0.5"), places=2), st.integers(0, 10**6))
def test_whatever_is_asked_at_least_the_rubrics_share_is_drawn(n, least, more, seed):
    rubric = _asking(str(least))
    asked = min(Decimal(1), least + more)
    share, floor = share_for(rubric, asked)
    households = [Household(f"id{i}", "v", f"h{i}", 1, "", "贫困户", None) for i in range(n)]
    drawn = draw(households, share, seed)
    assert floor == least and len(drawn) >= least * n and drawn == draw(households, share, seed)
    assert share_for(rubric, None)[0] == least
