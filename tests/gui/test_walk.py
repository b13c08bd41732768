"""The whole walk through the 考核细则 in the real window: every rule form entered with clicks and
keys, photos, undo and redo across items, close and reopen, and the same score as ``fieldcheck score``."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from walkkit import show_view, village_inspection

from fieldcheck.gui.qt import Qt, QtGui, QtWidgets
from fieldcheck.ops import scores
from fieldcheck.ops.demo import make_photo
from fieldcheck.store import Store

# -- set-up ------------------------------------------------------------------------------------------

@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "fieldcheck.db"


# -- driving the real widgets -----------------------------------------------------------------------

def key(qtbot, view, k, mods=Qt.NoModifier) -> None:
    """A key press where the inspector's focus is (the rubric tree when nothing else has it)."""
    target = QtWidgets.QApplication.focusWidget() or view.tree
    qtbot.keyClick(target, k, mods)


def next_item(qtbot, view) -> None:
    view.tree.setFocus()
    before = view.current_item_id()
    key(qtbot, view, Qt.Key_Down, Qt.ControlModifier)
    assert view.current_item_id() != before


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.LeftButton)


def editor(view):
    return view.panel.editor


def tick(qtbot, view, name: str) -> None:
    """Tick a checklist or option row with the keyboard (select it, press Space)."""
    widget = editor(view)
    row = widget.row(name)
    widget.list.setFocus()
    widget.list.setCurrentItem(row)
    qtbot.keyClick(widget.list, Qt.Key_Space)


def add_occurrence(qtbot, view, *, count: int = 1, household: int = 0, note: str = "") -> None:
    ed = editor(view)
    click(qtbot, ed.add_buttons[None])
    if count != 1:
        spin = ed.value_edit
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(count))
        qtbot.keyClick(spin, Qt.Key_Return)
    for _ in range(household):
        ed.household_edit.setFocus()
        qtbot.keyClick(ed.household_edit, Qt.Key_Down)
    if note:
        ed.note_edit.setFocus()
        type_text(ed.note_edit, note)
        qtbot.keyClick(ed.note_edit, Qt.Key_Return)


def type_text(widget, text: str) -> None:
    """Chinese arrives from the input method as committed text (QTest can only type ASCII keys)."""
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


def mark_checked(qtbot, view) -> None:
    click(qtbot, view.panel.checked_box)


def verdict(qtbot, view, yes: bool) -> None:
    click(qtbot, editor(view).yes_button if yes else editor(view).no_button)


#: item → what the inspector does there; one input of every rule form of the 考核细则
WALK = {
    "1.1": lambda q, v: tick(q, v, "工作计划"),
    "1.2": mark_checked,
    "1.3": lambda q, v: (tick(q, v, "每月扶贫专题工作会议"), tick(q, v, "每周扶贫工作队长碰头会")),
    "2.1.1": lambda q, v: add_occurrence(q, v, count=3, household=1, note="家庭人口填错"),
    "2.1.2": lambda q, v: (add_occurrence(q, v), add_occurrence(q, v, household=2)),
    "2.1.3": mark_checked,
    "2.1.4": lambda q, v: add_occurrence(q, v, count=10, note="十户未签字"),
    "2.1.5": lambda q, v: add_occurrence(q, v),
    "2.2.1": mark_checked,
    "2.2.2": lambda q, v: add_occurrence(q, v),
    "2.3.1": lambda q, v: add_occurrence(q, v, household=3),
    "2.3.2": lambda q, v: (tick(q, v, "宣传栏"), tick(q, v, "标语")),
    "2.4.1": lambda q, v: tick(q, v, "一本民情日记"),
    "2.5.1": mark_checked,
    "2.5.2": lambda q, v: add_occurrence(q, v),
    "2.5.3": mark_checked,
    "2.5.4": lambda q, v: verdict(q, v, True),
    "2.5.5": lambda q, v: (click(q, editor(v).add_buttons["满意"]), click(q, editor(v).add_buttons["基本满意"])),
    "2.6.1": lambda q, v: verdict(q, v, True),
    "2.6.2": lambda q, v: add_occurrence(q, v, household=2, note="收入未达标"),
    "3.1.1": lambda q, v: verdict(q, v, False),
    "3.1.2": lambda q, v: tick(q, v, "民情日记"),
    "3.1.3": mark_checked,
    "3.2.1": lambda q, v: add_occurrence(q, v, count=4),
    "3.3.1": lambda q, v: verdict(q, v, True),
    "3.4.1": mark_checked,
    "3.5.1": lambda q, v: add_occurrence(q, v),
    "4.1": lambda q, v: verdict(q, v, True),
    "4.2": lambda q, v: verdict(q, v, False),
    "4.3": lambda q, v: verdict(q, v, True),
}

#: worked out by hand from the rule texts (see the comments)
EXPECTED_TOTAL = "127 / 210"
EXPECTED_TREE = {
    "1": "−6/20",        # 2 + 4 missing elements, pooled in 组织领导
    "2.1": "−30/30",     # 6 + 4 + 0 + 20 + 2 = 32, 扣完30分为止
    "2.1.4": "✗ −20",    # pooled: an item may lose more than its own 6 points
    "2.2.1": "✓ 0",
    "2.3": "−1/10",      # 宣传方式: 2 in use, at least 2 needed
    "2.4": "−10/10",     # one of the 十个一 not done
    "2.5": "−6/20",      # 1 case (2) + 基本满意 is the worst rating (4)
    "2.6": "−10/40",
    "3.1.1": "✗ −6",
    "3.5": "−5/5",
    "4": "+9/10",
    "1.2": "✓ 0",
}


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def answers_document(store: Store, inspection_id: str) -> dict:
    inspection = store.inspections.get(inspection_id)
    return {"rubric": inspection.rubric_id, "assessee": inspection.assessee, "answers": scores.answers(store, inspection_id)}


def cli_score(tmp_path: Path, document: dict) -> dict:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    # `python -m fieldcheck` from the source tree: the console script may belong to another checkout
    out = subprocess.run([sys.executable, "-m", "fieldcheck", "score", document["rubric"], str(path), "--json"],
                         capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2])
    return json.loads(out.stdout)


# -- the walk ------------------------------------------------------------------------------------------

def test_walk_every_item_undo_redo_reopen_and_score_like_the_cli(qtbot, db_path, tmp_path, monkeypatch):
    store = Store.open(db_path, device="laptop-1")
    inspection_id, households = village_inspection(store, ("张三", "李四", "王五"))  # the picker lists them by pinyin: 李四, 王五, 张三
    view = show_view(qtbot, store, inspection_id)
    remembered: list[str] = []
    view.item_changed.connect(remembered.append)
    emitted: list = []
    view.score_changed.connect(emitted.append)

    assert view.current_item_id() == "1.1"
    assert numbers(view.score_panel.answered_label.text()) == [0, 30]
    items = [i.id for i in view.session.items]
    assert items == list(WALK)
    for n, item_id in enumerate(items):
        assert view.current_item_id() == item_id
        WALK[item_id](qtbot, view)
        assert view.tree.state_text(item_id)[0] in "✓✗–+", (item_id, view.tree.state_text(item_id))
        if n + 1 < len(items):
            next_item(qtbot, view)

    # photos on the finding of 2.1.1 (from the file dialog, which the inspector would fill in)
    rng = random.Random(4)
    photos = []
    for n in range(2):
        path = tmp_path / f"photo{n}.jpg"
        path.write_bytes(make_photo(rng, size=(1200, 900)))
        photos.append(str(path))
    view.tree.setFocus()
    view.go_to_item("2.1.1")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (photos, "")))
    with qtbot.waitSignal(view.panel.photos.import_finished, timeout=20000):
        click(qtbot, view.panel.photos.add_button)
    assert view.panel.photos.count() == 2

    # what the inspector sees
    assert view.score_panel.total_label.text() == EXPECTED_TOTAL
    assert numbers(view.score_panel.answered_label.text()) == [30, 30]
    for node_id, text in EXPECTED_TREE.items():
        assert view.tree.state_text(node_id) == text, node_id
    assert emitted[-1].to_json() == scores.score_inspection(store, inspection_id).to_json()
    finding = store.findings.of(inspection_id, "2.1.1")[0]
    assert (finding.value, finding.household_id, finding.note) == (3, households["李四"], "家庭人口填错")
    assert store.findings.of(inspection_id, "2.6.2")[0].household_id == households["王五"]
    view.go_to_item("2.1.4")
    assert any("封顶" in line for line in view.score_panel.trace_lines())  # the 30-point pool's cap is explained
    final = scores.answers(store, inspection_id)
    final_json = scores.score_inspection(store, inspection_id).to_json()

    # undo everything (Ctrl+Z), moving back through the items; then redo everything (Ctrl+Shift+Z)
    view.tree.setFocus()
    steps = view.undo_stack.count()
    seen_items = []
    for _ in range(steps):
        key(qtbot, view, Qt.Key_Z, Qt.ControlModifier)
        seen_items.append(view.current_item_id())
    assert not view.undo_stack.canUndo()
    assert scores.answers(store, inspection_id) == {}
    assert store.photos.of(finding.id) == [] or not store.findings.of(inspection_id, "2.1.1")
    assert view.score_panel.total_label.text() == "200 / 210"
    assert numbers(view.score_panel.answered_label.text()) == [0, 30]
    assert seen_items[0] == "2.1.1" and seen_items[-1] == "1.1"  # undo walks back to where each edit was
    assert view.tree.state_text("1.1").startswith("○")
    for _ in range(steps):
        key(qtbot, view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert not view.undo_stack.canRedo()
    assert scores.answers(store, inspection_id) == final
    assert view.current_item_id() == "2.1.1"
    assert view.panel.photos.count() == 2  # the same photos came back (restore, same ids)
    assert view.score_panel.total_label.text() == EXPECTED_TOTAL

    # close and reopen: same inspection, same item, everything in place
    view.go_to_item("2.5.5")
    splitter = view.splitter_state()
    view.close()
    store.close()
    store = Store.open(db_path, device="laptop-1")
    view = show_view(qtbot, store, inspection_id)
    view.restore_splitter_state(splitter)
    view.go_to_item(remembered[-1])
    assert view.current_item_id() == "2.5.5"
    assert view.splitter_state() == splitter
    assert view.score_panel.total_label.text() == EXPECTED_TOTAL
    assert editor(view).model.rowCount() == 2
    assert scores.score_inspection(store, inspection_id).to_json() == final_json
    for node_id, text in EXPECTED_TREE.items():
        assert view.tree.state_text(node_id) == text, node_id

    # the command line scores the stored answers the same, to the last trace line
    cli = cli_score(tmp_path, answers_document(store, inspection_id))
    assert cli == view.session.result.to_json() == final_json
    assert cli["total"] == 127
    view.close()
    store.close()
