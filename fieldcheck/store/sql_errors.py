"""Why SQLite refused, said in the user's language.

SQLite's messages are English ("database or disk is full", "attempt to write a readonly
database"): inside a Chinese sentence they read as a crash, and they do not say what to do.
Each error carries its result code, so the reason is chosen by code; an unphrased one
keeps only its short name (``SQLITE_IOERR_FSYNC``), something a helper can look up.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from fieldcheck.i18n import t

# primary result codes (https://sqlite.org/rescode.html); the extended code's low byte is its primary
_PERM, _BUSY, _LOCKED, _NOMEM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3, 5, 6, 7, 8, 10, 11, 13, 14, 26)


def _primary(exc: sqlite3.Error) -> int:
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def damaged(exc: BaseException) -> bool:
    """True for SQLite's words for a damaged file: a page it cannot parse, or text in it that is not UTF-8."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    # the decoding error is Python's, with no SQLite code: a damaged byte in a text column
    return _primary(exc) in (_CORRUPT, _NOTADB) or str(exc).startswith("Could not decode to UTF-8")


#: less free space than this on the database's disk, and an I/O error is the disk being full
LOW_SPACE = 1 << 20


def disk_full(path: str | Path) -> bool:
    """True when the disk holding ``path`` has (almost) no room left; False when that cannot be told."""
    try:
        return shutil.disk_usage(Path(path).parent).free < LOW_SPACE
    except OSError:  # the folder is gone (a pulled stick): not a full disk
        return False


def reason(exc: sqlite3.Error, path: str | Path | None = None) -> str:
    """A few words for a sentence that already says what failed: "磁盘已满" / "the disk is full".

    ``path``, the database file: SQLite reports a full disk as a plain I/O error when it is
    the shared-memory file that cannot grow (opening a WAL database), so that is told by the
    space left on the disk.
    """
    code = _primary(exc)
    if code == _FULL or (code == _IOERR and path is not None and disk_full(path)):
        return t("磁盘已满;请腾出空间后再试", "the disk is full; free some space and try again")
    if code in (_READONLY, _PERM):
        return t("数据库文件或其所在磁盘只能读、不能写;请检查文件权限,或把数据复制到可写的位置",
                 "the database file or its disk can be read but not written; check its permissions "
                 "or copy the data to a place that can be written")
    if code in (_BUSY, _LOCKED):
        return t("数据库正被其他程序使用;请关闭它后重试", "the database is in use by another program; close it and try again")
    if code == _IOERR:
        return t("磁盘读写出错;请检查 U 盘或磁盘是否已拔出或损坏",
                 "the disk could not be read or written; check that the USB stick or disk is still in and sound")
    if code in (_CORRUPT, _NOTADB):
        return t("文件已损坏或不是数据库;请从备份恢复", "the file is damaged or not a database; restore a backup")
    if code == _CANTOPEN:
        return t("无法打开文件:文件夹不存在或没有权限", "the file cannot be opened: its folder is missing or not allowed")
    if code == _NOMEM:
        return t("内存不足;请关闭其他程序后重试", "out of memory; close other programs and try again")
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return t(f"数据库错误 {name}", f"database error {name}")
