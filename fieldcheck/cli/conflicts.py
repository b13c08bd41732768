"""``fieldcheck conflicts [resolve|accept|reject|undo|decisions]``: the fields that merged differently, and deciding them."""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, open_store, print_json, say_masked
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops.conflict_text import describe
from fieldcheck.ops.conflicts import accept, reject, resolve, undo


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        found = store.events.conflicts()
        shown = [describe(store, c) for c in found]
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(t("没有冲突", "no conflicts"))
        return 0
    for c in shown:
        where = c["item_text"] or c["record"][:8]
        print(f"{c['id']}\t{c['kind_text']}\t{c['inspection_text']}\t{where}\t{c['field_text']}")
        for s in c["sides_text"]:
            late = "\t" + t("(签字后到达)", "(arrived after signing)") if s["held"] else ""
            print(f"\t{s['event']}\t{s['value_text']}\t{s['device']}\t{s['who']}\t{s['when']}{late}")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    if (args.value is None) == (args.keep is None):
        raise UserError(t("请给出 --value 或 --keep 之一", "give one of --value or --keep"))
    with open_store(args, daily_backup=False) as store:
        event = resolve(store, args.conflict, value=args.value,
                        keep=args.keep, has_value=args.value is not None, reason=args.reason)
    say_masked(args.value, args.reason)
    print(event)
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False) as store:
        number = accept(store, args.conflict, args.reason)
    say_masked(args.reason)
    print(t(f"已采纳;检查已修订为第 {number} 版,签字已作废,需重新签字",
            f"accepted; the inspection is amended to revision {number}, its signatures are voided: sign it again"))
    return 0


def cmd_reject(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False) as store:
        print(reject(store, args.conflict, args.reason))
    say_masked(args.reason)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False) as store:
        done = undo(store)
    if args.json:
        print_json(store.decisions.as_dict(done))
    else:
        print(t(f"已撤销:{done.summary}", f"undone: {done.summary}"))
    return 0


def cmd_decisions(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        found = store.decisions.history()
        if args.json:
            print_json([store.decisions.as_dict(d) for d in found])
            return 0
    for d in found:
        undone = "\t" + t(f"(已于 {d.undone_at[:16]} 撤销)", f"(undone {d.undone_at[:16]})") if d.undone_at else ""
        reason = "\t" + t(f"理由:{d.reason}", f"reason: {d.reason}") if d.reason else ""
        print(f"{d.at[:16].replace('T', ' ')}\t{d.who}\t{d.summary}{reason}{undone}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("conflicts", help=t("列出合并冲突,或解决一个", "list merge conflicts, or resolve one"))
    db_arg(p)
    p.add_argument("--json", action="store_true", help=t("以 JSON 输出", "print JSON"))
    p.set_defaults(handler=cmd_conflicts)
    csub = p.add_subparsers(dest="conflicts_command", metavar="ACTION")
    r = csub.add_parser("resolve", help=t("解决一个冲突:给出值,或保留某一方的修改", "resolve one: give a value, or keep one side's event"))
    db_arg(r, inherited=True)
    r.add_argument("conflict", metavar="CONFLICT")
    r.add_argument("--value", metavar="V", help=t("新值,如 达标、三、宣传栏、标语;删除与修改的冲突填 删除 或 恢复(或 JSON)",
                                                    "the value, as in met, 3 or a note; delete or restore for a delete "
                                                    "against an edit (or JSON)"))
    r.add_argument("--keep", metavar="EVENT", help=t("保留这一方的修改", "keep this side's event"))
    r.add_argument("--reason", metavar="TEXT", help=t("决定的理由(随决定一起同步)", "why (it travels with the decision)"))
    r.set_defaults(handler=cmd_resolve)
    a = csub.add_parser("accept", help=t("采纳签字后到达的修改(检查将修订,需重新签字)",
                                         "accept a change that arrived after signing (the inspection is amended and "
                                         "must be signed again)"))
    db_arg(a, inherited=True)
    a.add_argument("conflict", metavar="CONFLICT")
    a.add_argument("--reason", metavar="TEXT", help=t("采纳的理由", "why"))
    a.set_defaults(handler=cmd_accept)
    j = csub.add_parser("reject", help=t("拒绝签字后到达的修改(保留在历史中,不计分)",
                                         "reject a change that arrived after signing (kept in history, not scored)"))
    db_arg(j, inherited=True)
    j.add_argument("conflict", metavar="CONFLICT")
    j.add_argument("--reason", metavar="TEXT", help=t("拒绝的理由", "why"))
    j.set_defaults(handler=cmd_reject)
    u = csub.add_parser("undo", help=t("撤销最近一次决定(导出同步包之前)", "undo the last decision (before any export)"))
    db_arg(u, inherited=True)
    u.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=t("以 JSON 输出", "print JSON"))
    u.set_defaults(handler=cmd_undo)
    d = csub.add_parser("decisions", help=t("列出做过的决定及理由", "list the decisions made, with their reasons"))
    db_arg(d, inherited=True)
    d.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=t("以 JSON 输出", "print JSON"))
    d.set_defaults(handler=cmd_decisions)
