"""Property: whatever the leader assigns, removes and publishes, and in whatever order the inspector's
bundles arrive (old ones again included), the inspector ends with the leader's assignments and rubrics."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import Laptop
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import load_text
from fieldcheck.ops import assignments
from fieldcheck.ops.places import village_at
from fieldcheck.store import StoreError
from fieldcheck.sync.assigned import export_for

VILLAGES = ("梅花村", "桃村", "杏村")
#: the shipped village rubric; ``_edited`` is the county's copy with one 十个一 duty changed
RUBRIC = catalog.find("village-work-team")

step = st.one_of(
    st.tuples(st.just("assign"), st.sampled_from(VILLAGES), st.sampled_from(["2026-11-23", "2026-11-24"])),
    st.tuples(st.just("remove"), st.integers(0, 5), st.just("")),
    st.tuples(st.just("publish"), st.booleans(), st.just("")),
    st.tuples(st.just("household"), st.sampled_from(VILLAGES), st.sampled_from(["甲", "乙"])),
)


def _edited():
    return load_text(RUBRIC.text.replace("一本民情日记", "一本村级扶贫档案"), "<county copy>")


def _state(store) -> dict:
    return {
        "assignments": sorted((a.id, a.inspection_id, a.date) for a in store.assignments.all("张三")),
        "drafts": sorted(store.inspections.ids()),
        "rubric": store.rubrics.version("village-work-team"),
        "households": sorted((h.village_id, h.head_name) for v in store.places.all("村")
                             for h in store.households.of_village(v.id)),
    }


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=1, max_size=8), order=st.permutations(range(9)))
def test_the_inspector_converges_whatever_the_order_of_bundles(steps, order):
    edited = _edited()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        leader, inspector = Laptop(folder, "L"), Laptop(folder, "Z")
        try:
            ids = {name: village_at(leader.store, f"衡阳县/西渡镇/{name}") for name in VILLAGES}
            bundles = []
            for n, (kind, what, value) in enumerate(steps):
                try:
                    if kind == "assign":
                        assignments.assign(leader.store, "张三", value, "village-work-team", [ids[what]])
                    elif kind == "remove":
                        live = leader.store.assignments.all("张三")
                        if live:
                            assignments.remove(leader.store, live[what % len(live)].id)
                    elif kind == "publish":
                        leader.store.rubrics.publish(edited if what else RUBRIC)
                    else:
                        leader.store.households.add(ids[what], value)
                except StoreError:
                    pass  # the same visit twice is refused, as in the window
                if leader.store.assignments.all("张三", include_removed=True):
                    bundles.append(export_for(leader.store, folder / f"b{n}.fcbundle", "张三",
                                              key_folder=leader.keys).path)
            for i in order:  # any order, and the newest bundle last or not
                if i < len(bundles):
                    inspector.take(bundles[i])
            if not bundles:
                return
            inspector.take(bundles[-1])  # the newest again changes nothing it already has
            wanted = _state(leader.store)
            got = _state(inspector.store)
            assert got["assignments"] == wanted["assignments"]
            assert got["rubric"] == wanted["rubric"]
            assert set(got["drafts"]) >= {a[1] for a in wanted["assignments"]}
            assigned_villages = {a.assessee_id for a in leader.store.assignments.all("张三", include_removed=True)}
            assert got["households"] == [h for h in wanted["households"] if h[0] in assigned_villages]
            assert inspector.store.events.conflicts() == []
        finally:
            leader.close()
            inspector.close()
