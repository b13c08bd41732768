"""The day's backup in the window: made once the window shows, on a pool thread, and said when it fails.

``make_shell`` starts the window as ``fieldcheck`` does, here on a store opened as ``fieldcheck``
opens it (no backup at open), so that the day's backup is still due when the window shows.
"""

from __future__ import annotations

from fieldcheck.store import Store, backup


def test_the_window_shows_before_the_days_backup_is_made(qtbot, home, make_shell):
    path = home / "county.db"  # not the fixtures' home_store, which took its backup at open
    store = Store.open(path, daily_backup=False, backup_on_close=False)  # as ``fieldcheck`` opens it
    store.places.add("县", "荷坪县")
    try:
        shell = make_shell(store=store)
        assert shell.window.isVisible() and backup.backups(path) == []  # shown first, not after a copy
        qtbot.waitUntil(lambda: shell.backup_job is not None and shell.backup_job.done.is_set(), timeout=30_000)
        (made,) = backup.backups(path)
        assert not store.daily_backup_due()
        shell.window.close()
        # the next start the same day takes none
        again = make_shell(store=store)
        qtbot.wait(50)
        assert again.backup_job is None and backup.backups(path) == [made]
        again.window.close()
    finally:
        store.close()


def test_a_backup_that_fails_is_said_in_the_status_bar(qtbot, home, make_shell):
    path = home / "county.db"  # not the fixtures' home_store, which took its backup at open
    store = Store.open(path, daily_backup=False, backup_on_close=False)
    store.places.add("县", "荷坪县")
    backup.backup_dir(path).write_text("a file where the backup folder goes")
    try:
        shell = make_shell(store=store)
        qtbot.waitUntil(lambda: "今天的数据库备份未能完成" in shell.window.statusBar().currentMessage(), timeout=30_000)
        assert "同一位置已有一个同名的文件" in shell.window.statusBar().currentMessage()
        shell.window.close()
    finally:
        store.close()
