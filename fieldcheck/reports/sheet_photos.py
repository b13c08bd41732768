"""The sheet's evidence appendix: every photo numbered, shrunk for print, with its finding and hash.

Photos are downscaled for print (JPEG draft decoding, 640 px on the long side: 190 dpi at
the 84 mm they print); 12 MP originals would make the sheet 70 MB.
"""

from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fieldcheck.reports.sheet_style import FONT, MM, p
from fieldcheck.signing.content import PhotoEntry
from fieldcheck.store.photofiles import PRINT_PIXELS, print_copy_name

PHOTO_PIXELS = PRINT_PIXELS  # store/photofiles.py makes this copy when a photo is added


def print_image(path: Path | None, pixels: int = PHOTO_PIXELS, cache: Path | None = None) -> tuple[bytes, int, int] | None:
    """A photo shrunk for print (JPEG, at most ``pixels`` on its long side, EXIF rotation applied).

    Decoding a 12 MP original costs 100–150 ms even at 1/4 scale, so with ``cache`` (a folder)
    the shrunk copy is kept there under the original's name (its SHA-256, so it never goes
    stale) and later sheets of the same photo read it instead.
    """
    from PIL import Image, ImageOps  # lazy: Pillow

    if path is None:
        return None
    cached = cache / print_copy_name(path.stem, pixels) if cache is not None else None
    if cached is not None and cached.is_file():
        try:
            data = cached.read_bytes()
            with Image.open(io.BytesIO(data)) as img:
                return data, img.width, img.height
        except OSError:
            pass  # a damaged cache entry is made again
    try:
        with Image.open(path) as original:
            img = original
            # JPEG draft decoding scales by 1/2–1/8 while decoding: ask for the smallest scale that
            # still gives ``pixels`` on the long side, whichever way the photo lies
            long_side = max(img.size) or 1
            img.draft("RGB", (img.size[0] * pixels // long_side, img.size[1] * pixels // long_side))
            img = ImageOps.exif_transpose(img).convert("RGB")  # type: ignore[assignment]
            img.thumbnail((pixels, pixels))
            out = io.BytesIO()
            img.save(out, "JPEG", quality=65)
            data, size = out.getvalue(), (img.width, img.height)
    except OSError:
        return None
    if cache is not None and cached is not None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f".tmp-{cached.name}")
            tmp.write_bytes(data)
            os.replace(tmp, cached)
        except OSError:
            pass  # no cache: the next sheet decodes the original again
    return data, *size


def downsized(photo: PhotoEntry) -> bool:
    """Whether what this laptop holds of the photo is a downsized copy from a bundle for a small stick: the
    store gives the copy's own address, named by the copy's hash, until the original arrives. The sheet
    says so, since the printed hash is the original's and the image is not."""
    return photo.path is not None and photo.path.stem != photo.sha256


def appendix(photos: list[PhotoEntry], styles, cache: Path | None) -> list:
    from reportlab.lib import colors  # lazy: reportlab
    from reportlab.platypus import Image, Table, TableStyle  # lazy: reportlab

    with ThreadPoolExecutor(max_workers=2) as pool:  # decoding releases the GIL; two cores halve the wait
        shrunk = list(pool.map(lambda photo: print_image(photo.path, cache=cache), photos))
    cells: list = []
    for photo, image in zip(photos, shrunk):
        parts: list = []
        if image is not None:
            data, w, h = image
            scale = min(84 * MM / w, 62 * MM / h)
            parts.append(Image(io.BytesIO(data), width=w * scale, height=h * scale))
        else:
            parts.append(p("(照片原件缺失)", styles["body"]))
        parts.append(p(f"照片 {photo.number}:{photo.item}\n发现:{photo.finding}\n农户:{photo.household}"
                        f"    拍摄:{photo.taken_at}\nGPS:{photo.gps}    SHA-256:{photo.sha256[:16]}…"
                        + ("\n(缩小的副本:原件尚未传到本机;SHA-256 为原件的)" if downsized(photo) else ""),
                        styles["small"]))
        cells.append(parts)
    if len(cells) % 2:
        cells.append("")
    rows = [cells[k:k + 2] for k in range(0, len(cells), 2)]
    story = [p("附件:照片证据", styles["h2"])]
    story.append(Table(rows, colWidths=[90 * MM, 90 * MM], repeatRows=0,
                       style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("BOX", (0, 0), (-1, -1), 0.3, colors.grey),
                                         ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])))
    return story
