"""The merge: conflicts kept, resolutions travel, deletions never silently lost, signed inspections untouched."""

from __future__ import annotations

import pytest
from conftest import village_inspection
from sheetkit import lock_as_signed

from fieldcheck import i18n
from fieldcheck.cli import main
from fieldcheck.ops.conflicts import resolve, set_item
from fieldcheck.store import Store, StoreError


def set_differently(laptops, tmp_path):
    """A and B share an inspection, then set 2.5.4 to met and not met; B takes A's bundle: (a, b, inspection, report)."""
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    b.take(a.export(tmp_path / "ab"))
    set_item(a.store, insp, "2.5.4", True)
    set_item(b.store, insp, "2.5.4", False)
    return a, b, insp, b.take(a.export(tmp_path / "ab"))


def test_two_values_for_one_item_are_a_conflict_with_the_same_provisional_value_everywhere(laptops, tmp_path):
    a, b, insp, ra = set_differently(laptops, tmp_path)
    a.take(b.export(tmp_path / "ba"))
    assert ra.conflicts == 1
    assert a.state() == b.state()
    (c,) = a.store.events.conflicts()
    assert c["kind"] == "concurrent" and c["item"] == "2.5.4"
    assert sorted(s["value"] for s in c["sides"]) == [False, True]
    assert {s["device"] for s in c["sides"]} == {"A", "B"}
    # resolving on B travels back to A and ends the conflict there too
    resolve(b.store, c["id"], keep=next(s["event"] for s in c["sides"] if s["value"] is True))
    assert b.store.events.conflicts() == []
    a.take(b.export(tmp_path / "ba"))
    assert a.store.events.conflicts() == []
    assert a.state() == b.state()
    assert [f.value for f in a.store.findings.of(insp, "2.5.4")] == [True]


def test_the_report_counts_the_conflicts_of_what_the_bundle_touched_not_older_ones(laptops, tmp_path):
    a, b, insp, report = set_differently(laptops, tmp_path)
    assert report.conflicts == 1
    other = village_inspection(a.store)
    a.store.findings.add(other, "2.1.1", note="台账缺页")
    report = b.take(a.export(tmp_path / "ab"))
    assert report.new > 0 and report.conflicts == 0
    assert len(b.store.events.conflicts()) == 1


def test_an_old_bundle_rolls_nothing_back_and_a_repeat_changes_nothing(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    first = a.export(tmp_path / "x")
    set_item(a.store, insp, "2.5.4", True)
    set_item(a.store, insp, "2.5.4", False)
    second = a.export(tmp_path / "x")
    b.take(second)
    b.take(first)
    again = b.take(second)
    assert again.new == 0 and again.already > 0
    assert [f.value for f in b.store.findings.of(insp, "2.5.4")] == [False]
    assert a.state() == b.state()


def _finding_both_change(laptops, tmp_path, on_a, on_b):
    """A finding A made and B received; then A and B each change it unseen (``on_a(store, id)``), and A
    takes B's bundle. Returns the laptops, the inspection and the finding's id."""
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="台账缺页")
    b.take(a.export(tmp_path / "ab"))
    on_a(a.store, f.id)
    on_b(b.store, f.id)
    a.take(b.export(tmp_path / "ba"))
    return a, b, insp, f.id


def _delete(store, finding):
    store.findings.delete(finding)


def _note(text):
    return lambda store, finding: store.findings.update(finding, note=text)


def test_delete_against_a_concurrent_edit_is_a_conflict_and_the_finding_stays(laptops, tmp_path):
    a, b, insp, _ = _finding_both_change(laptops, tmp_path, _delete, _note("台账缺三页"))
    b.take(a.export(tmp_path / "ab"))
    assert a.state() == b.state()
    (c,) = a.store.events.conflicts()
    assert c["kind"] == "deleted-edited"
    assert [x.note for x in a.store.findings.of(insp, "2.1.1")] == ["台账缺三页"]  # provisionally kept
    resolve(a.store, c["id"], value=True)
    assert a.store.findings.of(insp, "2.1.1") == []
    b.take(a.export(tmp_path / "ab"))
    assert b.store.findings.of(insp, "2.1.1") == [] and b.store.events.conflicts() == []


def test_a_delete_against_an_edit_decided_in_words(laptops, tmp_path):
    """Typed 否 once deleted the record (any text was true); now 恢复/否 restore, 删除 deletes, other text is refused."""
    a, _, insp, _ = _finding_both_change(laptops, tmp_path, _delete, _note("台账缺三页"))
    (c,) = a.store.events.conflicts()
    before = a.state()
    with i18n.using("zh"), pytest.raises(StoreError, match="请填「删除」或「恢复」"):
        resolve(a.store, c["id"], value="也许", has_value=True)
    assert a.state() == before
    resolve(a.store, c["id"], value="否", has_value=True)
    assert [x.note for x in a.store.findings.of(insp, "2.1.1")] == ["台账缺三页"] and a.store.events.conflicts() == []


def test_a_note_decided_by_typing_keeps_the_text_as_typed(laptops, tmp_path):
    """A note typed as the decision is text: "true" and "3" were read as JSON once and stored as True and 3."""
    a, _, _, finding = _finding_both_change(laptops, tmp_path, _note("缺一页"), _note("缺两页"))
    (c,) = a.store.events.conflicts()
    a.store.close()  # decided from the command line, as the conflicts view passes it: the text as typed
    assert main(["conflicts", "resolve", "--db", str(a.folder / "A.db"), c["id"], "--value", "true"]) == 0
    a.store = Store.open(a.folder / "A.db", device="A", daily_backup=False, backup_on_close=False)
    assert a.store.findings.get(finding).note == "true" and a.store.events.conflicts() == []


def test_a_signed_inspection_is_not_changed_by_a_late_event_whichever_arrives_first(laptops, tmp_path):
    a, b, leader1, leader2 = laptops("A", "B", "L1", "L2")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="原记录")
    b.take(a.export(tmp_path / "ab"))
    b.store.findings.update(f.id, note="签字后才到")
    late = b.export(tmp_path / "bl")
    lock_as_signed(a.store, insp)
    signed = a.export(tmp_path / "al")
    leader1.take(signed)
    held = leader1.take(late)
    leader2.take(late)
    leader2.take(signed)
    a.take(late)
    # the late note changed nothing here: it is held, so the report says conflict, not updated
    assert (held.new, held.updated, held.conflicts) == (1, 0, 1)
    for laptop in (leader1, leader2, a):
        assert [x.note for x in laptop.store.findings.of(insp)] == ["原记录"]
        (c,) = laptop.store.events.conflicts()
        assert c["kind"] == "after-signing" and any(s["held"] for s in c["sides"])
    assert leader1.state() == leader2.state()
    c = leader1.store.events.conflicts()[0]
    with pytest.raises(StoreError):
        resolve(leader1.store, c["id"], keep=next(s["event"] for s in c["sides"] if s["held"]))
    resolve(leader1.store, c["id"], keep=next(s["event"] for s in c["sides"] if not s["held"]))
    assert leader1.store.events.conflicts() == []
    # reopening instead (修订, which voids the signatures): the late change applies
    leader2.store.signatures.amend(insp, "签字后到达的记录需要采纳")
    assert [x.note for x in leader2.store.findings.of(insp)] == ["签字后才到"]


def test_downsized_photos_fit_a_small_stick_and_the_original_takes_their_place_later(laptops, tmp_path):
    import hashlib
    import io
    import json
    import random
    import zipfile

    from PIL import Image

    from fieldcheck.ops.demo import make_photo

    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1")
    photo = a.store.photos.add(f.id, make_photo(random.Random(3), size=(1600, 1200)))
    from fieldcheck.sync.export import export_bundle
    small = export_bundle(a.store, tmp_path / "stick" / "small.fcbundle", key_folder=a.keys, max_photo_px=300).path
    with zipfile.ZipFile(small) as z:
        assert json.loads(z.read("manifest.json"))["photos_downsized"] is True
    b.take(small)
    path = b.store.photos.path(photo.sha256)
    with Image.open(path) as img:
        assert max(img.size) == 300
    assert path.stat().st_size < a.store.photos.path(photo.sha256).stat().st_size
    # B passes on what it has (the small copy); then the original arrives and replaces it
    (c,) = laptops("C")
    c.take(b.export(tmp_path / "bc"))
    assert max(Image.open(c.store.photos.path(photo.sha256)).size) == 300
    # a sheet printed meanwhile says its image is the copy (its printed hash is the original's)
    assert "缩小的副本" in _sheet_text(b.store, insp)
    b.take(a.export(tmp_path / "full", everything=True))
    original = b.store.photos.path(photo.sha256)
    assert hashlib.sha256(original.read_bytes()).hexdigest() == photo.sha256
    assert Image.open(io.BytesIO(original.read_bytes())).size == (1600, 1200)
    assert "缩小的副本" not in _sheet_text(b.store, insp)


def _sheet_text(store, inspection: str) -> str:
    import pypdfium2

    from fieldcheck.ops.signing import sheet_pdf
    document = pypdfium2.PdfDocument(sheet_pdf(store, inspection))
    return "".join(page.get_textpage().get_text_range() for page in document)


def test_the_report_counts_as_updated_only_records_that_were_here_before(laptops, tmp_path):
    """A bundle that creates a finding and edits it, or marks an item, is all new to an empty database:
    nothing 'updated'."""
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="台账缺页")
    a.store.findings.update(f.id, note="台账缺三页")
    set_item(a.store, insp, "2.6.1", "checked")
    first = b.take(a.export(tmp_path / "ab"))
    assert first.new > 0 and first.updated == 0
    a.store.findings.update(f.id, note="台账缺四页")
    set_item(a.store, insp, "2.6.1", "na")
    second = b.take(a.export(tmp_path / "ab"))
    assert (second.new, second.updated) == (2, 2) and b.store.findings.get(f.id).note == "台账缺四页"
