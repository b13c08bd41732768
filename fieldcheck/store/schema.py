"""The store's tables and their migrations, versioned with ``PRAGMA user_version``.

This module numbers the migrations and runs them; their SQL texts live in ``store.migrations``.

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
  11 whole ID numbers an older version kept (typed in groups or with dashes, or in a field it
     never read) masked where they stand, the audit log's text included (``migrations/masked.py``)
"""

from __future__ import annotations

import re
import sqlite3

from fieldcheck.store.id_numbers import mask_in_json, mask_in_text
from fieldcheck.store.migrations.local import V1, V2, V3, V4, V5
from fieldcheck.store.migrations.masked import V11
from fieldcheck.store.migrations.sync import V6, V7, V8, V9, V10

#: per-row triggers a merge suspends (``Database.without_triggers``) and does set-based instead:
#: each inspection's change stamp bumped once (``Events.apply``), new notes indexed at once
#: (``Findings.apply_creates``)
BULK_SUSPENDED = ("findings_ai", "findings_stamp_insert", "findings_stamp_update", "marks_stamp_insert",
                  "marks_stamp_update", "photos_stamp_insert", "photos_stamp_update")

#: migration n takes the schema from version n-1 to n, with no number missing (a test checks)
MIGRATIONS: dict[int, str] = {1: V1, 2: V2, 3: V3, 4: V4, 5: V5, 6: V6, 7: V7, 8: V8, 9: V9, 10: V10, 11: V11}
VERSION = max(MIGRATIONS)

#: the tables a FieldCheck database has at every version; anything else is not ours
OUR_TABLES = {"meta", "places", "households", "inspections", "findings", "photo_files", "photos", "audit",
              "item_marks", "sqlite_sequence", "findings_fts", "findings_fts_data", "findings_fts_idx",
              "findings_fts_docsize", "findings_fts_config", "revisions", "signatures", "score_cache", "heads",
              "superseded", "conflicts", "held", "devices", "sync_exports", "teams", "enrolments", "imports",
              "decisions", "undoing", "reconciliations",
              "assignments", "published_rubrics", "rubric_texts"}


_CREATES = re.compile(r"CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.I)


def later_tables(version: int) -> set[str]:
    """The tables only a migration after ``version`` makes (none drops one): a file at ``version`` holding one has a
    damaged format number, and migrating it would fail half-way after its backup pushed out a good one."""
    made = [set(_CREATES.findall(MIGRATIONS[v])) for v in sorted(MIGRATIONS)]
    return set().union(*made[version:]) - set().union(*made[:version])


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int = VERSION) -> list[int]:
    """Apply the migrations from the database's version up to ``target``; return those applied.

    The connection must be in autocommit mode (``isolation_level=None``): each step runs
    in its own ``BEGIN IMMEDIATE`` … ``COMMIT`` together with its ``user_version`` bump.
    """
    applied: list[int] = []
    current = user_version(conn)
    if current >= target:
        return applied
    # migration 11 masks with the store's own reading of ID numbers, and the pages the old texts
    # leave are zeroed rather than left in the file (secure_delete, set back after)
    conn.create_function("fieldcheck_mask_text", 1, lambda s: mask_in_text(s) if isinstance(s, str) else s,
                         deterministic=True)
    conn.create_function("fieldcheck_mask_json", 1, lambda s: mask_in_json(s) if isinstance(s, str) else s,
                         deterministic=True)
    secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        for version in range(current + 1, target + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(MIGRATIONS.get(version, "")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # a full disk: SQLite has rolled back already, and "cannot rollback"
                    conn.execute("ROLLBACK")  # would hide why
                raise
            applied.append(version)
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(secure)}")
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
