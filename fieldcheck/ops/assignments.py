"""Assignments as the leader makes them: names resolved, the rubric published, a removal that spares work done.

``assign`` makes one assignment and its draft inspection per assessee, in one transaction,
and publishes the rubric it uses (``ops.rubrics``), so the bundle for the inspector
carries the rubric their later inspections use too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldcheck.engine.scoring import AssesseeError, resolve_assessee
from fieldcheck.i18n import t
from fieldcheck.ops.assessees import check_kind
from fieldcheck.ops.rubrics import to_publish
from fieldcheck.store import Assignment, StoreError
from fieldcheck.store.database import parse_date


@dataclass(frozen=True)
class Removed:
    assignment: Assignment
    #: whether its draft inspection went too (it does when nothing was recorded in it here)
    draft_deleted: bool


def find_assessee(store, ref: str) -> str:
    """A place's id from its id, its path (县/乡镇/村) or its name when only one place has it."""
    text = (ref or "").strip()
    for place in store.places.all():
        if place.id == text:
            return place.id
    if "/" in text:
        found = store.places.find(text)
        if found is not None:
            return found.id
    named = [p for p in store.places.all() if p.name == text]
    if len(named) == 1:
        return named[0].id
    if len(named) > 1:
        raise StoreError(t(f"有 {len(named)} 个单位叫「{text}」,请写完整路径,例如 衡阳县/西渡镇/梅花村",
                           f"{len(named)} places are called '{text}'; give the full path, e.g. 衡阳县/西渡镇/梅花村"))
    raise StoreError(t(f"没有被考核单位「{text}」;请检查名称或路径(县/乡镇/村)",
                       f"there is no assessee '{text}'; check the name or the path (county/township/village)"))


def assign(store, inspector: str, date: str, rubric_ref: str, assessees: list[str]) -> list[str]:
    """Assign ``inspector`` to each assessee (ids, paths or names) on ``date`` with the rubric; the new ids."""
    parse_date(date)  # a bad date is named before anything else is looked up
    rubric = to_publish(store, rubric_ref)
    with store.transaction():
        ids = [find_assessee(store, a) for a in assessees]
        for place_id in ids:
            _check_fits(store.places.get(place_id), rubric)
        store.rubrics.publish(rubric)
        return store.assignments.add(inspector, date, rubric, ids)


def _check_fits(place, rubric) -> None:
    """A place the rubric scores, as the new-inspection dialog offers: a village for the 考核细则, and
    with a target table (衡阳) a row of it in its own group; else StoreError, one sentence."""
    check_kind(place, rubric)
    if rubric.targets:
        try:
            resolve_assessee(rubric, {"name": place.name})  # in the table, and assessed
        except AssesseeError as exc:
            raise StoreError(t(f"不能分派「{place.name}」:{exc.reason.zh}",
                               f"cannot assign '{place.name}': {exc.reason.en}")) from None
        row = rubric.targets[place.name]
        if place.group and place.group != row.group:
            raise StoreError(t(f"不能分派「{place.name}」:目标表中它属「{row.group or '(无)'}」组,名册中却是「{place.group}」组;请先改正名册",
                               f"cannot assign '{place.name}': the target table puts it in group '{row.group}', "
                               f"the roster in '{place.group}'; correct the roster first"))


def remove(store, assignment_id: str) -> Removed:
    """Remove an assignment; its draft inspection goes to the wastebasket too unless work was recorded in it."""
    with store.transaction():
        assignment = store.assignments.remove(assignment_id)
        untouched = store.inspections.status(assignment.inspection_id) == "draft" \
            and not store.findings.of(assignment.inspection_id) and not store.findings.marks(assignment.inspection_id)
        if untouched:
            store.inspections.delete(assignment.inspection_id)
    return Removed(assignment, untouched)


def rows(store, inspector: str | None = None) -> list[dict[str, Any]]:
    """The live assignments as a person reads them: who, when, where, which rubric, the draft's state."""
    out = []
    for a in store.assignments.all(inspector):
        inspection = store.inspections.get(a.inspection_id)
        out.append({"id": a.id, "inspector": a.inspector, "date": a.date, "assessee": store.places.path(a.assessee_id),
                    "assessee_id": a.assessee_id, "rubric_id": a.rubric_id, "rubric_title": inspection.rubric_title,
                    "rubric_version": a.rubric_version, "inspection_id": a.inspection_id,
                    "status": "deleted" if inspection.deleted else inspection.status,
                    "findings": len(store.findings.of(a.inspection_id))})
    return out
