"""The results as a plain text table for the terminal, in the current language."""

from __future__ import annotations

from fieldcheck.i18n import t
from fieldcheck.reports.scoretable import pad, width
from fieldcheck.results.basis import pending_text
from fieldcheck.results.outcome import Results
from fieldcheck.results.rounds import RoundResult, per_person

NOTES = {"veto": ("取消排序资格", "out of ranking (veto)"), "incomplete": ("未完成,不排名", "incomplete, not ranked"),
         "no group": ("不在排名分组", "in no ranking group"), "tie": ("名额线上并列,待定", "tie on a quota line: leader decides")}


def render_results(results: Results) -> str:
    lines = [results.rubric.title, ""]
    head = [t("名次", "rank"), t("单位", "assessee"), t("分组", "group"), t("总分", "total"), t("等级", "grade"),
            t("档次", "band"), t("类别", "tier"), t("说明", "note")]
    provisional = t("(暂计)", " (provisional)")
    widths = [5, 14, 6, 8 + (width(provisional) if any(not r.result.complete for r in results.rows) else 0),
              8, 6, 6 + (width(t("(暂定)", " (provisional)")) if any(r.placed.provisional for r in results.rows) else 0), 0]
    lines.append("  ".join(pad(h, w) if w else h for h, w in zip(head, widths)))
    for row in results.rows:
        note = row.veto() or (t(*NOTES[row.placed.note]) if row.placed.note in NOTES else "")
        if row.unfinished_unsaid:
            note = t("未完成", "unfinished") + (f";{note}" if note else "")
        if row.counted.draft:
            note = t("草稿", "draft") + (f";{note}" if note else "")
        total = f"{row.result.total:.2f}" + ("" if row.result.complete else provisional)
        tier = (row.placed.tier or "-") + (t("(暂定)", " (provisional)") if row.placed.provisional and row.placed.tier else "")
        cells = [str(row.placed.rank or "-"), row.name, row.placed.group or "-", total,
                 row.grade_shown or "-", row.band or "-", tier, note]
        lines.append("  ".join(pad(c, w) if w else c for c, w in zip(cells, widths)))
    for g in results.groups:
        quotas = "、".join(f"{k} {v}" for k, v in g.quotas.items())
        lines.append(t(f"分组 {g.name}:名额 {quotas}", f"group {g.name}: quotas {quotas}"))
        for tie in g.ties:
            who = "、".join(tie.assessees)
            lines.append(t(f"  第 {tie.rank} 名并列跨名额线({tie.between[0]}/{tie.between[1] or '无'}):{who},"
                           f"{tie.between[0]}余 {tie.places} 个名额,请领导决定",
                           f"  tie at rank {tie.rank} across a quota line ({tie.between[0]}/{tie.between[1] or 'none'}): "
                           f"{who}; {tie.places} place(s) left in {tie.between[0]}, for the leader to decide"))
        if g.pending:
            lines.append("  " + pending_text(g).render())
    for c in results.conflicts:
        lines.append(t(f"问题:{c.assessee}:{c.reason.render()}", f"problem: {c.assessee}: {c.reason.render()}"))
    if results.has_bands:
        edges = ";".join(results.banding.describe())
        lines.append(t(f"档次:{edges}", f"bands: {edges}"))
    spec = results.rubric.ranking
    if spec is not None and spec.notes:  # the rule's own words and the readings taken where it is silent
        lines.append(t("依据:", "rule (the rubric's words):"))
        lines.extend("  " + line for line in spec.notes.splitlines())
    return "\n".join(lines)


def render_ledger(rounds: list[RoundResult]) -> str:
    lines = []
    for r in rounds:
        lines.append(f"{r.round.id}  {r.round.kind}  {r.round.date}")
        for s in r.standings:
            if s.amount or s.flag:
                lines.append(f"  {s.place:>2}  {pad(s.village, 10)} {s.amount:>9.2f}  {s.flag or ''}  {s.note}".rstrip())
        for e in r.entries:
            lines.append(f"    {pad(e.person, 8)} {pad(e.role, 24)} {pad(e.via, 10)} {e.amount:>9.2f}  {e.note}")
    lines.append(t("每人合计", "per person"))
    for name, total in per_person(rounds).items():
        lines.append(f"  {pad(name, 8)} {total:>9.2f}")
    return "\n".join(lines)
