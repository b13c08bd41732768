"""Inspections: a frozen rubric snapshot, the assessee, the inspectors, the date and the status.

A signed or exported inspection is locked (findings, marks and photos refuse to change).
Only ``store.signatures`` moves an inspection into "signed" (with its signatures) and back
to "draft" (an amendment, with a reason, voiding them): ``update`` refuses both, so a
signed record can never be unlocked silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fieldcheck.engine.numbers import shown
from fieldcheck.i18n import t
from fieldcheck.store import listing_direct, listing_index
from fieldcheck.store.database import (
    STATUSES,
    Database,
    StoreError,
    dump,
    load,
    locked_message,
    parse_date,
    parse_people,
)
from fieldcheck.store.id_numbers import holds_id_number
from fieldcheck.store.places import Places
from fieldcheck.store.records import Inspection, InspectionRow, Listed

if TYPE_CHECKING:  # the rubric model loads with the first rubric parsed, not with the store
    from fieldcheck.engine.rubric import Rubric

#: rubric snapshots already parsed, by version (the SHA-256 of their content): parsing YAML is
#: the slowest part of opening an inspection, and a version always parses to the same rubric
_RUBRICS: dict[str, Rubric] = {}


class Inspections:
    """Creating, listing, changing, copying and deleting inspections."""

    def __init__(self, db: Database, places: Places):
        self._db = db
        self._places = places
        #: rubric snapshots from a bundle being imported, by version
        self._snapshots: dict[str, str] = {}
        self._search = listing_index.SearchIndex()

    def create(self, rubric: Rubric, *, assessee_id: str | None, assessee_name: str,
                          inspectors: list[str], date: str, assessee_group: str | None = None) -> str:
        """A new draft inspection holding a frozen copy of ``rubric`` (its text and version)."""
        if not rubric.text:
            raise StoreError(t("细则没有原文,无法保存快照", "the rubric has no text to freeze"))
        name = (assessee_name or "").strip()
        with self._db.transaction():
            if assessee_id is not None:
                place = self._places.row(assessee_id)
                name = name or place["name"]
                assessee_group = assessee_group or place["group"]
            if not name:
                raise StoreError(t("请填写被考核单位", "give the name of the unit being assessed"))
            if assessee_group is not None and rubric.groups and assessee_group not in rubric.groups:
                raise StoreError(t(f"分组「{assessee_group}」未知,可选:{'、'.join(rubric.groups)}",
                                   f"unknown group '{assessee_group}'; expected one of: {', '.join(rubric.groups)}"))
            inspection_id = self._db.new_id()
            hlc, at = self._db.stamp()
            people = _people(inspectors)
            _no_id_number_in_name(name)
            _RUBRICS.setdefault(rubric.version, rubric)
            self._db.conn.execute(
                "INSERT INTO inspections (id, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id,"
                " assessee_name, assessee_group, inspectors, date, status, device, hlc, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
                (inspection_id, rubric.id, rubric.version, rubric.title, rubric.text, assessee_id, name,
                 assessee_group, dump(people), parse_date(date), self._db.device, hlc, at, at))
            self._db.record(hlc, at, "create", "inspection", inspection_id, inspection_id, None, None,
                        {"rubric_id": rubric.id, "rubric_version": rubric.version, "assessee_id": assessee_id,
                         "assessee_name": name, "assessee_group": assessee_group, "inspectors": people,
                         "date": parse_date(date)})
        return inspection_id

    # the snapshot text (tens of KB) is read only when its version has not been parsed yet
    _INSPECTION_COLUMNS = ("id, rubric_id, rubric_version, rubric_title, '' AS rubric_text, assessee_id, assessee_name,"
                           " assessee_group, inspectors, date, status, device, created_at, updated_at, deleted")

    def _rubric(self, version: str, text: str, rubric_id: str) -> Rubric:
        cached = _RUBRICS.get(version)
        if cached is None:
            if not text:
                row = self._db.conn.execute("SELECT rubric_text FROM inspections WHERE rubric_version = ? LIMIT 1",
                                         (version,)).fetchone()
                text = row[0] if row else ""
            from fieldcheck.engine.rubric_file import RubricInvalid, load_text  # lazy: YAML loads on the first parse

            try:
                cached = load_text(text, f"<{rubric_id} {version[:12]}>")
            except RubricInvalid as exc:
                raise StoreError(t(f"检查所存的细则「{rubric_id}」快照无法读取:{exc.problems[0].message}",
                                   f"the stored snapshot of rubric '{rubric_id}' cannot be read: "
                                   f"{exc.problems[0].message}")) from None
            _RUBRICS[version] = cached
        return cached

    def _from_row(self, r) -> Inspection:
        return Inspection(r[0], self._rubric(r[2], r[4], r[1]), r[1], r[2], r[3], r[5], r[6], r[7], load(r[8]),
                          r[9], r[10], r[11], r[12], r[13], bool(r[14]))

    def status(self, inspection_id: str) -> str | None:
        """A live inspection's status ("draft", "signed", "exported"), or None; reads no rubric snapshot."""
        with self._db.lock:
            row = self._db.conn.execute("SELECT status FROM inspections WHERE id = ? AND deleted = 0",
                                        (inspection_id,)).fetchone()
        return row[0] if row else None

    def get(self, inspection_id: str) -> Inspection:
        """One inspection (deleted ones too: ``.deleted`` says so); StoreError for an unknown id."""
        with self._db.lock:
            r = self._db.conn.execute(f"SELECT {self._INSPECTION_COLUMNS} FROM inspections WHERE id = ?",
                                   (inspection_id,)).fetchone()
            if r is None:
                raise StoreError(t(f"找不到检查记录 {inspection_id}", f"no inspection with id {inspection_id}"))
            return self._from_row(r)

    def find(self, ref: str) -> Inspection:
        """An inspection by its id or a unique beginning of it (four characters or more), as the window
        and the workbooks show it (检查 1a2b3c4d); StoreError names which it is when not one."""
        ref = (ref or "").strip()
        with self._db.lock:
            rows = self._db.conn.execute("SELECT id FROM inspections WHERE id = ?", (ref,)).fetchall() or \
                (self._db.conn.execute("SELECT id FROM inspections WHERE substr(id, 1, ?) = ? LIMIT 2",
                                       (len(ref), ref)).fetchall() if len(ref) >= 4 else [])
        if len(rows) > 1:
            raise StoreError(t(f"以 {shown(ref)} 开头的检查不止一份,请多写几位编号",
                               f"more than one inspection starts with {shown(ref)}; give more of its id"))
        if not rows:
            raise StoreError(t(f"找不到检查记录 {shown(ref)};用 fieldcheck summary 列出各份检查的编号",
                               f"no inspection with id {shown(ref)}; fieldcheck summary lists their ids"))
        return self.get(rows[0][0])

    def prepare_search(self) -> None:
        """Make the search index now (a window does it once its list is on screen), not at the first keystroke."""
        with self._db.lock:
            if not self._db.closed:
                self._search.make(self._db.conn)

    def _fresh(self) -> bool:
        """True when the search index is made and the database has not changed since."""
        return self._search.fresh(self._db.conn)

    def listing(self, *, status: str | None = None, place_id: str | None = None, search: str | None = None,
                include_deleted: bool = False, only: list[str] | None = None) -> list[Listed]:
        """What the inspections list shows, as plain tuples (thousands of rows in a few ms).

        ``place_id`` keeps the inspections of that place and of everything under it;
        ``search`` matches the assessee path, the inspectors, the rubric title and id and the
        date. Each row has its change stamp and what the score cache holds for it (``cached``
        is true when that was computed at the current stamp). ``only`` keeps just those ids (the
        rows a view is about to show).
        """
        if only is not None and not only:
            return []
        with self._db.lock:
            if only is not None and status is None and place_id is None and not search and not self._fresh():
                return [Listed._make(r) for r in listing_direct.rows(self._db.conn, only, include_deleted)]
        sql, params = listing_index.query(listing_index.LISTED, status=status, place_id=place_id, search=search,
                                          include_deleted=include_deleted, only=only)
        with self._db.lock:
            self._search.make(self._db.conn)
            return [Listed._make(r) for r in self._db.conn.execute(sql, params)]

    def ids(self, *, status: str | None = None, place_id: str | None = None, search: str | None = None,
            include_deleted: bool = False) -> list[str]:
        """The ids ``listing`` would give, in its order: all a search keystroke needs from the store."""
        with self._db.lock:
            if status is None and place_id is None and not search and not include_deleted and not self._fresh():
                return listing_direct.ids(self._db.conn)  # the first page: no search index needed yet
        sql, params = listing_index.query("x.id", status=status, place_id=place_id, search=search,
                                          include_deleted=include_deleted)
        with self._db.lock:
            self._search.make(self._db.conn)
            return [r[0] for r in self._db.conn.execute(sql, params)]

    @property
    def open(self) -> bool:
        """False once the store is closed (a window's late timer then leaves it alone)."""
        return not self._db.closed

    def first_page(self, size: int) -> tuple[list[str], int]:
        """The first ``size`` of the unfiltered ``ids()`` and how many it has: a list's first screen,
        without reading every id (``ids()`` gives the rest when they are needed)."""
        with self._db.lock:
            return listing_direct.first_page(self._db.conn, size)

    def rows(self, *, status: str | None = None, place_id: str | None = None, search: str | None = None,
             include_deleted: bool = False) -> list[InspectionRow]:
        """``listing`` as full records (the inspection with its rubric), with their counts."""
        out = []
        for listed in self.listing(status=status, place_id=place_id, search=search, include_deleted=include_deleted):
            inspection = self.get(listed.id)
            findings, photos = self.counts(listed)
            cached = (listed.engine or "", listed.score or "") if listed.cached else None
            out.append(InspectionRow(inspection, listed.assessee_path, findings, photos, listed.hlc, listed.stamp,
                                     cached))
        return out

    def counts(self, listed: Listed) -> tuple[int, int]:
        """The live findings and photos of a listed inspection: the cache's, or counted now."""
        if listed.cached:
            return listed.findings or 0, listed.photos or 0
        with self._db.lock:
            return self._counts(listed.id)

    def _counts(self, inspection_id: str) -> tuple[int, int]:
        findings = self._db.conn.execute("SELECT count(*) FROM findings WHERE inspection_id = ? AND deleted = 0",
                                         (inspection_id,)).fetchone()[0]
        photos = self._db.conn.execute(
            "SELECT count(*) FROM photos p JOIN findings f ON f.id = p.finding_id"
            " WHERE f.inspection_id = ? AND p.deleted = 0 AND f.deleted = 0", (inspection_id,)).fetchone()[0]
        return findings, photos

    def keep_scores(self, entries: list[tuple[str, str, int, int, str, str]]) -> None:
        """Store scores in the list's cache: (inspection id, the stamp they were computed at,
        findings, photos, engine key, score). Not user data: no audit, no stamp of its own.

        A row whose stamp moved on meanwhile is simply a miss next time; a cache that cannot
        be written (a read-only file) leaves the list slower, never wrong.
        """
        if not entries:
            return
        try:
            with self._db.transaction():
                before = self._db.conn.total_changes
                self._db.conn.executemany(
                    "INSERT OR REPLACE INTO score_cache (inspection_id, stamp, findings, photos, engine, score)"
                    " VALUES (?, ?, ?, ?, ?, ?)", entries)
        except StoreError:
            return
        self._search.unchanged_by_writes_since(self._db.conn, before)  # the cache is not in the index

    def update(self, inspection_id: str, **fields: Any) -> None:
        """Change inspectors, date, status, assessee_name or assessee_group; each change is audited.

        A signed inspection is locked: only its status can change, and only to "exported".
        Signing and amending (back to a draft) are ``store.signatures``' work, with signatures
        and a reason; this refuses both.
        """
        allowed = {"inspectors", "date", "status", "assessee_name", "assessee_group"}
        unknown = set(fields) - allowed
        if unknown:
            raise StoreError(t(f"不能修改检查的字段:{'、'.join(sorted(unknown))}",
                               f"these inspection fields cannot be changed: {', '.join(sorted(unknown))}"))
        with self._db.transaction():
            current = self.get(inspection_id)
            if current.deleted:
                raise StoreError(t("这份检查已删除,请先恢复", "this inspection is deleted; restore it first"))
            changes: dict[str, Any] = {}
            for key, value in fields.items():
                if key == "inspectors":
                    value = _people(value)
                elif key == "date":
                    value = parse_date(value)
                elif key == "status":
                    if value not in STATUSES:
                        raise StoreError(t(f"状态「{value}」未知,可选:draft、signed、exported",
                                           f"unknown status '{value}'; expected draft, signed or exported"))
                    if value != current.status and not (current.status == "signed" and value == "exported"):
                        raise StoreError(_status_message(current.status, value))
                elif key == "assessee_name":
                    value = (value or "").strip()
                    if not value:
                        raise StoreError(t("请填写被考核单位", "give the name of the unit being assessed"))
                    _no_id_number_in_name(value)
                elif key == "assessee_group" and value is not None and current.rubric.groups \
                        and value not in current.rubric.groups:
                    raise StoreError(t(f"分组「{value}」未知,可选:{'、'.join(current.rubric.groups)}",
                                       f"unknown group '{value}'; expected one of: {', '.join(current.rubric.groups)}"))
                old = getattr(current, key)
                if old != value:
                    changes[key] = (old, value)
            if current.status != "draft" and set(changes) - {"status"}:
                raise StoreError(locked_message(current.status))
            if not changes:
                return
            hlc, at = self._db.stamp()
            for key, (old, new) in changes.items():
                column = key
                stored = dump(new) if key == "inspectors" else new
                self._db.conn.execute(f"UPDATE inspections SET {column} = ?, hlc = ?, updated_at = ? WHERE id = ?",
                                   (stored, hlc, at, inspection_id))
                self._db.record(hlc, at, "update", "inspection", inspection_id, inspection_id, key, old, new)

    def set_status(self, inspection_id: str, status: str, hlc: str, at: str) -> None:
        """Write a status inside the caller's transaction, audited; for ``store.signatures`` only,
        which signs (draft → signed) and amends (signed → draft) with their records."""
        old = self.get(inspection_id).status
        if old == status:
            return
        self._db.conn.execute("UPDATE inspections SET status = ?, hlc = ?, updated_at = ? WHERE id = ?",
                              (status, hlc, at, inspection_id))
        self._db.record(hlc, at, "update", "inspection", inspection_id, inspection_id, "status", old, status)

    def copy(self, inspection_id: str) -> str:
        """A new draft with the same rubric snapshot, assessee, inspectors and date (no findings)."""
        with self._db.transaction():
            self.get(inspection_id)  # StoreError for an unknown id
            new = self._db.new_id()
            hlc, at = self._db.stamp()
            self._db.conn.execute(
                "INSERT INTO inspections (id, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id,"
                " assessee_name, assessee_group, inspectors, date, status, device, hlc, created_at, updated_at)"
                " SELECT ?, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id, assessee_name,"
                " assessee_group, inspectors, date, 'draft', ?, ?, ?, ? FROM inspections WHERE id = ?",
                (new, self._db.device, hlc, at, at, inspection_id))
            source = self.get(inspection_id)
            self._db.record(hlc, at, "create", "inspection", new, new, None, None,
                            {"rubric_id": source.rubric_id, "rubric_version": source.rubric_version,
                             "assessee_id": source.assessee_id, "assessee_name": source.assessee_name,
                             "assessee_group": source.assessee_group, "inspectors": source.inspectors,
                             "date": source.date, "duplicated_from": inspection_id})
        return new

    # -- merging (store.events) ----------------------------------------------------------------------

    def add_snapshot(self, version: str, text: str, rubric_id: str, parsed: Rubric | None = None) -> None:
        """A rubric snapshot from a bundle, kept until an inspection that uses it is created here.

        ``parsed``: the snapshot already parsed and found to be ``version`` by the bundle's checks
        (parsing one takes a third of a second; an import of one bundle did it twice).
        """
        self._snapshots[version] = text
        if parsed is not None and parsed.version == version and version not in _RUBRICS:
            _RUBRICS[version] = parsed
        self._rubric(version, text, rubric_id)

    def snapshot(self, version: str) -> str | None:
        """The text of a rubric snapshot this database holds, or None."""
        row = self._db.conn.execute("SELECT rubric_text FROM inspections WHERE rubric_version = ? LIMIT 1",
                                    (version,)).fetchone()
        return row[0] if row else self._snapshots.get(version)

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        """Inspections made on another laptop, with their rubric snapshot (given by ``add_snapshot``)."""
        rows = []
        for e in events:
            n = e["new"]
            text = self.snapshot(n["rubric_version"])
            if text is None:
                raise StoreError(t(f"缺少细则快照 {n['rubric_version'][:12]}", f"missing rubric snapshot {n['rubric_version'][:12]}"))
            rubric = self._rubric(n["rubric_version"], text, n["rubric_id"])
            rows.append((e["entity_id"], n["rubric_id"], n["rubric_version"], rubric.title, text, n.get("assessee_id"),
                         n["assessee_name"], n.get("assessee_group"), dump(n.get("inspectors") or []), n["date"],
                         e["device"], e["hlc"], e["at"], e["at"]))
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO inspections (id, rubric_id, rubric_version, rubric_title, rubric_text, assessee_id,"
            " assessee_name, assessee_group, inspectors, date, status, device, hlc, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)", rows)

    _FIELDS = ("inspectors", "date", "status", "assessee_name", "assessee_group", "deleted")

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if field not in self._FIELDS:
            return
        stored = dump(value) if field == "inspectors" else int(bool(value)) if field == "deleted" else value
        self._db.conn.execute(f"UPDATE inspections SET {field} = ?, hlc = max(hlc, ?) WHERE id = ?",
                              (stored, hlc, entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM inspections WHERE id = ?", (entity_id,)).fetchone() is not None

    def delete(self, inspection_id: str) -> None:
        """Move an inspection to the wastebasket (a tombstone); ``restore`` brings it back."""
        self._db.set_deleted("inspections", "inspection", inspection_id, inspection_id, True)

    def restore(self, inspection_id: str) -> None:
        self._db.set_deleted("inspections", "inspection", inspection_id, inspection_id, False)

    def editable(self, inspection_id: str) -> bool:
        """Whether findings, marks and photos of the inspection may change (a live draft)."""
        inspection = self.get(inspection_id)
        return not inspection.deleted and inspection.status == "draft"

    def require_editable(self, inspection_id: str) -> Inspection:
        """The inspection, if findings may change: it exists, is not deleted and is a draft; else StoreError."""
        inspection = self.get(inspection_id)
        if inspection.deleted:
            raise StoreError(t("这份检查已删除,请先恢复", "this inspection is deleted; restore it first"))
        if inspection.status != "draft":
            raise StoreError(locked_message(inspection.status))
        return inspection


def _status_message(old: str, new: str) -> str:
    """Why ``update`` will not make this status change, and what to do instead."""
    if new == "signed":
        return t("签字请使用签字功能(窗口中的「签字」或 fieldcheck inspection sign),签字人需逐一签名",
                 "sign through signing (Sign… in the window or fieldcheck inspection sign), with each signer's signature")
    if old in ("signed", "exported") and new == "draft":
        return t("已签字的检查不能直接退回草稿;请用「修订」并说明原因(原签字作废但保留)",
                 "a signed inspection cannot simply go back to draft; amend it with a reason (the signatures are "
                 "voided and kept)")
    return t(f"检查状态不能从 {old} 改为 {new}", f"the status cannot change from {old} to {new}")


def _people(inspectors: Any) -> list[str]:
    """The inspectors' names; refused when one holds a whole ID number (the list travels in every bundle)."""
    people = parse_people(inspectors)
    if any(holds_id_number(p) for p in people):
        raise StoreError(t("检查人员的姓名中含有完整的身份证号;这里只填姓名,请删去身份证号",
                           "an inspector's name holds a whole ID number; give only the name and remove the number"))
    return people


def _no_id_number_in_name(name: str) -> None:
    if holds_id_number(name):
        raise StoreError(t("被考核单位的名称中含有完整的身份证号;这里只填单位名称,请删去身份证号",
                           "the name of the unit being assessed holds a whole ID number; give only its name and "
                           "remove the number"))
