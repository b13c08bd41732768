"""The leader's assignments screen: who visits which assessees on which day, and each inspector's bundle."""

from fieldcheck.gui.assign.assign_dialog import install

__all__ = ["install"]
