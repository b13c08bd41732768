"""Rules that hold for all answers (hypothesis), on every shipped rubric."""

from __future__ import annotations

import json
import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.engine.numbers import fmt
from fieldcheck.engine.rubric import Item
from fieldcheck.engine.scoring import score

RUBRICS = {r.id: r for r in catalog.installed()}


def _assessee_strategy(rubric):
    if rubric.targets:
        names = [n for n, row in rubric.targets.items() if row.group is not None and len(row.values) > 4]
        return st.sampled_from(names).map(lambda n: {"name": n})
    return st.just(None)


def _severity(item: Item):
    """A strategy of (answer, badness) for one item: higher badness means more findings against it."""
    rule = item.rule
    kind = rule.kind
    if kind in ("per_occurrence", "per_event"):
        return st.integers(0, 20).map(lambda n: (n, n))
    if kind == "missing_elements":
        if rule.elements:
            return st.integers(0, len(rule.elements)).map(lambda n: (rule.elements[:n], n))
        return st.integers(0, 6).map(lambda n: (n, n))
    if kind == "duty_checklist":
        return st.integers(0, len(rule.duties)).map(lambda n: ({"not_done": rule.duties[:n]}, n))
    if kind == "min_options":
        k = len(rule.options)
        return st.integers(0, k).map(lambda n: ({"selected": rule.options[: k - n]}, n))
    if kind == "pass_fail":
        return st.booleans().map(lambda ok: (ok, 0 if ok else 1))
    if kind == "rating":
        ordered = sorted(rule.levels, key=lambda label: -rule.levels[label])
        return st.integers(0, len(ordered) - 1).map(lambda i: (ordered[i], i))
    if rule.spec.get("each"):  # per village: the same shortfall in more villages is worse
        return st.integers(0, 20).map(lambda n: ([30] * 3 + [20] * n, n))
    if rule.spec.get("parts"):
        labels = list(rule.spec["parts"])
        return st.integers(0, 100).map(lambda short: ({labels[0]: {"actual": 100 - short, "target": 100},
                                                       labels[1]: {"actual": 100, "target": 100}}, short))
    if kind in ("metric", "proportional"):
        target = 200
        return st.integers(0, 2000).map(lambda tenth: ({"actual": target - tenth / 10, "target": target}, tenth))
    if kind == "bonus":
        return st.booleans().map(lambda earned: (earned, 0 if earned else 1))
    if kind == "veto":
        return st.booleans().map(lambda applies: (applies, 0))
    raise AssertionError(kind)


def _answers(rubric):
    items = rubric.items()
    return st.fixed_dictionaries({i.id: st.one_of(st.none(), st.just("na") if i.na_reason else st.nothing(),
                                                  _severity(i)) for i in items})


def _plain(drawn):
    return {k: (v if v in (None, "na") else v[0]) for k, v in drawn.items() if v is not None}


@pytest.mark.parametrize("rubric_id", sorted(RUBRICS))
def test_no_node_below_zero_or_above_its_max(rubric_id):
    rubric = RUBRICS[rubric_id]

    @settings(max_examples=150, deadline=None)
    @given(drawn=_answers(rubric), assessee=_assessee_strategy(rubric))
    def check(drawn, assessee):
        result = score(rubric, _plain(drawn), assessee)
        for node_id, node in result.nodes.items():
            assert 0 <= node.score <= node.max, node_id
            assert node.deduction >= 0
            # a score sheet's precision: never more than two decimals (no 0.1666…)
            assert node.score == node.score.quantize(Decimal("0.01")), (node_id, node.score)
            assert node.deduction == node.deduction.quantize(Decimal("0.01")), (node_id, node.deduction)
        assert 0 <= result.total <= result.max == rubric.max_points
        assert 0 <= result.points_open <= result.total
        assert (result.grade is None) or result.complete  # never a grade on a provisional total
        assert (result.points_open == 0) or result.provisional

    check()


@pytest.mark.parametrize("rubric_id", sorted(RUBRICS))
def test_more_findings_never_raise_a_score(rubric_id):
    rubric = RUBRICS[rubric_id]
    items = rubric.items()

    @settings(max_examples=150, deadline=None)
    @given(data=st.data(), assessee=_assessee_strategy(rubric))
    def check(data, assessee):
        before, after = {}, {}
        for item in items:
            strategy = _severity(item)
            a = data.draw(strategy)
            b = data.draw(strategy)
            low, high = (a, b) if a[1] <= b[1] else (b, a)
            before[item.id], after[item.id] = low[0], high[0]
        r1, r2 = score(rubric, before, assessee), score(rubric, after, assessee)
        assert r2.total <= r1.total
        # what is still open bounds what answering can take: the worst answers lose at most points_open
        partial = {k: v for k, v in after.items() if k not in list(after)[::2]}
        assert score(rubric, partial, assessee).total - score(rubric, partial, assessee).points_open <= r2.total
        for node_id in r1.nodes:
            assert r2.nodes[node_id].score <= r1.nodes[node_id].score, node_id

    check()


@pytest.mark.parametrize("rubric_id", sorted(RUBRICS))
def test_the_same_answers_always_give_the_same_result(rubric_id):
    rubric = RUBRICS[rubric_id]

    @settings(max_examples=60, deadline=None)
    @given(drawn=_answers(rubric), assessee=_assessee_strategy(rubric), seed=st.integers(0, 10**6))
    def check(drawn, assessee, seed):
        answers = _plain(drawn)
        shuffled = list(answers.items())
        random.Random(seed).shuffle(shuffled)
        first = json.dumps(score(rubric, answers, assessee).to_json(), sort_keys=True, ensure_ascii=False)
        again = json.dumps(score(rubric, dict(shuffled), assessee).to_json(), sort_keys=True, ensure_ascii=False)
        assert first == again

    check()


@pytest.mark.parametrize("rubric_id", sorted(RUBRICS))
def test_answers_that_cannot_be_scored_give_the_same_result_in_any_order(rubric_id):
    # A stored inspection scores leniently (ops.scores): refused answers are listed, in document order.
    rubric = RUBRICS[rubric_id]
    items = [i.id for i in rubric.items()]

    @settings(max_examples=60, deadline=None)
    @given(drawn=_answers(rubric), assessee=_assessee_strategy(rubric), seed=st.integers(0, 10**6),
           broken=st.lists(st.sampled_from(items), max_size=4, unique=True))
    def check(drawn, assessee, seed, broken):
        answers = {**_plain(drawn), **{item_id: {"not": "an answer"} for item_id in broken}}
        shuffled = list(answers.items())
        random.Random(seed).shuffle(shuffled)
        first = score(rubric, answers, assessee, strict=False)
        again = score(rubric, dict(shuffled), assessee, strict=False)
        assert json.dumps(first.to_json(), sort_keys=True, ensure_ascii=False) == \
            json.dumps(again.to_json(), sort_keys=True, ensure_ascii=False)
        assert [u.item_id for u in first.unscored] == [i for i in items if i in {u.item_id for u in first.unscored}]

    check()


@settings(max_examples=200, deadline=None)
@given(households=st.integers(0, 400))
def test_decimal_steps_print_without_float_noise(households):
    rubric = RUBRICS["hengyang-2015"]
    result = score(rubric, {"4": {"actual": 0, "target": households}}, {"name": "衡阳县"})
    expected = min(Decimal(5), Decimal(households) * Decimal("0.3"))
    assert result.nodes["4"].deduction == expected
    printed = json.dumps(result.to_json()["nodes"]["4"]["deduction"])
    assert printed == fmt(expected)
