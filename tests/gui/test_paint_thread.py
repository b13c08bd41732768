"""The window paints on its own thread: an add or undo never waits for Qt's pool of low-priority threads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from fieldcheck.gui.qt import QtCore, QtWidgets
app = QtWidgets.QApplication([])
table = QtWidgets.QTableWidget(200, 4)  # a findings table's size: its scroll bar's gradients are big fills
table.resize(650, 260)
table.show()
app.processEvents()
for n in range(20):
    table.insertRow(table.rowCount())
    table.scrollToBottom()
    app.processEvents()
names = []
for task in os.listdir("/proc/self/task"):
    with open(f"/proc/self/task/{task}/comm") as f:
        names.append(f.read().strip())
print(len(names), sorted(set(names)))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in Linux's /proc")
def test_painting_the_findings_table_starts_no_helper_threads():
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=env)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split()[0] == "1", done.stdout  # the main thread alone: no "Thread (pooled)"
