"""For any valid rubric: export to the officials' layout, import, and the version is the same."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fieldcheck.engine.rubric_file import check_text
from fieldcheck.tables.rubric_export import write_rubric_workbook
from fieldcheck.tables.rubric_import import read_rubric_workbook

text = st.text(alphabet=st.sampled_from("扶贫考核评分标准每处扣分未做到户人元%=()(),.:1234567890abc -\n"),
               min_size=1, max_size=30).filter(lambda s: s.strip() == s and s)
amount = st.one_of(st.integers(1, 5), st.sampled_from([0.5, 1.5, 0.3]))


@st.composite
def item(draw, item_id: str, points: int):
    kind = draw(st.sampled_from(["per_occurrence", "pass_fail", "metric", "rating"]))
    rule: dict = {"type": kind}
    if kind == "per_occurrence":
        rule["deduct"] = draw(amount)
    elif kind == "pass_fail" and draw(st.booleans()):
        rule["deduct"] = points
    elif kind == "metric":
        rule.update({"target": draw(st.integers(1, 100)), "step": draw(amount), "per_step": draw(amount),
                     "unit": draw(st.sampled_from(["%", "元", "户"]))})
    elif kind == "rating":
        rule["levels"] = {"好": points, "中": points / 2, "差": 0}
    node = {"id": item_id, "title": draw(text), "points": points, "rule": rule}
    for key in ("content", "standard", "note"):
        if draw(st.booleans()):
            node[key] = draw(text)
    return node


@st.composite
def rubric_data(draw):
    children = []
    for s in range(1, draw(st.integers(1, 3)) + 1):
        points = draw(st.lists(st.integers(1, 10), min_size=1, max_size=4))
        section = {"id": str(s), "title": draw(text), "points": sum(points),
                   "children": [draw(item(f"{s}.{i}", p)) for i, p in enumerate(points, 1)]}
        if draw(st.booleans()):
            section["standard"] = draw(text)
        children.append(section)
    data = {"id": "prop", "title": draw(text), "source": draw(text), "children": children}
    if draw(st.booleans()):
        data["grades"] = [{"min": 60, "label": "合格"}, {"min": 0, "label": "不合格"}]
    if draw(st.booleans()):
        data["notes"] = draw(text) + "\n"
    if draw(st.booleans()):  # the sampling share travels on the 细则信息 sheet
        data["sampling"] = {"share": draw(st.sampled_from([0.1, 0.15, 1, 0.05])), "quote": draw(text)}
        if draw(st.booleans()):
            data["sampling"]["reading"] = draw(text)
    return data


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rubric_data())
@example({"id": "prop", "title": "=0", "source": "=SUM(A1)", "notes": "x\n", "children": [
    {"id": "1", "title": "0", "points": 1, "children": [
        {"id": "1.1", "title": "=1", "content": "1", "points": 1, "rule": {"type": "per_occurrence", "deduct": 0.5}}]}]})
def test_any_rubric_survives_the_round_trip(data):
    original, problems = check_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert original is not None, problems
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.xlsx"
        write_rubric_workbook(data, path)
        assert read_rubric_workbook(path).rubric.version == original.version
