"""The team: its certificate, the devices it enrolled and revoked, and the devices this database knows.

The leader's laptop makes the team (``ops.team``); the team's certificate and every
enrolment travel in bundles as events like any record (docs/sync.md, trust): a ``team``
create, an ``enrolment`` create carrying the device's certificate and the team's, and a
revocation, the enrolment's field ``revoked``. The store keeps certificates as PEM text and
never parses them: the cryptography is in ``signing.team``, one layer up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError
from fieldcheck.store.id_numbers import mask_in_text


@dataclass(frozen=True)
class TeamRecord:
    id: str
    name: str
    certificate: str  # PEM
    fingerprint: str
    device: str
    created_at: str


@dataclass(frozen=True)
class Enrolment:
    id: str
    team_id: str
    member: str  # the device enrolled
    fingerprint: str  # of the device's signing key
    inspector: str | None
    certificate: str  # the device's certificate, PEM, issued by the team
    team_certificate: str  # the team's certificate, PEM: with the above, the chain a sheet carries
    serial: str
    enrolled_at: str
    enrolled_on: str  # the device the leader enrolled it on
    revoked_at: str | None = None
    revoked_by: str | None = None
    revoke_reason: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


@dataclass(frozen=True)
class KnownDevice:
    """A device as the devices view shows it: who, which key, when seen, and its standing in the team."""

    name: str
    fingerprint: str
    public_key: str | None  # base64 DER, from its bundles' manifests
    inspector: str | None
    first_seen: str
    last_seen: str
    #: "enrolled", "revoked" or "unknown" (not enrolled by any team this database knows)
    state: str
    enrolment: Enrolment | None


_ENROLMENT_COLUMNS = ("id, team_id, member, fingerprint, inspector, certificate, team_certificate, serial, created_at,"
                      " device, revoked_at, revoked_by, revoke_reason")


class Team:
    """The store part for teams, enrolments and the known devices."""

    def __init__(self, db: Database):
        self._db = db

    # -- reading -------------------------------------------------------------------------------------

    def teams(self) -> list[TeamRecord]:
        """Every team this database knows, the oldest first (a leader's laptop has made the first)."""
        with self._db.lock:
            rows = self._db.conn.execute("SELECT id, name, certificate, fingerprint, device, created_at FROM teams"
                                         " WHERE deleted = 0 ORDER BY hlc, id").fetchall()
        return [TeamRecord(*r) for r in rows]

    def team(self) -> TeamRecord | None:
        """The team this database works for: the first it knew of, or None."""
        teams = self.teams()
        return teams[0] if teams else None

    def enrolments(self) -> list[Enrolment]:
        """Every enrolment, revoked ones included, oldest first."""
        with self._db.lock:
            rows = self._db.conn.execute(f"SELECT {_ENROLMENT_COLUMNS} FROM enrolments WHERE deleted = 0"
                                         " ORDER BY created_at, id").fetchall()
        return [Enrolment(*r) for r in rows]

    def enrolment_of(self, fingerprint: str) -> Enrolment | None:
        """The enrolment of a signing key: a standing one if there is one, else the latest revoked one."""
        found = [e for e in self.enrolments() if e.fingerprint == fingerprint]
        standing = [e for e in found if not e.revoked]
        chosen = standing or found
        return chosen[-1] if chosen else None

    def devices(self) -> list[KnownDevice]:
        """Every device this database knows (it imported a bundle from it, or it is this one), by name."""
        with self._db.lock:
            rows = self._db.conn.execute("SELECT device, fingerprint, public_key, inspector, first_seen, last_seen"
                                         " FROM devices ORDER BY device").fetchall()
        out = []
        for name, fingerprint, public_key, inspector, first, last in rows:
            enrolment = self.enrolment_of(fingerprint)
            state = "unknown" if enrolment is None else "revoked" if enrolment.revoked else "enrolled"
            out.append(KnownDevice(name, fingerprint, public_key, inspector or (enrolment.inspector if enrolment else None),
                                   first, last, state, enrolment))
        return out

    def device(self, name: str) -> KnownDevice:
        """One known device; StoreError naming the known ones when there is no such device."""
        devices = self.devices()
        for d in devices:
            if d.name == name:
                return d
        known = "、".join(d.name for d in devices) or t("无", "none")
        raise StoreError(t(f"此数据库不认识设备「{name}」(已知:{known});请先导入该设备的同步包",
                           f"this database does not know a device '{name}' (known: {known}); import a bundle from "
                           "that laptop first"))

    # -- changing ------------------------------------------------------------------------------------

    def create_team(self, name: str, certificate: str, fingerprint: str) -> str:
        """Record the team made on this laptop; StoreError when this database already has one."""
        with self._db.transaction():
            existing = self.team()
            if existing is not None:
                raise StoreError(t(f"此数据库已属于检查组「{existing.name}」;用 fieldcheck team list 查看",
                                   f"this database already has the team '{existing.name}'; see fieldcheck team list"))
            team_id = self._db.new_id()
            hlc, at = self._db.stamp()
            self._db.conn.execute("INSERT INTO teams (id, name, certificate, fingerprint, device, hlc, created_at,"
                                  " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  (team_id, name, certificate, fingerprint, self._db.device, hlc, at, at))
            self._db.record(hlc, at, "create", "team", team_id, None, None, None,
                            {"name": name, "certificate": certificate, "fingerprint": fingerprint})
        return team_id

    def enrol(self, team_id: str, member: str, fingerprint: str, inspector: str | None, certificate: str,
              team_certificate: str, serial: str) -> Enrolment:
        """Record a device's certificate issued by the team, as an event that travels to that device."""
        with self._db.transaction():
            enrolment_id = self._db.new_id()
            hlc, at = self._db.stamp()
            new = {"team_id": team_id, "member": member, "fingerprint": fingerprint, "inspector": inspector,
                   "certificate": certificate, "team_certificate": team_certificate, "serial": serial}
            self._insert(enrolment_id, new, self._db.device, hlc, at)
            self._db.record(hlc, at, "create", "enrolment", enrolment_id, None, None, None, new)
        found = self.enrolment(enrolment_id)
        assert found is not None
        return found

    def revoke(self, enrolment_id: str, reason: str) -> Enrolment:
        """Revoke an enrolment: recorded, travels, and shown on every later verification."""
        with self._db.transaction():
            hlc, at = self._db.stamp()
            mark = {"at": at, "by": self._db.user, "reason": mask_in_text(reason or "")}  # it travels: kept masked
            self.apply_field("enrolment", enrolment_id, "revoked", mark, hlc, at)
            self._db.record(hlc, at, "update", "enrolment", enrolment_id, None, "revoked", None, mark)
        found = self.enrolment(enrolment_id)
        assert found is not None
        return found

    def enrolment(self, enrolment_id: str) -> Enrolment | None:
        with self._db.lock:
            row = self._db.conn.execute(f"SELECT {_ENROLMENT_COLUMNS} FROM enrolments WHERE id = ?",
                                        (enrolment_id,)).fetchone()
        return Enrolment(*row) if row else None

    def _insert(self, enrolment_id: str, n: dict[str, Any], device: str, hlc: str, at: str) -> None:
        self._db.conn.execute(
            "INSERT OR IGNORE INTO enrolments (id, team_id, member, fingerprint, inspector, certificate,"
            " team_certificate, serial, device, hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (enrolment_id, n["team_id"], n["member"], n["fingerprint"], n.get("inspector"), n["certificate"],
             n["team_certificate"], str(n["serial"]), device, hlc, at, at))

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        """Teams and enrolments made on the leader's laptop; those already here are kept."""
        for e in events:
            n = e["new"]
            if entity == "team":
                self._db.conn.execute(
                    "INSERT OR IGNORE INTO teams (id, name, certificate, fingerprint, device, hlc, created_at,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (e["entity_id"], n["name"], n["certificate"], n["fingerprint"], e["device"], e["hlc"], e["at"],
                     e["at"]))
            else:
                self._insert(e["entity_id"], n, e["device"], e["hlc"], e["at"])

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if entity == "enrolment" and field == "revoked":
            mark = value if isinstance(value, dict) else {}
            self._db.conn.execute("UPDATE enrolments SET revoked_at = ?, revoked_by = ?, revoke_reason = ?"
                                  " WHERE id = ?", (mark.get("at"), mark.get("by"), mark.get("reason"), entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        table = "teams" if entity == "team" else "enrolments"
        return self._db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (entity_id,)).fetchone() is not None

    # -- the devices this database knows (written by the bundle importer and exporter) ---------------

    def saw_device(self, name: str, fingerprint: str, public_key: str | None, inspector: str | None, at: str,
                   *, new_events: bool) -> None:
        """A bundle from ``name`` was imported (or this laptop exported one): remember it, inside the caller's transaction.

        A bundle that brought nothing new moves neither "last seen" nor the inspector; a device
        seen for the first time, or whose key this database lacked, is written all the same.
        """
        conn = self._db.conn
        conn.execute("INSERT INTO devices (device, fingerprint, first_seen, last_seen, public_key, inspector)"
                     " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET public_key = excluded.public_key"
                     " WHERE devices.public_key IS NULL AND excluded.public_key IS NOT NULL",  # else no write
                     (name, fingerprint, at, at, public_key, inspector or None))
        if new_events:
            conn.execute("UPDATE devices SET last_seen = ?, inspector = coalesce(?, inspector) WHERE device = ?",
                         (at, inspector or None, name))
