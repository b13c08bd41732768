"""Render a score sheet PDF to PNG pages for looking at it: ``python scripts/render_sheet.py SHEET.pdf [OUT_DIR]``.

Uses poppler's ``pdftoppm`` (poppler-utils), as a reader without FieldCheck would show it;
prints the PNG paths. ``--dpi`` sets the resolution (default 80: a whole page on screen).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def render(pdf: Path, out_dir: Path, dpi: int = 80) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = out_dir / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("build/sheets"))
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    for path in render(args.pdf, args.out_dir, args.dpi):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
