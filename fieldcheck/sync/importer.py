"""Importing bundles: the sender's key checked, then one transaction per bundle, every line checked in it.

The small members are verified first; the photos are checked while copied to temporary
names, the events while applied. Only when every event has passed are the photos renamed
to their content address, flushed to disk, and the transaction committed: a refused
bundle leaves neither rows nor files, and a failure after the renames at worst an
unreferenced file.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import sqlite3
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.store import Store
from fieldcheck.store.database import StoreError
from fieldcheck.store.imports import ImportRecord
from fieldcheck.store.photofiles import TEMP_PREFIX, original_path
from fieldcheck.sync.bundle import (
    HOUSEHOLD_FIELDS,
    HOUSEHOLDS,
    PHOTO_FIELDS,
    PHOTOS,
    PLACE_FIELDS,
    PLACES,
    BundleError,
    Hashing,
    Verified,
    damaged,
    lines,
    open_zip,
    unreadable,
)
from fieldcheck.sync.checks import (
    Records,
    check_member,
    checked_events,
    damaged_bundle,
    read_signed,
    verify_all_but_events_and_photos,
)
from fieldcheck.sync.shapes import unstorable
from fieldcheck.sync.values import Refused

Progress = Callable[[str, int, int], None]
#: what SQLite says of a value (not of the disk): the bundle's fault, rolled back like any other
_REFUSED_VALUES = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError, sqlite3.DataError)
#: the WAL a merge lets grow before it is copied into the database (64 MB of 4 KiB pages): a checkpoint
#: every dozen bundles or so instead of after each (``Database.wal_checkpoints_past``)
MERGE_WAL_PAGES = 16384


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
    #: photos held only as a downsized copy after this import: the leader should know they are not the originals
    downsized: int = 0
    #: assignments (检查任务) that arrived with it: an inspector should know to look at "assigned to me"
    assigned: int = 0


def check_device(store: Store, v: Verified, trust: bool) -> None:
    row = store.connection.execute("SELECT fingerprint FROM devices WHERE device = ?", (v.device,)).fetchone()
    if row is not None and row[0] != v.fingerprint:
        raise BundleError(t(
            f"同步包 {v.path.name} 自称来自设备「{v.device}」,但其密钥与本库记录的不同;已拒绝导入。"
            "如该电脑确实重装过,请在它上面删除 FieldCheck 数据文件夹中的 device 文件并重新启动"
            "(它会得到新的设备名),再导出",
            f"bundle {v.path.name} claims to be from device '{v.device}' but its key differs from the one this "
            "database knows; it was refused. If that laptop was really set up again, delete the file 'device' in its "
            "FieldCheck data folder and start FieldCheck again there (it gets a new device name), then export again"))
    if row is None and not trust:
        raise UnknownDevice(v)


def import_bundle(store: Store, path: str | Path, *, trust: bool = False,
                  progress: Progress | None = None) -> Imported:
    """Verify a bundle, then import it in one transaction; BundleError/UnknownDevice with nothing changed.

    Every member is read once: the small ones by ``verify``, the photos while they are copied
    in, the events while they are applied (each checked before the transaction commits; a
    fault rolls it back and removes the copied photos). A file this database imported whole
    before (its SHA-256 in the import history) is not read again: it is noted, 0 new.
    """
    path = Path(path)
    try:
        return _import(store, path, trust, progress)
    except OSError as exc:  # the stick pulled out or failing mid-read, the disk full while photos are copied in
        raise unreadable(path, exc) from None


def _import(store: Store, path: Path, trust: bool, progress: Progress | None) -> Imported:
    v = read_signed(path)
    check_device(store, v, trust)
    digest = _sha256(path)
    if store.imports.has(digest) and _photos_in_place(store, v):
        return _again(store, v, digest)
    v, records = verify_all_but_events_and_photos(path)
    with open_zip(path) as zf:
        try:
            copied = _copy_photos(store, zf, v, progress)
            try:
                with store.db.wal_checkpoints_past(MERGE_WAL_PAGES), store.transaction():
                    done = _apply(store, zf, v, records, digest, len(copied), progress)
                    _place(copied)
                return done
            except (StoreError, OverflowError) as exc:  # a value the checks let through but SQLite refuses
                if isinstance(exc, OverflowError) or isinstance(exc.__cause__, _REFUSED_VALUES):
                    raise unstorable(path) from None
                raise  # the disk, the file: the store's own sentence says what to do
            finally:  # the renamed ones are gone already; a refused bundle's all remain
                _remove(copied)
        except (zipfile.BadZipFile, EOFError, *damaged()):
            raise BundleError(t(f"同步包 {path.name} 在导入时读取失败,未导入任何内容;请检查 U 盘后再导入一次",
                                f"bundle {path.name} could not be read while importing; nothing was imported; check "
                                "the USB stick and import it again")) from None


def _photos_in_place(store: Store, v: Verified) -> bool:
    return all(original_path(store.photo_dir, sha, name.rsplit(".", 1)[1]).exists() for sha, name in v.photos.items())


def _again(store: Store, v: Verified, digest: str) -> Imported:
    """A bundle imported whole before: every event of it is known, every record and photo here; only noted."""
    events = int(v.manifest.get("counts", {}).get("events") or 0)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction():
        store.team.saw_device(v.device, v.fingerprint, str(v.manifest.get("public_key") or "") or None,
                              v.inspector, now, new_events=False)
        store.imports.add(ImportRecord(v.path.name, digest, v.device, v.fingerprint, v.inspector, now,
                                       0, events, 0, 0, 0))
    return Imported(v.path, v.device, 0, events, 0, 0, 0)


def _copy_photos(store: Store, zf: zipfile.ZipFile, v: Verified,
                 progress: Progress | None) -> list[tuple[Path, Path]]:
    """Check every photo member against the manifest, copying those this database lacks to temporary
    files in the same pass; (temporary, final) of each copied one.

    Content-addressed: a file already in place is this file (and a missing one is repaired).
    The temporary files become their final names only once the events are applied (``_place``).
    """
    folder = store.photo_dir
    copied: list[tuple[Path, Path]] = []
    try:
        for i, (sha, name) in enumerate(sorted(v.photos.items())):
            final = original_path(folder, sha, name.rsplit(".", 1)[1])
            tmp = None if final.exists() else folder / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
            if tmp is not None:
                if not copied:
                    folder.mkdir(parents=True, exist_ok=True)
                copied.append((tmp, final))
            with zf.open(name) as src, (open(tmp, "wb") if tmp else contextlib.nullcontext()) as dst:
                reader = Hashing(src)  # the hash checked here is verify's; zipfile checks the CRC-32 too
                while chunk := reader.read(1 << 20):
                    if dst:
                        dst.write(chunk)
            check_member(v.path, v, name, reader)
            if progress and i % 25 == 0:
                progress("photos", i, len(v.photos))
    except (zipfile.BadZipFile, EOFError, *damaged()):
        _remove(copied)
        raise damaged_bundle(v.path) from None
    except BaseException:
        _remove(copied)
        raise
    return copied


def _remove(copied: list[tuple[Path, Path]]) -> None:
    for tmp, _ in copied:
        tmp.unlink(missing_ok=True)


def _place(copied: list[tuple[Path, Path]]) -> None:
    """The checked photo files at their content address, before the rows that refer to them commit."""
    for parent in {final.parent for _, final in copied}:
        if not parent.is_dir():  # a stat, where mkdir of a folder already there costs ten times as much
            parent.mkdir(parents=True, exist_ok=True)
    for tmp, final in copied:
        os.replace(tmp, final)
    if copied:  # one flush of the new files and names before the commit, not one fsync per file
        os.sync()


def _apply(store: Store, zf: zipfile.ZipFile, v: Verified, records: Records, digest: str, photos: int,
           progress: Progress | None) -> Imported:
    path = v.path
    now = datetime.now(UTC).isoformat(timespec="seconds")
    records.zf = zf
    for version, name in v.rubrics.items():
        try:  # parsed once, for the checks and the store alike
            parsed = records.rubric(version)
        except Refused:  # refused when an event names it (as verify does); not before, and never kept
            continue
        store.inspections.add_snapshot(version, zf.read(name).decode("utf-8"), "bundle", parsed)
    store.places.add_records(list(lines(path, zf, PLACES, PLACE_FIELDS)))
    store.households.add_records(list(lines(path, zf, HOUSEHOLDS, HOUSEHOLD_FIELDS)))
    batch, small = [], []
    for row in lines(path, zf, PHOTOS, PHOTO_FIELDS):
        if row.get("stored_sha256"):
            small.append(row["sha256"])
        batch.append({**row, "thumbnail": base64.b64decode(row["thumbnail"])})
        if len(batch) >= 500:
            store.photos.add_files(batch, now)
            batch = []
    store.photos.add_files(batch, now)
    downsized = store.photos.downsized(small)  # those whose original is not here already

    total = int(v.manifest.get("counts", {}).get("events") or 0)

    def events():
        for n, e in enumerate(checked_events(zf, v, records), 1):
            e.setdefault("field", None)
            if progress and n % 1000 == 0:
                progress("events", n, total)
            yield e

    done = store.events.apply(events())
    # a bundle that brings nothing new moves nothing, not even "last seen"; a new device is remembered
    store.team.saw_device(v.device, v.fingerprint, str(v.manifest.get("public_key") or "") or None,
                          v.inspector, now, new_events=bool(done.new))
    inspections = {s[3] for s in done.slots if s[3]} | done.dirty
    conflicts = store.events.count_conflicts(inspections)
    if progress:
        progress("events", v.events, v.events)
    updated = len(done.updated - done.created)  # records that were here before: one this bundle made is new
    store.imports.add(ImportRecord(path.name, digest, v.device, v.fingerprint, v.inspector, now,
                                   done.new, done.known, updated, conflicts, photos))
    assigned = sum(1 for entity, _ in done.created if entity == "assignment")
    return Imported(path, v.device, done.new, done.known, updated, conflicts, photos, downsized, assigned)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
