"""The Qt layer. Qt is imported in one place only: ``fieldcheck.gui.qt``."""
