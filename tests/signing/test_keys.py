"""The device key: made once, kept private, and the same on the next start."""

import stat

from fieldcheck.signing.keys import DeviceKey, public_key_from_bytes, verify


def test_the_key_is_made_once_kept_private_and_reused(tmp_path):
    key = DeviceKey.load_or_create("laptop1", tmp_path / "keys")
    assert stat.S_IMODE(key.key_path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "keys").stat().st_mode) == 0o700
    again = DeviceKey.load_or_create("laptop1", tmp_path / "keys")
    assert again.fingerprint == key.fingerprint and len(key.key_id) == 16
    assert "laptop1" in key.certificate.subject.rfc4514_string()


def test_a_signature_verifies_only_for_its_data_and_key(tmp_path):
    key = DeviceKey.load_or_create("laptop1", tmp_path / "a")
    other = DeviceKey.load_or_create("laptop2", tmp_path / "b")
    signature = key.sign(b"payload")
    public = public_key_from_bytes(key.public_der)
    assert verify(public, signature, b"payload")
    assert not verify(public, signature, b"payload!")
    assert not verify(other.public_key, signature, b"payload")
