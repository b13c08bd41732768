"""Team records travel like any record: any order, any number of times; revocation wins over an older enrolment bundle."""

from __future__ import annotations

import json
import uuid
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_bundles import _refused, rebuild

from fieldcheck.ops import team
from fieldcheck.ops.signing import device_key
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.sync.checks import verify
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


@pytest.fixture(scope="module")
def team_bundles(tmp_path_factory):
    """The leader's bundles after each step (enrol B, enrol C, revoke B, revoke C), and the standing after each."""
    from conftest import Laptop

    folder = tmp_path_factory.mktemp("team-bundles")
    a, b, c = (Laptop(folder, d) for d in "ABC")
    for other in (b, c):
        a.take(other.export(folder / f"usb-{other.device}"))
    team.init_team(a.store, "一组", folder / "keys-team")
    bundles, standings = [], []
    for n, (what, device) in enumerate((("enrol", "B"), ("enrol", "C"), ("revoke", "B"), ("revoke", "C"))):
        getattr(team, what)(a.store, device, folder=folder / "keys-team")
        bundles.append(a.export(folder / f"usb-A{n}"))  # a folder of its own: each bundle is whole
        standings.append({(e.member, e.revoked) for e in a.store.team.enrolments()})
    for laptop in (a, b, c):
        laptop.close()
    return folder, bundles, standings


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.lists(st.integers(0, 3), min_size=1, max_size=6))
def test_any_order_of_the_leaders_bundles_gives_the_same_standing(team_bundles, order):
    """Whatever subset of the leader's bundles a laptop takes, in any order and repeated, it ends where the newest
    leaves it: an older bundle never brings a revoked device back."""
    from conftest import Laptop

    folder, bundles, standings = team_bundles
    other = Laptop(folder / f"x{uuid.uuid4().hex[:8]}", "X")
    try:
        for k in order:
            other.take(bundles[k])
        assert {(e.member, e.revoked) for e in other.store.team.enrolments()} == standings[max(order)]
        assert other.store.team.team().name == "一组"
    finally:
        other.close()
