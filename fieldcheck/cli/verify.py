"""``fieldcheck verify SHEET.pdf [--db PATH] [--team TEAM.pem]`` and ``fieldcheck verify --qr TEXT``: check a score sheet.

Exit 0 when the PDF is intact and signed by a FieldCheck key (naming the device and the key
fingerprint), or the QR text's signature checks; exit 1 with one sentence otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldcheck.cli.common import db_path, open_store
from fieldcheck.errors import UserError
from fieldcheck.file_errors import cannot_read
from fieldcheck.i18n import t
from fieldcheck.ops.signing import verify_sheet
from fieldcheck.ops.team import Membership
from fieldcheck.signing.qr import check_payload
from fieldcheck.signing.team import TeamFile, read_team_file


def cmd_verify(args: argparse.Namespace) -> int:
    if args.qr is not None:
        if args.sheet:
            raise UserError(t("请只给出 PDF 文件或 --qr 文本之一", "give either a PDF file or --qr text, not both"))
        payload = check_payload(args.qr)
        print(t(f"二维码有效:{payload.summary}", f"the QR code is valid: {payload.summary}"))
        print(t(f"内容摘要 {payload.content_hash}", f"content hash {payload.content_hash}"))
        print(t(f"签名密钥指纹 {payload.fingerprint}", f"signing key fingerprint {payload.fingerprint}"))
        if args.db:
            _database_lines(args, payload.key_id, payload.content_hash)
        return 0
    if not args.sheet:
        raise UserError(t("请给出要核验的评分表 PDF,或用 --qr 给出二维码文本",
                          "give the sheet PDF to check, or the QR code's text with --qr"))
    path = Path(args.sheet)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(t(f"找不到文件 {path}", f"file not found: {path}")) from None
    except OSError as exc:
        raise UserError(cannot_read(path, exc)) from None
    team_file = _team_file(args.team) if args.team else None
    if args.db:
        if not db_path(args).exists():
            raise UserError(t(f"找不到数据库 {db_path(args)}", f"database not found: {db_path(args)}"))
        with open_store(args, daily_backup=False, backup_on_close=False) as store:
            check = verify_sheet(data, store, team_file)
    else:
        check = verify_sheet(data, None, team_file)
    print(t(f"评分表完好,由 FieldCheck 设备「{check.device}」签署:{check.summary}(第 {check.revision} 版)",
            f"the sheet is intact, signed by FieldCheck device '{check.device}': {check.summary} "
            f"(revision {check.revision})"))
    print(t(f"密钥指纹 {check.fingerprint}", f"key fingerprint {check.fingerprint}"))
    print(t(f"内容摘要 {check.content_hash}", f"content hash {check.content_hash}"))
    if check.team is not None:
        print(membership_line(check.team))
    if args.db:
        _database_lines(args, check.key_id, check.content_hash)
    return 0


def membership_line(m: Membership) -> str:
    """Whose sheet it is, as the team sees it, in one sentence."""
    who_zh = f"设备「{m.device}」" + (f"(检查员 {m.inspector})" if m.inspector else "")
    who_en = f"device '{m.device}'" + (f" (inspector {m.inspector})" if m.inspector else "")
    if m.state == "enrolled":
        return t(f"由检查组「{m.team}」已加入的成员签署:{who_zh}", f"signed by an enrolled member of the team '{m.team}': "
                 f"{who_en}")
    if m.state == "revoked":
        why_zh, why_en = (f",原因:{m.revoke_reason}", f", reason: {m.revoke_reason}") if m.revoke_reason else ("", "")
        return t(f"注意:{who_zh}已于 {m.revoked_at} 被检查组「{m.team}」吊销{why_zh}",
                 f"warning: {who_en} was revoked by the team '{m.team}' at {m.revoked_at}{why_en}")
    return t("评分表完好,但签署设备未加入检查组", "the sheet is intact but comes from a device the team has not enrolled")


def _team_file(path: str) -> TeamFile:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(t(f"找不到检查组证书 {path}", f"team certificate not found: {path}")) from None
    except OSError as exc:
        raise UserError(cannot_read(path, exc)) from None
    return read_team_file(data, Path(path).name)


def _database_lines(args: argparse.Namespace, key_id: str, content_hash: str) -> None:
    if not db_path(args).exists():
        raise UserError(t(f"找不到数据库 {db_path(args)}", f"database not found: {db_path(args)}"))
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        devices = store.signatures.known_key(key_id)
        revision = store.signatures.find(content_hash)
        current = store.signatures.current(revision.inspection_id) if revision else None
    if devices:
        print(t(f"此数据库认识该密钥(设备:{'、'.join(devices)})", f"this database knows the key (device: {', '.join(devices)})"))
    else:
        print(t("此数据库不认识该密钥", "this database does not know the key"))
    if revision is None:
        print(t("此数据库中没有这一版的签字记录", "this database has no signed record of this revision"))
    elif current is not None and current.number == revision.number:
        print(t(f"这是检查 {revision.inspection_id} 的现行版本(第 {revision.number} 版)",
                f"this is the current revision ({revision.number}) of inspection {revision.inspection_id}"))
    else:
        print(t(f"这一版(第 {revision.number} 版)已被修订取代", f"this revision ({revision.number}) was superseded by an "
                "amendment"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help=t("核验评分表 PDF 或其二维码", "check a score sheet PDF or its QR code"))
    p.add_argument("sheet", metavar="SHEET.pdf", nargs="?")
    p.add_argument("--qr", metavar="TEXT", help=t("手机扫描二维码得到的文本", "the text a phone read from the QR code"))
    p.add_argument("--db", metavar="PATH", help=t("同时查询此数据库:设备是否已知,版本是否现行",
                                                 "also ask this database: is the device known, is the revision current"))
    p.add_argument("--team", metavar="TEAM.pem", help=t("检查组证书:核验签署者是否为已加入的检查组成员",
                                                        "the team certificate: was the sheet signed by an enrolled "
                                                        "member of the team"))
    p.set_defaults(handler=cmd_verify)
