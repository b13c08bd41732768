"""``fieldcheck assign add|list|remove|publish``: who visits which assessee on which day, with which rubric.

Each assignment makes its draft inspection at once; ``fieldcheck bundle export --for NAME``
writes the inspector's bundle (docs/sync.md).
"""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, open_store, print_json
from fieldcheck.i18n import t
from fieldcheck.ops import assignments
from fieldcheck.ops.rubrics import to_publish


def cmd_add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        made = assignments.assign(store, args.inspector, args.date, args.rubric, args.assessees)
        rows = [r for r in assignments.rows(store) if r["id"] in made]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['id']}  {r['inspector']}  {r['date']}  {r['assessee']}  {r['rubric_id']}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        rows = assignments.rows(store, args.inspector)
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(t("没有任务", "no assignments"))
    for r in rows:
        state = {"draft": t("待检查", "waiting"), "signed": t("已签字", "signed"), "exported": t("已导出", "exported"),
                 "deleted": t("已删除", "deleted")}.get(r["status"], r["status"])
        if r["status"] == "draft" and r["findings"]:
            state = t(f"已开始({r['findings']} 条记录)", f"started ({r['findings']} findings)")
        print(f"{r['id'][:8]}  {r['date']}  {r['inspector']}  {r['assessee']}  {r['rubric_id']}  {state}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        for ref in args.ids:
            done = assignments.remove(store, ref)
            a = done.assignment
            print(t(f"已删除任务 {a.id[:8]}({a.inspector},{a.date})" +
                    (",其待检查的草稿一并删除" if done.draft_deleted else ",其检查已有记录,保留"),
                    f"removed assignment {a.id[:8]} ({a.inspector}, {a.date})" +
                    ("; its waiting draft went too" if done.draft_deleted else "; its inspection has work in it and stays")))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        for ref in args.rubrics:
            rubric = to_publish(store, ref)
            changed = store.rubrics.publish(rubric)
            print(t(f"{rubric.id}:{'已发布' if changed else '已是发布版本'} {rubric.version[:12]}",
                    f"{rubric.id}: {'published' if changed else 'already published'} {rubric.version[:12]}"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("assign", help=t("任务:谁在哪天用哪个细则检查哪些村", "assignments: who inspects which villages on "
                                                                      "which day with which rubric"))
    asub = p.add_subparsers(dest="assign_command", metavar="ACTION", required=True)
    a = asub.add_parser("add", help=t("分派任务,每个被考核单位生成一份待检查的草稿",
                                      "assign; each assessee gets a draft inspection waiting for the inspector"))
    db_arg(a)
    a.add_argument("--inspector", required=True, metavar="NAME", help=t("检查人员姓名", "the inspector's name"))
    a.add_argument("--date", required=True, metavar="YYYY-MM-DD", help=t("检查日期", "the day of the visit"))
    a.add_argument("--rubric", required=True, metavar="ID", help=t("细则 id", "rubric id"))
    a.add_argument("assessees", nargs="+", metavar="ASSESSEE",
                   help=t("被考核单位:名称、路径(县/乡镇/村)或 id", "assessee: name, path (county/township/village) or id"))
    a.add_argument("--json", action="store_true", help=t("以 JSON 输出", "print JSON"))
    a.set_defaults(handler=cmd_add)
    ls = asub.add_parser("list", help=t("列出任务", "list assignments"))
    db_arg(ls)
    ls.add_argument("--inspector", metavar="NAME", help=t("只列此人的任务", "only this inspector's"))
    ls.add_argument("--json", action="store_true", help=t("以 JSON 输出", "print JSON"))
    ls.set_defaults(handler=cmd_list)
    r = asub.add_parser("remove", help=t("删除任务(草稿若尚无记录也一并删除)",
                                         "remove assignments (and their drafts, when nothing was recorded in them)"))
    db_arg(r)
    r.add_argument("ids", nargs="+", metavar="ID", help=t("任务 id(或其开头至少 4 位)", "assignment id (or its first 4+ characters)"))
    r.set_defaults(handler=cmd_remove)
    pub = asub.add_parser("publish", help=t("发布细则的当前版本,随下一个同步包送达检查人员",
                                            "publish a rubric's current version; the next bundles carry it to inspectors"))
    db_arg(pub)
    pub.add_argument("rubrics", nargs="+", metavar="RUBRIC", help=t("细则 id 或文件", "rubric id or file"))
    pub.set_defaults(handler=cmd_publish)
