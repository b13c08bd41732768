"""A sample of households drawn on a laptop (``fieldcheck sample households``) is kept in its own log,
and its next bundle still imports: the draw is this laptop's record, not an edit a bundle carries."""

from __future__ import annotations

from fieldcheck.ops.places import village_at
from fieldcheck.ops.sampling import sample_households


def test_a_bundle_exported_after_a_sample_imports(laptops, tmp_path):
    leader, inspector = laptops("L", "I")
    village = village_at(leader.store, "衡阳县/西渡镇/梅花村", create=True)
    with leader.store.transaction():
        leader.store.households.add(village, "张三", members=4)
        leader.store.households.add(village, "李四", members=3)
    sample_households(leader.store, "衡阳县/西渡镇/梅花村", seed=3)
    assert leader.store.connection.execute("SELECT count(*) FROM audit WHERE action = 'sample'").fetchone()[0] == 1  # the draw is in the leader's log
    inspector.take(leader.export(tmp_path / "usb"))
    names = {h.head_name for h in inspector.store.households.of_village(village)}
    assert names == {"张三", "李四"}
