"""The Qt layer. Qt is imported in one place only: ``fieldcheck.gui.qt``.

The domain the window uses is imported here, before Qt: once PySide6 is loaded, its
``__feature__`` import hook reads the source of every module imported after it, which cost
the window about a tenth of its start for the sixty modules of the store and engine.
"""

from fieldcheck.engine import catalog  # noqa: F401
from fieldcheck.ops import demo, households, places, scores, search  # noqa: F401
