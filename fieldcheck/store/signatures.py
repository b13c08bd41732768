"""Signatures and revisions: signing locks an inspection, amending (修订) reopens it with a reason.

An inspection starts at revision 1. Signing records who signed (检查组成员, 检查组组长,
被检查单位负责人: name, time, pen strokes and a PNG of them) and the SHA-256 of everything
the score sheet shows (``signing.canonical`` computes it; the store only keeps it), and sets
the status to "signed", in one transaction. Amending needs a reason: the revision's
signatures are voided (kept, with who, when and why), the next revision opens as a draft,
and the audit log records it all. Nothing here is ever deleted.

Signatures and revisions are records of their own in the event log (``signature`` and
``revision`` creates carrying the whole row, strokes and image included; ``voided`` and
``amended`` field events), so that a signed inspection reaches the leader with its
signatures in a bundle (docs/sync.md).
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass, field
from typing import Any

from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError, dump, load
from fieldcheck.store.id_numbers import holds_id_number, mask_in_text
from fieldcheck.store.inspections import Inspections

#: who signs a score sheet, in the order the signature block shows them
ROLES = ("member", "leader", "representative")
ROLE_NAMES = {"member": ("检查组成员", "inspection team member"), "leader": ("检查组组长", "inspection team leader"),
              "representative": ("被检查单位负责人", "representative of the inspected unit")}
#: the names a person may type for a role on the command line, Chinese or English
ROLE_ALIASES = {"member": "member", "成员": "member", "检查组成员": "member", "leader": "leader", "组长": "leader",
                "检查组组长": "leader", "representative": "representative", "rep": "representative",
                "负责人": "representative", "被检查单位负责人": "representative"}

Stroke = list[tuple[float, float]]


def role_name(role: str) -> str:
    zh, en = ROLE_NAMES.get(role, (role, role))
    return t(zh, en)


@dataclass(frozen=True)
class SignerInput:
    """One person signing: what the sign dialog or ``--signer NAME:ROLE[:IMAGE.png]`` gives."""

    name: str
    role: str
    #: pen strokes, each a list of (x, y) points in the pad's coordinates (0–1 on both axes)
    strokes: list[Stroke] = field(default_factory=list)
    #: the signature drawn as a PNG; None leaves a blank line on the sheet for a pen signature
    image: bytes | None = None
    #: when they signed (UTC ISO 8601); None means now
    signed_at: str | None = None


@dataclass(frozen=True)
class Signature:
    id: str
    inspection_id: str
    revision: int
    position: int
    role: str
    name: str
    signed_at: str
    strokes: list[Stroke]
    image: bytes | None
    image_sha256: str | None
    voided_at: str | None = None
    voided_by: str | None = None
    void_reason: str | None = None
    device: str = ""

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


@dataclass(frozen=True)
class Revision:
    inspection_id: str
    number: int
    content_hash: str | None
    key_id: str | None
    signed_at: str | None
    signed_by: str | None
    amended_at: str | None = None
    amended_by: str | None = None
    amend_reason: str | None = None
    device: str = ""
    #: the canonical JSON of the sheet as signed (``signing.canonical``): reprints show exactly it
    content: str | None = field(default=None, repr=False)

    @property
    def signed(self) -> bool:
        return self.content_hash is not None


class Signatures:
    """Signing, amending and reading the revisions and signatures of inspections."""

    def __init__(self, db: Database, inspections: Inspections):
        self._db = db
        self._inspections = inspections

    _SIG_COLUMNS = ("id, inspection_id, revision, position, role, name, signed_at, strokes, image, image_sha256,"
                    " voided_at, voided_by, void_reason, device")
    _REV_COLUMNS = ("inspection_id, number, content_hash, key_id, signed_at, signed_by, amended_at, amended_by,"
                    " amend_reason, device, content")

    # -- reading -------------------------------------------------------------------------------------

    def revisions(self, inspection_id: str) -> list[Revision]:
        """Every revision that was signed or amended, oldest first (an open draft has no row yet)."""
        with self._db.lock:
            rows = self._db.conn.execute(f"SELECT {self._REV_COLUMNS} FROM revisions WHERE inspection_id = ?"
                                         " AND deleted = 0 ORDER BY number", (inspection_id,)).fetchall()
        return [Revision(*r) for r in rows]

    def revision(self, inspection_id: str) -> int:
        """The current revision number: 1, plus one per amendment."""
        with self._db.lock:
            row = self._db.conn.execute("SELECT number, amended_at FROM revisions WHERE inspection_id = ?"
                                        " AND deleted = 0 ORDER BY number DESC LIMIT 1", (inspection_id,)).fetchone()
        if row is None:
            return 1
        return row[0] + 1 if row[1] else row[0]

    def current(self, inspection_id: str) -> Revision | None:
        """The signed revision the inspection stands on, or None while it is a draft."""
        number = self.revision(inspection_id)
        for rev in self.revisions(inspection_id):
            if rev.number == number and rev.signed and rev.amended_at is None:
                return rev
        return None

    def find(self, content_hash: str) -> Revision | None:
        """The revision signed over ``content_hash`` (any inspection), or None."""
        with self._db.lock:
            row = self._db.conn.execute(f"SELECT {self._REV_COLUMNS} FROM revisions WHERE content_hash = ?",
                                        (content_hash,)).fetchone()
        return Revision(*row) if row else None

    def known_key(self, key_id: str) -> list[str]:
        """The devices this database saw sign with the key ``key_id`` (empty: an unknown key)."""
        with self._db.lock:
            rows = self._db.conn.execute("SELECT DISTINCT device FROM revisions WHERE key_id = ? ORDER BY device",
                                         (key_id,)).fetchall()
        return [r[0] for r in rows]

    def of(self, inspection_id: str, *, revision: int | None = None, include_voided: bool = True) -> list[Signature]:
        """The signatures of an inspection (of one revision), in revision then signature-block order."""
        sql = f"SELECT {self._SIG_COLUMNS} FROM signatures WHERE inspection_id = ? AND deleted = 0"
        params: list[Any] = [inspection_id]
        if revision is not None:
            sql += " AND revision = ?"
            params.append(revision)
        if not include_voided:
            sql += " AND voided_at IS NULL"
        with self._db.lock:
            rows = self._db.conn.execute(sql + " ORDER BY revision, position", params).fetchall()
        return [Signature(r[0], r[1], r[2], r[3], r[4], r[5], r[6], [[tuple(p) for p in s] for s in load(r[7])],
                          bytes(r[8]) if r[8] is not None else None, r[9], r[10], r[11], r[12], r[13])
                for r in rows]

    def active(self, inspection_id: str) -> list[Signature]:
        """The signatures standing on the current revision (none while it is a draft)."""
        if self.current(inspection_id) is None:
            return []
        return self.of(inspection_id, revision=self.revision(inspection_id), include_voided=False)

    # -- changing ------------------------------------------------------------------------------------

    def sign(self, inspection_id: str, signers: list[SignerInput], *, content_hash: str, key_id: str,
             content: str | None = None) -> Revision:
        """Record the signers of the current revision and lock the inspection, in one transaction.

        ``content_hash`` is the canonical SHA-256 of the sheet (``signing.canonical``) and
        ``content`` the canonical JSON it is the hash of, computed by the caller inside the
        same transaction. StoreError when the inspection is not an
        editable draft or a signer is unusable.
        """
        check_signers(signers)
        with self._db.transaction():
            self._inspections.require_editable(inspection_id)
            number = self.revision(inspection_id)
            hlc, at = self._db.stamp()
            for position, signer in enumerate(signers):
                signature_id = self._db.new_id()
                image_hash = hashlib.sha256(signer.image).hexdigest() if signer.image else None
                when = signer.signed_at or at
                self._db.conn.execute(
                    f"INSERT INTO signatures ({self._SIG_COLUMNS}, hlc, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?)",
                    (signature_id, inspection_id, number, position, signer.role, signer.name.strip(), when,
                     dump([[list(p) for p in s] for s in signer.strokes]), signer.image, image_hash,
                     self._db.device, hlc, at, at))
                self._db.record(hlc, at, "create", "signature", signature_id, inspection_id, None, None,
                                {"revision": number, "position": position, "role": signer.role,
                                 "name": signer.name.strip(), "signed_at": when, "image_sha256": image_hash,
                                 "strokes": [[list(p) for p in s] for s in signer.strokes],
                                 "image": base64.b64encode(signer.image).decode() if signer.image else None})
            revision_id = self._db.new_id()
            self._db.conn.execute(
                f"INSERT INTO revisions (id, {self._REV_COLUMNS}, hlc, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)",
                (revision_id, inspection_id, number, content_hash, key_id, at, self._db.user, self._db.device,
                 content, hlc, at, at))
            self._db.record(hlc, at, "create", "revision", revision_id, inspection_id, None, None,
                            {"number": number, "content_hash": content_hash, "key_id": key_id, "signed_at": at,
                             "signed_by": self._db.user, "content": content})
            self._db.record(hlc, at, "sign", "inspection", inspection_id, inspection_id, "revision", None,
                            {"revision": number, "content_hash": content_hash, "key_id": key_id,
                             "signers": [[s.role, s.name.strip()] for s in signers]})
            self._inspections.set_status(inspection_id, "signed", hlc, at)
        revision = self.current(inspection_id)
        assert revision is not None
        return revision

    def amend(self, inspection_id: str, reason: str) -> int:
        """修订: void the current revision's signatures, open the next revision as a draft; returns its number.

        StoreError without a reason, or when the inspection is not signed.
        """
        # a reason quoting a mistyped ID number ("户主身份证号 4304…录错") keeps it masked, as a note does
        reason = mask_in_text((reason or "").strip())
        if not reason:
            raise StoreError(t("修订需要说明原因,请填写修订原因", "an amendment needs a reason; give one"))
        with self._db.transaction():
            inspection = self._inspections.get(inspection_id)
            if inspection.deleted:
                raise StoreError(t("这份检查已删除,请先恢复", "this inspection is deleted; restore it first"))
            current = self.current(inspection_id)
            if inspection.status == "draft" or current is None:
                raise StoreError(t("这份检查还没有签字,是草稿,可直接修改", "this inspection is not signed; it is a draft "
                                                                  "and can be changed as it is"))
            hlc, at = self._db.stamp()
            for signature in self.of(inspection_id, revision=current.number, include_voided=False):
                self._db.conn.execute("UPDATE signatures SET voided_at = ?, voided_by = ?, void_reason = ?, hlc = ?,"
                                      " updated_at = ? WHERE id = ?",
                                      (at, self._db.user, reason, hlc, at, signature.id))
                self._db.record(hlc, at, "void", "signature", signature.id, inspection_id, "voided", None,
                                {"at": at, "by": self._db.user, "reason": reason})
            self._db.conn.execute("UPDATE revisions SET amended_at = ?, amended_by = ?, amend_reason = ?, hlc = ?,"
                                  " updated_at = ? WHERE inspection_id = ? AND number = ?",
                                  (at, self._db.user, reason, hlc, at, inspection_id, current.number))
            revision_id = self._db.conn.execute("SELECT id FROM revisions WHERE inspection_id = ? AND number = ?",
                                                (inspection_id, current.number)).fetchone()[0]
            self._db.record(hlc, at, "update", "revision", revision_id, inspection_id, "amended", None,
                            {"at": at, "by": self._db.user, "reason": reason})
            self._db.record(hlc, at, "amend", "inspection", inspection_id, inspection_id, "revision",
                            {"revision": current.number, "content_hash": current.content_hash},
                            {"revision": current.number + 1, "reason": reason})
            self._inspections.set_status(inspection_id, "draft", hlc, at)
        return current.number + 1


    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        """Signatures and revisions from another laptop, whole rows; those already here are kept."""
        conn = self._db.conn
        for e in events:
            n = e["new"]
            if entity == "signature":
                image = base64.b64decode(n["image"]) if n.get("image") else None
                conn.execute(
                    f"INSERT OR IGNORE INTO signatures ({self._SIG_COLUMNS}, hlc, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?)",
                    (e["entity_id"], e["inspection_id"], n["revision"], n.get("position", 0), n["role"], n["name"],
                     n["signed_at"], dump(n.get("strokes") or []), image, n.get("image_sha256"), e["device"],
                     e["hlc"], e["at"], e["at"]))
            else:
                conn.execute(
                    f"INSERT OR IGNORE INTO revisions (id, {self._REV_COLUMNS}, hlc, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?)",
                    (e["entity_id"], e["inspection_id"], n["number"], n.get("content_hash"), n.get("key_id"),
                     n.get("signed_at"), n.get("signed_by"), e["device"], n.get("content"), e["hlc"], e["at"],
                     e["at"]))

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        mark = value if isinstance(value, dict) else {}
        if entity == "signature" and field == "voided":
            self._db.conn.execute("UPDATE signatures SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?",
                                  (mark.get("at"), mark.get("by"), mark.get("reason"), entity_id))
        elif entity == "revision" and field == "amended":
            self._db.conn.execute("UPDATE revisions SET amended_at = ?, amended_by = ?, amend_reason = ? WHERE id = ?",
                                  (mark.get("at"), mark.get("by"), mark.get("reason"), entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        table = "signatures" if entity == "signature" else "revisions"
        return self._db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (entity_id,)).fetchone() is not None


def check_signers(signers: list[SignerInput]) -> None:
    """StoreError naming the first unusable signer: no name, an unknown role, no inspector at all."""
    if not signers:
        raise StoreError(t("请至少让一位检查组成员或组长签字", "at least one inspector or the team leader must sign"))
    for signer in signers:
        if signer.role not in ROLES:
            raise StoreError(t(f"签字人角色「{signer.role}」未知,可选:检查组成员、检查组组长、被检查单位负责人",
                               f"unknown signer role '{signer.role}'; expected member, leader or representative"))
        if not signer.name.strip():
            raise StoreError(t(f"请填写{role_name(signer.role)}的姓名", f"give the name of the {role_name(signer.role)}"))
        if holds_id_number(signer.name):  # a signed record travels and is printed: never a whole ID number
            raise StoreError(t(f"{role_name(signer.role)}的姓名中含有完整的身份证号;签字只需填写姓名,请删去身份证号",
                               f"the name of the {role_name(signer.role)} holds a whole ID number; a signature "
                               "needs only the name, so remove the number"))
    if not any(s.role in ("member", "leader") for s in signers):
        raise StoreError(t("请至少让一位检查组成员或组长签字", "at least one inspector or the team leader must sign"))
    for signer in signers:
        if signer.image is not None and not _whole_png(signer.image):
            # checked before signing locks the inspection: a signed inspection must always print its sheet
            raise StoreError(t(f"{signer.name.strip()}的签名图片已损坏或不是完整的 PNG 图片,无法印在评分表上;请重新签名",
                               f"the signature image of {signer.name.strip()} is damaged or not a whole PNG image and "
                               "cannot be printed on the sheet; sign again"))
    for role in ("leader", "representative"):
        if sum(1 for s in signers if s.role == role) > 1:
            raise StoreError(t(f"{role_name(role)}只能有一位", f"there can be only one {role_name(role)}"))


def _whole_png(data: bytes) -> bool:
    """Whether the bytes decode to the end as a PNG image, as the sheet will need them to."""
    from PIL import Image  # lazy: Pillow, only when someone signs

    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.format != "PNG":
                return False
            img.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):  # Pillow's ways to say damaged
        return False
    return True
