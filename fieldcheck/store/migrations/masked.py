"""Migration 11: whole ID numbers an older version kept, masked where they stand.

Versions up to 10 read an ID number only when typed as one run of digits: typed in groups
(430421 19730419 5712) or with dashes it was kept whole in a note, a name, a reason, a photo's
file name, and the events that carried them; a village's or unit's name, a conflict's decided
note, a reconciled item's reason, a revocation's reason and the exporter's name were never read
at all. This masks every such number in place, with the reading of ``store.id_numbers``
(``fieldcheck_mask_text`` and, for JSON, ``fieldcheck_mask_json``, which ``schema.migrate``
registers), with ``secure_delete`` on, so the pages the old texts leave are zeroed rather than
left in the file. The audit log is append-only; this is its one rewrite, of the text only, and its
trigger is put back as it was. Left as they are: a revision's signed content (its hash is what
the signature covers: rewriting it would make every reprint fail to verify) and a rubric's text.
"""

from __future__ import annotations

#: (table, column, function): each column rewritten where the masked text differs
_COLUMNS = (
    ("findings", "note", "text"), ("findings", "entered_by", "text"), ("findings", "value", "json"),
    ("households", "head_name", "text"), ("households", "helper", "text"), ("households", "status", "text"),
    ("places", "name", "text"),
    ("inspections", "assessee_name", "text"), ("inspections", "inspectors", "json"),
    ("photos", "original_name", "text"),
    ("revisions", "amend_reason", "text"), ("revisions", "amended_by", "text"), ("revisions", "signed_by", "text"),
    ("signatures", "name", "text"), ("signatures", "void_reason", "text"), ("signatures", "voided_by", "text"),
    ("enrolments", "revoke_reason", "text"), ("enrolments", "revoked_by", "text"),
    ("devices", "inspector", "text"), ("imports", "inspector", "text"),
    ("decisions", "reason", "text"), ("decisions", "summary", "json"), ("decisions", "who", "text"),
    ("reconciliations", "items", "json"), ("reconciliations", "decided_by", "text"),
    ("assignments", "inspector", "text"),
    ("audit", "who", "text"), ("audit", "reason", "text"), ("audit", "old", "json"), ("audit", "new", "json"),
)


def _update(table: str, column: str, kind: str) -> str:
    masked = f"fieldcheck_mask_{kind}({column})"
    return f"UPDATE {table} SET {column} = {masked} WHERE {column} IS NOT NULL AND {column} IS NOT {masked};\n"


V11 = (
    "DROP TRIGGER audit_no_update;\n"
    + "".join(_update(*c) for c in _COLUMNS)
    + "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\n"
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"
    # the note index made again from the masked notes: its old segments held the whole numbers' trigrams
    "INSERT INTO findings_fts (findings_fts) VALUES ('rebuild');\n"
)
