"""``fieldcheck`` (and ``python -m fieldcheck``): the window with no command, else a command.

    fieldcheck                 the window, on the default database
    fieldcheck --db PATH       the window, on PATH
    fieldcheck gui [--db PATH] the same
    fieldcheck COMMAND …       a command (``fieldcheck --help``)
    fieldcheck --version       the version and the build
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from fieldcheck.version import describe


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--version"]:
        print(describe())
        return 0
    if not args or args[0] == "gui" or args[0] == "--db" or args[0].startswith("--db="):
        # No cyclic garbage collection while the window starts: importing Qt and the window makes
        # some 30,000 long-lived objects, and the collector walked them 60-odd times (10-15 ms).
        # ``run`` freezes what the start made and turns the collector back on once the window shows.
        gc.disable()
        from fieldcheck.gui.app import run  # lazy: Qt loads only for the window

        return run(args)
    from fieldcheck.cli import main as commands  # lazy: the window does not need the commands

    return commands(args)


if __name__ == "__main__":
    sys.exit(main())
