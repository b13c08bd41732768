"""The inspections list read straight from the tables, for when the search index is not made yet.

``Inspections`` keeps a search index in temp tables (``Inspections._index``): every place's
path and each inspection's lower-cased text, so that a keystroke is one short scan. Making
it reads every inspection and every place: about 100 ms at 10,000 inspections. The list's
first page needs none of that, only the ids in the list's order and the columns of the rows
on screen; these two queries give exactly what the index would (same order: the same
covering index and ORDER BY, ties by id as in that index; same paths: each place walked up to a root, at most 16 steps,
as the index's walk down stops at depth 16), and the index is made when a search or a
filter first needs it. tests/store/test_listing_direct.py holds both to the same answers.
"""

from __future__ import annotations

import sqlite3

#: the index's order, ties included (its next column is the id)
_ORDER = "ORDER BY i.deleted, i.date DESC, i.created_at DESC, i.id"

#: the live inspections' ids, newest first: the unfiltered list
IDS = f"SELECT i.id FROM inspections i INDEXED BY inspections_listed WHERE i.deleted = 0 {_ORDER}"

# From each listed assessee up to its root; a row whose next place is none (or missing) is a
# whole path. A place in a cycle never gets there and is listed under its own name, as in the index.
_UP = ("up(start, next, path, depth) AS (SELECT p.id, p.parent_id, p.name, 0 FROM places p WHERE p.id IN"
       " (SELECT assessee_id FROM inspections WHERE id IN ({marks}))"
       " UNION ALL SELECT up.start, q.parent_id, q.name || '/' || up.path, up.depth + 1 FROM up"
       " JOIN places q ON q.id = up.next WHERE up.depth < 16)")
_ROWS = ("WITH RECURSIVE " + _UP + ", paths(id, path) AS (SELECT start, path FROM up"
         " WHERE next IS NULL OR next NOT IN (SELECT id FROM places))"
         " SELECT i.id, i.rubric_id, i.rubric_version, i.rubric_title, i.assessee_id, i.assessee_name,"
         " i.assessee_group, i.inspectors, i.date, i.status, i.device, i.updated_at, i.hlc,"
         " coalesce(paths.path, i.assessee_name), i.hlc || '#' || i.changes,"
         " c.stamp, c.findings, c.photos, c.engine, c.score"
         # by primary key, not the covering index: a scan of all 10,000 took 10-50 ms, 100 lookups 5
         " FROM inspections i LEFT JOIN paths ON paths.id = i.assessee_id"
         " LEFT JOIN score_cache c ON c.inspection_id = i.id WHERE i.id IN ({marks}){live} " + _ORDER)


#: how many inspections are live: all (a count SQLite keeps cheaply) less the deleted (a seek in the
#: listed index, whose first column is ``deleted``), not a scan of that index's 10,000 wide entries
COUNT = ("SELECT (SELECT count(*) FROM inspections)"
         " - (SELECT count(*) FROM inspections WHERE deleted > 0 OR deleted < 0)")


def ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(IDS)]


def first_page(conn: sqlite3.Connection, size: int) -> tuple[list[str], int]:
    """The first ``size`` ids of ``ids`` and how many ``ids`` would give.

    At 10,000 inspections ``ids`` reads 900 pages of the listed index (5-7 ms of the window's
    start); these read a few.
    """
    first = [r[0] for r in conn.execute(IDS + " LIMIT ?", (size,))]
    return first, conn.execute(COUNT).fetchone()[0]


def rows(conn: sqlite3.Connection, only: list[str], include_deleted: bool) -> list[tuple]:
    """The listed columns of the inspections ``only`` (the columns of ``listing_index.LISTED``)."""
    marks = ", ".join("?" * len(only))
    sql = _ROWS.format(marks=marks, live="" if include_deleted else " AND i.deleted = 0")
    return conn.execute(sql, [*only, *only]).fetchall()
