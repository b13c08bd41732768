"""Laptops whose clocks are wrong (a dead CMOS battery says 2001, a bad setting 2038) merging with one whose
clock is right: the merge converges, conflicts are kept, a later edit wins whatever the clocks say, and the
times the leader reads to decide a conflict are marked when a laptop's clock was wrong."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime

from conftest import village_inspection

from fieldcheck.ops.conflict_text import describe
from fieldcheck.store import database

RIGHT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@contextmanager
def clock(laptop, monkeypatch, at: datetime):
    """The laptop's wall clock says ``at`` (its change stamps and the times it records)."""
    ms = int(at.timestamp() * 1000)
    laptop.store.db.clock._now = lambda: ms
    with monkeypatch.context() as m:
        m.setattr(database, "_now", lambda: at.isoformat().replace("+00:00", "Z"))
        yield


def _sides(laptop) -> dict[str, str]:
    """Each side of the one conflict: device → the time shown."""
    (conflict,) = laptop.store.events.conflicts()
    return {s["device"]: s["when"] for s in describe(laptop.store, conflict)["sides_text"]}


def _two_laptops(laptops, tmp_path, monkeypatch, language):
    """Laptops A and B (English), B's inspection made with the right clock and already on A."""
    language("en")
    a, b = laptops("A", "B")
    with clock(b, monkeypatch, RIGHT):
        inspection = village_inspection(b.store)
        a.take(b.export(tmp_path / "b-usb"))
    return a, b, inspection


def test_a_laptop_set_to_2001_merges_and_its_times_are_marked(laptops, tmp_path, monkeypatch, language):
    a, b, inspection = _two_laptops(laptops, tmp_path, monkeypatch, language)
    with clock(a, monkeypatch, datetime(2001, 1, 1, 8, 0, tzinfo=UTC)):
        a.store.findings.set_value(inspection, "2.5.4", False)  # neither has seen the other's
    with clock(b, monkeypatch, RIGHT):
        b.store.findings.set_value(inspection, "2.5.4", True)
    b.take(a.export(tmp_path / "a-usb"))
    a.take(b.export(tmp_path / "b-usb"))
    assert a.state() == b.state()  # converged
    for laptop in (a, b):
        sides = _sides(laptop)
        assert sides["A"] == "2001-01-01 08:00 (device clock wrong)"
        assert sides["B"] == "2026-11-23 09:00"

    with clock(a, monkeypatch, datetime(2001, 1, 1, 9, 0, tzinfo=UTC)):  # settled on the 2001 laptop
        a.store.findings.set_value(inspection, "2.5.4", False)  # the shown value is B's, the later stamp
    b.take(a.export(tmp_path / "a-usb"))
    assert [f.value for f in b.store.findings.of(inspection, "2.5.4")] == [False]
    assert b.store.events.conflicts() == [] and a.state() == b.state()
    for bundle in sorted((tmp_path / "a-usb").iterdir()):  # old bundles again: nothing rolls back
        b.take(bundle)
    assert b.store.events.conflicts() == [] and a.state() == b.state()


def test_a_laptop_set_to_2038_does_not_win_over_a_later_edit(laptops, tmp_path, monkeypatch, language):
    a, b, inspection = _two_laptops(laptops, tmp_path, monkeypatch, language)
    with clock(a, monkeypatch, datetime(2038, 1, 20, 3, 0, tzinfo=UTC)):
        a.store.findings.set_value(inspection, "2.5.4", False)
    b.take(a.export(tmp_path / "a-usb"))
    with clock(b, monkeypatch, RIGHT):  # later, having seen it: B's edit supersedes, whatever the stamps
        b.store.findings.set_value(inspection, "2.5.4", True)
    a.take(b.export(tmp_path / "b-usb"))
    assert a.store.events.conflicts() == [] == b.store.events.conflicts()
    assert a.state() == b.state()
    value = [f.value for f in b.store.findings.of(inspection, "2.5.4")]
    assert value == [True]

    with clock(a, monkeypatch, datetime(2038, 1, 20, 3, 5, tzinfo=UTC)):  # and concurrently: kept, marked
        a.store.findings.set_value(inspection, "2.5.4", False)
    with clock(b, monkeypatch, RIGHT):
        b.store.findings.set_value(inspection, "2.5.4", False)
        b.store.findings.set_value(inspection, "2.5.4", True)
    b.take(a.export(tmp_path / "a-usb"))
    sides = _sides(b)
    assert sides["A"] == "2038-01-20 03:05 (device clock wrong)" and sides["B"] == "2026-11-23 09:00"


class Year2001(datetime):
    """The wall clock of a laptop whose CMOS battery is dead."""

    @classmethod
    def now(cls, tz=None):
        return cls(2001, 1, 1, 8, 0, tzinfo=tz or UTC)


def test_a_leader_whose_clock_says_2001_is_told_before_making_the_team(laptops, tmp_path, monkeypatch, language):
    """Certificates count their years from the issuing laptop's clock: a team made in "2001" ran out in 2021,
    and every sheet its devices signed was judged "not enrolled" on every laptop, silently. The leader is
    told to set the clock right first, and nothing is made."""
    import datetime as datetime_module

    import pytest

    from fieldcheck.ops import team
    from fieldcheck.store import StoreError

    language("en")
    a, b = laptops("A", "B")
    b.export(tmp_path / "usb-B")
    a.take(next((tmp_path / "usb-B").glob("*.fcbundle")))
    with monkeypatch.context() as m:
        m.setattr(datetime_module, "datetime", Year2001)
        m.setattr(team, "datetime", Year2001)
        with pytest.raises(StoreError, match="this laptop's clock says 2001-01-01") as refused:
            team.init_team(a.store, "一组", tmp_path / "keys-team")
        assert "\n" not in str(refused.value)
    assert a.store.team.team() is None and not (tmp_path / "keys-team").exists()

    team.init_team(a.store, "一组", tmp_path / "keys-team")  # the clock set right
    with monkeypatch.context() as m:
        m.setattr(datetime_module, "datetime", Year2001)
        m.setattr(team, "datetime", Year2001)
        with pytest.raises(StoreError, match="set the date and time right first"):
            team.enrol(a.store, "B", tmp_path / "keys-team")
    assert a.store.team.enrolments() == []


def test_a_laptop_whose_clock_says_1970_still_exports(laptops, tmp_path, monkeypatch):
    """A zip cannot hold a time before 1980, and the bundle's manifest took its time from the clock: a laptop
    whose dead CMOS battery said 1970 could not export at all (a traceback), so its work could not leave it."""
    import time

    a, b = laptops("A", "B")
    inspection = village_inspection(a.store)
    a.store.findings.add(inspection, "2.1.1", note="缺页")
    with monkeypatch.context() as m:
        m.setattr(time, "time", lambda: 8 * 3600.0)  # 1970-01-01 08:00
        bundle = a.export(tmp_path / "usb")
    b.take(bundle)
    assert a.state() == b.state()
