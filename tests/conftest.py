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
