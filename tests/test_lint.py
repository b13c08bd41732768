"""The lint check is part of the one test command (STYLE.md: one command runs every check)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is installed by the test extras (scripts/setup.sh)"
    done = subprocess.run([ruff, "check", "--output-format", "concise", "fieldcheck", "tests", "scripts", "benchmarks", "installer"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing_in_the_domain_layers():
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    assert mypy, "mypy is installed by the test extras (scripts/setup.sh)"
    done = subprocess.run([mypy, "fieldcheck/engine", "fieldcheck/store"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "note:" not in done.stdout, done.stdout
