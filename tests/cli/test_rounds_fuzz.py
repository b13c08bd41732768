"""A township's rounds file with anything in it: `fieldcheck rounds` prints the ledger or says what is wrong in one
sentence, never a traceback. The malformed-file tests name each mistake an office makes; these throw arbitrary ones.

- Any field of a valid file (a round, a person, a unit, a score, at any depth) replaced by any YAML value.
- Bytes flipped, cut off or inserted anywhere in the file.
"""

from __future__ import annotations

import contextlib
import copy
import io
import itertools
import json

import yaml
from damagekit import damaged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck.cli import main
from tests.results.township import VILLAGES, scores, township

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_FRESH = itertools.count()

#: every kind of round and every way a round gives its standing
GOOD = township([
    {"id": "2月", "kind": "双月观摩", "scores": scores(), "task_met": ["吴村官"]},
    {"id": "4月", "kind": "双月观摩", "order": [VILLAGES[0], [VILLAGES[1], VILLAGES[2]], *VILLAGES[3:]]},
    {"id": "半年", "kind": "半年考核", "scores": scores(), "on_schedule": {"扶贫办": True, "创业办": False}},
    {"id": "年终", "kind": "年终总评", "scores": scores(), "on_schedule": {"扶贫办": False, "创业办": True}},
])

#: what a field may be replaced by: any YAML value, and the ones that broke readers elsewhere
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats()
    | st.text(max_size=20) | st.dates() | st.sampled_from(["", "双月观摩", "永安村", "吴村官", "扶贫办", "1e400", "-0",
                                                           "\u202e", "１２３", "2026-13-45"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6) | st.integers(0, 3), inner,
                                                                 max_size=3),
    max_leaves=6)


def _paths(value, trail=()):
    """Every place in the document a value sits at: mapping keys and list entries, at any depth."""
    if trail:
        yield trail
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*trail, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*trail, index))


PATHS = sorted(_paths(GOOD), key=repr)


def _said(tmp_path, text: bytes | str) -> tuple[int, str, str]:
    path = tmp_path / f"town-{next(_FRESH)}.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["rounds", str(path), "--json"])
    return code, out.getvalue(), err.getvalue()


def _ledger_or_one_sentence(code: int, out: str, err: str) -> None:
    if code == 0:
        json.loads(out)  # the whole ledger, nothing cut off
        return
    assert code == 1 and out == "", (code, out, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


@FUZZ
@given(path=st.sampled_from(PATHS), value=VALUES)
def test_any_field_replaced_by_any_value_is_a_ledger_or_one_sentence(tmp_path, path, value):
    data = copy.deepcopy(GOOD)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    _ledger_or_one_sentence(*_said(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))


GOOD_TEXT = yaml.safe_dump(GOOD, allow_unicode=True, sort_keys=False).encode("utf-8")


@FUZZ
@given(data=st.data())
def test_a_file_with_damaged_bytes_is_a_ledger_or_one_sentence(tmp_path, data):
    raw = damaged(data, GOOD_TEXT, inserts=st.binary(min_size=1, max_size=32) | st.sampled_from(
        [b"&a x", b"*a", b"!!python/object:os.system", b"\t", b": :", b"- [", b"{", b"\xef\xbb\xbf", b"\x00"]))
    _ledger_or_one_sentence(*_said(tmp_path, raw))


def test_the_fuzzed_file_is_a_ledger_as_it_stands(tmp_path):
    code, out, err = _said(tmp_path, GOOD_TEXT)
    assert code == 0, err
    assert [r["id"] for r in json.loads(out)["rounds"]] == ["2月", "4月", "半年", "年终"]


def test_a_control_character_from_a_damaged_byte_is_one_sentence_with_its_line(tmp_path, language):
    """PyYAML's reader refuses it before parsing, where the reader's ReaderError was left as a traceback."""
    language("en")
    lines = GOOD_TEXT.split(b"\n")
    lines[2] = b"\x07" + lines[2]
    code, out, err = _said(tmp_path, b"\n".join(lines))
    assert _one_sentence_said(code, out, err).endswith(":3: holds a control character, not text; the file may be "
                                                       "damaged: check this line")
    code, out, err = _said(tmp_path, b"\x00" + GOOD_TEXT)
    assert ":1: holds a control character" in _one_sentence_said(code, out, err)


def _one_sentence_said(code: int, out: str, err: str) -> str:
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, (code, out, err)
    return err.strip()
