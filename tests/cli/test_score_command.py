"""`fieldcheck score`, `rubric list` and `rubric show` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

XIZE_ANSWERS = {"rubric": "village-work-team",
                "answers": {"2.1.4": 3, "1.2": 2, "3.1.2": ["民情日记"], "2.4.1": {"not_done": 1},
                            "2.3.2": {"selected": ["宣传栏", "标语"]}, "2.5.4": False, "2.5.5": "基本满意",
                            "4.1": True, "2.6.1": "na"}}
HENGYANG_ANSWERS = {"rubric": "hengyang-2015", "assessee": {"name": "衡阳县"},
                    "answers": {"1.1": 14.5, "1.2": True, "4": 54, "6.2": {"actual": 40, "target": 50},
                                "veto": False}}


def run(*args, lang="zh", stdin=None):
    env = dict(os.environ, FIELDCHECK_LANG=lang)
    return subprocess.run([sys.executable, "-m", "fieldcheck", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, input=stdin)


def write(tmp_path, doc, name="answers.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_score_json_has_every_node_and_plain_numbers(tmp_path):
    proc = run("score", "village-work-team", write(tmp_path, XIZE_ANSWERS), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) >= {"rubric", "rubric_version", "total", "max", "grade", "complete", "nodes", "trace"}
    assert out["rubric"] == "village-work-team" and len(out["rubric_version"]) == 64
    assert (out["total"], out["max"], out["grade"], out["complete"]) == (175, 210, None, False)
    assert len(out["nodes"]) == 30 + 15  # every item and every section
    assert out["nodes"]["1.2"] == {"score": 0, "max": 4, "deduction": 4, "status": "deducted"}
    assert [e["node"] for e in out["trace"]] == ["1.2", "2.1.4", "2.4.1", "2.5.4", "2.5.5", "3.1.2", "4.1"]
    first = out["trace"][0]
    assert first["rule"] == "每缺少一项扣2分,扣完20分为止。" and first["input"] == 2 and first["amount"] == 4


def test_score_by_path_and_decimals(tmp_path):
    proc = run("score", str(ROOT / "rubrics" / "hengyang-2015.yaml"), write(tmp_path, HENGYANG_ANSWERS), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["total"] == 90.9 and out["nodes"]["4"]["deduction"] == 2.1
    assert '"deduction": 2.1' in proc.stdout and "2.0999" not in proc.stdout


def test_score_text_is_a_readable_chinese_table(tmp_path):
    proc = run("score", "village-work-team", write(tmp_path, XIZE_ANSWERS))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("脱贫攻坚考核方案考核细则(village-work-team")
    assert any(line.startswith("1.2 ") and "0/4" in line and "扣4" in line for line in lines)
    # nine of thirty items answered: 暂计, no grade, and what is still open
    assert "暂计 175 / 210   等级:待定(尚未检查完)   已答 9/30 项,尚有" in proc.stdout
    assert "2.1.4 签字:发现 3 处 × 2 分 = 扣 6 分" in proc.stdout
    assert "本结果采用的解读(原文未明确处):" in proc.stdout
    assert any(line.startswith("  [pool-by-section] ") and "2.1.4" in line for line in lines)
    assert any(line.startswith("  [ten-duties-local-default] ") for line in lines)


def test_score_text_in_english(tmp_path):
    proc = run("score", "hengyang-2015", write(tmp_path, HENGYANG_ANSWERS), lang="en")
    assert proc.returncode == 0, proc.stderr
    assert "Provisional 90.9 / 100   grade: pending" in proc.stdout and "Assessee: 衡阳县(县市)" in proc.stdout
    assert "Ranking:" not in proc.stdout  # the veto item is answered (false)


def test_answers_from_stdin():
    proc = run("score", "village-work-team", "-", "--json", stdin=json.dumps({"answers": {"3.4.1": 1}}))
    assert proc.returncode == 0 and json.loads(proc.stdout)["total"] == 195


@pytest.mark.parametrize("answers,message", [
    ({"9.9.9": 1}, "9.9.9:细则中没有这个编号"),
    ({"2.1.1": -1}, "2.1.1 基础信息:发现的处数不能是负数(填的是 -1)"),
    ({"2.1.1": "two"}, "2.1.1 基础信息:发现的处数应是 0 或正整数(填的是 two)"),
    ({"2.3.2": {"selected": ["广播"]}}, "2.3.2 宣传方式:没有「广播」这一项,可选:宣传栏、宣传页、宣传横幅、标语"),
    ({"2.5.5": "很满意"}, "2.5.5 满意度:评价只能是 满意、基本满意、不满意 之一(填的是 很满意)"),
    ({"3.1.2": "民情日记"}, "3.1.2 扶贫档案材料:缺少的项应是 0 或正整数(填的是 民情日记)"),
])
def test_bad_answers_give_one_clear_message(tmp_path, answers, message):
    proc = run("score", "village-work-team", write(tmp_path, {"answers": answers}))
    assert proc.returncode == 1
    assert proc.stderr.strip() == message
    assert proc.stdout == ""


@pytest.mark.parametrize("make,message", [
    (lambda p: str(p / "none.json"), "找不到文件"),
    (lambda p: (p / "bad.json").write_text("{", encoding="utf-8") and str(p / "bad.json"), "不是有效的 JSON"),
    (lambda p: (p / "list.json").write_text("[1]", encoding="utf-8") and str(p / "list.json"), "答案文件应为"),
    (lambda p: (p / "other.json").write_text('{"rubric": "hengyang-2015", "answers": {}}', encoding="utf-8")
     and str(p / "other.json"), "答案文件是为细则「hengyang-2015」写的"),
])
def test_bad_files_give_one_clear_message(tmp_path, make, message):
    proc = run("score", "village-work-team", make(tmp_path))
    assert proc.returncode == 1
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_rubric(tmp_path):
    proc = run("score", "no-such-rubric", write(tmp_path, XIZE_ANSWERS))
    assert proc.returncode == 1
    assert proc.stderr.startswith("没有 id 为「no-such-rubric」的细则;已安装:")


def test_rubric_list_json():
    proc = run("rubric", "list", "--json")
    assert proc.returncode == 0
    listed = {r["id"]: r for r in json.loads(proc.stdout)}
    assert set(listed) == {"village-work-team", "hengyang-2015", "county-township"}
    assert listed["hengyang-2015"]["title"] == "2015年衡阳市精准扶贫工作考核量化考评表"
    assert Path(listed["village-work-team"]["path"]).name == "village-work-team.yaml"
    assert all(len(r["version"]) == 64 for r in listed.values())


def test_rubric_show_prints_the_tree_with_points():
    proc = run("rubric", "show", "village-work-team")
    assert proc.returncode == 0
    assert "满分 210 分" in proc.stdout
    assert "    2.1.4 签字  6分  [按次扣分] 每发现一处扣 2 分;本节(2.1 扶贫手册填写)扣完 30 分为止" in proc.stdout
    assert "  4.1 宣传报道、国检省检第三方评估靠前  5分  [加分] 符合条件加 5 分" in proc.stdout
    # the declared readings, after the tree: what the rubric takes where the text is silent
    readings = proc.stdout.split("解读(原文未明确之处,本细则的取舍):")[1]
    assert "  ten-duties-local-default  [2.4.1] 原文未列出\"十个一\"的内容" in readings
    assert "  village-exit-split  [2.6.1、2.6.2] 2.6 两款未分别给分" in readings
    english = run("rubric", "show", "village-work-team", lang="en").stdout
    assert "  ten-duties-local-default  [2.4.1] The text names 十个一 without listing them" in english


def test_a_finished_park_is_not_graded_rather_than_the_rubric_having_no_grades(tmp_path):
    park = {"rubric": "hengyang-2015", "assessee": {"name": "白沙工业园"},
            "answers": {"1.1": 15.5, "1.2": True, "5.1": True, "5.2": True, "5.3": True,
                        "6.2": {"actual": 10, "target": 10}, "7.2": True, "9.2": True, "10": 100, "veto": False}}
    proc = run("score", "hengyang-2015", write(tmp_path, park))
    assert proc.returncode == 0, proc.stderr
    assert "合计 64 / 65   等级:本单位不评等级" in proc.stdout and "未设等级" not in proc.stdout
    assert "2       精准扶贫到人到户                  0/0         本单位不计" in proc.stdout
