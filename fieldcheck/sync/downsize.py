"""Smaller copies of photos for a bundle that must fit a small USB stick.

A downsized copy keeps the photo's identity (the original's hash, which the records refer
to) and travels under its own hash; the receiving laptop shows it until the original
arrives in a later bundle (docs/sync.md). EXIF (time, GPS, orientation) is kept.
"""

from __future__ import annotations

import io
from pathlib import Path

QUALITY = 85


def downsized(path: Path, max_px: int) -> bytes | None:
    """JPEG bytes of the photo at ``path`` fitting ``max_px`` on its longer side; None if it already fits."""
    from PIL import Image  # lazy: Pillow only when a bundle is downsized

    with Image.open(path) as img:
        if max(img.size) <= max_px:
            return None
        exif = img.info.get("exif")
        img.draft("RGB", (max_px, max_px))  # JPEG decodes at 1/2–1/8 scale: fast
        small = img.convert("RGB")
        small.thumbnail((max_px, max_px))
        out = io.BytesIO()
        small.save(out, "JPEG", quality=QUALITY, **({"exif": exif} if exif else {}))
    return out.getvalue()
