"""The store's tables and their migrations, versioned with ``PRAGMA user_version``.

Each migration moves the schema up by one version inside one transaction, so a power
cut during an upgrade leaves the old version intact. Every table of user data has the
same merge columns: a UUID ``id`` (text), ``device`` (the device that created the row),
``hlc`` (hybrid logical clock stamp of the last change, whose suffix names the device that
made it, see ``clock``), ``created_at``/``updated_at`` (UTC, ISO 8601)
and ``deleted`` (a tombstone: rows are never removed, so a merge can tell "deleted" from
"never seen"). The audit log is append-only: triggers refuse UPDATE and DELETE on it.

History:
  1  places, households, inspections (with the frozen rubric snapshot), findings,
     photo files and photo links, audit log, meta
  2  item marks (an item looked at with nothing found, or not applicable) and
     the finding order index
  3  the inspections list at scale: ``inspections.changes``, a counter that triggers bump
     whenever a finding, mark or photo of the inspection is written (with the row's own
     ``hlc`` it is the inspection's change stamp), and ``score_cache``, the list's scores
     and counts keyed by that stamp, the rubric version and the engine (a cache, never the
     truth: ``ops.scores`` rescores any row whose key differs); an index for the list that
     covers every column it shows, so listing never reads the rows' rubric snapshots (tens of
     KB each, which made reading 10,000 rows take a quarter of a second); and an index on
     ``hlc`` of the big tables, so that opening the store (which starts its clock from the
     newest stamp of each table) reads one index entry per table instead of every row
     (0.7 s with 10,000 inspections and 290,000 audit rows)
  4  full-text index of findings' notes (FTS5, trigram tokenizer, kept by triggers)
  5  revisions (an inspection's numbered signed states, the sheet content each was
     signed over and its hash, and why it was amended) and signatures (who signed which revision,
     strokes and image; voided, never removed, when the revision is amended)
  6  sync (docs/sync.md): the audit log becomes the event log (``supersedes``, ``seen``),
     the fields' heads, the superseded event ids, conflicts, known devices, exports.
     Earlier history is chained: each change supersedes the one before it on its field,
     a signing saw everything of its inspection before it, a delete its record's changes.
     A photo file may be held as a downsized copy (``stored_sha256``, from a bundle made
     for a small stick) until its original arrives
  7  the team (docs/sync.md, trust): the team's certificate (``teams``), the devices it
     certified and their revocations (``enrolments``); a known device's public key and the
     inspector who last exported from it (``devices.public_key``, ``devices.inspector``)
  8  the leader's desk: ``imports`` (every bundle imported: file, SHA-256, device, inspector,
     when, the counts), ``decisions`` (every conflict decision, its events and reason, and
     whether it was undone), the events' ``reason`` (why a decision was made; it travels);
     and the one exception to the append-only audit log: the events of a decision undone
     before any export (they never left this laptop) may be deleted, while listed in ``undoing``
  9  reconciliations (交叉检查): a reconciled inspection's link to the two inspections it
     settles, with the side taken and the reason per differing item; made by a create event
     that travels in bundles like any record
  10 assignments (which inspector visits which assessee on which day with which rubric, and
     the draft inspection made for it) and the published rubrics: ``published_rubrics``, the
     version of each rubric the team leader sent out (a field that merges like any other),
     and ``rubric_texts``, the text of every version received (content-addressed, like photo
     files), so that a new inspection uses the newest published rubric (docs/sync.md)
"""

from __future__ import annotations

import sqlite3

_COMMON = """
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
"""

V1 = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE places (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES places(id),
    grp TEXT,
    {_COMMON}
);
CREATE INDEX places_parent ON places(parent_id);
CREATE TABLE households (
    id TEXT PRIMARY KEY,
    village_id TEXT NOT NULL REFERENCES places(id),
    head_name TEXT NOT NULL,
    members INTEGER NOT NULL DEFAULT 1,
    helper TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '贫困户',
    id_masked TEXT,
    {_COMMON}
);
CREATE INDEX households_village ON households(village_id);
CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    rubric_id TEXT NOT NULL,
    rubric_version TEXT NOT NULL,
    rubric_title TEXT NOT NULL,
    rubric_text TEXT NOT NULL,
    assessee_id TEXT REFERENCES places(id),
    assessee_name TEXT NOT NULL,
    assessee_group TEXT,
    inspectors TEXT NOT NULL DEFAULT '[]',
    date TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed', 'exported')),
    {_COMMON}
);
CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT NOT NULL,
    value TEXT,
    household_id TEXT REFERENCES households(id),
    note TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    {_COMMON}
);
CREATE INDEX findings_inspection ON findings(inspection_id, item_id);
CREATE TABLE photo_files (
    sha256 TEXT PRIMARY KEY,
    ext TEXT NOT NULL,
    size INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    taken_at TEXT,
    lat REAL,
    lon REAL,
    thumbnail BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    finding_id TEXT NOT NULL REFERENCES findings(id),
    sha256 TEXT NOT NULL REFERENCES photo_files(sha256),
    original_name TEXT NOT NULL DEFAULT '',
    {_COMMON}
);
CREATE INDEX photos_finding ON photos(finding_id);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    inspection_id TEXT,
    field TEXT,
    old TEXT,
    new TEXT
);
CREATE INDEX audit_inspection ON audit(inspection_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

V2 = f"""
CREATE TABLE item_marks (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT NOT NULL,
    mark TEXT CHECK (mark IN ('checked', 'na')),
    {_COMMON},
    UNIQUE (inspection_id, item_id)
);
CREATE INDEX findings_order ON findings(inspection_id, created_at);
"""

# Triggers, not the store's methods, bump the stamp: whatever writes a finding, a mark or a
# photo link (the window, an import, a merge of another laptop's bundle) changes it.
_BUMP = "UPDATE inspections SET changes = changes + 1 WHERE id = {inspection}"
V3 = f"""
ALTER TABLE inspections ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER findings_stamp_insert AFTER INSERT ON findings
BEGIN {_BUMP.format(inspection="NEW.inspection_id")}; END;
CREATE TRIGGER findings_stamp_update AFTER UPDATE ON findings
BEGIN {_BUMP.format(inspection="NEW.inspection_id")}; {_BUMP.format(inspection="OLD.inspection_id")}; END;
CREATE TRIGGER marks_stamp_insert AFTER INSERT ON item_marks
BEGIN {_BUMP.format(inspection="NEW.inspection_id")}; END;
CREATE TRIGGER marks_stamp_update AFTER UPDATE ON item_marks
BEGIN {_BUMP.format(inspection="NEW.inspection_id")}; END;
CREATE TRIGGER photos_stamp_insert AFTER INSERT ON photos
BEGIN {_BUMP.format(inspection="(SELECT inspection_id FROM findings WHERE id = NEW.finding_id)")}; END;
CREATE TRIGGER photos_stamp_update AFTER UPDATE ON photos
BEGIN {_BUMP.format(inspection="(SELECT inspection_id FROM findings WHERE id = NEW.finding_id)")}; END;
CREATE TABLE score_cache (
    inspection_id TEXT PRIMARY KEY REFERENCES inspections(id),
    stamp TEXT NOT NULL,
    findings INTEGER NOT NULL,
    photos INTEGER NOT NULL,
    engine TEXT NOT NULL,
    score TEXT NOT NULL
);
CREATE INDEX inspections_listed ON inspections(deleted, date DESC, created_at DESC, id, status, rubric_id,
    rubric_version, rubric_title, assessee_id, assessee_name, assessee_group, inspectors, device, updated_at, hlc,
    changes);
CREATE INDEX inspections_hlc ON inspections(hlc);
CREATE INDEX findings_hlc ON findings(hlc);
CREATE INDEX item_marks_hlc ON item_marks(hlc);
CREATE INDEX audit_hlc ON audit(hlc);
CREATE INDEX places_hlc ON places(hlc);
"""


# The full-text index of findings' notes, as sqlite-utils' ``enable_fts(["note"], create_triggers=True,
# tokenize="trigram")`` makes it (same table and trigger names, so sqlite-utils can search it), except
# that the update trigger fires only when the note changes: a count or household edit costs nothing.
# Trigram, because Chinese has no spaces: unicode61 would index "帮扶责任人未签字" as one word and
# never find "未签字". Queries shorter than three characters cannot use it (store.findings.search).
V4 = """
CREATE VIRTUAL TABLE findings_fts USING fts5(note, tokenize='trigram', content='findings');
CREATE TRIGGER findings_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts (rowid, note) VALUES (new.rowid, new.note);
END;
CREATE TRIGGER findings_ad AFTER DELETE ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, note) VALUES ('delete', old.rowid, old.note);
END;
CREATE TRIGGER findings_au AFTER UPDATE OF note ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, note) VALUES ('delete', old.rowid, old.note);
  INSERT INTO findings_fts (rowid, note) VALUES (new.rowid, new.note);
END;
INSERT INTO findings_fts (findings_fts) VALUES ('rebuild');
"""

V5 = f"""
CREATE TABLE revisions (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    number INTEGER NOT NULL,
    content_hash TEXT,
    content TEXT,
    key_id TEXT,
    signed_at TEXT,
    signed_by TEXT,
    amended_at TEXT,
    amended_by TEXT,
    amend_reason TEXT,
    {_COMMON},
    UNIQUE (inspection_id, number)
);
CREATE TABLE signatures (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    revision INTEGER NOT NULL,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'leader', 'representative')),
    name TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    strokes TEXT NOT NULL DEFAULT '[]',
    image BLOB,
    image_sha256 TEXT,
    voided_at TEXT,
    voided_by TEXT,
    void_reason TEXT,
    {_COMMON}
);
CREATE INDEX signatures_inspection ON signatures(inspection_id, revision);
"""

V6 = """
ALTER TABLE photo_files ADD COLUMN stored_sha256 TEXT;
ALTER TABLE photo_files ADD COLUMN stored_ext TEXT;
ALTER TABLE audit ADD COLUMN supersedes TEXT;
ALTER TABLE audit ADD COLUMN seen TEXT;
-- only while the history below is chained (a merge is a third slower with it, measured)
CREATE INDEX audit_entity ON audit(entity_id);
CREATE TABLE heads (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    event_id TEXT NOT NULL,
    inspection_id TEXT,
    PRIMARY KEY (entity_id, field, entity, event_id)
) WITHOUT ROWID;
CREATE INDEX heads_inspection ON heads(inspection_id);
CREATE TABLE superseded (
    event_id TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    inspection_id TEXT,
    events TEXT NOT NULL
);
CREATE INDEX conflicts_inspection ON conflicts(inspection_id);
CREATE TABLE held (
    event_id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL
);
CREATE TABLE devices (
    device TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE sync_exports (
    destination TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    at TEXT NOT NULL
);
DROP TRIGGER audit_no_update;
UPDATE audit SET supersedes = (
    SELECT json_array(p.prev) FROM (
        SELECT id, lag(id) OVER (PARTITION BY entity, entity_id, coalesce(field, '') ORDER BY seq) AS prev
        FROM audit WHERE action != 'create') AS p
    WHERE p.id = audit.id AND p.prev IS NOT NULL)
WHERE action != 'create';
UPDATE audit SET seen = (
    SELECT json_group_array(b.id) FROM audit AS b
    WHERE b.inspection_id = audit.inspection_id AND b.entity != 'inspection' AND b.seq < audit.seq)
WHERE entity = 'inspection' AND field = 'status' AND new IN ('"signed"', '"exported"');
UPDATE audit SET seen = (
    SELECT json_group_array(b.id) FROM audit AS b
    WHERE b.entity_id = audit.entity_id AND b.entity = audit.entity AND b.action != 'create'
      AND coalesce(b.field, '') != 'deleted' AND b.seq < audit.seq)
WHERE action = 'delete';
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
INSERT INTO heads (entity, entity_id, field, event_id, inspection_id)
SELECT entity, entity_id, coalesce(field, ''), id, inspection_id FROM audit AS a
WHERE action != 'create' AND seq = (
    SELECT max(seq) FROM audit AS b WHERE b.entity_id = a.entity_id AND b.entity = a.entity
      AND coalesce(b.field, '') = coalesce(a.field, '') AND b.action != 'create');
INSERT INTO superseded (event_id)
SELECT id FROM audit WHERE action != 'create' AND id NOT IN (SELECT event_id FROM heads);
DROP INDEX audit_entity;
"""

V7 = f"""
ALTER TABLE devices ADD COLUMN public_key TEXT;
ALTER TABLE devices ADD COLUMN inspector TEXT;
CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    certificate TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    {_COMMON}
);
CREATE TABLE enrolments (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL,
    member TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    inspector TEXT,
    certificate TEXT NOT NULL,
    team_certificate TEXT NOT NULL,
    serial TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT,
    revoke_reason TEXT,
    {_COMMON}
);
CREATE INDEX enrolments_fingerprint ON enrolments(fingerprint);
"""


V8 = """
ALTER TABLE audit ADD COLUMN reason TEXT;
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    device TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    inspector TEXT,
    at TEXT NOT NULL,
    new INTEGER NOT NULL,
    already INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    photos INTEGER NOT NULL
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conflict_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    inspection_id TEXT,
    summary TEXT NOT NULL,
    reason TEXT,
    events TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    undone_at TEXT,
    undone_by TEXT
);
CREATE TABLE undoing (
    event_id TEXT PRIMARY KEY
);
DROP TRIGGER audit_no_delete;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN old.id NOT IN (SELECT event_id FROM undoing)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""



V9 = f"""
CREATE TABLE reconciliations (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    first_id TEXT NOT NULL,
    second_id TEXT NOT NULL,
    items TEXT NOT NULL DEFAULT '[]',
    decided_by TEXT NOT NULL DEFAULT '',
    {_COMMON}
);
CREATE INDEX reconciliations_inspection ON reconciliations(inspection_id);
"""


V10 = f"""
CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    inspector TEXT NOT NULL,
    date TEXT NOT NULL,
    rubric_id TEXT NOT NULL,
    rubric_version TEXT NOT NULL,
    assessee_id TEXT NOT NULL,
    inspection_id TEXT NOT NULL,
    {_COMMON}
);
CREATE INDEX assignments_inspector ON assignments(inspector, date);
CREATE INDEX assignments_inspection ON assignments(inspection_id);
CREATE TABLE published_rubrics (
    id TEXT PRIMARY KEY,
    version TEXT,
    {_COMMON}
);
CREATE TABLE rubric_texts (
    version TEXT PRIMARY KEY,
    rubric_id TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""

#: per-row triggers a merge suspends (``Database.without_triggers``) and does set-based instead:
#: each inspection's change stamp bumped once (``Events.apply``), new notes indexed at once
#: (``Findings.apply_creates``)
BULK_SUSPENDED = ("findings_ai", "findings_stamp_insert", "findings_stamp_update", "marks_stamp_insert",
                  "marks_stamp_update", "photos_stamp_insert", "photos_stamp_update")

#: migration n takes the schema from version n-1 to n, with no number missing (a test checks)
MIGRATIONS: dict[int, str] = {1: V1, 2: V2, 3: V3, 4: V4, 5: V5, 6: V6, 7: V7, 8: V8, 9: V9, 10: V10}
VERSION = max(MIGRATIONS)

#: the tables a FieldCheck database has at every version; anything else is not ours
OUR_TABLES = {"meta", "places", "households", "inspections", "findings", "photo_files", "photos", "audit",
              "item_marks", "sqlite_sequence", "findings_fts", "findings_fts_data", "findings_fts_idx",
              "findings_fts_docsize", "findings_fts_config", "revisions", "signatures", "score_cache", "heads",
              "superseded", "conflicts", "held", "devices", "sync_exports", "teams", "enrolments", "imports",
              "decisions", "undoing", "reconciliations",
              "assignments", "published_rubrics", "rubric_texts"}


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = VERSION) -> list[int]:
    """Apply the migrations from the database's version up to ``target``; return those applied.

    The connection must be in autocommit mode (``isolation_level=None``): each step runs
    in its own ``BEGIN IMMEDIATE`` … ``COMMIT`` together with its ``user_version`` bump.
    """
    applied = []
    current = user_version(conn)
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS.get(version, "")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _statements(script: str) -> list[str]:
    """Split a script into statements (executescript would commit behind our back)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
