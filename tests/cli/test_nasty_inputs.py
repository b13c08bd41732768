"""`score` and `inspection add` on hostile files: every one scores or exits 1 with one sentence.

The corpus is generated here (encodings, numbers no sheet could hold, deep nesting, lone
surrogates, counts of a million); a hypothesis test then throws arbitrary JSON at both
commands. A traceback, a second line of error or an exit code other than 0 and 1 fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck import i18n
from fieldcheck.cli import main
from fieldcheck.cli.common import load_answers_document, parse_json
from fieldcheck.engine import catalog
from fieldcheck.engine.scoring import score
from fieldcheck.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
HY = {"rubric": "hengyang-2015", "assessee": {"name": "衡阳县"}}
VW = {"rubric": "village-work-team", "assessee": {"name": "某县/某乡/某村"}}


def _dump(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


#: name → (bytes of the file, the exit code a person should get, a phrase the message must hold)
CORPUS: dict[str, tuple[bytes, int, str]] = {
    "utf8-bom": (b"\xef\xbb\xbf" + _dump({**HY, "answers": {"1.1": 15.8}}), 0, ""),
    "utf16-bom": (json.dumps({**HY, "answers": {"1.1": 15.8}}, ensure_ascii=False).encode("utf-16"), 0, ""),
    "utf16-be-bom": (b"\xfe\xff" + json.dumps({**HY, "answers": {"1.1": 15.8}}, ensure_ascii=False).encode("utf-16-be"), 0, ""),
    "gb18030": (json.dumps({**HY, "answers": {"1.1": 15.8}}, ensure_ascii=False).encode("gb18030"), 0, ""),
    "gbk": (json.dumps({**VW, "answers": {"2.5.5": "满意"}}, ensure_ascii=False).encode("gbk"), 0, ""),
    "full-width-number": (_dump({**HY, "answers": {"1.1": "１５．８", "6.3": ["２９．５", "３１"]}}), 0, ""),
    "full-width-json": ('｛"rubric"："hengyang-2015"，"assessee"：｛"name"："衡阳县"｝，"answers"：｛"1.1"：１５．８｝｝'
                        .encode(), 0, ""),
    "rating-as-list": (_dump({**VW, "answers": {"2.5.5": ["满意"]}}), 1, "2.5.5 满意度"),
    "target-1e30": (_dump({**HY, "answers": {"4": {"actual": 1, "target": 1e30}}}), 1, "4 危房改造"),
    "huge-exponent": (b'{"rubric": "hengyang-2015", "answers": {"1.1": 1e999999}}', 1, "1e999999"),
    "huge-exponent-text": (_dump({**HY, "answers": {"1.1": "1e999999"}}), 1, "1.1 减贫率"),
    "thousands-of-digits": (b'{"rubric": "hengyang-2015", "answers": {"1.1": ' + b"9" * 5000 + b"}}", 1, "999"),
    "tiny-exponent": (_dump({**HY, "answers": {"1.1": "1e-999999"}}), 1, "1.1 减贫率"),
    "nan": (b'{"rubric": "hengyang-2015", "answers": {"1.1": NaN}}', 1, "NaN"),
    "deep-nesting": (b"[" * 100_000 + b"]" * 100_000, 1, ""),
    "deep-but-parsable": (b'{"rubric": "village-work-team", "answers": {"1.1": ' + b"[" * 50 + b"]" * 50 + b"}}", 1, ""),
    "lone-surrogate-name": (b'{"rubric": "hengyang-2015", "assessee": {"name": "\\ud800\\u8861"}, "answers": {}}', 1,
                            "assessee"),
    "lone-surrogate-key": (b'{"rubric": "village-work-team", "answers": {"\\udc00": 1}}', 1, "answers"),
    "million-unnamed-elements": (_dump({"rubric": "county-township", "assessee": {"name": "某乡"},
                                        "answers": {"2.7": 1_000_000}}), 1, "2.7"),
    "million-cases": (_dump({**VW, "answers": {"2.1.1": 1_000_000}}), 1, "2.1.1 基础信息"),
    "na-where-it-cannot-be": (_dump({**HY, "answers": {"1.1": "na"}}), 1, "1.1 减贫率"),
    "unknown-assessee": (_dump({**HY, "assessee": {"name": "衡南"}, "answers": {}}), 1, "衡南县"),
    "city-total": (_dump({**HY, "assessee": {"name": "衡阳市"}, "answers": {}}), 1, "衡阳市"),
    "wrong-group": (_dump({**HY, "assessee": {"name": "衡阳县", "group": "区"}, "answers": {}}), 1, "县市"),
    "negative-money": (_dump({**HY, "answers": {"6.3": [-5]}}), 1, "金额不能是负数"),
    "empty": (b"", 1, ""),
    "whitespace": (b"   \n", 1, ""),
    "binary": (bytes(range(256)) * 4, 1, ""),
    "top-level-list": (b"[1, 2, 3]", 1, ""),
    "answers-a-list": (b'{"rubric": "village-work-team", "answers": [1]}', 1, ""),
    "assessee-a-string": (_dump({**HY, "assessee": "衡阳县", "answers": {}}), 1, ""),
    "rubric-a-number": (b'{"rubric": 7, "answers": {}}', 1, ""),
    "rubric-a-huge-name": (_dump({"rubric": "x" * 5000, "answers": {}}), 1, ""),
    "many-answers": (_dump({**VW, "answers": {str(i): 1 for i in range(5000)}}), 1, ""),
    "bad-date": (_dump({**VW, "date": "昨天", "answers": {}}), 1, ""),
    "inspectors-a-string": (_dump({**VW, "inspectors": "王芳", "answers": {}}), 1, ""),
}


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def _check(code: int, err: str, expect_code: int | None = None, phrase: str = "") -> None:
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err
    if code == 1:
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, err  # one sentence
        assert len(lines[0]) < 400, err
    if expect_code is not None:
        assert code == expect_code, err
    assert phrase in err


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_score_on_a_nasty_file(name, tmp_path, capsys):
    data, code, phrase = CORPUS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(data)
    rubric = "village-work-team"
    for rid in ("hengyang-2015", "county-township"):
        if rid.encode() in data or rid.encode("utf-16")[2:] in data or rid.encode("utf-16-be") in data:
            rubric = rid
    with i18n.using("zh"):
        got, _, err = _run(["score", rubric, str(path)], capsys)
    if name in ("bad-date", "inspectors-a-string", "rubric-a-number", "rubric-a-huge-name"):
        _check(got, err)  # score reads only rubric, assessee and answers
    else:
        _check(got, err, code, phrase)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_inspection_add_on_a_nasty_file(name, tmp_path, capsys):
    data, code, phrase = CORPUS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(data)
    db = tmp_path / "fc.db"
    with i18n.using("zh"):
        got, out, err = _run(["inspection", "add", "--db", str(db), str(path)], capsys)
    _check(got, err, code if name != "full-width-number" else None)
    if got == 1 and db.exists():  # nothing half-written
        count = subprocess.run([sys.executable, "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]);"
                                "print(c.execute('select count(*) from inspections').fetchone()[0])", str(db)],
                               capture_output=True, text=True)
        assert count.stdout.strip() in ("0", ""), count.stderr
    assert db.stat().st_size < 2_000_000 if db.exists() else True


def test_a_million_unnamed_elements_write_nothing(tmp_path, capsys):
    path = tmp_path / "m.json"
    path.write_bytes(CORPUS["million-unnamed-elements"][0])
    db = tmp_path / "fc.db"
    code, _, err = _run(["inspection", "add", "--db", str(db), str(path)], capsys)
    assert code == 1 and "2.7" in err
    assert not db.exists() or db.stat().st_size < 1_000_000


@pytest.mark.parametrize("name", ["deep-nesting", "lone-surrogate-name", "gb18030", "thousands-of-digits"])
def test_the_real_command_line_never_shows_a_traceback(name, tmp_path):
    data, code, phrase = CORPUS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-m", "fieldcheck", "score", "hengyang-2015", str(path)],
                          capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, FIELDCHECK_LANG="en"))
    assert done.returncode == code and "Traceback" not in done.stderr, done.stderr
    if code:
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr


# --- any JSON at all ---------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12) | st.sampled_from(["na", "不适用", "满意", "１２．５", "1e400", "-0", "3"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)

RUBRICS = {r.id: r for r in catalog.installed()}


@st.composite
def documents(draw):
    rubric = draw(st.sampled_from(sorted(RUBRICS)))
    ids = [i.id for i in RUBRICS[rubric].items()]
    answers = draw(st.dictionaries(st.sampled_from(ids) | st.text(max_size=5), JSON, max_size=6))
    doc = {"rubric": rubric, "answers": answers}
    if RUBRICS[rubric].targets:
        doc["assessee"] = draw(st.sampled_from([{"name": "衡阳县"}, {"name": "珠晖区"}, {"name": "白沙工业园"}])
                               | st.dictionaries(st.sampled_from(["name", "group"]), JSON, max_size=2) | JSON)
    whole = draw(st.one_of(st.just(doc), JSON))
    return rubric, whole


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=documents(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_any_json_scores_or_fails_in_one_sentence(case, encoding, capsys):
    rubric, doc = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.json"
        try:
            path.write_bytes(json.dumps(doc, ensure_ascii=False).encode(encoding))
        except UnicodeEncodeError:  # a lone surrogate drawn: write it escaped, as JSON allows
            path.write_bytes(json.dumps(doc).encode("utf-8"))
        code, out, err = _run(["score", rubric, str(path), "--json"], capsys)
        _check(code, err)
        if code == 0:
            result = json.loads(out)
            assert (result["grade"] is None) or result["complete"]
            assert 0 <= result["total"] <= result["max"]
            assert all(s.strip() for s in (out,))
        code, _, err = _run(["inspection", "add", "--db", str(Path(folder) / "fc.db"), str(path)], capsys)
        _check(code, err)


@settings(max_examples=400, deadline=None)
@given(case=documents())
def test_any_json_document_scores_or_raises_one_user_error(case):
    """The same, in process and many more times: read, split, score; only a UserError may come out."""
    rubric_id, doc = case
    rubric = RUBRICS[rubric_id]
    try:
        parsed = parse_json(json.dumps(doc), "a.json")
        assessee, answers = load_answers_document(parsed, rubric.id)
        result = score(rubric, answers, assessee)
    except UserError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 400
        return
    json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")  # printable and storable
    assert (result.grade is None) or result.complete
