"""Double inspections compared item by item (ops.compare), on real databases and, for the
arithmetic, on every combination of answers hypothesis finds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from doublekit import double_inspection
from hypothesis import given, settings
from hypothesis import strategies as st
from sheetkit import RUBRIC, finished_inspection

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import load_text
from fieldcheck.ops.compare import CompareError, Scored, compare, compare_scored
from fieldcheck.ops.doubles import doubles
from fieldcheck.ops.scores import score_answers, score_inspection
from fieldcheck.store.records import Inspection


def test_the_items_that_differ_and_what_they_are_worth(store):
    a, b = double_inspection(store)
    c = compare(store, a, b)
    assert [i.id for i in c.differing] == ["2.1.1", "2.5.5"]
    handbook = c.differing[0]
    assert (handbook.a.answer, handbook.b.answer) == (3, 5)
    assert (handbook.a.deduction, handbook.b.deduction) == (Decimal(6), Decimal(10))
    assert handbook.difference == Decimal(-4)
    assert len(handbook.a.findings) == 3 and len(handbook.b.findings) == 5
    assert [len(f.photos) for f in handbook.a.findings] == [1, 1, 0]  # the photos travel with the findings
    rating = c.differing[1]
    assert (rating.a.answer, rating.b.answer) == ("满意", "不满意")
    assert rating.difference == Decimal(-4)
    # the totals are ops.scores' own, and the items' differences add up to theirs
    assert c.a.result.total == score_inspection(store, a).total
    assert c.b.result.total == score_inspection(store, b).total
    assert c.total_difference == Decimal(-8) and c.capped == 0
    doc = c.to_json()
    assert doc["differing"] == ["2.1.1", "2.5.5"] and doc["difference"] == -8
    assert doc["items"][3]["a"]["findings"][0]["photos"]


def test_a_pool_that_bites_is_said_apart_from_the_items(store):
    a, b = double_inspection(store)
    for _ in range(12):  # 2.1.1 asks for 34 of 2.1's 30 in B
        store.findings.add(b, "2.1.1", note="漏填")
    c = compare(store, a, b)
    handbook = c.differing[0]
    assert handbook.difference == Decimal(-28)
    assert c.total_difference == Decimal(-28)  # 2.1 lost 6 in A, and at most 30 in B: −24, and −4 for 2.5.5
    assert c.capped == Decimal(4)
    assert sum(i.difference for i in c.items) + c.capped == c.total_difference


def test_refuses_two_assessees(store):
    a = finished_inspection(store, village_name="梅花村")
    other = finished_inspection(store, village_name="桃花村")
    with pytest.raises(CompareError, match="被考核单位不同"):
        compare(store, a, other)


def test_refuses_two_rubrics(store):
    a = finished_inspection(store)
    inspection = store.inspections.get(a)
    other = store.inspections.create(catalog.find("county-township"), assessee_id=inspection.assessee_id,
                                     assessee_name="", inspectors=["张三"], date="2026-10-12")
    with pytest.raises(CompareError, match="细则不同"):
        compare(store, a, other)


def test_says_so_when_only_the_rubric_version_differs(store, language):
    a = finished_inspection(store)
    inspection = store.inspections.get(a)
    edited = load_text(RUBRIC.text.replace(f"title: {RUBRIC.title}", f"title: {RUBRIC.title}(修订)", 1))
    assert edited.id == RUBRIC.id and edited.version != RUBRIC.version
    other = store.inspections.create(edited, assessee_id=inspection.assessee_id, assessee_name="",
                                     inspectors=["张三"], date="2026-10-12")
    with pytest.raises(CompareError, match="同一细则.*不同版本"):
        compare(store, a, other)
    language("en")
    with pytest.raises(CompareError, match="different versions of the same rubric"):
        compare(store, other, a)


def test_refuses_an_inspection_with_itself(store):
    a = finished_inspection(store)
    with pytest.raises(CompareError):
        compare(store, a, a)


def test_pairs_list_the_assessees_inspected_twice(store):
    a, b = double_inspection(store)
    finished_inspection(store, village_name="桃花村")  # once only: not a pair
    found = doubles(store)
    assert len(found) == 1
    assert {i.id for i in found[0].inspections} == {a, b}
    assert found[0].assessee == "梅花村" and found[0].same_version and found[0].reconciled is None


# -- the arithmetic, for all answers --------------------------------------------------------------

def _answer(item):
    kind = item.rule.kind
    if kind in ("per_occurrence", "per_event"):
        return st.one_of(st.none(), st.integers(0, 12))
    if kind == "missing_elements":
        return st.one_of(st.none(), st.lists(st.sampled_from(item.rule.elements), unique=True))
    if kind == "pass_fail":
        return st.one_of(st.none(), st.booleans())
    if kind == "rating":
        return st.one_of(st.none(), st.sampled_from(list(item.rule.levels)))
    if kind == "bonus":
        return st.one_of(st.none(), st.booleans())
    return st.none()


ANSWERS = st.fixed_dictionaries({i.id: _answer(i) for i in RUBRIC.items()}).map(
    lambda d: {k: v for k, v in d.items() if v is not None})


def _scored(answers, name="A"):
    inspection = Inspection(name, RUBRIC, RUBRIC.id, RUBRIC.version, RUBRIC.title, "v1", "梅花村", None, [],
                            "2026-10-12", "draft", "laptop1", "", "")
    return Scored(inspection, answers, score_answers(inspection, answers), {})


@settings(max_examples=150, deadline=None)
@given(ANSWERS, ANSWERS)
def test_comparing_b_with_a_mirrors_a_with_b(first, second):
    ab = compare_scored(_scored(first), _scored(second, "B"))
    ba = compare_scored(_scored(second, "B"), _scored(first))
    assert [i.id for i in ab.differing] == [i.id for i in ba.differing]
    for x, y in zip(ab.items, ba.items):
        assert (x.a, x.b) == (y.b, y.a)
        assert x.difference == -y.difference
    assert ab.total_difference == -ba.total_difference and ab.capped == -ba.capped


@settings(max_examples=150, deadline=None)
@given(ANSWERS, ANSWERS)
def test_the_differences_add_up_to_the_totals_where_no_cap_bites(first, second):
    ab = compare_scored(_scored(first), _scored(second, "B"))
    assert sum(i.difference for i in ab.items) + ab.capped == ab.total_difference
    caps = [e for r in (ab.a.result, ab.b.result) for e in r.trace if e.kind == "cap"]
    if not caps and ab.a.result.max == ab.b.result.max:
        assert ab.capped == 0
    # an item on which both agree is worth nothing
    assert all(i.difference == 0 for i in ab.items if not i.differs)
