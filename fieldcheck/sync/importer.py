"""Importing bundles: verified whole first, the sender's key checked, then one transaction per bundle.

Photo files are written before the transaction, each to a temporary name, fsynced and
renamed to its content address: a failure afterwards leaves at worst an unreferenced file.
"""

from __future__ import annotations

import base64
import hashlib
import os
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.store import Store
from fieldcheck.store.events import EVENT_FIELDS
from fieldcheck.store.imports import ImportRecord
from fieldcheck.store.photofiles import TEMP_PREFIX, original_path
from fieldcheck.sync.bundle import (
    EVENTS,
    HOUSEHOLD_FIELDS,
    HOUSEHOLDS,
    PHOTO_FIELDS,
    PHOTOS,
    PLACE_FIELDS,
    PLACES,
    BundleError,
    Verified,
    lines,
    open_zip,
    verify,
)

Progress = Callable[[str, int, int], None]


class UnknownDevice(UserError):
    """A bundle from a device this database has not seen: a person must confirm its key first."""

    def __init__(self, verified: Verified):
        self.verified = verified
        super().__init__(t(
            f"同步包 {verified.path.name} 来自未知设备「{verified.device}」(密钥指纹 {verified.fingerprint[:16]});"
            "核对无误后用 --trust 导入",
            f"bundle {verified.path.name} comes from an unknown device '{verified.device}' (key fingerprint "
            f"{verified.fingerprint[:16]}); check it and import with --trust"))


@dataclass(frozen=True)
class Imported:
    """The report of one bundle: events new, already there, records updated, fields in conflict."""

    path: Path
    device: str
    new: int
    already: int
    updated: int
    conflicts: int
    photos: int


def check_device(store: Store, v: Verified, trust: bool) -> None:
    row = store.connection.execute("SELECT fingerprint FROM devices WHERE device = ?", (v.device,)).fetchone()
    if row is not None and row[0] != v.fingerprint:
        raise BundleError(t(
            f"同步包 {v.path.name} 自称来自设备「{v.device}」,但其密钥与本库记录的不同;已拒绝导入。"
            "如该设备确实重装过,请先确认并移除旧的设备记录",
            f"bundle {v.path.name} claims to be from device '{v.device}' but its key differs from the one this "
            "database knows; it was refused. If that laptop was really reinstalled, confirm and remove the old device first"))
    if row is None and not trust:
        raise UnknownDevice(v)


def import_bundle(store: Store, path: str | Path, *, trust: bool = False,
                  progress: Progress | None = None) -> Imported:
    """Verify a bundle, then import it in one transaction; BundleError/UnknownDevice with nothing changed."""
    path = Path(path)
    v = verify(path)
    check_device(store, v, trust)
    with open_zip(path) as zf:
        try:
            photos = _copy_photos(store, zf, v, progress)
            with store.transaction():
                return _apply(store, zf, v, photos, progress)
        except (zipfile.BadZipFile, EOFError):
            raise BundleError(t(f"同步包 {path.name} 在导入时读取失败,未导入任何内容",
                                f"bundle {path.name} could not be read while importing; nothing was imported")) from None


def _copy_photos(store: Store, zf: zipfile.ZipFile, v: Verified, progress: Progress | None) -> int:
    """Put the photo files this database lacks at their content address (checked again while copying)."""
    folder = store.photo_dir
    # content-addressed: a file already in place is this file (and a missing one is repaired)
    todo = [(sha, name) for sha, name in sorted(v.photos.items())
            if not original_path(folder, sha, name.rsplit(".", 1)[1]).exists()]
    for i, (sha, name) in enumerate(todo):
        final = original_path(folder, sha, name.rsplit(".", 1)[1])
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
        try:
            # its SHA-256 was checked by verify; zipfile checks the CRC-32 again as it reads
            with zf.open(name) as src, open(tmp, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            os.replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)
        if progress and i % 25 == 0:
            progress("photos", i, len(todo))
    if todo:  # one flush of all the new files before any row refers to them, not one fsync per file
        os.sync()
    return len(todo)


def _apply(store: Store, zf: zipfile.ZipFile, v: Verified, photos: int, progress: Progress | None) -> Imported:
    path = v.path
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for version, name in v.rubrics.items():
        store.inspections.add_snapshot(version, zf.read(name).decode("utf-8"), "bundle")
    store.places.add_records(list(lines(path, zf, PLACES, PLACE_FIELDS)))
    store.households.add_records(list(lines(path, zf, HOUSEHOLDS, HOUSEHOLD_FIELDS)))
    batch = []
    for row in lines(path, zf, PHOTOS, PHOTO_FIELDS):
        batch.append({**row, "thumbnail": base64.b64decode(row["thumbnail"])})
        if len(batch) >= 500:
            store.photos.add_files(batch, now)
            batch = []
    store.photos.add_files(batch, now)

    def events():
        for n, e in enumerate(lines(path, zf, EVENTS, EVENT_FIELDS[:9]), 1):
            e.setdefault("field", None)
            if progress and n % 5000 == 0:
                progress("events", n, v.events)
            yield e

    done = store.events.apply(events())
    # a bundle that brings nothing new moves nothing, not even "last seen"; a new device is remembered
    store.team.saw_device(v.device, v.fingerprint, str(v.manifest.get("public_key") or "") or None,
                          v.inspector, now, new_events=bool(done.new))
    inspections = {s[3] for s in done.slots if s[3]} | done.dirty
    conflicts = sum(1 for c in store.events.conflicts() if c["inspection"] in inspections)
    if progress:
        progress("events", v.events, v.events)
    store.imports.add(ImportRecord(path.name, _sha256(path), v.device, v.fingerprint, v.inspector, now,
                                   done.new, done.known, len(done.updated), conflicts, photos))
    return Imported(path, v.device, done.new, done.known, len(done.updated), conflicts, photos)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
