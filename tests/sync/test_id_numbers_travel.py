"""What travels in a bundle holds no whole ID number: the leader's decisions and reasons, the exporter's name,
the reconciled result's reasons, a revocation's reason, what an older version sent; a photo's downsized copy
carries no camera serial.

Real laptops, real bundles unzipped and read byte by byte.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import zipfile

import pytest
from conftest import village_inspection
from doublekit import double_inspection
from PIL import Image
from test_bad_bundles import rebuild

from fieldcheck.cli import main
from fieldcheck.ops import team
from fieldcheck.ops.conflicts import resolve
from fieldcheck.ops.demo import make_photo
from fieldcheck.ops.reconcile import Choice, reconcile
from fieldcheck.store import Store, StoreError
from fieldcheck.store.signatures import SignerInput
from fieldcheck.sync.bundle import BundleError
from fieldcheck.sync.export import export_bundle

ID = "430421197304195712"
TYPED = "430421 19730419 5712"  # as copied from the card, in groups (main read only the plain form)
HIDDEN = b"19730419"  # the birth date the mask hides


def bundle_bytes(path) -> bytes:
    """Every member of a bundle, unzipped, one after another."""
    with zipfile.ZipFile(path) as z:
        return b"".join(z.read(name) for name in z.namelist())


def folder_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _both_change_a_note(laptops, tmp_path):
    """A and B each change one finding's note unseen, A takes B's bundle: (a, b, the conflict, the finding)."""
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    finding = a.store.findings.add(insp, "2.1.1", note="台账缺页").id
    b.take(a.export(tmp_path / "ab"))
    a.store.findings.update(finding, note="缺一页")
    b.store.findings.update(finding, note="缺两页")
    a.take(b.export(tmp_path / "ba"))
    (c,) = a.store.events.conflicts()
    return a, b, c, finding


def test_a_note_decided_by_typing_an_id_number_keeps_it_masked_and_so_does_the_reason(laptops, tmp_path):
    a, b, c, finding = _both_change_a_note(laptops, tmp_path)
    a.store.close()  # decided from the command line, as the conflicts view passes it: the text as typed
    assert main(["conflicts", "resolve", "--db", str(a.folder / "A.db"), c["id"], "--value", f"户主 {ID} 缺签字",
                 "--reason", f"核对户主身份证 {TYPED}"]) == 0
    a.store = Store.open(a.folder / "A.db", device="A", daily_backup=False, backup_on_close=False)
    assert a.store.findings.get(finding).note == "户主 430421********5712 缺签字"
    sent = a.export(tmp_path / "to-b")
    assert HIDDEN not in bundle_bytes(sent)
    assert HIDDEN not in b"".join(p.read_bytes() for p in tmp_path.glob("A.db*"))  # the table, WAL, decisions


def test_a_households_name_decided_with_an_id_number_is_refused(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    household = a.store.households.matching("张三")[0].id
    b.take(a.export(tmp_path / "ab"))
    a.store.households.update(household, head_name="王建军")
    b.store.households.update(household, head_name="王建民")
    a.take(b.export(tmp_path / "ba"))
    (c,) = a.store.events.conflicts()
    with pytest.raises(StoreError, match="身份证号"):
        resolve(a.store, c["id"], value=f"王建军 {ID}", has_value=True)
    assert a.store.events.conflicts() and insp
    assert HIDDEN not in (tmp_path / "A.db").read_bytes()


def test_the_exporters_name_with_an_id_number_is_refused_before_anything_is_written(laptops, tmp_path):
    (a,) = laptops("A")
    village_inspection(a.store)
    out = tmp_path / "usb" / "a.fcbundle"
    with pytest.raises(BundleError, match="身份证号"):
        export_bundle(a.store, out, key_folder=a.keys, inspector=f"王芳{ID}")
    assert not out.exists() and a.store.team.devices() == []
    assert export_bundle(a.store, out, key_folder=a.keys, inspector="王芳") is not None


def test_the_reasons_of_a_reconciled_result_keep_an_id_number_masked(store, tmp_path):
    first, second = double_inspection(store)
    new = reconcile(store, first, second, {"2.1.1": Choice("b", f"复核王建国 {ID} 的手册,确有5处漏填"),
                                           "2.5.5": Choice("a", "回访王建国家,表示满意")})
    reasons = {d.item_id: d.reason for d in store.reconciliations.of(new).items}
    assert reasons["2.1.1"] == "复核王建国 430421********5712 的手册,确有5处漏填"
    store.db.conn.execute("PRAGMA wal_checkpoint")
    assert HIDDEN not in folder_bytes(tmp_path)


def test_a_revocation_reason_keeps_an_id_number_masked(laptops, tmp_path, language):
    a, b = laptops("A", "B")
    b.export(tmp_path / "usb-B0")
    a.take(next((tmp_path / "usb-B0").glob("*.fcbundle")))
    team.init_team(a.store, "一组", tmp_path / "keys-team")
    team.enrol(a.store, "B", tmp_path / "keys-team")
    team.revoke(a.store, "B", f"借给了 {ID} 的家属", tmp_path / "keys-team")
    (enrolment,) = a.store.team.enrolments()
    assert enrolment.revoke_reason == "借给了 430421********5712 的家属"
    assert HIDDEN not in bundle_bytes(a.export(tmp_path / "usb", everything=True))


def test_a_downsized_copy_keeps_time_gps_and_orientation_and_drops_the_cameras_serial(laptops, tmp_path):
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    finding = a.store.findings.add(insp, "2.1.1", note="手册漏填").id
    with Image.open(io.BytesIO(make_photo(random.Random(5), size=(1600, 1200), gps=(26.9, 112.6)))) as img:
        exif = img.getexif()
        exif[0x010F], exif[0x0110], exif[0x013B] = "Canon", "EOS 90D", "Zhang Wei"  # make, model, artist
        exif.get_ifd(0x8769)[0xA431] = "SN0421197304"  # the body's serial number
        photo = io.BytesIO()
        img.save(photo, "JPEG", exif=exif)
    a.store.photos.add(finding, photo.getvalue())
    small = export_bundle(a.store, tmp_path / "usb" / "small.fcbundle", key_folder=a.keys, max_photo_px=800).path
    with zipfile.ZipFile(small) as z:
        [copy] = [z.read(n) for n in z.namelist() if n.startswith("photos/")]
    assert all(word not in copy for word in (b"SN0421197304", b"Canon", b"EOS 90D", b"Zhang Wei"))
    with Image.open(io.BytesIO(copy)) as img:
        kept = img.getexif()
        assert max(img.size) == 800 and kept.get(0x0112) == 1
        assert kept.get_ifd(0x8825)[1] == "N"  # GPS, which the photo viewer shows
    b.take(small)
    [got] = b.store.photos.of(finding)
    assert (round(got.lat, 1), round(got.lon, 1)) == (26.9, 112.6)


def test_a_bundle_from_a_laptop_still_on_an_older_version_is_kept_masked(laptops, tmp_path):
    """Before schema 11 a note typed in groups left a laptop whole: the laptop taking it keeps it masked."""
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    finding = a.store.findings.add(insp, "2.1.1", note="户主 手册未签字").id
    sent = a.export(tmp_path / "usb")

    def as_old_version_sent_it(data):
        data["events.jsonl"] = data["events.jsonl"].replace("户主 手册".encode(), f"户主 {TYPED} 手册".encode())
        return data

    old = rebuild(sent, tmp_path / "old.fcbundle", a, members=as_old_version_sent_it)
    b.take(old)
    assert b.store.findings.get(finding).note == "户主 430421********5712 手册未签字"
    assert HIDDEN not in b"".join(p.read_bytes() for p in tmp_path.glob("B.db*"))
    assert HIDDEN not in bundle_bytes(b.export(tmp_path / "relay", everything=True))  # and it is not relayed


def test_a_revisions_signed_content_travels_as_signed(laptops, tmp_path):
    """The masking of what arrives leaves a revision's signed content alone: its hash is what was signed."""
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    signed = json.dumps({"notes": [f"户主 {TYPED} 手册未签字"]}, ensure_ascii=False)  # as an older version signed it
    a.store.signatures.sign(insp, [SignerInput("李明", "leader")], content_hash=hashlib.sha256(signed.encode()).hexdigest(),
                            key_id="test", content=signed)
    b.take(a.export(tmp_path / "usb"))
    (mine,), (theirs,) = a.store.signatures.revisions(insp), b.store.signatures.revisions(insp)
    assert theirs.content == mine.content == signed and theirs.content_hash == mine.content_hash
