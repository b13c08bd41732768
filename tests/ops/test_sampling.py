"""Household samples: at least the share, the same for the same seed, recorded in the audit log."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldcheck.ops.sampling import draw, parse_share, sample_households, sample_size
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
