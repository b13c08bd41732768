"""The rubric's ranking block: loaded as data, and a bad block refused with its line."""

import pytest

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import check_text


def _with_ranking(block: str) -> str:
    text = catalog.find("hengyang-2015").text
    return text[:text.index("\nranking:")] + "\n" + block


def test_hengyang_quotas_are_data():
    spec = catalog.find("hengyang-2015").ranking
    assert [(g.name, [(t.name, t.count) for t in g.tiers]) for g in spec.groups] == [
        ("县市", [("一类", 3), ("二类", 4)]), ("区", [("一类", 2), ("二类", 3)])]
    assert len(spec.groups[0].members) == 7 and len(spec.groups[1].members) == 5
    assert "白沙工业园" not in spec.groups[1].members and "开发区" not in spec.groups[1].members
    assert spec.fail_below == 80 and spec.fail_label == "不合格" and spec.ties == "report"
    assert spec.bands is None  # 六 sets tiers and the 80 line; seed 004's spread bands are not 衡阳's


@pytest.mark.parametrize("block, words", [
    ("ranking:\n  groups: [{name: A, members: [x, y], tiers: [{name: 一类, count: 3}]}]\n", "名额"),
    ("ranking:\n  groups: [{name: A, tiers: [{name: 一类, count: 0}]}]\n", "正整数"),
    ("ranking:\n  groups: [{name: A}]\n  ties: coin\n", "coin"),
    ("ranking:\n  groups: [{name: A}]\n  fail: {below: 八十, label: 不合格}\n", "八十"),
    ("ranking:\n  groups: [{name: A}]\n  bands: {method: spread, labels: [优秀]}\n", "四个"),
    ("ranking:\n  groups: []\n", "至少一个分组"),
    ("ranking:\n  groups: [{name: A, members: [x]}, {name: B, members: [x]}]\n", "同时在"),
    ("ranking:\n  groups: [{name: A}]\n  veto: keep\n", "veto"),
    ("ranking:\n  groups: [{name: A, tiers: 1.0}]\n", "tiers 应是列表"),   # found by the rubric fuzz test
    ("ranking:\n  groups: [{name: A, members: 3}]\n", "members 应是列表"),
    ("ranking:\n  groups: 衡阳\n", "groups 应是列表"),
])
def test_a_bad_block_is_refused_with_its_line(block, words):
    text = _with_ranking(block)
    rubric, problems = check_text(text, "h.yaml")
    errors = [p for p in problems if p.severity == "error"]
    assert rubric is None and errors
    assert any(words in p.message for p in errors), [p.message for p in errors]
    assert all(p.line > 200 for p in errors)  # the block's own lines, at the end of the file
