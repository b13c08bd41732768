"""Fixtures for the window's tests: a FieldCheck home, its store, the shell as ``fieldcheck`` starts it."""

from __future__ import annotations

import threading

import pytest

from fieldcheck.engine import catalog
from fieldcheck.gui.app import Shell, application, open_settings
from fieldcheck.store import Store


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDCHECK_HOME", str(tmp_path))
    monkeypatch.setenv("FIELDCHECK_LANG", "zh")
    return tmp_path


@pytest.fixture
def home_store(home):
    s = Store.open(home / "fieldcheck.db")
    yield s
    s.close()


@pytest.fixture
def make_shell(qtbot, qapp, home_store, home):
    """Start the shell the way ``fieldcheck`` does (fonts, settings file, translators), without exec()."""
    shells = []

    def make(settings=None, store=None):
        app = application()
        shell = Shell(app, store or home_store, settings or open_settings(home), data_dir=home)
        shells.append(shell)
        shell.start(offer_first_start=False)
        qtbot.addWidget(shell.window)
        return shell

    yield make
    for shell in shells:
        if shell.window.isVisible():
            shell.window.close()
        shell.translations.switch("en")


@pytest.fixture
def village(home_store):
    rubric = catalog.find("village-work-team")
    c = home_store.places.add("县", "荷坪县")
    t = home_store.places.add("乡镇", "杉山乡", c)
    v = home_store.places.add("村", "梅花村", t)
    inspection = home_store.inspections.create(rubric, assessee_id=v, assessee_name="梅花村", inspectors=["张三"],
                                         date="2026-10-01")
    home_store.findings.add(inspection, "2.1.3", value=2)
    return inspection


@pytest.fixture
def sheet_threads(monkeypatch):
    """The threads score sheets are made on, in order (the window makes them off its own thread)."""
    from fieldcheck.ops import signing

    made_on: list[threading.Thread] = []
    original = signing.sheet_pdf

    def sheet_pdf(*args, **kwargs):
        made_on.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(signing, "sheet_pdf", sheet_pdf)
    return made_on
