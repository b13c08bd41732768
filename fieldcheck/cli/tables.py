"""``fieldcheck import roster | targets``: household rosters and target tables from Excel."""

from __future__ import annotations

import argparse
import sys

from fieldcheck import output
from fieldcheck.cli.common import db_arg, open_store, print_json
from fieldcheck.engine import catalog
from fieldcheck.i18n import t
from fieldcheck.tables.cells import TableError, sheet_label
from fieldcheck.tables.roster import import_roster, read_roster, refuse_bad_rows
from fieldcheck.tables.targets import read_targets, write_rubric_with_targets


def cmd_roster(args: argparse.Namespace) -> int:
    roster = read_roster(args.file)  # every row checked before the database is opened
    for name in map(sheet_label, roster.hidden):
        print(t(f"提示:隐藏的工作表「{name}」没有导入;如需导入,请在 Excel 或 WPS 中取消隐藏后再导入",
                f"note: the hidden sheet '{name}' was not imported; to import it, unhide it in Excel or WPS and "
                "import again"), file=sys.stderr)
    for name in map(sheet_label, roster.sheets_skipped):  # a village's sheet whose header says 户名 would vanish unsaid
        print(t(f"提示:工作表「{name}」中没有找到「户主」列,没有导入;如果它是农户名单,请把户主那一列的表头改为「户主」后再导入",
                f"note: sheet '{name}' has no 户主 (head of household) column and was not imported; if it is a "
                "roster, name that column's header 户主 and import again"), file=sys.stderr)
    refuse_bad_rows(roster, args.good_rows)
    with open_store(args, create=True) as store:
        report = import_roster(store, roster, good_rows=args.good_rows)
    if args.json:
        print_json({"added": report.added, "already_there": report.already_there,
                    "villages_created": report.villages_created, "refused": [str(p) for p in report.refused],
                    "hidden_sheets_not_read": roster.hidden, "sheets_without_roster": roster.sheets_skipped,
                    "differ_not_changed": [str(p) for p in report.differs]})
        return 0
    print(t(f"导入 {report.added} 户,已有 {report.already_there} 户未重复导入,新建 {len(report.villages_created)} 个村",
            f"imported {report.added} households, {report.already_there} already there, "
            f"{len(report.villages_created)} villages created"))
    for village in report.villages_created:
        print("  + " + village)
    if report.refused:
        print(t(f"未导入的 {len(report.refused)} 处:", f"{len(report.refused)} not imported:"))
        for problem in report.refused:
            print(f"  {problem}")
    if report.differs:
        print(t(f"数据库中已有、但与表中不同的 {len(report.differs)} 户(没有更改):",
                f"{len(report.differs)} households already there differ from the sheet (not changed):"))
        for problem in report.differs:
            print(f"  {problem}")
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    output.check(args.output)  # before the workbook is read: a bad name costs nothing
    rubric = catalog.find(args.rubric)
    table = read_targets(args.file, rubric)
    for warning in table.warnings:
        print(t("提示:", "note: ") + warning, file=sys.stderr)
    if table.problems and not args.good_rows:
        raise TableError(t(f"目标表有 {len(table.problems)} 处错误,没有写出文件;改正后重试,或用 --good-rows 只用无误的行:",
                           f"the target table has {len(table.problems)} bad cells and nothing was written; fix them, "
                           "or use --good-rows to keep the good rows only:"), table.problems)
    new = write_rubric_with_targets(rubric, table, args.output)
    print(t(f"已写出 {args.output}:{len(new.targets)} 行目标,版本 {new.version[:12]}",
            f"wrote {args.output}: {len(new.targets)} target rows, version {new.version[:12]}"))
    for problem in table.problems:
        print(t("未导入:", "not imported: ") + str(problem))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("import", help=t("从 Excel 导入:农户名单、目标任务分解表", "import from Excel: household rosters, target tables"))
    isub = group.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    p = isub.add_parser("roster", help=t("导入农户名单(每村一表,或一张长表)", "import a household roster (a sheet per village, or one long sheet)"))
    p.add_argument("file", metavar="FILE.xlsx")
    db_arg(p)
    p.add_argument("--good-rows", action="store_true", help=t("有错误时只导入无误的行", "when some rows are bad, import the good ones"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_roster)
    p = isub.add_parser("targets", help=t("把目标任务分解表(附2)写入细则的目标表", "put a target table (附2) into a rubric's targets"))
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--rubric", required=True, help=t("细则 id 或文件", "rubric id or file"))
    p.add_argument("-o", "--output", required=True, metavar="NEW.yaml", help=t("写出的新细则文件", "the new rubric file to write"))
    p.add_argument("--good-rows", action="store_true", help=t("有错误时只用无误的行", "when some rows are bad, keep the good ones"))
    p.set_defaults(handler=cmd_targets)
