"""`fieldcheck import roster|targets`, `rubric import-xlsx|export-xlsx`, `sample households`, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fieldcheck.engine import catalog
from fieldcheck.store import Store
from tests.tables.workbooks import FULL_ID, roster_bad, roster_long, targets_fu2

ROOT = Path(__file__).resolve().parents[2]


def run(*args, lang="zh"):
    return subprocess.run([sys.executable, "-m", "fieldcheck", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "FIELDCHECK_LANG": lang}, cwd=ROOT)


def test_import_roster_then_sample(tmp_path):
    db = tmp_path / "f.db"
    done = run("import", "roster", roster_long(tmp_path / "r.xlsx"), "--db", db, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == 4
    done = run("sample", "households", "--db", db, "--village", "衡阳县/西渡镇/梅花村", "--share", "50%", "--seed", "7", "--json")
    assert done.returncode == 0, done.stderr
    first = json.loads(done.stdout)
    assert first["seed"] == 7 and first["population"] == 2 and len(first["households"]) == 1
    again = json.loads(run("sample", "households", "--db", db, "--village", "梅花村", "--share", "0.5", "--seed", "7",
                           "--json").stdout)
    assert again["households"] == first["households"]
    for path in tmp_path.iterdir():
        if path.name.startswith("f.db"):
            assert FULL_ID.encode() not in path.read_bytes()


def test_bad_roster_refused_in_one_message_database_unchanged(tmp_path):
    db = tmp_path / "f.db"
    Store.open(db).close()
    before = db.read_bytes()
    done = run("import", "roster", roster_bad(tmp_path / "bad.xlsx"), "--db", db)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "工作表「名单」E3 单元格" in done.stderr and "--good-rows" in done.stderr
    assert db.read_bytes() == before
    fresh = tmp_path / "new.db"
    assert run("import", "roster", roster_bad(tmp_path / "bad.xlsx"), "--db", fresh).returncode == 1
    assert not fresh.exists()  # a refused file does not even create the database
    done = run("import", "roster", roster_bad(tmp_path / "bad.xlsx"), "--db", db, "--good-rows", lang="en")
    assert done.returncode == 0 and "imported 2 households" in done.stdout and "cell F4" in done.stdout


def test_nasty_inputs_are_one_sentence(tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really")
    for args in (("import", "roster", junk, "--db", tmp_path / "f.db"),
                 ("import", "roster", tmp_path / "none.xlsx", "--db", tmp_path / "f.db"),
                 ("import", "targets", junk, "--rubric", "hengyang-2015", "-o", tmp_path / "x.yaml"),
                 ("rubric", "import-xlsx", junk, "-o", tmp_path / "x.yaml"),
                 ("rubric", "export-xlsx", "no-such-rubric", "-o", tmp_path / "x.xlsx"),
                 ("rubric", "export-xlsx", "hengyang-2015", "-o", tmp_path / "no" / "dir" / "x.xlsx"),
                 ("sample", "households", "--db", tmp_path / "f.db", "--village", "无此村"),
                 ("sample", "households", "--db", tmp_path / "f.db", "--village", "x", "--share", "2")):
        done = run(*args)
        assert done.returncode == 1, args
        assert "Traceback" not in done.stderr and done.stderr.strip(), args
    assert not (tmp_path / "x.yaml").exists()


def test_rubric_export_import_and_targets(tmp_path):
    book = tmp_path / "h.xlsx"
    assert run("rubric", "export-xlsx", "hengyang-2015", "-o", book).returncode == 0
    done = run("rubric", "import-xlsx", book)  # without -o: only checked
    assert done.returncode == 0 and "有效" in done.stdout and not list(tmp_path.glob("*.yaml"))
    done = run("rubric", "import-xlsx", book, "-o", tmp_path / "h.yaml")
    assert done.returncode == 0, done.stderr
    version = catalog.find("hengyang-2015").version
    assert version[:12] in done.stdout
    assert run("rubric", "validate", tmp_path / "h.yaml").returncode == 0
    done = run("import", "targets", targets_fu2(tmp_path / "fu2.xlsx"), "--rubric", "hengyang-2015", "-o", tmp_path / "t.yaml")
    assert done.returncode == 0, done.stderr
    assert version[:12] in done.stdout  # the same table gives the same rubric


def test_haikou_template_reported_incomplete(tmp_path):
    done = run("rubric", "import-xlsx", ROOT / "rubrics" / "haikou" / "haikou-district.xlsx", "-o", tmp_path / "k.yaml")
    assert done.returncode == 1 and "不完整" in done.stderr and "年度贫困人口脱贫情况" in done.stderr
    assert not (tmp_path / "k.yaml").exists()


def test_sample_takes_the_rubrics_share_and_refuses_less(tmp_path):
    db = tmp_path / "f.db"
    assert run("import", "roster", roster_long(tmp_path / "r.xlsx"), "--db", db).returncode == 0
    done = run("sample", "households", "--db", db, "--village", "梅花村", "--rubric", "village-work-team", "--seed", "3",
               "--json")
    assert done.returncode == 0, done.stderr
    drawn = json.loads(done.stdout)
    assert drawn["share"] == "0.1" and drawn["rubric"] == "village-work-team" and drawn["rubric_share"] == "0.1"
    refused = run("sample", "households", "--db", db, "--village", "梅花村", "--rubric", "village-work-team",
                  "--share", "5%", lang="en")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "at least 10%" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1


def test_import_roster_says_a_hidden_sheet_was_not_read(tmp_path):
    import openpyxl  # lazy: only this test builds its own workbook

    wb = openpyxl.Workbook()
    wb.active.append(["县", "乡镇", "村", "户主", "人口"])
    wb.active.append(["衡阳县", "西渡镇", "梅花村", "张三", 4])
    old = wb.create_sheet("旧名单")
    old.sheet_state = "hidden"
    old.append(["县", "乡镇", "村", "户主", "人口"])
    old.append(["衡阳县", "西渡镇", "梅花村", "旧户甲", 2])
    wb.save(tmp_path / "r.xlsx")
    done = run("import", "roster", tmp_path / "r.xlsx", "--db", tmp_path / "f.db")
    assert done.returncode == 0, done.stderr
    assert "导入 1 户" in done.stdout
    assert "隐藏的工作表「旧名单」没有导入" in done.stderr and "取消隐藏" in done.stderr


def test_import_roster_names_a_sheet_it_could_not_read(tmp_path):
    """A village's sheet whose 户主 column is headed 户名 is not a roster to the reader: the clerk is told."""
    import openpyxl  # lazy: only this test builds its own workbook

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "衡阳县-西渡镇-梅花村"
    ws.append(["户主", "人口"])
    ws.append(["张三", 4])
    other = wb.create_sheet("衡阳县-西渡镇-杉桥村")
    other.append(["户名", "人口"])
    other.append(["李四", 3])
    wb.create_sheet("空白")
    wb.save(tmp_path / "r.xlsx")
    done = run("import", "roster", tmp_path / "r.xlsx", "--db", tmp_path / "f.db", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sheets_without_roster"] == ["衡阳县-西渡镇-杉桥村"]
    assert "工作表「衡阳县-西渡镇-杉桥村」中没有找到「户主」列,没有导入" in done.stderr and "空白" not in done.stderr
