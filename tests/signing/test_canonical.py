"""The canonical hash covers everything the sheet shows: change any one field and it changes."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sheetkit import finished_inspection, signers

from fieldcheck.ops import signing
from fieldcheck.ops.demo import make_photo
from fieldcheck.signing import canonical
from fieldcheck.signing.content import PhotoEntry, SheetContent, SheetRow, SignerEntry, gather
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.store.signatures import SignerInput


def _changed(value):
    """A different value of the same type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "改"
    if isinstance(value, bytes):
        return value + b"\0"
    if isinstance(value, list):
        return value + ["改"] if not value or isinstance(value[0], str) else value[:-1]
    if isinstance(value, dict):
        return {**value, "改": 1}
    raise AssertionError(f"no change for {type(value).__name__}")


def _leaves(content: SheetContent):
    """(description, changed content) for every field of the content and of each row, photo and signer."""
    for f in dataclasses.fields(content):
        value = getattr(content, f.name)
        yield f.name, dataclasses.replace(content, **{f.name: _changed(value)})
        if f.name in ("rows", "photos", "signers"):
            for k, element in enumerate(value):
                for g in dataclasses.fields(element):
                    if g.name == "path":  # where the original lies on disk is not shown
                        continue
                    inner = getattr(element, g.name)
                    if inner is None:
                        inner = b"" if g.name == "image" else ""
                    changed = list(value)
                    changed[k] = dataclasses.replace(element, **{g.name: _changed(inner)})
                    yield f"{f.name}[{k}].{g.name}", dataclasses.replace(content, **{f.name: changed})


@pytest.fixture
def content(store):
    inspection = finished_inspection(store, photos=2)
    with_signers = [dataclasses.replace(s, signed_at="2026-10-12T17:00:00.000000Z") for s in signers()]
    return gather(store, inspection, signers=with_signers)


def test_every_field_of_the_content_changes_the_hash(content):
    base = canonical.content_hash(content)
    assert content.rows and content.photos and content.signers
    seen = 0
    for where, changed in _leaves(content):
        assert canonical.content_hash(changed) != base, where
        seen += 1
    assert seen > 7 * len(content.rows)


def test_where_a_photo_lies_is_not_part_of_it(content, tmp_path):
    moved = [dataclasses.replace(p, path=tmp_path / "elsewhere.jpg") for p in content.photos]
    assert canonical.content_hash(dataclasses.replace(content, photos=moved)) == canonical.content_hash(content)


def _mutations():
    """Changes to the stored inspection, each of which the sheet shows."""
    def note(store, i):
        f = store.findings.of(i, "2.1.1")[0]
        store.findings.update(f.id, note="致贫原因未写具体")

    def household(store, i):
        f = store.findings.of(i, "2.1.1")[0]
        other = next(h for h in store.households.of_village(store.inspections.get(i).assessee_id)
                     if h.id != f.household_id)
        store.findings.update(f.id, household_id=other.id)

    def add_finding(store, i):
        store.findings.add(i, "2.1.2", note="帮扶措施未按要求填写")

    def delete_finding(store, i):
        store.findings.delete(store.findings.of(i, "2.1.1")[-1].id)

    def mark(store, i):
        store.findings.set_mark(i, "2.1.2", None)  # looked at, then not: 不适用 is refused on 2.1.2

    def photo(store, i):
        store.photos.add(store.findings.of(i, "2.1.1")[5].id, make_photo(random.Random(3), size=(640, 480)))

    def remove_photo(store, i):
        f = store.findings.of(i, "2.1.1")[0]
        store.photos.remove(f.id, store.photos.of(f.id)[0].id)

    def date(store, i):
        store.inspections.update(i, date="2026-10-13")

    def inspectors(store, i):
        store.inspections.update(i, inspectors=["张三", "赵六"])

    def assessee(store, i):
        store.inspections.update(i, assessee_name="另一个村", assessee_group=None)

    return [note, household, add_finding, delete_finding, mark, photo, remove_photo, date, inspectors, assessee]


@pytest.mark.parametrize("mutate", _mutations(), ids=lambda f: f.__name__)
def test_every_stored_change_the_sheet_shows_changes_the_hash(store, mutate):
    inspection = finished_inspection(store, photos=2)
    before = canonical.content_hash(gather(store, inspection))
    mutate(store, inspection)
    assert canonical.content_hash(gather(store, inspection)) != before


def _signer_changes():
    base = signers()
    yield "name", [dataclasses.replace(base[0], name="张叁"), *base[1:]]
    yield "role", [base[0], dataclasses.replace(base[1], role="member"), SignerInput("赵六", "member")]
    yield "image", [dataclasses.replace(base[0], image=signers(9)[0].image), *base[1:]]
    yield "strokes", [dataclasses.replace(base[0], strokes=base[0].strokes[:-1]), *base[1:]]
    yield "time", [dataclasses.replace(base[0], signed_at="2026-10-12T18:00:00.000000Z"), *base[1:]]
    yield "missing", base[:2]


@pytest.mark.parametrize("change", list(_signer_changes()), ids=lambda c: c[0])
def test_the_signers_are_covered(store, change):
    inspection = finished_inspection(store, photos=0)
    when = "2026-10-12T17:00:00.000000Z"
    base = [dataclasses.replace(s, signed_at=s.signed_at or when) for s in signers()]
    changed = [dataclasses.replace(s, signed_at=s.signed_at or when) for s in change[1]]
    assert canonical.content_hash(gather(store, inspection, signers=base)) != \
        canonical.content_hash(gather(store, inspection, signers=changed))


def test_the_recorded_hash_is_the_sheet_as_stored(store, tmp_path):
    inspection = finished_inspection(store, photos=1)
    key = DeviceKey.load_or_create("laptop1", tmp_path / "keys")
    revision = signing.sign_inspection(store, inspection, signers(), key)
    assert canonical.content_hash(gather(store, inspection)) == revision.content_hash
    signing.amend(store, inspection, "重新核对")
    assert canonical.content_hash(gather(store, inspection)) != revision.content_hash  # revision 2, a draft


TEXT = st.text(min_size=1, max_size=20)


@settings(max_examples=60, deadline=None)
@given(row=st.builds(SheetRow, st.sampled_from(["item", "section", "subtotal"]), st.integers(0, 3), TEXT, TEXT,
                     TEXT, TEXT, TEXT, TEXT, TEXT),
       other=TEXT, field=st.sampled_from([f.name for f in dataclasses.fields(SheetRow) if f.name != "level"]))
def test_any_text_change_in_a_row_changes_the_hash(row, other, field):
    content = SheetContent("i", 1, False, "r", "v", "t", "s", "a", "", "2026-10-12", ["张三"], [], [row], "0", "1",
                           "2", True, "g", [], [], [], {}, [PhotoEntry(1, "0" * 64, "1.1", "f", "h", "t", "g")],
                           [SignerEntry("leader", "检查组组长", "张三", "2026-10-12 17:00 UTC", b"png", "s")])
    changed = dataclasses.replace(content, rows=[dataclasses.replace(row, **{field: getattr(row, field) + other})])
    assert canonical.content_hash(changed) != canonical.content_hash(content)
    assert canonical.content_hash(content) == canonical.content_hash(dataclasses.replace(content))
