"""Smaller copies of photos for a bundle that must fit a small USB stick.

A downsized copy keeps the photo's identity (the original's hash, which the records refer
to) and travels under its own hash; the receiving laptop shows it until the original
arrives in a later bundle (docs/sync.md). Of the EXIF only what the app reads is kept (time,
GPS, orientation); the camera's make, model, serial number, owner and maker notes are not
copied: the copy is made to travel, and the rules need none of them.
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
        exif = _kept_exif(img.getexif())
        img.draft("RGB", (max_px, max_px))  # JPEG decodes at 1/2–1/8 scale: fast
        small = img.convert("RGB")
        small.thumbnail((max_px, max_px))
        out = io.BytesIO()
        small.save(out, "JPEG", quality=QUALITY, **({"exif": exif} if exif else {}))
    return out.getvalue()


#: the tags the app reads from a photo (photofiles: orientation, time, GPS)
_ORIENTATION, _DATETIME, _EXIF_IFD, _GPS_IFD = 0x0112, 0x0132, 0x8769, 0x8825
_TIMES = (0x9003, 0x9004, 0x9010, 0x9011)  # DateTimeOriginal, DateTimeDigitized and their time zones


def _kept_exif(exif) -> bytes:
    """The EXIF block of a downsized copy: orientation, time and GPS only (b"" when the photo has none)."""
    from PIL import Image  # lazy: Pillow only when a bundle is downsized

    kept = Image.Exif()
    for tag in (_ORIENTATION, _DATETIME):
        if tag in exif:
            kept[tag] = exif[tag]
    times = {tag: v for tag, v in exif.get_ifd(_EXIF_IFD).items() if tag in _TIMES}
    if times:
        kept.get_ifd(_EXIF_IFD).update(times)
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        kept.get_ifd(_GPS_IFD).update(gps)
    return kept.tobytes() if len(kept) or times or gps else b""
