"""The sync screen: export to a folder with progress, import by drop with the report, the unknown-device question."""

from __future__ import annotations

import pytest

from fieldcheck.gui.qt import QtWidgets
from fieldcheck.gui.sync.sync_dialog import SyncDialog
from fieldcheck.ops.demo import populate
from fieldcheck.store import Store


@pytest.fixture
def two_laptops(tmp_path):
    a = Store.open(tmp_path / "a.db", device="A", daily_backup=False, backup_on_close=False)
    b = Store.open(tmp_path / "b.db", device="B", daily_backup=False, backup_on_close=False)
    populate(a, villages=1, seed=2)
    yield a, b
    a.close()
    b.close()


def _wait(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.done.is_set(), timeout=20000)
    qtbot.wait(50)  # the finished signal is queued to the window's thread


def _exported(qtbot, store, tmp_path):
    """The exchange dialog of ``store``, having exported to a new folder "usb"; the dialog and the folder."""
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = SyncDialog(store)
    qtbot.add_widget(dialog)
    dialog.folder.setText(str(usb))
    dialog.export_button.click()
    _wait(qtbot, dialog)
    return dialog, usb


def test_export_then_import_by_drop_with_the_trust_question(qtbot, two_laptops, tmp_path, monkeypatch):
    a, b = two_laptops
    out, usb = _exported(qtbot, a, tmp_path)
    (bundle,) = usb.glob("*.fcbundle")
    assert out.progress.value() == out.progress.maximum() and str(bundle) in out.message.text()

    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QtWidgets.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer)
    into = SyncDialog(b)
    qtbot.add_widget(into)
    into.drop.dropped.emit([bundle])  # what a drop of that file emits
    _wait(qtbot, into)
    assert asked and "A" in asked[0]
    qtbot.waitUntil(lambda: into.report.rowCount() == 1, timeout=20000)
    assert into.report.item(0, 1).text() == "A" and int(into.report.item(0, 2).text()) > 50
    assert len(b.inspections.rows()) == len(a.inspections.rows())
    # again: already there, nothing new, no question now that A is known
    into.start_import([bundle])
    qtbot.waitUntil(lambda: into.report.rowCount() == 2, timeout=20000)
    assert into.report.item(1, 2).text() == "0" and len(asked) == 1


def test_a_bad_file_is_one_sentence(qtbot, two_laptops, tmp_path):
    a, b = two_laptops
    bad = tmp_path / "x.fcbundle"
    bad.write_bytes(b"")
    dialog = SyncDialog(b)
    qtbot.add_widget(dialog)
    dialog.start_import([bad])
    _wait(qtbot, dialog)
    assert "x.fcbundle" in dialog.message.text() and dialog.report.rowCount() == 0


def test_the_window_setting_an_item_on_two_laptops_merges_as_a_conflict(qtbot, tmp_path):
    from fieldcheck.engine import catalog
    from fieldcheck.gui.walk.walk_session import WalkSession
    from fieldcheck.sync.export import export_bundle
    from fieldcheck.sync.importer import import_bundle

    a = Store.open(tmp_path / "a.db", device="A", daily_backup=False, backup_on_close=False)
    b = Store.open(tmp_path / "b.db", device="B", daily_backup=False, backup_on_close=False)
    try:
        insp = a.inspections.create(catalog.find("village-work-team"), assessee_id=None, assessee_name="梅花村",
                                    inspectors=["甲"], date="2026-11-20")
        import_bundle(b, export_bundle(a, tmp_path / "ab" / "1", key_folder=tmp_path / "ka").path, trust=True)
        WalkSession(a, insp).set_value("2.5.4", True)
        WalkSession(b, insp).set_value("2.5.4", False)
        import_bundle(a, export_bundle(b, tmp_path / "ba" / "1", key_folder=tmp_path / "kb").path, trust=True)
        (conflict,) = a.events.conflicts()
        assert conflict["item"] == "2.5.4" and len(a.findings.of(insp, "2.5.4")) == 1
    finally:
        a.close()
        b.close()


def test_one_big_bundle_moves_the_bar_while_it_imports(qtbot, two_laptops, tmp_path):
    """A merge's bar moves inside a bundle too (its photos, then its events), not only between bundles."""
    from fieldcheck.gui.sync.sync_dialog import SyncJob
    from fieldcheck.sync.export import export_bundle

    a, b = two_laptops
    inspection = next(r.id for r in a.inspections.rows() if r.rubric_id == "village-work-team")
    a.findings.add_many(inspection, ({"item_id": "2.1.1", "note": f"第{n}处"} for n in range(3000)))
    bundle = export_bundle(a, tmp_path / "week.fcbundle", key_folder=tmp_path / "keys").path
    job = SyncJob(b, imports=[bundle], trusted={str(bundle)})
    seen: list[tuple[int, int]] = []
    job.signals.progress.connect(lambda done, total: seen.append((done, total)))
    job.run()  # on this thread: the signals arrive at once
    assert job.done.is_set() and not job.refused
    total = seen[-1][1]
    assert seen[-1] == (total, total)
    inside = [done for done, _ in seen[:-1] if 0 < done < total]
    assert len(inside) >= 3 and inside == sorted(inside)  # photos, then each thousand events, in order


def test_a_hostile_bundle_is_one_sentence_and_the_bundles_after_it_still_import(qtbot, two_laptops, tmp_path,
                                                                                  monkeypatch):
    """A bundle signed by its own key whose events are of the wrong shape: the window says so in a sentence
    and goes on with the next bundle (it used to stop at a TypeError, saying nothing)."""
    import base64
    import hashlib
    import json
    import zipfile

    from fieldcheck.signing.keys import DeviceKey
    from fieldcheck.sync.export import export_bundle

    a, b = two_laptops
    good = export_bundle(a, tmp_path / "usb" / "good.fcbundle", key_folder=tmp_path / "ka").path
    with zipfile.ZipFile(good) as z:
        data = {n: z.read(n) for n in z.namelist() if not n.startswith("manifest.")}
        manifest = json.loads(z.read("manifest.json"))
    first, rest = data["events.jsonl"].split(b"\n", 1)
    data["events.jsonl"] = json.dumps({**json.loads(first), "action": []}).encode() + b"\n" + rest
    key = DeviceKey.load_or_create("M", tmp_path / "km")
    manifest.update(device="M", public_key=base64.b64encode(key.public_der).decode(), fingerprint=key.fingerprint,
                    members={n: {"sha256": hashlib.sha256(v).hexdigest(), "size": len(v)} for n, v in data.items()})
    odd = tmp_path / "usb" / "odd.fcbundle"
    raw = json.dumps(manifest).encode()
    with zipfile.ZipFile(odd, "w") as z:
        for n, v in data.items():
            z.writestr(n, v)
        z.writestr("manifest.json", raw)
        z.writestr("manifest.sig", key.sign(raw))
    monkeypatch.setattr(QtWidgets.QMessageBox, "question",
                        lambda *args: QtWidgets.QMessageBox.StandardButton.Yes)
    dialog = SyncDialog(b)
    qtbot.add_widget(dialog)
    dialog.start_import([odd, good], trusted={str(odd), str(good)})
    _wait(qtbot, dialog)
    assert "odd.fcbundle" in dialog.message.text() and "Traceback" not in dialog.message.text()
    assert dialog.report.rowCount() == 1 and dialog.report.item(0, 0).text() == "good.fcbundle"


def test_nothing_new_tells_in_chinese_how_to_send_again_what_was_deleted(qtbot, chinese, two_laptops, tmp_path):
    a, _ = two_laptops
    dialog, usb = _exported(qtbot, a, tmp_path)
    for bundle in usb.glob("*.fcbundle"):  # the stick emptied before the bundle was imported
        bundle.unlink()
    dialog.export_button.click()
    _wait(qtbot, dialog)
    assert "没有新的修改" in dialog.message.text() and "请勾选“导出全部”" in dialog.message.text()
    assert "导出全部" in dialog.everything.text()  # the box the sentence names
    dialog.everything.setChecked(True)
    dialog.export_button.click()
    _wait(qtbot, dialog)
    assert len(list(usb.glob("*.fcbundle"))) == 1


def test_the_import_report_says_how_many_photos_are_downsized_copies(qtbot, chinese, two_laptops, tmp_path):
    from fieldcheck.sync.export import export_bundle

    a, b = two_laptops
    small = export_bundle(a, tmp_path / "stick" / "s.fcbundle", key_folder=tmp_path / "ka", max_photo_px=100).path
    dialog = SyncDialog(b)
    qtbot.add_widget(dialog)
    dialog.start_import([small], trusted={str(small)})
    _wait(qtbot, dialog)
    photos = len({p.sha256 for r in a.inspections.rows() for f in a.findings.of(r.id)
                  for p in a.photos.of(f.id)})
    assert photos and f"s.fcbundle:其中 {photos} 张照片是缩小的副本,不是原图" in dialog.message.text()


def test_an_inspector_importing_assignments_is_told_where_to_find_them(qtbot, chinese, two_laptops, tmp_path):
    """The exchange dialog said only 完成 (the leader's-day audit): the new work was in the list, unannounced."""
    from fieldcheck.ops import assignments
    from fieldcheck.sync.assigned import export_for

    leader, inspector = two_laptops
    village = leader.places.all("村")[0]
    assignments.assign(leader, "张三", "2026-11-23", "village-work-team", [leader.places.path(village.id)])
    bundle = export_for(leader, tmp_path / "stick" / "张三.fcbundle", "张三", key_folder=tmp_path / "ka").path
    dialog = SyncDialog(inspector)
    qtbot.add_widget(dialog)
    dialog.start_import([bundle], trusted={str(bundle)})
    _wait(qtbot, dialog)
    assert "张三.fcbundle:收到 1 项检查任务;在检查列表中勾选“我的任务”即可看到。" in dialog.message.text()
