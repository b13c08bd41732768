"""Writing a bundle: everything, or what is new since the last export to the same folder (docs/sync.md).

The bundle is self-contained: besides the new events it carries the create events of every
record they touch, the rubric snapshots, places, households and photo files they need.
It is written to a temporary name beside the target and renamed when complete, so a
pulled-out USB stick leaves no half bundle under the real name.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fieldcheck import __version__
from fieldcheck.i18n import t
from fieldcheck.output import check, flush_folder, writing
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.store import Store, holds_id_number
from fieldcheck.store.events import ACTIONS, CREATE_ORDER
from fieldcheck.store.photofiles import original_path
from fieldcheck.sync.bundle import EVENTS, FORMAT, HOUSEHOLDS, MANIFEST, PHOTOS, PLACES, SIGNATURE, BundleError
from fieldcheck.sync.downsize import downsized

Progress = Callable[[int, int], None]
Select = Callable[[dict[str, Any]], bool]


@dataclass(frozen=True)
class Exported:
    path: Path
    events: int
    photos: int
    incremental: bool


def _line(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


#: every member's time in the zip, whatever the laptop's clock says: a zip cannot hold a time before 1980,
#: and a laptop whose dead CMOS battery said 1970 could not export at all (a traceback)
MEMBER_TIME = (2026, 1, 1, 0, 0, 0)


class _Writer:
    """Writes zip members while recording each one's SHA-256 and size for the manifest."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.members: dict[str, dict[str, Any]] = {}

    def write(self, name: str, chunks: Iterable[bytes], stored: bool = False) -> None:
        digest, size = hashlib.sha256(), 0
        info = zipfile.ZipInfo(name, date_time=MEMBER_TIME)
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with self.zf.open(info, "w", force_zip64=True) as out:
            buf = bytearray()
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                buf += chunk
                if len(buf) >= 1 << 20:
                    out.write(buf)
                    buf.clear()
            out.write(buf)
        self.members[name] = {"sha256": digest.hexdigest(), "size": size}


def destination_key(path: Path) -> str:
    return str(path.expanduser().resolve().parent)


def export_bundle(store: Store, out: str | Path, *, everything: bool = False, key_folder: Path | None = None,
                  progress: Progress | None = None, max_photo_px: int | None = None,
                  inspector: str | None = None, select: Select | None = None) -> Exported | None:
    """Write a bundle to ``out``; None when nothing is new since the last export to that folder.

    ``max_photo_px`` downsizes photos larger than that (longer side) to fit a small stick;
    the manifest says so, and the originals can follow in a later ``everything`` bundle.
    ``inspector`` (the settings' identity) is written into the manifest: the leader's
    devices view shows who works on which laptop.
    ``select`` keeps only the events it accepts (with the creates they need), from the
    whole log: such a bundle (one inspector's, ``sync.assigned``) is always complete for
    what it selects and leaves the folder's incremental mark alone.
    """
    if holds_id_number(inspector or ""):  # the name is written into the manifest and the leader's devices
        raise BundleError(t("导出人的姓名中含有完整的身份证号;这里只填姓名,请删去身份证号",
                            "the exporting person's name holds a whole ID number; give only the name and remove the number"))
    out = check(out, make_folder=True)  # before the key is made or anything read: a bad name costs nothing
    if out.suffix != ".fcbundle":
        out = check(out.with_name(out.name + ".fcbundle"), make_folder=True)
    key = DeviceKey.load_or_create(store.device, key_folder)
    conn = store.connection
    dest = destination_key(out)
    with store.db.lock:
        row = conn.execute("SELECT last_seq FROM sync_exports WHERE destination = ?", (dest,)).fetchone()
        incremental = row is not None and not everything and select is None
        since = row[0] if incremental else 0
        top = store.events.last_seq()
        if incremental and top <= since:
            return None

        def chosen():
            # only the actions a bundle carries: a sample's draw ("sample") is this laptop's own record,
            # and an importer refuses a bundle with an action it does not know
            return (e for _, e in store.events.since(since)
                    if e["action"] in ACTIONS and (select is None or select(e)))

        # pass 1: which records the new events touch, and the rubric versions they publish
        records: set[str] = set()
        versions: set[str] = set()
        for e in chosen():
            if e["entity"] == "rubric" and e["field"] == "version" and isinstance(e["new"], str):
                versions.add(e["new"])
            if e["entity"] == "mark":
                records.add(e["inspection_id"])
            else:
                records.add(e["entity_id"])
                if e["inspection_id"]:
                    records.add(e["inspection_id"])
        creates: dict[str, dict[str, Any]] = {}
        wanted = set(records)
        while wanted:  # a photo needs its finding, a finding its inspection
            found = list(store.events.creates_of(sorted(wanted - set(creates))))
            wanted = set()
            for e in found:
                creates[e["entity_id"]] = e
                n = e["new"] or {}
                parent = n.get("finding_id") if e["entity"] == "photo" else \
                    n.get("team_id") if e["entity"] == "enrolment" else None
                for ref in (parent, e["inspection_id"], n.get("inspection_id") if e["entity"] == "assignment" else None):
                    if ref and ref not in creates:
                        wanted.add(ref)
            wanted -= set(creates)
        places, households, hashes = set(), set(), set()
        for e in creates.values():
            n = e["new"] or {}
            if e["entity"] == "inspection":
                versions.add(n["rubric_version"])
                if n.get("assessee_id"):
                    places.add(n["assessee_id"])
            elif e["entity"] == "finding" and n.get("household_id"):
                households.add(n["household_id"])
            elif e["entity"] == "photo":
                hashes.add(n["sha256"])
            elif e["entity"] == "place":
                places.add(e["entity_id"])
            elif e["entity"] == "household":
                households.add(e["entity_id"])
            elif e["entity"] == "assignment":
                places.add(n["assessee_id"])
        household_rows = store.households.records(households)
        places.update(h["village_id"] for h in household_rows)
        place_rows = store.places.records(places)
        photo_rows = store.photos.files(sorted(hashes))
        snapshots = {v: store.inspections.snapshot(v) or store.rubrics.text(v) or "" for v in sorted(versions)}

        def context(e: dict[str, Any]) -> bool:
            """A create the bundle carries for what it needs, not among the events it sends."""
            return not _is_new(e, since, conn) or (select is not None and not select(e))

        events_total = sum(1 for _ in chosen()) + sum(1 for e in creates.values() if context(e))
        with writing(out, make_folder=True) as tmp:
            with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
                w = _Writer(zf)
                done = 0

                def events():
                    nonlocal done
                    written = set()
                    for e in sorted(creates.values(), key=lambda e: (CREATE_ORDER.index(e["entity"]), e["hlc"], e["id"])):
                        if context(e):
                            written.add(e["id"])
                            done += 1
                            yield _line(e)
                    for e in chosen():
                        if e["id"] not in written:
                            done += 1
                            if progress and done % 5000 == 0:
                                progress(done, events_total + len(photo_rows))
                            yield _line(e)

                w.write(EVENTS, events())
                for version, text in snapshots.items():
                    w.write(f"rubrics/{version}.yaml", [text.encode()])
                w.write(PLACES, (_line(p) for p in place_rows))
                w.write(HOUSEHOLDS, (_line(h) for h in household_rows))
                downsized_any = False
                for i, p in enumerate(photo_rows):  # files first: a downsized copy gets its own hash
                    small = None
                    if p["stored_sha256"]:  # this laptop itself holds only a downsized copy
                        source = original_path(store.photo_dir, p["stored_sha256"], p["stored_ext"])
                        downsized_any = True
                    else:
                        source = original_path(store.photo_dir, p["sha256"], p["ext"])
                        small = downsized(source, max_photo_px) if max_photo_px else None
                    if small is not None:
                        p["stored_sha256"], p["stored_ext"] = hashlib.sha256(small).hexdigest(), "jpg"
                        downsized_any = True
                        w.write(f"photos/{p['stored_sha256']}.jpg", [small], stored=True)
                    else:
                        name = f"{p['stored_sha256']}.{p['stored_ext']}" if p["stored_sha256"] else \
                            f"{p['sha256']}.{p['ext']}"
                        w.write(f"photos/{name}", _chunks(source), stored=True)
                    if progress and i % 50 == 0:
                        progress(events_total + i, events_total + len(photo_rows))
                w.write(PHOTOS, (_line({**{k: v for k, v in p.items() if v is not None or k in ("sha256",)},
                                        "thumbnail": base64.b64encode(p["thumbnail"]).decode()})
                                 for p in photo_rows))
                manifest = {
                    "format": FORMAT, "app": f"FieldCheck {__version__}", "device": store.device,
                    "public_key": base64.b64encode(key.public_der).decode(), "fingerprint": key.fingerprint,
                    "created": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
                    "incremental": incremental, "photos_downsized": downsized_any,
                    "counts": {"events": events_total, "rubrics": len(snapshots), "places": len(place_rows),
                               "households": len(household_rows), "photos": len(photo_rows)},
                    "members": w.members,
                }
                # who exported: the settings' identity (never the computer's login name, which the
                # store's user falls back to and which names nobody on the team)
                person = (inspector or "").strip()
                if person:
                    manifest["inspector"] = person
                raw = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
                zf.writestr(zipfile.ZipInfo(MANIFEST, date_time=MEMBER_TIME), raw)
                zf.writestr(zipfile.ZipInfo(SIGNATURE, date_time=MEMBER_TIME), key.sign(raw))
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        # the bundle's name on the stick too, before the folder's mark moves past its events: a stick
        # pulled out just after could hold no bundle while the next export sent only what is newer
        flush_folder(out)
        with store.transaction():
            if select is None:
                conn.execute("INSERT INTO sync_exports (destination, last_seq, at) VALUES (?, ?, ?)"
                             " ON CONFLICT (destination) DO UPDATE SET last_seq = excluded.last_seq, at = excluded.at",
                             (dest, top, manifest["created"]))
            store.team.saw_device(store.device, key.fingerprint, base64.b64encode(key.public_der).decode(),
                                  person or None, datetime.now(UTC).isoformat(timespec="seconds"), new_events=True)
        if progress:
            progress(events_total + len(photo_rows), events_total + len(photo_rows))
        return Exported(out, events_total, len(photo_rows), incremental)


def _is_new(e: dict[str, Any], since: int, conn) -> bool:
    if since == 0:
        return True
    row = conn.execute("SELECT seq FROM audit WHERE id = ?", (e["id"],)).fetchone()
    return row is not None and row[0] > since


def _chunks(path: Path):
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                yield chunk
    except FileNotFoundError:
        raise BundleError(t(f"照片文件 {path.name} 不见了,无法导出;请从备份恢复照片文件夹",
                            f"photo file {path.name} is missing and cannot be exported; restore the photo folder "
                            "from a backup")) from None

