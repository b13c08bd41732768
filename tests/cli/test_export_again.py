"""Exporting to a stick again: what is new travels; a bundle deleted from the stick is sent again with --all."""

from __future__ import annotations

import json
import zipfile

from clikit import demo, run


def _events(bundle) -> list[dict]:
    with zipfile.ZipFile(bundle) as z:
        return [json.loads(line) for line in z.read("events.jsonl").splitlines() if line.strip()]


def test_a_bundle_deleted_from_the_stick_is_sent_again_and_the_message_says_how(tmp_path, capsys, language):
    language("en")
    db = demo(tmp_path / "a.db", capsys)
    usb = tmp_path / "usb"
    assert run(["bundle", "export", "--db", db, "-o", usb / "1.fcbundle"], capsys)[0] == 0
    inspection = json.loads(run(["summary", "--db", db, "--json"], capsys)[1])[-1]["id"]
    assert run(["inspection", "set", "--db", db, inspection, "2.5.4", "true"], capsys)[0] == 0
    code, out, _ = run(["bundle", "export", "--db", db, "-o", usb / "2.fcbundle"], capsys)
    assert code == 0 and "incremental" in out
    for bundle in usb.iterdir():  # the stick emptied before the leader imported the edit
        bundle.unlink()
    code, out, _ = run(["bundle", "export", "--db", db, "-o", usb / "3.fcbundle"], capsys)
    assert code == 0 and not (usb / "3.fcbundle").exists()
    assert "nothing new" in out and "export again with --all" in out
    code, out, _ = run(["bundle", "export", "--db", db, "-o", usb / "4.fcbundle", "--all"], capsys)
    assert code == 0 and any(e["entity"] == "finding" and e["new"] is True for e in _events(usb / "4.fcbundle"))
