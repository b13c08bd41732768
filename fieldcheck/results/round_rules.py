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

from fieldcheck.engine.numbers import shown, to_decimal
from fieldcheck.i18n import t
from fieldcheck.results.round_file import Mapping, RoundsInvalid, Sequence, Shapes, entry_name, read
from fieldcheck.shipped import rubrics_dir

ROLES = ("支部书记", "包片领导", "蹲点干部", "大学生村官", "发展书记")


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


def _amounts(kind: Mapping, key: str, name: tuple[str, str], shapes: Shapes) -> tuple[Decimal, ...]:
    values = kind.get(key)
    try:
        return tuple(to_decimal(v) for v in (values or []))
    except (TypeError, ValueError):
        raise shapes.error(kind.at(key), f"{name[0]}的 {key} 应是金额列表,如 [800, 600, 400]",
                           f"the {key} of {name[1]} must be a list of amounts, such as [800, 600, 400]") from None


def load_rules(path: str | Path | None = None) -> Rules:
    path = Path(path) if path else rubrics_dir() / "rounds" / "township-rounds.yaml"
    shapes = Shapes(path)
    data = read(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("kinds"), Sequence):
        raise RoundsInvalid(t(f"{path}:需要 kinds 列表", f"{path}: needs a list of kinds"))
    kinds = {}
    for i, k in enumerate(data["kinds"]):
        name = entry_name("kinds", i, k)
        k = shapes.mapping(k, data["kinds"].at(i), name,
                           ("一种轮次(name、rewards、penalties)", "a kind of round (name, rewards, penalties)"))
        kind_name = shapes.text(k, "name", name)
        kinds[kind_name] = Kind(kind_name, _amounts(k, "rewards", name, shapes), _amounts(k, "penalties", name, shapes),
                                bool(k.get("flags")), bool(k.get("departments")))
    roles_data = data.get("roles") or Mapping()
    roles_data = shapes.mapping(roles_data, data.at("roles"), ("roles", "roles"),
                                ("角色: 规则 的映射", "a mapping of role: rule"))
    roles = {str(r): str(v) for r, v in roles_data.items()}
    for role, how in roles.items():
        if how not in ("always", "spared_if_task_met"):
            raise shapes.error(roles_data.at(role),
                               f"角色「{role}」的规则「{shown(how)}」未知,可选 always、spared_if_task_met",
                               f"unknown rule '{shown(how)}' for role '{role}'; expected always or spared_if_task_met")
    ties, several = str(data.get("ties", "average")), str(data.get("several_villages", "each"))
    if ties not in ("average", "upper") or several not in ("each", "average"):
        raise RoundsInvalid(t(f"{path}:ties 应为 average/upper,several_villages 应为 each/average",
                              f"{path}: ties must be average or upper, several_villages each or average"))
    return Rules(kinds, roles, ties, several)


PERSON = ("一个人员,写成 {name: 姓名, role: 角色, village: 村居}", "a person, written {name: …, role: …, village: …}")
UNIT = ("一个镇直单位,写成 {name: 单位, head: 负责人, squats: 村居 或 leader: 包片领导}",
        "a unit, written {name: …, head: …, squats: a village, or leader: one of the 包片领导}")
DEPARTMENT = ("一个业务主管部门,写成 {name: 部门, chief: 正职, deputy: 副职}",
              "a department, written {name: …, chief: …, deputy: …}")
ROUND = ("一轮,写成 {id: …, kind: …, 及 scores、order 或 scores_from}",
         "a round, written {id: …, kind: …, and scores, order or scores_from}")


def load_township(path: str | Path, rules: Rules) -> Township:
    """A township's villages, people, units, departments and rounds, every shape and reference checked."""
    path = Path(path)
    shapes = Shapes(path)
    data = read(path)
    if not isinstance(data, Mapping):
        raise RoundsInvalid(t(f"{path} 应是一个映射(villages、people、rounds…)",
                              f"{path} must be a mapping (villages, people, rounds, …)"))

    def need(cond: bool, line: int, zh: str, en: str) -> None:
        if not cond:
            raise shapes.error(line, zh, en)

    villages = shapes.texts(data.get("villages"), data.at("villages"), ("villages", "villages"))
    need(len(villages) >= 5 and len(set(villages)) == len(villages), data.at("villages"),
         "villages 需要至少 5 个不重复的村居", "villages needs at least 5 distinct villages")
    known = set(villages)
    people = []
    listed = shapes.sequence(data, "people", ("people", "people"), ("人员", "people"))
    for i, p in enumerate(listed):
        where = entry_name("people", i, p)
        p = shapes.mapping(p, listed.at(i), where, PERSON)
        name = shapes.text(p, "name", where)
        role = shapes.text(p, "role", where, required=False) or ""
        need(role in ROLES, p.at("role"), f"「{name}」的角色「{shown(role)}」不在 {'、'.join(ROLES)} 中",
             f"the role '{shown(role)}' of '{name}' is not one of {', '.join(ROLES)}")
        key = "villages" if p.get("villages") is not None else "village"
        vs = shapes.texts(p.get(key), p.at(key), (f"「{name}」的 {key}", f"{key} of '{name}'"))
        need(bool(vs) and set(vs) <= known, p.at(key), f"「{name}」的村居不在 villages 中",
             f"the villages of '{name}' are not all in villages")
        people.append(Person(name, role, vs))
    leaders = {p.name for p in people if p.role == "包片领导"}
    units = []
    listed = shapes.sequence(data, "units", ("units", "units"), ("镇直单位", "units"))
    for i, u in enumerate(listed):
        where = entry_name("units", i, u)
        u = shapes.mapping(u, listed.at(i), where, UNIT)
        unit = Unit(shapes.text(u, "name", where), shapes.text(u, "head", where),
                    shapes.text(u, "squats", where, required=False), shapes.text(u, "leader", where, required=False))
        need((unit.squats in known) != (unit.leader in leaders), u.line,
             f"单位「{unit.name}」要写明负责人蹲点的村(squats)或分管领导(leader,包片领导之一),二者取一",
             f"unit '{unit.name}' needs either squats (a village) or leader (one of the 包片领导)")
        units.append(unit)
    departments = []
    listed = shapes.sequence(data, "departments", ("departments", "departments"), ("业务主管部门", "departments"))
    for i, d in enumerate(listed):
        where = entry_name("departments", i, d)
        d = shapes.mapping(d, listed.at(i), where, DEPARTMENT)
        departments.append(Department(shapes.text(d, "name", where), shapes.text(d, "chief", where),
                                      shapes.text(d, "deputy", where, required=False)))
    rounds = []
    listed = shapes.sequence(data, "rounds", ("rounds", "rounds"), ("轮次", "rounds"))
    for i, r in enumerate(listed):
        where = entry_name("rounds", i, r)
        rounds.append(_round(shapes.mapping(r, listed.at(i), where, ROUND), where, rules, villages, departments, shapes))
    return Township(str(data.get("township", "")), villages, tuple(people), tuple(units), tuple(departments),
                    tuple(rounds))


def _round(r: Mapping, entry: tuple[str, str], rules: Rules, villages: tuple[str, ...], departments: list[Department],
           shapes: Shapes) -> Round:
    """One round of the township's file, its scores or order checked against the villages."""
    known = set(villages)

    def need(cond: bool, line: int, zh: str, en: str) -> None:
        if not cond:
            raise shapes.error(line, zh, en)

    rid = shapes.text(r, "id", entry, required=False) or ""
    where = (f"轮次「{rid}」", f"round '{rid}'")
    kind = shapes.text(r, "kind", where, required=False) or ""
    need(kind in rules.kinds, r.at("kind"), f"轮次「{rid}」的类型「{shown(kind)}」未知,可选:{'、'.join(rules.kinds)}",
         f"round '{rid}' has unknown kind '{shown(kind)}'; expected {', '.join(rules.kinds)}")
    scores: dict[str, Decimal] | None = None
    order: tuple[tuple[str, ...], ...] = ()
    if r.get("scores") is not None:
        try:
            scores = {str(v): to_decimal(s) for v, s in r["scores"].items()}
        except (AttributeError, TypeError, ValueError):
            need(False, r.at("scores"), f"轮次「{rid}」的 scores 应是 村居: 分数",
                 f"round '{rid}': scores must map villages to numbers")
        need(set(scores or {}) == known, r.at("scores"),
             f"轮次「{rid}」的分数要覆盖全部 {len(villages)} 个村居,且只含它们", f"round '{rid}': scores must cover exactly the {len(villages)} villages")
    elif r.get("order") is not None:
        runs = r["order"] if isinstance(r["order"], Sequence) else Sequence([r["order"]])
        order = tuple(shapes.texts(e, runs.at(n), (f"轮次「{rid}」的 order", f"the order of round '{rid}'"))
                      for n, e in enumerate(runs))
        flat = [village for run in order for village in run]
        need(sorted(flat) == sorted(villages), r.at("order"), f"轮次「{rid}」的名次要列出全部村居各一次",
             f"round '{rid}': the order must list every village once")
    else:
        need(bool(r.get("scores_from")), r.line, f"轮次「{rid}」需要 scores、order 或 scores_from",
             f"round '{rid}' needs scores, order or scores_from")
    given = r.get("on_schedule") or Mapping()
    on_schedule = {str(k): bool(v) for k, v in shapes.mapping(
        given, r.at("on_schedule"), (f"轮次「{rid}」的 on_schedule", f"the on_schedule of round '{rid}'"),
        ("部门: true/false 的映射", "a mapping of department: true or false")).items()}
    if rules.kinds[kind].departments:
        missing = [d.name for d in departments if d.name not in on_schedule]
        need(not missing, r.at("on_schedule"), f"轮次「{rid}」要写明业务主管部门是否达序时进度:{'、'.join(missing)}",
             f"round '{rid}' must say whether each department is on schedule: {', '.join(missing)}")
    task_met = shapes.texts(r.get("task_met"), r.at("task_met"),
                            (f"轮次「{rid}」的 task_met", f"the task_met of round '{rid}'"))
    return Round(rid, kind, shapes.text(r, "date", where, required=False) or "", scores, order,
                 shapes.text(r, "scores_from", where, required=False), frozenset(task_met), on_schedule)
