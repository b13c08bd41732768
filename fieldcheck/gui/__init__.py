"""The Qt layer. Qt is imported in one place only: ``fieldcheck.gui.qt``.

The window imports what its first page needs (the store, the list's scores) and nothing of
the rubric engine: the YAML loader, the rubric model and the rule forms load when a rubric is
first parsed or an inspection first scored. ``gui/qt.py`` stops PySide6's import hook from
reading the source of every module imported after Qt, so a module imported late costs what
it would have cost early (tests/gui/test_startup_imports.py).
"""
