"""An older version's whole ID numbers (typed in groups, in a village's name, a photo's file name, a decided
note, a reason and the events that carried them) are masked when the database is upgraded; what was signed
is left as signed."""

from __future__ import annotations

import json
import sqlite3

from fieldcheck.engine import catalog
from fieldcheck.store import Store, schema

RUBRIC = catalog.find("village-work-team")
GROUPS = "430421 19730419 5712"
HIDDEN = b"19730419"
SIGNED = json.dumps({"notes": [f"户主 {GROUPS}"]}, ensure_ascii=False)  # a revision's content as it was signed


def _version_10_database(path) -> None:
    """What version 10 wrote for an inspector who typed the card's number in groups (its paths kept it whole)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    schema.migrate(conn, target=10)
    stamp, at = "001790000000000-0000-old", "2026-10-01T08:00:00.000000Z"
    common = ("old", stamp, at, at)
    village = f"梅花村{GROUPS}"
    conn.execute("INSERT INTO places (id, kind, name, parent_id, grp, device, hlc, created_at, updated_at)"
                 " VALUES ('p1', '村', ?, NULL, NULL, ?, ?, ?, ?)", (village, *common))
    conn.execute("INSERT INTO households (id, village_id, head_name, members, helper, status, id_masked, device, hlc,"
                 " created_at, updated_at) VALUES ('h1', 'p1', ?, 3, '', '贫困户', NULL, ?, ?, ?, ?)",
                 (f"张三 {GROUPS}", *common))
    conn.execute("INSERT INTO inspections (id, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id,"
                 " assessee_name, inspectors, date, status, device, hlc, created_at, updated_at)"
                 " VALUES ('i1', ?, ?, ?, ?, 'p1', '', '[\"李明\"]', '2026-10-01', 'draft', ?, ?, ?, ?)",
                 (RUBRIC.id, RUBRIC.version, RUBRIC.title, RUBRIC.text, *common))
    note = f"户主 {GROUPS} 手册未签字"
    conn.execute("INSERT INTO findings (id, inspection_id, item_id, value, household_id, note, entered_by, device, hlc,"
                 " created_at, updated_at) VALUES ('f1', 'i1', '2.1.1', NULL, 'h1', ?, '李明', ?, ?, ?, ?)",
                 (note, *common))
    conn.execute("INSERT INTO photo_files (sha256, ext, size, width, height, thumbnail, created_at)"
                 " VALUES (?, 'jpg', 1, 1, 1, x'00', ?)", ("ab" * 32, at))
    conn.execute("INSERT INTO photos (id, finding_id, sha256, original_name, device, hlc, created_at, updated_at)"
                 " VALUES ('ph1', 'f1', ?, '430421197304195712.jpg', ?, ?, ?, ?)", ("ab" * 32, *common))
    conn.execute("INSERT INTO decisions (conflict_id, kind, inspection_id, summary, reason, events, first_seq, at, who)"
                 " VALUES ('c1', 'value', 'i1', ?, ?, '[]', 1, ?, '组长')",
                 (json.dumps([f"备注定为「{note}」", f"note set to '{note}'"], ensure_ascii=False), f"核对 {GROUPS}", at))
    for n, (entity, entity_id, new) in enumerate((
            ("place", "p1", {"kind": "村", "name": village, "parent_id": None, "group": None}),
            ("household", "h1", {"head_name": f"张三 {GROUPS}", "village_id": "p1", "members": 3}),
            ("finding", "f1", {"item_id": "2.1.1", "note": note, "household_id": "h1", "value": None}),
            ("photo", "ph1", {"finding_id": "f1", "sha256": "ab" * 32, "original_name": "430421197304195712.jpg"}),
            ("revision", "r1", {"number": 1, "content_hash": "cd" * 32, "content": SIGNED}))):
        conn.execute("INSERT INTO audit (id, at, who, device, hlc, action, entity, entity_id, inspection_id, field,"
                     " old, new, reason) VALUES (?, ?, '李明', 'old', ?, 'create', ?, ?, NULL, NULL, NULL, ?, ?)",
                     (f"e{n}", at, stamp, entity, entity_id, json.dumps(new, ensure_ascii=False),
                      f"核对 {GROUPS}" if n == 2 else None))
    conn.close()


def test_an_upgrade_masks_the_whole_id_numbers_an_older_version_kept(tmp_path):
    path = tmp_path / "fieldcheck.db"
    _version_10_database(path)
    assert HIDDEN in b"".join(p.read_bytes() for p in tmp_path.glob("fieldcheck.db*"))
    with Store.open(path, device="new", daily_backup=False, backup_on_close=False) as store:
        assert schema.user_version(store.connection) == schema.VERSION
        assert store.findings.get("f1").note == "户主 430421********5712 手册未签字"
        assert store.households.get("h1").head_name == "张三 430421********5712"
        assert store.places.get("p1").name == "梅花村430421********5712"
        assert [p.original_name for p in store.photos.of("f1")] == ["430421********5712.jpg"]
        assert store.findings.search("5712") and not store.findings.search("19730419")  # the note index too
        events = store.connection.execute("SELECT new, reason FROM audit ORDER BY seq").fetchall()
        assert json.loads(events[3][0])["sha256"] == "ab" * 32  # ids and hashes untouched
        assert json.loads(events[4][0])["content"] == SIGNED  # what was signed stays as signed
        assert all(HIDDEN.decode() not in (new or "") + (reason or "") for new, reason in events[:4])
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    data = b"".join(p.read_bytes() for p in tmp_path.glob("fieldcheck.db*"))  # the file and its WAL
    at = [i for i in range(len(data)) if data.startswith(HIDDEN, i)]
    assert at and all(b"notes" in data[i - 40:i] for i in at)  # only in the signed content
