#!/usr/bin/env python3
"""Modules, lines and imports per package of ``fieldcheck/``, at a commit or in the work tree.

    python scripts/layout_stats.py            # the work tree
    python scripts/layout_stats.py 369666c    # any commit, read with git (nothing is checked out)

Lines are physical lines; imports count ``import``/``from`` statements, and how many of
them sit inside functions. Generated forms (gui/forms) are left out.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources(rev: str | None) -> dict[str, str]:
    if rev is None:
        return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
                for p in (ROOT / "fieldcheck").rglob("*.py")}
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "fieldcheck"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    return {n: subprocess.run(["git", "show", f"{rev}:{n}"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout for n in names if n.endswith(".py")}


def package(path: str) -> str:
    parts = path.split("/")[1:]
    return "fieldcheck" if len(parts) == 1 else ".".join(["fieldcheck", *parts[:-1]][:3])


def main() -> int:
    rev = sys.argv[1] if len(sys.argv) > 1 else None
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for path, text in sources(rev).items():
        if "/forms/" in path:
            continue
        tree = ast.parse(text)
        imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        nested = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                  for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
        row = stats[package(path)]
        row[0] += 1
        row[1] += len(text.splitlines())
        row[2] += len(imports)
        row[3] += sum(1 for n in imports if id(n) in nested)
    print(f"{'package':32} {'modules':>7} {'lines':>6} {'imports':>7} {'in functions':>12}")
    total = [0, 0, 0, 0]
    for name in sorted(stats):
        row = stats[name]
        total = [a + b for a, b in zip(total, row)]
        print(f"{name:32} {row[0]:7} {row[1]:6} {row[2]:7} {row[3]:12}")
    print(f"{'all':32} {total[0]:7} {total[1]:6} {total[2]:7} {total[3]:12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
