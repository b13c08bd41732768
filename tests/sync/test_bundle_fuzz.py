"""Any damaged or altered bundle: refused in one sentence with the database byte for byte unchanged, or taken
without harm. The bad-bundle tests name each fault the issue lists; these throw arbitrary ones.

- Bytes flipped, cut off or inserted anywhere in a bundle the receiver already has: the copy is refused, or
  (a byte no check reads, such as a zip header's time) nothing a user sees changes.
- Any field of any event, record line or the manifest replaced by any JSON value, the bundle signed again
  by its own device (a laptop
  with a bug, or a hostile one with its key), taken by a laptop that has none of it yet: refused, or taken
  with the database still whole and every inspection still scored.
"""

from __future__ import annotations

import itertools
import json
import random
import zipfile

import pytest
from conftest import Laptop, village_inspection
from damagekit import damaged as damage
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_bundles import _content, rebuild

from fieldcheck.ops import scores
from fieldcheck.ops.demo import make_photo
from fieldcheck.store import integrity
from fieldcheck.sync.bundle import BundleError
from fieldcheck.sync.checks import verify
from fieldcheck.sync.importer import import_bundle

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def sent(laptops, tmp_path, language):
    """A's bundle (an inspection with findings, a value, marks, a photo), already taken by B."""
    language("en")
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="缺页", household_id=a.store.households.of_village(
        a.store.inspections.get(insp).assessee_id)[0].id)
    a.store.photos.add(f.id, make_photo(random.Random(1), size=(160, 120)))
    a.store.findings.set_value(insp, "2.5.5", "满意")
    a.store.findings.set_mark(insp, "2.5.4", "checked")
    a.store.findings.set_mark(insp, "2.6.1", "na")
    good = a.export(tmp_path / "usb")
    b.take(good)
    return a, b, good


def _take(b, path) -> bool:
    """Whether B took the bundle; a refusal must be one sentence, the same from verify, and change nothing."""
    before = _content(b)
    try:
        verify(path)
    except BundleError as exc:
        said = str(exc)
    else:
        said = None
    try:
        import_bundle(b.store, path, trust=True)
    except BundleError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message, message
        assert said is not None, f"verify passed what the import refused: {message}"
        assert _content(b) == before
        return False
    assert said is None, f"the import took what verify refused: {said}"
    return True


@FUZZ
@given(data=st.data())
def test_damaged_bytes_are_refused_or_change_nothing_a_user_sees(sent, tmp_path, data):
    a, b, good = sent
    damaged = tmp_path / "damaged.fcbundle"
    damaged.write_bytes(damage(data, good.read_bytes()))
    seen = b.state()
    if _take(b, damaged):
        assert b.state() | {"events": 0} == seen | {"events": 0}  # the history notes the file; nothing else


#: what a field may be replaced by: any JSON, and the values that broke parsers elsewhere
def _nested(inner):
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=30) | st.sampled_from(["", "na", "checked", "满意", "2.5.4", "0" * 40, "１２３", "\u202e"]),
    _nested, max_leaves=6)


_FRESH = itertools.count()


def _alter(data, record: dict) -> None:
    """Any one field of the record, or of a record inside it, replaced by any JSON value."""
    path = [data.draw(st.sampled_from(sorted(record)))]
    if isinstance(record[path[0]], dict) and record[path[0]] and data.draw(st.booleans()):
        path.append(data.draw(st.sampled_from(sorted(record[path[0]]))))
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSON)


@FUZZ
@given(data=st.data())
def test_any_field_of_any_signed_line_is_refused_or_taken_without_harm(sent, tmp_path, data):
    a, b, good = sent
    with zipfile.ZipFile(good) as z:
        members = {n: z.read(n).decode().splitlines() for n in z.namelist() if n.endswith(".jsonl")}
    member = data.draw(st.sampled_from(sorted([n for n, lines in members.items() if lines] + ["manifest.json"])))
    if member == "manifest.json":
        altered = rebuild(good, tmp_path / "altered.fcbundle", a, manifest=lambda m: _alter(data, m))
    else:
        lines = members[member]
        index = data.draw(st.integers(0, len(lines) - 1))
        record = json.loads(lines[index])
        _alter(data, record)
        lines[index] = json.dumps(record, ensure_ascii=False)
        altered = rebuild(good, tmp_path / "altered.fcbundle", a,
                          members=lambda d: {**d, member: ("\n".join(lines) + "\n").encode()})
    folder = tmp_path / f"fresh-{next(_FRESH)}"
    folder.mkdir()
    fresh = Laptop(folder, "R")  # B has every event already: a fresh one applies them
    try:
        if _take(fresh, altered):
            report = integrity.check(fresh.store.path)
            assert report.ok, integrity.render(report)
            for row in fresh.store.inspections.listing(include_deleted=True):
                scores.score_inspection(fresh.store, row.id)  # scored, or an unfinished score that says why
    finally:
        fresh.close()


def _event_where(entity: str, action: str = "create"):
    def pick(e: dict) -> bool:
        return e["entity"] == entity and e["action"] == action
    return pick


def _line_edit(member: str, pick, change):
    """A member editor: ``change(record)`` on the first line of ``member`` that ``pick`` chooses."""
    def edit(data):
        out, done = [], False
        for line in data[member].decode().splitlines():
            record = json.loads(line)
            if not done and pick(record):
                change(record)
                done = True
            out.append(json.dumps(record, ensure_ascii=False))
        assert done
        return {**data, member: ("\n".join(out) + "\n").encode()}
    return edit


#: what the fuzz found, each kept as a case of its own: verify passed them and the import then failed mid-way,
#: with a traceback (KeyError, a ValueError of the ID-number reader) or a sentence verify had not said
FOUND = {
    "an event without its time": ("events.jsonl", _event_where("finding"), lambda e: e.update(at=None)),
    "an event whose author is a list": ("events.jsonl", _event_where("finding"), lambda e: e.update(who=[])),
    "a place made with no kind or name": ("events.jsonl", _event_where("place"), lambda e: e.update(new={})),
    "a household made with no village": ("events.jsonl", _event_where("household"),
                                         lambda e: e["new"].pop("village_id")),
    "a household whose ID number is not text": ("events.jsonl", _event_where("household"),
                                                lambda e: e["new"].update(id_masked=False)),
    "a household line whose ID number is not one": ("households.jsonl", lambda r: True,
                                                    lambda r: r.update(id_masked="12345")),
    "a household line whose village is not carried": ("households.jsonl", lambda r: True,
                                                      lambda r: r.update(village_id="a-village-nobody-sent")),
    "a photo line without its height": ("photos.jsonl", lambda r: True, lambda r: r.update(height=None)),
}


@pytest.mark.parametrize("case", sorted(FOUND))
def test_what_the_fuzz_found_is_refused_by_verify_as_by_the_import(sent, tmp_path, case):
    a, b, good = sent
    member, pick, change = FOUND[case]
    altered = rebuild(good, tmp_path / "altered.fcbundle", a, members=_line_edit(member, pick, change))
    fresh = Laptop(tmp_path, "R")
    try:
        assert not _take(fresh, altered)
    finally:
        fresh.close()


@pytest.mark.parametrize("flag", [0x01, 0x20, 0x40])
def test_a_member_marked_encrypted_or_patched_is_called_damaged(sent, tmp_path, flag):
    """zipfile raised RuntimeError or NotImplementedError for these: a traceback for a damaged copy."""
    a, b, good = sent
    raw = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("events.jsonl")
    central = raw.index(b"PK\x01\x02")  # the central directory: find this member's entry
    while raw[central + 46:central + 46 + len(info.filename)] != info.filename.encode():
        central = raw.index(b"PK\x01\x02", central + 4)
    raw[central + 8] |= flag  # the general purpose flag bits of its directory entry
    damaged = tmp_path / "flagged.fcbundle"
    damaged.write_bytes(bytes(raw))
    assert not _take(b, damaged)
    with pytest.raises(BundleError, match="damaged"):
        verify(damaged)
