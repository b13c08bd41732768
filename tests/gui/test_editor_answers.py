"""Editors show the engine's answer: what an editor shows for an item is what the score counts.

Findings come in through the store (``store.findings.add`` / ``add_many``) or through
``fieldcheck inspection add`` (``ops.importing``), as from a phone, a merge or an answers file;
the editor must then show the same answer the engine derives, including findings that name no
element, which it lists so they can be removed.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from walkkit import show_view

from fieldcheck.engine import catalog
from fieldcheck.engine.numbers import fmt, to_decimal
from fieldcheck.engine.rules import NOT_APPLICABLE
from fieldcheck.gui.qt import Qt
from fieldcheck.gui.walk.editors import editor_for
from fieldcheck.gui.walk.walk_session import WalkSession
from fieldcheck.ops import scores
from fieldcheck.ops.importing import add_inspection_from_answers

RUBRIC = catalog.find("village-work-team")
ITEMS = {item.id: item for item in RUBRIC.items()}


def first_number(text: str) -> int:
    return int(re.search(r"\d+", text).group())


def test_unnamed_missing_elements_from_an_answers_file_are_shown_and_can_be_removed(qtbot, store):
    """Issue 7: after ``inspection add`` with {"1.2": 2} the window said "0 of 3 missing" while the
    score deducted 4, and the two findings could not be removed."""
    inspection_id = add_inspection_from_answers(store, RUBRIC, {"name": "衡阳县/西渡镇/梅花村"}, {"1.2": 2})
    view = show_view(qtbot, store, inspection_id, activate=False)
    view.go_to_item("1.2")
    editor = view.panel.editor
    assert editor.summary.text() == "2 of 3 missing"
    assert view.tree.state_text("1.2") == "✗ −4"
    rows = editor.unnamed_rows()
    assert len(rows) == 2 and all(row.checkState() == Qt.Checked for row in rows)
    editor.list.setCurrentItem(rows[0])
    assert editor.current_finding_id() == store.findings.of(inspection_id, "1.2")[0].id  # photos go there
    rows[0].setCheckState(Qt.Unchecked)  # what a tap on the tick box does
    assert len(store.findings.of(inspection_id, "1.2")) == 1
    assert editor.summary.text() == "1 of 3 missing" and len(editor.unnamed_rows()) == 1
    assert view.tree.state_text("1.2") == "✗ −2"
    assert scores.score_inspection(store, inspection_id).nodes["1.2"].deduction == 2
    editor.unnamed_rows()[0].setCheckState(Qt.Unchecked)
    assert store.findings.of(inspection_id, "1.2") == [] and editor.summary.text() == "0 of 3 missing"
    view.undo_stack.undo()  # removing an unnamed finding is undoable like any edit
    assert len(store.findings.of(inspection_id, "1.2")) == 1 and len(editor.unnamed_rows()) == 1
    view.close()


# -- the property: for any findings, each editor shows the engine's answer ---------------------------


def values_for(item):
    """Finding values the store accepts for ``item`` (its rule form's shapes, unnamed ones included)."""
    kind = item.rule.kind
    if kind in ("per_occurrence", "per_event"):
        one = st.one_of(st.none(), st.integers(1, 5))
    elif kind == "missing_elements":
        one = st.sampled_from([None, *item.rule.elements])
    elif kind == "duty_checklist":
        one = st.sampled_from([None, *item.rule.duties])
    elif kind == "min_options":
        one = st.lists(st.sampled_from(item.rule.options), unique=True).map(lambda s: {"selected": s})
    elif kind in ("pass_fail", "bonus", "veto"):
        one = st.booleans()
    elif kind == "rating":
        one = st.sampled_from(list(item.rule.levels))
    else:  # metric, proportional
        one = st.integers(0, 120)
    return st.lists(one, min_size=0, max_size=4)


# "na" only where the rubric says when an item does not apply (score truth refuses it elsewhere)
item_findings = st.sampled_from(sorted(ITEMS)).flatmap(
    lambda item_id: st.tuples(st.just(item_id), values_for(ITEMS[item_id]),
                              st.sampled_from([None, "checked", "na"] if ITEMS[item_id].na_reason else [None, "checked"])))


def check_editor_shows_the_engine_answer(store, inspection_id: str, item_id: str) -> None:
    session = WalkSession(store, inspection_id)
    editor = editor_for(session, ITEMS[item_id])
    try:
        answer = scores.answers(store, inspection_id).get(item_id)  # the engine's, from the store afresh
        node = scores.score_inspection(store, inspection_id).nodes[item_id]
        findings = store.findings.of(inspection_id, item_id)
        kind = ITEMS[item_id].rule.kind
        if answer == NOT_APPLICABLE:
            if hasattr(editor, "summary"):
                assert editor.summary.text() == "Not applicable"
            return
        if kind in ("missing_elements", "duty_checklist"):
            inner = answer["not_done"] if isinstance(answer, dict) else answer
            count = len(inner) if isinstance(inner, list) else (inner or 0)
            assert first_number(editor.summary.text()) == count
            ticked = {editor.list.item(n).data(Qt.UserRole + 1) for n in range(len(editor.names))
                      if editor.list.item(n).checkState() == Qt.Checked}
            assert ticked == {f.value for f in findings if f.value is not None}
            assert len(editor.unnamed_rows()) == sum(f.value is None for f in findings)
        elif kind in ("per_occurrence", "per_event"):
            assert first_number(editor.summary.text()) == (answer or 0)
            assert editor.model.rowCount() == len(findings)
        elif kind == "rating":
            assert editor.summary.text().endswith(f"counts as {answer}") if answer else "rated" in editor.summary.text()
        elif kind == "min_options":
            ticked = [editor.list.item(n).data(Qt.UserRole + 1) for n in range(editor.list.count())
                      if editor.list.item(n).checkState() == Qt.Checked]
            assert sorted(ticked) == sorted(answer["selected"] if answer else [])
            assert editor.summary.text().startswith("✓") == (node.status == "ok")
        elif kind in ("pass_fail", "bonus", "veto"):
            assert editor.yes_button.isChecked() == (answer is True)
            assert editor.no_button.isChecked() == (answer is False)
        else:  # metric, proportional: the actual shown is the engine's answer's
            actual = answer.get("actual") if isinstance(answer, dict) else answer
            assert editor.actual_edit.text() == ("" if actual is None else fmt(to_decimal(actual)))
            if node.status in ("ok", "deducted", "unscored"):
                assert str(node.explanation) in editor.shortfall_label.text()
    finally:
        editor.deleteLater()
        session.deleteLater()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(item_findings, min_size=1, max_size=4), many=st.booleans())
def test_each_editor_shows_the_engine_answer_for_findings_written_through_the_store(qapp, store, entries, many):
    inspection_id = store.inspections.create(RUBRIC, assessee_id=None, assessee_name="梅花村", inspectors=["甲"],
                                             date="2026-11-22")
    for item_id, values, mark in entries:
        if many:
            store.findings.add_many(inspection_id, [{"item_id": item_id, "value": v} for v in values])
        else:
            for value in values:
                store.findings.add(inspection_id, item_id, value=value)
        if mark:
            store.findings.set_mark(inspection_id, item_id, mark)
    for item_id in {e[0] for e in entries}:
        check_editor_shows_the_engine_answer(store, inspection_id, item_id)


def answers_for(item):
    """Answers an answers file may give for ``item`` (counts of unnamed elements among them)."""
    kind = item.rule.kind
    if kind in ("per_occurrence", "per_event"):
        return st.integers(0, 6)
    if kind == "missing_elements":
        names = item.rule.elements
        return st.one_of(st.integers(0, len(names)), st.lists(st.sampled_from(names), unique=True))
    if kind == "duty_checklist":
        names = item.rule.duties
        return st.one_of(st.integers(0, len(names)), st.lists(st.sampled_from(names), unique=True)).map(
            lambda v: {"not_done": v})
    if kind == "min_options":
        return st.lists(st.sampled_from(item.rule.options), unique=True).map(lambda s: {"selected": s})
    if kind in ("pass_fail", "bonus", "veto"):
        return st.booleans()
    if kind == "rating":
        return st.sampled_from(list(item.rule.levels))
    return st.none()  # metric and proportional need the county's targets: left to the store path


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_each_editor_shows_the_engine_answer_after_inspection_add(qapp, store, data):
    chosen = data.draw(st.lists(st.sampled_from(sorted(ITEMS)), min_size=1, max_size=4, unique=True))
    answers = {item_id: data.draw(answers_for(ITEMS[item_id])) for item_id in chosen}
    answers = {k: v for k, v in answers.items() if v is not None}
    if data.draw(st.booleans()) and chosen and ITEMS[chosen[0]].na_reason:
        answers[chosen[0]] = NOT_APPLICABLE
    inspection_id = add_inspection_from_answers(store, RUBRIC, {"name": "衡阳县/西渡镇/梅花村"}, answers)
    for item_id in answers:
        check_editor_shows_the_engine_answer(store, inspection_id, item_id)
