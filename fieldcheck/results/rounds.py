"""The township's rounds worked out: each round's standing, the village amounts, and a ledger per person.

The amounts are the rules file's; who shares them is the binding in the township's file;
every choice the text leaves open is the rules file's ``ties`` and ``several_villages``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from fieldcheck.engine.numbers import ZERO, to_json
from fieldcheck.i18n import t
from fieldcheck.results.round_rules import Round, RoundsInvalid, Rules, Township

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Standing:
    village: str
    place: int  # shared by a tie
    score: Decimal | None
    amount: Decimal  # + reward, − penalty, 0
    flag: str | None  # 流动红旗 / 流动黄旗
    note: str = ""  # why a tie's amount is not its place's: the ledger must say where 200 of a 400 went


@dataclass(frozen=True)
class Entry:
    round: str
    kind: str
    person: str
    role: str
    via: str  # the village (or unit / department) the amount comes through
    amount: Decimal
    note: str = ""

    def to_json(self) -> dict:
        return {"round": self.round, "kind": self.kind, "person": self.person, "role": self.role, "via": self.via,
                "amount": to_json(self.amount), "note": self.note}


def order_of(rnd: Round, scores: dict[str, Decimal] | None) -> list[tuple[tuple[str, ...], Decimal | None]]:
    """Runs of villages, best first; a run of more than one is a tie."""
    if scores is None:
        return [(run, None) for run in rnd.order]
    runs: dict[Decimal, list[str]] = defaultdict(list)
    for village, score in scores.items():
        runs[score].append(village)
    return [(tuple(sorted(runs[s])), s) for s in sorted(runs, reverse=True)]


def standings(rules: Rules, rnd: Round, villages: int, scores: dict[str, Decimal] | None = None) -> list[Standing]:
    kind = rules.kinds[rnd.kind]
    by_place = [ZERO] * (villages + 1)  # 1-based place → amount
    for i, amount in enumerate(kind.rewards):
        by_place[i + 1] = amount
    for i, amount in enumerate(kind.penalties):
        by_place[villages - i] = -amount
    out = []
    place = 1
    for run, score in order_of(rnd, scores if scores is not None else rnd.scores):
        covered = by_place[place:place + len(run)]
        note = ""
        if rules.ties == "upper" or len(run) == 1:
            amount = covered[0]
        else:
            amount = (sum(covered, ZERO) / len(run)).quantize(CENT, ROUND_HALF_UP)
        if len(set(covered)) > 1:
            last = place + len(run) - 1
            note = (f"第 {place}–{last} 名并列,按第 {place} 名计" if rules.ties == "upper"
                    else f"第 {place}–{last} 名并列,{len(run)} 村平分这几名的金额")
        flag = None
        if kind.flags and amount > 0:
            flag = "流动红旗"
        elif kind.flags and amount < 0:
            flag = "流动黄旗"
        for village in run:
            out.append(Standing(village, place, score, amount, flag, note))
        place += len(run)
    return out


def ledger(rules: Rules, town: Township, rnd: Round, table: list[Standing]) -> list[Entry]:
    """Who gets what from one round."""
    amount = {s.village: s.amount for s in table}
    tie = {s.village: s.note for s in table}
    out: list[Entry] = []

    def share(person: str, role: str, villages: tuple[str, ...], spared: bool = False) -> None:
        if rules.several_villages == "average" and len(villages) > 1:
            amounts = [amount[v] for v in villages if not (spared and amount[v] < 0)]
            total = (sum(amounts, ZERO) / len(villages)).quantize(CENT, ROUND_HALF_UP)
            if total:
                out.append(Entry(rnd.id, rnd.kind, person, role, "、".join(villages), total,
                                 f"{len(villages)} 村平均"))
            return
        for v in villages:
            if amount[v] == 0:
                continue
            if spared and amount[v] < 0:  # the exception: shown, so the ledger says why nothing is owed
                out.append(Entry(rnd.id, rnd.kind, person, role, v, ZERO, "完成自身任务,免于处罚"))
            else:
                out.append(Entry(rnd.id, rnd.kind, person, role, v, amount[v], tie[v]))

    for p in town.people:
        how = rules.roles.get(p.role, "always")
        spared = how == "spared_if_task_met" and p.name in rnd.task_met
        share(p.name, p.role, p.villages, spared)
    leaders = {p.name: p.villages for p in town.people if p.role == "包片领导"}
    for u in town.units:
        villages = (u.squats,) if u.squats else leaders[u.leader or ""]
        share(u.head, f"镇直单位负责人({u.name})", villages)
    kind = rules.kinds[rnd.kind]
    if kind.departments:
        for d in town.departments:
            ok = rnd.on_schedule[d.name]
            pair = kind.rewards[:2] if ok else tuple(-x for x in kind.penalties[:2])
            note = "达序时进度" if ok else "未达序时进度"
            out.append(Entry(rnd.id, rnd.kind, d.chief, f"业务主管部门正职({d.name})", d.name, pair[0], note))
            if d.deputy:
                out.append(Entry(rnd.id, rnd.kind, d.deputy, f"业务主管部门副职({d.name})", d.name, pair[1], note))
    return out


@dataclass
class RoundResult:
    round: Round
    standings: list[Standing]
    entries: list[Entry]


def work_out_round(rules: Rules, town: Township, rnd: Round, scores_for=None) -> RoundResult:
    """One round: its standing and who gets what; ``scores_for(rubric_id)`` gives village → total."""
    scores = None
    if rnd.scores_from:
        found = scores_for(rnd.scores_from) if scores_for else {}
        scores = {v: found[v] for v in town.villages if v in found}
        missing = [v for v in town.villages if v not in found]
        if missing:
            raise RoundsInvalid(t(f"轮次「{rnd.id}」:细则「{rnd.scores_from}」的结果中没有 {'、'.join(missing)}",
                                  f"round '{rnd.id}': the results of '{rnd.scores_from}' lack {', '.join(missing)}"))
    elif rnd.scores is None and not rnd.order:
        raise RoundsInvalid(t(f"轮次「{rnd.id}」还没有分数或名次", f"round '{rnd.id}' has no scores or order yet"))
    table = standings(rules, rnd, len(town.villages), scores)
    return RoundResult(rnd, table, ledger(rules, town, rnd, table))


def work_out(rules: Rules, town: Township, scores_for=None) -> list[RoundResult]:
    """Every round of the township; ``scores_for(rubric_id)`` gives village → total for ``scores_from`` rounds."""
    return [work_out_round(rules, town, rnd, scores_for) for rnd in town.rounds]


def per_person(results: list[RoundResult]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for r in results:
        for e in r.entries:
            totals[e.person] += e.amount
    return dict(sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])))


def rounds_json(results: list[RoundResult]) -> dict:
    return {"rounds": [{"id": r.round.id, "kind": r.round.kind, "date": r.round.date,
                        "standings": [{"village": s.village, "place": s.place,
                                       "score": None if s.score is None else to_json(s.score),
                                       "amount": to_json(s.amount), "flag": s.flag, "note": s.note} for s in r.standings],
                        "ledger": [e.to_json() for e in r.entries]} for r in results],
            "people": {k: to_json(v) for k, v in per_person(results).items()}}
