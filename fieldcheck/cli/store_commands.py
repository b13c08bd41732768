"""Command-line commands over the local store (db check, demo, inspection add, summary)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldcheck.i18n import t
from fieldcheck.ops import scores


def _db_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help=t("数据库文件(默认在用户数据文件夹,或 FIELDCHECK_HOME)",
                                                        "database file (default: the user data folder, or FIELDCHECK_HOME)"))


def _db_path(args: argparse.Namespace) -> Path:
    from fieldcheck.paths import default_db_path

    return Path(args.db) if args.db else default_db_path()


def _open(args: argparse.Namespace, **kwargs):
    from fieldcheck.cli import UserError
    from fieldcheck.store import Store, StoreError

    try:
        return Store.open(_db_path(args), **kwargs)
    except StoreError as exc:
        raise UserError(str(exc)) from None


def cmd_db_check(args: argparse.Namespace) -> int:
    from fieldcheck.cli import UserError
    from fieldcheck.store import StoreError
    from fieldcheck.store.integrity import check, render

    try:
        report = check(_db_path(args))
    except StoreError as exc:
        raise UserError(str(exc)) from None
    print(render(report), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldcheck.cli import UserError
    from fieldcheck.ops.demo import populate
    from fieldcheck.store import StoreError

    if args.villages < 1:
        raise UserError(t("--villages 至少为 1", "--villages must be at least 1"))
    store = _open(args, device=args.device)
    try:
        populate(store, villages=args.villages, seed=args.seed)
        count = len(scores.scored_rows(store))
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(t(f"已在 {store.path} 生成演示数据:{args.villages} 个村,共 {count} 份检查",
            f"demo data written to {store.path}: {args.villages} villages, {count} inspections in all"))
    return 0


def cmd_inspection_add(args: argparse.Namespace) -> int:
    from fieldcheck.cli import UserError, load_answers_document, read_json
    from fieldcheck.engine import catalog
    from fieldcheck.ops.importing import add_inspection_from_answers
    from fieldcheck.store import StoreError

    doc = read_json(args.answers)
    if not isinstance(doc, dict) or not doc.get("rubric"):
        raise UserError(t('答案文件需要写明细则:{"rubric": "village-work-team", …}',
                          'the answers file must name its rubric: {"rubric": "village-work-team", …}'))
    rubric = catalog.find(str(doc["rubric"]))
    assessee, answers = load_answers_document(doc, rubric.id)
    store = _open(args)
    try:
        inspection_id = add_inspection_from_answers(store, rubric, assessee, answers, doc)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(inspection_id)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from fieldcheck.cli import UserError, print_json
    from fieldcheck.engine.numbers import fmt, to_json

    if not _db_path(args).is_file():
        raise UserError(t(f"找不到数据库 {_db_path(args)};可先运行 fieldcheck demo 生成演示数据",
                          f"database not found: {_db_path(args)}; run fieldcheck demo to make demo data"))
    store = _open(args, daily_backup=False, backup_on_close=False)
    try:
        rows = scores.scored_rows(store)
    finally:
        store.close()
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
        done = t("是", "yes") if r.complete else t(f"否({r.answered}/{r.item_count})", f"no ({r.answered}/{r.item_count})")
        print("\t".join([r.id, r.assessee_path, r.rubric_id, r.rubric_version[:12],
                         t(status_zh.get(r.status, r.status), r.status), total, fmt(r.max), r.grade or "-", done,
                         str(r.findings), str(r.photos), r.device]))
    return 0


def register(sub) -> None:
    """Add the store's commands to the ``fieldcheck`` parser."""
    db = sub.add_parser("db", help=t("本地数据库:检查", "the local database: check"))
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = dsub.add_parser("check", help=t("检查数据库完整性、外键和每张照片的哈希;有问题时退出码为 1",
                                        "check integrity, foreign keys and every photo's hash; exit 1 on any problem"))
    _db_arg(p)
    p.set_defaults(handler=cmd_db_check)

    p = sub.add_parser("demo", help=t("生成演示数据(一个县的乡镇、村、农户和检查)",
                                      "create demo data (a county's townships, villages, households, inspections)"))
    _db_arg(p)
    p.add_argument("--villages", type=int, default=6, metavar="N", help=t("村的数目(默认 6)", "number of villages (default 6)"))
    p.add_argument("--seed", type=int, default=1, metavar="S", help=t("随机种子:同一种子生成同样的数据", "random seed: the same seed gives the same data"))
    p.add_argument("--device", metavar="NAME", help=t("记录在数据中的设备名", "device name recorded in the data"))
    p.set_defaults(handler=cmd_demo)

    insp = sub.add_parser("inspection", help=t("检查记录:从答案文件添加", "inspections: add one from an answers file"))
    isub = insp.add_subparsers(dest="inspection_command", metavar="ACTION", required=True)
    p = isub.add_parser("add", help=t("由答案文件(fieldcheck score 所读的格式)新建检查,打印其编号",
                                      "create an inspection from an answers file (the format of fieldcheck score); prints its id"))
    _db_arg(p)
    p.add_argument("answers", metavar="ANSWERS.json")
    p.set_defaults(handler=cmd_inspection_add)

    p = sub.add_parser("summary", help=t("每份检查一行:被考核单位、细则、状态、得分、等次、发现与照片数",
                                         "one row per inspection: assessee, rubric, status, total, grade, findings, photos"))
    _db_arg(p)
    p.add_argument("--json", action="store_true", help=t("输出 JSON", "print JSON"))
    p.set_defaults(handler=cmd_summary)
