"""A rubric's ``sampling:`` block: the least share of a village's households drawn for door-to-door checks.

Seed 004 (the national method, which 市县及基层 follow in their own rules) says 实地核查
(抽查≥10%项目). A rubric states the share it asks for, the words it rests on, and, where
applying them to households is a reading, that reading in a sentence; ``ops.sampling``
draws at least the share and records it with the seed. Parsed here, checked with the
block's line, and hung on ``Rubric.sampling``::

    sampling:
      share: 0.1                      # 0 < share ≤ 1: at least this share of the households
      quote: 實地核查(抽查≥10%項目)    # the text, verbatim (seed 004)
      reading: 入户核查按每村农户……   # a sentence where the rubric reads the text (optional)
      en: Door-to-door checks …       # the reading in English (optional)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import to_decimal

KEYS = {"share", "quote", "reading", "en"}


@dataclass(frozen=True)
class SamplingSpec:
    share: Decimal
    quote: str = ""
    reading: str = ""
    reading_en: str = ""


def parse_sampling(data: Any, line: int, error) -> SamplingSpec | None:
    """The block as a SamplingSpec; ``error(line, zh, en)`` is called for every problem (then None)."""
    if not isinstance(data, dict):
        error(line, "sampling 应是一个映射(share、quote、reading)", "sampling must be a mapping (share, quote, reading)")
        return None
    at = getattr(data, "line", line)
    problems = 0
    for key in sorted(set(data) - KEYS):
        problems += 1
        error(at, f"sampling 中有未知字段「{key}」", f"unknown field '{key}' in sampling")
    share: Decimal | None
    try:
        share = None if isinstance(data.get("share"), bool) else to_decimal(data.get("share"))
    except (TypeError, ValueError):
        share = None
    if share is None or not share.is_finite() or not 0 < share <= 1:
        problems += 1
        error(at, f"sampling 的 share 应是 0 与 1 之间的比例(如 0.1),而不是「{data.get('share')}」",
              f"sampling share must be a fraction between 0 and 1 (0.1), not '{data.get('share')}'")
    texts = {}
    for key in ("quote", "reading", "en"):
        value = data.get(key, "")
        if not isinstance(value, str):
            problems += 1
            error(at, f"sampling 的「{key}」应是一段文字", f"sampling '{key}' must be text")
            value = ""
        texts[key] = " ".join(value.split())
    if problems or share is None:
        return None
    return SamplingSpec(share, texts["quote"], texts["reading"], texts["en"])
