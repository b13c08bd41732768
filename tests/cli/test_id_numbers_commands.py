"""ID numbers given to the commands as people copy them (groups, dashes): refused in a name or a village,
read in --id-number, masked in a reason with one sentence on stderr; the folder never holds one whole."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from doublekit import double_inspection
from sheetkit import lock_as_signed

from fieldcheck.store import Store

ROOT = Path(__file__).resolve().parents[2]
GROUPS = "430421 19730419 5712"
DASHES = "430421-19730419-5712"
HIDDEN = b"19730419"  # the birth date the mask hides


def run(*args, home: Path):
    return subprocess.run([sys.executable, "-m", "fieldcheck", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "FIELDCHECK_HOME": str(home), "FIELDCHECK_LANG": "zh"})


def folder_bytes(folder: Path) -> bytes:
    """Every file under ``folder``, a bundle's members unzipped."""
    out = []
    for path in (p for p in folder.rglob("*") if p.is_file()):
        if path.suffix == ".fcbundle":
            with zipfile.ZipFile(path) as z:
                out.extend(z.read(n) for n in z.namelist())
        else:
            out.append(path.read_bytes())
    return b"".join(out)


def one_sentence(done) -> bool:
    return done.returncode == 1 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_household_commands_refuse_a_name_or_village_holding_an_id_and_read_one_with_dashes(tmp_path):
    db = tmp_path / "f.db"
    village = "衡阳县/西渡镇/梅花村"
    named = run("household", "add", "--db", db, "--village", village, "--name", f"张三 {GROUPS}", home=tmp_path)
    assert one_sentence(named) and "身份证号" in named.stderr
    placed = run("household", "add", "--db", db, "--village", f"{village}{DASHES}", "--name", "张三", home=tmp_path)
    assert one_sentence(placed) and "身份证号" in placed.stderr
    added = run("household", "add", "--db", db, "--village", village, "--name", "张三", "--id-number", DASHES,
                home=tmp_path)
    assert added.returncode == 0, added.stderr
    edited = run("household", "edit", "--db", db, "张三", "--helper", f"刘强 {GROUPS}", home=tmp_path)
    assert one_sentence(edited) and "身份证号" in edited.stderr
    listed = run("household", "list", "--db", db, home=tmp_path).stdout
    assert "430421********5712" in listed and "刘强" not in listed
    assert run("bundle", "export", "--db", db, "-o", tmp_path / "usb" / "all.fcbundle", home=tmp_path).returncode == 0
    assert HIDDEN not in folder_bytes(tmp_path)


def test_reasons_quoting_an_id_are_kept_masked_and_the_command_says_so(tmp_path):
    db = tmp_path / "leader.db"
    with Store.open(db, device="leader", user="组长", daily_backup=False, backup_on_close=False) as store:
        a, b = double_inspection(store)
        lock_as_signed(store, a)
    amended = run("inspection", "amend", "--db", db, "--reason", f"户主身份证号 {DASHES} 录错", a, home=tmp_path)
    assert amended.returncode == 0, amended.stderr
    assert amended.stderr.strip() == "身份证号只保存了前 6 位和后 4 位,其余已遮蔽"
    reconciled = run("compare", "--db", db, a, b, "--reconcile", "--take", "2.1.1=b", "--take", "2.5.5=a",
                     "--reason", f"2.1.1=复核 {GROUPS} 的手册", "--reason", "2.5.5=回访满意", home=tmp_path)
    assert reconciled.returncode == 0, reconciled.stderr
    assert "其余已遮蔽" in reconciled.stderr
    with Store.open(db, device="leader", daily_backup=False, backup_on_close=False) as store:
        assert store.signatures.revisions(a)[0].amend_reason == "户主身份证号 430421********5712 录错"
        link = store.reconciliations.of(reconciled.stdout.strip())
        assert [d.reason for d in link.items if d.item_id == "2.1.1"] == ["复核 430421********5712 的手册"]
    assert run("bundle", "export", "--db", db, "-o", tmp_path / "usb" / "all.fcbundle", home=tmp_path).returncode == 0
    assert HIDDEN not in folder_bytes(tmp_path)
