"""``fieldcheck rubric validate | list | show``: the rubric files and what is installed."""

from __future__ import annotations

import argparse
import sys

from fieldcheck import output
from fieldcheck.cli.common import print_json
from fieldcheck.engine import catalog
from fieldcheck.engine.rubric_file import check_file
from fieldcheck.i18n import t
from fieldcheck.reports.scoretable import render_tree
from fieldcheck.tables.rubric_export import export_rubric
from fieldcheck.tables.rubric_import import read_rubric_workbook, write_rubric_yaml


def cmd_validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        rubric, problems = check_file(path)
        for problem in problems:
            print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
        if rubric is None:
            failed = True
        else:
            print(t(f"{path}:有效({rubric.id},版本 {rubric.version[:12]},满分 {rubric.max_points})",
                    f"{path}: valid ({rubric.id}, version {rubric.version[:12]}, maximum {rubric.max_points})"))
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    rubrics = catalog.installed()
    if args.json:
        print_json([{"id": r.id, "title": r.title, "version": r.version, "path": str(r.path),
                     "complete": r.complete} for r in rubrics])
        return 0
    for r in rubrics:
        note = "" if r.complete else t("(原文不完整)", " (incomplete source)")
        print(f"{r.id}\t{r.title}{note}\t{r.version[:12]}\t{r.path}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    print(render_tree(catalog.find(args.rubric)))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    rubric = sub.add_parser("rubric", help=t("考核细则:校验、列出、查看", "rubrics: validate, list, show"))
    rsub = rubric.add_subparsers(dest="rubric_command", metavar="ACTION", required=True)
    p = rsub.add_parser("validate", help=t("校验细则文件,逐条报告问题", "check rubric files and report every problem"))
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=cmd_validate)
    p = rsub.add_parser("list", help=t("列出已安装的细则", "list the installed rubrics"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)
    p = rsub.add_parser("show", help=t("按章节显示细则及分值", "print a rubric's tree with points"))
    p.add_argument("rubric", metavar="ID", help=t("细则 id 或文件路径", "rubric id or file path"))
    p.set_defaults(handler=cmd_show)
    register_xlsx(rsub)


# -- Excel: the officials' layout (fieldcheck/tables) ---------------------------------------------


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    if args.output is not None:
        output.check(args.output)  # before the workbook is read: a bad name costs nothing
    imported = read_rubric_workbook(args.file)  # an incomplete or bad workbook: every cell named, exit 1
    r = imported.rubric
    if args.output is None:
        print(t(f"{args.file}:有效({r.id},版本 {r.version[:12]},满分 {r.max_points})",
                f"{args.file}: valid ({r.id}, version {r.version[:12]}, maximum {r.max_points})"))
        return 0
    write_rubric_yaml(imported, args.file, args.output)
    print(t(f"已写出 {args.output}({r.id},版本 {r.version[:12]},满分 {r.max_points})",
            f"wrote {args.output} ({r.id}, version {r.version[:12]}, maximum {r.max_points})"))
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    output.check(args.output)
    rubric = catalog.find(args.rubric)
    export_rubric(rubric, args.output)
    print(t(f"已写出 {args.output}({rubric.id},版本 {rubric.version[:12]})",
            f"wrote {args.output} ({rubric.id}, version {rubric.version[:12]})"))
    return 0


def register_xlsx(rsub: argparse._SubParsersAction) -> None:
    p = rsub.add_parser("import-xlsx", help=t("从考评表工作簿生成细则文件", "make a rubric file from a workbook in the officials' layout"))
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("-o", "--output", metavar="RUBRIC.yaml", help=t("不给则只校验工作簿", "without it, only check the workbook"))
    p.set_defaults(handler=cmd_import_xlsx)
    p = rsub.add_parser("export-xlsx", help=t("把细则导出为考评表工作簿", "write a rubric as a workbook in the officials' layout"))
    p.add_argument("rubric", metavar="RUBRIC", help=t("细则 id 或文件路径", "rubric id or file path"))
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=cmd_export_xlsx)
