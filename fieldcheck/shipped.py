"""What FieldCheck ships beside its code: the rubrics, the fonts and the translations.

Installed from a wheel they are package data, ``fieldcheck/_rubrics`` and
``fieldcheck/_resources`` (``setup.py`` maps the top-level ``rubrics/`` and ``resources/``
folders there), found with ``importlib.resources``. In a source checkout, where those
top-level folders are the sources, they are used as they are. A frozen build puts the
package folder, data included, under ``sys._MEIPASS``; ``importlib.resources`` finds it there.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _folder(packaged: str, checkout: Path) -> Path:
    with as_file(files("fieldcheck") / packaged) as path:  # a real folder for every installer we make
        if path.is_dir():
            return Path(path)
    return checkout


def rubrics_dir() -> Path:
    """The folder of the shipped rubric files (``*.yaml``)."""
    return _folder("_rubrics", _CHECKOUT / "rubrics")


def resource_dir(kind: str) -> Path:
    """The folder of one kind of shipped resource: ``"fonts"`` or ``"translations"``."""
    return _folder(f"_resources/{kind}", _CHECKOUT / "resources" / kind)
