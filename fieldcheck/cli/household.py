"""``fieldcheck household add|edit|remove|list``: the households of a village, typed by the inspector.

A household is named by its head's name within its village (``--village 县/乡镇/村``) or by
its id; a village path creates its county, township and village, as ``inspection add`` does.
"""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, open_store, print_json
from fieldcheck.engine.numbers import to_decimal
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops.households import find_household, household_rows
from fieldcheck.ops.places import village_at
from fieldcheck.store import check_members


def _members(text: str | None) -> int | None:
    """``--members`` as a number of people (４ typed full-width too); StoreError for anything else."""
    if text is None:
        return None
    try:  # to_decimal, not int(): 23 nines or 5,000 digits are refused, not carried to SQLite
        number = to_decimal(text)
    except ValueError:
        return check_members(text)  # refused, naming what was typed
    return check_members(int(number) if number == number.to_integral_value() else text)


def cmd_household_add(args: argparse.Namespace) -> int:
    members = _members(args.members)  # before the village path creates any place
    with open_store(args, create=True) as store, store.transaction():  # a refused household leaves no new village
        village = village_at(store, args.village)
        household = store.households.add(village, args.name, members=members if members is not None else 1,
                                         helper=args.helper or "", status=args.status or "贫困户",
                                         id_number=args.id_number)
    print(household)
    return 0


def cmd_household_edit(args: argparse.Namespace) -> int:
    members = _members(args.members)
    with open_store(args) as store:
        household = find_household(store, args.household, args.village)
        changes: dict = {}
        if args.name is not None:
            changes["head_name"] = args.name
        if members is not None:
            changes["members"] = members
        for option, field in (("helper", "helper"), ("status", "status"), ("id_number", "id_number")):
            if getattr(args, option) is not None:
                changes[field] = getattr(args, option)
        if not changes:
            raise UserError(t("没有要修改的内容:请给出 --name、--members、--helper、--status 或 --id-number",
                              "nothing to change: give --name, --members, --helper, --status or --id-number"))
        store.households.update(household.id, **changes)
    print(household.id)
    return 0


def cmd_household_remove(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        household = find_household(store, args.household, args.village)
        store.households.remove(household.id)
    print(t(f"已删除农户「{household.head_name}」", f"removed the household of {household.head_name}"))
    return 0


def cmd_household_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = household_rows(store, args.village)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(t("还没有农户", "no households yet"))
        return 0
    for row in rows:
        parts = [row["village"], row["head_name"], t(f"{row['members']} 人", f"{row['members']} member(s)"),
                 row["status"]]
        if row["helper"]:
            parts.append(t(f"帮扶责任人 {row['helper']}", f"helper {row['helper']}"))
        if row["id_masked"]:
            parts.append(row["id_masked"])
        print("  ".join(parts))
    return 0


def _details(p: argparse.ArgumentParser) -> None:
    p.add_argument("--members", metavar="N", help=t("家庭人口", "number of members"))
    p.add_argument("--helper", metavar="NAME", help=t("帮扶责任人", "the household's helper (帮扶责任人)"))
    p.add_argument("--status", metavar="TEXT", help=t("类别,如 脱贫户、低保户(默认 贫困户)",
                                                      "status, e.g. 脱贫户, 低保户 (default 贫困户)"))
    p.add_argument("--id-number", metavar="ID", help=t("户主身份证号(只保存遮蔽后的号码)",
                                                       "the head's ID number (only a masked form is kept)"))


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("household", help=t("农户:添加、修改、删除、列出", "households: add, edit, remove, list"))
    hsub = group.add_subparsers(dest="household_command", metavar="ACTION", required=True)
    village_help = t("村,写成 县/乡镇/村(不存在时自动建立)", "the village as county/township/village (created when missing)")

    p = hsub.add_parser("add", help=t("添加一户,打印其编号", "add a household; prints its id"))
    db_arg(p)
    p.add_argument("--village", required=True, metavar="县/乡镇/村", help=village_help)
    p.add_argument("--name", required=True, metavar="NAME", help=t("户主姓名", "the head of household's name"))
    _details(p)
    p.set_defaults(handler=cmd_household_add)

    which = t("户主姓名(同村重名时用编号)或农户编号", "the head's name (the id when two share a name) or the household id")
    p = hsub.add_parser("edit", help=t("修改一户", "change a household"))
    db_arg(p)
    p.add_argument("household", metavar="NAME|ID", help=which)
    p.add_argument("--village", metavar="县/乡镇/村", help=t("按姓名查找时所在的村", "the village, when naming the household"))
    p.add_argument("--name", metavar="NAME", help=t("新的户主姓名", "the new head of household's name"))
    _details(p)
    p.set_defaults(handler=cmd_household_edit)

    p = hsub.add_parser("remove", help=t("删除一户(有发现记录时拒绝)", "remove a household (refused while findings name it)"))
    db_arg(p)
    p.add_argument("household", metavar="NAME|ID", help=which)
    p.add_argument("--village", metavar="县/乡镇/村", help=t("按姓名查找时所在的村", "the village, when naming the household"))
    p.set_defaults(handler=cmd_household_remove)

    p = hsub.add_parser("list", help=t("列出农户(按姓名拼音排序)", "list households (sorted by the pinyin of the name)"))
    db_arg(p)
    p.add_argument("--village", metavar="县/乡镇/村", help=t("只列这个村", "only this village"))
    p.add_argument("--json", action="store_true", help=t("以 JSON 输出", "print JSON"))
    p.set_defaults(handler=cmd_household_list)
