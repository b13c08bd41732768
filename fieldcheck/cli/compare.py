"""``fieldcheck compare``: double inspections (交叉检查) listed, compared item by item, and reconciled.

``fieldcheck compare`` lists the assessees inspected twice or more on one rubric;
``fieldcheck compare A B`` prints the items on which A and B differ (``--all``: every item)
with both answers, both deductions and what each difference is worth; ``--reconcile``
records the reconciled result, taking per differing item ``--take ITEM=a|b`` or
``--answer ITEM=VALUE``, each with ``--reason ITEM=TEXT``, and prints its id.
"""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, open_store, print_json, say_masked
from fieldcheck.engine.numbers import fmt, shown
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops.compare import Comparison, Scored, answer_text, compare
from fieldcheck.ops.doubles import doubles
from fieldcheck.ops.reconcile import Choice, reconcile


def _pairs(text_list: list[str] | None, what: str) -> dict[str, str]:
    """``ITEM=VALUE`` options as a dict; UserError naming the first one that is not written so."""
    out: dict[str, str] = {}
    for text in text_list or ():
        item, sep, value = text.partition("=")
        if not sep or not item.strip():
            raise UserError(t(f"{what}「{shown(text)}」应写成 项目编号=值,如 2.1.1=b", f"{what} '{shown(text)}' must be ITEM=VALUE, as in 2.1.1=b"))
        out[item.strip()] = value
    return out


def choices_from(args: argparse.Namespace) -> dict[str, Choice]:
    takes = _pairs(args.take, "--take")
    entered = _pairs(args.answer, "--answer")
    reasons = _pairs(args.reason, "--reason")
    for item, side in takes.items():
        if side.strip().lower() not in ("a", "b"):
            item, side = shown(item), shown(side)
            raise UserError(t(f"--take {item}={side}:只能取 a 或 b", f"--take {item}={side}: take a or b"))
    both = set(takes) & set(entered)
    if both:
        item = shown(sorted(both)[0])
        raise UserError(t(f"项目 {item} 同时给了 --take 和 --answer,只能给一个", f"item {item} has both --take and --answer; give one"))
    stray = set(reasons) - set(takes) - set(entered)
    if stray:
        item = shown(sorted(stray)[0])
        raise UserError(t(f"项目 {item} 有 --reason 却没有 --take 或 --answer", f"item {item} has a --reason but no --take or --answer"))
    out = {k: Choice(v.strip().lower(), reasons.get(k, "")) for k, v in takes.items()}
    out.update({k: Choice("entered", reasons.get(k, ""), v) for k, v in entered.items()})  # read by the item's form
    return out


def _side_line(label: str, s: Scored) -> str:
    r, i = s.result, s.inspection
    total = f"{fmt(r.total)} / {fmt(r.max)}" + (t("(暂计)", " (provisional)") if r.provisional else "")
    return f"{label}\t{i.id}\t{'、'.join(i.inspectors)}\t{i.date}\t{i.status}\t{t('总分', 'total')} {total}"


def _signed(value) -> str:
    return ("+" if value > 0 else "") + fmt(value)


def print_comparison(c: Comparison, every: bool) -> None:
    first = c.a.inspection
    print(t(f"被考核单位:{first.assessee_name}\t细则:{first.rubric_title}({first.rubric_id})",
            f"assessee: {first.assessee_name}\trubric: {first.rubric_title} ({first.rubric_id})"))
    print(_side_line("A", c.a))
    print(_side_line("B", c.b))
    print("\t".join([t("项目", "item"), t("A 答案", "A answer"), t("A 扣分", "A deduction"), t("B 答案", "B answer"),
                     t("B 扣分", "B deduction"), t("差(B−A)", "worth (B−A)")]))
    for i in c.items if every else c.differing:
        mark = "≠" if i.differs else "="
        print("\t".join([f"{mark} {i.id} {i.title}", answer_text(i.item, i.a.answer).render(), fmt(i.a.deduction),
                         answer_text(i.item, i.b.answer).render(), fmt(i.b.deduction), _signed(i.difference)]))
    if not c.differing:
        print(t("两份检查逐项一致", "the two inspections agree on every item"))
    line = t(f"不一致 {len(c.differing)} 项;总分之差(B−A){_signed(c.total_difference)}",
             f"{len(c.differing)} items differ; difference of totals (B−A) {_signed(c.total_difference)}")
    if c.capped:
        line += t(f",其中 {_signed(c.capped)} 由封顶(扣完为止)吸收", f", of which {_signed(c.capped)} absorbed by caps")
    print(line)


def cmd_compare(args: argparse.Namespace) -> int:
    ids = args.inspections or []
    if len(ids) not in (0, 2):
        raise UserError(t("请给出两份检查的编号(A B),或不给编号以列出交叉检查",
                          "give two inspection ids (A B), or none to list the double inspections"))
    if args.reconcile and not ids:
        raise UserError(t("--reconcile 需要两份检查的编号 A B", "--reconcile needs the two inspection ids A B"))
    if not args.reconcile and (args.take or args.answer or args.reason):
        raise UserError(t("--take、--answer、--reason 要与 --reconcile 一起用", "--take, --answer and --reason go with --reconcile"))
    with open_store(args, daily_backup=False, backup_on_close=bool(args.reconcile)) as store:
        if not ids:
            found = doubles(store)
            if args.json:
                print_json([d.to_json() for d in found])
            elif not found:
                print(t("没有被检查两次以上的单位", "no assessee was inspected twice or more"))
            for d in [] if args.json else found:
                state = t(f"已核对:{d.reconciled}", f"reconciled: {d.reconciled}") if d.reconciled else t("未核对", "not reconciled")
                versions = "" if d.same_version else "\t" + t("细则版本不同", "rubric versions differ")
                print(f"{d.path}\t{d.rubric_id}\t{state}{versions}")
                for i in d.inspections:
                    print(f"\t{i.id}\t{i.date}\t{i.status}\t{'、'.join(i.inspectors)}")
            return 0
        ids = [store.inspections.find(i).id for i in ids]  # 1a2b3c4d as the window shows it
        if args.reconcile:
            new = reconcile(store, ids[0], ids[1], choices_from(args))
            say_masked(*(args.reason or []))
            if args.json:
                print_json({"reconciled": new, "a": ids[0], "b": ids[1]})
            else:
                print(new)
            return 0
        c = compare(store, ids[0], ids[1])
    if args.json:
        print_json(c.to_json())
    else:
        print_comparison(c, args.all)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help=t("交叉检查:列出、逐项对比两份检查、记录核对结果",
                                         "double inspections: list them, compare two item by item, record the reconciled result"))
    db_arg(p)
    p.add_argument("inspections", nargs="*", metavar="A B", help=t("两份检查的编号", "the two inspections' ids"))
    p.add_argument("--json", action="store_true", help=t("以 JSON 输出", "print JSON"))
    p.add_argument("--all", action="store_true", help=t("列出所有项目,不只是不一致的", "every item, not only those that differ"))
    p.add_argument("--reconcile", action="store_true", help=t("记录核对结果:一份新的检查,原两份不变;打印其编号",
                                                               "record the reconciled result: a new inspection, the two "
                                                               "unchanged; prints its id"))
    p.add_argument("--take", action="append", metavar="ITEM=a|b", help=t("该项取 A 或 B 的答案", "take A's or B's answer on ITEM"))
    p.add_argument("--answer", action="append", metavar="ITEM=VALUE",
                   help=t("该项填写答案,如 2.1.1=三处、2.5.4=达标(或 JSON)",
                          "enter ITEM's answer, as in 2.1.1=3 or 2.5.4=met (or JSON)"))
    p.add_argument("--reason", action="append", metavar="ITEM=TEXT", help=t("该项取舍的理由(必填)", "why (required per item)"))
    p.set_defaults(handler=cmd_compare)
