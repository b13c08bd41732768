"""``fieldcheck assign`` and ``bundle export --for`` as a leader types them, bad input included."""

from __future__ import annotations

import json

import pytest

from fieldcheck.__main__ import main
from fieldcheck.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "leader.db"
    assert main(["household", "add", "--db", str(path), "--village", "衡阳县/西渡镇/梅花村", "--name", "王大"]) == 0
    assert main(["household", "add", "--db", str(path), "--village", "衡阳县/西渡镇/桃村", "--name", "李二"]) == 0
    return path


def add(db, *assessees, inspector="张三", date="2026-11-23", rubric="village-work-team"):
    return main(["assign", "add", "--db", str(db), "--inspector", inspector, "--date", date, "--rubric", rubric,
                 *assessees, "--json"])


def test_add_list_remove(db, capsys):
    capsys.readouterr()
    assert add(db, "梅花村", "衡阳县/西渡镇/桃村") == 0
    made = json.loads(capsys.readouterr().out)
    assert [m["assessee"] for m in made] == ["衡阳县/西渡镇/梅花村", "衡阳县/西渡镇/桃村"]
    assert all(m["status"] == "draft" and m["inspector"] == "张三" for m in made)
    assert main(["assign", "list", "--db", str(db)]) == 0
    text = capsys.readouterr().out
    assert text.count("张三") == 2 and "待检查" in text
    assert main(["assign", "remove", "--db", str(db), made[0]["id"][:8]]) == 0
    assert "一并删除" in capsys.readouterr().out
    assert main(["assign", "list", "--db", str(db), "--json"]) == 0
    (left,) = json.loads(capsys.readouterr().out)
    assert left["id"] == made[1]["id"]
    with Store.open(db, daily_backup=False, backup_on_close=False) as store:
        assert store.inspections.get(made[0]["inspection_id"]).deleted
        assert store.inspections.get(made[1]["inspection_id"]).inspectors == ["张三"]


@pytest.mark.parametrize("args, says", [
    ({"assessees": ["杏村"]}, "没有被考核单位「杏村」"),
    ({"rubric": "no-such-rubric"}, "没有 id 为「no-such-rubric」的细则"),
    ({"date": "2026-02-30"}, "日期「2026-02-30」无效"),
    ({"date": "明天"}, "日期「明天」无效"),
    ({"inspector": "  "}, "请填写检查人员姓名"),
])
def test_bad_input_is_one_sentence_and_writes_nothing(db, capsys, args, says):
    capsys.readouterr()
    assessees = args.pop("assessees", ["梅花村"])
    assert add(db, *assessees, **args) == 1
    out = capsys.readouterr()
    assert says in out.err and "Traceback" not in out.err and out.err.count("\n") == 1
    with Store.open(db, daily_backup=False, backup_on_close=False) as store:
        assert store.assignments.all() == [] and store.inspections.ids() == []


def test_the_same_visit_twice_and_an_unknown_id_are_refused(db, capsys):
    assert add(db, "梅花村") == 0
    capsys.readouterr()
    assert add(db, "梅花村") == 1
    assert "已有「梅花村」的任务" in capsys.readouterr().err
    assert main(["assign", "remove", "--db", str(db), "zzzz"]) == 1
    assert "找不到任务 zzzz" in capsys.readouterr().err


def test_export_for_an_inspector_and_import(db, tmp_path, capsys):
    assert add(db, "梅花村") == 0
    out = tmp_path / "usb" / "zhang.fcbundle"
    assert main(["bundle", "export", "--db", str(db), "--for", "张三", "-o", str(out)]) == 0
    assert "张三" in capsys.readouterr().out
    laptop = tmp_path / "zhang.db"
    assert main(["bundle", "import", "--db", str(laptop), "--trust", str(out)]) == 0
    assert "收到 1 项检查任务;在窗口的检查列表中勾选「我的任务」即可看到" in capsys.readouterr().out
    assert main(["assign", "list", "--db", str(laptop), "--inspector", "张三", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["assessee"] == "衡阳县/西渡镇/梅花村"
    assert main(["bundle", "export", "--db", str(db), "--for", "李四", "-o", str(out)]) == 1
    assert "「李四」没有任务" in capsys.readouterr().err


def test_publish_a_rubric(db, capsys):
    assert main(["assign", "publish", "--db", str(db), "village-work-team"]) == 0
    assert "已发布" in capsys.readouterr().out
    assert main(["assign", "publish", "--db", str(db), "village-work-team"]) == 0
    assert "已是发布版本" in capsys.readouterr().out
    assert main(["assign", "publish", "--db", str(db), "nope"]) == 1


def test_inspection_add_uses_the_published_rubric(db, tmp_path, monkeypatch, capsys):
    from fieldcheck.shipped import rubrics_dir

    county = tmp_path / "county"
    county.mkdir()
    text = (rubrics_dir() / "village-work-team.yaml").read_text(encoding="utf-8")
    (county / "village-work-team.yaml").write_text(text.replace("一本民情日记", "一本村级扶贫档案"), encoding="utf-8")
    monkeypatch.setenv("FIELDCHECK_RUBRICS", str(county))
    assert main(["assign", "publish", "--db", str(db), "village-work-team"]) == 0
    monkeypatch.delenv("FIELDCHECK_RUBRICS")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"rubric": "village-work-team", "assessee": {"name": "衡阳县/西渡镇/梅花村"},
                                   "inspectors": ["张三"], "date": "2026-11-23", "answers": {"2.5.4": True}},
                                  ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["inspection", "add", "--db", str(db), str(answers)]) == 0
    made = capsys.readouterr().out.strip()
    with Store.open(db, daily_backup=False, backup_on_close=False) as store:
        assert "一本村级扶贫档案" in store.inspections.get(made).rubric.text


def test_an_assessee_the_rubric_does_not_score_is_refused_in_one_sentence(db, capsys):
    """As the new-inspection dialog offers only what a rubric scores: the 考核细则 a village, not its
    township; 衡阳's table only its own rows, each in its own group."""
    with Store.open(db, daily_backup=False, backup_on_close=False) as store:
        store.places.add("县市区", "衡南")  # the table's row is 衡南县
        store.places.add("县市区", "衡山县", group="区")  # a 县市 in the table
        store.places.add("县市区", "衡南县", group="县市")
    capsys.readouterr()
    for assessees, rubric, says in ((["西渡镇"], "village-work-team", "「西渡镇」是乡镇"),
                                    (["衡南"], "hengyang-2015", "是不是「衡南县」"),
                                    (["衡南县", "衡山县"], "hengyang-2015", "名册中却是「区」组")):
        assert add(db, *assessees, rubric=rubric) == 1
        out = capsys.readouterr()
        assert says in out.err and "Traceback" not in out.err and out.err.count("\n") == 1
        with Store.open(db, daily_backup=False, backup_on_close=False) as store:
            assert store.assignments.all() == [] and store.inspections.ids() == []
    assert add(db, "衡南县", rubric="hengyang-2015") == 0
    (made,) = json.loads(capsys.readouterr().out)
    assert made["assessee"] == "衡南县"
