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

CHILD = """
import json, sys
from fieldcheck.engine import rubric_file
parsed = []
original = rubric_file.load_text
rubric_file.load_text = lambda *a, **k: parsed.append(1) or original(*a, **k)
from fieldcheck.gui.app import run
code = run(["--db", sys.argv[1], "--quit-when-ready"])
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))
screens = sorted(m for m in sys.modules if m.startswith(tuple(json.loads(sys.argv[3]))))
print(json.dumps({"code": code, "heavy": heavy, "parsed": len(parsed), "screens": screens}))
"""


def test_the_window_starts_on_a_full_database_without_the_heavy_parts(tmp_path):
    env = {**os.environ, "FIELDCHECK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "demo.db"
    subprocess.run([sys.executable, "-m", "fieldcheck", "demo", "--db", str(db)], env=env, check=True,
                   capture_output=True)
    starts = []
    for _ in range(2):  # the first start after the demo fills the score cache; the second reads it
        done = subprocess.run([sys.executable, "-c", CHILD, str(db), json.dumps(HEAVY), json.dumps(ON_DEMAND)],
                              env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        starts.append(json.loads(done.stdout.splitlines()[-1]))
    assert [s["code"] for s in starts] == [0, 0]
    assert [s["heavy"] for s in starts] == [[], []]
    assert [s["screens"] for s in starts] == [[], []]
    # with the cache warm the list shows cached scores: no rubric snapshot is parsed to start
    # (the loader module itself is imported: the store needs it to open an inspection)
    assert starts[1]["parsed"] == 0
