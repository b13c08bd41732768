"""``fieldcheck --version`` names the version and the build."""

import subprocess
import sys

from fieldcheck import __version__


def test_version_names_the_release_and_the_build():
    done = subprocess.run([sys.executable, "-m", "fieldcheck", "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.strip() == f"FieldCheck {__version__} (source)"
