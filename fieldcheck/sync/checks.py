"""A bundle's records checked event by event: the rubric and records every event names are in the bundle,
and every value fits its inspection's rubric (docs/sync.md, verify and import).

One ``Records`` follows one bundle's events in order. ``verify`` runs it over the events to
write nothing; the import runs it over the same stream it applies (``checked_events``), so
each line is read, hashed and parsed once, inside the import's transaction: a fault raises
and the transaction rolls back, leaving the database as it was.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from fieldcheck.store.clock import parse_stamp
from fieldcheck.store.events import ACTIONS, CHANGED_FIELDS, ENTITIES, EVENT_FIELDS
from fieldcheck.sync.bundle import (
    EVENTS,
    HOUSEHOLD_FIELDS,
    HOUSEHOLDS,
    MANIFEST,
    PHOTO_FIELDS,
    PHOTO_MEMBER,
    PHOTOS,
    PLACE_FIELDS,
    PLACES,
    RUBRIC_MEMBER,
    SIGNATURE,
    TEAM_FIELDS,
    BundleError,
    Hashing,
    Verified,
    bad,
    damaged,
    lines,
    open_zip,
    parse_lines,
    read_manifest,
    unreadable,
)
from fieldcheck.sync.shapes import (
    HOUSEHOLD_SHAPE,
    HOUSEHOLD_TEXT,
    OPTIONAL_TEXT,
    PHOTO_SHAPE,
    PLACE_SHAPE,
    complete,
    household_ok,
    shaped,
    storable_event,
    unstorable,
)
from fieldcheck.sync.values import Refused, ValueCheck, parse_snapshot

_ACTIONS, _ENTITIES = frozenset(ACTIONS), frozenset(ENTITIES)
#: what every stamp looks like (``clock.format_stamp``); anything else is left to ``parse_stamp``
_STAMP = re.compile(r"\d{15}-\d{4}-.")
#: a change of these must name an inspection the bundle carries
_IN_INSPECTION = frozenset(("finding", "photo", "mark"))
_OF_INSPECTION = frozenset(("finding", "photo", "revision", "signature", "reconciliation"))


class Records:
    """Follows a bundle's events; ``event`` raises BundleError for one the bundle cannot back."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, v: Verified):
        self._path, self._v = path, v
        self._places, parents = set(), set()
        for p in lines(path, zf, PLACES, PLACE_FIELDS):
            shaped(path, PLACES, p, PLACE_SHAPE)
            self._places.add(p["id"])
            parents.add(p.get("parent_id"))
        orphan = sorted(parents - self._places - {None})  # the export carries every place's ancestors
        if orphan:
            raise _missing(path, orphan[0])
        self._households = set()
        for h in lines(path, zf, HOUSEHOLDS, HOUSEHOLD_FIELDS):
            shaped(path, HOUSEHOLDS, h, HOUSEHOLD_SHAPE)
            household_ok(path, h)
            if h["village_id"] not in self._places:  # the export carries each household's village
                raise _missing(path, h["village_id"])
            self._households.add(h["id"])
        self._files = set()
        held = set()
        for p in lines(path, zf, PHOTOS, PHOTO_FIELDS):
            shaped(path, PHOTOS, p, PHOTO_SHAPE)
            if p.get("stored_sha256", p["sha256"]) not in v.photos:
                raise bad(path, f"缺少照片 {str(p['sha256'])[:12]} 的文件", f"lacks the file of photo {str(p['sha256'])[:12]}")
            self._files.add(p["sha256"])
            held.add(p.get("stored_sha256", p["sha256"]))
        # a photo file no record names would be copied in and never shown, nor ever removed
        stray = sorted(set(v.photos) - held)
        if stray:
            raise bad(path, f"中有照片文件 {stray[0][:12]} 没有对应的照片记录({len(stray)} 个),疑为篡改",
                      f"carries photo files no photo record names ({len(stray)}, such as {stray[0][:12]}), "
                      "which looks tampered with")
        self._created: dict[str, str] = {}
        self._snapshots: dict[str, Any] = {}
        self._values = ValueCheck(self.rubric)
        self.zf = zf

    def rubric(self, version: str) -> Any:
        """The bundle's snapshot of a rubric version, parsed once and checked to be that version."""
        if version not in self._snapshots:
            name = self._v.rubrics[version]
            self._snapshots[version] = parse_snapshot(version, self._v.manifest["members"][name]["sha256"],
                                                      self.zf.read(name))
        return self._snapshots[version]

    def event(self, e: dict[str, Any]) -> None:
        path, v = self._path, self._v
        v.events += 1
        get = e.get  # one expression, not a loop: this runs for every event of a merge
        if type(e["action"]) is not str or type(e["entity"]) is not str \
                or e["action"] not in _ACTIONS or e["entity"] not in _ENTITIES or not isinstance(e["id"], str) \
                or not isinstance(e["entity_id"], str) or not _stamp_ok(e["hlc"]) \
                or not _ids(get("supersedes")) or not _ids(get("seen")) \
                or type(get("at")) is not str or type(get("who")) is not str or type(get("device")) is not str \
                or type(get("inspection_id")) not in OPTIONAL_TEXT or type(get("field")) not in OPTIONAL_TEXT \
                or type(get("reason")) not in OPTIONAL_TEXT:
            raise bad(path, f"中有无法识别的修改记录 {str(e['id'])[:12]}", f"has an event it cannot understand ({str(e['id'])[:12]})")
        entity, new = e["entity"], e.get("new")
        if not storable_event(e["action"], e.get("field"), new):
            raise unstorable(path)
        inspection = e.get("inspection_id")
        if entity == "household":  # the same checks as the household lines: nothing the store would refuse
            if e["action"] == "create" and isinstance(new, dict):
                household_ok(path, {**new, "id": e["entity_id"]})
            elif e.get("field") in HOUSEHOLD_TEXT + ("members", "id_masked"):
                household_ok(path, {"id": e["entity_id"], e["field"]: new})
        created = self._created
        if e["action"] == "create":
            if not isinstance(new, dict):
                raise bad(path, f"中的新建记录 {e['entity_id'][:12]} 缺少内容", f"has a create event without its record ({e['entity_id'][:12]})")
            complete(path, e, entity, new)
            created[e["entity_id"]] = entity
            for ref, pool in self._needs(e, entity, new):
                if type(ref) is not str or ref not in pool:
                    raise _missing(path, str(ref))
        else:
            field = e.get("field")
            if field is not None and entity != "mark" and field not in CHANGED_FIELDS[entity]:
                raise bad(path, f"中的修改记录 {str(e['id'])[:12]} 改的是不存在的字段「{field[:40]}」",
                          f"has an event ({str(e['id'])[:12]}) changing a field that does not exist ('{field[:40]}')")
            if entity == "rubric" and field == "version" and str(new) not in v.rubrics:
                raise bad(path, f"引用了未随包携带的细则版本 {str(new)[:12]}",
                          f"refers to a rubric version it does not carry ({str(new)[:12]})")
            if e["entity_id"] not in created and entity != "mark":
                raise _missing(path, e["entity_id"])
            if entity != "inspection" and inspection not in created and entity in _IN_INSPECTION:
                raise _missing(path, str(inspection))
        try:  # the items and values it names fit its inspection's rubric, as an edit in the window must
            self._values.event(e)
        except Refused as exc:
            raise bad(path, exc.zh, exc.en) from None

    def _needs(self, e: dict[str, Any], entity: str, new: dict[str, Any]) -> list[tuple[Any, Any]]:
        """What a create refers to, each with the pool it must be in."""
        path, v, created = self._path, self._v, self._created
        needs: list[tuple[Any, Any]] = []
        if entity == "finding":
            if new.get("household_id"):
                needs.append((new["household_id"], self._households))
        elif entity == "photo":
            if new.get("sha256") not in self._files:
                raise bad(path, f"引用了未随包携带的照片 {str(new.get('sha256'))[:12]}",
                          f"refers to a photo it does not carry ({str(new.get('sha256'))[:12]})")
            needs.append((new.get("finding_id"), created))
        elif entity == "inspection":
            if str(new.get("rubric_version")) not in v.rubrics:
                raise bad(path, f"引用了未随包携带的细则版本 {str(new.get('rubric_version'))[:12]}",
                          f"refers to a rubric version it does not carry ({str(new.get('rubric_version'))[:12]})")
            if new.get("assessee_id"):
                needs.append((new["assessee_id"], self._places))
        elif entity in TEAM_FIELDS and not all(isinstance(new.get(k), str) and new.get(k) for k in TEAM_FIELDS[entity]):
            raise bad(path, f"中的检查组记录 {e['entity_id'][:12]} 不完整", f"has an incomplete team record ({e['entity_id'][:12]})")
        elif entity == "place":
            needs.append((e["entity_id"], self._places))
        elif entity == "household":
            needs.append((e["entity_id"], self._households))
        elif entity == "assignment":
            needs += [(new.get("assessee_id"), self._places), (new.get("inspection_id"), created)]
        if entity in _OF_INSPECTION:
            needs.append((e.get("inspection_id"), created))
        return needs


def verify(path: str | Path) -> Verified:
    """Check everything a bundle holds, writing nothing; BundleError (one sentence) for the first fault."""
    return _verify(Path(path), events=True, photos=True)[0]


def read_signed(path: Path) -> Verified:
    """Only the manifest, its signature checked, with the photos and rubrics it lists: what an import
    needs to know that it has had this very file before (its members are not read)."""
    with open_zip(path) as zf:
        v = read_manifest(path, zf)
    for name in v.manifest["members"]:
        photo, rubric = PHOTO_MEMBER.match(str(name)), RUBRIC_MEMBER.match(str(name))
        if photo:
            v.photos[photo.group(1)] = name
        if rubric:
            v.rubrics[rubric.group(1)] = name
    return v


def verify_all_but_events_and_photos(path: Path) -> tuple[Verified, Records]:
    """What the import checks first: all but the events (``checked_events`` reads them once, checking
    each as it is applied) and the photos (``check_member`` as they are copied in)."""
    return _verify(path, events=False, photos=False)


def _verify(path: Path, *, events: bool, photos: bool) -> tuple[Verified, Records]:
    with open_zip(path) as zf:
        v = read_manifest(path, zf)
        listed = set(v.manifest["members"])
        present = set(zf.namelist()) - {MANIFEST, SIGNATURE}
        if listed != present:
            odd = sorted(listed ^ present)[0]
            raise bad(path, f"的内容与清单不符({odd}),疑为篡改", f"does not match its manifest ({odd}), which looks tampered with")
        try:
            for name in sorted(present):
                photo, rubric = PHOTO_MEMBER.match(name), RUBRIC_MEMBER.match(name)
                if photo:
                    v.photos[photo.group(1)] = name
                if rubric:
                    v.rubrics[rubric.group(1)] = name
                if name == EVENTS and not events or photo and not photos:
                    continue
                with zf.open(name) as fh:
                    reader = Hashing(fh)
                    _drain(reader)
                check_member(path, v, name, reader)
            records = Records(path, zf, v)
            if events:
                for e in lines(path, zf, EVENTS, EVENT_FIELDS[:9]):
                    records.event(e)
        except (zipfile.BadZipFile, EOFError, *damaged()):
            raise damaged_bundle(path) from None
        except OSError as exc:  # the stick pulled out or failing while its members are read
            raise unreadable(path, exc) from None
    return v, records


def check_member(path: Path, v: Verified, name: str, reader: Hashing) -> None:
    """A member read whole through ``reader`` is the one the manifest lists (and a photo, its name's hash)."""
    expected = v.manifest["members"][name]
    digest = reader.digest.hexdigest()
    if reader.size != expected.get("size") or digest != expected.get("sha256"):
        raise bad(path, f"中的 {name} 与清单的校验值不符,文件已被改动或损坏",
                  f"member {name} does not match the hash in its manifest: it was changed or is damaged")
    photo = PHOTO_MEMBER.match(name)
    if photo and photo.group(1) != digest:
        raise bad(path, f"中的照片 {name} 内容与其哈希值不符", f"photo {name} does not match its hash")


def damaged_bundle(path: Path) -> Exception:
    return bad(path, "已损坏(数据校验失败),请重新导出", "is damaged (a checksum fails); export it again", remedy=False)


def checked_events(zf: zipfile.ZipFile, v: Verified, records: Records) -> Iterator[dict[str, Any]]:
    """The events of a bundle verified all but its events (``verify_all_but_events_and_photos``), each
    hashed, parsed and checked as it is read, for the import to apply at once.

    The member's hash is checked at its end, and first when a line is refused, so that a
    tampered file gets the same sentence as from ``verify``. Raises BundleError; the caller's
    transaction then writes nothing.
    """
    path = v.path
    records.zf = zf  # the bundle opened again: its rubric snapshots are read from it when first named
    if EVENTS not in v.manifest["members"]:
        return
    try:
        with zf.open(EVENTS) as fh:
            reader = Hashing(fh)
            try:
                for e in parse_lines(path, EVENTS, reader, EVENT_FIELDS[:9]):
                    records.event(e)
                    yield e
            except BundleError:  # a line refused; a zip fault (the CRC) is "damaged", as verify says
                _drain(reader)
                check_member(path, v, EVENTS, reader)  # a tampered file says so, rather than what broke first
                raise
            _drain(reader)
            check_member(path, v, EVENTS, reader)
    except (zipfile.BadZipFile, EOFError, *damaged()):
        raise damaged_bundle(path) from None


def _drain(reader: IO[bytes] | io.RawIOBase) -> None:
    while reader.read(1 << 20):
        pass


def _ids(value: Any) -> bool:
    """A list of event ids, or nothing (``supersedes``, ``seen``)."""
    return not value or type(value) is list and all(type(x) is str for x in value)


def _stamp_ok(stamp: Any) -> bool:
    if type(stamp) is str and _STAMP.match(stamp):
        return True
    try:
        parse_stamp(stamp)
        return True
    except (ValueError, AttributeError, TypeError):
        return False


def _missing(path: Path, ref: str) -> Exception:
    return bad(path, f"中的修改引用了包内没有的记录 {ref[:12]},包不完整", f"has an event for a record it does not carry ({ref[:12]}); it is incomplete")
