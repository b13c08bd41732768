"""The list's score cache: keyed by each inspection's change stamp, rubric version and engine; never the truth."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.ops import scores
from fieldcheck.ops.demo import make_photo

RUBRIC = catalog.find("village-work-team")


def inspection(store, name="梅花村", date="2026-11-01"):
    return store.inspections.create(RUBRIC, assessee_id=None, assessee_name=name, inspectors=["甲"], date=date)


def listed(store, inspection_id):
    return next(r for r in scores.scored_rows(store) if r.id == inspection_id)


def truth(store, inspection_id):
    return scores.ScoreSummary.of(scores.score_inspection(store, inspection_id))


def test_a_second_listing_comes_from_the_cache_and_agrees(store):
    first = inspection(store)
    store.findings.add(first, "2.1.3", value=2)
    assert store.inspections.rows()[0].cached is None
    before = listed(store, first)
    assert store.inspections.rows()[0].cached is not None  # kept by the first listing
    again = listed(store, first)
    assert again.result == before.result == truth(store, first)
    assert (again.findings, again.photos) == (1, 0)


def test_editing_a_finding_the_cached_score_follows(store):
    first = inspection(store)
    finding = store.findings.add(first, "2.1.3", value=2)
    old = listed(store, first).total
    store.findings.update(finding.id, value=5)
    row = listed(store, first)
    assert row.total < old and row.result == truth(store, first)
    edited = row.total
    store.findings.delete(finding.id)
    assert listed(store, first).result == truth(store, first) and listed(store, first).findings == 0
    store.findings.restore(finding.id)
    assert listed(store, first).total == edited


def test_marks_photos_and_the_inspection_itself_are_changes_of_the_inspection(store):
    first = inspection(store)
    finding = store.findings.add(first, "1.1", value=next(i for i in RUBRIC.items() if i.id == "1.1").rule.elements[0])
    stamps = [store.inspections.rows()[0].stamp]

    def changed():
        listed(store, first)  # fills the cache at the current stamp
        stamp = store.inspections.rows()[0].stamp
        assert stamp not in stamps
        stamps.append(stamp)

    store.findings.set_mark(first, "2.6.1", "na")
    changed()
    assert listed(store, first).answered == truth(store, first).answered
    store.findings.set_mark(first, "2.6.1", None)
    changed()
    photo = store.photos.add(finding.id, make_photo(random.Random(1), size=(64, 48)))
    changed()
    assert listed(store, first).photos == 1
    store.photos.remove(finding.id, photo.id)
    changed()
    assert listed(store, first).photos == 0
    store.inspections.update(first, inspectors=["乙"])
    changed()
    other = inspection(store, "桃源村")
    store.findings.add(other, "2.1.3")
    assert store.inspections.rows(search="梅花")[0].stamp == stamps[-1]  # another inspection's change is not ours


def test_a_score_cached_by_another_engine_or_rubric_version_is_not_used(store):
    first = inspection(store)
    store.findings.add(first, "2.1.3", value=2)
    listed(store, first)
    row = store.inspections.rows()[0]
    wrong = scores.ScoreSummary.of(scores.score_inspection(store, first))
    wrong = scores.ScoreSummary(wrong.total - 50, wrong.max, wrong.grade, wrong.answered, wrong.item_count,
                                wrong.complete, wrong.ranked)
    store.inspections.keep_scores([(first, row.stamp, 1, 0, f"{row.rubric_version}|old-engine", wrong.to_json())])
    assert listed(store, first).result == truth(store, first)
    store.inspections.keep_scores([(first, row.stamp, 1, 0, "other-version|" + scores.ENGINE, wrong.to_json())])
    assert listed(store, first).result == truth(store, first)


def test_the_list_never_holds_the_store_lock_while_it_scores(store, monkeypatch):
    for n in range(3):
        store.findings.add(inspection(store, f"村{n}"), "2.1.3", value=n + 1)
    held = []
    real = scores.score_values

    def spy(*args, **kwargs):
        held.append(store.db.lock._is_owned())
        return real(*args, **kwargs)

    monkeypatch.setattr(scores, "score_values", spy)
    scores.scored_rows(store)
    assert held == [False, False, False]


def test_a_cache_that_cannot_be_read_is_rescored(store):
    first = inspection(store)
    store.findings.add(first, "2.1.3", value=2)
    listed(store, first)
    row = store.inspections.rows()[0]
    store.inspections.keep_scores([(first, row.stamp, 1, 0, row.cached[0], "not json")])
    assert listed(store, first).result == truth(store, first)


ITEM_VALUES = st.sampled_from([("2.1.3", 1), ("2.1.3", 3), ("2.5.4", True), ("2.5.4", False), ("1.1", None),
                               ("2.5.5", "不满意"), ("2.5.5", "满意")])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["add", "update", "delete", "mark", "list"]), ITEM_VALUES),
                      min_size=1, max_size=12))
def test_whatever_the_edits_the_listed_score_is_the_engines(store, steps):
    first = inspection(store)
    live = []
    for action, (item_id, value) in steps:
        if action == "add" or not live:
            live.append(store.findings.add(first, item_id, value=value))
        elif action == "update" and live[-1].item_id == item_id:
            store.findings.update(live[-1].id, value=value)
        elif action == "delete":
            store.findings.delete(live.pop().id)
        elif action == "mark":
            store.findings.set_mark(first, item_id, "checked")
        else:
            scores.scored_rows(store)
    assert listed(store, first).result == truth(store, first)


def test_every_missed_meeting_recorded_deducts_up_to_the_pool_and_the_score_stays_scored(store):
    """1.3 每周碰头会: an inspector records each missed week. The eleventh is no error: the section's
    20 points are lost (扣完为止) and the list shows a score, not an unscored item."""
    inspection_id = inspection(store)
    for week in range(1, 15):
        store.findings.add(inspection_id, "1.3", value=f"第{week}周碰头会未开")
    result = scores.score_inspection(store, inspection_id)
    assert result.unscored == []
    assert result.nodes["1"].deduction == 20 and result.total == 180
    assert listed(store, inspection_id).total == 180
