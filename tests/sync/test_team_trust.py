"""The trust chain end to end, as the leader and two inspectors run it with their commands and USB sticks.

Leader A makes the team; inspector B's bundle reaches A; A enrols B; A's bundle brings B its
certificate; B's next sheet verifies as the team's with TEAM.pem alone and with A's
database; C, never enrolled, stays "intact, not enrolled"; A revokes B and every later
verification says so, with the file re-exported or the database.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from sheetkit import finished_inspection

from fieldcheck.__main__ import main
from fieldcheck.ops import signing
from fieldcheck.signing.team import read_team_file
from fieldcheck.store import Store


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    def run(device: str, *args: str, code: int = 0) -> str:
        monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path / f"home-{device}"))
        monkeypatch.setenv("FIELDCHECK_DEVICE", device)
        capsys.readouterr()
        assert main(list(map(str, args))) == code, capsys.readouterr().err
        out = capsys.readouterr()
        return out.out if code == 0 else out.err
    return run


def inspections(path, n: int) -> list[str]:
    with Store.open(path, device=path.stem, user="inspector", daily_backup=False, backup_on_close=False) as store:
        return [finished_inspection(store, photos=0, handbook_errors=2, village_name=f"{k}村") for k in range(n)]


def sign_and_print(run, device: str, db, inspection: str, out) -> bytes:
    run(device, "inspection", "sign", "--db", db, inspection, "--signer", "张三:leader")
    run(device, "sheet", "--db", db, inspection, "-o", out)
    return out.read_bytes()


def test_team_init_enrol_sign_verify_revoke(tmp_path, run, language):
    language("en")
    a, b, c = (tmp_path / f"{d}.db" for d in "ABC")
    first, second, third = inspections(b, 3)
    (theirs,) = inspections(c, 1)
    team_pem = tmp_path / "TEAM.pem"

    out = run("A", "team", "init", "--db", a, "-o", team_pem, "--name", "衡阳县第一检查组")
    assert "衡阳县第一检查组" in out and team_pem.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    key_file = tmp_path / "home-A" / "keys" / "team-key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert "already has the team" in run("A", "team", "init", "--db", a, "-o", tmp_path / "again.pem", code=1)

    # before enrolment: a sheet from B is intact, from a device the team has not enrolled
    before = sign_and_print(run, "B", b, first, tmp_path / "before.pdf")
    out = run("V", "verify", tmp_path / "before.pdf", "--team", team_pem)
    assert "intact" in out and "has not enrolled" in out

    # B's bundle (carrying the inspector's name) reaches the leader, who enrols B
    run("B", "bundle", "export", "--db", b, "-o", tmp_path / "usb-B" / "b.fcbundle", "--inspector", "王芳")
    run("A", "bundle", "import", "--db", a, tmp_path / "usb-B" / "b.fcbundle", "--trust")
    listed = json.loads(run("A", "team", "list", "--db", a, "--json"))
    (row,) = [d for d in listed["devices"] if d["device"] == "B"]
    assert row["inspector"] == "王芳" and row["state"] == "unknown"
    assert "does not know a device 'X'" in run("A", "team", "enrol", "--db", a, "X", code=1)
    assert "enrolled" in run("A", "team", "enrol", "--db", a, "B")
    assert "already enrolled" in run("A", "team", "enrol", "--db", a, "B", code=1)
    (row,) = [d for d in json.loads(run("A", "team", "list", "--db", a, "--json"))["devices"] if d["device"] == "B"]
    assert row["state"] == "enrolled"

    # the leader's bundle brings B its certificate; B's next sheet carries the team's chain
    run("A", "bundle", "export", "--db", a, "-o", tmp_path / "usb-A" / "a1.fcbundle")
    run("B", "bundle", "import", "--db", b, tmp_path / "usb-A" / "a1.fcbundle", "--trust")
    after = sign_and_print(run, "B", b, second, tmp_path / "after.pdf")
    out = run("V", "verify", tmp_path / "after.pdf", "--team", team_pem)
    assert "signed by an enrolled member of the team '衡阳县第一检查组': device 'B' (inspector 王芳)" in out
    out = run("V", "verify", tmp_path / "after.pdf", "--db", a)
    assert "signed by an enrolled member of the team '衡阳县第一检查组': device 'B' (inspector 王芳)" in out
    check = signing.verify_sheet(after, None, read_team_file(team_pem.read_bytes()))
    assert check.team is not None and check.team.state == "enrolled" and check.team.chained
    # signed with the team's chain, the sheet is still one that poppler (Okular, Evince) calls valid
    said = subprocess.run(["pdfsig", str(tmp_path / "after.pdf")], capture_output=True, text=True).stdout
    assert "Signature is Valid." in said and "Total document signed" in said
    # the sheet signed before the certificate arrived: A's database knows B's key is enrolled
    with Store.open(a, device="A", daily_backup=False, backup_on_close=False) as store:
        earlier = signing.verify_sheet(before, store)
    assert earlier.team.state == "enrolled" and not earlier.team.chained and earlier.team.inspector == "王芳"

    # C never enrolled: intact, from a device the team has not enrolled, with the file or the database
    sign_and_print(run, "C", c, theirs, tmp_path / "c.pdf")
    for extra in (("--team", team_pem), ("--db", a)):
        out = run("V", "verify", tmp_path / "c.pdf", *extra)
        assert "intact" in out and "has not enrolled" in out

    # A revokes B: the database says so at once, and so does TEAM.pem exported again
    out = run("A", "team", "revoke", "--db", a, "B", "--reason", "电脑丢失")
    assert "revoked" in out
    out = run("V", "verify", tmp_path / "after.pdf", "--db", a)
    assert "device 'B' (inspector 王芳) was revoked by the team '衡阳县第一检查组' at 20" in out and "电脑丢失" in out
    revoked_pem = tmp_path / "TEAM-2.pem"
    run("A", "team", "export", "--db", a, "-o", revoked_pem)
    out = run("V", "verify", tmp_path / "after.pdf", "--team", revoked_pem)
    assert "was revoked by the team '衡阳县第一检查组' at 20" in out
    assert "has not enrolled" not in out

    # the revocation travels to B: B's database says so of its own later sheet too
    run("A", "bundle", "export", "--db", a, "-o", tmp_path / "usb-A" / "a2.fcbundle")
    run("B", "bundle", "import", "--db", b, tmp_path / "usb-A" / "a2.fcbundle", "--trust")
    sign_and_print(run, "B", b, third, tmp_path / "late.pdf")
    out = run("V", "verify", tmp_path / "late.pdf", "--db", b)
    assert "intact" in out and "was revoked" in out
    assert "was revoked" not in run("V", "verify", tmp_path / "c.pdf", "--db", b)


def test_team_commands_say_what_is_wrong_in_one_sentence(tmp_path, run, language):
    language("en")
    db = tmp_path / "a.db"
    err = run("A", "team", "enrol", "--db", db, "B", code=1)
    assert "database not found" in err and not db.exists()  # a mistyped --db is not made into an empty one
    Store.open(db, device="A", daily_backup=False, backup_on_close=False).close()
    for args, words in ((("team", "enrol", "--db", db, "B"), "no team yet"),
                        (("team", "revoke", "--db", db, "B"), "no team yet"),
                        (("team", "export", "--db", db, "-o", tmp_path / "t.pem"), "no team yet")):
        err = run("A", *args, code=1)
        assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    (tmp_path / "junk.pem").write_text("not a certificate")
    (tmp_path / "s.pdf").write_bytes(b"%PDF-1.4\n")
    err = run("A", "verify", tmp_path / "s.pdf", "--team", tmp_path / "junk.pem", code=1)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    run("A", "team", "init", "--db", db, "-o", tmp_path / "TEAM.pem")
    err = run("A", "team", "revoke", "--db", db, "A", code=1)
    assert "not enrolled" in err or "does not know" in err
    # the leader enrols their own laptop, known to the database without any bundle
    assert "enrolled" in run("A", "team", "enrol", "--db", db, "A")
    assert "revoked" in run("A", "team", "revoke", "--db", db, "A")
    assert "cannot be enrolled again" in run("A", "team", "enrol", "--db", db, "A", code=1)
