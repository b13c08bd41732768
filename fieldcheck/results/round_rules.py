"""The township's rounds as data: the rules file (amounts, flags, bindings, readings) and a township's file.

The rules ship in ``rubrics/rounds/township-rounds.yaml`` (seed 000, with every reading the
text leaves open). A township's file says who is bound to which village and what each round
gave: YAML the office keeps beside its workbook, read whole and checked before anything is
computed, so a bad file is one sentence naming what is wrong and nothing is half-done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from fieldcheck.engine.numbers import to_decimal
from fieldcheck.engine.rubric_yaml import BoundedLoader
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.shipped import rubrics_dir

ROLES = ("支部书记", "包片领导", "蹲点干部", "大学生村官", "发展书记")


class RoundsInvalid(UserError):
    pass


@dataclass(frozen=True)
class Kind:
    name: str
    rewards: tuple[Decimal, ...]
    penalties: tuple[Decimal, ...]  # last, second-last
    flags: bool
    departments: bool


@dataclass(frozen=True)
class Rules:
    kinds: dict[str, Kind]
    roles: dict[str, str]  # role → "always" or "spared_if_task_met"
    ties: str = "average"
    several_villages: str = "each"


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    villages: tuple[str, ...]


@dataclass(frozen=True)
class Unit:
    """A 镇直单位, bound through its 负责人: to the village he squats in, else his 分管领导's villages."""

    name: str
    head: str
    squats: str | None = None
    leader: str | None = None


@dataclass(frozen=True)
class Department:
    name: str
    chief: str
    deputy: str | None = None


@dataclass(frozen=True)
class Round:
    id: str
    kind: str
    date: str = ""
    #: village → score, or None when the round gives an order by hand (``order``)
    scores: dict[str, Decimal] | None = None
    #: by hand: best first; an inner list is a tie
    order: tuple[tuple[str, ...], ...] = ()
    scores_from: str | None = None  # a rubric id: scores from the database's results
    task_met: frozenset[str] = frozenset()
    on_schedule: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Township:
    name: str
    villages: tuple[str, ...]
    people: tuple[Person, ...]
    units: tuple[Unit, ...]
    departments: tuple[Department, ...]
    rounds: tuple[Round, ...]


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=BoundedLoader)  # 5,000 digits: refused, not int()'s limit
    except FileNotFoundError:
        raise RoundsInvalid(t(f"找不到文件 {path}", f"file not found: {path}")) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RoundsInvalid(t(f"无法读取 {path}:{exc}", f"cannot read {path}: {exc}")) from None


def _amounts(values: Any, what: str) -> tuple[Decimal, ...]:
    try:
        return tuple(to_decimal(v) for v in values)
    except (TypeError, ValueError):
        raise RoundsInvalid(t(f"{what} 应是金额列表", f"{what} must be a list of amounts")) from None


def load_rules(path: str | Path | None = None) -> Rules:
    path = Path(path) if path else rubrics_dir() / "rounds" / "township-rounds.yaml"
    data = _read(path)
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), list):
        raise RoundsInvalid(t(f"{path}:需要 kinds 列表", f"{path}: needs a list of kinds"))
    kinds = {}
    for k in data["kinds"]:
        kinds[str(k["name"])] = Kind(str(k["name"]), _amounts(k.get("rewards") or [], f"{k['name']} rewards"),
                                     _amounts(k.get("penalties") or [], f"{k['name']} penalties"),
                                     bool(k.get("flags")), bool(k.get("departments")))
    roles = {str(r): str(v) for r, v in (data.get("roles") or {}).items()}
    for role, how in roles.items():
        if how not in ("always", "spared_if_task_met"):
            raise RoundsInvalid(t(f"{path}:角色「{role}」的规则「{how}」未知", f"{path}: unknown rule '{how}' for role '{role}'"))
    ties, several = str(data.get("ties", "average")), str(data.get("several_villages", "each"))
    if ties not in ("average", "upper") or several not in ("each", "average"):
        raise RoundsInvalid(t(f"{path}:ties 应为 average/upper,several_villages 应为 each/average",
                              f"{path}: ties must be average or upper, several_villages each or average"))
    return Rules(kinds, roles, ties, several)


def load_township(path: str | Path, rules: Rules) -> Township:
    """A township's villages, people, units, departments and rounds, every reference checked."""
    path = Path(path)
    data = _read(path)
    if not isinstance(data, dict):
        raise RoundsInvalid(t(f"{path} 应是一个映射(villages、people、rounds…)", f"{path} must be a mapping (villages, people, rounds, …)"))

    def need(cond: bool, zh: str, en: str) -> None:
        if not cond:
            raise RoundsInvalid(t(f"{path}:{zh}", f"{path}: {en}"))

    villages = tuple(str(v) for v in data.get("villages") or [])
    need(len(villages) >= 5 and len(set(villages)) == len(villages),
         "villages 需要至少 5 个不重复的村居", "villages needs at least 5 distinct villages")
    known = set(villages)
    people = []
    for p in data.get("people") or []:
        role = str(p.get("role", ""))
        need(role in ROLES, f"「{p.get('name')}」的角色「{role}」不在 {'、'.join(ROLES)} 中",
             f"the role '{role}' of '{p.get('name')}' is not one of {', '.join(ROLES)}")
        vs = tuple(str(v) for v in (p.get("villages") or ([p["village"]] if p.get("village") else [])))
        need(bool(vs) and set(vs) <= known, f"「{p.get('name')}」的村居不在 villages 中",
             f"the villages of '{p.get('name')}' are not all in villages")
        people.append(Person(str(p["name"]), role, vs))
    leaders = {p.name for p in people if p.role == "包片领导"}
    units = []
    for u in data.get("units") or []:
        unit = Unit(str(u["name"]), str(u["head"]), u.get("squats"), u.get("leader"))
        need((unit.squats in known) != (unit.leader in leaders),
             f"单位「{unit.name}」要写明负责人蹲点的村(squats)或分管领导(leader,包片领导之一),二者取一",
             f"unit '{unit.name}' needs either squats (a village) or leader (one of the 包片领导)")
        units.append(unit)
    departments = tuple(Department(str(d["name"]), str(d["chief"]), d.get("deputy")) for d in data.get("departments") or [])
    rounds = []
    for r in data.get("rounds") or []:
        rid = str(r.get("id", ""))
        kind = str(r.get("kind", ""))
        need(kind in rules.kinds, f"轮次「{rid}」的类型「{kind}」未知,可选:{'、'.join(rules.kinds)}",
             f"round '{rid}' has unknown kind '{kind}'; expected {', '.join(rules.kinds)}")
        scores: dict[str, Decimal] | None = None
        order: tuple[tuple[str, ...], ...] = ()
        if r.get("scores") is not None:
            try:
                scores = {str(v): to_decimal(s) for v, s in r["scores"].items()}
            except (AttributeError, ValueError):
                need(False, f"轮次「{rid}」的 scores 应是 村居: 分数", f"round '{rid}': scores must map villages to numbers")
            need(set(scores or {}) == known, f"轮次「{rid}」的分数要覆盖全部 {len(villages)} 个村居,且只含它们",
                 f"round '{rid}': scores must cover exactly the {len(villages)} villages")
        elif r.get("order") is not None:
            order = tuple(tuple(str(x) for x in (e if isinstance(e, list) else [e])) for e in r["order"])
            flat = [village for run in order for village in run]
            need(sorted(flat) == sorted(villages), f"轮次「{rid}」的名次要列出全部村居各一次",
                 f"round '{rid}': the order must list every village once")
        else:
            need(bool(r.get("scores_from")), f"轮次「{rid}」需要 scores、order 或 scores_from",
                 f"round '{rid}' needs scores, order or scores_from")
        on_schedule = {str(k): bool(v) for k, v in (r.get("on_schedule") or {}).items()}
        if rules.kinds[kind].departments:
            missing = [d.name for d in departments if d.name not in on_schedule]
            need(not missing, f"轮次「{rid}」要写明业务主管部门是否达序时进度:{'、'.join(missing)}",
                 f"round '{rid}' must say whether each department is on schedule: {', '.join(missing)}")
        rounds.append(Round(rid, kind, str(r.get("date", "")), scores, order, r.get("scores_from"),
                            frozenset(str(x) for x in r.get("task_met") or []), on_schedule))
    return Township(str(data.get("township", "")), villages, tuple(people), tuple(units), departments, tuple(rounds))
