"""Command-line commands over the local store (db check, demo, inspection add, summary)."""

from __future__ import annotations


def register(sub) -> None:
    """Add the store's commands to the ``fieldcheck`` parser."""
