"""Finding a table's columns by their names, with the synonyms officials use, not by position."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from fieldcheck.tables.cells import header_key
from fieldcheck.tables.reading import Sheet

#: how far down a sheet its header row may be (title rows, notes, blank rows above it)
HEADER_SEARCH_ROWS = 20


def match_header(value: object, synonyms: Mapping[str, Sequence[str]]) -> str | None:
    """The field a header cell names, or None.

    An exact name (or synonym) wins; else the longest synonym of two or more characters
    that the header contains, so '户主身份证号' is the ID number and '帮扶责任人姓名' the helper.
    """
    key = header_key(value)
    if not key:
        return None
    best: tuple[int, str] | None = None
    for name, words in synonyms.items():
        for word in words:
            w = header_key(word)
            if key == w:
                return name
            # only in a short header: a long text that mentions 满分 is a criterion, not a column name
            if len(w) >= 2 and w in key and len(key) <= len(w) + 6 and (best is None or len(w) > best[0]):
                best = (len(w), name)
    return best[1] if best else None


def find_header(sheet: Sheet, synonyms: Mapping[str, Sequence[str]], required: str) -> tuple[int, dict[str, int]] | None:
    """(first data row, {field: column}) for the header naming ``required``, or None.

    The header may span two rows (a merged group title over its columns); the lower
    row's name wins for a column, and the data starts below the last header row.
    """
    for r in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        found = _fields(sheet.rows[r], synonyms)
        if required not in found.values():
            continue
        columns = {name: c for c, name in found.items()}
        start = r + 1
        if start < len(sheet.rows):
            below = _fields(sheet.rows[start], synonyms)
            # the row below continues the header only if it names fields the upper row did not
            # ("户主0" in a data row under 户主 names nothing new) and holds no numbers
            news = [name for name in below.values() if name not in columns]
            if news and not any(isinstance(v, (int, float)) for v in sheet.rows[start]):
                for c, name in below.items():
                    columns[name] = c
                start += 1
        return start, columns
    return None


def _fields(row: Sequence[object], synonyms: Mapping[str, Sequence[str]]) -> dict[int, str]:
    found: dict[int, str] = {}
    taken: set[str] = set()
    for c, value in enumerate(row):
        name = match_header(value, synonyms)
        if name is not None and name not in taken:  # a merged header repeats: the first column is the field
            found[c] = name
            taken.add(name)
    return found

