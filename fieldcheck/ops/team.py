"""The team certificate at work: make the team, enrol and revoke devices, sign with the chain, judge a sheet.

The leader's laptop holds the team key (``signing.team``); the database holds the team's
certificate, the enrolments and revocations (``store.team``), which travel in bundles. An
inspector's laptop that has received its own enrolment signs with it (``certified_key``).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from fieldcheck.i18n import t
from fieldcheck.signing import team as certs
from fieldcheck.signing.keys import DeviceKey, DeviceKeyError, public_key_from_bytes
from fieldcheck.store import Store, StoreError
from fieldcheck.store.clock import FIRST_EVENT
from fieldcheck.store.team import Enrolment, KnownDevice, TeamRecord


class NoTeam(StoreError):
    """The database has no team yet."""

    def __init__(self) -> None:
        super().__init__(t("此数据库还没有检查组;组长先用 fieldcheck team init 建立检查组",
                           "this database has no team yet; the leader makes one first with fieldcheck team init"))


def require_team(store: Store) -> TeamRecord:
    team = store.team.team()
    if team is None:
        raise NoTeam()
    return team


def _clock_right() -> None:
    """StoreError when this laptop's clock is plainly wrong: a certificate counts its years from it.

    Made on a laptop whose dead CMOS battery said 2001, the team's certificates ran out in 2011
    and 2021, and every sheet its devices signed was judged "not enrolled" on every laptop.
    """
    now = datetime.now(UTC)
    if now < FIRST_EVENT:
        raise StoreError(t(f"本机时钟显示 {now:%Y-%m-%d},检查组证书的有效期会从这一天算起,其他电脑会认为它已过期;"
                           "请先把本机的日期和时间调对",
                           f"this laptop's clock says {now:%Y-%m-%d}: the team's certificates would count from that "
                           "day and other laptops would take them as expired; set the date and time right first"))


def init_team(store: Store, name: str, folder: Path | None = None) -> TeamRecord:
    """Make the team key (in the key folder) and record the team's certificate in the database."""
    _clock_right()
    existing = store.team.team()
    if existing is not None:
        raise StoreError(t(f"此数据库已属于检查组「{existing.name}」;用 fieldcheck team export 导出其证书",
                           f"this database already has the team '{existing.name}'; export its certificate with "
                           "fieldcheck team export"))
    key = certs.TeamKey.create(name, folder)
    store.team.create_team(key.name, certs.pem(key.certificate), key.fingerprint)
    return require_team(store)


def team_key(store: Store, folder: Path | None = None) -> certs.TeamKey:
    """The team key of this database's team; StoreError when this laptop is not the one that made it."""
    team = require_team(store)
    key = certs.TeamKey.load(folder)
    if key is None or key.fingerprint != team.fingerprint:
        raise StoreError(t(f"这台电脑没有检查组「{team.name}」的密钥;请在建立检查组的组长电脑上操作",
                           f"this laptop does not hold the key of the team '{team.name}'; do this on the leader's "
                           "laptop that made the team"))
    return key


def enrol(store: Store, device: str, folder: Path | None = None, own_key: DeviceKey | None = None) -> Enrolment:
    """Certify a known device's signing key under the team; the enrolment goes out in the next bundle."""
    _clock_right()
    team = require_team(store)
    known = _known(store, device, own_key)
    if known.state == "enrolled":
        raise StoreError(t(f"设备「{device}」已加入检查组", f"device '{device}' is already enrolled"))
    if known.state == "revoked":
        raise StoreError(t(f"设备「{device}」的这把密钥已被吊销,不能再加入;该电脑须换新密钥",
                           f"device '{device}' had this key revoked; it cannot be enrolled again without a new key"))
    if own_key is not None and device == store.device:
        public = own_key.public_key
    else:
        if not known.public_key:
            raise StoreError(t(f"此数据库没有设备「{device}」的公钥;请再导入一次该设备的同步包",
                               f"this database lacks the public key of device '{device}'; import a bundle from it again"))
        try:
            public = public_key_from_bytes(base64.b64decode(known.public_key))
        except (ValueError, DeviceKeyError):
            raise StoreError(t(f"设备「{device}」记录的公钥无法读取;请再导入一次该设备的同步包",
                               f"the recorded key of device '{device}' cannot be read; import a bundle from it again")) from None
    if certs.fingerprint(public) != known.fingerprint:
        raise StoreError(t(f"设备「{device}」的公钥与其指纹不符;请再导入一次该设备的同步包",
                           f"the key of device '{device}' does not match its fingerprint; import a bundle from it again"))
    key = team_key(store, folder)
    cert = key.certify(device, public, known.inspector)
    return store.team.enrol(team.id, device, known.fingerprint, known.inspector, certs.pem(cert),
                            certs.pem(key.certificate), str(cert.serial_number))


def revoke(store: Store, device: str, reason: str = "", folder: Path | None = None) -> Enrolment:
    """Revoke a device's enrolment: recorded, sent out in bundles, shown on later verifications."""
    require_team(store)
    team_key(store, folder)  # only the leader who made the team revokes
    known = store.team.device(device)
    if known.enrolment is None or known.state != "enrolled":
        raise StoreError(t(f"设备「{device}」没有加入检查组,无需吊销", f"device '{device}' is not enrolled; there is "
                           "nothing to revoke"))
    return store.team.revoke(known.enrolment.id, reason.strip())


def _known(store: Store, device: str, own_key: DeviceKey | None) -> KnownDevice:
    if own_key is not None and device == store.device:
        know_self(store, own_key)
    return store.team.device(device)


def know_self(store: Store, key: DeviceKey, inspector: str | None = None) -> None:
    """List this laptop among the known devices (it is, once it exports): the leader may enrol their own."""
    if not any(d.name == store.device for d in store.team.devices()):
        at = datetime.now(UTC).isoformat(timespec="seconds")  # as the bundle importer writes it
        with store.transaction():
            store.team.saw_device(store.device, key.fingerprint, base64.b64encode(key.public_der).decode(),
                                  inspector, at, new_events=False)


def team_pem(store: Store, folder: Path | None = None) -> bytes:
    """``TEAM.pem``: the team certificate, and the revocations signed by the team key when this laptop has it."""
    team = require_team(store)
    cert = certs.load_certificate(team.certificate)
    try:
        key = team_key(store, folder)
    except StoreError:
        return certs.team_file(cert)
    revoked = [(e.serial, e.revoked_at or "") for e in store.team.enrolments() if e.team_id == team.id and e.revoked]
    return certs.team_file(cert, key.revocation_list(revoked) if revoked else None)


def certified_key(store: Store, key: DeviceKey) -> DeviceKey:
    """``key`` with the team's certificate for it and the chain, once the team enrolled it; else as it is."""
    enrolment = store.team.enrolment_of(key.fingerprint)
    if enrolment is None or enrolment.revoked:
        return key
    try:
        cert = certs.load_certificate(enrolment.certificate)
        root = certs.load_certificate(enrolment.team_certificate)
    except certs.TeamError:
        return key
    if not certs.issued_by(cert, root) or cert.public_key() != key.public_key:
        return key
    return replace(key, certificate=cert, chain=(root,))


@dataclass(frozen=True)
class Membership:
    """Whose sheet it is, as the team sees it: a structured answer, rendered by the caller."""

    #: "enrolled" (by a team given or known), "revoked", or "not-enrolled"
    state: str
    team: str | None = None
    device: str | None = None
    inspector: str | None = None
    revoked_at: str | None = None
    revoke_reason: str | None = None
    #: whether the sheet carries the team's certificate chain (else the database vouches for the key)
    chained: bool = False


def roots(store: Store | None, team_file: certs.TeamFile | None) -> tuple:
    """The team certificates a sheet may chain to: the file's, and every team the database knows."""
    out = [team_file.certificate] if team_file is not None else []
    if store is not None:
        for team in store.team.teams():
            cert = certs.load_certificate(team.certificate)
            if all(certs.certificate_fingerprint(c) != team.fingerprint for c in out):
                out.append(cert)
    return tuple(out)


def membership(fingerprint: str, certificate, team_root, store: Store | None,
               team_file: certs.TeamFile | None) -> Membership:
    """Judge a verified sheet's signer: chained to a team root, enrolled or revoked in the database or TEAM.pem."""
    enrolment = store.team.enrolment_of(fingerprint) if store is not None else None
    chained = team_root is not None
    team = certs.team_name(team_root) if chained else None
    device = certs.common_name(certificate) if chained else None
    inspector = certs.inspector_of(certificate) if chained else None
    if enrolment is not None:
        device, inspector = device or enrolment.member, inspector or enrolment.inspector
        team = team or certs.team_name(certs.load_certificate(enrolment.team_certificate))
        if enrolment.revoked:
            return Membership("revoked", team, device, inspector, enrolment.revoked_at, enrolment.revoke_reason or None,
                              chained)
    if chained and team_file is not None and team_root == team_file.certificate \
            and certificate.serial_number in team_file.revoked:
        return Membership("revoked", team, device, inspector, team_file.revoked[certificate.serial_number], None, True)
    if chained or enrolment is not None:
        return Membership("enrolled", team, str(device), inspector, chained=chained)
    return Membership("not-enrolled")
