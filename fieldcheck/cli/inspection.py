"""``fieldcheck inspection add``: inspections from answers files."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldcheck.cli.common import db_arg, load_answers_document, open_store, read_json, say_masked
from fieldcheck.engine import catalog
from fieldcheck.errors import UserError
from fieldcheck.file_errors import reason
from fieldcheck.i18n import t
from fieldcheck.ops.conflicts import set_item
from fieldcheck.ops.importing import add_inspection_from_answers
from fieldcheck.ops.rubrics import for_new_inspection
from fieldcheck.ops.signing import amend, device_key, sign_inspection
from fieldcheck.store.signatures import ROLE_ALIASES, SignerInput


def cmd_inspection_add(args: argparse.Namespace) -> int:
    doc = read_json(args.answers)
    if not isinstance(doc, dict) or not isinstance(doc.get("rubric"), str) or not doc["rubric"].strip() \
            or len(doc["rubric"]) > 200:
        raise UserError(t('答案文件需要写明细则:{"rubric": "village-work-team", …}',
                          'the answers file must name its rubric: {"rubric": "village-work-team", …}'))
    rubric = catalog.find(doc["rubric"].strip())
    assessee, answers = load_answers_document(doc, rubric.id)
    with open_store(args, create=True) as store:
        if doc["rubric"].strip() == rubric.id:  # by id: the version the team leader published, if any
            rubric = for_new_inspection(store, rubric.id)
        inspection_id = add_inspection_from_answers(store, rubric, assessee, answers, doc)
    print(inspection_id)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    insp = sub.add_parser("inspection", help=t("检查记录:添加、签字、修订", "inspections: add, sign, amend"))
    isub = insp.add_subparsers(dest="inspection_command", metavar="ACTION", required=True)
    p = isub.add_parser("add", help=t("由答案文件(fieldcheck score 所读的格式)新建检查,打印其编号",
                                      "create an inspection from an answers file (the format of fieldcheck score); prints its id"))
    db_arg(p)
    p.add_argument("answers", metavar="ANSWERS.json")
    p.set_defaults(handler=cmd_inspection_add)
    register_signing(isub)
    register_set(isub)


# -- signing and amending (issue 10) -----------------------------------------------------------------


def parse_signer(text: str) -> SignerInput:
    """``NAME:ROLE[:IMAGE.png]`` → a signer; the image is their captured signature (else a blank line)."""
    parts = text.split(":", 2)
    if len(parts) < 2 or not parts[0].strip():
        raise UserError(t(f"签字人「{text}」应写成 姓名:角色[:签名图片.png],角色为 member、leader 或 representative",
                          f"signer '{text}' must be NAME:ROLE[:IMAGE.png], ROLE being member, leader or representative"))
    role = ROLE_ALIASES.get(parts[1].strip().lower())
    if role is None:
        raise UserError(t(f"签字人角色「{parts[1]}」未知,可选:member(检查组成员)、leader(检查组组长)、"
                          "representative(被检查单位负责人)",
                          f"unknown signer role '{parts[1]}'; expected member, leader or representative"))
    image = None
    if len(parts) == 3 and parts[2]:
        image = _signature_image(Path(parts[2]))
    return SignerInput(parts[0].strip(), role, [], image)


def _signature_image(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(t(f"找不到签名图片 {path}", f"signature image not found: {path}")) from None
    except OSError as exc:
        raise UserError(t(f"无法读取签名图片 {path}:{reason(exc)}", f"cannot read signature image {path}: {reason(exc)}")) from None
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise UserError(t(f"签名图片 {path} 不是 PNG 文件", f"signature image {path} is not a PNG file"))
    return data


def cmd_inspection_sign(args: argparse.Namespace) -> int:
    signers = [parse_signer(s) for s in args.signer]
    with open_store(args) as store:
        inspection = store.inspections.find(args.inspection)
        revision = sign_inspection(store, inspection.id, signers, device_key(store))
    print(t(f"已签字并锁定(第 {revision.number} 版),内容摘要 {revision.content_hash}",
            f"signed and locked (revision {revision.number}), content hash {revision.content_hash}"))
    return 0


def cmd_inspection_amend(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        number = amend(store, store.inspections.find(args.inspection).id, args.reason)
    say_masked(args.reason)
    print(t(f"已修订:原签字作废,现为第 {number} 版草稿", f"amended: the signatures are void; revision {number} is a draft"))
    return 0


def register_signing(isub: argparse._SubParsersAction) -> None:
    p = isub.add_parser("sign", help=t("签字并锁定检查(检查须已完成)", "sign and lock an inspection (it must be finished)"))
    db_arg(p)
    p.add_argument("inspection", metavar="INSPECTION")
    p.add_argument("--signer", metavar="NAME:ROLE[:IMAGE.png]", action="append", required=True,
                   help=t("签字人,可重复;角色 member/leader/representative", "a signer, repeatable; ROLE is member, "
                          "leader or representative"))
    p.set_defaults(handler=cmd_inspection_sign)
    p = isub.add_parser("amend", help=t("修订已签字的检查:说明原因,原签字作废", "amend a signed inspection: give a reason; "
                                        "the signatures are voided"))
    db_arg(p)
    p.add_argument("inspection", metavar="INSPECTION")
    p.add_argument("--reason", metavar="TEXT", required=True)
    p.set_defaults(handler=cmd_inspection_amend)


# -- an item's value or mark, as the window sets it (issue 11's scripting) ---------------------------


def cmd_inspection_set(args: argparse.Namespace) -> int:
    """``inspection set``: an item's value or mark, as the window sets it."""
    with open_store(args, daily_backup=False) as store:
        set_item(store, store.inspections.find(args.inspection).id, args.item, args.value)
    return 0


def register_set(isub: argparse._SubParsersAction) -> None:
    p = isub.add_parser("set", help=t("设置项目的值或标记(checked、na、none),同窗口中的操作",
                                      "set an item's value or mark (checked, na, none) as the window does"))
    db_arg(p)
    p.add_argument("inspection", metavar="INSPECTION")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("value", metavar="VALUE", help=t("值,如 达标、三处、基本满意、宣传栏、标语(或 JSON);已检查(checked)、"
                                                    "不适用(na)为标记,none 清除",
                                                    "the value, as in met, 3, a rating or the ways used (or JSON); "
                                                    "checked and na are marks, none clears"))
    p.set_defaults(handler=cmd_inspection_set)
