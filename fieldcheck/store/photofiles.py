"""Photo evidence: read and check an image, take its EXIF time and GPS, make a thumbnail, store it.

Originals are kept byte for byte, named by their SHA-256 (the same photo added twice is
stored once). A file is written to a temporary name in the photo folder, fsynced and
renamed into place before any database row refers to it, so a power cut can leave at
worst an unreferenced file, never a referenced half-written one.

Thumbnails use JPEG draft decoding (the decoder scales by 1/2–1/8 while decoding), so a
12 MP phone photo costs a few tens of ms, not a full decode. Decoding still reads every
byte of the image data, which is how a truncated JPEG is caught.
"""

from __future__ import annotations

import io
import os
import time
from datetime import datetime
from pathlib import Path

from fieldcheck.errors import UserError
from fieldcheck.file_errors import reason
from fieldcheck.i18n import t
from fieldcheck.output import stale
from fieldcheck.store.id_numbers import mask_in_text
from fieldcheck.store.lazy_dataclass import lazy_dataclass

THUMBNAIL_SIZE = 256
#: the copy a score sheet prints (640 px on the long side: 190 dpi at the 84 mm it prints),
#: made when the photo is added so that the first sheet need not decode 12 MP originals
PRINT_PIXELS = 640
PRINT_FOLDER = "print"
TEMP_PREFIX = ".tmp-"
_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "TIFF": "tif", "BMP": "bmp", "GIF": "gif", "MPO": "jpg"}


class PhotoError(UserError, ValueError):
    """A file that cannot be evidence; the message says what is wrong and what to do."""


@lazy_dataclass(frozen=True)
class Ingested:
    data: bytes
    sha256: str
    ext: str
    width: int
    height: int
    taken_at: str | None
    lat: float | None
    lon: float | None
    thumbnail: bytes
    original_name: str
    #: the print copy (JPEG, at most PRINT_PIXELS on its long side, upright)
    print_copy: bytes = b""


def read_source(source: str | Path | bytes) -> tuple[bytes, str]:
    """The bytes and the file name of a photo given as a path or as bytes."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), ""
    else:
        path = Path(source)
        name = mask_in_text(path.name)  # a photo named by the household's ID number (430421….jpg) is kept masked
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise PhotoError(t(f"找不到照片文件 {path},请检查路径", f"photo file not found: {path}; check the path")) from None
        except IsADirectoryError:
            raise PhotoError(t(f"{path} 是文件夹,不是照片文件", f"{path} is a folder, not a photo file")) from None
        except OSError as exc:
            raise PhotoError(t(f"无法读取照片 {path}:{reason(exc)}", f"cannot read photo {path}: {reason(exc)}")) from None
    if not data:
        label = name or t("照片", "the photo")
        raise PhotoError(t(f"{label} 是空文件(0 字节),请重新拷贝照片", f"{label} is empty (0 bytes); copy the photo again"))
    return data, name


def ingest(source: str | Path | bytes) -> Ingested:
    """Check a photo and gather what the store keeps about it; PhotoError when it is not a usable image."""
    import hashlib  # lazy: photos only; hashlib loads OpenSSL (3 ms of every start)

    from PIL import Image, ImageOps, UnidentifiedImageError  # lazy: Pillow, only when a photo is added

    data, name = read_source(source)
    label = name or t("照片", "the photo")
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format or ""
            if fmt not in _FORMATS:
                raise PhotoError(t(f"{label} 的格式 {fmt} 不支持,请使用 JPEG 或 PNG 照片",
                                   f"{label} is in format {fmt}, which is not supported; use JPEG or PNG"))
            exif = img.getexif()
            width, height = img.size
            orientation = exif.get(0x0112, 1)
            if orientation in (5, 6, 7, 8):
                width, height = height, width
            taken_at, lat, lon = _exif_time_gps(exif)
            if fmt in ("JPEG", "MPO"):  # decode at the smallest scale that still gives the print copy
                long_side = max(img.size) or 1
                img.draft("RGB", (img.size[0] * PRINT_PIXELS // long_side, img.size[1] * PRINT_PIXELS // long_side))
            img.load()  # decodes all image data: a truncated file fails here
            upright = ImageOps.exif_transpose(img) if orientation != 1 else img
            if upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            shown = upright.copy()
            shown.thumbnail((PRINT_PIXELS, PRINT_PIXELS))
            printed = io.BytesIO()
            shown.convert("RGB").save(printed, "JPEG", quality=65)
            shown.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
            out = io.BytesIO()
            shown.save(out, "JPEG", quality=82)
    except PhotoError:
        raise
    except UnidentifiedImageError:
        raise PhotoError(t(f"{label} 不是图片文件,请选择照片(JPEG 或 PNG)",
                           f"{label} is not an image; choose a photo (JPEG or PNG)")) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoError(t(f"{label} 已损坏或不完整,请从相机或手机重新拷贝",
                           f"{label} is damaged or incomplete; copy it again from the camera or phone")) from exc
    return Ingested(data, hashlib.sha256(data).hexdigest(), _FORMATS[fmt], width, height, taken_at, lat, lon,
                    out.getvalue(), name, printed.getvalue())


def _exif_time_gps(exif) -> tuple[str | None, float | None, float | None]:
    """DateTimeOriginal (as ISO text, camera local time) and GPS latitude/longitude in degrees."""
    taken = None
    try:
        sub = exif.get_ifd(0x8769)
        raw = sub.get(0x9003) or sub.get(0x9004) or exif.get(0x0132)
        if isinstance(raw, bytes):
            raw = raw.decode("ascii", "replace")
        if raw:
            taken = datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S").isoformat()
    except (ValueError, KeyError, TypeError, AttributeError):
        taken = None
    lat = lon = None
    try:
        gps = exif.get_ifd(0x8825)
        if gps and 2 in gps and 4 in gps:
            lat = _degrees(gps[2], gps.get(1, "N"), "S")
            lon = _degrees(gps[4], gps.get(3, "E"), "W")
    except (ValueError, KeyError, TypeError, ZeroDivisionError, AttributeError):
        lat = lon = None
    return taken, lat, lon


def _degrees(dms, ref, negative: str) -> float:
    d, m, s = (float(x) for x in dms)
    value = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if str(ref).strip("\x00 ").upper() == negative:
        value = -value
    if not -180 <= value <= 180:
        raise ValueError("GPS out of range")
    return round(value, 7)


def original_path(folder: Path, sha256: str, ext: str) -> Path:
    return folder / sha256[:2] / f"{sha256}.{ext}"


def write_original(folder: Path, photo: Ingested) -> Path:
    """Put the original bytes at their content address, durably; a file already there is kept."""
    final = original_path(folder, photo.sha256, photo.ext)
    if final.exists() and _sha256_file(final) == photo.sha256:
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder / f"{TEMP_PREFIX}{os.urandom(16).hex()}"
    with open(tmp, "wb") as fh:
        fh.write(photo.data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    _fsync_dir(final.parent)
    return final


def print_copy_name(sha256: str, pixels: int = PRINT_PIXELS) -> str:
    """A print copy's file name: the original's SHA-256, so it never goes stale, and its size."""
    return f"{sha256}-{pixels}.jpg"


def print_copy_path(folder: Path, sha256: str, pixels: int = PRINT_PIXELS) -> Path:
    """Where a photo's print copy is kept, in the photo folder."""
    return folder / PRINT_FOLDER / print_copy_name(sha256, pixels)


def write_print_copy(folder: Path, photo: Ingested) -> None:
    """Keep the print copy beside the originals. A cache: when it cannot be written, the sheet makes it."""
    if not photo.print_copy:
        return
    final = print_copy_path(folder, photo.sha256)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f"{TEMP_PREFIX}{os.urandom(16).hex()}")
        tmp.write_bytes(photo.print_copy)
        os.replace(tmp, final)
    except OSError:
        pass


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sha256_file(path: Path) -> str:
    import hashlib  # lazy: photos only; hashlib loads OpenSSL (3 ms of every start)

    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


sha256_file = _sha256_file


def remove_temps(folder: Path) -> int:
    """Delete temporary files a crash left in the photo folder and its print copies'; return how many.

    Only stale ones (``output.stale``): a bundle import keeps its copies as temporary files while it
    applies the events, and another process opening the same database (a command while the window
    imports) removed them under it, so the import failed.
    """
    removed = 0
    now = time.time()
    for place in (folder, folder / PRINT_FOLDER):
        try:
            # os.listdir, not glob: a glob compiles its pattern into a regular expression at every start
            names = [n for n in os.listdir(place) if n.startswith(TEMP_PREFIX)]
        except OSError:  # no such folder (yet)
            continue
        for name in names:
            try:
                if stale(place / name, now):
                    os.unlink(place / name)
                    removed += 1
            except OSError:
                pass
    return removed
