"""The ``sampling:`` block: the least share of households a rubric asks for, checked with its line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import check_text

SEED_004 = next((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("004_*.txt"))
BASE = """id: s
title: 抽查
source: 测试
children:
  - id: "1"
    title: 一
    points: 2
    children:
      - {id: "1.1", title: 一一, points: 2, rule: {type: per_occurrence, deduct: 1}}
"""


def test_a_share_is_read_with_its_words():
    rubric, problems = check_text(BASE + "sampling:\n  share: 0.15\n  quote: 抽查≥10%\n  reading: 读法。\n")
    assert rubric is not None and not [p for p in problems if p.severity == "error"]
    assert rubric.sampling is not None and rubric.sampling.share == Decimal("0.15")
    assert rubric.sampling.quote == "抽查≥10%" and rubric.sampling.reading == "读法。"
    assert check_text(BASE)[0].sampling is None  # no block: no share of its own


@pytest.mark.parametrize("block", ["share: 0", "share: 1.5", "share: 十", "share: true", "quote: x", "share: 0.1\n  shares: 2",
                                   "share: 0.1\n  quote: [a]"])
def test_a_bad_block_is_refused_at_its_line(block):
    rubric, problems = check_text(BASE + "sampling:\n  " + block + "\n")
    errors = [p for p in problems if p.severity == "error"]
    assert rubric is None and errors
    assert all(p.line in (10, 11) for p in errors) and "sampling" in str(errors[0])  # the block, not line 1


def test_shipped_rubrics_ask_for_at_least_ten_percent_and_quote_seed_004_verbatim():
    seed = SEED_004.read_text(encoding="utf-8")
    for rubric in catalog.installed():
        assert rubric.sampling is not None, rubric.id
        assert rubric.sampling.share >= Decimal("0.1")
        assert rubric.sampling.quote and rubric.sampling.quote in seed
        assert rubric.sampling.reading and rubric.sampling.reading_en  # an interpretation, declared
