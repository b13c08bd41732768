"""The compiled forms and translations are what scripts/build_ui.py makes from their sources."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_generated_files_are_up_to_date():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_ui.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_form_is_compiled_and_marked_generated():
    for ui in sorted((ROOT / "ui").glob("*.ui")):
        form = ROOT / "fieldcheck" / "gui" / "forms" / f"ui_{ui.stem}.py"
        assert form.exists(), f"{form.name} missing: run scripts/build_ui.py"
        assert form.read_text(encoding="utf-8").startswith(f"# Generated from ui/{ui.name} by scripts/build_ui.py")
