"""The hybrid logical clock and the device name: what makes a later merge of many laptops exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldcheck import paths
from fieldcheck.store.clock import HybridClock, parse_stamp


@given(st.lists(st.integers(0, 2_000_000_000_000), min_size=1, max_size=60))
def test_stamps_only_grow_whatever_the_wall_clock_does(walls):
    """A laptop whose clock jumps back (a flat CMOS battery, a wrong time zone) still orders its changes."""
    feed = iter(walls)
    clock = HybridClock("laptop1", now=lambda: next(feed))
    stamps = [clock.tick() for _ in walls]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    for stamp, wall in zip(stamps, walls):
        assert parse_stamp(stamp)[0] >= wall  # never behind the wall clock either


def test_observing_a_later_stamp_moves_past_it():
    clock = HybridClock("a", now=lambda: 1000)
    other = "000000000005000-0007-b"
    clock.observe(other)
    assert clock.tick() > other
    assert parse_stamp(clock.tick())[2] == "a"


def test_counter_overflow_borrows_the_next_millisecond():
    clock = HybridClock("a", now=lambda: 42)
    stamps = [clock.tick() for _ in range(10_050)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_stamps_of_different_devices_sort_as_text():
    a = HybridClock("alpha", now=lambda: 7).tick()
    b = HybridClock("beta", now=lambda: 7).tick()
    assert a < b and parse_stamp(a)[:2] == parse_stamp(b)[:2]
    with pytest.raises(ValueError):
        parse_stamp("yesterday")


def test_device_name_is_made_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path))
    monkeypatch.delenv("FIELDCHECK_DEVICE", raising=False)
    first = paths.device_name()
    assert first and (tmp_path / "device").read_text().strip() == first
    assert paths.device_name() == first
    monkeypatch.setenv("FIELDCHECK_DEVICE", "队长 laptop/2")
    assert paths.device_name() == "队长_laptop_2"


def test_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path / "fc"))
    assert paths.default_db_path() == tmp_path / "fc" / "fieldcheck.db"
    monkeypatch.delenv("FIELDCHECK_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "FieldCheck"


def test_a_wall_time_is_wrong_before_fieldcheck_or_more_than_a_day_ahead():
    """What a dead CMOS battery (2001, 1970) or a bad setting (2038) wrote; a right clock's time is not."""
    from datetime import UTC, datetime

    from fieldcheck.store.clock import wall_time_wrong

    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert wall_time_wrong("2001-01-01T08:00:00.000001Z", now)
    assert wall_time_wrong("1970-01-01T08:00:00Z", now)
    assert wall_time_wrong("2038-01-20T03:00:00Z", now)
    assert not wall_time_wrong("2026-11-23T08:00:00Z", now)
    assert not wall_time_wrong("2026-11-24T08:00:00Z", now)  # a clock a few hours fast, another time zone
    assert not wall_time_wrong("", now) and not wall_time_wrong(None, now) and not wall_time_wrong("昨天", now)
