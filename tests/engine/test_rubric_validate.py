"""`fieldcheck rubric validate` names every problem with its file and line, and never shows a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldcheck.cli import main
from fieldcheck.engine.rubric_file import check_text, load_text

ROOT = Path(__file__).resolve().parents[2]

GOOD = textwrap.dedent("""\
    id: tiny
    title: 小细则
    source: 测试
    children:
      - id: "1"
        title: 一节
        points: 10
        children:
          - id: "1.1"
            title: 错误
            points: 6
            cap: "1"
            rule: {type: per_occurrence, deduct: 2}
          - id: "1.2"
            title: 达标
            points: 4
            rule: {type: pass_fail}
    """)


def problems(text: str) -> list[tuple[int, str, str]]:
    _, found = check_text(text, "x.yaml")
    return [(p.line, p.severity, p.message) for p in found]


def errors(text: str) -> list[tuple[int, str]]:
    return [(line, msg) for line, sev, msg in problems(text) if sev == "error"]


def test_a_good_rubric_has_no_problems():
    assert problems(GOOD) == []


def test_unknown_rule_is_named_with_its_line():
    text = GOOD.replace("type: pass_fail", "type: pass_or_fail")
    assert errors(text) == [(17, "1.2 的规则类型「pass_or_fail」未知;可用:per_occurrence、per_event、missing_elements、"
                                 "duty_checklist、min_options、pass_fail、rating、metric、proportional、bonus、veto")]


def test_a_rule_number_written_without_a_value_is_refused_not_met_by_the_scorer():
    # found by the loader fuzz: "deduct:" with nothing after it loaded, then scoring raised
    text = GOOD.replace("rule: {type: pass_fail}", "rule: {type: pass_fail, deduct: null}")
    assert [line for line, _ in errors(text)] == [17]
    assert "deduct" in errors(text)[0][1]


def test_points_that_do_not_add_up():
    text = GOOD.replace("points: 4", "points: 3")
    assert errors(text) == [(5, "1 的分值不相加:下级合计 9 分,本节 10 分")]


def test_a_cap_naming_no_section():
    text = GOOD.replace('cap: "1"', 'cap: "9"')
    assert errors(text) == [(9, "1.1 的封顶「9」不是它所在的任何章节")]


def test_a_duplicate_id():
    text = GOOD.replace('id: "1.2"', 'id: "1.1"')
    assert errors(text) == [(14, "id「1.1」重复(第 9 行已用过)")]


def test_unquoted_ids_keep_their_text():
    rubric = load_text(GOOD.replace('id: "1.1"', "id: 1.1").replace('id: "1.2"', "id: 1.20"))
    assert [i.id for i in rubric.items()] == ["1.1", "1.20"]


def test_yaml_syntax_error_has_a_line():
    text = GOOD.replace("title: 一节", "title: [一节")
    (line, message), = errors(text)
    assert line > 0 and message.startswith("YAML 格式错误")


def test_a_duplicate_key_is_an_error():
    text = GOOD.replace("        points: 4\n", "        points: 4\n        points: 5\n")
    assert (17, "字段「points」在同一处出现两次") in errors(text)


def test_several_problems_are_all_reported():
    text = (GOOD.replace("type: pass_fail", "type: nope").replace('cap: "1"', 'cap: "2"')
            .replace("deduct: 2}", "deduct: 2, per: 3}"))
    found = errors(text)
    assert len(found) == 3
    assert {line for line, _ in found} == {9, 13, 17}


def test_missing_rule_fields_and_unknown_fields():
    text = GOOD.replace("rule: {type: per_occurrence, deduct: 2}", "rule: {type: per_occurrence}").replace(
        "title: 达标", "title: 达标\n        weight: 2")
    msgs = [m for _, m in errors(text)]
    assert "1.1 的 per_occurrence 规则缺少「deduct」" in msgs and "条目中有未知的字段「weight」" in msgs


def test_an_item_without_points_needs_a_cap():
    text = GOOD.replace("        points: 6\n        cap: \"1\"\n", "")
    assert (9, "1.1 没有分值,必须用 cap 指明扣分所在的章节") in errors(text)


def test_version_is_the_hash_of_the_content_not_of_the_formatting():
    a = load_text(GOOD)
    reformatted = GOOD.replace("rule: {type: per_occurrence, deduct: 2}", "rule:\n          deduct: 2\n"
                                                                           "          type: per_occurrence")
    b = load_text(reformatted + "\n# a comment\n")
    c = load_text(GOOD.replace("deduct: 2", "deduct: 3"))
    assert a.version == b.version != c.version
    assert len(a.version) == 64


def test_incomplete_rubric_reports_what_is_missing_as_warnings():
    text = GOOD.replace("source: 测试", "source: 测试\ncomplete: false\nmissing: [第二节缺失]")
    found = problems(text)
    assert found == [(1, "warning", "细则不完整:第二节缺失")]


def test_incomplete_without_saying_what_is_missing_is_an_error():
    text = GOOD.replace("source: 测试", "source: 测试\ncomplete: false")
    assert errors(text) == [(1, "标为不完整的细则要在 missing 里说明缺了什么")]


# --- the command -----------------------------------------------------------------------------------------------


def test_validate_command_passes_on_the_shipped_rubrics(capsys):
    files = sorted(str(p) for p in (ROOT / "rubrics").glob("*.yaml"))
    assert main(["rubric", "validate", *files]) == 0
    out = capsys.readouterr().out
    assert out.count("有效") == 3
    assert "county-township.yaml" in out and "不完整" in out


def test_validate_command_fails_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("type: pass_fail", "type: nope"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["rubric", "validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:17: 错误: 1.2 的规则类型「nope」未知" in captured.err
    assert "有效" in captured.out


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00garbage", b"- just\n- a list\n", b"id: [unclosed\n"])
def test_validate_never_shows_a_traceback(tmp_path, content):
    path = tmp_path / "weird.yaml"
    path.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "fieldcheck", "rubric", "validate", str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert str(path) in proc.stderr


def test_validate_a_missing_file(tmp_path, capsys):
    assert main(["rubric", "validate", str(tmp_path / "nope.yaml")]) == 1
    assert "文件不存在" in capsys.readouterr().err
