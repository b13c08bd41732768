"""The command line run in-process, as a person runs it, and the database it leaves compared."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fieldcheck.cli import main


def run(args: list, capsys) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``fieldcheck ARGS``; argparse's own refusals included."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def dump(db: str | Path) -> list[str]:
    """Every row and table of the database, to compare before and after a refused command."""
    connection = sqlite3.connect(db)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def demo(path: Path, capsys) -> Path:
    """A small demo database (two villages), the command's output swallowed."""
    assert main(["demo", "--db", str(path), "--villages", "2"]) == 0
    capsys.readouterr()
    return path
