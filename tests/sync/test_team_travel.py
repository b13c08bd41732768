"""Team records travel like any record: any order, any number of times; revocation wins over an older enrolment bundle."""

from __future__ import annotations

import json
import zipfile

import pytest
from test_bad_bundles import _refused, rebuild

from fieldcheck.ops import team
from fieldcheck.ops.signing import device_key
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.sync.bundle import verify
from fieldcheck.sync.export import export_bundle


@pytest.fixture
def leader_and_two(laptops, tmp_path, language):
    language("en")
    a, b, c = laptops("A", "B", "C")
    b.export(tmp_path / "usb-B0")
    a.take(next((tmp_path / "usb-B0").glob("*.fcbundle")))
    team.init_team(a.store, "一组", tmp_path / "keys-team")
    return a, b, c, tmp_path


def test_a_revocation_bundle_taken_before_the_enrolment_bundle(leader_and_two):
    a, b, c, tmp = leader_and_two
    team.enrol(a.store, "B", tmp / "keys-team")
    first = a.export(tmp / "usb")
    team.revoke(a.store, "B", "丢失", tmp / "keys-team")
    second = a.export(tmp / "usb")  # incremental: the revocation, with the records it touches
    kinds = [json.loads(line)["entity"] for line in zipfile.ZipFile(second).read("events.jsonl").splitlines()]
    assert kinds == ["team", "enrolment", "enrolment"]  # self-contained: the team's and the enrolment's creates
    for order in ((second, first), (first, second, second)):
        for bundle in order:
            c.take(bundle)
        (enrolment,) = c.store.team.enrolments()
        assert enrolment.revoked and enrolment.revoke_reason == "丢失" and c.store.team.team().name == "一组"
    b.take(second)  # B itself: its key is revoked, so it signs with its own certificate again
    assert team.certified_key(b.store, DeviceKey.load_or_create("B", b.keys)).chain == ()


def test_an_enrolment_reaches_its_laptop_and_is_used_for_signing(leader_and_two):
    a, b, _, tmp = leader_and_two
    enrolled = team.enrol(a.store, "B", tmp / "keys-team")
    assert device_key(b.store, b.keys).chain == ()
    b.take(a.export(tmp / "usb"))
    key = device_key(b.store, b.keys)
    assert len(key.chain) == 1 and key.certified_device == "B"
    assert str(key.certificate.serial_number) == enrolled.serial


def test_a_bundle_with_an_incomplete_enrolment_is_refused(leader_and_two):
    a, b, c, tmp = leader_and_two
    team.enrol(a.store, "B", tmp / "keys-team")
    good = a.export(tmp / "usb")
    c.take(good)
    verify(good)

    def strip(d):
        lines = []
        for line in d["events.jsonl"].splitlines(keepends=True):
            e = json.loads(line)
            if e["entity"] == "enrolment":
                del e["new"]["certificate"]
                line = json.dumps(e, ensure_ascii=False).encode() + b"\n"
            lines.append(line)
        return {**d, "events.jsonl": b"".join(lines)}
    _refused(c, rebuild(good, tmp / "bad.fcbundle", a, members=strip), "incomplete team record")


def test_the_manifest_names_the_inspector_and_old_bundles_without_it_import(laptops, tmp_path, language):
    language("en")
    a, b = laptops("A", "B")
    done = export_bundle(b.store, tmp_path / "usb" / "b.fcbundle", key_folder=b.keys, inspector=" 王芳 ")
    assert verify(done.path).inspector == "王芳"
    a.take(done.path)
    (known,) = a.store.team.devices()
    assert (known.name, known.inspector, known.state) == ("B", "王芳", "unknown") and known.public_key
    old = rebuild(done.path, tmp_path / "old.fcbundle", b, manifest=lambda m: m.pop("inspector"))
    assert verify(old).inspector is None
