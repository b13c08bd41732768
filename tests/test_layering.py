"""The layers import one way only (qutebrowser's misc_checks, as an AST walk).

    gui, cli  →  ops, reports, sync, signing  →  store  →  engine  →  i18n, errors, paths, shipped, output

A module may import its own layer and the layers below; never above. The GUI never
imports sqlite3 and only ``gui/qt.py`` imports PySide6. No import cycles between
modules. Imports sit at the top of a module, except lazy ones marked ``# lazy:`` with
the reason (heavy libraries, or Qt for the window only).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "fieldcheck"

LAYERS = [
    {"fieldcheck.i18n", "fieldcheck.errors", "fieldcheck.paths", "fieldcheck.shipped", "fieldcheck.version",
     "fieldcheck.file_errors", "fieldcheck.output"},
    {"fieldcheck.engine"},
    {"fieldcheck.store"},
    {"fieldcheck.ops", "fieldcheck.reports", "fieldcheck.sync", "fieldcheck.signing", "fieldcheck.tables",
     "fieldcheck.results"},
    {"fieldcheck.gui", "fieldcheck.cli"},
    {"fieldcheck.__main__"},
]
#: top-level packages of one layer that must not know each other
APART = [("fieldcheck.gui", "fieldcheck.cli")]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py") if "forms" not in p.parts}


MODULES = _modules()


def _imports(path: Path) -> list[tuple[int, str, bool, str]]:
    """(line, imported module, at top level, source line) for each import in ``path``."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    top = {id(n) for n in tree.body}
    # imports inside `if TYPE_CHECKING:` or try blocks at the top still count as top level
    for node in tree.body:
        if isinstance(node, (ast.If, ast.Try)):
            top.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # "from pkg import mod" imports the module; "from pkg import name" the package
            names = sorted({f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module
                            for a in node.names})
        else:
            continue
        for name in names:
            found.append((node.lineno, name, id(node) in top, lines[node.lineno - 1]))
    return found


def _layer(module: str) -> int | None:
    for level, members in enumerate(LAYERS):
        if any(module == m or module.startswith(m + ".") for m in members):
            return level
    return None


def _owner(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_every_module_has_a_layer():
    assert [m for m in _modules() if m != "fieldcheck" and _layer(m) is None] == []


def test_layers_import_downward_only():
    offenders = []
    for module, path in _modules().items():
        level = _layer(module)
        for line, name, _, _ in _imports(path):
            if not name.startswith("fieldcheck.") or name == module:
                continue
            target = _layer(name)
            if target is not None and level is not None and target > level:
                offenders.append(f"{module}:{line} imports {name}")
            for a, b in APART:
                if _owner(module) == a and _owner(name) == b or _owner(module) == b and _owner(name) == a:
                    offenders.append(f"{module}:{line} imports {name}")
    assert offenders == []


def test_the_gui_never_runs_sql():
    offenders = [f"{m}:{line}" for m, p in _modules().items() if m.startswith("fieldcheck.gui")
                 for line, name, _, _ in _imports(p) if name == "sqlite3" or name.startswith("sqlite_utils")]
    assert offenders == []


def test_only_the_qt_module_imports_pyside6():
    offenders = [f"{m}:{line}" for m, p in _modules().items() if m != "fieldcheck.gui.qt"
                 for line, name, _, _ in _imports(p) if name.split(".")[0] == "PySide6"]
    assert offenders == []


def test_imports_are_at_the_top_unless_marked_lazy():
    offenders = [f"{m}:{line}: {text.strip()}" for m, p in _modules().items()
                 for line, name, top, text in _imports(p) if not top and "# lazy:" not in text]
    assert offenders == []


def test_no_import_cycles():
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for _, name, _, _ in _imports(path):
            # "from fieldcheck.store import x" depends on the package and, when x is a module, on it
            if name in modules and name != module:
                graph[module].add(name)
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" → ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_domain_modules_import_without_qt():
    # A fresh interpreter imports every module outside the GUI, then checks no Qt module was loaded.
    domain = sorted(m for m in _modules() if _layer(m) is not None and _layer(m) <= 3)
    code = ("import sys\n" + "".join(f"import {m}\n" for m in domain)
            + "bad = [m for m in sys.modules if m.startswith('PySide6')]\nassert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
