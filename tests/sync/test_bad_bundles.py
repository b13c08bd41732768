"""Bad bundles: each refused with one clear sentence, the receiving database unchanged."""

from __future__ import annotations

import hashlib
import json
import random
import warnings
import zipfile
from pathlib import Path

import pytest
from conftest import village_inspection

from fieldcheck.ops.demo import make_photo
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.sync import bundle as bundle_mod
from fieldcheck.sync.bundle import BundleError
from fieldcheck.sync.checks import verify
from fieldcheck.sync.importer import UnknownDevice, import_bundle


@pytest.fixture
def setup(laptops, tmp_path, language):
    language("en")
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    f = a.store.findings.add(insp, "2.1.1", note="缺页")
    a.store.photos.add(f.id, make_photo(random.Random(1), size=(320, 240)))
    good = a.export(tmp_path / "usb")
    b.take(good)  # B knows A; now B's content must not change
    return a, b, good


def _content(laptop) -> tuple:
    c = laptop.store.connection
    return tuple(c.iterdump()), sorted(p.name for p in laptop.store.photo_dir.rglob("*"))


def rebuild(good: Path, out: Path, a, *, members=None, manifest=None, resign=True) -> Path:
    """A copy of ``good`` with members changed, the manifest's hashes updated and signed again by A's key."""
    with zipfile.ZipFile(good) as z:
        data = {n: z.read(n) for n in z.namelist()}
    m = json.loads(data.pop("manifest.json"))
    sig = data.pop("manifest.sig")
    if members:
        data = members(data)
    m["members"] = {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in data.items()}
    if manifest:
        manifest(m)
    raw = json.dumps(m).encode()
    with zipfile.ZipFile(out, "w") as z:
        for n, b in data.items():
            z.writestr(n, b)
        z.writestr("manifest.json", raw)
        z.writestr("manifest.sig", DeviceKey.load_or_create("A", a.keys).sign(raw) if resign else sig)
    return out


def _refused(b, path: Path, *words: str) -> str:
    before = _content(b)
    with pytest.raises(BundleError) as exc:
        verify(path)
    with pytest.raises(BundleError) as exc2:
        import_bundle(b.store, path, trust=True)
    message = str(exc2.value)
    assert str(exc.value) == message and "\n" not in message and "Traceback" not in message
    for w in words:
        assert w in message, message
    assert _content(b) == before
    return message


def _swap(name_part: str, new: bytes):
    def edit(data):
        return {n: (new if name_part in n else b) for n, b in data.items()}
    return edit


def test_a_good_bundle_verifies(setup):
    a, b, good = setup
    v = verify(good)
    assert v.device == "A" and v.events > 5 and len(v.photos) == 1


def test_truncated(setup, tmp_path):
    a, b, good = setup
    data = good.read_bytes()
    (tmp_path / "t.fcbundle").write_bytes(data[: len(data) // 2])
    _refused(b, tmp_path / "t.fcbundle", "not a bundle or is damaged")


def test_corrupt_byte_in_a_photo(setup, tmp_path):
    a, b, good = setup
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = next(i for i in z.infolist() if i.filename.startswith("photos/"))
    data[info.header_offset + 30 + len(info.filename) + 100] ^= 0xFF
    (tmp_path / "c.fcbundle").write_bytes(bytes(data))
    _refused(b, tmp_path / "c.fcbundle", "damaged")


def test_zip_slip_and_links(setup, tmp_path):
    a, b, good = setup
    _refused(b, rebuild(good, tmp_path / "s.fcbundle", a, members=lambda d: {**d, "../../evil.sh": b"x"}),
             "does not belong")
    link = tmp_path / "l.fcbundle"
    rebuild(good, link, a)
    with zipfile.ZipFile(link, "a") as z:
        info = zipfile.ZipInfo("photos/" + "0" * 64 + ".jpg")
        info.external_attr = 0o120777 << 16
        z.writestr(info, "/etc/passwd")
    _refused(b, link, "link")


def test_zip_bomb_sizes_and_member_count(setup, tmp_path, monkeypatch):
    a, b, good = setup
    bomb = tmp_path / "b.fcbundle"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("events.jsonl", b"\0" * (50 << 20))
        z.writestr("manifest.json", b"{}")
        z.writestr("manifest.sig", b"")
    _refused(b, bomb, "zip bomb")
    monkeypatch.setattr(bundle_mod, "MAX_MEMBERS", 4)
    _refused(b, good, "more than 4 members")


def test_declared_size_lies(setup, tmp_path):
    a, b, good = setup
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("events.jsonl")
    # the central directory's uncompressed size of events.jsonl, made smaller than the data
    start = data.rfind(b"events.jsonl") - 46
    assert data[start:start + 4] == b"PK\x01\x02"
    data[start + 24:start + 28] = (info.file_size // 2).to_bytes(4, "little")
    (tmp_path / "d.fcbundle").write_bytes(bytes(data))
    _refused(b, tmp_path / "d.fcbundle")


def test_duplicate_member_names(setup, tmp_path):
    a, b, good = setup
    dup = tmp_path / "dup.fcbundle"
    rebuild(good, dup, a)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(dup, "a") as z:
            z.writestr("events.jsonl", b"")
    _refused(b, dup, "two members named events.jsonl")


def test_newer_format(setup, tmp_path):
    a, b, good = setup
    _refused(b, rebuild(good, tmp_path / "n.fcbundle", a, manifest=lambda m: m.update(format=99)), "newer FieldCheck")


def test_photo_not_matching_its_hash(setup, tmp_path):
    a, b, good = setup
    _refused(b, rebuild(good, tmp_path / "p.fcbundle", a, members=_swap("photos/", b"not the photo")),
             "does not match its hash")


def test_manifest_or_signature_that_does_not_verify(setup, tmp_path):
    a, b, good = setup
    _refused(b, rebuild(good, tmp_path / "m.fcbundle", a, manifest=lambda m: m.update(device="A"), resign=False),
             "does not verify")
    other = DeviceKey.load_or_create("X", tmp_path / "other-key")
    forged = tmp_path / "f.fcbundle"
    rebuild(good, forged, a)
    with zipfile.ZipFile(forged) as z:
        data = {n: z.read(n) for n in z.namelist()}
    with zipfile.ZipFile(forged, "w") as z:
        for n, d in data.items():
            z.writestr(n, other.sign(data["manifest.json"]) if n == "manifest.sig" else d)
    _refused(b, forged, "does not verify")


def test_unknown_rubric_and_record_not_carried(setup, tmp_path):
    a, b, good = setup
    _refused(b, rebuild(good, tmp_path / "r.fcbundle", a,
                        members=lambda d: {n: x for n, x in d.items() if not n.startswith("rubrics/")}),
             "rubric version it does not carry")

    def drop_inspection(d):
        kept = [ln for ln in d["events.jsonl"].splitlines(keepends=True) if b'"entity":"inspection"' not in ln]
        return {**d, "events.jsonl": b"".join(kept)}
    _refused(b, rebuild(good, tmp_path / "x.fcbundle", a, members=drop_inspection), "record it does not carry")


def test_malformed_json_line(setup, tmp_path):
    a, b, good = setup
    _refused(b, rebuild(good, tmp_path / "j.fcbundle", a,
                        members=lambda d: {**d, "events.jsonl": d["events.jsonl"] + b'{"id": "x", oops\n'}),
             "malformed line")


def test_an_event_with_a_broken_stamp(setup, tmp_path):
    a, b, good = setup

    def break_stamp(d):
        return {**d, "events.jsonl": d["events.jsonl"].replace(b'"hlc":"0', b'"hlc":"x0', 1)}
    _refused(b, rebuild(good, tmp_path / "h.fcbundle", a, members=break_stamp), "cannot understand")


def test_empty_file_and_not_a_bundle(setup, tmp_path):
    a, b, good = setup
    (tmp_path / "e.fcbundle").write_bytes(b"")
    _refused(b, tmp_path / "e.fcbundle", "empty file")
    (tmp_path / "notes.fcbundle").write_text("会议记录", encoding="utf-8")
    _refused(b, tmp_path / "notes.fcbundle", "not a bundle")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "hello")
    _refused(b, other, "does not belong")


def test_unknown_device_needs_trust_and_a_changed_key_is_refused(laptops, tmp_path, setup):
    a, b, good = setup
    (c,) = laptops("C")
    before = _content(c)
    with pytest.raises(UnknownDevice, match="unknown device 'A'"):
        import_bundle(c.store, good)
    assert _content(c) == before
    impostor = tmp_path / "impostor"
    a.keys = impostor  # same device name, another key
    (tmp_path / "usb2").mkdir()
    a.store.findings.add(next(iter(r.inspection.id for r in a.store.inspections.rows())), "2.1.1")
    forged = a.export(tmp_path / "usb2", everything=True)
    before = _content(b)
    with pytest.raises(BundleError, match="key differs"):
        import_bundle(b.store, forged, trust=True)
    assert _content(b) == before


def test_refused_on_its_last_line_after_whole_chunks_were_applied(setup, tmp_path):
    """The events are checked while applied: a fault in the last line, after more than a chunk went in,
    still leaves no row, no photo file and no temporary file, and says what verify says."""
    a, b, good = setup
    insp = village_inspection(a.store)
    made = a.store.findings.add_many(insp, ({"item_id": "2.1.1", "note": f"第{n}处"} for n in range(2100)))
    a.store.photos.add(made[0], make_photo(random.Random(2), size=(320, 240)))  # a photo B lacks
    more = a.export(tmp_path / "usb")

    def bad_last_line(d):  # a mark on an item the rubric has, with a value no mark takes
        mark = {"id": "late", "at": "2026-11-20T08:00:00Z", "who": "甲", "device": "A", "hlc": "001763625600000-0000-A",
                "action": "update", "entity": "mark", "entity_id": f"{insp}/2.1.1", "inspection_id": insp,
                "field": "2.1.1", "new": "maybe"}
        return {**d, "events.jsonl": d["events.jsonl"] + json.dumps(mark).encode() + b"\n"}
    _refused(b, rebuild(more, tmp_path / "late.fcbundle", a, members=bad_last_line), "invalid mark")
    assert not list(b.store.photo_dir.glob(".tmp-*"))
    assert b.take(more).new > 2100  # the same bundle without the bad line goes in whole


def test_a_changed_line_is_reported_as_a_changed_file(setup, tmp_path):
    """A line made unreadable after export, the manifest untouched: the file does not match its hash,
    which both verify and the import say first (not the broken line)."""
    a, b, good = setup
    with zipfile.ZipFile(good) as z:
        listed = json.loads(z.read("manifest.json"))["members"]["events.jsonl"]

    def keep_old_hash(m):
        m["members"]["events.jsonl"] = listed
    _refused(b, rebuild(good, tmp_path / "t.fcbundle", a,
                        members=lambda d: {**d, "events.jsonl": d["events.jsonl"].replace(b'"action"', b'"act', 1)},
                        manifest=keep_old_hash), "does not match the hash")


def test_a_line_changed_into_another_valid_line_is_found_at_the_end(setup, laptops, tmp_path):
    """Every line still parses and fits, only the hash in the signed manifest tells: found once all
    events were applied (on a laptop that has none of them), and the transaction keeps none."""
    a, _, good = setup
    (c,) = laptops("C")
    with zipfile.ZipFile(good) as z:
        listed = json.loads(z.read("manifest.json"))["members"]["events.jsonl"]

    def keep_old_hash(m):
        m["members"]["events.jsonl"] = listed
    _refused(c, rebuild(good, tmp_path / "v.fcbundle", a,
                        members=lambda d: {**d, "events.jsonl": d["events.jsonl"].replace("缺页".encode(), "齐全".encode())},
                        manifest=keep_old_hash), "does not match the hash")


def test_a_damaged_photo_among_many_leaves_nothing(setup, tmp_path):
    """A photo in the middle of many that does not match its hash: every file copied before it is
    removed, and no row of the bundle is kept (more than a chunk of events)."""
    a, b, good = setup
    insp = village_inspection(a.store)
    made = a.store.findings.add_many(insp, ({"item_id": "2.1.1", "note": f"第{n}处"} for n in range(3000)))
    for n in range(12):
        a.store.photos.add(made[n], make_photo(random.Random(10 + n), size=(160, 120)))
    more = a.export(tmp_path / "usb")
    with zipfile.ZipFile(more) as z:
        photos = sorted(n for n in z.namelist() if n.startswith("photos/"))
    middle = photos[len(photos) // 2]

    def damaged_middle(d):  # the manifest lists the changed bytes (signed again), but the name is their old hash
        return {**d, middle: d[middle][:-1] + bytes([d[middle][-1] ^ 1])}
    _refused(b, rebuild(more, tmp_path / "m.fcbundle", a, members=damaged_middle), "does not match its hash")
    assert not list(b.store.photo_dir.glob(".tmp-*"))
    assert b.take(more).new > 3000


def test_the_command_imports_the_good_bundles_beside_a_refused_one_and_says_which(laptops, setup, tmp_path, capsys):
    from fieldcheck.cli import main

    a, _, good = setup
    bad = tmp_path / "empty.fcbundle"
    bad.write_bytes(b"")
    leader = tmp_path / "leader.db"
    assert main(["bundle", "import", "--db", str(leader), "--trust", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert good.name in out and "new" in out
    assert "empty.fcbundle" in err and "1 of 2 bundles imported, 1 refused" in err and "Traceback" not in err
    assert main(["summary", "--db", str(leader), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1  # the good bundle's inspection is there


@pytest.mark.parametrize("change", [
    (b'"head_name":"\xe5\xbc\xa0\xe4\xb8\x89"', b'"head_name":"\xe5\xbc\xa0\xe4\xb8\x89430421199001011234"'),  # 张三 + an ID
    (b'"members":1', b'"members":100000000000000000000000000000'),  # beyond what SQLite's integer holds
])
def test_a_household_record_the_store_would_refuse_is_refused(setup, tmp_path, change):
    a, b, good = setup

    def alter(d):
        out = {n: x.replace(*change) for n, x in d.items()}
        assert out != d, "the bundle carries the field"
        return out
    _refused(b, rebuild(good, tmp_path / "h.fcbundle", a, members=alter), "unreasonable household record")


def test_a_bundle_that_cannot_be_read_is_said_in_the_users_words(setup, monkeypatch, language):
    language("zh")
    _, _, good = setup

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(zipfile, "ZipFile", refuse)  # as a stick mounted without read rights answers
    with pytest.raises(BundleError) as caught:
        verify(good)
    assert str(caught.value) == f"无法读取 {good}:没有权限" and "Permission denied" not in str(caught.value)
