"""Why an assessee stands where it does: the quota, tie, veto or fail rule that placed it, in one sentence.

The workbook and the PDF print it beside each row (in Chinese), the window shows it as the
row's tooltip, so a county office can check each place against the rule (衡贫发[2015]2号 六:
"7个县市组评定一类3名,二类4名;5个区组评定一类2名,二类3名") without working it out again.
"""

from __future__ import annotations

from fieldcheck.engine.numbers import fmt
from fieldcheck.i18n import Text
from fieldcheck.results.outcome import Results, Row
from fieldcheck.results.ranking import GroupOutcome

EMPTY = Text("", "")


def _join(parts: list[Text]) -> Text:
    out = EMPTY
    for part in parts:
        out = out + Text(";", "; ") + part if out else part
    return out


def _tier_span(results: Results, group: str, tier: str) -> Text:
    """Where a tier lies in its group: 一类 第 1–3 名."""
    spec = results.rubric.ranking
    rank_group = next((g for g in spec.groups if g.name == group), None) if spec else None
    end = 0
    for t in rank_group.tiers if rank_group else ():
        start, end = end + 1, end + t.count
        if t.name == tier:
            return Text(f"{tier}为第 {start}–{end} 名({tier} {t.count} 名)",
                        f"{tier} is places {start}–{end} ({t.count} in {tier})")
    return Text(f"列{tier}", f"tier {tier}")


def _names(names: list[str]) -> str:
    return "、".join(names)


def pending_text(group: GroupOutcome) -> Text:
    """The members a group still waits for, and what that does to its ranking."""
    unfinished = [n for n, why in group.pending if why == "incomplete"]
    missing = [n for n, why in group.pending if why == "missing"]
    parts = []
    if unfinished:
        parts.append(Text(f"{_names(unfinished)}检查未完成", f"{', '.join(unfinished)} unfinished"))
    if missing:
        parts.append(Text(f"{_names(missing)}没有计入的检查", f"{', '.join(missing)} without a counted inspection"))
    return Text(f"本组排名暂定({'、'.join(p.zh for p in parts)}):名次和类别待其完成后才能定",
                f"ranking provisional ({'; '.join(p.en for p in parts)}): places and tiers may still move")


def basis(row: Row, results: Results) -> Text:
    """The rule that placed ``row``: its group place and tier (or why it is not ranked), the fail line, and
    whether the group still waits for a member."""
    placed, spec = row.placed, results.rubric.ranking
    group = next((g for g in results.groups if g.name == placed.group), None)
    parts: list[Text] = []
    if placed.note == "veto":
        parts.append(Text(f"{row.veto()}:不参加排序,不占名额", f"{row.veto()}: out of the ranking, takes no place"))
    elif placed.note == "incomplete":
        parts.append(Text(f"检查未完成(尚有 {fmt(row.result.points_open)} 分未定):不排名",
                          f"inspection unfinished ({fmt(row.result.points_open)} points open): not ranked"))
    elif placed.note == "no group" or (spec is not None and spec.groups and placed.group is None):
        target = results.rubric.targets.get(row.counted.name) if results.rubric.targets else None
        if target is not None and target.note:  # the table's own word on it: 附2 只给出减贫数;……不参加排序
            parts.append(Text(target.note, target.note))
        else:
            parts.append(Text("不在细则的排名分组中:不排名", "in none of the ranking groups: not ranked"))
    elif placed.ranked and group is not None:
        head = Text(f"{group.name}组第 {placed.rank} 名", f"rank {placed.rank} in group {group.name}")
        if placed.note == "tie":
            tie = next(t for t in group.ties if placed.entry.name in t.assessees)
            others = [n for n in tie.assessees if n != placed.entry.name]
            upper, lower = tie.between[0], tie.between[1]
            head += Text(f",与{_names(others)}并列,跨{upper}/{lower or '名额外'}线,{upper}余 {tie.places} 个名额:待领导决定",
                         f", tied with {', '.join(others)} across the {upper}/{lower or 'no tier'} line, {tie.places} "
                         f"place(s) left in {upper}: for the leader to decide")
        elif placed.tier:
            head += Text(",", ", ") + _tier_span(results, group.name, placed.tier)
        elif group.quotas:
            head += Text(",在名额之外", ", beyond the quotas")
        parts.append(head)
        if group.vetoed:
            parts.append(Text(f"{_names(group.vetoed)}取消排序资格,名额按其余单位排",
                              f"{', '.join(group.vetoed)} out of the ranking: the quotas go to the rest"))
        if placed.provisional:
            parts.append(pending_text(group))
    if spec is not None and spec.fail_below is not None and row.grade == spec.fail_label:
        if row.result.complete:
            parts.append(Text(f"总分 {fmt(row.result.total)} 低于 {fmt(spec.fail_below)} 分,评为{spec.fail_label}",
                              f"total {fmt(row.result.total)} below {fmt(spec.fail_below)}: {spec.fail_label}"))
        else:  # the provisional total is the most it can still reach: already below the line
            parts.append(Text(f"暂计 {fmt(row.result.total)} 已低于 {fmt(spec.fail_below)} 分,其余各项怎样都是{spec.fail_label}",
                              f"provisional {fmt(row.result.total)}, already below {fmt(spec.fail_below)}: "
                              f"{spec.fail_label} whatever is left"))
    elif placed.note == "incomplete":
        parts.append(Text("不评等级", "not graded yet"))
    return _join(parts)
