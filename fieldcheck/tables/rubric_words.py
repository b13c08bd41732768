"""What a clerk's table says in words that the rule columns do not: a pool (扣完20分为止), a 合计.

A county office types the criterion as the document prints it, "每缺少一项扣2分,扣完20分为止",
and leaves 封顶 empty: the 20 names the section whose points the items share (seed 001), so
an item of 4 points may lose 6. Read as the item's own cap, the same answers would score
more than the text gives. The 合计 row states the whole the parts must add up to.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldcheck.tables.cells import clean_text

#: a category's heading as one cell: 一、组织领导(20分), 二 精准扶贫精准脱贫(120分), 三.日常工作
_HEADING = re.compile(r"^([一二三四五六七八九十]+)[、.,\s]*(\S.*?)\s*(?:\((\d+(?:\.\d+)?)\s*分\))?$")
_POOL = re.compile(r"扣完\s*(\d+(?:\.\d+)?)\s*分\s*为?止")
#: a row that sums the whole table, whose points the parts must add up to
TOTAL_LABELS = ("合计", "总计", "总分")
#: rows that are sums, not sections or items (小计 sums a part the section's own points state)
SUM_LABELS = (*TOTAL_LABELS, "小计")


def sum_label(row: list[Any]) -> str | None:
    """The 合计 / 总计 / 小计 a row is labelled with ("合  计" too), or None."""
    for value in row:
        if isinstance(value, str) and (label := clean_text(value).replace(" ", "")) in SUM_LABELS:
            return label
    return None


def heading_words(value: Any) -> tuple[str, str, Decimal | None] | None:
    """(numeral, name, points or None) of a heading typed in one cell, or None."""
    found = _HEADING.match(clean_text(value))
    if found is None:
        return None
    return found.group(1), found.group(2), Decimal(found.group(3)) if found.group(3) else None


def pool_in_words(standard: Any) -> Decimal | None:
    """The N of "扣完N分为止" in a criterion's text (full-width digits read), or None."""
    found = _POOL.search(clean_text(standard))
    return Decimal(found.group(1)) if found else None


def as_decimal(value: Any) -> Decimal | None:
    try:
        return None if value is None or isinstance(value, bool) else Decimal(str(value))
    except InvalidOperation:
        return None


def pool_section(node: dict[str, Any], parent: str | None, by_id: dict[str, dict[str, Any]],
                 parent_of: dict[str, str | None]) -> tuple[Decimal, str | None] | None:
    """For an item without 封顶 whose text names a pool: (N, the enclosing section of N points or None).

    None when the text names no pool or the pool is the item's own points (扣完为止 on itself).
    """
    n = pool_in_words(node.get("standard"))
    if n is None or n == as_decimal(node.get("points")):
        return None
    while parent is not None and parent in by_id:
        section = by_id[parent]
        if as_decimal(section.get("points")) == n:
            return n, str(section["id"])
        parent = parent_of.get(parent)
    return n, None
