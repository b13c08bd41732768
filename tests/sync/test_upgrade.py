"""A database from before sync (schema 2) keeps its values, gains no conflicts, and merges like a new one."""

from __future__ import annotations

import sqlite3

from conftest import Laptop, village_inspection
from sheetkit import lock_as_signed

from fieldcheck.store import Store, schema

V2_AUDIT = "seq, id, at, who, device, hlc, action, entity, entity_id, inspection_id, field, old, new"


def _before_sync(source, path):
    """The same data in a schema-5 database, the last before sync: the tables copied, the audit without
    the sync columns."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, target=5)
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    conn.execute("BEGIN")
    for table in ("places", "households", "inspections", "findings", "photos", "item_marks", "revisions",
                  "signatures"):
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
    conn.execute("INSERT INTO main.photo_files SELECT sha256, ext, size, width, height, taken_at, lat, lon, thumbnail,"
                 " created_at FROM src.photo_files")
    conn.execute(f"INSERT INTO main.audit ({V2_AUDIT}) SELECT {V2_AUDIT} FROM src.audit")
    conn.execute("COMMIT")
    conn.close()


def test_history_before_sync_is_chained_on_upgrade(laptops, tmp_path):
    a, b = laptops("A", "B")
    s = a.store
    insp = village_inspection(s)
    f1 = s.findings.add(insp, "2.1.1", note="一")
    s.findings.update(f1.id, note="二")
    s.findings.update(f1.id, note="三")
    f2 = s.findings.add(insp, "2.1.2", note="删")
    s.findings.update(f2.id, note="删前改")
    s.findings.delete(f2.id)
    s.findings.set_mark(insp, "2.6.1", "checked")
    s.findings.set_mark(insp, "2.6.1", "na")
    lock_as_signed(s, insp)
    a.store.close()
    _before_sync(tmp_path / "A.db", tmp_path / "old.db")
    old = Laptop.__new__(Laptop)
    old.folder, old.device, old.keys = tmp_path, "A", tmp_path / "keys-A"
    old.store = Store.open(tmp_path / "old.db", device="A", daily_backup=False, backup_on_close=False)
    a.store = Store.open(tmp_path / "A.db", device="A", daily_backup=False, backup_on_close=False)
    try:
        assert schema.user_version(old.store.connection) == schema.VERSION
        assert old.store.events.conflicts() == []
        old.store.events.refresh_inspection(insp)  # recomputing from the chained history changes nothing
        assert old.state()["findings"] == a.state()["findings"]
        assert old.store.findings.marks(insp) == {"2.6.1": "na"}
        assert old.store.events.conflicts() == []
        b.take(old.export(tmp_path / "ob"))
        assert b.state()["findings"] == a.state()["findings"] and b.state()["conflicts"] == []
        assert b.store.inspections.get(insp).status == "signed"
    finally:
        old.store.close()
