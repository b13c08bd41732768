"""Which kinds of place a rubric scores, so that a new inspection offers only those.

The rubric files do not say it yet (a field for it belongs to the rubric format); until they
do, a rubric with a target table scores 县市区 (its rows are 县市 and 区), and the shipped
rubrics are known by id. Any other rubric may be used on any place.
"""

from __future__ import annotations

from fieldcheck.engine.rubric import Rubric
from fieldcheck.store.database import PLACE_KINDS

#: the shipped rubrics' assessees: the 考核细则 scores a village's work team, the 考评办法 a 县 or 乡镇
KNOWN = {"village-work-team": ("村",), "county-township": ("县", "乡镇")}


def assessee_kinds(rubric: Rubric | None) -> tuple[str, ...]:
    if rubric is None:
        return PLACE_KINDS
    if rubric.targets:
        return ("县市区",)
    return KNOWN.get(rubric.id, PLACE_KINDS)
