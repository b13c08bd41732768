"""Migrations 6-10: the SQL that sync brought (the event log, the team, the leader's desk,
reconciliations, assignments and published rubrics). The history of every version is in ``store.schema``.
"""

from __future__ import annotations

from fieldcheck.store.migrations.local import COMMON

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
    {COMMON}
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
    {COMMON}
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
    {COMMON}
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
    {COMMON}
);
CREATE INDEX assignments_inspector ON assignments(inspector, date);
CREATE INDEX assignments_inspection ON assignments(inspection_id);
CREATE TABLE published_rubrics (
    id TEXT PRIMARY KEY,
    version TEXT,
    {COMMON}
);
CREATE TABLE rubric_texts (
    version TEXT PRIMARY KEY,
    rubric_id TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""
