"""The text of the QR code on a signed sheet, and checking a text a phone read from one.

Anyone can scan it: the first lines are for people (the sheet, the assessee, total/max,
date); then the content hash, the key's id and public key, and the device's ECDSA
signature over all the lines before it::

    FieldCheck 评分表
    青石乡/桃山村 176/210 2026-10-14
    h=<SHA-256 of the sheet, hex>
    k=<key id: the first 16 hex digits of the key's fingerprint>
    p=<the public key: compressed P-256 point, base64url>
    s=<DER ECDSA signature over the lines above, base64url>

The public key travels in the code so a phone can check it offline; whether that key is
one of the team's is what ``verify --db`` (the device is known) or the key id printed
beside the code tells.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.signing.keys import DeviceKey, fingerprint, verify

HEADER = "FieldCheck 评分表"
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


class PayloadInvalid(UserError):
    """A QR text that is not a FieldCheck payload, or whose signature does not check."""


@dataclass(frozen=True)
class Payload:
    summary: str
    content_hash: str
    key_id: str
    fingerprint: str
    text: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    """Strictly: the decoder skips a character outside the alphabet, so a changed text would still check."""
    if not _BASE64URL.fullmatch(text):
        raise ValueError(text)
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_payload(summary: str, content_hash: str, key: DeviceKey) -> str:
    """The signed QR text for a sheet whose canonical hash is ``content_hash``."""
    point = key.public_key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint)
    body = "\n".join([HEADER, summary.replace("\n", " "), f"h={content_hash}", f"k={key.key_id}", f"p={_b64(point)}"])
    return body + f"\ns={_b64(key.sign(body.encode('utf-8')))}"


def check_payload(text: str) -> Payload:
    """The payload in ``text`` if its signature checks with the key it names; else PayloadInvalid."""
    lines = text.strip().replace("\r\n", "\n").split("\n")
    refused = PayloadInvalid(t("这不是 FieldCheck 评分表的二维码内容", "this is not the text of a FieldCheck score sheet's QR code"))
    if len(lines) != 6 or lines[0] != HEADER or not all(line[:2] == p for line, p in zip(lines[2:], ("h=", "k=", "p=", "s="))):
        raise refused
    content_hash, key_id = lines[2][2:], lines[3][2:]
    try:
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), _unb64(lines[4][2:]))
        signature = _unb64(lines[5][2:])
    except (ValueError, TypeError):
        raise refused from None
    full = fingerprint(key)
    if full[:16] != key_id:
        raise PayloadInvalid(t("二维码中的密钥编号与公钥不符:内容被改动过", "the key id in the QR code does not match its "
                               "public key: the text was changed"))
    body = "\n".join(lines[:5])
    if not verify(key, signature, body.encode("utf-8")):
        raise PayloadInvalid(t("二维码的签名不正确:内容被改动过或不是本表的签名",
                               "the QR code's signature does not check: the text was changed"))
    return Payload(lines[1], content_hash, key_id, full, "\n".join(lines))


def matrix(text: str) -> list[list[bool]]:
    """The QR code's modules (level M), True for dark, without the quiet zone."""
    import segno  # lazy: only sheets draw QR codes

    code = segno.make_qr(text.encode("utf-8"), error="m", boost_error=False)
    return [[bool(v) for v in row] for row in code.matrix]
