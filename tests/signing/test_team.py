"""The team root: a CA certificate, device certificates under it, chains checked, CRLs that must be the team's."""

from __future__ import annotations

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding

from fieldcheck.signing import team
from fieldcheck.signing.keys import DeviceKey


@pytest.fixture
def leader(tmp_path):
    return team.TeamKey.create("衡阳县第一检查组", tmp_path / "keys")


def test_the_team_key_is_private_and_made_once(leader, tmp_path):
    folder = tmp_path / "keys"
    assert (folder / team.TEAM_KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    with pytest.raises(team.TeamError):
        team.TeamKey.create("另一组", folder)
    again = team.TeamKey.load(folder)
    assert again is not None and again.fingerprint == leader.fingerprint and again.name == "衡阳县第一检查组"
    assert team.TeamKey.load(tmp_path / "elsewhere") is None
    constraints = leader.certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert constraints.ca and constraints.path_length == 0


def test_a_device_certificate_chains_to_its_team_only(leader, tmp_path):
    device = DeviceKey.load_or_create("laptop-B", tmp_path / "dev")
    cert = leader.certify("laptop-B", device.public_key, "王芳")
    assert team.issued_by(cert, leader.certificate)
    assert team.common_name(cert) == "laptop-B" and team.inspector_of(cert) == "王芳"
    assert cert.public_key() == device.public_key
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.content_commitment and not usage.key_cert_sign  # pyHanko wants nonRepudiation
    other = team.TeamKey.create("衡阳县第一检查组", tmp_path / "other")  # same name, another key
    assert not team.issued_by(cert, other.certificate)
    assert not team.issued_by(cert, device.certificate)  # a self-signed device certificate is no team
    assert team.inspector_of(leader.certify("laptop-C", device.public_key)) is None


def test_team_pem_carries_the_revocations_and_a_forged_list_is_refused(leader, tmp_path):
    device = DeviceKey.load_or_create("laptop-B", tmp_path / "dev")
    cert = leader.certify("laptop-B", device.public_key)
    plain = team.read_team_file(team.team_file(leader.certificate))
    assert plain.revoked == {} and plain.name == "衡阳县第一检查组"
    crl = leader.revocation_list([(str(cert.serial_number), "2026-11-22T08:00:00Z")])
    read = team.read_team_file(team.team_file(leader.certificate, crl))
    assert read.revoked[cert.serial_number].startswith("2026-11-22T08:00:00")
    forger = team.TeamKey.create("衡阳县第一检查组", tmp_path / "forger")  # the same name: the subject matches
    forged = forger.revocation_list([(str(cert.serial_number), "2026-11-22T08:00:00Z")])
    with pytest.raises(team.TeamError, match="吊销列表"):
        team.read_team_file(team.team_file(leader.certificate, forged))
    for junk in (b"", b"hello", team.team_file(cert), device.certificate.public_bytes(Encoding.PEM)):
        with pytest.raises(team.TeamError):
            team.read_team_file(junk)


def test_names_are_checked(tmp_path):
    with pytest.raises(team.TeamError):
        team.team_certificate(ec.generate_private_key(ec.SECP256R1()), "x" * 65)
    with pytest.raises(team.TeamError):
        team.team_certificate(ec.generate_private_key(ec.SECP256R1()), "   ")


def test_a_damaged_team_key_is_one_sentence_with_what_to_do(leader, tmp_path, language):
    language("zh")
    folder = tmp_path / "keys"
    (folder / team.TEAM_KEY_FILE).write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    with pytest.raises(team.TeamError) as refused:
        team.TeamKey.load(folder)
    assert str(refused.value) == f"无法读取检查组密钥 {folder / team.TEAM_KEY_FILE}:文件已损坏;请从备份恢复该文件夹"
