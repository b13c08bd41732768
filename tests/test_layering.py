"""The domain never imports Qt, and only fieldcheck.gui.qt does (qutebrowser's habit)."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "fieldcheck"


def _qt_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(n == "PySide6" or n.startswith("PySide6.") for n in names):
            lines.append(node.lineno)
    return lines


def test_only_the_qt_module_imports_pyside6():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "gui/qt.py" or rel.startswith("gui/forms/"):
            continue
        for line in _qt_imports(path):
            offenders.append(f"{rel}:{line}")
    assert offenders == []


def test_domain_modules_import_without_qt():
    # A fresh interpreter imports every domain module, then checks no Qt module was loaded.
    domain = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__", "cli"))
    code = ("import sys\n" + "".join(f"import fieldcheck.{m}\n" for m in domain)
            + "bad = [m for m in sys.modules if m.startswith('PySide6')]\nassert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
