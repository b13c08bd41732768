"""Migrations 1-5: the SQL of the store one laptop keeps on its own (records, marks, the list at scale,
full-text search, revisions and signatures). The history of every version is in ``store.schema``.

Each text is one migration script; ``schema.migrate`` runs it statement by statement.
"""

from __future__ import annotations

#: the merge columns every table of user data has (see ``store.schema``)
COMMON = """
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
    {COMMON}
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
    {COMMON}
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
    {COMMON}
);
CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    item_id TEXT NOT NULL,
    value TEXT,
    household_id TEXT REFERENCES households(id),
    note TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    {COMMON}
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
    {COMMON}
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
    {COMMON},
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
    {COMMON},
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
    {COMMON}
);
CREATE INDEX signatures_inspection ON signatures(inspection_id, revision);
"""
