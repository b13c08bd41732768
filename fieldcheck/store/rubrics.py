"""Published rubrics: the version of each rubric the team leader sent out, and the texts received.

A rubric travels like any record (docs/sync.md): the record is the rubric's id, its one
field is ``version``. Publishing a new version is an ordinary change of that field, so it
supersedes the earlier one on every laptop, an old bundle never rolls it back, and two
leaders publishing different versions without seeing each other is a conflict, listed.
The text of each version is kept in ``rubric_texts``, addressed by its version (the
SHA-256 of its canonical content), like a photo file by its hash: the bundle carries it
as ``rubrics/<version>.yaml``.

A new inspection on this laptop uses the published version when there is one
(``ops.rubrics``); an inspection keeps the snapshot it was made with whatever is published
later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from fieldcheck.i18n import t
from fieldcheck.store.database import Database, StoreError

if TYPE_CHECKING:  # the rubric model loads with the first rubric parsed, not with the store
    from fieldcheck.engine.rubric import Rubric


class PublishedRubrics:
    """Which version of each rubric is published here, and the text of every version received."""

    def __init__(self, db: Database, snapshot: Callable[[str], str | None]):
        self._db = db
        #: a version's text from elsewhere in the store (an inspection's snapshot, a bundle being imported)
        self._snapshot = snapshot
        self._parsed: dict[str, Rubric] = {}

    def publish(self, rubric: Rubric) -> bool:
        """Make ``rubric`` the published version of its id; False when it already is."""
        if not rubric.text:
            raise StoreError(t("细则没有原文,无法发布", "the rubric has no text to publish"))
        with self._db.transaction():
            self._keep_text(rubric.version, rubric.text, rubric.id, rubric.title)
            row = self._db.conn.execute("SELECT version FROM published_rubrics WHERE id = ?", (rubric.id,)).fetchone()
            if row is not None and row[0] == rubric.version:
                return False
            hlc, at = self._db.stamp()
            if row is None:
                self._db.conn.execute(
                    "INSERT INTO published_rubrics (id, version, device, hlc, created_at, updated_at)"
                    " VALUES (?, NULL, ?, ?, ?, ?)", (rubric.id, self._db.device, hlc, at, at))
                # the same create on every laptop: the version is a field of its own, so two
                # leaders publishing the same rubric first do not disagree about the base
                self._db.record(hlc, at, "create", "rubric", rubric.id, None, None, None, {"rubric_id": rubric.id})
            self._db.conn.execute("UPDATE published_rubrics SET version = ?, hlc = ?, updated_at = ? WHERE id = ?",
                                  (rubric.version, hlc, at, rubric.id))
            self._db.record(hlc, at, "update", "rubric", rubric.id, None, "version", row[0] if row else None,
                            rubric.version)
        return True

    def ids(self) -> list[str]:
        """The id of every rubric ever published here."""
        with self._db.lock:
            return [r[0] for r in self._db.conn.execute("SELECT id FROM published_rubrics ORDER BY id")]

    def version(self, rubric_id: str) -> str | None:
        """The published version of a rubric, or None."""
        with self._db.lock:
            row = self._db.conn.execute("SELECT version FROM published_rubrics WHERE id = ? AND deleted = 0",
                                        (rubric_id,)).fetchone()
        return row[0] if row else None

    def current(self) -> list[Rubric]:
        """The published version of every rubric, parsed; a text that cannot be read is left out."""
        with self._db.lock:
            rows = self._db.conn.execute("SELECT id, version FROM published_rubrics WHERE deleted = 0"
                                         " AND version IS NOT NULL ORDER BY id").fetchall()
        out = []
        for rubric_id, version in rows:
            rubric = self.rubric(version)
            if rubric is not None and rubric.id == rubric_id:
                out.append(rubric)
        return out

    def rubric(self, version: str) -> Rubric | None:
        """A received version, parsed (once), or None when its text is not here or cannot be read."""
        if version not in self._parsed:
            text = self.text(version)
            if text is None:
                return None
            from fieldcheck.engine.rubric_file import RubricInvalid, load_text  # lazy: YAML only when parsed

            try:
                self._parsed[version] = load_text(text, f"<published {version[:12]}>")
            except RubricInvalid:
                return None
        return self._parsed[version]

    def text(self, version: str) -> str | None:
        """The text of a version this database holds, or None."""
        with self._db.lock:
            row = self._db.conn.execute("SELECT text FROM rubric_texts WHERE version = ?", (version,)).fetchone()
        return row[0] if row else None

    def _keep_text(self, version: str, text: str, rubric_id: str, title: str) -> None:
        self._db.conn.execute("INSERT OR IGNORE INTO rubric_texts (version, rubric_id, title, text, created_at)"
                              " VALUES (?, ?, ?, ?, ?)", (version, rubric_id, title, text, datetime.now(UTC).isoformat(timespec="seconds")))

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO published_rubrics (id, version, device, hlc, created_at, updated_at)"
            " VALUES (?, NULL, ?, ?, ?, ?)", [(e["entity_id"], e["device"], e["hlc"], e["at"], e["at"]) for e in events])

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if field == "deleted":
            self._db.conn.execute("UPDATE published_rubrics SET deleted = ? WHERE id = ?", (int(bool(value)), entity_id))
            return
        if field != "version":
            return
        if isinstance(value, str) and self.text(value) is None:
            text = self._snapshot(value)
            if text is None:  # a bundle carries every version its events name (sync.bundle checks)
                raise StoreError(t(f"缺少细则版本 {value[:12]} 的原文", f"missing the text of rubric version {value[:12]}"))
            from fieldcheck.engine.rubric_file import RubricInvalid, load_text  # lazy: YAML only when parsed

            try:
                parsed = load_text(text, f"<published {value[:12]}>")
            except RubricInvalid as exc:
                raise StoreError(t(f"发布的细则版本 {value[:12]} 无法读取:{exc.problems[0].message}",
                                   f"the published rubric version {value[:12]} cannot be read: "
                                   f"{exc.problems[0].message}")) from None
            self._keep_text(value, text, parsed.id, parsed.title)
        self._db.conn.execute("UPDATE published_rubrics SET version = ?, hlc = max(hlc, ?) WHERE id = ?",
                              (value, hlc or "", entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM published_rubrics WHERE id = ?",
                                     (entity_id,)).fetchone() is not None
