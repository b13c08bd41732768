"""Team ▸ Devices…: before a team exists, the table of four laptops, the enrol question."""

from __future__ import annotations

from pathlib import Path

from fieldcheck.gui.qt import QtWidgets
from fieldcheck.gui.team.devices_view import DevicesView
from fieldcheck.ops import team
from fieldcheck.ops.demo import populate
from fieldcheck.paths import default_db_path
from fieldcheck.store import Store
from fieldcheck.sync.export import export_bundle
from fieldcheck.sync.importer import import_bundle

# four laptops' bundles: one to be enrolled, one revoked, one with a long name, one without an inspector
PEOPLE = {"xiaoli-T480": "王芳", "laptop-B7": "李建国", "hp-probook-440": "欧阳诸葛明亮", "dell-3420": None}


def shoot(kit) -> int:
    store = Store.open(default_db_path(), device="leader-A")
    populate(store, villages=1)
    shell = kit.shell(store)
    window = shell.window
    view = DevicesView(store, shell.settings, window)
    view.show()
    kit.shoot("devices-no-team")
    view.close()

    home = Path(kit.home)
    for n, (device, person) in enumerate(PEOPLE.items()):
        other = Store.open(home / f"{device}.db", device=device, daily_backup=False, backup_on_close=False)
        made = export_bundle(other, home / "usb" / f"{n}.fcbundle", key_folder=home / f"keys-{device}",
                             inspector=person)
        import_bundle(store, made.path, trust=True)
        other.close()
    team.init_team(store, "衡阳县第一检查组")
    team.enrol(store, "xiaoli-T480")
    team.enrol(store, "laptop-B7")
    team.revoke(store, "laptop-B7", "电脑丢失")
    view = DevicesView(store, shell.settings, window)
    view.show()
    view.table.selectRow(0)
    view.table.setFocus()
    kit.shoot("devices")

    asked = []

    def confirm(title: str, text: str) -> bool:  # shown without blocking, so it can be captured over the view
        buttons = QtWidgets.QMessageBox.StandardButton
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, title, text, buttons.Yes | buttons.No, view)
        box.show()
        kit.shoot("devices-enrol-question")
        asked.append(text)
        box.close()
        return False

    view._confirm = confirm
    for r in range(view.table.rowCount()):
        if view.devices[r].state == "unknown" and view.devices[r].name != store.device:
            view.table.selectRow(r)
            break
    view.enrol()
    view.close()
    store.close()
    return 0 if asked else 1
