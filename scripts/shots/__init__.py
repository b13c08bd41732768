"""The screenshot groups of scripts/screenshots.py, and the X server they are shot on.

scripts/screenshots.py runs one child process per group × language × size, each on a fresh
FIELDCHECK_HOME; a group is a module here with ``shoot(kit)`` (kit.py: the application, the
grab), which builds its own database (the demo, a leader's team, the 衡阳 units…), opens its
views and calls ``kit.shoot(name)``. This module stays free of Qt: the parent imports it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent  # the checkout

# the groups, in the order they run; each is scripts/shots/<name>.py
GROUPS = ["window", "team", "compare", "leader", "assign", "results", "signing", "privacy"]


def start_xvfb(number: int, size: str) -> subprocess.Popen:
    display = f":{number}"
    if Path(f"/tmp/.X{number}-lock").exists():  # another server there: its socket would pass for ours
        sys.exit(f"display {display} is taken (pass --display {display} to use it, or another --display-number)")
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(100):
        if proc.poll() is not None:
            break
        if socket.exists():
            return proc
        time.sleep(0.05)
    proc.kill()
    sys.exit(f"Xvfb {display} did not start (is xvfb installed? is the display number taken?)")
