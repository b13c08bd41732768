"""The list read straight from the tables (the first page, before the search index is made) equals the index's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.store import Store, listing_direct


def both(store: Store) -> tuple[list, list]:
    """(ids, rows by id) read directly, then through the search index."""
    conn = store.connection
    every = [r[0] for r in conn.execute("SELECT id FROM inspections")]
    direct = (listing_direct.ids(conn), sorted(listing_direct.rows(conn, every, True)))
    store.inspections.prepare_search()
    indexed = (store.inspections.ids(), sorted(tuple(r) for r in store.inspections.listing(only=every,
                                                                                          include_deleted=True)))
    return direct, indexed


def test_the_first_page_needs_no_search_index(store):
    rubric = catalog.find("village-work-team")
    county = store.places.add("县", "荷坪县")
    town = store.places.add("乡镇", "杉山乡", county)
    made = [store.inspections.create(rubric, assessee_id=store.places.add("村", f"村{n}", town),
                                     assessee_name=f"村{n}", inspectors=["张三"], date="2026-10-01") for n in range(5)]
    made.append(store.inspections.create(rubric, assessee_id=None, assessee_name="手写单位", inspectors=["李四"],
                                         date="2026-10-02"))
    store.inspections.delete(made[2])
    assert not store.inspections._fresh()
    ids = store.inspections.ids()
    assert not store.inspections._fresh()  # read without making the index
    assert len(ids) == 5 and made[2] not in ids
    rows = store.inspections.listing(only=ids[:2])
    assert [r.id for r in rows] == ids[:2]
    assert {r.assessee_path for r in rows} <= {"荷坪县/杉山乡/" + f"村{n}" for n in range(5)} | {"手写单位"}
    direct, indexed = both(store)
    assert direct == indexed
    assert store.inspections._fresh()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parents=st.lists(st.integers(min_value=-2, max_value=20), min_size=1, max_size=20),
       listed=st.lists(st.tuples(st.integers(min_value=-1, max_value=19), st.integers(min_value=1, max_value=3),
                                 st.booleans()), min_size=1, max_size=8))
def test_direct_and_indexed_agree_on_any_roster(tmp_path_factory, parents, listed):
    """Any tree of places, with orphans (a parent that is not there) and cycles a bad merge might leave,
    and inspections on them, on typed names, on the same dates, some deleted."""
    store = Store.open(tmp_path_factory.mktemp("direct") / "f.db", device="d", daily_backup=False,
                       backup_on_close=False)
    try:
        conn = store.connection
        conn.execute("PRAGMA foreign_keys = OFF")  # a roster as a bad merge might leave it
        ids = [f"p{n:02d}" for n in range(len(parents))]
        for n, parent in enumerate(parents):  # -1: a root, -2: a parent that is not in the table
            parent_id = None if parent == -1 else "gone" if parent == -2 else f"p{parent % len(parents):02d}"
            conn.execute("INSERT INTO places (id, kind, name, parent_id, device, hlc, created_at, updated_at)"
                         " VALUES (?, '单位', ?, ?, 'd', '', '', '')", (ids[n], f"地{n}", parent_id))
        rubric = catalog.find("village-work-team")
        for place, day, deleted in listed:
            assessee = None if place < 0 else ids[place % len(ids)]
            made = store.inspections.create(rubric, assessee_id=None, assessee_name=f"单位{place}",
                                            inspectors=["张三"], date=f"2026-10-0{day}")
            conn.execute("UPDATE inspections SET assessee_id = ? WHERE id = ?", (assessee, made))
            if deleted:
                store.inspections.delete(made)
        direct, indexed = both(store)
        assert direct == indexed
    finally:
        store.close()


def test_a_roster_deeper_than_the_walk_limit_is_listed_alike(tmp_path):
    with Store.open(tmp_path / "deep.db", device="d", daily_backup=False, backup_on_close=False) as store:
        conn = store.connection
        rubric = catalog.find("village-work-team")
        for n in range(20):  # a chain 20 deep: the index walks 16 down; below that, the typed name
            conn.execute("INSERT INTO places (id, kind, name, parent_id, device, hlc, created_at, updated_at)"
                         " VALUES (?, '单位', ?, ?, 'd', '', '', '')", (f"p{n:02d}", f"地{n}", f"p{n - 1:02d}" if n else None))
            made = store.inspections.create(rubric, assessee_id=None, assessee_name=f"单位{n}", inspectors=["张三"],
                                            date="2026-10-01")
            conn.execute("UPDATE inspections SET assessee_id = ? WHERE id = ?", (f"p{n:02d}", made))
        direct, indexed = both(store)
        assert direct == indexed
        paths = {r[0]: r[13] for r in indexed[1]}
        assert sum(path.startswith("地0/") for path in paths.values()) == 16  # 地1 … 地16 under the root


def test_the_first_page_and_the_count_are_the_unfiltered_list_s(store):
    """What the window reads to start (a page of ids and how many) agrees with every id, deleted ones left out."""
    rubric = catalog.find("village-work-team")
    made = [store.inspections.create(rubric, assessee_id=None, assessee_name=f"单位{n}", inspectors=["张三"],
                                     date=f"2026-10-{n % 9 + 1:02d}") for n in range(12)]
    for gone in made[3:6]:
        store.inspections.delete(gone)
    every = store.inspections.ids()
    assert len(every) == 9
    for size in (0, 1, 5, 9, 20):
        assert store.inspections.first_page(size) == (every[:size], 9)
    store.inspections.restore(made[4])
    assert store.inspections.first_page(3) == (store.inspections.ids()[:3], 10)
