"""Schema versions, migrations from every older version, foreign files, and backups."""

from __future__ import annotations

import re
import sqlite3
import threading

import pytest

from fieldcheck.engine import catalog
from fieldcheck.ops import scores
from fieldcheck.store import Store, StoreError, backup, schema

RUBRIC = catalog.find("village-work-team")


def _v1_database(path):
    """A database as FieldCheck with schema version 1 left it, holding one inspection and one finding."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema.migrate(conn, target=1)
    stamp, at = "001790000000000-0000-old", "2026-10-01T08:00:00.000000Z"
    common = ("old", stamp, at, at)
    conn.execute("INSERT INTO places (id, kind, name, parent_id, grp, device, hlc, created_at, updated_at)"
                 " VALUES ('p1', '单位', '梅花村', NULL, NULL, ?, ?, ?, ?)", common)
    conn.execute("INSERT INTO inspections (id, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id,"
                 " assessee_name, inspectors, date, status, device, hlc, created_at, updated_at)"
                 " VALUES ('i1', ?, ?, ?, ?, 'p1', '梅花村', '[\"李明\"]', '2026-10-01', 'draft', ?, ?, ?, ?)",
                 (RUBRIC.id, RUBRIC.version, RUBRIC.title, RUBRIC.text, *common))
    conn.execute("INSERT INTO findings (id, inspection_id, item_id, value, note, entered_by, device, hlc,"
                 " created_at, updated_at) VALUES ('f1', 'i1', '2.1.4', '2', '两处未签字', '李明', ?, ?, ?, ?)", common)
    conn.close()


def test_fresh_database_is_at_the_current_version(tmp_path):
    with Store.open(tmp_path / "new.db", device="d") as store:
        assert schema.user_version(store.connection) == schema.VERSION


@pytest.mark.parametrize("start", [v for v in schema.MIGRATIONS if v < schema.VERSION])
def test_migrate_from_each_older_version(tmp_path, start):
    path = tmp_path / "old.db"
    _v1_database(path)
    if start > 1:
        conn = sqlite3.connect(path, isolation_level=None)
        schema.migrate(conn, target=start)
        conn.close()
    with Store.open(path, device="new") as store:
        assert schema.user_version(store.connection) == schema.VERSION
        # the old data is there and scores; the new version's features work on it
        assert scores.answers(store, "i1") == {"2.1.4": 2}
        store.findings.set_mark("i1", "2.6.1", "na")
        assert scores.answers(store, "i1") == {"2.1.4": 2, "2.6.1": "na"}
        assert store.db.clock.tick() > "001790000000000-0000-old"
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.connection.execute("PRAGMA foreign_key_check").fetchall() == []
    # a copy from before the upgrade is kept
    assert any("before-v" in p.name for p in backup.backups(path))


def test_a_failed_migration_leaves_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _v1_database(path)
    monkeypatch.setitem(schema.MIGRATIONS, 2, schema.V2 + "\nCREATE TABLE findings (x);")  # fails half way
    with pytest.raises(StoreError):
        Store.open(path, device="d")
    conn = sqlite3.connect(path)
    assert schema.user_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'item_marks'").fetchone() is None
    conn.close()


def test_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="更新版本的 FieldCheck"):
        Store.open(path, device="d")
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"PK\x03\x04 this is a zip, not a database" * 20,
                                     "考核记录,梅花村,198\n".encode() * 40, b"SQLite format 2\x00" + bytes(200)])
def test_not_sqlite_is_refused_untouched(tmp_path, content):
    path = tmp_path / "records.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="不是 FieldCheck 数据库") as info:
        Store.open(path, device="d")
    assert "\n" not in str(info.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.db"]


def test_someone_elses_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="不是 FieldCheck 的数据库"):
        Store.open(path, device="d")
    assert path.read_bytes() == before


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="文件夹"):
        Store.open(tmp_path, device="d")


def test_close_takes_a_backup_and_old_ones_rotate(tmp_path):
    path = tmp_path / "field.db"
    for n in range(5):
        with Store.open(path, device="d", backup_keep=3) as store:
            store.places.add("单位", f"单位{n}")
    kept = backup.backups(path)
    assert len(kept) == 3
    conn = sqlite3.connect(kept[-1])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == 5
    conn.close()


def test_close_backs_up_only_what_was_written_since_the_last_backup(tmp_path):
    path = tmp_path / "field.db"
    with Store.open(path, device="d") as store:
        store.places.add("单位", "单位一")
    first = backup.backups(path)
    for _ in range(3):  # the list looked at, nothing changed: the newest backup already holds it all
        with Store.open(path, device="d") as store:
            assert [p.name for p in store.places.all()] == ["单位一"]
    assert backup.backups(path) == first
    with Store.open(path, device="d") as store:
        store.places.add("单位", "单位二")
    assert len(backup.backups(path)) == len(first) + 1
    # a session that wrote and then lost its close backup (a power cut): the next close takes one
    with Store.open(path, device="d", backup_on_close=False) as store:
        store.places.add("单位", "单位三")
    before = backup.backups(path)
    Store.open(path, device="d").close()
    newest = backup.backups(path)
    assert len(newest) == len(before) + 1
    conn = sqlite3.connect(newest[-1])
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == 3
    conn.close()


def test_another_programs_write_counts_as_a_change(tmp_path):
    path = tmp_path / "field.db"
    Store.open(path, device="d").close()
    before = backup.backups(path)
    with Store.open(path, device="other", backup_on_close=False) as other:
        with Store.open(path, device="d") as store:
            other.places.add("单位", "单位一")  # written while this window is open
            assert [p.name for p in store.places.all()] == ["单位一"]
    assert len(backup.backups(path)) == len(before) + 1


def test_daily_backup_on_open(tmp_path):
    path = tmp_path / "field.db"
    Store.open(path, device="d", backup_on_close=False).close()
    assert len(backup.backups(path)) == 1  # the first open of the day
    Store.open(path, device="d", backup_on_close=False).close()
    assert len(backup.backups(path)) == 1  # not again the same day


def test_backup_and_restore(tmp_path):
    path = tmp_path / "field.db"
    store = Store.open(path, device="d", backup_on_close=False, daily_backup=False)
    inspection = store.inspections.create(RUBRIC, assessee_id=None, assessee_name="梅花村", inspectors=["李明"],
                                         date="2026-11-20")
    kept = store.findings.add(inspection, "2.1.4")
    copy = store.backup()
    store.findings.add(inspection, "2.1.1")  # made after the backup
    store.close()
    backup.restore(copy, path)
    with Store.open(path, device="d", backup_on_close=False) as again:
        assert [f.id for f in again.findings.of(inspection)] == [kept.id]
        assert again.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("not a backup")
    with pytest.raises(StoreError, match="不是 FieldCheck 备份"):
        backup.restore(bogus, tmp_path / "field.db")
    with pytest.raises(StoreError, match="找不到备份"):
        backup.restore(tmp_path / "nope.db", tmp_path / "field.db")


def test_the_migrations_are_numbered_without_a_gap():
    # each upgrade takes every step from its version up: a missing number would stop it
    assert sorted(schema.MIGRATIONS) == list(range(1, schema.VERSION + 1))


def test_the_days_backup_on_a_thread_of_its_own_waits_for_no_edit(tmp_path):
    """The window's daily backup runs on a pool thread with a connection of its own: it neither waits
    for nor blocks an edit in progress, and holds the last committed state, not the half-made one."""
    path = tmp_path / "field.db"
    store = Store.open(path, device="d", daily_backup=False, backup_on_close=False)
    store.places.add("单位", "单位一")
    assert store.daily_backup_due()
    made = []
    with store.transaction():  # an edit under way on the store's connection (its lock held)
        store.places.add("单位", "单位二")
        worker = threading.Thread(target=lambda: made.append(store.backup_detached()))
        worker.start()
        worker.join(30)
        assert made, "the backup waited for the edit"
    conn = sqlite3.connect(made[0])
    assert [r[0] for r in conn.execute("SELECT name FROM places ORDER BY name")] == ["单位一"]
    conn.close()
    assert not store.daily_backup_due()  # one a day
    store.close()


def test_a_backup_that_cannot_be_made_is_one_sentence(tmp_path):
    path = tmp_path / "field.db"
    with Store.open(path, device="d", daily_backup=False, backup_on_close=False) as store:
        backup.backup_dir(path).write_text("a file where the backup folder goes")
        with pytest.raises(StoreError, match=re.escape("今天的数据库备份未能完成(同一位置已有一个同名的文件);关闭程序时会再试一次")):
            store.backup_detached()


def test_a_backup_cut_off_by_a_full_disk_leaves_no_partial_copy(tmp_path):
    """The copy fails half-way (the disk fills): the half-written file is removed, not left in the folder."""
    path = tmp_path / "field.db"
    Store.open(path, device="d", daily_backup=False, backup_on_close=False).close()

    class FillsTheDisk:  # the store's connection, as far as ``take`` uses it, until the disk is full
        def execute(self, sql):
            return None

        def backup(self, target):
            target.execute("CREATE TABLE half (x)")
            target.commit()
            raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(sqlite3.OperationalError):
        backup.take(FillsTheDisk(), path)  # type: ignore[arg-type]
    assert list(backup.backup_dir(path).iterdir()) == []


def test_a_backup_on_closing_that_fails_is_one_sentence_and_the_edits_stay(tmp_path, monkeypatch, capsys, language):
    language("en")
    from fieldcheck.cli import main

    path = tmp_path / "field.db"

    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "take", full)
    code = main(["household", "add", "--db", str(path), "--village", "衡阳县/西渡镇/梅花村", "--name", "张三"])
    err = capsys.readouterr().err
    assert code == 1 and "everything is saved, but the backup taken on closing could not be made" in err
    assert "Traceback" not in err and "disk is full" not in err
    store = Store.open(path, device="d", daily_backup=False, backup_on_close=False)
    assert [h.head_name for h in store.households.of_village(store.places.find("衡阳县/西渡镇/梅花村").id)] == ["张三"]
    store.close()
