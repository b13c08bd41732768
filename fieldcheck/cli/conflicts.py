"""``fieldcheck conflicts [resolve]``: the fields that merged differently, and deciding them."""

from __future__ import annotations

import argparse
import json

from fieldcheck.cli.common import db_arg, open_store, print_json
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops.conflicts import parse_value, resolve


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        found = store.events.conflicts()
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(t("没有冲突", "no conflicts"))
        return 0
    for c in found:
        where = c["item"] or c["record"][:8]
        print(f"{c['id']}\t{c['kind']}\t{c['entity']} {where} {c['field']}")
        for s in c["sides"]:
            value = json.dumps(s["value"], ensure_ascii=False)
            late = "\t" + t("(签字后到达)", "(arrived after signing)") if s["held"] else ""
            print(f"\t{s['event']}\t{value}\t{s['device']}\t{s['who']}\t{s['at']}{late}")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    if (args.value is None) == (args.keep is None):
        raise UserError(t("请给出 --value 或 --keep 之一", "give one of --value or --keep"))
    with open_store(args, daily_backup=False) as store:
        event = resolve(store, args.conflict, value=parse_value(args.value) if args.value is not None else None,
                        keep=args.keep, has_value=args.value is not None)
    print(event)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("conflicts", help=t("列出合并冲突,或解决一个", "list merge conflicts, or resolve one"))
    db_arg(p)
    p.add_argument("--json", action="store_true", help=t("以 JSON 输出", "print JSON"))
    p.set_defaults(handler=cmd_conflicts)
    csub = p.add_subparsers(dest="conflicts_command", metavar="ACTION")
    r = csub.add_parser("resolve", help=t("解决一个冲突:给出值,或保留某一方的修改", "resolve one: give a value, or keep one side's event"))
    db_arg(r)
    r.add_argument("conflict", metavar="CONFLICT")
    r.add_argument("--value", metavar="V", help=t("新值(JSON,或普通文字)", "the value (JSON, or plain text)"))
    r.add_argument("--keep", metavar="EVENT", help=t("保留这一方的修改", "keep this side's event"))
    r.set_defaults(handler=cmd_resolve)
