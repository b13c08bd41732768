"""The demo's finished inspections are really signed: drawn signatures, a recorded hash, a sheet that verifies."""

from __future__ import annotations

from fieldcheck.ops import demo, signing
from fieldcheck.signing import canonical
from fieldcheck.signing.content import gather


def test_demo_signs_its_finished_inspections_with_drawn_signatures(store):
    demo.populate(store, villages=3)
    signed = [r for r in store.inspections.rows() if r.status != "draft"]
    assert signed
    for row in signed:
        revision = store.signatures.current(row.id)
        assert revision is not None and revision.content_hash == canonical.content_hash(gather(store, row.id))
        people = store.signatures.active(row.id)
        assert {s.role for s in people} == {"leader", "member", "representative"}
        assert all(s.image.startswith(b"\x89PNG") and len(s.strokes) >= 2 for s in people)
        assert all(s.signed_at.startswith(row.date) for s in people)
    for row in store.inspections.rows(status="draft"):
        assert store.signatures.of(row.id) == []
    data = signing.sheet_pdf(store, signed[0].id)
    assert signing.verify_sheet(data, store).standing == "current"
