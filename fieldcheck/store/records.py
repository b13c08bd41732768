"""The records the store hands out: plain frozen data, no database handles."""

from __future__ import annotations

import json
import re
from dataclasses import field
from typing import TYPE_CHECKING, Any, NamedTuple

from fieldcheck.store.lazy_dataclass import lazy_dataclass

if TYPE_CHECKING:  # the rubric model loads with the first rubric parsed, not with the store
    from fieldcheck.engine.rubric import Rubric

#: what separates names typed in one field: ASCII and full-width commas and semicolons, 、
#: and spaces (written as escapes: the full-width forms look like the ASCII ones in an editor);
#: compiled (and cached by re) when first used, not at every start
NAME_SEPARATORS = "[,\uff0c\u3001;\uff1b\\s]+"


def split_names(text: str) -> list[str]:
    """Inspectors typed as '张三、李四，王五' → ['张三', '李四', '王五'] (order kept, no repeats)."""
    seen: list[str] = []
    for name in re.split(NAME_SEPARATORS, text.strip()):
        if name and name not in seen:
            seen.append(name)
    return seen


@lazy_dataclass(frozen=True)
class Place:
    id: str
    kind: str  # "县" "乡镇" "村", or "县市区" / "单位" for other rubrics' assessees
    name: str
    parent_id: str | None
    group: str | None = None


@lazy_dataclass(frozen=True)
class Household:
    id: str
    village_id: str
    head_name: str
    members: int
    helper: str
    status: str
    id_masked: str | None


@lazy_dataclass(frozen=True)
class Inspection:
    id: str
    rubric: Rubric = field(repr=False)
    rubric_id: str
    rubric_version: str
    rubric_title: str
    assessee_id: str | None
    assessee_name: str
    assessee_group: str | None
    inspectors: list[str]
    date: str
    status: str
    device: str
    created_at: str
    updated_at: str
    deleted: bool = False

    @property
    def assessee(self) -> dict[str, Any]:
        """The assessee as ``scoring.score`` takes it."""
        out: dict[str, Any] = {"name": self.assessee_name}
        if self.assessee_group:
            out["group"] = self.assessee_group
        return out


@lazy_dataclass(frozen=True)
class InspectionRow:
    """An inspection as the list shows it, before scoring: its counts and its last change stamp."""

    inspection: Inspection
    assessee_path: str
    findings: int
    photos: int
    #: the HLC stamp of the inspection row's last change (findings carry their own)
    hlc: str = ""
    #: the inspection's change stamp: its row's HLC and a counter every finding, mark and photo
    #: write bumps; a cached score is valid only at the stamp it was computed at
    stamp: str = ""
    #: (engine key, score) from the list's score cache when computed at ``stamp``, else None
    cached: tuple[str, str] | None = None

    id = property(lambda self: self.inspection.id)
    assessee_name = property(lambda self: self.inspection.assessee_name)
    rubric_id = property(lambda self: self.inspection.rubric_id)
    rubric_title = property(lambda self: self.inspection.rubric_title)
    rubric_version = property(lambda self: self.inspection.rubric_version)
    status = property(lambda self: self.inspection.status)
    date = property(lambda self: self.inspection.date)
    device = property(lambda self: self.inspection.device)
    inspectors = property(lambda self: self.inspection.inspectors)
    updated_at = property(lambda self: self.inspection.updated_at)


class Listed(NamedTuple):
    """One row of the inspections list as the store reads it: plain columns, made by the thousand.

    ``stamp`` is the inspection's change stamp (its row's HLC and a counter that every write of
    one of its findings, marks or photos bumps); ``cache_stamp``, ``findings``, ``photos``,
    ``engine`` and ``score`` are what the score cache holds, valid when ``cached``.
    """

    id: str
    rubric_id: str
    rubric_version: str
    rubric_title: str
    assessee_id: str | None
    assessee_name: str
    assessee_group: str | None
    inspectors_json: str
    date: str
    status: str
    device: str
    updated_at: str
    hlc: str
    assessee_path: str
    stamp: str
    cache_stamp: str | None
    findings: int | None
    photos: int | None
    engine: str | None
    score: str | None

    @property
    def cached(self) -> bool:
        return self.cache_stamp == self.stamp

    @property
    def inspectors(self) -> list[str]:
        return json.loads(self.inspectors_json) if self.inspectors_json else []


@lazy_dataclass(frozen=True)
class Finding:
    id: str
    inspection_id: str
    item_id: str
    value: Any
    household_id: str | None
    note: str
    entered_by: str
    created_at: str
    updated_at: str
    device: str = ""
    hlc: str = ""


@lazy_dataclass(frozen=True)
class Photo:
    id: str
    sha256: str
    width: int
    height: int
    taken_at: str | None
    lat: float | None
    lon: float | None
    original_name: str
    finding_id: str = ""
    size: int = 0
    #: only a downsized copy has arrived (a bundle for a small stick); width and height are the original's
    downsized: bool = False


@lazy_dataclass(frozen=True)
class AuditEntry:
    at: str
    who: str
    device: str
    action: str  # "create", "update", "delete", "restore"
    entity: str  # "place", "household", "inspection", "finding", "mark", "photo"
    entity_id: str
    field: str | None
    old: Any
    new: Any
    inspection_id: str | None = None
    hlc: str = ""


@lazy_dataclass(frozen=True)
class Assignment:
    """Who visits which assessee on which day with which rubric, and the draft inspection made for it."""

    id: str
    inspector: str
    date: str
    rubric_id: str
    rubric_version: str
    assessee_id: str
    inspection_id: str
    deleted: bool = False
