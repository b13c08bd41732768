"""Rotating backups with SQLite's online backup API: a consistent copy even while the store is open.

Backups go to ``<db stem>-backups/`` beside the database, named by UTC time, and only the
newest ``keep`` are kept. The store takes one on close and one a day (on open when the
newest is older than a day; the window, once it shows, with ``take_detached`` on a pool
thread), each only when the database was written since the newest
backup: a copy of unchanged data adds nothing and would push an older, different one out,
and copying a county of 10,000 inspections (400 MB) took seconds at every close. Photos are
not copied: their files are content-addressed and never deleted, so every backup's
references stay valid.

"Written since" is read from file times, not from what this program did, so a write by
another program or a session that ended in a power cut counts too: a backup file carries,
as its modification time, the last write time of the database files when it was taken.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fieldcheck.file_errors import reason
from fieldcheck.i18n import t
from fieldcheck.output import remove_stale
from fieldcheck.store.database import StoreError
from fieldcheck.store.sql_errors import reason as sql_reason

KEEP = 10
DAY = timedelta(days=1)
PARTIAL_STALE_SECONDS = 60
_STAMP = re.compile(r"-(\d{8}T\d{6}\d{6}Z)")


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}-backups")


def backups(db_path: Path) -> list[Path]:
    """Existing backups, oldest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    # os.listdir, not glob: a glob compiles its pattern into a regular expression at every start
    prefix = f"{db_path.stem}-"
    return sorted(folder / n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".db"))


def last_written(db_path: Path) -> int:
    """When the database's files were last written (ns): the file, or its WAL while that holds pages.

    An empty WAL is left out: SQLite makes one afresh each time the database is opened.
    """
    times = [db_path.stat().st_mtime_ns]
    try:
        wal = db_path.with_name(db_path.name + "-wal").stat()
    except FileNotFoundError:
        wal = None
    if wal is not None and wal.st_size:
        times.append(wal.st_mtime_ns)
    return max(times)


def written_since_backup(db_path: Path) -> bool:
    """True unless the newest backup was taken after the database's last write."""
    existing = backups(db_path)
    if not existing:
        return True
    try:
        return last_written(db_path) != existing[-1].stat().st_mtime_ns
    except OSError:
        return True


def take_detached(db_path: Path, *, keep: int = KEEP, label: str = "") -> Path:
    """``take`` on a connection of its own, for a pool thread while the window writes through the store's.

    The copy is one step of the backup API, so it reads one consistent state (WAL lets the
    store's connection write meanwhile); the checkpoint before it waits for no one. A write
    during the copy leaves the files newer than the backup records, so closing takes another.
    StoreError, one sentence, when the copy cannot be made (a full disk).
    """
    try:
        conn = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            return take(conn, db_path, keep=keep, label=label, checkpoint="PASSIVE")
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        why = reason(exc) if isinstance(exc, OSError) else sql_reason(exc)
        raise StoreError(t(f"今天的数据库备份未能完成({why});关闭程序时会再试一次",
                           f"today's database backup could not be made ({why}); it is tried again when FieldCheck "
                           "closes")) from None


def take(conn: sqlite3.Connection, db_path: Path, *, keep: int = KEEP, label: str = "",
         checkpoint: str = "TRUNCATE") -> Path:
    """Copy the open database to a new backup file and drop all but the newest ``keep``."""
    # Pages still in the WAL go into the file first, so that closing later writes nothing and
    # the file's time stays the one this backup records.
    conn.execute(f"PRAGMA wal_checkpoint({checkpoint})")
    written = last_written(db_path)  # before the copy: a write during it leaves the files newer
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    # a copy cut off by a kill or a power cut (a county's is hundreds of MB); a live one grows all the time
    remove_stale(folder, ".partial-*", seconds=PARTIAL_STALE_SECONDS)
    stamp = _next_stamp(db_path).strftime("%Y%m%dT%H%M%S%fZ")
    final = folder / f"{db_path.stem}-{stamp}{'-' + label if label else ''}.db"
    tmp = folder / f".partial-{final.name}"
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            if not _sound(target):
                raise StoreError(damaged_message())
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:  # a full disk: no half-written copy left among the backups
        tmp.unlink(missing_ok=True)
        raise
    os.utime(final, ns=(written, written))
    for old in backups(db_path)[:-keep] if keep > 0 else []:
        try:
            old.unlink()
        except OSError:
            pass
    return final


def _sound(copy: sqlite3.Connection) -> bool:
    """Whether the copy is sound: SQLite's integrity check, which reads the indexes too (a quick check missed
    an index that lost a row), about a fifth of the copy's own time.

    The backup API copies pages as they are: a damaged database copied as the newest backup
    made rotation delete the oldest good one, and ten closes deleted them all.
    """
    try:
        return copy.execute("PRAGMA integrity_check(1)").fetchone()[0] == "ok"
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # its report quotes a damaged name's bytes
        return False


def damaged_message() -> str:
    return t("数据库已损坏,没有为它做备份,以免挤掉较早的完好备份;请运行 fieldcheck db check,并从备份恢复",
             "the database is damaged, so no backup was made of it, to keep the older good ones; run "
             "fieldcheck db check and restore a backup")


def _next_stamp(db_path: Path) -> datetime:
    """The time a new backup is named by: now, or just after the newest backup when the clock says earlier.

    Backups are kept and dropped in the order of their names. A laptop whose clock went back
    (a dead CMOS battery says 2001) named each new backup before the old ones, and rotation
    deleted it at once: no backup of that laptop's work was kept at all.
    """
    now = datetime.now(UTC)
    existing = backups(db_path)
    newest = taken_at(existing[-1]) if existing else None
    return newest + timedelta(microseconds=1) if newest is not None and now <= newest else now


def due(db_path: Path, now: datetime | None = None) -> bool:
    """True when there is no backup from the last day, or the clock says the newest was taken later than now."""
    existing = backups(db_path)
    if not existing:
        return True
    now = now or datetime.now(UTC)
    newest = taken_at(existing[-1])
    return now - newest >= DAY or now < newest  # a clock set back cannot tell how old the newest is


def taken_at(path: Path) -> datetime:
    """When a backup was taken: the UTC time in its name (its file time is the database's last write)."""
    found = _STAMP.search(path.name)
    if found:  # read by hand: datetime.strptime imports and compiles _strptime, 5 ms of every start
        s = found.group(1)
        try:
            return datetime(int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[9:11]), int(s[11:13]), int(s[13:15]),
                            int(s[15:21]), tzinfo=UTC)
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def restore(backup_path: str | Path, db_path: str | Path) -> None:
    """Replace the database at ``db_path`` with a backup's content (the store must be closed)."""

    source_path = Path(backup_path)
    if not source_path.is_file():
        raise StoreError(t(f"找不到备份文件 {source_path}", f"backup file not found: {source_path}"))
    with open(source_path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StoreError(t(f"{source_path} 不是 FieldCheck 备份", f"{source_path} is not a FieldCheck backup"))
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(db_path)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StoreError(t(f"备份 {source_path} 已损坏,请选择另一个备份",
                               f"backup {source_path} is damaged; choose another one"))
        source.backup(target)
    finally:
        source.close()
        target.close()
