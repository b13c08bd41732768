"""This installation's signing key: ECDSA P-256, made on first use, kept readable by its owner only.

Score sheets (PAdES, through pyHanko) and sync bundles are signed with it. P-256 rather
than Ed25519: poppler, and so the PDF readers of Linux, cannot verify Ed25519 signatures.
Beside the key is a self-signed certificate naming the device; a team leader may later
issue the device a certificate under the team root instead (``team.py``), kept by the database.

Files, in ``<data folder>/keys/`` (``paths.data_dir()``, or a folder given):

    device-key.pem    the private key, PKCS#8 PEM, mode 0600
    device-cert.pem   the device's certificate
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
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

KEY_FILE = "device-key.pem"
CERT_FILE = "device-cert.pem"


class DeviceKeyError(UserError):
    """The device key cannot be read or written."""


def fingerprint(public_key: ec.EllipticCurvePublicKey) -> str:
    """SHA-256 of the DER SubjectPublicKeyInfo, hex: what a person compares to trust a device."""
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def public_key_from_bytes(der: bytes) -> ec.EllipticCurvePublicKey:
    key = serialization.load_der_public_key(der)
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise DeviceKeyError(t("公钥不是 ECDSA P-256 公钥", "the public key is not an ECDSA P-256 key"))
    return key


def verify(public_key: ec.EllipticCurvePublicKey, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` (DER ECDSA over SHA-256) signs ``data`` with ``public_key``."""
    try:
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        return True
    except InvalidSignature:
        return False


@dataclass(frozen=True)
class DeviceKey:
    """The device's private key and certificate.

    ``certificate`` is the self-signed one from the key folder until the team enrols the
    device; then (``ops.team.certified_key``) it is the team's certificate for this key, and
    ``chain`` holds the team's certificate that a signed sheet carries beside it.
    """

    device: str
    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    folder: Path
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def public_key(self) -> ec.EllipticCurvePublicKey:
        return self.private_key.public_key()

    @property
    def public_der(self) -> bytes:
        return self.public_key.public_bytes(serialization.Encoding.DER,
                                            serialization.PublicFormat.SubjectPublicKeyInfo)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    @property
    def key_id(self) -> str:
        """The first 16 hex digits of the fingerprint: short enough to print, long enough to tell keys apart."""
        return self.fingerprint[:16]

    @property
    def certified_device(self) -> str:
        """The device the certificate names: the name the key was made under, which a sheet prints."""
        names = self.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
        return str(names[0].value) if names else self.device

    @property
    def key_path(self) -> Path:
        return self.folder / KEY_FILE

    @property
    def cert_path(self) -> Path:
        return self.folder / CERT_FILE

    def sign(self, data: bytes) -> bytes:
        """A DER ECDSA signature over SHA-256 of ``data`` (sign a digest or a manifest, not a whole file)."""
        return self.private_key.sign(data, ec.ECDSA(hashes.SHA256()))

    @classmethod
    def load_or_create(cls, device: str, folder: Path | None = None) -> DeviceKey:
        """The key in ``folder`` (default ``<data folder>/keys``), made and saved on first use."""
        folder = Path(folder) if folder is not None else data_dir() / "keys"
        key_path, cert_path = folder / KEY_FILE, folder / CERT_FILE
        try:
            if key_path.is_file() and cert_path.is_file():
                private_key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
                certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
                # the two are a pair: a certificate damaged where it still parses is no longer this key's
                if not isinstance(private_key, ec.EllipticCurvePrivateKey) or \
                        certificate.public_key() != private_key.public_key():
                    raise ValueError("not an EC key, or not the certificate's")
                return cls(device, private_key, certificate, folder)
        except (OSError, ValueError, UnsupportedAlgorithm) as exc:  # a damaged key type's name: UnsupportedAlgorithm
            why = reason(exc) if isinstance(exc, OSError) else t("文件已损坏", "the file is damaged")
            raise DeviceKeyError(t(f"无法读取本机签名密钥 {key_path}:{why};请从备份恢复该文件夹",
                              f"cannot read this device's signing key {key_path}: {why}; restore the folder "
                              "from a backup")) from None
        private_key = ec.generate_private_key(ec.SECP256R1())
        certificate = self_signed_certificate(private_key, device)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
            write_private(key_path, private_key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
            write_private(cert_path, certificate.public_bytes(serialization.Encoding.PEM))
        except OSError as exc:
            raise DeviceKeyError(t(f"无法保存本机签名密钥到 {folder}:{reason(exc)}",
                              f"cannot save this device's signing key in {folder}: {reason(exc)}")) from None
        return cls(device, private_key, certificate, folder)


def self_signed_certificate(private_key: ec.EllipticCurvePrivateKey, device: str) -> x509.Certificate:
    """A certificate naming the device, with the key usages a PAdES signature needs (nonRepudiation)."""
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"FieldCheck {device}"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "FieldCheck"),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, device),
    ])
    now = dt.datetime.now(dt.UTC)
    return (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name)
            .public_key(private_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365 * 20))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(private_key.public_key()), critical=False)
            .sign(private_key, hashes.SHA256()))


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` readable by the owner only, atomically (a crash leaves the old file or none)."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
