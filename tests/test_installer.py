"""The installer: built from the checkout, unpacked somewhere clean, run with no Python and no network.

This builds the real bundle (PyInstaller, a couple of minutes here), so it is marked slow;
the README's test command runs it all the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
from pathlib import Path

import pytest

from fieldcheck import __version__

ROOT = Path(__file__).resolve().parent.parent
#: megabytes. Measured (README, installer section): 193 unpacked and 55 packed with the window
#: alone; 241 and 73 with the sheet (reportlab, pyHanko with its aiohttp and lxml, which it
#: imports even offline), bundles and workbooks. A minimal PySide6 window is 160 and 44.
BUDGET_UNPACKED, BUDGET_PACKED = 250, 80

pytestmark = pytest.mark.slow


def _network_namespace() -> list[str]:
    """``unshare -n`` when this machine lets us make an empty network namespace, else nothing."""
    try:
        ok = subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    except FileNotFoundError:
        ok = False
    return ["unshare", "-n"] if ok else []


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    done = subprocess.run(["bash", "installer/build"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    [archive] = (ROOT / "installer" / "out").glob(f"fieldcheck-{__version__}-linux-*.tar.xz")
    place = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(place, filter="tar")
    return archive, place / f"fieldcheck-{__version__}"


def _run(program: Path, *args: str, home: Path, check: bool = True) -> subprocess.CompletedProcess:
    # A clean environment: no virtual environment, no PYTHONPATH, a fresh home, no display.
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*_network_namespace(), str(program), *args], env=env, cwd=home, capture_output=True,
                          text=True, timeout=300)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def test_the_bundle_fits_its_size_budget(bundle):
    archive, folder = bundle
    unpacked = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert unpacked / 1e6 <= BUDGET_UNPACKED
    assert archive.stat().st_size / 1e6 <= BUDGET_PACKED


def test_the_photo_viewer_can_read_every_photo_format_a_user_may_add(bundle):
    # a WebP or TIFF photo is accepted (store/photofiles.py) and the viewer reads its original with Qt
    _, folder = bundle
    plugins = folder / "app" / "_internal" / "PySide6" / "Qt" / "plugins" / "imageformats"
    assert {f"libq{fmt}.so" for fmt in ("jpeg", "webp", "tiff", "gif")} <= {p.name for p in plugins.iterdir()}


def test_the_frozen_program_runs_offline_from_a_clean_folder(bundle, tmp_path):
    _, folder = bundle
    program = folder / "app" / "fieldcheck"
    home = tmp_path / "home"
    home.mkdir()
    version = _run(program, "--version", home=home).stdout
    assert version.startswith(f"FieldCheck {__version__} (") and "source" not in version
    db = home / "demo.db"
    _run(program, "demo", "--db", str(db), home=home)
    rows = json.loads(_run(program, "summary", "--db", str(db), "--json", home=home).stdout)
    signed = next(r["id"] for r in rows if r["status"] == "signed" and r["rubric"] == "village-work-team")
    window = _run(program, "--db", str(db), "--quit-when-ready", home=home)
    assert window.stdout.startswith("ready ")
    # a signed score sheet, made and verified by the frozen program (reportlab, pyHanko, the font inside)
    sheet = home / "sheet.pdf"
    _run(program, "sheet", "--db", str(db), signed, "-o", str(sheet), home=home)
    assert sheet.read_bytes().startswith(b"%PDF")
    _run(program, "verify", str(sheet), "--db", str(db), home=home)
    # and a bundle for the leader's USB stick
    bundle = home / "laptop.fcbundle"
    _run(program, "bundle", "export", "--db", str(db), "-o", str(bundle), home=home)
    _run(program, "bundle", "verify", str(bundle), home=home)


def test_install_and_uninstall_keep_the_data(bundle, tmp_path):
    _, folder = bundle
    home = tmp_path / "home"
    data = home / ".local" / "share" / "FieldCheck"
    data.mkdir(parents=True)
    (data / "fieldcheck.db").write_bytes(b"keep me")
    env = {**os.environ, "HOME": str(home)}
    subprocess.run(["sh", str(folder / "install.sh")], env=env, check=True, capture_output=True)
    launcher = home / ".local" / "bin" / "fieldcheck"
    assert launcher.exists()
    assert "Exec=" + str(home / ".local" / "opt" / "fieldcheck" / "fieldcheck") in (
        home / ".local" / "share" / "applications" / "fieldcheck.desktop").read_text(encoding="utf-8")
    assert _run(launcher, "--version", home=home).returncode == 0
    subprocess.run(["sh", str(folder / "uninstall.sh")], env=env, check=True, capture_output=True)
    assert not launcher.exists() and not (home / ".local" / "opt" / "fieldcheck").exists()
    assert (data / "fieldcheck.db").read_bytes() == b"keep me"
