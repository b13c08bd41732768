"""``fieldcheck sample households``: a fair, reproducible sample of a village's households.

The share is at least the rubric's (``--rubric``, else the ``--inspection``'s own rubric);
without either, ``--share`` or 10% (seed 004).
"""

from __future__ import annotations

import argparse

from fieldcheck.cli.common import db_arg, open_store, print_json
from fieldcheck.engine import catalog
from fieldcheck.i18n import t
from fieldcheck.ops.sampling import parse_share, sample_households


def cmd_households(args: argparse.Namespace) -> int:
    share = parse_share(args.share) if args.share is not None else None
    rubric = catalog.find(args.rubric) if args.rubric else None
    with open_store(args) as store:
        inspection = store.inspections.find(args.inspection).id if args.inspection else None
        sample = sample_households(store, args.village, share=share, seed=args.seed, inspection_id=inspection,
                                   rubric=rubric)
    if args.json:
        print_json({"village": sample.village, "seed": sample.seed, "share": str(sample.share),
                    "rubric": sample.rubric_id, "rubric_share": None if sample.least is None else str(sample.least),
                    "population": sample.population,
                    "households": [{"id": h.id, "head": h.head_name, "members": h.members, "helper": h.helper,
                                    "status": h.status} for h in sample.households]})
        return 0
    print(t(f"{sample.village}:{sample.population} 户中抽取 {len(sample.households)} 户(比例 {sample.share},种子 {sample.seed})",
            f"{sample.village}: {len(sample.households)} of {sample.population} households (share {sample.share}, seed {sample.seed})"))
    if sample.least is not None:
        print(t(f"细则「{sample.rubric_id}」要求不少于 {sample.least:%}", f"rubric '{sample.rubric_id}' asks for at least {sample.least:%}"))
    for n, h in enumerate(sample.households, 1):
        print(f"{n:>3}  {h.head_name}\t{h.members}\t{h.helper}\t{h.status}")
    print(t(f"用 --seed {sample.seed} 可重现这次抽样;抽样已记入审计日志",
            f"--seed {sample.seed} draws the same sample again; the draw is in the audit log"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("sample", help=t("入户抽查的抽样", "samples for door-to-door checks"))
    ssub = group.add_subparsers(dest="sample_command", metavar="WHAT", required=True)
    p = ssub.add_parser("households", help=t("按比例随机抽取一个村的农户,可重现", "draw a reproducible random share of a village's households"))
    db_arg(p)
    p.add_argument("--village", required=True, metavar="PATH", help=t("村名或「县/乡镇/村」", "village name or 县/乡镇/村"))
    p.add_argument("--share", help=t("抽查比例,不低于细则的比例;默认取细则的,无细则时 0.1(10%%)",
                                     "share to draw, at least the rubric's; default the rubric's, else 0.1 (10%%)"))
    p.add_argument("--rubric", metavar="ID", help=t("按哪个细则的入户抽查比例(默认取 --inspection 的细则)",
                                                   "the rubric whose share applies (default: the --inspection's)"))
    p.add_argument("--seed", type=int, help=t("随机种子(不给则新取一个并显示)", "random seed (a new one is drawn and shown if not given)"))
    p.add_argument("--inspection", metavar="ID", help=t("记在哪次检查名下", "the inspection the sample is for"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_households)
