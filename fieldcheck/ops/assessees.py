"""Which kinds of place a rubric scores, so that a new inspection offers only those.

The rubric files do not say it yet (a field for it belongs to the rubric format); until they
do, a rubric with a target table scores 县市区 (its rows are 县市 and 区), and the shipped
rubrics are known by id. Any other rubric may be used on any place.
"""

from __future__ import annotations

from fieldcheck.engine.rubric import Rubric
from fieldcheck.i18n import t
from fieldcheck.store import StoreError
from fieldcheck.store.database import PLACE_KINDS

#: the shipped rubrics' assessees: the 考核细则 scores a village's work team, the 考评办法 a 县 or 乡镇
KNOWN = {"village-work-team": ("村",), "county-township": ("县", "乡镇")}


def assessee_kinds(rubric: Rubric | None) -> tuple[str, ...]:
    if rubric is None:
        return PLACE_KINDS
    if rubric.targets:
        return ("县市区",)
    return KNOWN.get(rubric.id, PLACE_KINDS)


def check_kind(place, rubric: Rubric) -> None:
    """StoreError, one sentence, when the rubric does not score this kind of place (a 乡镇 under the 考核细则)."""
    kinds = assessee_kinds(rubric)
    # a county a roster made (县) is the same assessee as a table's 县市区 row of that name
    if place.kind not in kinds and not (place.kind == "县" and "县市区" in kinds):
        raise StoreError(t(f"「{place.name}」是{place.kind},细则「{rubric.title}」考核的是{'、'.join(kinds)};请换一个被考核单位",
                           f"'{place.name}' is a {place.kind}, but the rubric '{rubric.title}' assesses "
                           f"{', '.join(kinds)}; choose another assessee"))


def rostered(store, rubric: Rubric, name: str) -> str | None:
    """The id of the roster's place with this name (or at this path), or None when there is none; StoreError
    when the rubric does not score its kind. A typed name is the roster's place when there is one, in the
    window as in ``inspection add``: 梅花村 with its households, and 西渡镇 refused under the 考核细则."""
    found = store.places.find(name)
    if found is None:
        return None
    check_kind(found, rubric)
    return found.id
