"""A signed inspection reaches the leader with its signatures, and its sheet verifies there."""

from __future__ import annotations

from sheetkit import finished_inspection, signers

from fieldcheck.ops import signing
from fieldcheck.signing.keys import DeviceKey


def test_signatures_and_revisions_travel_and_the_sheet_verifies_at_the_leader(laptops, tmp_path):
    a, leader = laptops("A", "L")
    inspection = finished_inspection(a.store, photos=1, handbook_errors=2)
    key = DeviceKey.load_or_create("A", a.keys)
    revision = signing.sign_inspection(a.store, inspection, signers(), key)
    sheet = signing.sheet_pdf(a.store, inspection, key)
    leader.take(a.export(tmp_path / "stick"))

    assert leader.store.inspections.get(inspection).status == "signed"
    here, there = a.store.signatures.active(inspection), leader.store.signatures.active(inspection)
    assert [(s.role, s.name, s.image, s.strokes) for s in there] == [(s.role, s.name, s.image, s.strokes) for s in here]
    assert leader.store.signatures.current(inspection).content_hash == revision.content_hash
    # the leader's database knows the revision, so it can say the sheet is the current one
    verified = signing.verify_sheet(sheet, leader.store)
    assert verified.content_hash == revision.content_hash and verified.standing == "current"

    # an amendment on the laptop voids the signatures at the leader too, with the reason
    signing.amend(a.store, inspection, "户主姓名录错")
    leader.take(a.export(tmp_path / "stick"))
    assert leader.store.inspections.get(inspection).status == "draft"
    assert leader.store.signatures.active(inspection) == []
    voided = leader.store.signatures.of(inspection)
    assert voided and all(s.void_reason == "户主姓名录错" for s in voided)
    assert signing.verify_sheet(sheet, leader.store).standing == "superseded"
