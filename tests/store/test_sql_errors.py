"""SQLite's refusals reach the user as their own language's reason, never SQLite's English words."""

from __future__ import annotations

import sqlite3

import pytest

from fieldcheck.store import Store, StoreError, integrity
from fieldcheck.store.sql_errors import reason

ENGLISH = ("database or disk is full", "readonly", "malformed", "not a database", "unable to open")


def test_a_full_disk_while_saving_is_said_and_nothing_of_the_edit_is_kept(tmp_path, language):
    language("zh")
    store = Store.open(tmp_path / "field.db", device="d", daily_backup=False, backup_on_close=False)
    county = store.places.add("县", "荷坪县")
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")  # the disk, as SQLite sees it, is full
    with pytest.raises(StoreError) as refused:
        for n in range(2000):  # until a page more is needed
            store.places.add("乡镇", f"第{n}镇" + "镇" * 200, county)
    message = str(refused.value)
    assert message == "保存失败,刚才的修改没有保存:磁盘已满;请腾出空间后再试"
    assert not any(word in message for word in ENGLISH)
    kept = store.connection.execute("SELECT count(*) FROM places WHERE kind = '乡镇'").fetchone()[0]
    logged = store.connection.execute("SELECT count(*) FROM audit WHERE entity = 'place'").fetchone()[0]
    assert logged == kept + 1  # every place kept has its event, the refused one neither
    store.close()


def test_a_damaged_database_is_named_with_what_to_do(tmp_path, language):
    language("en")
    path = tmp_path / "field.db"
    Store.open(path, device="d", daily_backup=False, backup_on_close=False).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the SQLite header stays, the schema page is gone
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as refused:
        Store.open(path, device="d", daily_backup=False, backup_on_close=False)
    assert str(refused.value) == (f"cannot open the database {path}: the file is damaged or not a database;"
                                  " restore a backup")
    report = integrity.check(path)
    assert report.problems == ["cannot read the database: the file is damaged or not a database; restore a backup"]


def test_each_refusal_sqlite_makes_has_a_reason_in_chinese(tmp_path, language):
    language("zh")
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as read_only:
        reader.execute("INSERT INTO t VALUES (1)")
    assert reason(read_only.value).startswith("数据库文件或其所在磁盘只能读、不能写")
    with pytest.raises(sqlite3.Error) as no_folder:
        sqlite3.connect(tmp_path / "missing" / "x.db")
    assert reason(no_folder.value) == "无法打开文件:文件夹不存在或没有权限"
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.Error) as busy:
        sqlite3.connect(path, timeout=0).execute("BEGIN IMMEDIATE")
    assert reason(busy.value) == "数据库正被其他程序使用;请关闭它后重试"
    holder.execute("ROLLBACK")
    for c in (conn, reader, holder):
        c.close()
