"""What a bundle's records must hold for the store to keep them: the types of a record line's fields, what
a create's record must carry, values SQLite can bind. ``verify`` refuses by these whatever the import would
fail on mid-way, so that the two never disagree (tests/sync/test_bundle_fuzz.py throws arbitrary values).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from fieldcheck.store import MAX_HOUSEHOLD_MEMBERS, holds_id_number
from fieldcheck.store.database import StoreError
from fieldcheck.store.id_numbers import mask_id_number
from fieldcheck.sync.bundle import bad

#: an event's text columns that may be empty: text or nothing (``[] or ""`` passed for text once, and failed in
#: SQLite mid-import where verify had said the bundle was fine); when, who and which device must be text
OPTIONAL_TEXT = frozenset((str, type(None)))


#: what the store reads from a create's record without a default (text, or a whole number), and what it may
#: leave out (text or nothing): the import would fail on a missing one mid-way, where verify had passed it
_CREATE_NEEDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "place": (("kind", "name"), (), ("parent_id", "group")),
    "household": (("village_id", "head_name"), (), ("helper", "status", "id_masked")),
    "inspection": (("rubric_id", "rubric_version", "assessee_name", "date"), (), ("assessee_id", "assessee_group")),
    "finding": (("item_id",), (), ("household_id", "note", "entered_by")),
    "photo": (("finding_id", "sha256"), (), ("original_name",)),
    "signature": (("role", "name", "signed_at"), ("revision",), ("image", "image_sha256")),
    "revision": ((), ("number",), ("content_hash", "key_id", "signed_at", "signed_by", "content")),
    "assignment": (("inspector", "date", "rubric_id", "rubric_version", "assessee_id", "inspection_id"), (), ()),
}


def complete(path: Path, e: dict[str, Any], entity: str, new: dict[str, Any]) -> None:
    """BundleError for a create whose record lacks what the store needs, or holds it in another type."""
    needs = _CREATE_NEEDS.get(entity)
    if needs is None:
        return
    text, whole, optional = needs
    for key in text:
        if type(new.get(key)) is not str:
            raise _incomplete(path, e, key)
    for key in whole:
        if type(new.get(key)) is not int:
            raise _incomplete(path, e, key)
    for key in optional:
        if type(new.get(key)) not in OPTIONAL_TEXT:
            raise _incomplete(path, e, key)
    if entity == "signature" and new.get("image") and not _base64(new["image"]):
        raise _incomplete(path, e, "image")


def _incomplete(path: Path, e: dict[str, Any], key: str) -> Exception:
    return bad(path, f"中的新建记录 {e['entity_id'][:12]} 缺少字段 {key} 或其类型不对",
               f"has a create event ({e['entity_id'][:12]}) whose {key} is missing or of the wrong type")


_TEXT, _NUMBER = (str,), (int, float)
#: the types of a record line's fields the store keeps (None allowed unless required): a field of another
#: type would fail in SQLite mid-import, or be stored and break whatever reads it later
PLACE_SHAPE = {"id": _TEXT, "kind": _TEXT, "name": _TEXT, "parent_id": _TEXT, "group": _TEXT, "device": _TEXT,
                "hlc": _TEXT, "created_at": _TEXT}
HOUSEHOLD_SHAPE = {"id": _TEXT, "village_id": _TEXT, "head_name": _TEXT, "device": _TEXT, "hlc": _TEXT,
                    "created_at": _TEXT}
PHOTO_SHAPE = {"sha256": _TEXT, "ext": _TEXT, "size": (int,), "width": (int,), "height": (int,),
                "thumbnail": _TEXT, "taken_at": _TEXT, "lat": _NUMBER, "lon": _NUMBER, "stored_sha256": _TEXT,
                "stored_ext": _TEXT}
#: the columns these land in that are NOT NULL: a record without one would pass verify and fail the import
_REQUIRED = frozenset(("id", "sha256", "ext", "thumbnail", "village_id", "kind", "name", "head_name", "size", "width",
                       "height", "device", "hlc", "created_at"))
_EXT = re.compile(r"[a-z0-9]{1,5}")


def shaped(path: Path, member: str, row: dict[str, Any], shape: dict[str, tuple[type, ...]]) -> None:
    """BundleError for a record line whose fields are not of the type the store keeps them in."""
    for key, types in shape.items():
        value = row.get(key)
        if value is None and key not in _REQUIRED:
            continue
        if type(value) is bool or not isinstance(value, types) \
                or key in ("ext", "stored_ext") and not _EXT.fullmatch(value) \
                or key == "thumbnail" and not _base64(value):
            raise bad(path, f"中 {member} 的记录 {str(row.get('id', row.get('sha256')))[:12]} 的字段 {key} 无效",
                      f"has a record in {member} ({str(row.get('id', row.get('sha256')))[:12]}) with an invalid {key}")


def _base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
        return True
    except ValueError:  # binascii.Error
        return False


#: fields the store keeps as JSON text or reads as JSON (an item's value, a signature's strokes…): any JSON
_AS_JSON = frozenset(("value", "inspectors", "items", "strokes", "revision"))
#: fields that are a small record of their own (who voided, revoked or amended, when, why): its parts are columns
_MARKED = frozenset(("voided", "revoked", "amended"))
_INT64 = 1 << 63


_SCALARS = frozenset((str, float, bool, type(None)))


def _storable(value: Any) -> bool:
    """Whether SQLite keeps this in a column of its own: text, a number it can hold, or nothing."""
    kind = type(value)
    return kind in _SCALARS or kind is int and -_INT64 <= value < _INT64


def storable_event(action: str, field: str | None, new: Any) -> bool:
    """Whether the store can keep what an event carries, so that ``verify`` refuses what the import would
    (SQLite refuses an object or a 70-digit number bound as a column's value, mid-import)."""
    if action == "create":
        if type(new) is dict:  # a loop, not all(): this runs for every event of a merge
            for key, value in new.items():
                if type(value) not in _SCALARS and key not in _AS_JSON and not _storable(value):
                    return False
        return True
    if field in _AS_JSON:
        return True
    if field in _MARKED and type(new) is dict:
        return all(_storable(v) for v in new.values())
    return _storable(new)


def unstorable(path: Path) -> Exception:
    return bad(path, "中有本库无法保存的记录(字段类型或引用不对)",
               "holds a record this database cannot store (a field of the wrong type or a broken reference)")


#: a household's fields a person types: a whole ID number is kept in none of them
HOUSEHOLD_TEXT = ("head_name", "helper", "status")


def _id_number_ok(number: Any) -> bool:
    """Nothing, or what the store masks as it arrives (a masked number, or a whole one from schema 10)."""
    if number is None:
        return True
    if type(number) is not str:
        return False
    try:
        mask_id_number(number)
    except StoreError:
        return False
    return True


def household_ok(path: Path, h: dict[str, Any]) -> None:
    """BundleError for a household record this database would not take from a person: members out of 1–99,
    a name that is not text or holds a whole ID number, an ID number that is not one (a bundle from another
    program, or altered)."""
    members = h.get("members", 1)
    texts = [h.get(k) for k in HOUSEHOLD_TEXT if k in h]
    if isinstance(members, bool) or not isinstance(members, int) or not 1 <= members <= MAX_HOUSEHOLD_MEMBERS \
            or not all(isinstance(x, str) and not holds_id_number(x) for x in texts if x is not None) \
            or not _id_number_ok(h.get("id_masked")):
        raise bad(path, f"中的农户记录 {str(h.get('id'))[:12]} 不合理(人口应为 1 到 {MAX_HOUSEHOLD_MEMBERS},姓名中不能有身份证号)",
                  f"has an unreasonable household record {str(h.get('id'))[:12]} (members must be 1 to "
                  f"{MAX_HOUSEHOLD_MEMBERS}, and no name may hold an ID number)")
