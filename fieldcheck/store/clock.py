"""A hybrid logical clock per device: an order of changes that survives clock skew and merges.

Every stored change carries an HLC stamp ``"<wall ms, 15 digits>-<counter, 4 digits>-<device>"``.
Stamps from one device only ever grow (even when the laptop's clock is set back), and
sorting stamps as text orders changes from many devices consistently, the device name
breaking ties. A merge decides by what each change saw, not by its stamp (docs/sync.md); the
stamp only picks, deterministically on every laptop, which side of a kept conflict is shown
until the leader decides, and never has to trust anyone's wall clock alone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fieldcheck.i18n import t

#: no FieldCheck change was made before this (its event log dates from 2026): a clock that says earlier
#: is wrong (a laptop with a dead CMOS battery says 2001 or 1970)
FIRST_EVENT = datetime(2025, 1, 1, tzinfo=UTC)
#: how far ahead a laptop's clock may be before its times are taken as wrong (time zones, a clock a little fast)
CLOCK_SLACK = timedelta(days=1)


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def wall_time_wrong(at: str | None, now: datetime | None = None) -> bool:
    """Whether a stored wall time (ISO, UTC) was plainly made by a wrong clock: before FieldCheck kept any
    (a dead CMOS battery says 2001), or more than a day ahead of ``now`` (a clock set to 2038).

    The change stamps cannot tell: a laptop that saw a 2038 stamp stamps after it, its own clock right.
    """
    if not at:
        return False
    try:
        made = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return False
    if made.tzinfo is None:
        made = made.replace(tzinfo=UTC)
    return made < FIRST_EVENT or made - (now or datetime.now(UTC)) > CLOCK_SLACK


def shown_time(at: str | None, width: int = 16) -> str:
    """A stored UTC time as lists show it ("2026-11-23 09:00", ``width`` characters), marked when a wrong
    clock made it: a leader choosing between two sides reads their times as which came later."""
    shown = (at or "")[:width].replace("T", " ")
    return shown + t("(设备时钟有误)", " (device clock wrong)") if wall_time_wrong(at) else shown


def format_stamp(wall_ms: int, counter: int, device: str) -> str:
    return f"{wall_ms:015d}-{counter:04d}-{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    """Split a stamp into (wall ms, counter, device); ValueError when it is not one."""
    wall, counter, device = stamp.split("-", 2)
    if len(wall) != 15 or len(counter) != 4 or not device:
        raise ValueError(f"not an HLC stamp: {stamp!r}")
    return int(wall), int(counter), device


class HybridClock:
    """Issues strictly increasing stamps for one device."""

    def __init__(self, device: str, last: str | None = None, now: Callable[[], int] = _now_ms):
        if not device:
            raise ValueError("device name is empty")
        self.device = device
        self._now = now
        self._lock = threading.Lock()
        self._wall, self._counter = 0, 0
        if last:
            self.observe(last)

    def observe(self, stamp: str) -> None:
        """Move past a stamp seen elsewhere (a stored row, another device's bundle)."""
        wall, counter, _ = parse_stamp(stamp)
        with self._lock:
            if (wall, counter) > (self._wall, self._counter):
                self._wall, self._counter = wall, counter

    def tick(self) -> str:
        """A new stamp, greater than every stamp this clock has issued or observed."""
        with self._lock:
            now = self._now()
            if now > self._wall:
                self._wall, self._counter = now, 0
            else:
                self._counter += 1
                if self._counter > 9999:  # more than 10,000 changes in one ms: borrow the next ms
                    self._wall, self._counter = self._wall + 1, 0
            return format_stamp(self._wall, self._counter, self.device)
