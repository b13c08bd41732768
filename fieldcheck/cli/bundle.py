"""``fieldcheck bundle export|verify|import``: sync bundles on a USB stick (docs/sync.md)."""

from __future__ import annotations

import argparse
import sys

from fieldcheck import output
from fieldcheck.cli.common import db_arg, open_store, print_json
from fieldcheck.errors import UserError
from fieldcheck.i18n import t
from fieldcheck.sync.assigned import export_for
from fieldcheck.sync.checks import verify
from fieldcheck.sync.export import export_bundle
from fieldcheck.sync.importer import import_bundle


def cmd_export(args: argparse.Namespace) -> int:
    output.check(args.output, make_folder=True)  # before rubrics are published for --for: a bad name changes nothing
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        if args.for_inspector is not None:
            done = export_for(store, args.output, args.for_inspector, max_photo_px=args.max_photo_px)
            print(t(f"已导出 {done.path}(「{args.for_inspector}」的任务):{done.events} 条修改,{done.photos} 张照片",
                    f"exported {done.path} ({args.for_inspector}'s assignments): {done.events} events, "
                    f"{done.photos} photos"))
            return 0
        done = export_bundle(store, args.output, everything=args.all, max_photo_px=args.max_photo_px,
                             inspector=args.inspector)
    if done is None:
        # the mark is kept per folder, not per file: a bundle deleted before it was imported must be sent again
        print(t("自上次导出到该位置以来没有新的修改,未生成文件;如果之前导出到该处的同步包已不在(被删除或 U 盘被清空),"
                "请加 --all 再导出一次",
                "nothing new since the last export to that folder; no file written; if the bundles exported there "
                "before are gone (deleted, or the stick was emptied), export again with --all"))
        return 0
    kind = t("增量", "incremental") if done.incremental else t("全部", "everything")
    print(t(f"已导出 {done.path}({kind}):{done.events} 条修改,{done.photos} 张照片",
            f"exported {done.path} ({kind}): {done.events} events, {done.photos} photos"))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    v = verify(args.file)
    counts = v.manifest.get("counts", {})
    print(t(f"同步包完好:来自设备「{v.device}」(密钥指纹 {v.fingerprint[:16]}),{v.events} 条修改,"
            f"{counts.get('photos', 0)} 张照片,{len(v.rubrics)} 个细则版本",
            f"the bundle is sound: from device '{v.device}' (key fingerprint {v.fingerprint[:16]}), {v.events} events, "
            f"{counts.get('photos', 0)} photos, {len(v.rubrics)} rubric versions"))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Each bundle on its own, as the window does: a refused one is said and the others still import."""
    refused = 0
    with open_store(args, create=True, daily_backup=False) as store:
        for file in args.files:
            try:
                r = import_bundle(store, file, trust=args.trust)
            except UserError as exc:
                refused += 1
                print(str(exc), file=sys.stderr)
                continue
            print(t(f"{r.path.name}(设备「{r.device}」):新增 {r.new},已有 {r.already},更新 {r.updated} 条记录,"
                    f"冲突 {r.conflicts}",
                    f"{r.path.name} (device '{r.device}'): {r.new} new, {r.already} already there, {r.updated} records "
                    f"updated, {r.conflicts} in conflict"))
            if r.downsized:
                print(t(f"  其中 {r.downsized} 张照片是缩小的副本,不是原图;原图可由对方用 --all 导出后送来",
                        f"  {r.downsized} photos are downsized copies, not the originals; the originals come when "
                        "the sender exports with --all"))
            if r.assigned:
                print(t(f"  收到 {r.assigned} 项检查任务;在窗口的检查列表中勾选「我的任务」即可看到",
                        f"  {r.assigned} assignment(s) arrived; tick 'Assigned to me' in the window's list to see them"))
    if refused and len(args.files) > 1:
        imported = len(args.files) - refused
        print(t(f"{len(args.files)} 个同步包中 {imported} 个已导入,{refused} 个未导入(原因见上);改正后可再次导入这些包",
                f"{imported} of {len(args.files)} bundles imported, {refused} refused (see above); "
                "fix them and import them again"), file=sys.stderr)
    return 1 if refused else 0


def cmd_history(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        found = store.imports.history()
    if args.json:
        print_json([r.as_dict() for r in found])
        return 0
    if not found:
        print(t("还没有导入过同步包", "no bundle has been imported yet"))
        return 0
    for r in found:
        who = f"{r.device}" + (f" ({r.inspector})" if r.inspector else "")
        print(t(f"{r.at[:16].replace('T', ' ')}\t{r.file_name}\t{who}\tSHA-256 {r.sha256[:16]}\t新增 {r.new},"
                f"已有 {r.already},更新 {r.updated},冲突 {r.conflicts}",
                f"{r.at[:16].replace('T', ' ')}\t{r.file_name}\t{who}\tSHA-256 {r.sha256[:16]}\t{r.new} new, "
                f"{r.already} already there, {r.updated} updated, {r.conflicts} in conflict"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bundle", help=t("同步包:导出、校验、导入(U 盘传递)", "sync bundles: export, verify, import (by USB stick)"))
    bsub = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    e = bsub.add_parser("export", help=t("导出同步包(默认只含上次导出到同一位置以来的新修改)",
                                         "export a bundle (by default only what is new since the last export to that folder)"))
    db_arg(e)
    e.add_argument("-o", "--output", required=True, metavar="FILE", help=t("同步包文件(.fcbundle)", "bundle file (.fcbundle)"))
    e.add_argument("--all", action="store_true", help=t("导出全部,而不只是新修改", "export everything, not only what is new"))
    e.add_argument("--for", dest="for_inspector", metavar="NAME", help=t(
        "只导出此检查人员的任务:其草稿、所去村的农户名单、已发布的细则",
        "only this inspector's assignments: their drafts, the rosters of their villages, the published rubrics"))
    e.add_argument("--max-photo-px", type=int, metavar="N", help=t(
        "把照片缩小到长边不超过 N 像素,以便放进小容量 U 盘(清单会注明;原图可之后用 --all 补送)",
        "downsize photos to at most N pixels on the longer side to fit a small stick (the manifest says so; "
        "the originals can follow later with --all)"))
    e.add_argument("--inspector", metavar="NAME", help=t("导出人的姓名,写入同步包,组长的设备列表显示",
                                                        "the exporting person's name, carried in the bundle for the "
                                                        "leader's list of devices"))
    e.set_defaults(handler=cmd_export)
    v = bsub.add_parser("verify", help=t("校验同步包,不写入任何内容", "check a bundle, writing nothing"))
    v.add_argument("file", metavar="FILE")
    v.set_defaults(handler=cmd_verify)
    i = bsub.add_parser("import", help=t("导入同步包(每个包先校验再整体提交;被拒绝的包不影响其他包)",
                                         "import bundles (each checked whole, then committed; a refused one leaves the others)"))
    db_arg(i)
    i.add_argument("files", nargs="+", metavar="FILE")
    i.add_argument("--trust", action="store_true", help=t("信任未知设备的密钥(请先核对指纹)",
                                                          "trust unknown devices' keys (check the fingerprint first)"))
    i.set_defaults(handler=cmd_import)
    h = bsub.add_parser("history", help=t("列出导入过的同步包:文件、SHA-256、设备、时间、数量",
                                          "list the bundles imported: file, SHA-256, device, when, counts"))
    db_arg(h)
    h.add_argument("--json", action="store_true", help=t("以 JSON 输出", "print JSON"))
    h.set_defaults(handler=cmd_history)
