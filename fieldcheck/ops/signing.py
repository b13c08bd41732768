"""Signing an inspection, amending it, making its score sheet, and checking a sheet.

The one path from a stored inspection to a signed PDF: ``gather`` the sheet's content, hash
it (``signing.canonical``), record the signers with that hash (``store.signatures``), and
later draw the sheet (``reports.sheet``), sign the PDF with the device key
(``signing.pdf``) and put the signed QR text (``signing.qr``) on it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

from fieldcheck.i18n import t
from fieldcheck.ops import team
from fieldcheck.ops.scores import score_inspection
from fieldcheck.reports import sheet
from fieldcheck.reports.sheet_seal import Seal, SealPlace
from fieldcheck.signing import canonical, pdf, qr
from fieldcheck.signing.content import SheetContent, gather
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.signing.team import TeamFile
from fieldcheck.store import Store, StoreError
from fieldcheck.store.photofiles import PRINT_FOLDER
from fieldcheck.store.signatures import Revision, SignerInput, check_signers


def device_key(store: Store, folder: Path | None = None) -> DeviceKey:
    """This installation's signing key (made on first use), named after the store's device.

    Once the team has enrolled this laptop (its enrolment arrived in a bundle), the key
    signs with the team's certificate for it and the team's beside it (``ops.team``).
    """
    return team.certified_key(store, DeviceKey.load_or_create(store.device, folder))


def unanswered(store: Store, inspection_id: str) -> list[tuple[str, str]]:
    """(item id, title) of every item not yet answered or not scorable: what stops signing."""
    inspection = store.inspections.get(inspection_id)
    result = score_inspection(store, inspection_id)
    return [(item.id, item.title) for item in inspection.rubric.items()
            if result.nodes[item.id].status in ("unanswered", "unscored")]


def sign_inspection(store: Store, inspection_id: str, signers: list[SignerInput], key: DeviceKey) -> Revision:
    """Sign and lock an inspection; StoreError when it is unfinished, not a draft, or a signer is unusable."""
    with store.transaction():  # what is hashed is what is recorded: no edit can slip in between
        store.inspections.require_editable(inspection_id)
        missing = unanswered(store, inspection_id)
        if missing:
            first = "、".join(i for i, _ in missing[:5]) + ("…" if len(missing) > 5 else "")
            raise StoreError(t(f"还有 {len(missing)} 项未检查或无法计分({first}),检查完成后才能签字",
                               f"{len(missing)} item(s) are unanswered or cannot be scored ({first}); finish the "
                               "inspection before signing"))
        _, now = store.db.stamp()
        signers = [replace(s, signed_at=s.signed_at or now) for s in signers]
        check_signers(signers)
        content = gather(store, inspection_id, signers=signers)
        snapshot = canonical.canonical_bytes(content)
        return store.signatures.sign(inspection_id, signers, content_hash=hashlib.sha256(snapshot).hexdigest(),
                                     key_id=key.key_id, content=snapshot.decode("utf-8"))


def amend(store: Store, inspection_id: str, reason: str) -> int:
    """修订: void the signatures and reopen as the next revision; returns the new revision number."""
    return store.signatures.amend(inspection_id, reason)


def sheet_pdf(store: Store, inspection_id: str, key: DeviceKey | None = None) -> bytes:
    """The score sheet of an inspection: a draft sheet, or the signed one, PDF-signed by ``key``.

    A signed sheet shows the revision's content as it was signed (its stored snapshot), even
    if a household or a place was renamed since, or this FieldCheck words a line differently.
    StoreError when that snapshot no longer matches its recorded hash.
    """
    cache = print_cache(store)
    if store.inspections.get(inspection_id).status == "draft":
        content = gather(store, inspection_id)
        return sheet.render(content, content_hash=canonical.content_hash(content), photo_cache=cache)
    revision = store.signatures.current(inspection_id)
    signed = signed_content(store, revision) if revision is not None else None
    if revision is None or revision.content_hash is None or signed is None \
            or canonical.content_hash(signed) != revision.content_hash:
        raise StoreError(t("这份检查签字时的记录与其摘要不符,不能打印为已签字的评分表;请修订后重新签字",
                           "the record signed for this inspection does not match its hash; it cannot print as a "
                           "signed sheet: amend it and sign again"))
    return signed_pdf(signed, revision.content_hash, key or device_key(store), photo_cache=cache)


def signed_content(store: Store, revision: Revision) -> SheetContent | None:
    """The content a revision was signed over, rebuilt from its snapshot (None without one)."""
    if not revision.content:
        return gather(store, revision.inspection_id)  # signed before snapshots were kept: the live record
    images = {s.image_sha256: s.image for s in store.signatures.of(revision.inspection_id, revision=revision.number)
              if s.image_sha256 and s.image}

    def photo_path(sha256: str) -> Path | None:
        try:
            return store.photos.path(sha256)
        except StoreError:
            return None

    try:
        return canonical.from_canonical(json.loads(revision.content), images, photo_path)
    except (KeyError, TypeError, ValueError):
        return None


def print_cache(store: Store) -> Path:
    """Where photos shrunk for print are kept: beside the originals, named by their SHA-256."""
    return store.photo_dir / PRINT_FOLDER


def signed_pdf(content: SheetContent, content_hash: str, key: DeviceKey, photo_cache: Path | None = None) -> bytes:
    """Draw a signed sheet of ``content`` and sign the PDF with ``key``."""
    payload = qr.make_payload(content.summary_line, content_hash, key)
    place = SealPlace()
    data = sheet.render(content, content_hash=content_hash,
                        seal=Seal(payload, key.certified_device, key.key_id, content_hash), place=place,
                        photo_cache=photo_cache)
    attachment = {"qr": payload, "content": canonical.canonical(content)}
    return pdf.sign_pdf(data, key, page=place.page, box=place.box, attachment=attachment)


@dataclass(frozen=True)
class SheetCheck:
    """A sheet that verified: who signed the PDF and what it shows; with a database, what it knows."""

    device: str
    fingerprint: str
    key_id: str
    content_hash: str
    summary: str
    inspection_id: str
    revision: int
    #: with a database: whether the key signed there, and the revision's standing
    key_known: bool | None = None
    standing: str | None = None  # "current", "superseded", "unknown"
    #: with a team certificate or a database: whose sheet it is as the team sees it
    team: team.Membership | None = None
    signed_at: str = ""


def verify_sheet(data: bytes, store: Store | None = None, team_file: TeamFile | None = None) -> SheetCheck:
    """Check a sheet PDF; ``pdf.SheetInvalid`` or ``qr.PayloadInvalid`` (one sentence) when it fails.

    With a team file (``TEAM.pem``) or a database, also whether an enrolled member of the
    team signed it, which device and inspector, or that the device was revoked (``team``).
    """
    signed = pdf.check_pdf(data, team.roots(store, team_file))
    payload = qr.check_payload(str(signed.attachment.get("qr", "")))
    if payload.fingerprint != signed.fingerprint:
        raise pdf.SheetInvalid(t("评分表数据与 PDF 签名不是同一把密钥签署的", "the sheet's data and the PDF signature are "
                                 "signed by different keys"))
    content = signed.attachment.get("content")
    if not isinstance(content, dict) or \
            hashlib.sha256(canonical.dumps(content)).hexdigest() != payload.content_hash:
        raise pdf.SheetInvalid(t("评分表数据与其签名的摘要不符:数据取自另一份评分表",
                                 "the sheet's data does not match its signed hash: it was taken from another sheet"))
    mark = "" if content.get("complete") else "暂计"
    expected = f"{content.get('assessee')} {mark}{content.get('total')}/{content.get('max')} {content.get('date')}"
    if expected != payload.summary:
        raise pdf.SheetInvalid(t("二维码的文字与评分表内容不符", "the QR code's line does not match the sheet"))
    check = SheetCheck(signed.device, signed.fingerprint, signed.key_id, payload.content_hash, payload.summary,
                       str(content.get("inspection_id")), int(content.get("revision") or 0),
                       signed_at=signed.signed_at)
    if store is not None or team_file is not None:
        check = replace(check, team=team.membership(signed.fingerprint, signed.certificate, signed.team_root, store,
                                                   team_file))
    return with_database(check, store) if store is not None else check


def with_database(check: SheetCheck, store: Store) -> SheetCheck:
    """What ``store`` knows of a verified sheet: the key, and whether its revision is still current."""
    key_known = bool(store.signatures.known_key(check.key_id))
    standing = "unknown"
    revision = store.signatures.find(check.content_hash)
    if revision is not None:
        current = store.signatures.current(revision.inspection_id)
        standing = "current" if current is not None and current.number == revision.number else "superseded"
    return replace(check, key_known=key_known, standing=standing)
