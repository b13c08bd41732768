"""An inspection made from an answers document (``fieldcheck inspection add``).

The document is the one ``fieldcheck score`` reads, with the assessee's name (and group),
and optionally ``inspectors`` and ``date``. Its answers become findings and marks (see
``answers.findings_from_answers``), so the stored inspection scores exactly as the
document does. Everything is checked first and written in one transaction: a bad
document changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from fieldcheck.engine.answers import findings_from_answers
from fieldcheck.engine.numbers import shown
from fieldcheck.engine.rubric import Rubric
from fieldcheck.engine.scoring import resolve_assessee, score
from fieldcheck.i18n import t
from fieldcheck.ops.assessees import check_kind, rostered
from fieldcheck.ops.places import is_village_path, village_at
from fieldcheck.store import StoreError


def add_inspection_from_answers(store, rubric: Rubric, assessee: Mapping[str, Any], answers: Mapping[str, Any],
                                doc: Mapping[str, Any] | None = None) -> str:
    """Create the inspection and return its id; AnswerError or StoreError before anything is written."""

    doc = doc or {}
    raw_name = (assessee or {}).get("name")
    name = raw_name.strip() if isinstance(raw_name, str) else ""
    if not name or len(name) > 100:
        raise StoreError(t('答案文件需要写明被考核单位:"assessee": {"name": …}',
                           'the answers file must name the assessee: "assessee": {"name": …}'))
    who = resolve_assessee(rubric, assessee)
    score(rubric, answers, who)  # every answer is checked, with the assessee's targets, before any write
    findings, marks = findings_from_answers(rubric, answers)
    inspectors = _inspectors(doc.get("inspectors"))
    day = _day(doc.get("date"))
    with store.transaction():
        place = _place_for(store, rubric, name, who.group)
        inspection = store.inspections.create(rubric, assessee_id=place, assessee_name=name.split("/")[-1],
                                             inspectors=inspectors, date=day, assessee_group=who.group)
        store.findings.add_many(inspection, [{"item_id": item_id, "value": value} for item_id, value in findings])
        for item_id, mark in marks.items():
            store.findings.set_mark(inspection, item_id, mark)
    return inspection


def _inspectors(raw: Any) -> list[str]:
    """The inspectors' names: a list of a few short names."""
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > 20 or not all(isinstance(n, str) and 0 < len(n.strip()) <= 40 for n in raw):
        raise StoreError(t('检查人员应写成名字列表,如 "inspectors": ["王芳", "李强"](最多 20 人)',
                           'inspectors must be a list of names, e.g. "inspectors": ["王芳", "李强"] (20 at most)'))
    return [n.strip() for n in raw]


def _day(raw: Any) -> str:
    """The inspection's date as YYYY-MM-DD; today when not given."""
    if raw is None:
        return date.today().isoformat()
    try:
        if not isinstance(raw, str):
            raise ValueError(raw)
        return date.fromisoformat(raw.strip()).isoformat()
    except ValueError:
        raise StoreError(t(f"日期应写成 2024-05-18 这样的格式(填的是 {shown(raw)})",
                           f"the date must look like 2024-05-18 (got {shown(raw)})")) from None


def _place_for(store, rubric: Rubric, name: str, group: str | None) -> str:
    """The place named (or at the path "县/乡镇/村"), created when it is not there yet."""
    found = rostered(store, rubric, name)  # as assign refuses it: a 乡镇 is not scored with the village rubric
    if found is not None:
        return found
    if is_village_path(name):
        place = village_at(store, name)
        check_kind(store.places.get(place), rubric)  # the caller's transaction takes the new places back
        return place
    if "/" in name:
        raise StoreError(t(f"「{name}」不是「县/乡镇/村」三级的村名路径;请写成 县/乡镇/村,或只写单位名称",
                           f"'{name}' is not a 县/乡镇/村 path of three levels; write 县/乡镇/村, or the unit's name alone"))
    kind = "县市区" if rubric.groups else "单位"
    return store.places.add(kind, name, group=group if kind == "县市区" else None)
