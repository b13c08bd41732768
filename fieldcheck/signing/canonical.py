"""The canonical SHA-256 of a score sheet: one byte string for everything the sheet shows.

``canonical_bytes`` is sorted, compact JSON (UTF-8, no ASCII escapes) of a ``SheetContent``:
every printed string, the answers, every photo by its SHA-256 and every signer with the
SHA-256 of their signature image and pen strokes. Where a photo's original is on disk is
left out (it is not shown); the bytes of the images are replaced by their hashes so the
hash is cheap and the JSON small enough to embed in the PDF.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from fieldcheck.signing.content import PhotoEntry, SheetContent, SheetRow, SignerEntry

FORMAT = "fieldcheck-sheet/1"


def canonical(content: SheetContent) -> dict[str, Any]:
    """The content as plain JSON data, images by their SHA-256."""
    data = asdict(content)
    for photo in data["photos"]:
        photo.pop("path", None)
    for signer in data["signers"]:
        image = signer.pop("image")
        signer["image_sha256"] = hashlib.sha256(image).hexdigest() if image else ""
    data["format"] = FORMAT
    return data


def canonical_bytes(content: SheetContent) -> bytes:
    return dumps(canonical(content))


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def content_hash(content: SheetContent) -> str:
    """The hex SHA-256 the signers sign and the QR code carries."""
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def from_canonical(data: dict[str, Any], images: dict[str, bytes],
                   photo_path: Callable[[str], Path | None]) -> SheetContent:
    """The content back from its canonical JSON (a signed revision's snapshot), so a reprint shows
    exactly what was signed; signature images come from ``images`` (by SHA-256) and the photos'
    originals from ``photo_path(sha256)``. KeyError or TypeError for data of another shape."""
    plain = {f.name: data[f.name] for f in fields(SheetContent) if f.name not in ("rows", "photos", "signers")}
    rows = [SheetRow(**row) for row in data["rows"]]
    photos = [PhotoEntry(**photo, path=photo_path(photo["sha256"])) for photo in data["photos"]]
    signers = []
    for signer in data["signers"]:
        signer = dict(signer)
        digest = signer.pop("image_sha256")
        signers.append(SignerEntry(**signer, image=images.get(digest) if digest else None))
    return SheetContent(**plain, rows=rows, photos=photos, signers=signers)
