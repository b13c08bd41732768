"""Undo and redo, for any sequence of edits: every step back shows exactly the answers of that
moment, all the way to nothing, and redo brings each moment back with the same finding ids."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from walkkit import show_view, village_inspection

from fieldcheck.engine import catalog
from fieldcheck.gui.walk.walk_session import WalkSession
from fieldcheck.ops import scores
from fieldcheck.store import Store

COUNTS = ["2.1.1", "2.1.4", "3.2.1", "2.6.2"]
VERDICTS = ["2.5.4", "3.1.1", "4.1"]
NAMES = {"1.2": ["独立的扶贫工作室", "相关设施配备齐全", "扶贫档案柜不少于2个"]}
ITEMS = COUNTS + VERDICTS + list(NAMES) + ["2.3.2", "2.5.5"]

edit = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(COUNTS)),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("verdict"), st.sampled_from(VERDICTS), st.booleans()),
    st.tuples(st.just("missing"), st.sampled_from(NAMES["1.2"])),
    st.tuples(st.just("options"), st.lists(st.sampled_from(["宣传栏", "宣传页", "宣传横幅", "标语"]), unique=True)),
    st.tuples(st.just("rating"), st.sampled_from(["满意", "基本满意", "不满意"])),
    st.tuples(st.just("mark"), st.sampled_from(ITEMS), st.sampled_from(["checked", "na", None])),
    st.tuples(st.just("undo"), st.integers(1, 3)),
)


def apply(session: WalkSession, op: tuple) -> None:
    kind = op[0]
    if kind == "add":
        session.add_finding(op[1])
    elif kind == "delete":
        live = session.store.findings.of(session.inspection_id)
        if live:
            finding = live[op[1] % len(live)]
            session.delete_finding(finding.item_id, finding.id)
    elif kind == "verdict":
        session.set_value(op[1], op[2])
    elif kind == "missing":
        session.add_finding("1.2", value=op[1])
    elif kind == "options":
        session.set_value("2.3.2", {"selected": op[1]})
    elif kind == "rating":
        session.add_finding("2.5.5", value=op[1])
    elif kind == "mark":
        session.set_mark(op[1], op[2])
    elif kind == "undo":
        for _ in range(op[1]):
            session.undo_stack.undo()


def state(session: WalkSession) -> tuple:
    store = session.store
    findings = store.findings.of(session.inspection_id)
    # the window re-derives only the edited item's answer: it must always agree with the store's
    assert session.answers == scores.answers(store, session.inspection_id)
    assert session.result.to_json() == scores.score_inspection(store, session.inspection_id).to_json()
    # and the findings it keeps per item (a restored one put back, not read again) are the store's, in order
    for item_id in ITEMS:
        assert session.findings(item_id) == store.findings.of(session.inspection_id, item_id)
    return (scores.answers(store, session.inspection_id), sorted(f.id for f in findings),
            session.result.to_json()["total"])


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(edit, min_size=1, max_size=25))
def test_undo_and_redo_retrace_every_step(qapp, ops):
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "f.db", device="laptop-1", backup_on_close=False, daily_backup=False)
        try:
            inspection_id = store.inspections.create(catalog.find("village-work-team"), assessee_id=None,
                                                    assessee_name="梅花村", inspectors=["甲"], date="2026-11-22")
            session = WalkSession(store, inspection_id)
            stack = session.undo_stack
            snapshots = {0: state(session)}
            for op in ops:
                apply(session, op)
                if op[0] == "undo":
                    assert state(session) == snapshots[stack.index()]
                else:
                    snapshots[stack.index()] = state(session)
            top = stack.index()
            while stack.canUndo():
                stack.undo()
                assert state(session) == snapshots[stack.index()]
            assert scores.answers(store, inspection_id) == {} and store.findings.marks(inspection_id) == {}
            while stack.index() < top:
                stack.redo()
                assert state(session) == snapshots[stack.index()]
        finally:
            store.close()


def test_undoing_a_delete_puts_the_finding_back_in_its_place(qapp, tmp_path):
    store = Store.open(tmp_path / "f.db", device="laptop-1", backup_on_close=False, daily_backup=False)
    try:
        inspection_id = store.inspections.create(catalog.find("village-work-team"), assessee_id=None,
                                                assessee_name="梅花村", inspectors=["甲"], date="2026-11-22")
        session = WalkSession(store, inspection_id)
        for note in ("一", "二", "三"):
            session.add_finding("2.1.1", note=note)
        middle = session.findings("2.1.1")[1]
        session.delete_finding("2.1.1", middle.id)
        assert [f.note for f in session.findings("2.1.1")] == ["一", "三"]
        session.undo_stack.undo()
        # in entry order, as the store lists it, and the record as stored now (restored: a new stamp)
        assert [f.note for f in session.findings("2.1.1")] == ["一", "二", "三"]
        assert session.findings("2.1.1") == store.findings.of(inspection_id, "2.1.1")
        assert session.findings("2.1.1")[1].updated_at > middle.updated_at
        session.undo_stack.undo()  # the third add undone, then redone: last again
        session.undo_stack.redo()
        assert session.findings("2.1.1") == store.findings.of(inspection_id, "2.1.1")
    finally:
        store.close()


def test_the_findings_table_follows_undo_and_redo_row_by_row(qtbot, store):
    """Undo of a delete puts the row back where it was, without the table being rebuilt (which would
    repaint everything and lose the place); every step the table lists what the store has."""
    inspection_id, _ = village_inspection(store)
    view = show_view(qtbot, store, inspection_id, activate=False)
    view.go_to_item("2.1.1")
    for note in ("一", "二", "三", "四"):
        view.session.add_finding("2.1.1", note=note)
    model = view.panel.editor.model
    resets = []
    model.modelReset.connect(lambda: resets.append(True))

    def shown() -> list[str]:
        return [model.data(model.index(row, 3)) for row in range(model.rowCount())]

    def stored() -> list[str]:
        return [f.note for f in store.findings.of(inspection_id, "2.1.1")]

    view.session.delete_finding("2.1.1", view.session.findings("2.1.1")[1].id)
    assert shown() == stored() == ["一", "三", "四"]
    view.undo()
    assert shown() == stored() == ["一", "二", "三", "四"]
    view.redo()
    assert shown() == stored() == ["一", "三", "四"]
    first = view.session.findings("2.1.1")[0]
    view.session.update_finding("2.1.1", first, note="一楼")
    assert shown() == stored() == ["一楼", "三", "四"]
    view.undo()
    view.undo()
    assert shown() == stored() == ["一", "二", "三", "四"]
    assert resets == []
