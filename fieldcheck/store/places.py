"""Places and people: 县 → 乡镇 → 村, households, and the assessees of other rubrics (县市区, 单位).

Of a household only what the rules need is kept; of its ID number only a masked form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldcheck.engine.numbers import shown
from fieldcheck.i18n import t
from fieldcheck.store.database import PARENT_KIND, PLACE_KINDS, Database, StoreError, rows_in
from fieldcheck.store.id_numbers import holds_id_number, mask_id_number
from fieldcheck.store.records import Household, Place


def _no_id_number(value: str, field_zh: str, field_en: str) -> str:
    """The text as given, or StoreError: an ID number is kept only masked, in its own field."""
    if holds_id_number(value):
        raise StoreError(t(f"「{field_zh}」中含有完整的身份证号;身份证号只填在身份证号一栏,且只保存前 6 位和后 4 位",
                           f"the {field_en} holds a whole ID number; ID numbers go in the ID number field only, "
                           "where just the first 6 and last 4 characters are kept"))
    return value


def same_place_id(kind: str, name: str, parent_id: str | None) -> str:
    """A place's id, the same on every laptop: its kind and name under its parent's id.

    Two inspectors who each type 荷坪县/石山镇/杉木村 on their own laptop make one village, not two
    that a merge keeps side by side (each with half of the double inspection). A path names one
    place in the county's records, so it is one place here too.
    """
    import uuid  # lazy: on Linux uuid imports platform (5 ms of every start); the list makes no record

    return str(uuid.uuid5(uuid.UUID(_PLACES_NAMESPACE), f"{parent_id or ''}\x1f{kind}\x1f{name}"))


#: the namespace of places' ids (a fixed random UUID: any would do, but it must never change)
_PLACES_NAMESPACE = "5d2f9a0e-3c1b-4f7e-9a55-0f6b8c2d7e41"


class Places:
    """Places: 县 → 乡镇 → 村, and the assessees of other rubrics (县市区, 单位)."""

    def __init__(self, db: Database):
        self._db = db

    def add(self, kind: str, name: str, parent_id: str | None = None, *, group: str | None = None) -> str:
        """A county, township, village, or another rubric's assessee (县市区 with group 县市|区, 单位)."""
        name = (name or "").strip()
        if kind not in PLACE_KINDS:
            raise StoreError(t(f"未知的单位类型「{kind}」,可选:{'、'.join(PLACE_KINDS)}",
                               f"unknown place kind '{kind}'; expected one of: {', '.join(PLACE_KINDS)}"))
        if not name:
            raise StoreError(t("名称不能为空", "the name cannot be empty"))
        _no_id_number(name, f"{kind}的名称", f"name of the {kind}")  # a place's name travels in every bundle
        if group is not None and kind != "县市区":
            raise StoreError(t("只有县市区有分组(县市/区)", "only a 县市区 has a group (县市/区)"))
        if group is not None and group not in ("县市", "区"):
            raise StoreError(t(f"分组「{group}」未知,可选:县市、区", f"unknown group '{group}'; expected 县市 or 区"))
        with self._db.transaction():
            if parent_id is not None:
                parent = self.row(parent_id)
                want = PARENT_KIND.get(kind)
                if want and parent["kind"] != want:
                    raise StoreError(t(f"「{kind}」应属于一个「{want}」,而「{parent['name']}」是「{parent['kind']}」",
                                       f"a {kind} belongs to a {want}, but '{parent['name']}' is a {parent['kind']}"))
            elif kind in PARENT_KIND:
                raise StoreError(t(f"请指定这个{kind}所属的{PARENT_KIND[kind]}", f"give the {PARENT_KIND[kind]} this {kind} belongs to"))
            place_id = same_place_id(kind, name, parent_id)
            if self._db.conn.execute("SELECT 1 FROM places WHERE id = ?", (place_id,)).fetchone():
                return place_id  # this place is here already, made here or on another laptop
            hlc, at = self._db.stamp()
            self._db.conn.execute(
                "INSERT INTO places (id, kind, name, parent_id, grp, device, hlc, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (place_id, kind, name, parent_id, group, self._db.device, hlc, at, at))
            self._db.record(hlc, at, "create", "place", place_id, None, None, None,
                        {"kind": kind, "name": name, "parent_id": parent_id, "group": group})
        return place_id

    def row(self, place_id: str) -> dict[str, Any]:
        """A live place as a dict (id, kind, name, parent_id, group), inside the caller's lock."""
        row = self._db.conn.execute("SELECT id, kind, name, parent_id, grp FROM places WHERE id = ? AND deleted = 0",
                                 (place_id,)).fetchone()
        if row is None:
            raise StoreError(t(f"找不到单位或地点 {place_id}", f"no place with id {place_id}"))
        return {"id": row[0], "kind": row[1], "name": row[2], "parent_id": row[3], "group": row[4]}

    def get(self, place_id: str) -> Place:
        with self._db.lock:
            r = self.row(place_id)
        return Place(r["id"], r["kind"], r["name"], r["parent_id"], r["group"])

    def all(self, kind: str | None = None, parent_id: str | None = None) -> list[Place]:
        """Live places, by kind and/or parent, in the order they were added."""
        sql = "SELECT id, kind, name, parent_id, grp FROM places WHERE deleted = 0"
        params: list[Any] = []
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        if parent_id is not None:
            sql += " AND parent_id = ?"
            params.append(parent_id)
        with self._db.lock:
            rows = self._db.conn.execute(sql + " ORDER BY created_at, rowid", params).fetchall()
        return [Place(*r) for r in rows]

    def outline(self) -> list[tuple[str, str | None, str]]:
        """(id, parent id, name) of every live place, in the order added: all a place chooser needs,
        as plain tuples (a county's 3,000 places as ``Place`` records took 15 ms at every start)."""
        with self._db.lock:
            return self._db.conn.execute(
                "SELECT id, parent_id, name FROM places WHERE deleted = 0 ORDER BY created_at, rowid").fetchall()

    def path(self, place_id: str) -> str:
        """"衡阳县/西渡镇/梅花村": the names from the top down."""
        names = []
        seen = set()
        with self._db.lock:
            current: str | None = place_id
            while current is not None and current not in seen:
                seen.add(current)
                row = self._db.conn.execute("SELECT name, parent_id FROM places WHERE id = ?", (current,)).fetchone()
                if row is None:
                    if current == place_id:
                        raise StoreError(t(f"找不到单位或地点 {place_id}", f"no place with id {place_id}"))
                    break
                names.append(row[0])
                current = row[1]
        return "/".join(reversed(names))

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        """Places made on another laptop; one already here is left as it is."""
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO places (id, kind, name, parent_id, grp, device, hlc, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e["entity_id"], e["new"]["kind"], e["new"]["name"], e["new"].get("parent_id"), e["new"].get("group"),
              e["device"], e["hlc"], e["at"], e["at"]) for e in events])

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if field == "deleted":
            self._db.conn.execute("UPDATE places SET deleted = ? WHERE id = ?", (int(bool(value)), entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM places WHERE id = ?", (entity_id,)).fetchone() is not None

    def records(self, ids: set[str]) -> list[dict[str, Any]]:
        """The rows of these places and all their ancestors, parents first: what a bundle carries."""
        out: dict[str, dict[str, Any]] = {}
        frontier = set(ids)
        while frontier:
            part = sorted(frontier)
            frontier = set()
            for r in self._db.conn.execute(
                    "SELECT id, kind, name, parent_id, grp, device, hlc, created_at FROM places"
                    f" WHERE id IN ({','.join('?' * len(part))})", part):
                out[r[0]] = {"id": r[0], "kind": r[1], "name": r[2], "parent_id": r[3], "group": r[4],
                             "device": r[5], "hlc": r[6], "created_at": r[7]}
                if r[3] and r[3] not in out:
                    frontier.add(r[3])
        depth = {pid: self._depth(pid, out) for pid in out}
        return sorted(out.values(), key=lambda p: (depth[p["id"]], p["id"]))

    @staticmethod
    def _depth(pid: str, rows: dict[str, dict[str, Any]]) -> int:
        n = 0
        while rows.get(pid, {}).get("parent_id") and n < 10:
            pid, n = rows[pid]["parent_id"], n + 1
        return n

    def add_records(self, rows: list[dict[str, Any]]) -> int:
        """Places from a bundle (parents first); those already here are kept. Returns how many were new."""
        before = self._db.conn.total_changes
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO places (id, kind, name, parent_id, grp, device, hlc, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r["id"], r["kind"], r["name"], r["parent_id"], r["group"], r["device"], r["hlc"], r["created_at"],
              r["created_at"]) for r in rows])
        return self._db.conn.total_changes - before

    def find(self, name_or_path: str) -> Place | None:
        """A live place by its name or its path ("衡阳县/西渡镇/梅花村"), or None."""
        for place in self.all():
            if place.name == name_or_path or ("/" in name_or_path and self.path(place.id) == name_or_path):
                return place
        return None



class Households:
    """The households of villages: only what the rules need, and a masked ID number."""

    def __init__(self, db: Database, places: Places):
        self._db = db
        self._places = places
        #: how many live findings name a household; the store wires in ``Findings.count_for_household``
        #: (findings are another part's table) so that ``remove`` can refuse to orphan them
        self.findings_of: Callable[[str], int] = lambda household_id: 0

    def add(self, village_id: str, head_name: str, *, members: int = 1, helper: str = "",
                      status: str = "贫困户", id_number: str | None = None) -> str:
        """A household of a village. Only a masked ID number is kept (430421********1234)."""
        head_name = _check_name(head_name)
        check_members(members)
        status = _no_id_number((status or "").strip() or "贫困户", "脱贫状态", "status")
        helper = _no_id_number((helper or "").strip(), "帮扶责任人", "helper")
        masked = mask_id_number(id_number)
        with self._db.transaction():
            village = self._places.row(village_id)
            if village["kind"] != "村":
                raise StoreError(t(f"农户应属于一个村,而「{village['name']}」是「{village['kind']}」",
                                   f"a household belongs to a village, but '{village['name']}' is a {village['kind']}"))
            household_id = self._db.new_id()
            hlc, at = self._db.stamp()
            self._db.conn.execute(
                "INSERT INTO households (id, village_id, head_name, members, helper, status, id_masked, device, hlc,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (household_id, village_id, head_name, members, helper or "", status, masked, self._db.device, hlc, at, at))
            self._db.record(hlc, at, "create", "household", household_id, None, None, None,
                        {"village_id": village_id, "head_name": head_name, "members": members, "helper": helper,
                         "status": status, "id_masked": masked})
        return household_id

    _FIELDS = ("head_name", "members", "helper", "status", "id_masked")

    def update(self, household_id: str, **changes: Any) -> Household:
        """Change a household's head_name, members, helper, status or id_number (stored masked).

        Each changed field is audited old → new; an unchanged value writes nothing.
        """
        allowed = {"head_name", "members", "helper", "status", "id_number"}
        unknown = set(changes) - allowed
        if unknown:
            raise StoreError(t(f"不能修改农户的字段:{'、'.join(sorted(unknown))}",
                               f"these household fields cannot be changed: {', '.join(sorted(unknown))}"))
        new: dict[str, Any] = {}
        if "head_name" in changes:
            new["head_name"] = _check_name(changes["head_name"])
        if "members" in changes:
            new["members"] = check_members(changes["members"])
        if "helper" in changes:
            new["helper"] = _no_id_number((changes["helper"] or "").strip(), "帮扶责任人", "helper")
        if "status" in changes:
            new["status"] = _no_id_number((changes["status"] or "").strip() or "贫困户", "脱贫状态", "status")
        if "id_number" in changes:
            new["id_masked"] = mask_id_number(changes["id_number"])
        with self._db.transaction():
            old = self._live(household_id)
            diff = {k: (getattr(old, k), v) for k, v in new.items() if getattr(old, k) != v}
            if diff:
                hlc, at = self._db.stamp()
                for key, (before, after) in diff.items():
                    self._db.conn.execute(f"UPDATE households SET {key} = ?, hlc = ?, updated_at = ? WHERE id = ?",
                                          (after, hlc, at, household_id))
                    self._db.record(hlc, at, "update", "household", household_id, None, key, before, after)
            return self.get(household_id)

    def remove(self, household_id: str) -> None:
        """Tombstone a household; refused (StoreError) while any live finding names it."""
        with self._db.transaction():
            household = self._live(household_id)
            used = self.findings_of(household_id)
            if used:
                raise StoreError(t(f"农户「{household.head_name}」有 {used} 条发现记录,不能删除;"
                                   "请先删除这些记录或把它们改到别的农户",
                                   f"the household of {household.head_name} has {used} finding(s) and cannot be "
                                   "removed; delete those findings or move them to another household first"))
            self._db.set_deleted("households", "household", household_id, None, True)

    def restore(self, household_id: str) -> None:
        """Undo ``remove``."""
        self._db.set_deleted("households", "household", household_id, None, False)

    def _live(self, household_id: str) -> Household:
        household = self.get(household_id)
        if not self.exists(household_id):
            raise StoreError(t(f"农户「{household.head_name}」已删除", f"the household of {household.head_name} was removed"))
        return household

    def find(self, village_id: str, head_name: str) -> list[Household]:
        """The live households of a village whose head has this name (namesakes happen)."""
        return [h for h in self.of_village(village_id) if h.head_name == head_name.strip()]

    def names(self, household_ids) -> dict[str, str]:
        """The head's name of each household (removed ones too: old findings still name them)."""
        wanted = list(dict.fromkeys(h for h in household_ids if h))
        out: dict[str, str] = {}
        with self._db.lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                out.update(self._db.conn.execute(
                    f"SELECT id, head_name FROM households WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return out

    def matching(self, text: str) -> list[Household]:
        """Live households, of any village, whose head's name contains ``text``."""
        text = (text or "").strip()
        if not text:
            return []
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT id, village_id, head_name, members, helper, status, id_masked FROM households"
                " WHERE deleted = 0 AND instr(head_name, ?) > 0", (text,)).fetchall()
        return [Household(*r) for r in rows]

    def of_village(self, village_id: str) -> list[Household]:
        with self._db.lock:
            rows = self._db.conn.execute(
                "SELECT id, village_id, head_name, members, helper, status, id_masked FROM households"
                " WHERE village_id = ? AND deleted = 0 ORDER BY created_at, rowid", (village_id,)).fetchall()
        return [Household(*r) for r in rows]

    def ids_in(self, village_ids) -> list[str]:
        """Every household of these villages, removed ones too (a removal travels like the rest)."""
        wanted = sorted(set(village_ids))
        with self._db.lock:
            return [r[0] for r in rows_in(self._db.conn, "SELECT id FROM households WHERE village_id IN ({ids})",
                                          wanted)]

    def exists(self, household_id: str) -> bool:
        """Whether a live household has this id."""
        with self._db.lock:
            return self._db.conn.execute("SELECT 1 FROM households WHERE id = ? AND deleted = 0",
                                         (household_id,)).fetchone() is not None

    def get(self, household_id: str) -> Household:
        with self._db.lock:
            r = self._db.conn.execute(
                "SELECT id, village_id, head_name, members, helper, status, id_masked FROM households WHERE id = ?",
                (household_id,)).fetchone()
        if r is None:
            raise StoreError(t(f"找不到农户 {household_id}", f"no household with id {household_id}"))
        return Household(*r)

    # -- merging (store.events) ----------------------------------------------------------------------

    def apply_creates(self, entity: str, events: list[dict[str, Any]]) -> None:
        self.add_records([{"id": e["entity_id"], **e["new"], "device": e["device"], "hlc": e["hlc"],
                           "created_at": e["at"]} for e in events])

    #: the fields an edit on another laptop may change (``update``), besides the tombstone
    _EDITABLE = ("head_name", "members", "helper", "status", "id_masked")

    def apply_field(self, entity: str, entity_id: str, field: str, value: Any, hlc: str, at: str) -> None:
        if field == "deleted":
            self._db.conn.execute("UPDATE households SET deleted = ? WHERE id = ?", (int(bool(value)), entity_id))
        elif field in self._EDITABLE:
            if field == "id_masked":  # a bundle can only carry a masked number; never store more
                value = mask_id_number(value)
            self._db.conn.execute(f"UPDATE households SET {field} = ?, hlc = max(hlc, ?) WHERE id = ?",
                                  (value, hlc, entity_id))

    def has(self, entity: str, entity_id: str) -> bool:
        return self._db.conn.execute("SELECT 1 FROM households WHERE id = ?", (entity_id,)).fetchone() is not None

    _RECORD = ("id", "village_id", "head_name", "members", "helper", "status", "id_masked", "device", "hlc",
               "created_at")

    def records(self, ids: set[str]) -> list[dict[str, Any]]:
        """The rows of these households (only the masked ID number exists to carry)."""
        return [dict(zip(self._RECORD, r)) for r in rows_in(
            self._db.conn, f"SELECT {', '.join(self._RECORD)} FROM households WHERE id IN ({{ids}}) ORDER BY id",
            sorted(ids))]

    def add_records(self, rows: list[dict[str, Any]]) -> int:
        """Households from a bundle; those already here are kept. Returns how many were new."""
        before = self._db.conn.total_changes
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO households (id, village_id, head_name, members, helper, status, id_masked, device,"
            " hlc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r["id"], r["village_id"], r["head_name"], r.get("members", 1), r.get("helper") or "",
              r.get("status") or "贫困户", mask_id_number(r.get("id_masked")), r["device"], r["hlc"], r["created_at"],
              r["created_at"]) for r in rows])
        return self._db.conn.total_changes - before


def _check_name(name: Any) -> str:
    name = str(name or "").strip()
    if not name:
        raise StoreError(t("户主姓名不能为空", "the head of household's name cannot be empty"))
    return _no_id_number(name, "户主姓名", "head of household's name")


#: the most people a household may have: the window's box stops there, and a larger count in a
#: roster or on the command line is a typing slip (or 1e30), never a family
MAX_HOUSEHOLD_MEMBERS = 99


def check_members(members: Any) -> int:
    """``members`` if it is a household's number of people (a whole number 1 to MAX_HOUSEHOLD_MEMBERS), else StoreError.

    A value that is not one (text as typed, a fraction) is named in the sentence as it was given.
    """
    if isinstance(members, bool) or not isinstance(members, int) or not 1 <= members <= MAX_HOUSEHOLD_MEMBERS:
        raise StoreError(t(f"家庭人口应为 1 到 {MAX_HOUSEHOLD_MEMBERS} 之间的整数,而不是「{shown(members)}」",
                           f"the number of members must be a whole number from 1 to {MAX_HOUSEHOLD_MEMBERS}, not '{shown(members)}'"))
    return members
