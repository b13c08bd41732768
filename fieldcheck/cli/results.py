"""``fieldcheck results`` (rankings, grades, bands, losses) and ``fieldcheck rounds`` (the township's ledger)."""

from __future__ import annotations

import argparse

from fieldcheck import output
from fieldcheck.cli.common import db_arg, open_store, print_json
from fieldcheck.i18n import t
from fieldcheck.results import outcome, round_rules, rounds
from fieldcheck.results.ledger_pdf import write_ledger_pdf
from fieldcheck.results.pdf import write_pdf
from fieldcheck.results.text import render_ledger, render_results
from fieldcheck.results.workbook import write_ledger_workbook, write_workbook


def _check_outputs(args: argparse.Namespace) -> None:
    """Both files checked before either is written: a bad second name must not leave the first alone."""
    for path in (args.xlsx, args.pdf):
        if path is not None:
            output.check(path)


def _township(args: argparse.Namespace) -> tuple[round_rules.Rules, round_rules.Township]:
    """The rules and the township's file, read and checked before the database is opened: a typo costs nothing."""
    rules = round_rules.load_rules(args.rules)
    return rules, round_rules.load_township(args.rounds, rules)


def cmd_results(args: argparse.Namespace) -> int:
    _check_outputs(args)
    town = _township(args) if args.rounds else None
    with open_store(args) as store:
        results = outcome.build(store, args.rubric, include_drafts=args.all)
        ledger = _ledger(args, town, store) if town else None
        if args.xlsx:
            write_workbook(results, store, args.xlsx, ledger)
        if args.pdf:
            write_pdf(results, args.pdf)
    if args.json:
        print_json(results.to_json())
    elif not (args.xlsx or args.pdf):
        print(render_results(results))
    return 0


def _ledger(args: argparse.Namespace, township: tuple[round_rules.Rules, round_rules.Township],
            store) -> list[rounds.RoundResult]:
    """The rounds worked out; a round whose scores come from a rubric reads them from ``store``'s results."""
    rules, town = township

    def scores_for(rubric_id: str) -> dict:
        if store is None:
            raise round_rules.RoundsInvalid(t(f"轮次的分数取自细则「{rubric_id}」的结果,请用 --db 指定数据库",
                                              f"a round takes its scores from rubric '{rubric_id}': give the database with --db"))
        built = outcome.build(store, rubric_id, include_drafts=args.all)
        return {row.name: row.result.total for row in built.rows}

    return rounds.work_out(rules, town, scores_for)


def cmd_rounds(args: argparse.Namespace) -> int:
    _check_outputs(args)
    town = _township(args)
    if args.db:
        with open_store(args) as store:
            ledger = _ledger(args, town, store)
    else:
        ledger = _ledger(args, town, None)
    if args.xlsx:
        write_ledger_workbook(ledger, args.xlsx)
    if args.pdf:
        write_ledger_pdf(ledger, args.pdf)
    if args.json:
        print_json(rounds.rounds_json(ledger))
    elif not (args.xlsx or args.pdf):
        print(render_ledger(ledger))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("results", help=t("考核结果:排名、名额、等级、档次、失分项", "results: ranking, quotas, grades, bands, losses"))
    db_arg(p)
    p.add_argument("--rubric", required=True, metavar="ID", help=t("细则 id", "rubric id"))
    p.add_argument("--all", action="store_true", help=t("没有已签检查时也计草稿(标明)", "count drafts where nothing is signed (marked)"))
    p.add_argument("--json", action="store_true", help=t("输出 JSON", "print JSON"))
    p.add_argument("--xlsx", metavar="OUT", help=t("写出结果工作簿", "write the results workbook"))
    p.add_argument("--pdf", metavar="OUT", help=t("写出 PDF 汇总", "write the PDF summary"))
    p.add_argument("--rounds", metavar="TOWNSHIP.yaml", help=t("在工作簿中加入乡镇轮次奖惩台账", "add the township's rounds ledger to the workbook"))
    p.add_argument("--rules", metavar="RULES.yaml", help=t("轮次规则文件(默认随软件提供)", "rounds rules file (default: shipped)"))
    p.set_defaults(handler=cmd_results)

    r = sub.add_parser("rounds", help=t("乡镇双月观摩、半年考核、年终总评的奖惩台账", "the township's rounds: rewards and penalties ledger"))
    r.add_argument("rounds", metavar="TOWNSHIP.yaml", help=t("乡镇的村居、捆绑人员与各轮成绩", "the township's villages, bound people and rounds"))
    db_arg(r)
    r.add_argument("--rules", metavar="RULES.yaml", help=t("轮次规则文件(默认随软件提供)", "rounds rules file (default: shipped)"))
    r.add_argument("--all", action="store_true", help=t("按细则取分时也计草稿", "count drafts when scores come from a rubric"))
    r.add_argument("--json", action="store_true", help=t("输出 JSON", "print JSON"))
    r.add_argument("--xlsx", metavar="OUT", help=t("写出台账工作簿", "write the ledger workbook"))
    r.add_argument("--pdf", metavar="OUT", help=t("写出台账 PDF", "write the ledger as a PDF"))
    r.set_defaults(handler=cmd_rounds)
