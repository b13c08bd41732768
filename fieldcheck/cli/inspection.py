"""``fieldcheck inspection add``: inspections from answers files."""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, load_answers_document, open_store, read_json
from fieldcheck.engine import catalog
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops.importing import add_inspection_from_answers
from fieldcheck.store import StoreError


def cmd_inspection_add(args: argparse.Namespace) -> int:
    doc = read_json(args.answers)
    if not isinstance(doc, dict) or not doc.get("rubric"):
        raise UserError(t('答案文件需要写明细则:{"rubric": "village-work-team", …}',
                          'the answers file must name its rubric: {"rubric": "village-work-team", …}'))
    rubric = catalog.find(str(doc["rubric"]))
    assessee, answers = load_answers_document(doc, rubric.id)
    store = open_store(args)
    try:
        inspection_id = add_inspection_from_answers(store, rubric, assessee, answers, doc)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(inspection_id)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    insp = sub.add_parser("inspection", help=t("检查记录:从答案文件添加", "inspections: add one from an answers file"))
    isub = insp.add_subparsers(dest="inspection_command", metavar="ACTION", required=True)
    p = isub.add_parser("add", help=t("由答案文件(fieldcheck score 所读的格式)新建检查,打印其编号",
                                      "create an inspection from an answers file (the format of fieldcheck score); prints its id"))
    db_arg(p)
    p.add_argument("answers", metavar="ANSWERS.json")
    p.set_defaults(handler=cmd_inspection_add)
    register_set(isub)


def cmd_inspection_set(args: argparse.Namespace) -> int:
    """``inspection set``: an item's value or mark, as the window sets it."""
    from fieldcheck.ops.conflicts import parse_value, set_item  # lazy: keeps this group's additions apart

    store = open_store(args, daily_backup=False)
    try:
        set_item(store, args.inspection, args.item, parse_value(args.value))
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    return 0


def register_set(isub: argparse._SubParsersAction) -> None:
    p = isub.add_parser("set", help=t("设置项目的值或标记(checked、na、none),同窗口中的操作",
                                      "set an item's value or mark (checked, na, none) as the window does"))
    db_arg(p)
    p.add_argument("inspection", metavar="INSPECTION")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("value", metavar="VALUE", help=t("值(JSON,或普通文字);checked、na 为标记,none 清除",
                                                    "the value (JSON or plain text); checked and na are marks, none clears"))
    p.set_defaults(handler=cmd_inspection_set)
