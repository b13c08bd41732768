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
from dataclasses import asdict
from typing import Any

from fieldcheck.signing.content import SheetContent

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
