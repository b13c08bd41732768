#!/usr/bin/env python3
"""Regenerate every generated file of the window: compiled forms and translations.

    .venv/bin/python scripts/build_ui.py          # rewrite what is out of date
    .venv/bin/python scripts/build_ui.py --check  # exit 1 naming every stale output, write nothing

* ``ui/X.ui`` → ``fieldcheck/gui/forms/ui_X.py`` (pyside6-uic, with a "generated" header).
* The English source strings of ``fieldcheck/gui/[group/]X.py`` (or the package ``…/X/``)
  and of ``ui/X.ui`` → ``resources/translations/X_zh_CN.ts`` (pyside6-lupdate; existing
  translations are kept, strings no longer in the code are dropped).
* Each ``.ts`` → its ``.qm`` (pyside6-lrelease), which the window loads.

See ``fieldcheck/gui/i18n.py`` for the convention. Run it after editing a form, adding a
``self.tr("…")`` string, or translating in a ``.ts`` file, and commit the outputs.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
GUI_DIR = ROOT / "fieldcheck" / "gui"
FORMS_DIR = GUI_DIR / "forms"
TS_DIR = ROOT / "resources" / "translations"
LOCALE = "zh_CN"
SKIP_MODULES = {"__init__", "qt", "i18n"}  # no user-facing strings by design
SCREEN_GROUPS = {"window", "inspections", "walk", "photos", "results", "signing", "sync", "team",
                 "leader", "compare", "assign"}  # fieldcheck/gui/<group>/
TR_CALL = re.compile(r"\btr\(|\btranslate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP")

FORM_HEADER = ("# Generated from ui/{name}.ui by scripts/build_ui.py (pyside6-uic): do not edit.\n"
               "# Edit the .ui file in Qt Designer, then run: .venv/bin/python scripts/build_ui.py\n")
FORMS_INIT = '"""Forms generated from ui/*.ui by scripts/build_ui.py: do not edit."""\n'


def _tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the project first (make setup)")
    return found


def _run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def compile_form(ui: Path) -> str:
    """The Python source of one form, header included."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "form.py"
        _run([_tool("pyside6-uic"), "-g", "python", str(ui), "-o", str(out)])
        body = out.read_text(encoding="utf-8")
    # uic writes its own version into the header; without it the committed forms stay
    # current when a newer PySide6 is installed (CI installs the newest one allowed).
    body = re.sub(r"^(## Created by: Qt User Interface Compiler) version .*$", r"\1", body, flags=re.M)
    return FORM_HEADER.format(name=ui.stem) + used_imports_only(body)


def used_imports_only(source: str) -> str:
    """``source`` with its ``from PySide6.X import (...)`` lists cut to the names the form uses.

    uic imports some forty names whatever the form holds (QBrush, QGradient, QFontDatabase …)
    and PySide6 builds each class, enums and all, when its name is first taken: about 10 ms of
    the window's start for names no form uses.
    """
    tree = ast.parse(source)
    imports = [node for node in tree.body if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")]
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    for node in reversed(imports):
        names = [alias.name for alias in node.names if (alias.asname or alias.name) in used]
        text = ""
        if names:
            rows = ",\n    ".join(", ".join(names[i:i + 4]) for i in range(0, len(names), 4))
            text = f"from {node.module} import ({rows})\n"
        lines[node.lineno - 1:node.end_lineno] = [text]
    return "".join(lines)


def catalogue_sources() -> dict[str, list[Path]]:
    """Catalogue name → the sources whose strings it holds (module/package plus same-named form).

    ``fieldcheck/gui`` is grouped by screen (window/, inspections/, walk/, photos/); inside a
    group, each module and each sub-package (walk/editors/) is a catalogue of its own.
    """
    parts: dict[str, list[Path]] = {}

    def add(entry: Path) -> None:
        if entry.is_file() and entry.suffix == ".py" and entry.stem not in SKIP_MODULES:
            files = [entry]
        elif entry.is_dir() and (entry / "__init__.py").exists():
            files = sorted(entry.rglob("*.py"))
        else:
            return
        files = [f for f in files if TR_CALL.search(f.read_text(encoding="utf-8"))]
        if files:
            parts.setdefault(entry.stem, []).extend(files)

    for entry in sorted(GUI_DIR.iterdir()):
        if entry.name in ("forms", "__pycache__"):
            continue
        if entry.is_dir() and entry.name in SCREEN_GROUPS:
            for inner in sorted(entry.iterdir()):
                if inner.name not in ("__init__.py", "__pycache__"):
                    add(inner)
        else:
            add(entry)
    for ui in sorted(UI_DIR.glob("*.ui")):
        parts.setdefault(ui.stem, []).append(ui)
    return parts


def update_catalogue(ts: Path, sources: list[Path]) -> None:
    _run([_tool("pyside6-lupdate"), *map(str, sources), "-ts", str(ts), "-no-obsolete",
          "-locations", "none", "-source-language", "en", "-target-language", LOCALE, "-silent"])


def release(ts: Path, qm: Path) -> None:
    _run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"])


def outputs(work: Path) -> dict[Path, bytes]:
    """Every generated file's expected content, keyed by its path in the repository.

    Catalogues are updated in ``work``, a scratch copy of the translations folder.
    """
    expected: dict[Path, bytes] = {FORMS_DIR / "__init__.py": FORMS_INIT.encode()}
    for ui in sorted(UI_DIR.glob("*.ui")):
        expected[FORMS_DIR / f"ui_{ui.stem}.py"] = compile_form(ui).encode("utf-8")
    for name, sources in catalogue_sources().items():
        ts = work / f"{name}_{LOCALE}.ts"
        update_catalogue(ts, sources)
        qm = ts.with_suffix(".qm")
        release(ts, qm)
        expected[TS_DIR / ts.name] = ts.read_bytes()
        expected[TS_DIR / qm.name] = qm.read_bytes()
    return expected


def stale_files(expected: dict[Path, bytes]) -> list[Path]:
    stale = [p for p, data in expected.items() if not p.exists() or p.read_bytes() != data]
    generated = set(FORMS_DIR.glob("ui_*.py")) | set(TS_DIR.glob(f"*_{LOCALE}.ts")) | set(TS_DIR.glob(f"*_{LOCALE}.qm"))
    stale += sorted(generated - set(expected))  # outputs whose source is gone
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale outputs, change nothing")
    args = parser.parse_args(argv)
    # Work on a scratch copy of the catalogues, so that the real ones change only when written below.
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for ts in TS_DIR.glob(f"*_{LOCALE}.ts"):
            shutil.copy2(ts, work / ts.name)
        expected = outputs(work)
        stale = stale_files(expected)
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        if stale:
            print("run: .venv/bin/python scripts/build_ui.py", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        if path in expected:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(expected[path])
            print(f"wrote {path.relative_to(ROOT)}")
        else:
            path.unlink()
            print(f"removed {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
