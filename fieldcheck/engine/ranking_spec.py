"""A rubric's ``ranking:`` block: ranking groups with their quotas, the tie rule, the fail line and bands.

The rules are data, not code (issue 13): 衡阳 ranks 7 县市 into 一类 3 名 and 二类 4 名
and 5 区 into 一类 2 名 and 二类 3 名; a score below 80 is 不合格 whatever its tier; an
assessee under a veto is out of the ranking. Parsed here, checked with the block's lines,
and hung on ``Rubric.ranking``; ``fieldcheck.results.ranking`` applies it.

The block::

    ranking:
      groups:                       # ranked in turn; an assessee in none is not ranked
        - name: 县市
          members: [衡阳县, …]      # by assessee name; without members: the assessee's group
          tiers: [{name: 一类, count: 3}, {name: 二类, count: 4}]
      ties: report                  # report: a tie across a quota boundary is left for the
                                    #   leader (tier empty, listed); upper: all take the upper tier
      fail: {below: 80, label: 不合格}
      veto: exclude                 # the only reading the documents give
      bands:                        # optional; threshold or spread
        method: spread
        labels: [优秀, 良好, 一般, 勉励]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import to_decimal

TIE_RULES = ("report", "upper")
BAND_METHODS = ("threshold", "spread")
SPREAD_LABELS = 4  # ≥ mean+SD, ≥ mean, ≥ mean−SD, below


@dataclass(frozen=True)
class Tier:
    name: str
    count: int


@dataclass(frozen=True)
class RankGroup:
    name: str
    members: tuple[str, ...] = ()
    tiers: tuple[Tier, ...] = ()

    def holds(self, name: str, group: str | None) -> bool:
        """Whether an assessee (by name, and by its group when no members are listed) is in this group."""
        return name in self.members if self.members else group == self.name


@dataclass(frozen=True)
class Band:
    minimum: Decimal
    label: str


@dataclass(frozen=True)
class BandSpec:
    method: str  # "threshold" or "spread"
    #: threshold: the bands, highest first; spread: four labels, best first
    bands: tuple[Band, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class RankingSpec:
    groups: tuple[RankGroup, ...]
    ties: str = "report"
    fail_below: Decimal | None = None
    fail_label: str = ""
    bands: BandSpec | None = None
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def group_of(self, name: str, group: str | None) -> RankGroup | None:
        return next((g for g in self.groups if g.holds(name, group)), None)


KEYS = {"groups", "ties", "fail", "veto", "bands", "notes"}


def parse_ranking(data: Any, line: int, error) -> RankingSpec | None:
    """The block as a RankingSpec; ``error(line, zh, en)`` is called for every problem (then None)."""
    problems = 0

    def bad(at: int, zh: str, en: str) -> None:
        nonlocal problems
        problems += 1
        error(at, zh, en)

    if not isinstance(data, dict):
        bad(line, "ranking 应是一个映射(groups、ties、fail…)", "ranking must be a mapping (groups, ties, fail, …)")
        return None
    at = getattr(data, "line", line)
    for key in sorted(set(data) - KEYS):
        bad(at, f"ranking 中有未知字段「{key}」", f"unknown field '{key}' in ranking")
    groups: list[RankGroup] = []
    seen_members: dict[str, str] = {}
    def listed(value: Any, where: int, key: str) -> list:
        """A list field as a list; a number or a word where a list belongs is refused, not iterated."""
        if value is None:
            return []
        if not isinstance(value, list):
            bad(where, f"ranking 的 {key} 应是列表", f"the {key} of ranking must be a list")
            return []
        return value

    for g in listed(data.get("groups"), at, "groups"):
        gl = getattr(g, "line", at)
        if not isinstance(g, dict) or not g.get("name"):
            bad(gl, "每个排名分组要有 name", "every ranking group needs a name")
            continue
        tiers = []
        for tier in listed(g.get("tiers"), gl, "tiers"):
            count = tier.get("count") if isinstance(tier, dict) else None
            if not isinstance(tier, dict) or not tier.get("name") or isinstance(count, bool) \
                    or not isinstance(count, int) or count < 1:
                bad(getattr(tier, "line", gl), "名额应写成 {name: 一类, count: 正整数}",
                    "a quota must be {name: tier, count: positive whole number}")
                continue
            tiers.append(Tier(str(tier["name"]), count))
        members = tuple(str(m) for m in listed(g.get("members"), gl, "members"))
        for m in members:
            if m in seen_members:
                bad(gl, f"「{m}」同时在排名分组「{seen_members[m]}」和「{g['name']}」中",
                    f"'{m}' is in ranking groups '{seen_members[m]}' and '{g['name']}'")
            seen_members[m] = str(g["name"])
        if members and sum(t.count for t in tiers) > len(members):
            bad(gl, f"排名分组「{g['name']}」的名额({sum(x.count for x in tiers)})多于成员({len(members)})",
                f"ranking group '{g['name']}' has more places ({sum(x.count for x in tiers)}) than members ({len(members)})")
        groups.append(RankGroup(str(g["name"]), members, tuple(tiers)))
    if not groups:
        bad(at, "ranking 需要至少一个分组(groups)", "ranking needs at least one group")
    ties = str(data.get("ties", "report"))
    if ties not in TIE_RULES:
        bad(at, f"并列规则「{ties}」未知,可选:{'、'.join(TIE_RULES)}", f"unknown tie rule '{ties}'; expected {', '.join(TIE_RULES)}")
    if data.get("veto", "exclude") != "exclude":
        bad(at, "veto 只能是 exclude(取消排序资格,名额给其余单位)", "veto can only be exclude (out of the ranking)")
    fail_below, fail_label = None, ""
    fail = data.get("fail")
    if fail is not None:
        if not isinstance(fail, dict) or "below" not in fail or not fail.get("label"):
            bad(getattr(fail, "line", at), "fail 应写成 {below: 分数, label: 名称}", "fail must be {below: score, label: name}")
        else:
            try:
                fail_below, fail_label = to_decimal(fail["below"]), str(fail["label"])
            except ValueError:
                bad(getattr(fail, "line", at), f"fail 的 below 不是数字:{fail['below']!r}", f"fail's below is not a number: {fail['below']!r}")
    bands = _bands(data.get("bands"), at, bad)
    if problems:
        return None
    return RankingSpec(tuple(groups), ties, fail_below, fail_label, bands, str(data.get("notes") or "").strip())


def _bands(data: Any, line: int, bad) -> BandSpec | None:
    if data is None:
        return None
    at = getattr(data, "line", line)
    if not isinstance(data, dict) or data.get("method") not in BAND_METHODS:
        bad(at, "bands 应写明 method: threshold 或 spread", "bands needs method: threshold or spread")
        return None
    if data["method"] == "spread":
        labels = tuple(str(x) for x in (data.get("labels") or []))
        if len(labels) != SPREAD_LABELS:
            bad(at, "按离散度分档需要四个名称(≥均值+标准差、≥均值、≥均值−标准差、其余)",
                "spread bands need four labels (≥ mean+SD, ≥ mean, ≥ mean−SD, below)")
            return None
        return BandSpec("spread", (), labels)
    bands = []
    for band in data.get("edges") or []:
        if not isinstance(band, dict) or "min" not in band or not band.get("label"):
            bad(getattr(band, "line", at), "分档应写成 {min: 分数, label: 名称}", "a band must be {min: score, label: name}")
            continue
        try:
            bands.append(Band(to_decimal(band["min"]), str(band["label"])))
        except ValueError:
            bad(getattr(band, "line", at), "分档下限不是数字", "a band minimum is not a number")
    if not bands:
        bad(at, "按分数线分档需要 edges", "threshold bands need edges")
        return None
    return BandSpec("threshold", tuple(sorted(bands, key=lambda b: b.minimum, reverse=True)))
