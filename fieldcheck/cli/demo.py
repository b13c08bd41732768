"""``fieldcheck demo``: a demo county to try everything with."""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, open_store
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.ops.demo import populate


def cmd_demo(args: argparse.Namespace) -> int:
    if args.villages < 1:
        raise UserError(t("--villages 至少为 1", "--villages must be at least 1"))
    with open_store(args, create=True, device=args.device) as store:
        populate(store, villages=args.villages, seed=args.seed)
        count = len(store.inspections.rows())
    print(t(f"已在 {store.path} 生成演示数据:{args.villages} 个村,共 {count} 份检查",
            f"demo data written to {store.path}: {args.villages} villages, {count} inspections in all"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=t("生成演示数据(一个县的乡镇、村、农户和检查)",
                                      "create demo data (a county's townships, villages, households, inspections)"))
    db_arg(p)
    p.add_argument("--villages", type=int, default=6, metavar="N", help=t("村的数目(默认 6)", "number of villages (default 6)"))
    p.add_argument("--seed", type=int, default=1, metavar="S", help=t("随机种子:同一种子生成同样的数据", "random seed: the same seed gives the same data"))
    p.add_argument("--device", metavar="NAME", help=t("记录在数据中的设备名", "device name recorded in the data"))
    p.set_defaults(handler=cmd_demo)
