"""Fixtures the window's tests share."""

import pytest

from fieldcheck.store import Store


@pytest.fixture
def store(tmp_path):
    """A fresh FieldCheck database on a temporary SQLite file, closed (and backed up) at the end."""
    s = Store.open(tmp_path / "fieldcheck.db", device="laptop-1")
    yield s
    s.close()
