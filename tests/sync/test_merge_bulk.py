"""A merge suspends the per-row triggers and does their work set-based: what a user notices must not change
(search finds merged notes, the list's score stamp moves), and the triggers are back afterwards, also after a failure."""

from __future__ import annotations

import pytest
from conftest import village_inspection

from fieldcheck.store.findings import Findings
from fieldcheck.sync.bundle import BundleError


def _triggers(laptop) -> list[tuple]:
    return laptop.store.connection.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()


def _stamp(laptop, insp: str) -> int:
    return laptop.store.connection.execute("SELECT changes FROM inspections WHERE id = ?", (insp,)).fetchone()[0]


def test_merged_notes_are_searchable_and_the_score_stamp_moves(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    b.take(a.export(tmp_path / "ab"))
    before, triggers = _stamp(b, insp), _triggers(b)
    a.store.findings.add_many(insp, [{"item_id": "2.1.1", "note": f"帮扶台账缺第{n}页"} for n in range(30)])
    b.take(a.export(tmp_path / "ab"))
    assert len(b.store.findings.search("台账缺第")) == 30  # the trigram index has the merged notes
    assert _stamp(b, insp) > before  # the list rescores the inspection
    assert _triggers(b) == triggers
    f = b.store.findings.search("缺第7页")[0]
    b.store.findings.update(f.id, note="帮扶台账齐全")  # the note trigger works again, on a merged row
    assert b.store.findings.search("缺第7页") == [] and len(b.store.findings.search("台账齐全")) == 1


def test_a_merge_that_fails_half_way_leaves_triggers_and_content_as_they_were(laptops, tmp_path, monkeypatch):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    a.store.findings.add(insp, "2.1.1", note="台账缺页")
    bundle = a.export(tmp_path / "ab")
    triggers = _triggers(b)
    dump = list(b.store.connection.iterdump())

    def broken(self, entity, events):
        raise OSError("disk pulled out")

    monkeypatch.setattr(Findings, "apply_creates", broken)
    with pytest.raises(BundleError):  # said as one sentence (the stick or disk), not a raw OSError
        b.take(bundle)
    assert _triggers(b) == triggers and list(b.store.connection.iterdump()) == dump
    monkeypatch.undo()
    b.take(bundle)
    assert [f.note for f in b.store.findings.search("台账缺页")] == ["台账缺页"]
