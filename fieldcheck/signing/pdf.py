"""PAdES signatures on score sheets with the device key (pyHanko), and checking them offline.

Signing: the sheet (drawn by reportlab, visible signature area included) gets the sheet's
data attached as ``fieldcheck-sheet.json`` (the QR text and the canonical content), a
signature field over the drawn area, and a certifying PAdES B-B signature that allows no
changes (MDPPerm.NO_CHANGES). pyHanko's own stamp renders Chinese badly, so the signature
has a no-op appearance: what a reader shows in the field is what reportlab drew.

Checking: the signature must be intact, made by a FieldCheck certificate, and cover the
entire file. Anything appended after signing, even an annotation a reader added with an
incremental update, leaves the signature covering only an earlier revision and is refused.
Intact means: the signer's own certificate pinned as the trust root (pyHanko#523 calls that
undefined behaviour, so it proves integrity only). Whose sheet it is, is a second check: with
a team certificate as the only trust root (``signing.team``), the device's certificate must
chain to it.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.signing.keys import DeviceKey, fingerprint

FIELD_NAME = "FieldCheckDevice"
ATTACHMENT = "fieldcheck-sheet.json"

# pyHanko logs why it judges a change illegal, traceback and all, and Python prints a warning
# nobody handles on stderr; its verdict is what check_pdf reports, in one sentence. A handler
# here keeps that log off the terminal; an application that sets up logging still gets it.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())


class SheetInvalid(UserError):
    """A PDF that is not an intact, signed FieldCheck sheet; the message says which way."""


@dataclass(frozen=True)
class PdfSignatureCheck:
    """What an intact signed sheet says about itself."""

    device: str
    fingerprint: str
    key_id: str
    signed_at: str
    attachment: dict[str, Any]
    #: the signer's certificate (self-signed, or issued by a team)
    certificate: x509.Certificate | None = None
    #: the team root among those given that the signer's certificate chains to, or None
    team_root: x509.Certificate | None = None


def sign_pdf(pdf: bytes, key: DeviceKey, *, page: int, box: tuple[float, float, float, float],
             attachment: dict[str, Any]) -> bytes:
    """``pdf`` with ``attachment`` embedded and a certifying PAdES signature over a field at ``box`` on ``page``."""
    from pyhanko.pdf_utils import embed, generic  # lazy: pyHanko is heavy (aiohttp, lxml)
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter  # lazy: pyHanko
    from pyhanko.sign import fields, signers  # lazy: pyHanko
    from pyhanko.stamp import NoOpStampStyle  # lazy: pyHanko

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    data = json.dumps(attachment, ensure_ascii=False, sort_keys=True).encode("utf-8")
    embed.embed_file(writer, embed.FileSpec(
        file_spec_string=ATTACHMENT, file_name=ATTACHMENT,
        embedded_data=embed.EmbeddedFileObject.from_file_data(writer, data=data, mime_type="application/json"),
        description="FieldCheck sheet data", af_relationship=generic.pdf_name("/Data")))
    fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page,
                                                              box=_int_box(box)))
    signer = _signer(key)
    if signer is None:
        raise SheetInvalid(t("无法读取本机签名密钥,无法签署评分表", "cannot read this device's signing key to sign the sheet"))
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES, certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES, name=key.device,
        reason="FieldCheck 评分表签章", location="FieldCheck")
    out = io.BytesIO()
    signers.PdfSigner(meta, signer=signer, stamp_style=NoOpStampStyle()).sign_pdf(writer, output=out)
    return out.getvalue()


def _signer(key: DeviceKey):
    """pyHanko's signer: the key's own certificate files, or the team's certificate and its chain."""
    from asn1crypto import keys as asn1_keys  # lazy: pyHanko's ASN.1 library
    from asn1crypto import x509 as asn1_x509  # lazy: pyHanko's ASN.1 library
    from cryptography.hazmat.primitives import serialization  # lazy: only with a chain
    from pyhanko.sign import signers  # lazy: pyHanko
    from pyhanko_certvalidator.registry import SimpleCertificateStore  # lazy: pyHanko's validator

    if not key.chain:
        return signers.SimpleSigner.load(key_file=str(key.key_path), cert_file=str(key.cert_path))
    der = serialization.Encoding.DER
    private = key.private_key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(key.certificate.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(private),
        cert_registry=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(c.public_bytes(der))
                                                         for c in key.chain]))


def _int_box(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = (int(round(v)) for v in box)
    return x1, y1, x2, y2


def check_pdf(pdf: bytes, team_roots: tuple[x509.Certificate, ...] = ()) -> PdfSignatureCheck:
    """The signer and the attached data of an intact FieldCheck sheet; SheetInvalid otherwise.

    With ``team_roots``, also which of those team certificates the signer's chains to
    (validated by pyHanko with that team certificate as the only trust root).
    """
    from pyhanko.pdf_utils.misc import PdfReadError  # lazy: pyHanko
    from pyhanko.pdf_utils.reader import PdfFileReader  # lazy: pyHanko
    from pyhanko.sign.general import CMSExtractionError  # lazy: pyHanko
    from pyhanko.sign.validation import validate_pdf_signature  # lazy: pyHanko
    from pyhanko.sign.validation.errors import SignatureValidationError  # lazy: pyHanko
    from pyhanko_certvalidator import ValidationContext  # lazy: pyHanko's validator

    if not pdf.startswith(b"%PDF-"):
        raise SheetInvalid(t("这不是 PDF 文件", "this is not a PDF file"))
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise SheetInvalid(t("PDF 已损坏,无法读取;请向签署方要原文件", "the PDF is damaged and cannot be read; ask "
                             "the signers for the original file")) from None
    ours = [s for s in signatures if s.field_name == FIELD_NAME]
    if not signatures:
        raise SheetInvalid(t("这份 PDF 没有签名(草稿或非 FieldCheck 评分表)",
                             "this PDF carries no signature (a draft, or not a FieldCheck sheet)"))
    if not ours or len(signatures) != 1:
        raise SheetInvalid(t("这份 PDF 不是 FieldCheck 签署的评分表", "this PDF is not a sheet signed by FieldCheck"))
    embedded = ours[0]
    damaged = SheetInvalid(t("签名数据已损坏,无法验证;这份 PDF 不能作为已签署的评分表",
                             "the signature's data is damaged and cannot be checked; this PDF cannot stand as a "
                             "signed sheet"))
    try:  # the signature's DER is parsed lazily, here: a damaged byte in it fails in any of these ways
        cert = x509.load_der_x509_certificate(embedded.signer_cert.dump())
    except (CMSExtractionError, SignatureValidationError, ValueError, KeyError, TypeError):
        raise damaged from None
    orgs = [a.value for a in cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)]
    if "FieldCheck" not in orgs:
        raise SheetInvalid(t("这份 PDF 的签名不是 FieldCheck 设备密钥所签", "this PDF is not signed by a FieldCheck device key"))
    try:
        context = ValidationContext(trust_roots=[embedded.signer_cert], allow_fetching=False)
        status = validate_pdf_signature(embedded, context)
    except (CMSExtractionError, SignatureValidationError, ValueError, KeyError, TypeError, AttributeError):
        raise damaged from None  # AttributeError: pyHanko's own, on a digest algorithm a damaged byte renamed
    if not status.intact or not status.valid:
        raise SheetInvalid(t("签名后 PDF 的内容被改动过(签名不符)", "the PDF was changed after it was signed (the signature "
                             "does not match)"))
    if status.coverage is None or status.coverage.name != "ENTIRE_FILE":
        raise SheetInvalid(t("签名后又有内容附加到 PDF(如批注或印章),这份评分表不再是签署时的样子",
                             "something was appended to the PDF after signing (an annotation or a stamp); it is no "
                             "longer the sheet that was signed"))
    if not status.trusted:
        raise SheetInvalid(t("签名证书无法验证", "the signing certificate cannot be validated"))
    public_key = cert.public_key()
    if not isinstance(public_key, ec.EllipticCurvePublicKey):
        raise SheetInvalid(t("签名密钥不是 ECDSA P-256", "the signing key is not ECDSA P-256"))
    attachment = _attachment(reader)
    if attachment is None:
        raise SheetInvalid(t("签名的 PDF 中没有 FieldCheck 评分表数据", "the signed PDF carries no FieldCheck sheet data"))
    device = ", ".join(str(a.value) for a in cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)) or "?"
    full = fingerprint(public_key)
    when = status.signer_reported_dt.isoformat() if status.signer_reported_dt else ""
    root = next((r for r in team_roots if _trusted_under(embedded, r)), None)
    return PdfSignatureCheck(str(device), full, full[:16], when, attachment, cert, root)


def _trusted_under(embedded, root: x509.Certificate) -> bool:
    """Whether the signature validates with the team certificate ``root`` as the only trust root."""
    from asn1crypto import x509 as asn1_x509  # lazy: pyHanko's ASN.1 library
    from cryptography.hazmat.primitives import serialization  # lazy: with a team only
    from pyhanko.sign.validation import validate_pdf_signature  # lazy: pyHanko
    from pyhanko.sign.validation.errors import SignatureValidationError  # lazy: pyHanko
    from pyhanko_certvalidator import ValidationContext  # lazy: pyHanko's validator

    anchor = asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER))
    try:
        status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[anchor], allow_fetching=False))
    except (SignatureValidationError, ValueError, KeyError):
        return False
    return bool(status.intact and status.valid and status.trusted)


def _attachment(reader) -> dict[str, Any] | None:
    """The attached ``fieldcheck-sheet.json``, read from the signed revision's name tree."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        for k in range(0, len(names), 2):
            if str(names[k]) == ATTACHMENT:
                spec = names[k + 1].get_object()
                data = spec["/EF"]["/F"].get_object().data
                value = json.loads(data.decode("utf-8"))
                return value if isinstance(value, dict) else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return None
