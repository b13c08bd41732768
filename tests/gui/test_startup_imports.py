"""The window starts without the heavy parts: they load when a sheet, a workbook, a bundle or a photo needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

#: screens imported when first opened (the walk, the Team menu's views), never to start on the list
ON_DEMAND = ("fieldcheck.gui.walk.", "fieldcheck.gui.leader.", "fieldcheck.gui.compare.", "fieldcheck.gui.assign.",
             "fieldcheck.gui.team.", "fieldcheck.gui.results.")
HEAVY = ("reportlab", "openpyxl", "PIL", "pyhanko", "cryptography", "python_calamine", "segno")
#: the rubric engine: a list of cached scores needs none of it (it loads when a rubric is parsed or scored)
ENGINE = ("yaml", "fieldcheck.engine.rubric", "fieldcheck.engine.rubric_file", "fieldcheck.engine.rules",
          "fieldcheck.engine.scoring", "fieldcheck.engine.answers", "fieldcheck.engine.catalog", "fieldcheck.ops.demo")

CHILD = """
import json, sys
from fieldcheck.gui.app import run
code = run(["--db", sys.argv[1], "--quit-when-ready"])
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))
screens = sorted(m for m in sys.modules if m.startswith(tuple(json.loads(sys.argv[3]))))
engine = sorted(set(sys.modules) & set(json.loads(sys.argv[4])))
print(json.dumps({"code": code, "heavy": heavy, "screens": screens, "engine": engine}))
"""

#: a module imported after Qt: PySide6's import hook must not read its source (gui/qt.py)
AFTER_QT = """
import inspect, json, sys
import fieldcheck.gui.qt
read = []
original = inspect.getsource
inspect.getsource = lambda obj, *a, **k: read.append(getattr(obj, "__name__", "?")) or original(obj, *a, **k)
import fieldcheck.engine.catalog  # and with it rubric_file, the rubric model, YAML
table = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(json.dumps({"read": [m for m in read if m.startswith("fieldcheck")], "marked": table.get("fieldcheck.engine.rubric_file")}))
"""


def test_the_window_starts_on_a_full_database_without_the_heavy_parts(tmp_path):
    env = {**os.environ, "FIELDCHECK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "demo.db"
    subprocess.run([sys.executable, "-m", "fieldcheck", "demo", "--db", str(db)], env=env, check=True,
                   capture_output=True)
    starts = []
    for _ in range(2):  # the first start after the demo fills the score cache; the second reads it
        done = subprocess.run([sys.executable, "-c", CHILD, str(db), json.dumps(HEAVY), json.dumps(ON_DEMAND),
                               json.dumps(ENGINE)],
                              env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        starts.append(json.loads(done.stdout.splitlines()[-1]))
    assert [s["code"] for s in starts] == [0, 0]
    assert [s["heavy"] for s in starts] == [[], []]
    assert [s["screens"] for s in starts] == [[], []]
    # with the cache warm the list shows cached scores: no rubric snapshot is parsed, nothing
    # scored, so neither the YAML loader nor the rubric model nor the rule forms are even imported
    assert starts[1]["engine"] == []


def test_modules_imported_after_qt_are_not_read_by_pysides_import_hook():
    done = subprocess.run([sys.executable, "-c", AFTER_QT], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found == {"read": [], "marked": -1}  # -1: the hook's own "ignore this module"
