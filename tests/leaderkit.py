"""Three inspectors' laptops and a leader's, with real databases, real keys and real bundles on a "stick".

What they did: A and B both answered item 2.5.4 of 测试村's inspection, differently (a
conflict); C signed 桃花村's inspection while B, holding a copy, added a finding to it (it
arrives at the leader after the signature: an after-signing conflict).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sheetkit import finished_inspection, lock_as_signed

from fieldcheck.engine import catalog
from fieldcheck.ops.conflicts import set_item
from fieldcheck.store import Store
from fieldcheck.sync.export import export_bundle
from fieldcheck.sync.importer import import_bundle


@dataclass
class Team:
    folder: Path
    stores: dict[str, Store] = field(default_factory=dict)
    bundles: list[Path] = field(default_factory=list)
    village: str = ""
    signed: str = ""
    late_note: str = "签字后补充:台账缺页"

    def store(self, device: str) -> Store:
        if device not in self.stores:
            self.stores[device] = Store.open(self.folder / f"{device}.db", device=device, user=f"检查员{device}",
                                             daily_backup=False, backup_on_close=False)
        return self.stores[device]

    def export(self, device: str, route: str, everything: bool = False) -> Path:
        done = export_bundle(self.store(device), self.folder / route / f"{device}.fcbundle", everything=everything,
                             key_folder=self.folder / f"keys-{device}",
                             inspector=self.store(device).user)  # as the window passes the settings' name
        assert done is not None
        return done.path

    def take(self, device: str, bundle: Path):
        return import_bundle(self.store(device), bundle, trust=True)

    def close(self) -> None:
        for s in self.stores.values():
            s.close()


def three_inspectors(folder: Path) -> Team:
    """The three inspectors' work, each exported whole to ``folder/stick``; the leader "L" has nothing yet."""
    team = Team(folder)
    a, b, c = team.store("A"), team.store("B"), team.store("C")
    with a.transaction():
        county = a.places.add("县", "测试县")
        town = a.places.add("乡镇", "测试镇", county)
        village = a.places.add("村", "测试村", town)
        team.village = a.inspections.create(catalog.find("village-work-team"), assessee_id=village,
                                            assessee_name="", inspectors=["甲", "乙"], date="2026-11-20")
    team.take("B", team.export("A", "a-to-b"))
    set_item(a, team.village, "2.5.4", True)
    set_item(b, team.village, "2.5.4", False)
    team.signed = finished_inspection(c, handbook_errors=2, photos=0, village_name="桃花村")
    team.take("B", team.export("C", "c-to-b"))
    b.findings.add(team.signed, "2.1.1", note=team.late_note)
    lock_as_signed(c, team.signed)
    for device in ("A", "B", "C"):
        team.bundles.append(team.export(device, "stick", everything=True))
    return team


def trust_all(monkeypatch) -> list[str]:
    """Every question the window asks answered Yes (trust this device); the questions asked."""
    from fieldcheck.gui.qt import QtWidgets  # lazy: the command-line tests use this kit without Qt

    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QtWidgets.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer)
    return asked
