"""A damaged database file: opened and listed with every inspection scored, or refused in one sentence with the
file byte for byte as it was, and never a backup of it that pushes out a good one.

- Bytes flipped, cut off, inserted or a whole page zeroed (the header and the first pages, where the schema
  lives, more often than the rest), the database closed when it happened.
- A damaged ``-wal`` beside a sound database, as a power cut and a bad sector leave it.
- Bytes changed under a running store, then the list read, every inspection scored and a household added.

``summary`` and ``db check`` on each are one sentence or a report, never a traceback.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck.cli import main
from fieldcheck.errors import UserError
from fieldcheck.ops import demo, scores
from fieldcheck.store import Store, backup

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PAGE = 4096
#: the backups a laptop had before the damage, kept (``backup_keep``) and dated before any new one
GOOD = 2
_FRESH = itertools.count()


class Bytes(bytes):
    """A database's bytes, named in a failing example's report rather than printed (a megabyte)."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes>"


def _made(folder: Path) -> Path:
    path = folder / "fieldcheck.db"
    store = Store.open(path, device="laptop1", user="李明", daily_backup=False, backup_on_close=False)
    demo.populate(store, villages=2)
    store.close()
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> bytes:
    """A closed demo database's bytes: villages, households, inspections with findings, signed ones."""
    return Bytes(_made(tmp_path_factory.mktemp("made")).read_bytes())


@pytest.fixture(scope="module")
def crashed(tmp_path_factory) -> tuple[bytes, bytes]:
    """A database and its WAL as a power cut leaves them: the last edits (households, findings) in the WAL."""
    folder = tmp_path_factory.mktemp("crashed")
    path = _made(folder)
    store = Store.open(path, device="laptop1", daily_backup=False, backup_on_close=False)
    store.connection.execute("PRAGMA wal_autocheckpoint = 0")
    village = store.places.all("村")[0].id
    for n in range(12):
        store.households.add(village, f"户主{n}")
    draft = next(r.id for r in store.inspections.listing() if store.inspections.editable(r.id)
                 and r.rubric_id != "hengyang-2015")
    for n in range(4):
        store.findings.add(draft, "2.1.1", note=f"第{n}处")
    copied = (Bytes(path.read_bytes()), Bytes(Path(f"{path}-wal").read_bytes()))
    store.close()
    return copied


def _folder(tmp_path: Path, data: bytes, good: bytes | None = None) -> Path:
    """A fresh folder with the database ``data`` and, when ``good`` is given, older good backups of it."""
    folder = tmp_path / f"db-{next(_FRESH)}"
    folder.mkdir()
    path = folder / "fieldcheck.db"
    path.write_bytes(data)
    if good is not None:
        backup.backup_dir(path).mkdir()
        for day in range(1, GOOD + 1):
            (backup.backup_dir(path) / f"fieldcheck-202601{day:02d}T000000000000Z.db").write_bytes(good)
    return path


def _one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in the folder; an empty ``-wal`` or ``-shm`` that SQLite left on opening is nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not (p.name.endswith(("-wal", "-shm")) and p.stat().st_size == 0)}


def _sound(path: Path) -> bool:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return conn.execute("PRAGMA integrity_check(1)").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def _work(store: Store, *, edit: bool = False) -> None:
    """What the list needs: every row, every inspection scored; and an edit."""
    for row in store.inspections.listing(include_deleted=True):
        scores.score_inspection(store, row.id)
    scores.scored_rows(store)
    if edit:
        store.households.add(store.places.all("村")[0].id, "新户")


def _opened(path: Path, *, edit: bool = False) -> str:
    """"ok", or where it was refused ("open", "work", "close"), each refusal one sentence."""
    try:
        store = Store.open(path, device="x", backup_keep=GOOD)
    except UserError as exc:
        _one_sentence(str(exc))
        return "open"
    try:
        _work(store, edit=edit)
    except UserError as exc:
        _one_sentence(str(exc))
        with contextlib.suppress(UserError):
            store.close()
        return "work"
    try:
        store.close()
    except UserError as exc:
        _one_sentence(str(exc))
        return "close"
    return "ok"


def _commands(path: Path) -> None:
    """``summary`` is a table or one sentence; ``db check`` a report; neither a traceback."""
    for command in (["summary", "--db", str(path)], ["db", "check", "--db", str(path)]):
        said = io.StringIO()
        with contextlib.redirect_stderr(said), contextlib.redirect_stdout(io.StringIO()):
            code = main(command)
        assert code in (0, 1) and "Traceback" not in said.getvalue(), said.getvalue()
        if code and command[0] == "summary":
            _one_sentence(said.getvalue().rstrip("\n"))


def _damaged(data, raw: bytearray, heads: list[int]) -> None:
    """Bytes flipped, cut off, inserted, or a page's worth zeroed; near one of ``heads`` as often as anywhere."""
    spot = st.sampled_from(heads).flatmap(lambda h: st.integers(h, min(h + 99, len(raw) - 1))) | \
        st.integers(0, len(raw) - 1)
    how = data.draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
    at = data.draw(spot)
    if how == "flip":
        for where in [at, *data.draw(st.lists(spot, max_size=3))]:
            raw[where] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        del raw[at:]
    elif how == "insert":
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=64))
    else:
        raw[at:at + PAGE] = bytes(len(raw[at:at + PAGE]))


@FUZZ
@given(data=st.data())
def test_a_damaged_database_opens_and_scores_or_is_refused_leaving_it_and_its_good_backups(made, tmp_path, data):
    raw = bytearray(made)
    pages = len(raw) // PAGE
    _damaged(data, raw, [0, PAGE, 2 * PAGE, 3 * PAGE, data.draw(st.integers(0, pages - 1)) * PAGE])
    path = _folder(tmp_path, bytes(raw), good=made)
    before = _files(path.parent)
    sound = _sound(path)
    where = _opened(path)
    if where == "open":
        assert _files(path.parent) == before  # nothing repaired it, nothing backed up, nothing deleted
    if not sound:
        assert len(backup.backups(path)) == GOOD and all(b.read_bytes() == made for b in backup.backups(path))
    _commands(path)


@FUZZ
@given(data=st.data())
def test_a_damaged_wal_beside_a_sound_database_opens_and_scores_or_is_refused(crashed, tmp_path, data):
    database, wal = crashed
    raw = bytearray(wal)
    frames = [32 + k * (PAGE + 24) for k in range((len(raw) - 32) // (PAGE + 24))]  # after the WAL's own header
    _damaged(data, raw, [0, *frames[:3], data.draw(st.sampled_from(frames))])
    path = _folder(tmp_path, database)
    Path(f"{path}-wal").write_bytes(bytes(raw))
    if _opened(path, edit=True) == "open":
        assert path.read_bytes() == database
    _commands(path)


@FUZZ
@given(data=st.data())
def test_a_database_damaged_under_a_running_store_reads_and_saves_or_says_so(made, tmp_path, data):
    path = _folder(tmp_path, made)
    store = Store.open(path, device="x", daily_backup=False, backup_on_close=False)
    try:
        raw = bytearray(made)
        pages = len(raw) // PAGE
        _damaged(data, raw, [0, PAGE, data.draw(st.integers(0, pages - 1)) * PAGE])
        with open(path, "r+b") as fh:  # in place, as a failing disk does: the store's connection stays open
            fh.write(bytes(raw))
            fh.truncate(len(raw))
        try:
            _work(store, edit=True)
        except UserError as exc:
            _one_sentence(str(exc))
    finally:
        store.close()
    _commands(path)
