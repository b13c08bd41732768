"""A process killed (kill -9, the power cut) in the middle of a backup or a bundle export: what it leaves
on the disk or the USB stick is removed by the next one, and only once nothing can still be writing it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from fieldcheck.cli import main
from fieldcheck.store import backup

ROOT = Path(__file__).resolve().parents[2]
VILLAGE = "衡阳县/西渡镇/梅花村"

BACKUP_KILLED = r"""
import os, signal, sys
from fieldcheck.store import Store
store = Store.open(sys.argv[1], device="d", daily_backup=False, backup_on_close=False)
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)  # the copy is written, not yet renamed
store.backup()
"""

EXPORT_KILLED = r"""
import os, signal, sys
from pathlib import Path
from fieldcheck.store import Store
from fieldcheck.sync.export import export_bundle
store = Store.open(sys.argv[1], device="d", daily_backup=False, backup_on_close=False)
export_bundle(store, Path(sys.argv[2]), everything=True, key_folder=Path(sys.argv[3]),
              progress=lambda done, total: os.kill(os.getpid(), signal.SIGKILL))  # at the first photo
"""


def _killed(script: str, *args) -> None:
    child = subprocess.run([sys.executable, "-c", script, *map(str, args)], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                           capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr


def _an_hour_ago(paths: list[Path]) -> None:
    then = time.time() - 3600
    for path in paths:
        os.utime(path, (then, then))


def _household(db: Path, name: str) -> None:
    assert main(["household", "add", "--db", str(db), "--village", VILLAGE, "--name", name]) == 0


def test_a_backup_cut_off_by_a_kill_is_removed_by_the_next(tmp_path):
    db = tmp_path / "field.db"
    _household(db, "张三")
    taken = len(backup.backups(db))
    _killed(BACKUP_KILLED, db)
    folder = backup.backup_dir(db)
    left = sorted(folder.glob(".partial-*"))
    assert left, "the kill left no partial copy: the test no longer kills in the middle"
    assert len(backup.backups(db)) == taken  # the partial copy is never taken for a backup
    _household(db, "李四")  # a fresh partial, as another process's live copy would be, is left alone
    assert sorted(folder.glob(".partial-*")) == left

    _an_hour_ago(left)  # the laptop started again later
    _household(db, "王五")
    assert list(folder.glob(".partial-*")) == []
    assert len(backup.backups(db)) == taken + 2


def test_an_export_killed_on_the_stick_leaves_nothing_after_the_next(tmp_path, capsys):
    db, stick, keys = tmp_path / "field.db", tmp_path / "stick", tmp_path / "keys"
    assert main(["demo", "--db", str(db), "--villages", "1"]) == 0
    stick.mkdir()
    _killed(EXPORT_KILLED, db, stick / "monday.fcbundle", keys)
    left = list(stick.iterdir())
    assert len(left) == 1 and left[0].name.startswith(".monday.fcbundle.") and left[0].suffix == ".tmp"
    _an_hour_ago(left)
    capsys.readouterr()
    assert main(["bundle", "export", "--db", str(db), "-o", str(stick / "tuesday.fcbundle")]) == 0
    assert [p.name for p in stick.iterdir()] == ["tuesday.fcbundle"]
    out = capsys.readouterr().out
    assert "(全部)" in out or "(everything)" in out  # the killed export moved no mark: all of it is sent
