"""A full disk: an edit refused by it is said to be refused, and a database that cannot be opened for want
of space is not called damaged."""

from __future__ import annotations

import shutil
import sqlite3
from collections import namedtuple

from fieldcheck.store import Store, backup
from fieldcheck.store.database import Database

VILLAGE = "衡阳县/西渡镇/梅花村"


def _full() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode, exc.sqlite_errorname = 13, "SQLITE_FULL"
    return exc


def test_an_edit_the_full_disk_refused_is_not_reported_as_saved(tmp_path, monkeypatch, capsys, language):
    """The disk fills: the edit is refused, and the backup on closing fails too. The user must read that the
    edit was not kept, not the closing backup's "everything is saved" (which used to replace it)."""
    language("en")
    from fieldcheck.cli import main

    path = tmp_path / "field.db"

    def full(*_a, **_k):
        raise _full()

    monkeypatch.setattr(backup, "take", full)  # already full when the first household was added
    assert main(["household", "add", "--db", str(path), "--village", VILLAGE, "--name", "张三"]) == 1
    assert "everything is saved" in capsys.readouterr().err
    monkeypatch.setattr(Database, "record", full)
    code = main(["household", "add", "--db", str(path), "--village", VILLAGE, "--name", "李四"])
    err = capsys.readouterr().err
    assert code == 1
    assert "the change was not kept" in err and "the disk is full" in err
    assert "everything is saved" not in err and "Traceback" not in err
    monkeypatch.undo()
    with Store.open(path, device="d", daily_backup=False, backup_on_close=False) as store:
        village = store.places.find(VILLAGE).id
        assert [h.head_name for h in store.households.of_village(village)] == ["张三"]


Usage = namedtuple("Usage", "total used free")


def test_a_database_on_a_full_disk_is_said_full_not_pulled_out_or_damaged(tmp_path, monkeypatch, capsys, language):
    """Opening a WAL database needs room for its shared-memory file: on a full disk SQLite says only "disk I/O
    error". That read as a pulled-out stick, and ``db check`` advised restoring a backup, which would throw
    away the edits made since. With no room left on the disk, both say the disk is full."""
    language("en")
    from fieldcheck.cli import main
    from fieldcheck.store import integrity

    path = tmp_path / "field.db"
    assert main(["household", "add", "--db", str(path), "--village", VILLAGE, "--name", "张三"]) == 0
    capsys.readouterr()
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorcode, io_error.sqlite_errorname = 4874, "SQLITE_IOERR_SHMSIZE"

    class NoRoomConnection:  # the connection opens; its first statement needs the shared-memory file
        def execute(self, *_a):
            raise io_error

        def close(self):
            pass

    class NoRoom:  # sqlite3 as far as opening goes, on a disk with 8 KiB free
        Error, DatabaseError, OperationalError = sqlite3.Error, sqlite3.DatabaseError, sqlite3.OperationalError

        @staticmethod
        def connect(*_a, **_k):
            return NoRoomConnection()

    monkeypatch.setattr(shutil, "disk_usage", lambda _p: Usage(3 << 20, (3 << 20) - 8192, 8192))
    monkeypatch.setattr(integrity, "sqlite3", NoRoom)
    assert main(["db", "check", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "restore" not in err and "USB" not in err

    import fieldcheck.store as store_module
    monkeypatch.setattr(store_module, "sqlite3", NoRoom)
    assert main(["household", "list", "--db", str(path), "--village", VILLAGE]) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "USB" not in err and "Traceback" not in err


UPGRADE_UNDER_A_LIMIT = r"""
import resource, signal, sqlite3, sys
from fieldcheck.store import schema
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
try:
    schema.migrate(conn)
except sqlite3.Error as exc:
    print(exc.sqlite_errorname, exc)
"""


def test_an_upgrade_cut_off_by_the_disk_says_why_and_leaves_the_old_database(tmp_path):
    """The disk fails in the middle of an upgrade step (a real write error: a file size limit). SQLite rolls
    the step back itself; the migration's own ROLLBACK then failed with "cannot rollback - no transaction
    is active", which replaced the disk's error: the user read "database error SQLITE_ERROR". The disk's
    error is the one raised, the database stays at its old version, and the next open upgrades it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from fieldcheck.store import schema

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=5)
    conn.close()
    child = subprocess.run([sys.executable, "-c", UPGRADE_UNDER_A_LIMIT, str(path)], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])))
    assert child.stdout.startswith("SQLITE_IOERR"), child.stdout + child.stderr
    conn = sqlite3.connect(path)
    assert schema.user_version(conn) == 5 and conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(path, device="d", daily_backup=False, backup_on_close=False) as store:
        assert schema.user_version(store.connection) == schema.VERSION

