"""``fieldcheck summary``: one row per inspection with its score, as text or JSON."""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, db_path, open_store, print_json
from fieldcheck.engine.numbers import fmt, to_json
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops import scores


def cmd_summary(args: argparse.Namespace) -> int:
    if not db_path(args).is_file():
        raise UserError(t(f"找不到数据库 {db_path(args)};可先运行 fieldcheck demo 生成演示数据",
                          f"database not found: {db_path(args)}; run fieldcheck demo to make demo data"))
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        rows = scores.scored_rows(store)
    if args.json:
        print_json([{"id": r.id, "assessee": r.assessee_path, "rubric": r.rubric_id, "rubric_version": r.rubric_version,
                     "status": r.status, "date": r.date, "total": None if r.total is None else to_json(r.total),
                     "max": to_json(r.max), "grade": r.grade, "complete": r.complete, "answered": r.answered,
                     "items": r.item_count, "findings": r.findings, "photos": r.photos, "device": r.device,
                     **({"error": r.error} if r.error else {})} for r in rows])
        return 0
    if not rows:
        print(t("数据库中还没有检查", "no inspections in the database yet"))
        return 0
    status_zh = {"draft": "草稿", "signed": "已签字", "exported": "已导出"}
    header = t("编号\t被考核单位\t细则\t版本\t状态\t得分\t满分\t等次\t完成\t发现\t照片\t设备",
               "id\tassessee\trubric\tversion\tstatus\ttotal\tmax\tgrade\tcomplete\tfindings\tphotos\tdevice")
    print(header)
    for r in rows:
        total = "?" if r.total is None else fmt(r.total)
        if r.total is not None and not r.complete:  # as the list and the sheet show it: not a final score
            total = t(f"{total}(暂计)", f"{total} (provisional)")
        done = t("是", "yes") if r.complete else t(f"否({r.answered}/{r.item_count})", f"no ({r.answered}/{r.item_count})")
        print("\t".join([r.id, r.assessee_path, r.rubric_id, r.rubric_version[:12],
                         t(status_zh.get(r.status, r.status), r.status), total, fmt(r.max), r.grade or "-", done,
                         str(r.findings), str(r.photos), r.device]))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("summary", help=t("每份检查一行:被考核单位、细则、状态、得分、等次、发现与照片数",
                                         "one row per inspection: assessee, rubric, status, total, grade, findings, photos"))
    db_arg(p)
    p.add_argument("--json", action="store_true", help=t("输出 JSON", "print JSON"))
    p.set_defaults(handler=cmd_summary)
