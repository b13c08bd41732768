"""``fieldcheck compare``: the double inspections listed, two compared, one reconciled, bad input refused."""

from __future__ import annotations

import json

import pytest
from doublekit import double_inspection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheetkit import RUBRIC, finished_inspection

from fieldcheck.cli import main
from fieldcheck.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "leader.db"
    with Store.open(path, device="leader", user="组长", daily_backup=False, backup_on_close=False) as store:
        a, b = double_inspection(store)
        other = finished_inspection(store, village_name="桃花村")
    return path, a, b, other


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_the_double_inspections(db, capsys):
    path, a, b, _ = db
    code, out, _ = _run(capsys, "compare", "--db", path, "--json")
    assert code == 0
    doc = json.loads(out)
    assert len(doc) == 1 and doc[0]["assessee"] == "梅花村" and doc[0]["reconciled"] is None
    assert {i["id"] for i in doc[0]["inspections"]} == {a, b}
    code, out, _ = _run(capsys, "compare", "--db", path)
    assert "梅花村" in out and "未核对" in out and a in out


def test_prints_both_answers_both_deductions_and_the_difference(db, capsys):
    path, a, b, _ = db
    code, out, _ = _run(capsys, "compare", "--db", path, a, b)
    assert code == 0
    lines = out.splitlines()
    handbook = next(line for line in lines if "2.1.1" in line).split("\t")
    assert handbook == ["≠ 2.1.1 基础信息", "3 处", "6", "5 处", "10", "-4"]
    rating = next(line for line in lines if "2.5.5" in line).split("\t")
    assert rating[1:] == ["满意", "0", "不满意", "4", "-4"]
    assert "不一致 2 项" in lines[-1] and "-8" in lines[-1]
    assert not any(line.startswith("= ") for line in lines)  # items that agree only with --all
    code, out, _ = _run(capsys, "compare", "--db", path, a, b, "--all")
    assert sum(1 for line in out.splitlines() if line.startswith("= ")) == len(RUBRIC.items()) - 2


def test_json(db, capsys):
    path, a, b, _ = db
    code, out, _ = _run(capsys, "compare", "--db", path, a, b, "--json")
    doc = json.loads(out)
    assert doc["differing"] == ["2.1.1", "2.5.5"] and doc["difference"] == -8 and doc["capped"] == 0
    item = next(i for i in doc["items"] if i["item"] == "2.1.1")
    assert (item["a"]["answer"], item["b"]["answer"], item["a"]["deduction"], item["b"]["deduction"]) == (3, 5, 6, 10)
    assert item["difference"] == -4 and len(item["b"]["findings"]) == 5
    assert doc["a"]["inspection"] == a and doc["b"]["inspection"] == b


def test_english(db, capsys, language):
    path, a, b, _ = db
    language("en")
    code, out, _ = _run(capsys, "compare", "--db", path, a, b)
    assert "3 found" in out and "not met" not in out and "2 items differ" in out


def test_reconcile(db, capsys):
    path, a, b, _ = db
    code, out, err = _run(capsys, "compare", "--db", path, a, b, "--reconcile", "--take", "2.1.1=b", "--reason",
                          "2.1.1=复核台账", "--answer", "2.5.5=基本满意", "--reason", "2.5.5=回访")
    assert code == 0, err
    new = out.strip()
    with Store.open(path, daily_backup=False, backup_on_close=False) as store:
        link = store.reconciliations.of(new)
        assert [(d.item_id, d.side) for d in link.items] == [("2.1.1", "b"), ("2.5.5", "entered")]
    code, out, _ = _run(capsys, "compare", "--db", path, "--json")
    assert json.loads(out)[0]["reconciled"] == new
    code, out, _ = _run(capsys, "results", "--db", path, "--rubric", RUBRIC.id, "--all", "--json")
    assert code == 0 and new in out


@pytest.mark.parametrize("argv, phrase", [
    (["A_ONLY"], "两份检查"),
    (["A", "OTHER"], "被考核单位不同"),
    (["A", "A"], "两份不同"),
    (["A", "nope"], "找不到检查记录"),
    (["A", "B", "--reconcile"], "2.1.1 两份检查不一致"),
    (["A", "B", "--reconcile", "--take", "2.1.1"], "项目编号=值"),
    (["A", "B", "--reconcile", "--take", "2.1.1=c"], "a 或 b"),
    (["A", "B", "--reconcile", "--take", "2.1.1=b", "--take", "2.5.5=a"], "理由"),
    (["A", "B", "--reconcile", "--take", "2.1.1=b", "--answer", "2.1.1=3"], "只能给一个"),
    (["A", "B", "--reconcile", "--reason", "2.1.1=x"], "没有 --take"),
    (["A", "B", "--take", "2.1.1=b"], "--reconcile"),
    (["--reconcile"], "--reconcile"),
    (["A", "B", "--reconcile", "--answer", "2.1.1=很多", "--reason", "2.1.1=x", "--take", "2.5.5=a",
      "--reason", "2.5.5=y"], "2.1.1"),
])
def test_bad_input_is_one_sentence_and_writes_nothing(db, capsys, argv, phrase):
    path, a, b, other = db
    names = {"A": a, "B": b, "OTHER": other, "A_ONLY": a}
    code, out, err = _run(capsys, "compare", "--db", path, *[names.get(x, x) for x in argv])
    assert code == 1 and out == ""
    assert phrase in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    with Store.open(path, daily_backup=False, backup_on_close=False) as store:
        assert store.reconciliations.all() == [] and len(store.inspections.ids()) == 3


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=12), max_size=4))
def test_any_reconcile_options_succeed_or_fail_in_one_sentence(db, capsys, texts):
    path, a, b, _ = db
    argv = ["compare", "--db", path, a, b, "--reconcile"]
    for n, text in enumerate(texts):
        argv.append(f"{('--take', '--answer', '--reason')[n % 3]}={text}")
    code, out, err = _run(capsys, *argv)
    assert code in (0, 1)
    if code == 1:
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_inspection_is_named_by_the_beginning_of_its_id_as_the_window_shows_it(db, capsys, tmp_path):
    path, a, b, _ = db
    full = _run(capsys, "compare", "--db", path, a, b, "--json")
    short = _run(capsys, "compare", "--db", path, a[:8], b[:8], "--json")
    assert full[0] == short[0] == 0 and full[1] == short[1]
    code, out, err = _run(capsys, "sheet", "--db", path, a[:8], "-o", tmp_path / "a.pdf")
    assert code == 0 and (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF"), err
    code, _, err = _run(capsys, "compare", "--db", path, a[:3], b)  # too short to name one: not guessed
    assert code == 1 and "找不到检查记录" in err and "summary" in err


def test_a_beginning_two_inspections_share_is_refused_with_what_to_do(tmp_path, capsys):
    path = tmp_path / "twins.db"
    with Store.open(path, device="t", daily_backup=False, backup_on_close=False) as store:
        new_id = store.db.new_id
        store.db.new_id = lambda: "abcd" + new_id()[4:]  # every record's id begins alike
        made = [finished_inspection(store, village_name=name) for name in ("梅花村", "桃花村")]
    code, _, err = _run(capsys, "sheet", "--db", path, "abcd", "-o", tmp_path / "x.pdf")
    assert code == 1 and "以 abcd 开头的检查不止一份,请多写几位编号" in err and not (tmp_path / "x.pdf").exists()
    n = next(k for k in range(5, 36) if made[0][:k] != made[1][:k])
    code, out, err = _run(capsys, "sheet", "--db", path, made[0][:n], "-o", tmp_path / "x.pdf")
    assert code == 0 and (tmp_path / "x.pdf").exists(), err
