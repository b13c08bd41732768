"""The store's commands, run as a user runs them: db check, demo, inspection add, summary."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fieldcheck.__main__ import main
from fieldcheck.cli import build_parser
from fieldcheck.engine import catalog
from fieldcheck.ops import scores
from fieldcheck.store import Store

ROOT = Path(__file__).resolve().parents[2]

ANSWERS = {"rubric": "village-work-team", "assessee": {"name": "衡阳县/西渡镇/梅花村"}, "inspectors": ["李明"],
           "date": "2026-11-20",
           "answers": {"2.1.4": 3, "1.2": 2, "3.1.2": ["民情日记"], "2.4.1": {"not_done": 1},
                       "2.3.2": {"selected": ["宣传栏", "标语"]}, "2.5.4": False, "2.5.5": "基本满意",
                       "4.1": True, "2.6.1": "na", "2.1.1": 0}}


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "fieldcheck", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=ROOT)


def test_every_store_command_has_help():
    parser = build_parser()
    for argv in (["db", "check", "--help"], ["demo", "--help"], ["inspection", "add", "--help"],
                 ["household", "add", "--help"], ["household", "edit", "--help"], ["household", "remove", "--help"],
                 ["household", "list", "--help"],
                 ["summary", "--help"]):
        with pytest.raises(SystemExit) as info:
            parser.parse_args(argv)
        assert info.value.code == 0


def test_inspection_add_scores_like_fieldcheck_score(tmp_path, capsys):
    doc = tmp_path / "answers.json"
    doc.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "field.db"
    assert main(["score", "village-work-team", str(doc), "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)["total"]
    assert main(["inspection", "add", "--db", str(db), str(doc)]) == 0
    inspection = capsys.readouterr().out.strip()
    with Store.open(db, device="t", backup_on_close=False) as store:
        got = store.inspections.get(inspection)
        assert store.places.path(got.assessee_id) == "衡阳县/西渡镇/梅花村"
        assert (got.inspectors, got.date) == (["李明"], "2026-11-20")
        assert scores.score_inspection(store, inspection).total == expected
        assert len(store.findings.of(inspection, "1.2")) == 2
    assert main(["summary", "--db", str(db), "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["id"], row["assessee"], row["total"], row["status"], row["findings"]) == \
        (inspection, "衡阳县/西渡镇/梅花村", expected, "draft", 9)


def test_inspection_add_with_a_bad_answer_changes_nothing(tmp_path, capsys):
    db = tmp_path / "field.db"
    Store.open(db, device="t", backup_on_close=False).close()
    bad = dict(ANSWERS, answers={"2.1.4": 1, "2.5.5": "很好"})
    doc = tmp_path / "answers.json"
    doc.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    assert main(["inspection", "add", "--db", str(db), str(doc)]) == 1
    err = capsys.readouterr().err
    assert "2.5.5" in err and "很好" in err and "Traceback" not in err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM inspections").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == 0
    conn.close()


def test_hengyang_inspection_add_uses_the_assessee_group(tmp_path, capsys):
    doc = tmp_path / "h.json"
    doc.write_text(json.dumps({"rubric": "hengyang-2015", "assessee": {"name": "珠晖区"},
                               "answers": {"4": 3, "veto": True}}, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "field.db"
    assert main(["inspection", "add", "--db", str(db), str(doc)]) == 0
    inspection = capsys.readouterr().out.strip()
    with Store.open(db, device="t", backup_on_close=False) as store:
        assert store.inspections.get(inspection).assessee_group == "区"
        result = scores.score_inspection(store, inspection)
        assert result.vetoes and result.nodes["4"].deduction == 2


def test_demo_summary_and_check_from_the_shell(tmp_path):
    db = tmp_path / "demo.db"
    done = run("demo", "--db", str(db), "--villages", "3", "--seed", "5", "--device", "laptop-7")
    assert done.returncode == 0, done.stderr
    assert "3" in done.stdout
    summary = run("summary", "--db", str(db))
    assert summary.returncode == 0, summary.stderr
    lines = summary.stdout.strip().splitlines()
    assert len(lines) == 1 + 3 + 2  # header, 3 villages, 2 县市区
    assert any("hengyang-2015" in line for line in lines) and "laptop-7" in summary.stdout
    checked = run("db", "check", "--db", str(db))
    assert checked.returncode == 0, checked.stderr
    assert "正常" in checked.stdout


def test_db_check_finds_a_changed_photo(tmp_path):
    db = tmp_path / "demo.db"
    assert run("demo", "--db", str(db), "--villages", "1").returncode == 0
    photo = next(p for p in db.with_name("demo-photos").rglob("*.jpg"))
    data = bytearray(photo.read_bytes())
    data[len(data) // 2] ^= 0xFF
    photo.write_bytes(bytes(data))
    checked = run("db", "check", "--db", str(db))
    assert checked.returncode == 1
    assert photo.name[:12] in checked.stderr and "改动或损坏" in checked.stderr


def test_db_check_refuses_what_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello")
    done = run("db", "check", "--db", str(path))
    assert done.returncode == 1 and "不是 FieldCheck 数据库" in done.stderr and "Traceback" not in done.stderr
    done = run("summary", "--db", str(tmp_path / "missing-dir" / "x.db"))
    assert done.returncode == 1 and "找不到数据库" in done.stderr and not (tmp_path / "missing-dir").exists()
    done = run("db", "check", "--db", str(tmp_path / "nope.db"))
    assert done.returncode == 1 and "找不到" in done.stderr


def test_default_database_lives_in_fieldcheck_home(tmp_path):
    home = tmp_path / "home"
    done = run("demo", "--villages", "1", env={"FIELDCHECK_HOME": str(home)})
    assert done.returncode == 0, done.stderr
    assert (home / "fieldcheck.db").is_file()
    assert run("db", "check", env={"FIELDCHECK_HOME": str(home)}).returncode == 0


def test_english_messages(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello")
    done = run("summary", "--db", str(path), env={"FIELDCHECK_LANG": "en"})
    assert done.returncode == 1 and "not a FieldCheck database" in done.stderr


def test_db_check_notes_unreferenced_photo_files_without_failing(tmp_path):
    db = tmp_path / "demo.db"
    assert run("demo", "--db", str(db), "--villages", "1").returncode == 0
    stray = db.with_name("demo-photos") / "ff" / ("f" * 64 + ".jpg")
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"\xff\xd8 half a photo from an interrupted import")
    checked = run("db", "check", "--db", str(db))
    assert checked.returncode == 0, checked.stderr
    assert "没有被任何记录引用" in checked.stdout and "正常" in checked.stdout


def test_commands_refuse_a_newer_database_untouched(tmp_path):
    from fieldcheck.store import schema

    db = tmp_path / "future.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 3}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    doc = tmp_path / "answers.json"
    doc.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    for args in (["db", "check", "--db", str(db)], ["summary", "--db", str(db)],
                 ["inspection", "add", "--db", str(db), str(doc)], ["demo", "--db", str(db)]):
        done = run(*args)
        assert done.returncode == 1, args
        assert "更新版本的 FieldCheck" in done.stderr and "Traceback" not in done.stderr, args
    assert db.read_bytes() == before


def test_household_commands(tmp_path):
    db = str(tmp_path / "f.db")
    added = run("household", "add", "--db", db, "--village", "衡阳县/西渡镇/梅花村", "--name", "张三", "--members", "３",
                "--helper", "刘强", "--id-number", "430421199001011234")
    assert added.returncode == 0, added.stderr
    hh = added.stdout.strip()
    assert run("household", "add", "--db", db, "--village", "衡阳县/西渡镇/梅花村", "--name", "李四").returncode == 0
    assert run("household", "edit", "--db", db, "张三", "--status", "脱贫户").returncode == 0
    listed = json.loads(run("household", "list", "--db", db, "--village", "衡阳县/西渡镇/梅花村", "--json").stdout)
    assert [(r["head_name"], r["members"], r["status"], r["id_masked"]) for r in listed] == [
        ("李四", 1, "贫困户", None), ("张三", 3, "脱贫户", "430421********1234")]
    for kept in (p for p in tmp_path.rglob("*") if p.is_file()):  # the database, its WAL, its backups
        # not the whole number, nor the birth date the mask hides (a bare "1234" also turns up in timestamps)
        assert b"430421199001011234" not in kept.read_bytes() and b"19900101" not in kept.read_bytes(), kept
    # a household that findings name is not removed
    with Store.open(db) as store:
        village = store.households.get(hh).village_id
        rubric = catalog.find("village-work-team")
        insp = store.inspections.create(rubric, assessee_id=village, assessee_name="梅花村", inspectors=[], date="2026-11-20")
        store.findings.add(insp, "2.1.4", value=1, household_id=hh)
    refused = run("household", "remove", "--db", db, "张三")
    assert refused.returncode == 1 and "不能删除" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert run("household", "remove", "--db", db, "李四").returncode == 0
    text = run("household", "list", "--db", db).stdout
    assert "张三" in text and "李四" not in text
    bad = run("household", "add", "--db", db, "--village", "梅花村", "--name", "王五", "--members", "two")
    assert bad.returncode == 1 and "家庭人口" in bad.stderr
    missing = run("household", "edit", "--db", db, "王五", "--members", "2")
    assert missing.returncode == 1 and "王五" in missing.stderr


def _added(tmp_path, capsys):
    """A database holding ANSWERS added by ``inspection add``; its path and the inspection's id."""
    doc = tmp_path / "answers.json"
    doc.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "field.db"
    assert main(["inspection", "add", "--db", str(db), str(doc)]) == 0
    return db, capsys.readouterr().out.strip()


def test_inspection_set_takes_an_open_lists_other_ways_as_json(tmp_path, capsys):
    db, inspection = _added(tmp_path, capsys)
    value = json.dumps({"selected": [], "other": "广播、微信群"}, ensure_ascii=False)
    assert main(["inspection", "set", "--db", str(db), inspection, "2.3.2", value]) == 0
    with Store.open(db, device="t", backup_on_close=False) as store:
        assert scores.answers(store, inspection)["2.3.2"] == {"selected": [], "other": ["广播", "微信群"]}
    # a listed way typed under other is refused in one sentence, and nothing changes
    bad = json.dumps({"selected": [], "other": "宣传栏"}, ensure_ascii=False)
    assert main(["inspection", "set", "--db", str(db), inspection, "2.3.2", bad]) == 1
    err = capsys.readouterr().err
    assert "请直接勾选" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_inspection_set_reads_the_words_a_person_types(tmp_path, capsys):
    """达标, 三处 and 宣传栏、广播 as typed, not JSON; a word it cannot read is refused with the words to use."""
    db, inspection = _added(tmp_path, capsys)
    for item, typed in (("2.5.4", "未达标"), ("2.2.2", "三处"), ("2.3.2", "宣传栏、广播"), ("2.6.1", "不适用")):
        assert main(["inspection", "set", "--db", str(db), inspection, item, typed]) == 0, capsys.readouterr().err
    with Store.open(db, device="t", backup_on_close=False) as store:
        got = scores.answers(store, inspection)
        assert got["2.5.4"] is False and got["2.3.2"] == {"selected": ["宣传栏"], "other": ["广播"]}
        assert got["2.6.1"] == "na" and 3 in [f.value for f in store.findings.of(inspection, "2.2.2")]
    assert main(["inspection", "set", "--db", str(db), inspection, "2.5.4", "也许"]) == 1
    err = capsys.readouterr().err
    assert "「达标」或「未达标」" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_inspection_set_refuses_not_applicable_where_the_rubric_gives_no_such_case(tmp_path, capsys):
    """The window greys 不适用 out on 2.5.4; before, the command stored it and the whole inspection could no longer
    be scored ("cannot be 'not applicable'" in summary's error column)."""
    db, inspection = _added(tmp_path, capsys)
    with Store.open(db, device="t", backup_on_close=False) as store:
        before = scores.answers(store, inspection)
    for typed in ("na", "不适用"):
        assert main(["inspection", "set", "--db", str(db), inspection, "2.5.4", typed]) == 1
        err = capsys.readouterr().err
        assert "2.5.4 入户次数 不能标为不适用" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    with Store.open(db, device="t", backup_on_close=False) as store:
        assert scores.answers(store, inspection) == before
        assert not scores.score_inspection(store, inspection).unscored


def test_summary_marks_an_unfinished_total_provisional(tmp_path):
    db = tmp_path / "fc.db"
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"rubric": "hengyang-2015", "assessee": {"name": "衡阳县"}, "answers": {"1.1": 15}},
                                  ensure_ascii=False), encoding="utf-8")
    assert run("inspection", "add", "--db", str(db), str(answers)).returncode == 0
    row = run("summary", "--db", str(db)).stdout.strip().splitlines()[1].split("\t")
    assert row[5:9] == ["98.5(暂计)", "100", "-", "否(1/19)"]  # not 98.5 beside a blank grade, as if final
    row = run("summary", "--db", str(db), env={"FIELDCHECK_LANG": "en"}).stdout.strip().splitlines()[1].split("\t")
    assert row[5] == "98.5 (provisional)"
    assert json.loads(run("summary", "--db", str(db), "--json").stdout)[0]["total"] == 98.5  # the JSON stays a number


def test_inspection_set_names_the_inspector_the_window_set_not_the_login(tmp_path, capsys):
    """The window keeps the inspector's name in the database; the command line on the same data records the
    same person (before, every change it made named the system login, e.g. root)."""
    db, inspection = _added(tmp_path, capsys)
    assert main(["inspection", "set", "--db", str(db), inspection, "2.5.4", "达标"]) == 0
    with Store.open(db, device="t", backup_on_close=False) as store:
        assert store.audit.entries(inspection)[-1].who != "王芳"
        store.set_user(" 王芳 ")  # what the window does with the name from its settings
    assert main(["inspection", "set", "--db", str(db), inspection, "2.5.4", "未达标"]) == 0
    with Store.open(db, device="t", backup_on_close=False) as store:
        last = store.audit.entries(inspection)[-1]
        assert (last.field, last.new, last.who) == ("value", False, "王芳")
        assert store.user == "王芳"
