"""Shared test set-up: Qt offscreen, Chinese messages, and no writes to the real user folders."""

import os
import tempfile

# Without a display pytest-qt would abort the interpreter (shared/PLATFORM.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chinese is the interface's first language; tests that want English set it themselves.
os.environ["FIELDCHECK_LANG"] = os.environ.get("FIELDCHECK_TEST_LANG", "zh")
# Keep the user's real data folder and Qt settings out of every test run.
_home = tempfile.mkdtemp(prefix="fieldcheck-test-home-")
os.environ["FIELDCHECK_HOME"] = _home
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_home, "data")

import pytest

from fieldcheck import i18n
from fieldcheck.store import Store


@pytest.fixture
def store(tmp_path):
    """A fresh FieldCheck database on a temporary SQLite file, closed (and backed up) at the end."""
    s = Store.open(tmp_path / "fieldcheck.db", device="laptop1", user="李明")
    yield s
    s.close()


@pytest.fixture(autouse=True)
def language():
    """Messages in the environment's language (Chinese) unless a test sets one: ``language("en")``.

    The window's language switch sets the process default too; it is reset after every test.
    """
    yield i18n.set_default
    i18n.set_default(None)


@pytest.fixture
def chinese(qapp):
    """The window in Chinese, as the inspectors and leaders use it; English again after the test."""
    from fieldcheck.gui.i18n import Translations  # Qt only for the tests that show a window

    translations = Translations(qapp)
    translations.switch("zh")
    yield translations
    translations.switch("en")
