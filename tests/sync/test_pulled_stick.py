"""A USB stick pulled out during an export: the export says so, and the next one still carries everything."""

from __future__ import annotations

import errno
import os
import stat
import zipfile

import pytest
from conftest import village_inspection

from fieldcheck.errors import UserError
from fieldcheck.sync.export import export_bundle


def test_a_stick_pulled_before_the_bundles_name_is_on_it_moves_no_mark(laptops, tmp_path, monkeypatch, language):
    """The bundle is written and renamed, but the folder (its name in it) is not yet on the stick when it is
    pulled: the flush fails. The export used to report success and move the folder's mark, so the next
    export to the stick sent only what was newer and the events of the lost bundle never left the laptop."""
    language("en")
    (a,) = laptops("A")
    inspection = village_inspection(a.store)
    a.store.findings.add(inspection, "2.1.1", note="缺页")
    stick = tmp_path / "stick"
    stick.mkdir()
    real = os.fsync

    def pulled(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        return real(fd)

    monkeypatch.setattr(os, "fsync", pulled)
    with pytest.raises(UserError, match="cannot write") as refused:
        export_bundle(a.store, stick / "monday.fcbundle", key_folder=a.keys)
    assert "Errno" not in str(refused.value) and "\n" not in str(refused.value)
    monkeypatch.undo()

    a.store.findings.add(inspection, "2.1.2", note="新的")
    done = export_bundle(a.store, stick / "tuesday.fcbundle", key_folder=a.keys)
    assert done is not None and not done.incremental
    with zipfile.ZipFile(done.path) as zf:
        notes = zf.read("events.jsonl").decode()
    assert "缺页" in notes and "新的" in notes
