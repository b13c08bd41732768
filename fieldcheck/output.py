"""A file a command writes for a person (a workbook, a PDF, a rubric, a bundle): checked, then written whole.

``check`` refuses, before any work is done, a destination nothing can be written to: no
name, a folder, a device or a pipe (renaming onto ``/dev/full`` would replace the device
with a file), a folder that does not exist. A command writing several files checks them
all first, so a bad second name never leaves the first written alone.

``writing`` gives a temporary file beside the destination and renames it into place when
the block succeeds; on any failure the temporary file is removed and the destination is
as it was, so a reader never finds half a file. A process killed meanwhile leaves its
temporary file: the next file of that kind written to the folder removes it.
"""

from __future__ import annotations

import errno
import io
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from fieldcheck.errors import UserError
from fieldcheck.file_errors import cannot_write, is_a_folder, no_folder
from fieldcheck.i18n import t


class OutputError(UserError):
    """The output file cannot be written; nothing was."""


def check(path: str | Path, *, make_folder: bool = False) -> Path:
    """``path`` as a Path a file can be written to, or OutputError in one sentence.

    ``make_folder`` creates a missing folder (a bundle's folder on a USB stick) instead of
    refusing it.
    """
    text = os.fspath(path)
    if not text.strip():
        raise OutputError(t("输出文件名是空的;请给出文件名", "the output file name is empty; give a file name"))
    out = Path(text)
    if text.endswith(("/", os.sep)) or out.name in ("", ".", ".."):
        raise OutputError(is_a_folder(text))
    try:
        mode = os.stat(out).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    except OSError as exc:
        raise OutputError(cannot_write(out, exc)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(is_a_folder(out))
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(t(f"无法写入 {out}:它不是普通文件(而是设备或管道);请给出文件名",
                            f"cannot write {out}: it is not a regular file (a device or a pipe); give a file name"))
    folder = out.parent
    if not folder.is_dir():
        if folder.exists() or not make_folder:
            raise OutputError(no_folder(out, folder) if not folder.exists() else
                              t(f"无法写入 {out}:{folder} 是文件而不是文件夹;请换一个文件夹",
                                f"cannot write {out}: {folder} is a file, not a folder; choose another folder"))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(no_folder(out, folder) if isinstance(exc, (FileNotFoundError, NotADirectoryError))
                              else cannot_write(out, exc)) from None
    if not os.access(folder, os.W_OK):
        raise OutputError(cannot_write(out, OSError(errno.EROFS, "") if _read_only(folder) else PermissionError()))
    return out


#: a temporary file untouched this long was left by a writer that died (killed, the power cut, the lid
#: shut for good): a live one writes to it all the time
STALE_SECONDS = 600


def stale(path: Path, now: float, seconds: float = STALE_SECONDS) -> bool:
    """Whether ``path`` was not written for ``seconds``, either way: a file stamped by a clock that said 2038
    is as stale as one from yesterday. OSError when it cannot be looked at."""
    return abs(now - path.stat().st_mtime) > seconds


def remove_stale(folder: Path, pattern: str, *, seconds: float = STALE_SECONDS) -> None:
    """Remove the files in ``folder`` that match ``pattern`` and are ``stale``."""
    now = time.time()
    try:
        found = list(folder.glob(pattern))
    except OSError:
        return
    for path in found:
        with suppress(OSError):
            if stale(path, now, seconds):
                path.unlink()


def _read_only(folder: Path) -> bool:
    """True when the disk holding ``folder`` is read-only (a stick with its lock switch on), not just the folder."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


@contextmanager
def writing(path: str | Path, *, make_folder: bool = False) -> Iterator[Path]:
    """``with writing(out) as tmp:`` write ``tmp``; it becomes ``out`` when the block ends without error.

    An OSError inside (the disk full, the folder gone) is an OutputError; the temporary
    file never outlives the block.
    """
    out = check(path, make_folder=make_folder)
    if out.suffix:  # what a killed write of such a file left (a bundle's on a USB stick) goes now
        remove_stale(out.parent, f".*{out.suffix}.{'?' * 8}.tmp")
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        raise OutputError(cannot_write(out, exc)) from None
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)


def flush_folder(path: str | Path) -> None:
    """Make the renames in the folder of ``path`` durable (a USB stick pulled right after); OutputError when
    that fails. Where a folder cannot be opened to be flushed (Windows), nothing is done."""
    out = Path(path)
    try:
        fd = os.open(out.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        raise OutputError(cannot_write(out, exc)) from None
    finally:
        os.close(fd)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` whole or not at all; return the path written."""
    with writing(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` whole or not at all; return the path written."""
    with writing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def write_built(path: str | Path, build: Callable[[io.BytesIO], object]) -> Path:
    """Write to ``path``, whole or not at all, what ``build`` writes into a buffer; return the path.

    For a library that writes a zip itself (openpyxl): a full disk left its zip half-written
    and open, and closing it when collected printed a traceback after the one sentence.
    """
    now = time.localtime(time.time())  # as zipfile reads the clock
    if now.tm_year < 1980:  # the zip's member times come from the clock, and a zip cannot hold one before 1980
        day = time.strftime("%Y-%m-%d", now)
        raise OutputError(t(f"无法写入 {path}:本机时钟显示 {day},这种文件不能记录 1980 年以前的时间;请先把本机的日期和时间调对",
                            f"cannot write {path}: this laptop's clock says {day}, and this kind of file cannot "
                            "record a time before 1980; set the date and time right first"))
    buffer = io.BytesIO()
    build(buffer)
    return write_bytes(path, buffer.getvalue())
