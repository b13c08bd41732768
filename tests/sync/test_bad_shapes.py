"""A bundle signed by the key it carries can hold JSON of any shape: each wrong shape is one sentence, not a
traceback, says what to do, and leaves the receiving database as it was (issue 11, bad input)."""

from __future__ import annotations

import errno
import hashlib
import json
import random
import warnings
import zipfile

import pytest
from conftest import village_inspection
from test_bad_bundles import _content, _refused, rebuild

from fieldcheck.ops.demo import make_photo
from fieldcheck.sync.bundle import BundleError, Hashing
from fieldcheck.sync.checks import verify
from fieldcheck.sync.importer import import_bundle


@pytest.fixture
def sent(laptops, tmp_path, language):
    """B, which knows A and must not change, and A's next bundle: a finding new to B, with a household and
    a photo."""
    language("en")
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    b.take(a.export(tmp_path / "usb"))
    household = a.store.households.of_village(a.store.inspections.get(insp).assessee_id)[0].id
    f = a.store.findings.add(insp, "2.1.1", note="缺页", household_id=household)
    a.store.photos.add(f.id, make_photo(random.Random(1), size=(320, 240)))
    return a, b, a.export(tmp_path / "usb")


def _lines(name: str, edit):
    """A member edit: ``edit`` changes the first JSON line it returns True for."""
    def members(data):
        rows = [json.loads(line) for line in data[name].decode().splitlines()]
        next(r for r in rows if edit(r))
        data[name] = ("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n").encode()
        return data
    return members


def _set(**values):
    def edit(row):
        row.update(values)
        return True
    return edit


def _finding_create(**values):
    def edit(e):
        if e["entity"] == "finding" and e["action"] == "create" and e["new"].get("household_id"):
            e["new"].update({k: v(e["new"]) for k, v in values.items()})
            return True
        return False
    return edit


def _first_update(**values):
    def edit(e):
        if e["action"] == "update" or e["action"] == "create" and e["entity"] == "finding":
            e.update(values)
            return True
        return False
    return edit


def _member(m, name, value):
    m["members"][name] = value


SHAPES = {
    "manifest counts a list": dict(manifest=lambda m: m.update(counts=[1])),
    "manifest counts not numbers": dict(manifest=lambda m: m.update(counts={"events": "many"})),
    "manifest member not a record": dict(manifest=lambda m: _member(m, "places.jsonl", "abc")),
    "manifest device not text": dict(manifest=lambda m: m.update(device={"a": 1})),
    "event action a list": dict(members=_lines("events.jsonl", _set(action=[]))),
    "event entity an object": dict(members=_lines("events.jsonl", _set(entity={}))),
    "event seen not ids": dict(members=_lines("events.jsonl", _set(seen=[1, 2]))),
    "event supersedes not ids": dict(members=_lines("events.jsonl", _first_update(supersedes=[{"a": 2}]))),
    "household id a list": dict(members=_lines("events.jsonl", _finding_create(household_id=lambda n: [n["household_id"]]))),
    "place id a list": dict(members=_lines("places.jsonl", lambda p: bool(p.update(id=[p["id"]])) or True)),
    "place name an object": dict(members=_lines("places.jsonl", _set(name={"a": 1}))),
    "household village a list": dict(members=_lines("households.jsonl", _set(village_id=[1]))),
    "photo hash a list": dict(members=_lines("photos.jsonl", lambda p: bool(p.update(sha256=[p["sha256"]])) or True)),
    "photo thumbnail not base64": dict(members=_lines("photos.jsonl", _set(thumbnail="@@@ not base64"))),
    "photo extension a path": dict(members=_lines("photos.jsonl", _set(ext="../../x"))),
    "photo width text": dict(members=_lines("photos.jsonl", _set(width="wide"))),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_wrong_shape_is_one_sentence_that_says_what_to_do_and_changes_nothing(sent, tmp_path, shape):
    a, b, bundle = sent
    odd = rebuild(bundle, tmp_path / "odd.fcbundle", a, **SHAPES[shape])
    message = _refused(b, odd, "nothing was imported; ask whoever exported it to export it again")
    assert message.startswith("bundle odd.fcbundle ")


@pytest.mark.parametrize("value", [{"a": 1}, ["甲"], 10 ** 70])
def test_a_value_sqlite_cannot_keep_is_the_bundles_fault_not_a_database_error(sent, tmp_path, value):
    """A note that is not text, or a number SQLite cannot hold, is refused as the bundle's fault, said as
    such (not "saving failed: database error ProgrammingError"), by ``verify`` as by the import."""
    a, b, bundle = sent
    odd = rebuild(bundle, tmp_path / "odd.fcbundle", a,
                  members=_lines("events.jsonl", _finding_create(note=lambda n: value)))
    message = _refused(b, odd, "ask whoever exported it")  # verify's sentence is the import's; nothing changed
    assert message.startswith("bundle odd.fcbundle holds a record this database cannot store")
    assert "ProgrammingError" not in message


@pytest.mark.parametrize("field, value", [("note", {"甲": 1}), ("voided", {"at": {"x": 1}})])
def test_verify_refuses_an_update_the_store_could_not_keep(sent, tmp_path, field, value):
    a, b, bundle = sent

    def edit(e):
        if e["entity"] == "finding" and e["action"] == "create":
            e.update(action="update", field=field, new=value, id=e["id"][:-1] + "0")
            return True
        return False
    odd = rebuild(bundle, tmp_path / "odd.fcbundle", a, members=_lines("events.jsonl", edit))
    with pytest.raises(BundleError, match="holds a record this database cannot store"):
        verify(odd)


@pytest.mark.parametrize("entity, field", [("finding", "colour"), ("finding", "item_id"), ("inspection", "rubric_version"),
                                           ("inspection", "assessee_id"), ("photo", "sha256")])
def test_a_change_of_a_field_the_record_does_not_have_is_refused(sent, tmp_path, entity, field):
    """Before, such an event changed nothing yet was kept in the log (and could stand in a conflict)."""
    a, b, bundle = sent

    def edit(e):
        if e["entity"] == entity and e["action"] == "create":
            e.update(action="update", field=field, new="x", id=e["id"][:-1] + "0")
            return True
        return False
    odd = rebuild(bundle, tmp_path / "odd.fcbundle", a, members=_lines("events.jsonl", edit))
    message = _refused(b, odd, f"changing a field that does not exist ('{field}')", "nothing was imported")
    assert message.startswith("bundle odd.fcbundle has an event")


def _twice(path, name: str) -> None:
    """A second member named ``name`` appended to the zip."""
    with warnings.catch_warnings(), zipfile.ZipFile(path, "a") as z:
        warnings.simplefilter("ignore")
        z.writestr(name, b"{}\n")


DAMAGES = {
    "zip slip": lambda d: {**d, "../evil.txt": b"x"},
    "photo not its hash": lambda d: {n: (v[:-1] + b"\0" if n.startswith("photos/") else v) for n, v in d.items()},
    "household not carried": lambda d: {**d, "households.jsonl": b""},
    "duplicate names": None,
}


@pytest.mark.parametrize("language_code, todo", [("zh", "请让导出它的人重新导出一份"), ("en", "ask whoever exported it")])
@pytest.mark.parametrize("damage", DAMAGES)
def test_a_refused_bundle_says_what_to_do_in_the_users_language(sent, tmp_path, language, language_code, todo,
                                                               damage):
    a, b, bundle = sent
    language(language_code)
    odd = rebuild(bundle, tmp_path / "odd.fcbundle", a, members=DAMAGES[damage])
    if DAMAGES[damage] is None:
        _twice(odd, "events.jsonl")
    before = _content(b)
    with pytest.raises(BundleError) as refused:
        import_bundle(b.store, odd, trust=True)
    assert todo in str(refused.value) and "\n" not in str(refused.value)
    assert _content(b) == before


def test_a_photo_file_no_record_names_is_refused_not_copied_in(sent, tmp_path):
    """Photo members are named by their hash and listed in the signed manifest, but a file no photo record
    names would be copied into the photo folder and never shown nor removed: a bundle can fill a disk."""
    a, b, bundle = sent
    junk = {f"photos/{hashlib.sha256(b'junk %d' % n).hexdigest()}.jpg": b"junk %d" % n for n in range(20)}
    odd = rebuild(bundle, tmp_path / "odd.fcbundle", a, members=lambda d: {**d, **junk})
    before = _content(b)
    with pytest.raises(BundleError) as checked:
        verify(odd)
    with pytest.raises(BundleError) as imported:
        import_bundle(b.store, odd, trust=True)
    assert str(checked.value) == str(imported.value) and "no photo record names (20" in str(imported.value)
    assert _content(b) == before


@pytest.mark.parametrize("text", [b"x: 1\n", b"\xff\xfe not UTF-8"])
def test_a_rubric_snapshot_no_event_names_is_not_kept_and_does_not_stop_the_import(sent, tmp_path, text):
    """docs/sync.md: a snapshot is refused when an event names it, as verify does; one nobody names is
    not kept (it used to stop the import with "the stored snapshot of rubric 'bundle' cannot be read",
    or a traceback, while verify said the bundle was sound)."""
    a, b, bundle = sent
    odd = rebuild(bundle, tmp_path / "odd.fcbundle", a, members=lambda d: {**d, "rubrics/extra.yaml": text})
    verify(odd)
    done = import_bundle(b.store, odd, trust=True)
    assert done.new > 0 and b.store.inspections.snapshot("extra") is None


@pytest.mark.parametrize("reads", [0, 2, 4, 6, 8])
def test_a_stick_pulled_out_mid_import_is_one_sentence_and_leaves_nothing(sent, monkeypatch, language, reads):
    """An I/O error after ``reads`` reads of the bundle's members (the stick pulled out, a bad sector): a
    mock, as no stick can be pulled here. It used to escape as a raw OSError (a traceback; in the window
    the import stopped without a word)."""
    a, b, bundle = sent
    language("zh")
    real, count = Hashing.readinto, iter(range(1 << 30))

    def failing(self, buffer):
        if next(count) >= reads:
            raise OSError(errno.EIO, "Input/output error")
        return real(self, buffer)

    before = _content(b)
    monkeypatch.setattr(Hashing, "readinto", failing)
    with pytest.raises(BundleError) as refused:
        import_bundle(b.store, bundle, trust=True)
    message = str(refused.value)
    assert message.startswith(f"同步包 {bundle.name} ") and "请检查 U 盘和磁盘后再导入一次" in message, message
    assert "Input/output" not in message
    monkeypatch.undo()
    assert _content(b) == before
    with pytest.raises(BundleError):  # and verify says so in a sentence too
        monkeypatch.setattr(Hashing, "readinto", failing)
        verify(bundle)
