"""What FieldCheck ships beside its code: the rubrics, the fonts and the translations.

Installed from a wheel they are package data, ``fieldcheck/_rubrics`` and
``fieldcheck/_resources`` (``setup.py`` maps the top-level ``rubrics/`` and ``resources/``
folders there), found beside this module. In a source checkout, where those
top-level folders are the sources, they are used as they are. A frozen build puts the
package folder, data included, under ``sys._MEIPASS``, where ``__file__`` points too.
(Not ``importlib.resources``: it imports tempfile and shutil, a tenth of the start-up budget.)
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _folder(packaged: str, checkout: Path) -> Path:
    path = _PACKAGE / packaged
    return path if path.is_dir() else checkout


def rubrics_dir() -> Path:
    """The folder of the shipped rubric files (``*.yaml``)."""
    return _folder("_rubrics", _CHECKOUT / "rubrics")


def resource_dir(kind: str) -> Path:
    """The folder of one kind of shipped resource: ``"fonts"`` or ``"translations"``."""
    return _folder(f"_resources/{kind}", _CHECKOUT / "resources" / kind)
