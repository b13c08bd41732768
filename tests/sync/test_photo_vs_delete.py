"""A photo added on one laptop while its finding is deleted on another: a deleted-edited conflict, the
finding and its photo kept and shown until the leader decides, whatever order the bundles come in."""

from __future__ import annotations

import itertools
import random

import pytest
from conftest import Laptop, village_inspection
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldcheck.ops.conflicts import resolve
from fieldcheck.ops.demo import make_photo


def _split(laptops, tmp_path):
    """A deletes a finding it had sent to B; B, not knowing, attaches a photo to it. Their bundles."""
    a, b, leader = laptops("A", "B", "L")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="台账缺页")
    start = a.export(tmp_path / "start")
    b.take(start)
    a.store.findings.delete(f.id)
    photo = b.store.photos.add(f.id, make_photo(random.Random(3), size=(320, 240)))
    return a, b, leader, insp, f, photo, start, a.export(tmp_path / "a"), b.export(tmp_path / "b")


def _shown(laptop, insp, finding_id):
    """What the inspection's page shows of the finding: is it there, and its photos."""
    there = finding_id in {x.id for x in laptop.store.findings.of(insp)}
    return there, [p.sha256 for p in laptop.store.photos.of(finding_id)] if there else []


def test_the_photo_makes_the_delete_a_conflict_and_both_stay_shown(laptops, tmp_path):
    a, b, leader, insp, f, photo, start, from_a, from_b = _split(laptops, tmp_path)
    leader.take(start)
    leader.take(from_a)
    assert _shown(leader, insp, f.id) == (False, [])  # the delete alone: gone
    report = leader.take(from_b)
    assert report.conflicts == 1
    (c,) = leader.store.events.conflicts()
    assert c["kind"] == "deleted-edited" and c["record"] == f.id and c["item"] == "2.1.1"
    assert [s["action"] for s in c["sides"]] == ["delete", "create"]
    assert c["sides"][1]["value"]["sha256"] == photo.sha256
    assert _shown(leader, insp, f.id) == (True, [photo.sha256])  # never a silent loss
    a.take(from_b)
    b.take(from_a)
    assert a.state() == b.state() == leader.state()


@pytest.mark.parametrize("decision", ["delete", "restore", "keep-photo"])
def test_resolving_either_way_works_and_travels(laptops, tmp_path, decision):
    a, b, leader, insp, f, photo, start, from_a, from_b = _split(laptops, tmp_path)
    for bundle in (start, from_b, from_a):
        leader.take(bundle)
    (c,) = leader.store.events.conflicts()
    if decision == "keep-photo":
        resolve(leader.store, c["id"], keep=c["sides"][1]["event"])
    else:
        resolve(leader.store, c["id"], value=decision == "delete")
    assert leader.store.events.conflicts() == []
    expected = (False, []) if decision == "delete" else (True, [photo.sha256])
    assert _shown(leader, insp, f.id) == expected
    back = leader.export(tmp_path / "back", everything=True)
    for laptop in (a, b):
        laptop.take(from_b if laptop is a else from_a)
        laptop.take(back)
        assert laptop.store.events.conflicts() == []
        assert _shown(laptop, insp, f.id) == expected
    assert a.state() == b.state() == leader.state()


def test_a_delete_that_saw_the_photo_is_no_conflict(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="台账缺页")
    b.take(a.export(tmp_path / "ab"))
    b.store.photos.add(f.id, make_photo(random.Random(4), size=(320, 240)))
    a.take(b.export(tmp_path / "ba"))
    a.store.findings.delete(f.id)  # A saw the photo, then deleted the finding with it
    b.take(a.export(tmp_path / "ab"))
    assert b.store.events.conflicts() == []
    assert _shown(b, insp, f.id) == (False, [])


@settings(max_examples=12, deadline=None)
@given(order=st.permutations(range(3)), twice=st.booleans())
def test_the_outcome_does_not_depend_on_the_order(tmp_path_factory, order, twice):
    folder = tmp_path_factory.mktemp("order")  # the laptops fixture would be shared by every example
    made = [Laptop(folder, d) for d in ("A", "B", "L")]
    try:
        a, b, leader = made
        insp = village_inspection(a.store)
        f = a.store.findings.add(insp, "2.1.1", note="台账缺页")
        start = a.export(folder / "start")
        b.take(start)
        a.store.findings.delete(f.id)
        b.store.photos.add(f.id, make_photo(random.Random(3), size=(320, 240)))
        bundles = [start, a.export(folder / "a"), b.export(folder / "b")]
        for k in itertools.chain(order, order if twice else ()):
            leader.take(bundles[k])
        (c,) = leader.store.events.conflicts()
        assert c["kind"] == "deleted-edited"
        assert _shown(leader, insp, f.id)[0] is True and len(_shown(leader, insp, f.id)[1]) == 1
        a.take(bundles[2])
        b.take(bundles[1])
        assert a.state() == b.state() == leader.state()
    finally:
        for laptop in made:
            laptop.close()


def test_deletes_of_findings_with_and_without_photos_travel_without_conflict(laptops, tmp_path):
    """A finding without photos is deleted without searching the log for them (the window's undo of an
    add); one with a photo still names the photo's creation among what it saw: no conflict anywhere."""
    a, b, leader = laptops("A", "B", "L")
    insp = village_inspection(a.store)
    kept = a.store.findings.add(insp, "2.1.1", note="照片在这里")
    with_photo = a.store.findings.add(insp, "2.1.1", note="台账缺页")
    b.take(a.export(tmp_path / "start"))
    b.store.photos.add(with_photo.id, make_photo(random.Random(5), size=(320, 240)))
    a.take(b.export(tmp_path / "b"))
    a.store.findings.delete(with_photo.id)  # a finding with a photo: the log is searched for its creation
    a.store.findings.delete(kept.id)  # one without: nothing to search for
    for bundle in sorted((tmp_path / "start").iterdir()) + sorted((tmp_path / "b").iterdir()) + [
            a.export(tmp_path / "a")]:
        leader.take(bundle)
    b.take(a.export(tmp_path / "a2", everything=True))
    assert leader.store.events.conflicts() == [] and b.store.events.conflicts() == []
    assert _shown(leader, insp, with_photo.id) == (False, []) and _shown(leader, insp, kept.id) == (False, [])
    assert a.state() == b.state() == leader.state()
