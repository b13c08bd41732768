"""``fieldcheck bundle history`` and ``fieldcheck conflicts accept|reject|undo|decisions`` on real databases."""

from __future__ import annotations

import hashlib
import json

import pytest
from leaderkit import three_inspectors

from fieldcheck.__main__ import main


@pytest.fixture
def team(tmp_path):
    made = three_inspectors(tmp_path)
    for device in ("A", "B", "C", "L"):
        made.store(device).close()  # the commands open the files themselves
    made.stores.clear()
    yield made
    made.close()


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_bundle_history_lists_every_import_with_its_hash(team, capsys, tmp_path):
    db = str(tmp_path / "L.db")
    code, out, _ = _run(capsys, "bundle", "history", "--db", db)
    assert code == 0 and "还没有导入" in out
    assert _run(capsys, "bundle", "import", "--db", db, "--trust", *map(str, team.bundles))[0] == 0
    assert _run(capsys, "bundle", "import", "--db", db, str(team.bundles[0]))[0] == 0  # again: 0 new
    code, out, _ = _run(capsys, "bundle", "history", "--db", db, "--json")
    rows = json.loads(out)
    assert code == 0 and [r["device"] for r in rows] == ["A", "C", "B", "A"]  # newest first
    assert rows[-1]["sha256"] == hashlib.sha256(team.bundles[0].read_bytes()).hexdigest()
    assert rows[-1]["inspector"] == "检查员A" and rows[-1]["new"] > 0 and rows[0]["new"] == 0
    assert rows[1]["conflicts"] >= 1 or rows[2]["conflicts"] >= 1
    code, out, _ = _run(capsys, "bundle", "history", "--db", db)
    assert code == 0 and "B.fcbundle" in out and "检查员B" in out


def test_decide_undo_and_undo_refused_after_export(team, capsys, tmp_path):
    db = str(tmp_path / "L.db")
    _run(capsys, "bundle", "import", "--db", db, "--trust", *map(str, team.bundles))
    code, out, _ = _run(capsys, "conflicts", "--db", db, "--json")
    found = {c["kind"]: c for c in json.loads(out)}
    code, out, _ = _run(capsys, "conflicts", "--db", db)
    assert "2.5.4 " in out and "达标" in out and "签字后到达" in out
    late = found["after-signing"]["id"]
    assert _run(capsys, "conflicts", "reject", "--db", db, late, "--reason", "签字后不得补记")[0] == 0
    code, out, _ = _run(capsys, "conflicts", "undo", "--db", db)
    assert code == 0 and "已撤销" in out
    code, out, _ = _run(capsys, "conflicts", "accept", "--db", db, late, "--reason", "属实")
    assert code == 0 and "重新签字" in out
    code, out, _ = _run(capsys, "conflicts", "decisions", "--db", db, "--json")
    decisions = json.loads(out)
    assert [d["kind"] for d in decisions] == ["accept", "reject"]
    assert decisions[1]["undone_at"] and decisions[1]["reason"] == "签字后不得补记"
    assert _run(capsys, "bundle", "export", "--db", db, "-o", str(tmp_path / "out" / "L.fcbundle"))[0] == 0
    code, out, err = _run(capsys, "conflicts", "undo", "--db", db)
    assert code == 1 and "已随同步包导出" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    code, out, err = _run(capsys, "conflicts", "undo", "--db", str(tmp_path / "A.db"))
    assert code == 1 and "没有可撤销的决定" in err


def test_db_and_json_given_before_the_action_are_kept(team, capsys, tmp_path):
    # `conflicts --db L.db reject …`, as the group's help shows: the action's own --db, unset, must not
    # send the decision to the data folder's database
    db = str(tmp_path / "L.db")
    _run(capsys, "bundle", "import", "--db", db, "--trust", *map(str, team.bundles))
    code, out, _ = _run(capsys, "conflicts", "--db", db, "--json")
    late = next(c["id"] for c in json.loads(out) if c["kind"] == "after-signing")
    code, out, err = _run(capsys, "conflicts", "--db", db, "reject", late, "--reason", "签字后不得补记")
    assert code == 0, err
    code, out, _ = _run(capsys, "conflicts", "--db", db, "--json", "decisions")
    assert code == 0 and [d["kind"] for d in json.loads(out)] == ["reject"]
