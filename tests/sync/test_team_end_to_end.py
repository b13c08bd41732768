"""Three inspectors split one village on three laptops; bundles travel in shuffled orders; the leader sees one result."""

from __future__ import annotations

import json
import random
import shutil

from fieldcheck.__main__ import main


def test_three_inspectors_a_leader_and_shuffled_bundles(tmp_path, monkeypatch, capsys, language):
    language("en")
    def run(device: str, *args: str) -> str:
        monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path / f"home-{device}"))
        monkeypatch.setenv("FIELDCHECK_DEVICE", device)
        capsys.readouterr()
        assert main(list(args)) == 0, capsys.readouterr().err
        return capsys.readouterr().out

    db = {d: str(tmp_path / f"{d}.db") for d in ("L", "A", "B", "C")}
    run("L", "demo", "--db", db["L"], "--villages", "1")
    rows = json.loads(run("L", "summary", "--db", db["L"], "--json"))
    village = next(r["id"] for r in rows if r["status"] == "draft" and r["rubric"] == "village-work-team")
    run("L", "bundle", "export", "--db", db["L"], "-o", str(tmp_path / "usb-L" / "team.fcbundle"))
    for d in "ABC":
        run(d, "bundle", "import", "--db", db[d], str(tmp_path / "usb-L" / "team.fcbundle"), "--trust")
    shutil.copy(db["L"], tmp_path / "L-start.db")

    # the split: handbooks, households, ledgers; A and B both decide 2.5.4, differently
    run("A", "inspection", "set", "--db", db["A"], village, "2.5.4", "true")
    run("A", "inspection", "set", "--db", db["A"], village, "3.1.1", "true")
    run("B", "inspection", "set", "--db", db["B"], village, "2.5.4", "false")
    run("B", "inspection", "set", "--db", db["B"], village, "2.5.5", "基本满意")
    run("C", "inspection", "set", "--db", db["C"], village, "2.6.1", "na")
    run("C", "inspection", "set", "--db", db["C"], village, "3.3.1", "false")
    bundles = []
    for d in "ABC":
        out = tmp_path / f"usb-{d}" / f"{d}-1.fcbundle"
        run(d, "bundle", "export", "--db", db[d], "-o", str(out))
        bundles.append(str(out))
    # inspectors pass bundles to each other too
    run("A", "bundle", "import", "--db", db["A"], bundles[1], bundles[2], "--trust")
    run("C", "bundle", "import", "--db", db["C"], bundles[0], "--trust")

    results = set()
    for n in range(3):  # three leaders' databases, each taking the bundles in its own order, twice over
        leader = tmp_path / f"L{n}.db"
        shutil.copy(tmp_path / "L-start.db", leader)
        order = bundles * 2
        random.Random(n).shuffle(order)
        report = run("L", "bundle", "import", "--db", str(leader), *order, "--trust")
        assert "0 new" in report.splitlines()[-1]  # the second copy of a bundle adds nothing
        summary = run("L", "summary", "--db", str(leader), "--json")
        conflicts = run("L", "conflicts", "--db", str(leader), "--json")
        results.add((summary, conflicts))
    assert len(results) == 1
    (summary, conflicts), = results
    (conflict,) = json.loads(conflicts)
    assert conflict["item"] == "2.5.4" and sorted(s["value"] for s in conflict["sides"]) == [False, True]
    assert {s["device"] for s in conflict["sides"]} == {"A", "B"}
    row = next(r for r in json.loads(summary) if r["id"] == village)
    assert row["findings"] >= 5

    # the leader decides; the decision travels back to inspector B
    leader = str(tmp_path / "L0.db")
    run("L", "conflicts", "resolve", "--db", leader, conflict["id"], "--value", "true")
    assert json.loads(run("L", "conflicts", "--db", leader, "--json")) == []
    out = tmp_path / "usb-L" / "decision.fcbundle"
    run("L", "bundle", "export", "--db", leader, "-o", str(out))
    run("B", "bundle", "import", "--db", db["B"], str(out), "--trust")
    assert json.loads(run("B", "conflicts", "--db", db["B"], "--json")) == []
    assert run("B", "summary", "--db", db["B"], "--json") == run("L", "summary", "--db", leader, "--json")


def test_cli_verify_says_what_is_wrong_in_one_sentence(tmp_path, monkeypatch, capsys, language):
    language("en")
    monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path / "home"))
    db = str(tmp_path / "a.db")
    assert main(["demo", "--db", db, "--villages", "1"]) == 0
    assert main(["bundle", "export", "--db", db, "-o", str(tmp_path / "usb" / "a")]) == 0
    capsys.readouterr()
    assert main(["bundle", "verify", str(tmp_path / "usb" / "a.fcbundle")]) == 0
    assert "the bundle is sound" in capsys.readouterr().out
    (tmp_path / "bad.fcbundle").write_bytes(b"PK\x03\x04 not really")
    assert main(["bundle", "verify", str(tmp_path / "bad.fcbundle")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a bundle or is damaged" in err and "Traceback" not in err
    assert main(["bundle", "import", "--db", db, str(tmp_path / "missing.fcbundle")]) == 1
    assert "file not found" in capsys.readouterr().err
    assert main(["conflicts", "--db", db]) == 0
    assert "no conflicts" in capsys.readouterr().out
    assert main(["conflicts", "resolve", "--db", db, "nope", "--value", "1"]) == 1
    assert "no conflict with id nope" in capsys.readouterr().err
