"""An installed FieldCheck carries its rubrics, font and translations (package data, not the source tree).

The test builds the wheel, installs it into a new virtual environment, and runs it from a
folder far from the checkout, with the dependencies visible but not the source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ANSWERS = {"rubric": "village-work-team", "answers": {"1.2": 2, "2.1.4": 3}}

CHECK = """
import json, sys
from pathlib import Path
import fieldcheck
from fieldcheck.shipped import resource_dir, rubrics_dir
from fieldcheck.gui.qt import QtCore
font = resource_dir("fonts") / "wqy-microhei.ttc"
app = QtCore.QCoreApplication([])
translator = QtCore.QTranslator()
loaded = translator.load(str(resource_dir("translations") / "main_window_zh_CN.qm"))
app.installTranslator(translator)
print(json.dumps({
    "package": fieldcheck.__file__,
    "rubrics": sorted(p.name for p in rubrics_dir().glob("*.yaml")),
    "font": font.is_file() and font.stat().st_size > 1_000_000,
    "translated": loaded and QtCore.QCoreApplication.translate("MainWindow", "&File"),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python of a fresh venv with the built wheel installed, environment to run it in)."""
    work = tmp_path_factory.mktemp("wheel")
    # Build from a copy: setuptools reuses a build/ folder it finds, which could hide a missing file.
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "out", "*.egg-info",
                                                                 "__pycache__", ".hypothesis", ".pytest_cache"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(work / "dist"), str(source)], capture_output=True, text=True, cwd=work)
    assert built.returncode == 0, built.stderr
    [wheel] = (work / "dist").glob("fieldcheck-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                           "--target", target, str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # The dependencies (PyYAML, PySide6, …) come from this environment's site-packages, added
    # by path: its .pth files, among them the editable install's pointer to the checkout, are
    # not read that way.
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"], "QT_QPA_PLATFORM": "offscreen",
           "FIELDCHECK_HOME": str(work / "home"), "FIELDCHECK_LANG": "zh"}
    env.pop("FIELDCHECK_RUBRICS", None)
    return python, env, work, Path(target)


def test_the_wheel_holds_its_rubrics_font_and_translations(installed):
    python, env, work, target = installed
    done = subprocess.run([str(python), "-c", CHECK], capture_output=True, text=True, env=env, cwd=work)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert Path(seen["package"]).is_relative_to(target)  # not the checkout
    assert seen["rubrics"] == ["county-township.yaml", "hengyang-2015.yaml", "village-work-team.yaml"]
    assert seen["font"] is True
    assert seen["translated"] == "文件(&F)"


def test_the_installed_command_scores_a_shipped_rubric(installed):
    python, env, work, _ = installed
    (work / "answers.json").write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([str(python), "-m", "fieldcheck", "score", "village-work-team", "answers.json", "--json"],
                          capture_output=True, text=True, env=env, cwd=work)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["rubric"] == "village-work-team"
    assert result["nodes"]["1.2"]["deduction"] == 4 and result["nodes"]["2.1.4"]["deduction"] == 6
