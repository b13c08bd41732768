"""Photos as evidence of a finding: content-addressed originals, thumbnails and EXIF (see ``photos``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldcheck.file_errors import reason
from fieldcheck.i18n import t
from fieldcheck.store import photofiles as photo_files
from fieldcheck.store.database import Database, StoreError, rows_in
from fieldcheck.store.findings import Findings
from fieldcheck.store.records import Photo


class Photos:
    """Photos attached to findings: the rows here, the files beside the database."""

    def __init__(self, db: Database, findings: Findings):
        self._db = db
        self._findings = findings

    def add(self, finding_id: str, source: str | Path | bytes) -> Photo:
        """Attach a photo to a finding as evidence. The same photo twice is stored once.

        StoreError, with nothing changed, for a missing, empty, truncated or non-image file.
        """
        with self._db.lock:
            self._findings.live(finding_id)  # refuse before the work of decoding
        try:
            ingested = photo_files.ingest(source)
        except photo_files.PhotoError as exc:
            raise StoreError(str(exc)) from None
        self._db.photo_dir.mkdir(parents=True, exist_ok=True)
        try:
            photo_files.write_original(self._db.photo_dir, ingested)
            photo_files.write_print_copy(self._db.photo_dir, ingested)
        except OSError as exc:
            raise StoreError(t(f"无法保存照片:{reason(exc)}", f"cannot save the photo: {reason(exc)}")) from None
        with self._db.transaction():
            finding, _ = self._findings.live(finding_id)
            hlc, at = self._db.stamp()
            self._db.conn.execute(
                "INSERT OR IGNORE INTO photo_files (sha256, ext, size, width, height, taken_at, lat, lon, thumbnail,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ingested.sha256, ingested.ext, len(ingested.data), ingested.width, ingested.height,
                 ingested.taken_at, ingested.lat, ingested.lon, ingested.thumbnail, at))
            existing = self._db.conn.execute("SELECT id, deleted FROM photos WHERE finding_id = ? AND sha256 = ?",
                                          (finding_id, ingested.sha256)).fetchone()
            if existing is not None:
                if existing[1]:
                    self._db.set_deleted("photos", "photo", existing[0], finding.inspection_id, False)
                photo_id = existing[0]
            else:
                photo_id = self._db.new_id()
                self._db.conn.execute(
                    "INSERT INTO photos (id, finding_id, sha256, original_name, device, hlc, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (photo_id, finding_id, ingested.sha256, ingested.original_name, self._db.device, hlc, at, at))
                self._db.record(hlc, at, "create", "photo", photo_id, finding.inspection_id, None, None,
                            {"finding_id": finding_id, "sha256": ingested.sha256,
                             "original_name": ingested.original_name})
            return self.get(photo_id)

    _PHOTO_SQL = ("SELECT p.id, p.sha256, f.width, f.height, f.taken_at, f.lat, f.lon, p.original_name, p.finding_id,"
                  " f.size, f.stored_sha256 IS NOT NULL FROM photos p JOIN photo_files f ON f.sha256 = p.sha256")

    def get(self, photo_id: str) -> Photo:
        r = self._db.conn.execute(self._PHOTO_SQL + " WHERE p.id = ?", (photo_id,)).fetchone()
        if r is None:
            raise StoreError(t(f"找不到照片 {photo_id}", f"no photo with id {photo_id}"))
        return Photo(*r)

    def _photo_rows(self, finding_id: str) -> list[Photo]:
        rows = self._db.conn.execute(self._PHOTO_SQL + " WHERE p.finding_id = ? AND p.deleted = 0"
                                  " ORDER BY p.created_at, p.rowid", (finding_id,)).fetchall()
        return [Photo(*r) for r in rows]

    def of(self, finding_id: str) -> list[Photo]:
        """The live photos of a finding, in the order they were attached."""
        with self._db.lock:
            return self._photo_rows(finding_id)

    def path(self, sha256: str) -> Path:
        """Where the original bytes of a photo are, unchanged."""
        with self._db.lock:
            row = self._db.conn.execute("SELECT ext, stored_sha256, stored_ext FROM photo_files WHERE sha256 = ?",
                                        (sha256,)).fetchone()
        if row is None:
            raise StoreError(t(f"找不到照片 {sha256[:12]}", f"no photo {sha256[:12]}"))
        if row[1]:  # only a downsized copy has arrived so far
            return photo_files.original_path(self._db.photo_dir, row[1], row[2])
        return photo_files.original_path(self._db.photo_dir, sha256, row[0])

    def thumbnail(self, sha256: str) -> bytes:
        """A JPEG of at most 256 px, EXIF orientation applied."""
        with self._db.lock:
            row = self._db.conn.execute("SELECT thumbnail FROM photo_files WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise StoreError(t(f"找不到照片 {sha256[:12]}", f"no photo {sha256[:12]}"))
        return bytes(row[0])

    def remove(self, finding_id: str, photo_id: str) -> None:
        """Detach a photo from a finding (a tombstone: the file stays for the audit log and undo)."""
        self._photo_deleted(finding_id, photo_id, True)

    def restore(self, finding_id: str, photo_id: str) -> None:
        self._photo_deleted(finding_id, photo_id, False)

    def _photo_deleted(self, finding_id: str, photo_id: str, deleted: bool) -> None:
        with self._db.transaction():
            finding, _ = self._findings.live(finding_id)
            row = self._db.conn.execute("SELECT finding_id FROM photos WHERE id = ?", (photo_id,)).fetchone()
            if row is None or row[0] != finding_id:
                raise StoreError(t(f"这条发现记录没有照片 {photo_id}", f"this finding has no photo {photo_id}"))
            self._db.set_deleted("photos", "photo", photo_id, finding.inspection_id, deleted)

    def copy(self, from_finding: str, to_finding: str, inspection_id: str) -> None:
        """Attach a finding's live photos to another finding too (duplicating an inspection)."""
        with self._db.transaction():
            hlc, at = self._db.stamp()
            for p in self._photo_rows(from_finding):
                photo_id = self._db.new_id()
                self._db.conn.execute(
                    "INSERT INTO photos (id, finding_id, sha256, original_name, device, hlc, created_at,"
                    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (photo_id, to_finding, p.sha256, p.original_name, self._db.device, hlc, at, at))
                self._db.record(hlc, at, "create", "photo", photo_id, inspection_id, None, None,
                                {"finding_id": to_finding, "sha256": p.sha256})

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        """Photo links made on another laptop (their files were added with ``add_files``)."""
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO photos (id, finding_id, sha256, original_name, device, hlc, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e["entity_id"], e["new"]["finding_id"], e["new"]["sha256"], e["new"].get("original_name") or "",
              e["device"], e["hlc"], e["at"], e["at"]) for e in events])

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if field == "deleted":
            self._db.conn.execute("UPDATE photos SET deleted = ?, hlc = max(hlc, ?) WHERE id = ?",
                                  (int(bool(value)), hlc, entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM photos WHERE id = ?", (entity_id,)).fetchone() is not None

    FILE_FIELDS = ("sha256", "ext", "size", "width", "height", "taken_at", "lat", "lon", "thumbnail", "stored_sha256",
                   "stored_ext")

    def files(self, hashes: list[str]) -> list[dict[str, Any]]:
        """The stored facts of these photo files (not their bytes), for a bundle."""
        return [dict(zip(self.FILE_FIELDS, r)) for r in rows_in(
            self._db.conn, f"SELECT {', '.join(self.FILE_FIELDS)} FROM photo_files WHERE sha256 IN ({{ids}})"
            " ORDER BY sha256", hashes)]

    def downsized(self, hashes: list[str]) -> int:
        """How many of these photo files are held only as a downsized copy so far."""
        return sum(1 for _ in rows_in(self._db.conn, "SELECT 1 FROM photo_files WHERE sha256 IN ({ids})"
                                      " AND stored_sha256 IS NOT NULL", hashes))

    def add_files(self, rows: list[dict[str, Any]], at: str) -> None:
        """Photo files from a bundle whose bytes are already in the photo folder.

        A row with ``stored_sha256`` is a downsized copy; the original, when it arrives,
        takes its place (so every laptop ends with the best copy it has been given).
        """
        self._db.conn.executemany(
            "INSERT INTO photo_files (sha256, ext, size, width, height, taken_at, lat, lon, thumbnail, created_at,"
            " stored_sha256, stored_ext) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO UPDATE"
            " SET stored_sha256 = NULL, stored_ext = NULL"
            " WHERE excluded.stored_sha256 IS NULL AND photo_files.stored_sha256 IS NOT NULL",
            [(r["sha256"], r["ext"], r["size"], r["width"], r["height"], r.get("taken_at"), r.get("lat"), r.get("lon"),
              r["thumbnail"], at, r.get("stored_sha256"), r.get("stored_ext")) for r in rows])
