"""Every command that writes a file, given a destination nothing can be written to: one sentence, exit 1, nothing left.

The destinations a person gets wrong: a folder that does not exist, a folder, a device or a
pipe (a fifo stands in for /dev/full), an empty name. The commands: results and rounds
(--xlsx, --pdf), sheet, import targets, rubric import-xlsx and export-xlsx, bundle export,
team export. Each run in-process through ``main``, as a person runs it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
import yaml

from fieldcheck.cli import main
from fieldcheck.engine import catalog
from fieldcheck.tables.rubric_export import export_rubric
from tests.results.township import scores, township
from tests.tables.workbooks import targets_fu2

MISSING, FOLDER, PIPE, EMPTY = "missing", "folder", "pipe", "empty"
SAID = {MISSING: "文件夹 {tmp}/no 不存在", FOLDER: "目标是一个文件夹;请给出文件名",
        PIPE: "它不是普通文件(而是设备或管道)", EMPTY: "输出文件名是空的;请给出文件名"}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A demo database, a township's rounds file, a 附2 target table and a rubric workbook, made once."""
    folder = tmp_path_factory.mktemp("inputs")
    db = folder / "demo.db"
    assert main(["demo", "--db", str(db), "--villages", "1"]) == 0
    assert main(["team", "init", "--db", str(db), "-o", str(folder / "TEAM.pem")]) == 0
    inspection = sqlite3.connect(db).execute("SELECT id FROM inspections LIMIT 1").fetchone()[0]
    town = folder / "town.yaml"
    town.write_text(yaml.safe_dump(township([{"id": "4月", "kind": "双月观摩", "scores": scores()}]),
                                   allow_unicode=True), encoding="utf-8")
    book = folder / "h.xlsx"
    export_rubric(catalog.find("hengyang-2015"), book)
    return {"db": db, "inspection": inspection, "town": town, "fu2": targets_fu2(folder / "fu2.xlsx"), "book": book}


def commands(i: dict, out: str) -> dict[str, list[str]]:
    return {
        "results --xlsx": ["results", "--db", i["db"], "--rubric", "hengyang-2015", "--all", "--xlsx", out],
        "results --pdf": ["results", "--db", i["db"], "--rubric", "hengyang-2015", "--all", "--pdf", out],
        "rounds --xlsx": ["rounds", i["town"], "--xlsx", out],
        "rounds --pdf": ["rounds", i["town"], "--pdf", out],
        "sheet": ["sheet", "--db", i["db"], i["inspection"], "-o", out],
        "import targets": ["import", "targets", i["fu2"], "--rubric", "hengyang-2015", "-o", out],
        "rubric import-xlsx": ["rubric", "import-xlsx", i["book"], "-o", out],
        "rubric export-xlsx": ["rubric", "export-xlsx", "hengyang-2015", "-o", out],
        "bundle export": ["bundle", "export", "--db", i["db"], "-o", out],
        "team export": ["team", "export", "--db", i["db"], "-o", out],
    }


def destination(tmp_path: Path, kind: str) -> str:
    if kind == MISSING:
        return str(tmp_path / "no" / "r.out")
    if kind == FOLDER:
        (tmp_path / "adir").mkdir()
        return str(tmp_path / "adir")
    if kind == PIPE:
        os.mkfifo(tmp_path / "full")
        return str(tmp_path / "full")
    return ""


def everything(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def run(capsys, argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, argv, words: str) -> str:
    code, out, err = run(capsys, argv)
    assert code == 1, (argv, out, err)
    assert words in err, err
    assert "Traceback" not in err and "Errno" not in err and len(err.strip().splitlines()) == 1, err
    return err


NAMES = list(commands({"db": "", "inspection": "", "town": "", "fu2": "", "book": ""}, ""))


# a bundle's missing folder is made, as on a fresh USB stick (the next test)
@pytest.mark.parametrize("name, kind", [(n, k) for n in NAMES for k in (MISSING, FOLDER, PIPE, EMPTY)
                                        if (n, k) != ("bundle export", MISSING)])
def test_a_destination_nothing_can_be_written_to_is_one_sentence_and_leaves_nothing(inputs, tmp_path, capsys, name,
                                                                                     kind):
    out = destination(tmp_path, kind)
    before = everything(tmp_path)
    refused(capsys, commands(inputs, out)[name], SAID[kind].format(tmp=tmp_path))
    assert everything(tmp_path) == before  # no partial output, no .tmp, the fifo still a fifo
    if kind == PIPE:
        assert not (tmp_path / "full").is_file()


def test_a_bundles_missing_folder_is_made(inputs, tmp_path, capsys):
    code, out, err = run(capsys, ["bundle", "export", "--db", inputs["db"], "--all", "-o", tmp_path / "stick" / "b"])
    assert code == 0, err
    assert everything(tmp_path / "stick") == {"b.fcbundle"}


def test_results_check_both_files_before_writing_either(inputs, tmp_path, capsys):
    ok, bad = tmp_path / "ok.xlsx", tmp_path / "missing" / "r.pdf"
    refused(capsys, ["results", "--db", inputs["db"], "--rubric", "hengyang-2015", "--all", "--xlsx", ok, "--pdf", bad],
            f"无法写入 {bad}:文件夹 {bad.parent} 不存在")
    refused(capsys, ["rounds", inputs["town"], "--xlsx", ok, "--pdf", bad], "不存在")
    assert everything(tmp_path) == set()


def test_import_targets_onto_a_folder_leaves_no_tmp_beside_it(inputs, tmp_path, capsys):
    (tmp_path / "out" / "adir").mkdir(parents=True)
    err = refused(capsys, ["import", "targets", inputs["fu2"], "--rubric", "hengyang-2015", "-o", tmp_path / "out" / "adir"],
                  f"无法写入 {tmp_path}/out/adir:目标是一个文件夹;请给出文件名")
    assert "21" not in err.replace(str(tmp_path), "")  # no [Errno 21]; the path itself may hold a 21 (pytest-1213)
    assert everything(tmp_path) == {"out", "out/adir"}


def test_the_messages_are_english_for_an_english_user(inputs, tmp_path, capsys, language):
    language("en")
    (tmp_path / "adir").mkdir()
    refused(capsys, ["sheet", "--db", inputs["db"], inputs["inspection"], "-o", tmp_path / "adir"],
            f"cannot write {tmp_path}/adir: it is a folder; give a file name")
    refused(capsys, ["rounds", inputs["town"], "--pdf", tmp_path / "no" / "r.pdf"],
            f"cannot write {tmp_path}/no/r.pdf: the folder {tmp_path}/no does not exist; create it or choose another folder")


@pytest.mark.parametrize("name", ["results --xlsx", "rounds --pdf", "sheet", "import targets", "rubric export-xlsx",
                                  "bundle export"])
def test_a_full_disk_leaves_the_old_file_and_no_tmp(inputs, tmp_path, capsys, monkeypatch, name):
    # A full disk cannot be had here: the rename that would put the finished file in place fails as one would.
    out = tmp_path / ("r.fcbundle" if name == "bundle export" else "r.out")
    out.write_bytes(b"yesterday's")

    real = os.replace

    def full(src, dst):
        if Path(dst) != out:
            return real(src, dst)  # the database's own backup
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    argv = commands(inputs, str(out))[name]
    if name == "bundle export":
        argv.append("--all")
    refused(capsys, argv, f"无法写入 {out}:磁盘已满;请腾出空间或换一个磁盘")
    assert everything(tmp_path) == {out.name} and out.read_bytes() == b"yesterday's"


def test_a_read_only_folder_is_one_sentence(inputs, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    # root (as CI runs) may write anywhere: the folder is then read-only as far as access() says
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == folder else real(p, mode, **k))
    try:
        refused(capsys, ["sheet", "--db", inputs["db"], inputs["inspection"], "-o", folder / "x.pdf"],
                f"没有权限写入文件夹 {folder}")
        assert everything(folder) == set()
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name", ["results --xlsx", "rounds --xlsx"])
def test_a_full_system_disk_under_a_workbooks_rows_is_one_sentence(inputs, tmp_path, capsys, monkeypatch, name):
    """A workbook's rows stream through temporary files on the system's disk before the file is written.
    That disk full (/dev/full, a real device that is always full, stands in for those files): one sentence,
    no workbook, and no traceback from the half-written sheets, then or when they are collected."""
    import gc
    import sys

    from openpyxl.worksheet import _writer

    monkeypatch.setattr(_writer, "create_temporary_file", lambda suffix="": "/dev/full")
    unraisable: list = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    out = tmp_path / "r.xlsx"
    refused(capsys, commands(inputs, str(out))[name], f"无法写入 {out}:磁盘已满;请腾出空间或换一个磁盘")
    gc.collect()
    assert unraisable == [] and capsys.readouterr().err == ""
    assert everything(tmp_path) == set()


def test_a_read_only_stick_is_said_read_only_not_a_permission(inputs, tmp_path, capsys, monkeypatch):
    """A stick with its lock switch on: "no permission to write in the folder" sends the user to the folder's
    permissions; the disk is read-only, and another place is what helps."""
    stick = tmp_path / "stick"
    stick.mkdir()
    real_access, real_statvfs = os.access, os.statvfs

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == stick else real_access(p, mode, **k))
    monkeypatch.setattr(os, "statvfs", lambda p: ReadOnly() if Path(p) == stick else real_statvfs(p))
    out = stick / "x.fcbundle"
    refused(capsys, ["bundle", "export", "--db", inputs["db"], "-o", out, "--all"],
            f"无法写入 {out}:该磁盘是只读的;请换一个位置")
    assert everything(stick) == set()


@pytest.mark.parametrize("name", ["results --xlsx", "rounds --xlsx", "rubric export-xlsx"])
def test_a_workbook_on_a_laptop_whose_clock_says_1970_is_one_sentence(inputs, tmp_path, capsys, monkeypatch, name):
    """A workbook is a zip, and a zip cannot hold a time before 1980: a traceback, where the person needs to
    hear that the laptop's clock is wrong."""
    import time

    monkeypatch.setattr(time, "time", lambda: 8 * 3600.0)  # 1970-01-01 08:00, as zipfile reads the clock
    out = tmp_path / "r.xlsx"
    refused(capsys, commands(inputs, str(out))[name], "本机时钟显示 1970-01-01")
    assert everything(tmp_path) == set()


def test_a_bundle_larger_than_the_stick_holds_in_one_file_says_why(inputs, tmp_path):
    """A FAT32 stick holds no file over 4 GB, and a whole team's photos pass that: the write fails with
    EFBIG, which was said as "system error EFBIG". A real EFBIG here: the export runs with a file size limit."""
    import resource
    import shutil
    import signal
    import subprocess
    import sys

    db = tmp_path / "copy.db"
    shutil.copy(inputs["db"], db)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    out = tmp_path / "stick" / "all.fcbundle"
    out.parent.mkdir()
    child = subprocess.run([sys.executable, "-m", "fieldcheck", "bundle", "export", "--db", str(db), "-o", str(out),
                            "--all"], preexec_fn=small_files, capture_output=True, text=True,
                           env=dict(os.environ, FIELDCHECK_LANG="zh", PYTHONPATH=str(Path(__file__).parents[2])))
    assert child.returncode == 1, child.stderr
    assert "FAT32 格式的 U 盘最大 4 GB" in child.stderr and "EFBIG" not in child.stderr, child.stderr
    assert len(child.stderr.strip().splitlines()) == 1, child.stderr
    assert everything(out.parent) == set()
