"""What the fuzz of damaged databases found (test_database_fuzz.py), each kept as a case of its own.

Each used to end in a traceback of SQLite's words, or in a backup of the damaged file pushing a good one out.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from fieldcheck.cli import main
from fieldcheck.ops import demo, scores
from fieldcheck.store import Store, StoreError, backup

PAGE = 4096


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("made") / "fieldcheck.db"
    store = Store.open(path, device="laptop1", user="李明", daily_backup=False, backup_on_close=False)
    demo.populate(store, villages=1)
    store.close()
    return path.read_bytes()


@pytest.fixture
def path(made, tmp_path) -> Path:
    path = tmp_path / "fieldcheck.db"
    path.write_bytes(made)
    return path


def _zero_a_leaf_of(path: Path, table: str) -> None:
    """One of the table's pages (holding rows, not the root) zeroed, as a bad sector leaves it."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        page = conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                            (table,)).fetchone()[0]
    data = bytearray(path.read_bytes())
    data[(page - 1) * PAGE:page * PAGE] = bytes(PAGE)
    path.write_bytes(bytes(data))


def _sql(path: Path, *statements: str) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        for statement in statements:
            conn.execute(statement)


def _open(path: Path, **kwargs) -> Store:
    return Store.open(path, device="x", **{"daily_backup": False, "backup_on_close": False, **kwargs})


def test_a_damaged_page_of_a_table_whose_newest_stamp_the_open_reads_is_refused_in_one_sentence(path, language):
    """The open reads each table's newest stamp after its guard: SQLite's "malformed" left as a traceback."""
    language("en")
    _zero_a_leaf_of(path, "households")  # no index on its stamps: the open reads every row
    before = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        _open(path)
    assert str(refused.value) == (f"cannot open the database {path}: the file is damaged or not a database;"
                                  " restore a backup")
    assert path.read_bytes() == before


def _scoring_refused(path) -> str:
    """What scoring every listed inspection of the database at ``path`` is refused with."""
    store = _open(path)
    try:
        with pytest.raises(StoreError) as refused:
            for row in store.inspections.listing():
                scores.score_inspection(store, row.id)
    finally:
        store.close()
    return str(refused.value)


def test_a_damaged_page_of_findings_read_when_scoring_is_one_sentence(path, language):
    """The open and the list read no finding; scoring does: a read under the store's lock is a StoreError."""
    language("en")
    _zero_a_leaf_of(path, "findings")
    assert _scoring_refused(path) == (f"cannot read the database {path}: the file is damaged; run fieldcheck db check"
                                  " and restore a backup")


def test_text_that_is_not_utf8_is_called_damage(path, language):
    """Python's decoder refused a damaged byte in a text column with "Could not decode to UTF-8 column …"."""
    language("zh")
    _sql(path, "UPDATE inspections SET assessee_name = CAST(X'E6FF' AS TEXT)")
    store = _open(path)
    try:
        with pytest.raises(StoreError) as refused:
            scores.scored_rows(store)
    finally:
        store.close()
    assert str(refused.value) == f"无法读取数据库 {path}:文件已损坏;请运行 fieldcheck db check,并从备份恢复"


def test_a_place_a_damaged_page_left_without_its_id_still_lists_every_inspection(path):
    """The list's index of place paths refused the row with a NOT NULL constraint's traceback."""
    _sql(path, "UPDATE places SET id = NULL WHERE kind = '村'")
    store = _open(path)
    try:
        rows = scores.scored_rows(store)
    finally:
        store.close()
    assert rows and all(row.assessee_path for row in rows)


def test_a_damaged_index_is_not_backed_up_over_the_good_backups(path, made, language):
    """The backup API copies pages as they are: each backup of the damaged file pushed the oldest good one out."""
    language("en")
    # the index of households by village now claims to index their names: "row … missing from index"
    _sql(path, "PRAGMA writable_schema = ON",
         "UPDATE sqlite_master SET sql = 'CREATE INDEX households_village ON households(head_name)'"
         " WHERE name = 'households_village'")
    folder = backup.backup_dir(path)
    folder.mkdir()
    good = [folder / f"fieldcheck-2026010{day}T000000000000Z.db" for day in (1, 2)]
    for old in good:
        old.write_bytes(made)
    store = Store.open(path, device="x", backup_keep=2)  # a day since the newest backup: one is due
    scores.scored_rows(store)  # the list works: the damage is in what it does not read
    with pytest.raises(StoreError) as refused:
        store.close()
    assert str(refused.value) == ("the database is damaged, so no backup was made of it, to keep the older good ones;"
                                  " run fieldcheck db check and restore a backup")
    assert backup.backups(path) == good and all(old.read_bytes() == made for old in good)
    assert not list(folder.glob(".partial-*"))


def test_a_backup_on_closing_that_fails_says_why_not_always_the_disk_space(path, language):
    """A header that says "written by a newer SQLite" makes the file read-only: closing said to check the disk space."""
    language("en")
    data = bytearray(path.read_bytes())
    data[18] = 3  # the file format's write version
    path.write_bytes(bytes(data))
    store = Store.open(path, device="x", daily_backup=False)
    with pytest.raises(StoreError) as refused:
        store.close()
    assert "check the disk space" not in str(refused.value)
    assert str(refused.value).startswith("everything is saved, but the backup taken on closing could not be made (the "
                                         "database file or its disk can be read but not written")


def test_summary_of_a_database_damaged_where_scoring_reads_is_one_sentence(path, capsys, language):
    language("en")
    _zero_a_leaf_of(path, "findings")
    assert main(["summary", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == (f"cannot read the database {path}: the file is damaged; run fieldcheck db check and restore a"
                   " backup\n")


def test_a_damaged_format_number_is_refused_before_a_backup_or_a_migration(path, made, language):
    """A header saying data format 5 over a current database: its "upgrade" took a backup (pushing out the oldest
    good one, at every try) and then failed with "database error SQLITE_ERROR"."""
    language("en")
    data = bytearray(path.read_bytes())
    data[60:64] = (5).to_bytes(4, "big")  # SQLite's user_version: the data format FieldCheck wrote
    path.write_bytes(bytes(data))
    folder = backup.backup_dir(path)
    folder.mkdir()
    good = [folder / f"fieldcheck-2026010{day}T000000000000Z.db" for day in (1, 2)]
    for old in good:
        old.write_bytes(made)
    before = path.read_bytes()
    for _ in range(3):  # tried again and again, as a person does
        with pytest.raises(StoreError) as refused:
            Store.open(path, device="x", backup_keep=2)
        assert str(refused.value) == (f"cannot open the database {path}: its header says data format 5 but it holds a"
                                      " later one's tables: the file is damaged; restore a backup")
    assert path.read_bytes() == before
    assert backup.backups(path) == good


def test_a_json_column_that_a_damaged_page_cut_is_one_sentence(path, language):
    """The list read an inspection's inspectors with json.loads: JSONDecodeError, a traceback."""
    language("en")
    _sql(path, "UPDATE inspections SET inspectors = '[\"张' WHERE status = 'draft'")
    assert _scoring_refused(path) == ("a value in the database cannot be read: the file is damaged; run fieldcheck db check"
                                  " and restore a backup")


def test_db_check_quotes_a_damaged_name_instead_of_failing_on_its_bytes(path, capsys, language):
    """SQLite's integrity report names the damaged index in the bytes its name now has: a UnicodeDecodeError (a
    traceback) or "database error OperationalError", never the report."""
    language("en")
    sql = b'CREATE INDEX "ix\xff" ON households(head_name)'  # "ix" and a byte no UTF-8 text holds
    _sql(path, "PRAGMA writable_schema = ON",
         f"UPDATE sqlite_master SET name = CAST(X'6978ff' AS TEXT), sql = CAST(X'{sql.hex()}' AS TEXT)"
         " WHERE name = 'households_village'")
    assert main(["db", "check", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "problem: database structure damaged: " in err and "ix\ufffd" in err
