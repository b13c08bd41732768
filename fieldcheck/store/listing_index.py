"""The inspections list's search index, in the store connection's temp tables (never in the file).

``listing_paths`` holds every place's path; ``listing_index`` a row per inspection in the
list's order with its status, assessee and the lower-cased text a search matches, and
``listing_rows`` the columns the list shows. It is made again only when the database
changed: the connection's ``total_changes`` and SQLite's ``data_version`` (another
program's writes) say so without reading a table. So a search keystroke scans short rows in
one table instead of joining and concatenating 10,000 inspections. ``Inspections`` owns one
``SearchIndex`` and takes the store's lock around it; ``listing_direct`` answers the list's
first page before the index is made.
"""

from __future__ import annotations

import sqlite3
from typing import Any

# Every place's path ("衡阳县/西渡镇/梅花村"), from the top down, in SQL; the depth limit
# stops a cycle a bad merge might leave (Places.path stops at a repeat the same way). A place
# a damaged page left without its id or name, or twice, has no path (its inspections show their
# assessee's name) rather than a constraint's traceback: ``db check`` is what tells the damage.
_PATHS = ("WITH RECURSIVE paths(id, path, depth) AS (SELECT id, name, 0 FROM places"
          " WHERE parent_id IS NULL OR parent_id NOT IN (SELECT id FROM places)"
          " UNION ALL SELECT p.id, paths.path || '/' || p.name, depth + 1 FROM places p"
          " JOIN paths ON p.parent_id = paths.id WHERE depth < 16)"
          " INSERT OR IGNORE INTO temp.listing_paths SELECT id, path FROM paths")
_SUBTREE = "subtree(id) AS (SELECT ? UNION SELECT p.id FROM places p JOIN subtree ON p.parent_id = subtree.id)"
#: the columns of ``Listed``, over the index
LISTED = ("r.id, r.rubric_id, r.rubric_version, r.rubric_title, r.assessee_id, r.assessee_name,"
          " r.assessee_group, r.inspectors, r.date, r.status, r.device, r.updated_at, r.hlc, r.path, r.stamp,"
          " c.stamp, c.findings, c.photos, c.engine, c.score")


class SearchIndex:
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._temp_in_memory = False

    @staticmethod
    def _changes(conn: sqlite3.Connection) -> tuple[int, int]:
        return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]

    def fresh(self, conn: sqlite3.Connection) -> bool:
        """True when the index is made and the database has not changed since."""
        return self._key == self._changes(conn)

    def unchanged_by_writes_since(self, conn: sqlite3.Connection, changes: int) -> None:
        """The writes since ``changes`` (the connection's ``total_changes`` then) touched no table the
        index reads (the score cache): an index fresh before them stays fresh."""
        if self._key is not None and self._key[0] == changes:
            self._key = (conn.total_changes, self._key[1])

    def make(self, conn: sqlite3.Connection) -> None:
        """Make the index, unless the database has not changed since it was made."""
        key = self._changes(conn)
        if key == self._key:
            return
        if not self._temp_in_memory and not conn.in_transaction:
            # The index is a few MB: keep it off the disk. Set once: setting it drops temp tables.
            conn.execute("PRAGMA temp_store = MEMORY")
            self._temp_in_memory = True
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS listing_paths (id TEXT PRIMARY KEY, path TEXT NOT NULL)"
                     " WITHOUT ROWID")
        conn.execute("DELETE FROM temp.listing_paths")
        conn.execute(_PATHS)
        conn.execute("DROP TABLE IF EXISTS temp.listing_rows")
        conn.execute("DROP TABLE IF EXISTS temp.listing_index")
        conn.execute(
            "CREATE TEMP TABLE listing_rows AS SELECT i.id, i.rubric_id, i.rubric_version, i.rubric_title,"
            " i.assessee_id, i.assessee_name, i.assessee_group, i.inspectors, i.date, i.status, i.device,"
            " i.updated_at, i.hlc, coalesce(paths.path, i.assessee_name) AS path, i.hlc || '#' || i.changes AS stamp,"
            " i.deleted FROM inspections i INDEXED BY inspections_listed LEFT JOIN temp.listing_paths paths"
            " ON paths.id = i.assessee_id ORDER BY i.deleted, i.date DESC, i.created_at DESC")
        # Narrow, so that a keystroke's scan stays in SQLite's page cache. ASCII letters fold with
        # lower(); Chinese has no case. Inspectors are JSON text (["张三", "李四"]): its brackets,
        # quotes and commas are left out, or a search for " would list every inspection.
        conn.execute(
            "CREATE TEMP TABLE listing_index AS SELECT r.rowid AS at, r.id, r.status, r.assessee_id, r.deleted,"
            " lower(r.path || ' ' || r.assessee_name || ' ' || r.rubric_title || ' ' || r.rubric_id || ' ' ||"
            " replace(replace(replace(replace(r.inspectors, '[', ''), ']', ''), '\"', ''), ',', ' ') || ' ' ||"
            " r.date) AS haystack FROM temp.listing_rows r ORDER BY r.rowid")
        # inside a transaction a rollback would undo the tables too: make them again next time
        self._key = None if conn.in_transaction else (conn.total_changes, key[1])


def query(columns: str, *, status: str | None, place_id: str | None, search: str | None,
          include_deleted: bool, only: list[str] | None = None) -> tuple[str, list[Any]]:
    """The list's query over the index: filters, place subtree (recursive) and search, newest first."""
    ctes: list[str] = []
    where: list[str] = []
    params: list[Any] = []
    if only is not None:
        where.append(f"x.id IN ({', '.join('?' * len(only))})")
        params.extend(only)
    if place_id is not None:
        ctes.append(_SUBTREE)
        params.append(place_id)
        where.append("x.assessee_id IN (SELECT id FROM subtree)")
    if not include_deleted:
        where.append("x.deleted = 0")
    if status is not None:
        where.append("x.status = ?")
        params.append(status)
    needle = (search or "").strip().lower()
    if needle and len(needle) >= 4:  # or the beginning of its id, as the workbooks cite it (检查 1a2b3c4d)
        where.append("(instr(x.haystack, ?) > 0 OR substr(x.id, 1, ?) = ?)")
        params.extend((needle, len(needle), needle))
    elif needle:
        where.append("instr(x.haystack, ?) > 0")
        params.append(needle)
    sql = f"{'WITH RECURSIVE ' + ', '.join(ctes) if ctes else ''} SELECT {columns} FROM temp.listing_index x"
    if columns != "x.id":
        sql += " JOIN temp.listing_rows r ON r.rowid = x.at LEFT JOIN score_cache c ON c.inspection_id = x.id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY x.rowid", params
