"""Commands refused on bad input leave the database as it was, and a mistyped --db makes no database."""

from __future__ import annotations

import json

import pytest
from clikit import dump
from sheetkit import finished_inspection

from fieldcheck.cli import main
from fieldcheck.engine import catalog
from fieldcheck.store import Store

FULL_ID = "430421199001011234"


@pytest.fixture
def db(tmp_path, language):
    language("en")
    path = tmp_path / "w.db"
    store = Store.open(path, device="d", daily_backup=False, backup_on_close=False)
    with store.transaction():
        county = store.places.add("县", "荷坪县")
        town = store.places.add("乡镇", "杉山乡", county)
        village = store.places.add("村", "松水村", town)
        store.households.add(village, "罗刚")
        inspection = store.inspections.create(catalog.find("village-work-team"), assessee_id=village,
                                              assessee_name="", inspectors=["王芳"], date="2026-11-20")
    store.close()
    return path, inspection


@pytest.mark.parametrize("options, words", [
    (["--members", "abc"], "the number of members must be a whole number from 1 to 99"),
    (["--helper", FULL_ID], "the helper holds a whole ID number"),
    (["--name", f"张三{FULL_ID}"], "name holds a whole ID number"),
    (["--id-number", "12345"], "an ID number has 18 digits"),
])
def test_a_refused_household_leaves_no_new_village(db, options, words, capsys):
    path, _ = db
    before = dump(path)
    args = ["household", "add", "--db", str(path), "--village", "新县/新乡/新村", *options]
    if "--name" not in options:
        args += ["--name", "张三"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert dump(path) == before
    assert FULL_ID not in "\n".join(dump(path))


@pytest.mark.parametrize("command, rest", [
    (["household", "list"], []), (["household", "remove"], ["罗刚"]), (["sheet"], ["abc", "-o", "x.pdf"]),
    (["inspection", "set"], ["abc", "2.5.4", "true"]), (["conflicts"], []), (["assign", "list"], []),
])
def test_a_mistyped_db_is_not_made_into_an_empty_one(tmp_path, command, rest, capsys, language, monkeypatch):
    language("en")
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo.db"
    assert main([*command, "--db", str(missing), *rest]) == 1
    err = capsys.readouterr().err
    assert f"database not found: {missing}" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, words", [
    ("荷坪县/杉山乡", "'杉山乡' is a 乡镇, but the rubric"),
    ("新县/新乡/新村/新组", "is not a 县/乡镇/村 path of three levels"),
])
def test_inspection_add_refuses_an_assessee_the_rubric_does_not_score(db, tmp_path, name, words, capsys):
    path, _ = db
    before = dump(path)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"rubric": "village-work-team", "assessee": {"name": name}, "answers": {}},
                                  ensure_ascii=False), encoding="utf-8")
    assert main(["inspection", "add", "--db", str(path), str(answers)]) == 1
    assert words in capsys.readouterr().err
    assert dump(path) == before


def test_a_damaged_signature_image_is_refused_before_the_inspection_locks(db, tmp_path, capsys):
    path, _ = db
    store = Store.open(path, device="d", daily_backup=False, backup_on_close=False)
    inspection = finished_inspection(store, photos=0)
    store.close()
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"JUNKJUNK")
    before = dump(path)
    assert main(["inspection", "sign", "--db", str(path), inspection, "--signer", f"王芳:leader:{fake}"]) == 1
    err = capsys.readouterr().err
    assert "signature image of 王芳 is damaged" in err and "Traceback" not in err
    assert dump(path) == before
    # a whole PNG signs, and the signed inspection prints its sheet
    from fieldcheck.signing.strokes import render_png
    fake.write_bytes(render_png([[(0.1, 0.5), (0.9, 0.5)]]))
    assert main(["inspection", "sign", "--db", str(path), inspection, "--signer", f"王芳:leader:{fake}"]) == 0
    assert main(["sheet", "--db", str(path), inspection, "-o", str(tmp_path / "s.pdf")]) == 0
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
