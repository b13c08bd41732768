"""``TEAM.pem`` and the key folder's files, damaged or swapped: `verify --team` says whose the sheet is exactly as
with the good file, or says in one sentence what is wrong with the file; never a traceback, never another member.

- Bytes flipped, cut off or inserted anywhere in ``TEAM.pem`` (a certificate and a revocation list).
- A PEM of another kind given as ``TEAM.pem``: a device's certificate, a private key, a revocation list alone.
- A team certificate out of date: expired, or not valid yet.
- The team's key or certificate in the key folder damaged: `team export` and `team enrol` say so in one sentence.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import itertools
import shutil
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from damagekit import damaged as damage
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheetkit import finished_inspection, signers

from fieldcheck.cli import main
from fieldcheck.ops import signing
from fieldcheck.ops import team as teams
from fieldcheck.signing import team as certs
from fieldcheck.signing.keys import CERT_FILE, KEY_FILE, DeviceKey
from fieldcheck.store import Store

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
#: each example copies the key folder and the database and writes a signed sheet
SLOW = settings(FUZZ, max_examples=20)


class Made:
    """A leader's laptop: the team made, this laptop enrolled, a sheet it signed, TEAM.pem with one revocation."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.keys = folder / "keys"
        self.db = folder / "fieldcheck.db"
        store = Store.open(self.db, device="laptop1", user="李明", daily_backup=False, backup_on_close=False)
        try:
            teams.init_team(store, "衡阳县第一检查组", self.keys)
            key = DeviceKey.load_or_create("laptop1", self.keys)
            teams.enrol(store, "laptop1", self.keys, own_key=key)
            lost = DeviceKey.load_or_create("laptop2", folder / "keys-laptop2")
            with store.transaction():
                store.team.saw_device("laptop2", lost.fingerprint, base64.b64encode(lost.public_der).decode(), "王芳",
                                      "2026-11-01T00:00:00Z", new_events=False)
            teams.enrol(store, "laptop2", self.keys)
            teams.revoke(store, "laptop2", "丢失", self.keys)  # TEAM.pem carries a revocation list
            key = teams.certified_key(store, key)
            inspection = finished_inspection(store, photos=0, handbook_errors=2)
            signing.sign_inspection(store, inspection, signers(), key)
            self.inspection = inspection
            self.sheet = folder / "sheet.pdf"
            self.sheet.write_bytes(signing.sheet_pdf(store, inspection, key))
            self.team_pem = teams.team_pem(store, self.keys)
            self.device_key = key
        finally:
            store.close()
        self.team_key = certs.TeamKey.load(self.keys)

    def __repr__(self) -> str:
        return "<a leader's laptop>"


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Made:
    return Made(tmp_path_factory.mktemp("leader"))


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _verified(made: Made, team_pem: bytes, tmp_path: Path, name: str = "TEAM.pem") -> tuple[int, str, str]:
    path = tmp_path / name
    path.write_bytes(team_pem)
    return _run("verify", str(made.sheet), "--team", str(path))


def _one_sentence(code: int, out: str, err: str) -> str:
    assert code == 1 and out == "", (code, out, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err.strip()


def _as_good_or_refused(made: Made, result: tuple[int, str, str], good: str) -> None:
    code, out, err = result
    if code == 0:
        assert out == good  # a change no check reads (a line break, a byte after the last block)
    else:
        _one_sentence(code, out, err)


@FUZZ
@given(data=st.data())
def test_a_team_file_with_damaged_bytes_is_the_same_member_or_one_sentence(made, tmp_path, data, language):
    language("en")
    good = _verified(made, made.team_pem, tmp_path)[1]
    raw = damage(data, made.team_pem, cut=400,
                  inserts=st.binary(min_size=1, max_size=16) | st.sampled_from([b"A", b"AAAA", b"\n", b"="]))
    _as_good_or_refused(made, _verified(made, raw, tmp_path), good)


def test_the_good_file_says_the_sheet_is_an_enrolled_members(made, tmp_path, language):
    language("en")
    code, out, err = _verified(made, made.team_pem, tmp_path)
    assert code == 0, err
    assert made.team_pem.count(b"-----BEGIN X509 CRL-----") == 1
    assert "signed by an enrolled member of the team '衡阳县第一检查组': device 'laptop1'" in out


def _reissued(made: Made, *, before: dt.datetime, after: dt.datetime) -> bytes:
    """The team's own certificate issued again by the team key with other dates: same name, same key."""
    cert = made.team_key.certificate
    builder = (x509.CertificateBuilder().subject_name(cert.subject).issuer_name(cert.issuer)
               .public_key(cert.public_key()).serial_number(cert.serial_number)
               .not_valid_before(before).not_valid_after(after))
    for extension in cert.extensions:
        builder = builder.add_extension(extension.value, extension.critical)
    return builder.sign(made.team_key.private_key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def _other_kinds(made: Made) -> dict[str, bytes]:
    key = made.team_key.private_key
    crl = made.team_pem[made.team_pem.index(b"-----BEGIN X509 CRL-----"):]
    return {
        "the device's certificate": made.device_key.certificate.public_bytes(serialization.Encoding.PEM),
        "the team's private key": key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()),
        "a public key": key.public_key().public_bytes(serialization.Encoding.PEM,
                                                      serialization.PublicFormat.SubjectPublicKeyInfo),
        "the revocation list alone": crl,
        "the revocation list before the certificate": crl + made.team_pem[:made.team_pem.index(crl)],
        "a certificate block holding a key": key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).replace(
            b"PRIVATE KEY", b"CERTIFICATE"),
        "a revocation list block holding the certificate": made.team_pem.replace(crl, made.team_pem[
            :made.team_pem.index(crl)].replace(b"CERTIFICATE", b"X509 CRL")),
        "the sheet itself": made.sheet.read_bytes(),
        "nothing": b"",
    }


@pytest.mark.parametrize("kind", ["the device's certificate", "the team's private key", "a public key",
                                  "the revocation list alone", "the revocation list before the certificate",
                                  "a certificate block holding a key", "a revocation list block holding the certificate",
                                  "the sheet itself", "nothing"])
def test_a_pem_of_another_kind_is_one_sentence_or_the_same_member(made, tmp_path, kind, language):
    language("en")
    good = _verified(made, made.team_pem, tmp_path)[1]
    _as_good_or_refused(made, _verified(made, _other_kinds(made)[kind], tmp_path), good)


@pytest.mark.parametrize("when", ["expired", "not valid yet"])
def test_a_team_certificate_out_of_date_judges_the_sheet_by_the_chain_it_carries(made, tmp_path, when, language):
    """The team's certificate issued again by its key with other dates (a leader's clock far off): the sheet carries
    its own chain, in date when it was signed, to the same key; the answer is the good file's or one sentence."""
    language("en")
    now = dt.datetime.now(dt.UTC)
    dates = {"expired": (now - dt.timedelta(days=30), now - dt.timedelta(days=1)),
             "not valid yet": (now + dt.timedelta(days=1), now + dt.timedelta(days=30))}[when]
    good = _verified(made, made.team_pem, tmp_path)[1]
    _as_good_or_refused(made, _verified(made, _reissued(made, before=dates[0], after=dates[1]), tmp_path), good)


_FRESH = itertools.count()


@SLOW
@given(data=st.data())
def test_a_damaged_key_folder_file_is_one_sentence_or_works(made, tmp_path, monkeypatch, data, language):
    """The team's key or certificate, or the device's, with bytes damaged: `team export` and `sheet` (which signs with
    the device key and its team certificate) write their file or say in one sentence which file is damaged."""
    language("en")
    home = tmp_path / f"home-{next(_FRESH)}"
    shutil.copytree(made.keys, home / "keys")
    shutil.copy(made.db, home / "fieldcheck.db")
    monkeypatch.setenv("FIELDCHECK_HOME", str(home))
    monkeypatch.setenv("FIELDCHECK_DEVICE", "laptop1")
    damaged = home / "keys" / data.draw(st.sampled_from([certs.TEAM_KEY_FILE, certs.TEAM_CERT_FILE, KEY_FILE, CERT_FILE]))
    damaged.write_bytes(damage(data, damaged.read_bytes(), cut=200, flips=1, inserts=st.binary(min_size=1, max_size=16)))
    db = str(home / "fieldcheck.db")
    for argv in (["team", "export", "--db", db, "-o", str(home / "TEAM.pem")],
                 ["sheet", "--db", db, made.inspection, "-o", str(home / "again.pdf")]):
        code, out, err = _run(*argv)
        if code:
            _one_sentence(code, out, err)


def _pem(der: bytes) -> bytes:
    body = base64.encodebytes(der).replace(b"\n", b"")
    return b"-----BEGIN CERTIFICATE-----\n" + b"\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + \
        b"\n-----END CERTIFICATE-----\n"


def test_a_team_certificate_damaged_where_it_still_parses_is_called_damaged(made, tmp_path, language):
    """The fuzz found it: a byte of the certificate's key identifier changed, the file still parsed, and every sheet
    of the team verified as "from a device the team has not enrolled", the wrong answer, said calmly."""
    language("en")
    cert = made.team_key.certificate
    der = bytearray(cert.public_bytes(serialization.Encoding.DER))
    key_id = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    der[der.index(key_id)] ^= 0x01  # still DER; no longer what the team key signed, nor the device's issuer
    said = _one_sentence(*_verified(made, _pem(bytes(der)), tmp_path))
    assert said == ("the team certificate in TEAM.pem is damaged (its own signature does not match); ask the leader for"
                    " the file again")


P256 = bytes.fromhex("06082A8648CE3D030107")  # the curve's object identifier, in DER


@pytest.mark.parametrize("with_crl", [True, False])
def test_a_team_certificate_whose_curve_is_damaged_is_one_sentence(made, tmp_path, with_crl, language):
    """The fuzz found it: one byte of the key's curve changed, and reading the revocation list's signature raised
    cryptography's UnsupportedAlgorithm, a traceback."""
    language("en")
    der = made.team_key.certificate.public_bytes(serialization.Encoding.DER)
    damaged = der.replace(P256, P256[:-1] + b"\x08", 1)
    assert damaged != der
    pem = _pem(damaged)
    crl = made.team_pem[made.team_pem.index(b"-----BEGIN X509 CRL-----"):] if with_crl else b""
    said = _one_sentence(*_verified(made, pem + crl, tmp_path))
    assert said == "TEAM.pem is not a team certificate file (made by fieldcheck team init or team export)"


EC_KEY = bytes.fromhex("2A8648CE3D0201")  # id-ecPublicKey, the key type's name inside a PKCS#8 key


@pytest.mark.parametrize("file, argv", [(certs.TEAM_KEY_FILE, ["team", "export"]), (KEY_FILE, ["sheet"])])
def test_a_key_whose_type_is_damaged_is_one_sentence(made, tmp_path, monkeypatch, file, argv, language):
    """The fuzz found it: one byte of the key type's name changed, and cryptography's UnsupportedAlgorithm ("Unknown
    key type") came out of `team export` and `sheet` as a traceback."""
    language("en")
    monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path))
    monkeypatch.setenv("FIELDCHECK_DEVICE", "laptop1")
    shutil.copytree(made.keys, tmp_path / "keys")
    shutil.copy(made.db, tmp_path / "fieldcheck.db")
    path = tmp_path / "keys" / file
    der = base64.b64decode(b"".join(path.read_bytes().splitlines()[1:-1]))
    damaged = base64.encodebytes(der.replace(EC_KEY, b"\x1a" + EC_KEY[1:], 1))
    path.write_bytes(b"-----BEGIN PRIVATE KEY-----\n" + damaged + b"-----END PRIVATE KEY-----\n")
    db = str(tmp_path / "fieldcheck.db")
    extra = ["-o", str(tmp_path / "TEAM.pem")] if argv[0] == "team" else [made.inspection, "-o", str(tmp_path / "s.pdf")]
    said = _one_sentence(*_run(*argv, "--db", db, *extra))
    assert said.startswith("cannot read ") and said.endswith(f"{path}: the file is damaged; restore the folder from a "
                                                              "backup")
