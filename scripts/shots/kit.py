"""The child's side of every group: the application on the X screen, settling, grabbing, a shell."""

from __future__ import annotations

import os
import time
from pathlib import Path

from fieldcheck.gui.app import Shell, application, open_settings
from fieldcheck.gui.i18n import SETTING_KEY
from fieldcheck.gui.qt import QtCore
from fieldcheck.gui.window.first_start import DONE_KEY
from fieldcheck.gui.window.settings_dialog import INSPECTOR_KEY
from fieldcheck.paths import data_dir


class Kit:
    """The child's application on the screen, and the helpers every group uses to shoot it."""

    def __init__(self, out: Path, tag: str):
        self.out = out
        self.tag = tag
        self.language = os.environ["FIELDCHECK_LANG"]
        self.app = application()
        self.screen = self.app.primaryScreen()
        self.home = data_dir()

    def settle(self, seconds: float = 0.4) -> None:
        """Run the event loop a while, as the application would (deferred deletes and queued signals too)."""
        loop = QtCore.QEventLoop()
        QtCore.QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def wait_until(self, done, seconds: float = 30.0) -> bool:
        """Settle until ``done()`` holds (a pool job's result has arrived), at most ``seconds``."""
        end = time.monotonic() + seconds
        while not done():
            if time.monotonic() > end:
                return False
            self.settle(0.1)
        return True

    def wait_for_jobs(self) -> None:
        """Let every QThreadPool job finish, and its signals arrive, before the store closes."""
        QtCore.QThreadPool.globalInstance().waitForDone()
        self.settle(0.2)

    def shoot(self, name: str) -> Path:
        """Save the whole screen as ``name-<language>-<size>.png``: what X shows, menus and dialogs and all."""
        self.settle()
        path = self.out / f"{name}-{self.tag}.png"
        self.screen.grabWindow(0).save(str(path))
        return path

    def place(self, widget) -> None:
        """No window manager under Xvfb: put a dialog where one would, centred on the screen."""
        geometry = self.screen.availableGeometry()
        widget.move(geometry.x() + (geometry.width() - widget.width()) // 2,
                    geometry.y() + max(0, (geometry.height() - widget.height()) // 2))

    def shell(self, store, folder: Path | None = None, inspector: str | None = None,
              values: dict[str, object] | None = None) -> Shell:
        """The real application's shell on ``store``, in the child's language, its window on the whole screen."""
        folder = folder or self.home
        settings = open_settings(folder)
        settings.setValue(SETTING_KEY, self.language)
        settings.setValue(DONE_KEY, True)
        if inspector:
            settings.setValue(INSPECTOR_KEY, inspector)
        for key, value in (values or {}).items():
            settings.setValue(key, value)
        shell = Shell(self.app, store, settings, data_dir=folder)
        shell.window.setGeometry(self.screen.availableGeometry())  # no window manager: place it by hand
        shell.start(offer_first_start=False)
        self.settle(1.0)
        return shell
