"""``fieldcheck team init|enrol|revoke|list|export``: the team certificate on the leader's laptop.

``init`` makes the team key (beside the device key, 0600) and writes the team's certificate
to ``TEAM.pem`` and into the database; ``enrol`` certifies a known device's key, ``revoke``
withdraws it: both go out in the leader's next bundle. ``export`` writes ``TEAM.pem`` again,
with the revocations, for ``fieldcheck verify --team``.
"""

from __future__ import annotations

import argparse

from fieldcheck import output
from fieldcheck.cli.common import db_arg, open_store, print_json, say_masked
from fieldcheck.i18n import t
from fieldcheck.ops import team
from fieldcheck.ops.signing import device_key
from fieldcheck.signing.fingerprints import grouped

STATES = {"enrolled": ("已加入", "enrolled"), "revoked": ("已吊销", "revoked"), "unknown": ("未加入", "not enrolled")}


def cmd_init(args: argparse.Namespace) -> int:
    output.check(args.output)  # before the team is made: a bad name must not leave a team without its file
    with open_store(args, create=True) as store:
        made = team.init_team(store, args.name or t(f"{store.device} 检查组", f"{store.device} team"))
        output.write_bytes(args.output, team.team_pem(store))
    print(t(f"已建立检查组「{made.name}」,证书已写入 {args.output}", f"made the team '{made.name}'; its certificate "
            f"is in {args.output}"))
    print(t(f"证书指纹 {grouped(made.fingerprint)}", f"certificate fingerprint {grouped(made.fingerprint)}"))
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        done = team.enrol(store, args.device, own_key=device_key(store) if args.device == store.device else None)
        own = done.member == store.device
    zh, en = (f"({done.inspector})", f" ({done.inspector})") if done.inspector else ("", "")
    if own:
        print(t(f"本机「{done.member}」已加入检查组,此后签署的评分表带检查组证书",
                f"this laptop '{done.member}' is enrolled; the sheets it signs from now on carry the team's certificate"))
    else:
        print(t(f"设备「{done.member}」{zh}已加入检查组;证书随下一个同步包送达该设备",
                f"device '{done.member}'{en} is enrolled; its certificate reaches it with your next bundle"))
    print(t(f"密钥指纹 {grouped(done.fingerprint)}", f"key fingerprint {grouped(done.fingerprint)}"))
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        done = team.revoke(store, args.device, args.reason or "")
    say_masked(args.reason)
    print(t(f"设备「{done.member}」已于 {done.revoked_at} 吊销;之后核验其评分表会注明",
            f"device '{done.member}' was revoked at {done.revoked_at}; verifying its sheets will say so"))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        found = store.team.team()
        devices = store.team.devices()
    rows = [{"device": d.name, "inspector": d.inspector, "fingerprint": d.fingerprint, "first_seen": d.first_seen,
             "last_seen": d.last_seen, "state": d.state,
             "revoked_at": d.enrolment.revoked_at if d.enrolment else None} for d in devices]
    if args.json:
        print_json({"team": {"name": found.name, "fingerprint": found.fingerprint} if found else None,
                    "devices": rows})
        return 0
    if found is None:
        print(t("此数据库还没有检查组", "this database has no team yet"))
    else:
        print(t(f"检查组「{found.name}」,证书指纹 {grouped(found.fingerprint)[:39]}",
                f"team '{found.name}', certificate fingerprint {grouped(found.fingerprint)[:39]}"))
    for r in rows:
        zh, en = STATES[r["state"]]
        print(f"{r['device']}\t{r['inspector'] or '-'}\t{grouped(r['fingerprint'][:16])}\t{t(zh, en)}"
              f"\t{r['last_seen']}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args, daily_backup=False, backup_on_close=False) as store:
        data = team.team_pem(store)
    output.write_bytes(args.output, data)
    print(t(f"检查组证书已写入 {args.output}", f"the team certificate is in {args.output}"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("team", help=t("检查组证书:建立、设备加入、吊销", "the team certificate: make, enrol, revoke"))
    tsub = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    i = tsub.add_parser("init", help=t("在组长电脑上建立检查组密钥和证书", "make the team key and certificate on the "
                                                                "leader's laptop"))
    db_arg(i)
    i.add_argument("-o", "--output", required=True, metavar="TEAM.pem", help=t("检查组证书文件", "team certificate file"))
    i.add_argument("--name", help=t("检查组名称", "the team's name"))
    i.set_defaults(handler=cmd_init)
    e = tsub.add_parser("enrol", help=t("为已知设备签发检查组证书", "certify a known device's key under the team"))
    db_arg(e)
    e.add_argument("device", metavar="DEVICE")
    e.set_defaults(handler=cmd_enrol)
    r = tsub.add_parser("revoke", help=t("吊销设备的检查组证书", "revoke a device's team certificate"))
    db_arg(r)
    r.add_argument("device", metavar="DEVICE")
    r.add_argument("--reason", help=t("吊销原因", "why it is revoked"))
    r.set_defaults(handler=cmd_revoke)
    ls = tsub.add_parser("list", help=t("列出已知设备及其加入状态", "list the known devices and their standing"))
    db_arg(ls)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)
    x = tsub.add_parser("export", help=t("导出检查组证书(含吊销列表)", "write the team certificate (with revocations)"))
    db_arg(x)
    x.add_argument("-o", "--output", required=True, metavar="TEAM.pem")
    x.set_defaults(handler=cmd_export)
