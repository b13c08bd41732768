"""Team ▸ Devices…: the leader creates the team, enrols a laptop by its button after seeing the fingerprint, revokes it."""

from __future__ import annotations

import pytest

from fieldcheck.gui.app import open_settings
from fieldcheck.gui.qt import Qt, QtWidgets
from fieldcheck.gui.team.devices_view import DevicesView
from fieldcheck.gui.window.main_window import MainWindow
from fieldcheck.signing.fingerprints import grouped
from fieldcheck.signing.team import read_team_file
from fieldcheck.store import Store
from fieldcheck.sync.export import export_bundle
from fieldcheck.sync.importer import import_bundle

pytestmark = pytest.mark.usefixtures("chinese")  # the view in Chinese, as the leader sees it



@pytest.fixture
def leader(tmp_path):
    """The leader's database, which has imported inspector B's bundle (carrying B's name)."""
    a = Store.open(tmp_path / "a.db", device="A", daily_backup=False, backup_on_close=False)
    b = Store.open(tmp_path / "b.db", device="B", daily_backup=False, backup_on_close=False)
    done = export_bundle(b, tmp_path / "usb" / "b.fcbundle", key_folder=tmp_path / "keys-B", inspector="王芳")
    import_bundle(a, done.path, trust=True)
    yield a, b, tmp_path
    a.close()
    b.close()


def _row(view, device: str) -> int:
    for r in range(view.table.rowCount()):
        if view.table.item(r, 0).text() == device:
            return r
    raise AssertionError(f"{device} not listed")


def test_create_team_enrol_by_the_button_revoke_and_export(qtbot, leader, monkeypatch, language):
    a, b, folder = leader
    keys = folder / "keys-A"
    view = DevicesView(a, key_folder=keys)
    qtbot.add_widget(view)
    view.show()
    # no team yet: only "create" is offered
    assert "还没有检查组" in view.team_label.text()
    assert view.create_button.isEnabled() and not view.enrol_button.isEnabled()
    r = _row(view, "B")
    assert view.table.item(r, 1).text() == "王芳" and view.table.item(r, 5).text() == "未加入"
    fingerprint = a.team.device("B").fingerprint
    assert view.table.item(r, 2).text() == grouped(fingerprint[:32])

    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *args, **kw: ("衡阳县第一检查组", True))
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    assert "衡阳县第一检查组" in view.team_label.text() and not view.create_button.isEnabled()

    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QtWidgets.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer)
    view.table.selectRow(_row(view, "B"))
    assert view.enrol_button.isEnabled() and not view.revoke_button.isEnabled()
    qtbot.mouseClick(view.enrol_button, Qt.MouseButton.LeftButton)
    # the question showed B's whole fingerprint, in groups of four, to compare with B's screen
    assert grouped(fingerprint[:32]) in asked[0] and grouped(fingerprint[32:]) in asked[0] and "王芳" in asked[0]
    r = _row(view, "B")
    assert view.table.item(r, 5).text() == "已加入" and "已加入" in view.message.text()
    assert a.team.device("B").state == "enrolled"
    assert view.revoke_button.isEnabled() and not view.enrol_button.isEnabled()

    # the enrolment reaches B in the leader's next bundle
    done = export_bundle(a, folder / "usb-A" / "a.fcbundle", key_folder=keys)
    import_bundle(b, done.path, trust=True)
    assert b.team.enrolment_of(fingerprint) is not None

    # a refusal leaves everything as it was
    monkeypatch.setattr(QtWidgets.QMessageBox, "question",
                        lambda *args: QtWidgets.QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.revoke_button, Qt.MouseButton.LeftButton)
    assert a.team.device("B").state == "enrolled"
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer)
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", lambda *args, **kw: ("电脑丢失", True))
    qtbot.mouseClick(view.revoke_button, Qt.MouseButton.LeftButton)
    assert grouped(fingerprint[32:]) in asked[-1]
    assert view.table.item(_row(view, "B"), 5).text().startswith("已吊销 20")
    assert a.team.device("B").enrolment.revoke_reason == "电脑丢失"

    out = folder / "TEAM.pem"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *args, **kw: (str(out), ""))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    team_file = read_team_file(out.read_bytes())
    assert team_file.name == "衡阳县第一检查组" and len(team_file.revoked) == 1
    assert str(out) in view.message.text()

    blocked = folder / "a file" / "TEAM.pem"  # a "folder" that is a file: said, not the C library's English
    blocked.parent.write_text("")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *args, **kw: (str(blocked), ""))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert view.message.text() == f"无法写入 {blocked}:文件夹 {blocked.parent} 不存在;请先建立它或换一个文件夹"


def test_the_team_menu_opens_the_devices_view(qtbot, leader, monkeypatch):
    a, _, folder = leader
    window = MainWindow(a, open_settings(folder))
    qtbot.add_widget(window)
    opened = []
    monkeypatch.setattr(DevicesView, "exec", lambda self: opened.append(self.table.rowCount()) or 0)
    (action,) = [x for x in window.team_menu.actions() if x.objectName() == "actionDevices"]
    action.trigger()
    assert opened == [2]  # B, whose bundle was imported, and this laptop
