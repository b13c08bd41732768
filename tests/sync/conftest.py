"""Laptops for sync tests: real databases, real device keys, real bundle files."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from fieldcheck.engine import catalog
from fieldcheck.store import Store
from fieldcheck.sync.export import export_bundle
from fieldcheck.sync.importer import import_bundle


class Laptop:
    """One inspector's laptop: its database and its device key."""

    _names = itertools.count()

    def __init__(self, folder: Path, device: str):
        self.folder, self.device = folder, device
        self.store = Store.open(folder / f"{device}.db", device=device, user=f"user-{device}", daily_backup=False,
                                backup_on_close=False)
        self.keys = folder / f"keys-{device}"

    def export(self, to: Path, everything: bool = False):
        """A bundle into folder ``to`` (incremental per folder); its path, or None when nothing is new."""
        done = export_bundle(self.store, to / f"{self.device}-{next(self._names)}.fcbundle", everything=everything,
                             key_folder=self.keys)
        return None if done is None else done.path

    def take(self, bundle: Path):
        return import_bundle(self.store, bundle, trust=True)

    def state(self) -> dict:
        """What a person sees, record by record (no row ids of marks, no local bookkeeping)."""
        c = self.store.connection
        return {
            "inspections": c.execute("SELECT id, status, inspectors, date, assessee_name, deleted FROM inspections"
                                     " ORDER BY id").fetchall(),
            "findings": c.execute("SELECT id, inspection_id, item_id, value, household_id, note, entered_by, deleted"
                                  " FROM findings ORDER BY id").fetchall(),
            "marks": c.execute("SELECT inspection_id, item_id, mark FROM item_marks WHERE deleted = 0"
                               " ORDER BY inspection_id, item_id").fetchall(),
            "photos": c.execute("SELECT id, finding_id, sha256, deleted FROM photos ORDER BY id").fetchall(),
            "conflicts": [(x["id"], x["kind"], sorted(s["event"] for s in x["sides"]))
                          for x in self.store.events.conflicts()],
            "held": c.execute("SELECT event_id FROM held ORDER BY 1").fetchall(),
            "events": c.execute("SELECT count(*) FROM audit").fetchone()[0],
        }

    def close(self):
        self.store.close()


@pytest.fixture
def laptops(tmp_path):
    """``laptops("A", "B")``: fresh laptops, closed at the end."""
    made: list[Laptop] = []

    def make(*devices: str, folder: Path | None = None):
        out = [Laptop(folder or tmp_path, d) for d in devices]
        made.extend(out)
        return out

    yield make
    for laptop in made:
        laptop.close()


def village_inspection(store: Store) -> str:
    """A village with two households and a draft inspection on the village work-team rubric."""
    rubric = catalog.find("village-work-team")
    with store.transaction():
        county = store.places.add("县", "测试县")
        town = store.places.add("乡镇", "测试镇", county)
        village = store.places.add("村", "测试村", town)
        for name in ("张三", "李四"):
            store.households.add(village, name)
        return store.inspections.create(rubric, assessee_id=village, assessee_name="", inspectors=["甲", "乙"],
                                        date="2026-11-20")
