"""The import history: every bundle imported into this database, with its hash, sender and counts (schema 8)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from fieldcheck.store.database import Database


@dataclass(frozen=True)
class ImportRecord:
    """One bundle imported: the file, its SHA-256, who sent it, when, and what it brought."""

    file_name: str
    sha256: str
    device: str
    fingerprint: str
    inspector: str | None
    at: str
    new: int
    already: int
    updated: int
    conflicts: int
    photos: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Imports:
    """Writes a row per imported bundle (inside the import's transaction) and reads them back."""

    _COLUMNS = "file_name, sha256, device, fingerprint, inspector, at, new, already, updated, conflicts, photos"

    def __init__(self, db: Database):
        self._db = db

    def add(self, record: ImportRecord) -> None:
        """Note one imported bundle, inside the caller's transaction (the import's own)."""
        self._db.conn.execute(f"INSERT INTO imports ({self._COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              tuple(record.as_dict().values()))

    def has(self, sha256: str) -> bool:
        """Whether a file with this SHA-256 was imported here (whole: each import is one transaction)."""
        with self._db.lock:
            return self._db.conn.execute("SELECT 1 FROM imports WHERE sha256 = ? LIMIT 1", (sha256,)).fetchone() is not None

    def history(self) -> list[ImportRecord]:
        """Every bundle imported here, newest first."""
        with self._db.lock:
            rows = self._db.conn.execute(f"SELECT {self._COLUMNS} FROM imports ORDER BY id DESC").fetchall()
        return [ImportRecord(*r) for r in rows]
