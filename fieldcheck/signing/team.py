"""The team's root key and certificate; certifying a device's key; checking a chain; revocation.

The leader's laptop makes the team root: an ECDSA P-256 key (like the device key,
``keys.py``) kept beside the device key, readable by its owner only, and a self-signed CA
certificate naming the team. Enrolling a device issues an X.509 certificate for that
device's signing key (CN = the device, the inspector's name if known), under the team.
A sheet signed with the device key and that certificate, the team's certificate
beside it, verifies as the team's against the team certificate alone (``TEAM.pem``), the
sound use of a trust root that pinning a self-signed leaf is not (pyHanko#523).

Revocations are kept by the database and travel in bundles (``store.team``); the exported
``TEAM.pem`` also carries them as a CRL signed by the team key, so that ``verify --team``
without a database still says a revoked device's sheet was revoked.

Files, in the key folder (``<data folder>/keys/``):

    team-key.pem     the team's private key, PKCS#8 PEM, mode 0600 (only on the leader's laptop)
    team-cert.pem    the team's certificate
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fieldcheck.errors import UserError
from fieldcheck.file_errors import reason
from fieldcheck.i18n import t
from fieldcheck.paths import data_dir
from fieldcheck.signing.keys import fingerprint, write_private

TEAM_KEY_FILE = "team-key.pem"
TEAM_CERT_FILE = "team-cert.pem"
#: X.520 ``name``: the inspector's name in a device's certificate
INSPECTOR_OID = x509.ObjectIdentifier("2.5.4.41")
#: X.509 limits a common name to 64 characters
MAX_NAME = 64
_PEM = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----.+?-----END \1-----", re.S)


class TeamError(UserError):
    """The team key or a team certificate cannot be made, read or used."""


def _usage(*, sign: bool, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=True, content_commitment=sign, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def check_name(name: str, what_zh: str, what_en: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > MAX_NAME:
        raise TeamError(t(f"{what_zh}应为 1 到 {MAX_NAME} 个字", f"the {what_en} must be 1 to {MAX_NAME} characters"))
    return name


def team_certificate(private_key: ec.EllipticCurvePrivateKey, name: str) -> x509.Certificate:
    """The team's self-signed CA certificate: it may issue end certificates only (path length 0)."""
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, check_name(name, "检查组名称", "team's name")),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "FieldCheck"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "team"),
    ])
    now = dt.datetime.now(dt.UTC)
    public = private_key.public_key()
    return (x509.CertificateBuilder()
            .subject_name(subject).issuer_name(subject).public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365 * 20))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_usage(sign=False, ca=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(private_key, hashes.SHA256()))


@dataclass(frozen=True)
class TeamKey:
    """The team's private key and certificate, on the leader's laptop."""

    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @property
    def name(self) -> str:
        return team_name(self.certificate)

    @property
    def fingerprint(self) -> str:
        return certificate_fingerprint(self.certificate)

    @classmethod
    def create(cls, name: str, folder: Path | None = None) -> TeamKey:
        """A new team key and certificate saved in ``folder``; TeamError when a team key is already there."""
        folder = Path(folder) if folder is not None else data_dir() / "keys"
        if (folder / TEAM_KEY_FILE).exists():
            raise TeamError(t(f"{folder} 中已有检查组密钥;一台电脑只建一个检查组",
                              f"{folder} already holds a team key; a laptop makes one team only"))
        private_key = ec.generate_private_key(ec.SECP256R1())
        certificate = team_certificate(private_key, name)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o700)
            write_private(folder / TEAM_KEY_FILE, private_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
            write_private(folder / TEAM_CERT_FILE, certificate.public_bytes(serialization.Encoding.PEM))
        except OSError as exc:
            raise TeamError(t(f"无法保存检查组密钥到 {folder}:{reason(exc)}",
                              f"cannot save the team key in {folder}: {reason(exc)}")) from None
        return cls(private_key, certificate)

    @classmethod
    def load(cls, folder: Path | None = None) -> TeamKey | None:
        """The team key in ``folder``, or None when this laptop has none; TeamError when it cannot be read."""
        folder = Path(folder) if folder is not None else data_dir() / "keys"
        key_path, cert_path = folder / TEAM_KEY_FILE, folder / TEAM_CERT_FILE
        if not key_path.exists():
            return None
        try:
            private_key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
            certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
            # the two are a pair: a certificate damaged where it still parses is no longer this key's
            if not isinstance(private_key, ec.EllipticCurvePrivateKey) or \
                    certificate.public_key() != private_key.public_key():
                raise ValueError("not an EC key, or not the certificate's")
        except (OSError, ValueError, UnsupportedAlgorithm) as exc:  # a damaged key type's name: UnsupportedAlgorithm
            why = reason(exc) if isinstance(exc, OSError) else t("文件已损坏", "the file is damaged")
            raise TeamError(t(f"无法读取检查组密钥 {key_path}:{why};请从备份恢复该文件夹",
                              f"cannot read the team key {key_path}: {why}; restore the folder from a backup")) from None
        return cls(private_key, certificate)

    def certify(self, device: str, public_key: ec.EllipticCurvePublicKey, inspector: str | None = None) -> x509.Certificate:
        """A certificate for a device's signing key, issued by the team: CN and OU the device, the inspector named."""
        names = [x509.NameAttribute(NameOID.COMMON_NAME, check_name(device, "设备名称", "device's name")),
                 x509.NameAttribute(NameOID.ORGANIZATION_NAME, "FieldCheck"),
                 x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, device)]
        if inspector and inspector.strip():
            names.append(x509.NameAttribute(INSPECTOR_OID, check_name(inspector, "检查员姓名", "inspector's name")))
        now = dt.datetime.now(dt.UTC)
        return (x509.CertificateBuilder()
                .subject_name(x509.Name(names)).issuer_name(self.certificate.subject).public_key(public_key)
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=365 * 10))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(_usage(sign=True, ca=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.private_key.public_key()),
                               critical=False)
                .sign(self.private_key, hashes.SHA256()))

    def revocation_list(self, revoked: list[tuple[str, str]]) -> x509.CertificateRevocationList:
        """A CRL of (serial as decimal text, revoked at ISO time) signed by the team key."""
        now = dt.datetime.now(dt.UTC)
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.certificate.subject)
                   .last_update(now).next_update(now + dt.timedelta(days=365 * 10)))
        for serial, when in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(int(serial)).revocation_date(_when(when)).build())
        return builder.sign(self.private_key, hashes.SHA256())


def _when(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.now(dt.UTC)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_certificate(text: str | bytes) -> x509.Certificate:
    data = text.encode("ascii") if isinstance(text, str) else text
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError:
        raise TeamError(t("证书无法读取(不是 PEM 格式的证书)", "the certificate cannot be read (not a PEM certificate)")) from None


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER, hex: what a person compares to know it is their team's."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def common_name(certificate: x509.Certificate) -> str:
    """The CN: the team's name in a team certificate, the device's in a device certificate."""
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else "?"


team_name = common_name


def inspector_of(certificate: x509.Certificate) -> str | None:
    names = certificate.subject.get_attributes_for_oid(INSPECTOR_OID)
    return str(names[0].value) if names else None


def is_team_certificate(certificate: x509.Certificate) -> bool:
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return False
    return constraints.ca and certificate.issuer == certificate.subject


def issued_by(device: x509.Certificate, team: x509.Certificate) -> bool:
    """Whether the team's key signed this device certificate (a chain of one link), and both are in date."""
    if not is_team_certificate(team) or device.issuer != team.subject:
        return False
    try:
        device.verify_directly_issued_by(team)
    except (ValueError, TypeError, InvalidSignature):
        return False
    now = dt.datetime.now(dt.UTC)
    return all(c.not_valid_before_utc <= now <= c.not_valid_after_utc for c in (device, team))


@dataclass(frozen=True)
class TeamFile:
    """What a ``TEAM.pem`` holds: the team's certificate and, if the leader exported them, its revocations."""

    certificate: x509.Certificate
    #: serial → revoked at (ISO 8601), from a CRL the team key signed
    revoked: dict[int, str]

    @property
    def name(self) -> str:
        return team_name(self.certificate)


def team_file(certificate: x509.Certificate, crl: x509.CertificateRevocationList | None = None) -> bytes:
    """The text of ``TEAM.pem``: the certificate, then the revocation list."""
    out = certificate.public_bytes(serialization.Encoding.PEM)
    if crl is not None:
        out += crl.public_bytes(serialization.Encoding.PEM)
    return out


def read_team_file(data: bytes, name: str = "TEAM.pem") -> TeamFile:
    """Parse ``TEAM.pem``; TeamError (one sentence) when it holds no team certificate or a forged CRL."""
    certificate, revoked = None, {}
    blocks = [(m.group(1), m.group(0)) for m in _PEM.finditer(data)]
    try:
        for kind, block in blocks:
            if kind == b"CERTIFICATE" and certificate is None:
                certificate = x509.load_pem_x509_certificate(block)
        # a damaged byte in the key's curve: cryptography's UnsupportedAlgorithm when first used
        if certificate is None or not is_team_certificate(certificate) \
                or not isinstance(certificate.public_key(), ec.EllipticCurvePublicKey):
            raise ValueError
        try:  # a damaged byte that still parses made it another team's, and every sheet "not enrolled"
            certificate.verify_directly_issued_by(certificate)
        except (TypeError, InvalidSignature):
            raise TeamError(t(f"{name} 中的检查组证书已损坏(其自签名不符);请向组长重新索取",
                              f"the team certificate in {name} is damaged (its own signature does not match); ask the "
                              "leader for the file again")) from None
        for kind, block in blocks:
            if kind == b"X509 CRL":
                crl = x509.load_pem_x509_crl(block)
                public = certificate.public_key()
                if crl.issuer != certificate.subject or not isinstance(public, ec.EllipticCurvePublicKey) \
                        or not crl.is_signature_valid(public):
                    raise TeamError(t(f"{name} 中的吊销列表不是该检查组签发的;请向组长重新索取",
                                      f"the revocation list in {name} was not signed by its team; ask the leader for "
                                      "the file again"))
                revoked.update({r.serial_number: r.revocation_date_utc.isoformat() for r in crl})
    except (ValueError, UnsupportedAlgorithm):
        raise TeamError(t(f"{name} 不是检查组证书文件(用 fieldcheck team init 或 fieldcheck team export 生成)",
                          f"{name} is not a team certificate file (made by fieldcheck team init or team export)")) from None
    return TeamFile(certificate, revoked)


__all__ = ["TeamKey", "TeamError", "TeamFile", "team_certificate", "issued_by", "read_team_file", "team_file", "pem",
           "load_certificate", "certificate_fingerprint", "team_name", "common_name", "inspector_of", "fingerprint"]
