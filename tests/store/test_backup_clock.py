"""Backups on a laptop whose clock is wrong: a dead CMOS battery says 2001, a bad setting 2038."""

from __future__ import annotations

from datetime import UTC, datetime

from fieldcheck.ops.places import village_at
from fieldcheck.store import Store, backup

VILLAGE = "衡阳县/西渡镇/梅花村"


class Clock(datetime):
    """``datetime`` as the backup module sees it, at a time the test sets."""

    at = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

    @classmethod
    def now(cls, tz=None):
        return cls.at


def _edit_and_close(path, name):
    store = Store.open(path, device="d", daily_backup=False)
    store.households.add(village_at(store, VILLAGE), name)
    store.close()  # takes a backup: the database was written


def test_a_clock_set_back_still_keeps_the_new_backups(tmp_path, monkeypatch):
    """Ten backups from the right clock, then the battery dies: the new backup used to be named 2001,
    sort as the oldest and be deleted at once, every time. It is kept as the newest, the oldest goes."""
    monkeypatch.setattr(backup, "datetime", Clock)
    path = tmp_path / "field.db"
    for day in range(1, 11):
        Clock.at = datetime(2026, 11, day, 8, 0, tzinfo=UTC)
        _edit_and_close(path, f"户主{day}")
    before = backup.backups(path)
    assert len(before) == backup.KEEP

    Clock.at = datetime(2001, 1, 1, 8, 0, tzinfo=UTC)
    _edit_and_close(path, "王五")
    after = backup.backups(path)
    assert len(after) == backup.KEEP
    assert after[:-1] == before[1:]  # the oldest dropped, the others kept
    newest = Store.open(after[-1], device="check", daily_backup=False, backup_on_close=False)
    try:
        village = newest.places.find(VILLAGE).id
        assert "王五" in [h.head_name for h in newest.households.of_village(village)]
    finally:
        newest.close()
    assert backup.due(path)  # the clock cannot say how old the newest is: the daily one is taken


def test_a_clock_set_right_after_2038_keeps_its_backups_too(tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "datetime", Clock)
    path = tmp_path / "field.db"
    Clock.at = datetime(2038, 1, 20, 3, 0, tzinfo=UTC)
    for n in range(backup.KEEP):
        Clock.at = datetime(2038, 1, 20, 3, n, tzinfo=UTC)
        _edit_and_close(path, f"户主{n}")
    Clock.at = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    _edit_and_close(path, "王五")
    _edit_and_close(path, "赵六")
    names = [p.name for p in backup.backups(path)]
    assert len(names) == backup.KEEP
    taken = [backup.taken_at(p) for p in backup.backups(path)]
    assert taken == sorted(taken) and len(set(taken)) == len(taken)
    newest = Store.open(backup.backups(path)[-1], device="check", daily_backup=False, backup_on_close=False)
    try:
        village = newest.places.find(VILLAGE).id
        assert {"王五", "赵六"} <= {h.head_name for h in newest.households.of_village(village)}
    finally:
        newest.close()
