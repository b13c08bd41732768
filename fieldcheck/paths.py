"""Where FieldCheck keeps its data: the user's data folder, or ``FIELDCHECK_HOME``.

The database ``fieldcheck.db`` lives there; its photos, backups and the device name
sit beside it (see ``store``). ``--db PATH`` on the command line overrides the database.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path


def data_dir() -> Path:
    """``FIELDCHECK_HOME`` when set, else the platform's user data folder for "FieldCheck"."""
    home = os.environ.get("FIELDCHECK_HOME")
    if home:
        return Path(home).expanduser()

    return _user_data_dir() / "FieldCheck"


def _user_data_dir() -> Path:
    """The platform's per-user data folder, as platformdirs names it (its import cost a tenth of
    the window's start for these three lines)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(xdg) if xdg else Path.home() / ".local" / "share"


def default_db_path() -> Path:
    return data_dir() / "fieldcheck.db"


def _clean(name: str) -> str:
    """A device name safe inside an HLC stamp and a file name: letters, digits, CJK, "_", "-" and ".".""" 
    return re.sub(r"[^0-9A-Za-z_.\u4e00-\u9fff-]+", "_", name).strip("_-")[:40]


def device_name() -> str:
    """This laptop's stable device name: ``FIELDCHECK_DEVICE``, else one made once and kept.

    The kept name is the host name plus a few random characters, so that two laptops
    cloned from one image (same host name) still stamp their changes apart.
    """
    forced = os.environ.get("FIELDCHECK_DEVICE")
    if forced and _clean(forced):
        return _clean(forced)
    folder = data_dir()
    path = folder / "device"
    try:
        name = _clean(path.read_text(encoding="utf-8").strip())
        if name:
            return name
    except OSError:
        pass
    import socket  # lazy: once per laptop, when its name is first made (socket costs 4 ms of every start)

    name = _clean(f"{socket.gethostname() or 'laptop'}_{os.urandom(3).hex()}") or os.urandom(5).hex()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".device-{os.urandom(16).hex()}")
        tmp.write_text(name + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works; the name is just not remembered
    return name


clean_device = _clean
