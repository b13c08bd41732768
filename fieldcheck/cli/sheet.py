"""``fieldcheck sheet --db PATH INSPECTION -o FILE.pdf``: the score sheet of an inspection as a PDF.

A signed inspection gives the signed sheet (PAdES signature of this device's key and the
signed QR code); a draft gives a sheet marked 草稿 with blank signature lines.
"""

from __future__ import annotations

import argparse

from fieldcheck import output
from fieldcheck.cli.common import db_arg, open_store
from fieldcheck.i18n import t
from fieldcheck.ops.signing import sheet_pdf


def cmd_sheet(args: argparse.Namespace) -> int:
    output.check(args.output)  # before the sheet is made: a bad name costs nothing
    with open_store(args) as store:
        inspection = store.inspections.find(args.inspection)
        data = sheet_pdf(store, inspection.id)
    output.write_bytes(args.output, data)
    kind = t("草稿评分表", "draft sheet") if inspection.status == "draft" else t("已签署的评分表", "signed sheet")
    print(t(f"{kind}已保存到 {args.output}", f"{kind} written to {args.output}"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sheet", help=t("生成检查的评分表 PDF(已签字的带数字签名)",
                                       "make an inspection's score sheet PDF (digitally signed once signed)"))
    db_arg(p)
    p.add_argument("inspection", metavar="INSPECTION", help=t("检查编号", "inspection id"))
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    p.set_defaults(handler=cmd_sheet)
