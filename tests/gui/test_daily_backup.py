"""The day's backup in the window: made once the window shows, on a pool thread, and said when it fails."""

from __future__ import annotations

import pytest

from fieldcheck.gui.app import Shell, application, open_settings
from fieldcheck.store import Store, backup


@pytest.fixture
def shells(qtbot):
    """Start shells as ``fieldcheck`` does; afterwards the window's language goes back to English, as for
    every other window test (``make_shell``), or the tests after these would find Chinese menus."""
    made: list[Shell] = []

    def start(home, store) -> Shell:
        shell = Shell(application(), store, open_settings(home), data_dir=home)
        made.append(shell)
        shell.start(offer_first_start=False)
        qtbot.addWidget(shell.window)
        return shell

    yield start
    for shell in made:
        if shell.window.isVisible():
            shell.window.close()
        shell.translations.switch("en")


def test_the_window_shows_before_the_days_backup_is_made(qtbot, home, shells):
    path = home / "fieldcheck.db"
    store = Store.open(path, daily_backup=False, backup_on_close=False)  # as ``fieldcheck`` opens it
    store.places.add("县", "荷坪县")
    try:
        shell = shells(home, store)
        assert shell.window.isVisible() and backup.backups(path) == []  # shown first, not after a copy
        qtbot.waitUntil(lambda: shell.backup_job is not None and shell.backup_job.done.is_set(), timeout=30_000)
        (made,) = backup.backups(path)
        assert not store.daily_backup_due()
        shell.window.close()
        # the next start the same day takes none
        again = shells(home, store)
        qtbot.wait(50)
        assert again.backup_job is None and backup.backups(path) == [made]
        again.window.close()
    finally:
        store.close()


def test_a_backup_that_fails_is_said_in_the_status_bar(qtbot, home, shells):
    path = home / "fieldcheck.db"
    store = Store.open(path, daily_backup=False, backup_on_close=False)
    store.places.add("县", "荷坪县")
    backup.backup_dir(path).write_text("a file where the backup folder goes")
    try:
        shell = shells(home, store)
        qtbot.waitUntil(lambda: "今天的数据库备份未能完成" in shell.window.statusBar().currentMessage(), timeout=30_000)
        assert "请检查磁盘空间" in shell.window.statusBar().currentMessage()
        shell.window.close()
    finally:
        store.close()
