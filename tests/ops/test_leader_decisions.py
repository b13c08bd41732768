"""The leader's decisions: reasons travel, after-signing findings accepted or rejected, undo until exported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from leaderkit import three_inspectors

from fieldcheck.ops.conflict_text import describe, history
from fieldcheck.ops.conflicts import accept, reject, resolve, undo
from fieldcheck.store import StoreError


@pytest.fixture
def team(tmp_path):
    made = three_inspectors(tmp_path)
    for bundle in made.bundles:
        made.take("L", bundle)
    yield made
    made.close()


def _by_kind(store):
    return {c["kind"]: c for c in store.events.conflicts()}


def test_a_conflict_reads_as_a_person_would_say_it(team):
    leader = team.store("L")
    found = _by_kind(leader)
    assert set(found) == {"concurrent", "after-signing"}
    said = describe(leader, found["concurrent"])
    assert said["item_text"].startswith("2.5.4 ") and len(said["item_text"]) > 6
    assert sorted(s["value_text"] for s in said["sides_text"]) == ["未达标", "达标"]
    assert {s["who"] for s in said["sides_text"]} == {"检查员A", "检查员B"}
    late = describe(leader, found["after-signing"])
    assert any(s["held"] and team.late_note in s["value_text"] for s in late["sides_text"])
    assert {h["side"] for h in history(leader, found["concurrent"])} >= {1, 2}
    # the item's value record both laptops share is said as such, not as somebody's note-less finding
    first = history(leader, found["concurrent"])[0]
    assert (first["action"], first["who"]) == ("create", "")
    assert first["value_text"] == "该项的值记录(各台电脑共用,尚无值)"


def test_a_reason_is_kept_with_the_decision_and_travels(team):
    leader = team.store("L")
    c = _by_kind(leader)["concurrent"]
    keep = next(s["event"] for s in c["sides"] if s["value"] is True)
    resolve(leader, c["id"], keep=keep, reason="复核台账后确认")
    assert "concurrent" not in _by_kind(leader)
    assert leader.decisions.last().reason == "复核台账后确认"
    team.take("A", team.export("L", "back"))
    a = team.store("A")
    assert [f.value for f in a.findings.of(team.village, "2.5.4")] == [True]
    assert "concurrent" not in _by_kind(a)  # the after-signing one is still open, there as here
    events = a.audit.of_field("finding", c["record"], "value", team.village)
    assert events[-1]["reason"] == "复核台账后确认"


def test_rejecting_keeps_the_late_finding_out_and_undo_brings_the_question_back(team):
    leader = team.store("L")
    c = _by_kind(leader)["after-signing"]
    assert all(s["held"] for s in c["sides"])  # a finding made after signing: nothing to keep but the signature
    reject(leader, c["id"], reason="签字后不得补记")
    assert leader.events.conflicts(team.signed) == []
    assert team.late_note not in [f.note for f in leader.findings.of(team.signed, "2.1.1")]
    undone = undo(leader)
    assert undone.kind == "reject"
    assert [x["kind"] for x in leader.events.conflicts(team.signed)] == ["after-signing"]
    assert leader.decisions.history()[0].undone_at is not None


def test_accepting_amends_voids_the_signatures_and_undo_signs_it_back(team):
    leader = team.store("L")
    c = _by_kind(leader)["after-signing"]
    assert leader.signatures.active(team.signed)
    assert accept(leader, c["id"], "情况属实") == 2
    assert leader.inspections.get(team.signed).status == "draft"
    assert leader.signatures.active(team.signed) == []
    assert team.late_note in [f.note for f in leader.findings.of(team.signed, "2.1.1")]
    undo(leader)
    assert leader.inspections.get(team.signed).status == "signed"
    assert leader.signatures.active(team.signed)
    assert team.late_note not in [f.note for f in leader.findings.of(team.signed, "2.1.1")]
    assert [x["kind"] for x in leader.events.conflicts(team.signed)] == ["after-signing"]


def test_after_an_export_undo_is_refused_in_one_sentence(team):
    leader = team.store("L")
    c = _by_kind(leader)["concurrent"]
    resolve(leader, c["id"], value=False, has_value=True)
    team.export("L", "back")
    with pytest.raises(StoreError, match="导出"):
        undo(leader)
    assert "concurrent" not in _by_kind(leader)


def test_undo_leaves_the_database_as_before_the_decision(team):
    leader = team.store("L")
    c = _by_kind(leader)["concurrent"]
    before = leader.events.conflicts()
    events = leader.events.last_seq()
    resolve(leader, c["id"], value=False, has_value=True, reason="抽查")
    undo(leader)
    assert leader.events.conflicts() == before
    assert leader.events.last_seq() <= events
    assert [f.value for f in leader.findings.of(team.village, "2.5.4")] in ([True], [False])


def _state(store):
    c = store.connection
    return {
        "conflicts": [(x["id"], x["kind"], sorted(s["event"] for s in x["sides"])) for x in store.events.conflicts()],
        "findings": c.execute("SELECT id, value, note, deleted FROM findings ORDER BY id").fetchall(),
        "inspections": c.execute("SELECT id, status FROM inspections ORDER BY id").fetchall(),
        "signatures": c.execute("SELECT id, voided_at FROM signatures ORDER BY id").fetchall(),
        "revisions": c.execute("SELECT id, amended_at FROM revisions ORDER BY id").fetchall(),
        "heads": c.execute("SELECT * FROM heads ORDER BY 1, 2, 3, 4").fetchall(),
        "superseded": c.execute("SELECT * FROM superseded ORDER BY 1").fetchall(),
        "held": c.execute("SELECT * FROM held ORDER BY 1").fetchall(),
        "events": c.execute("SELECT id FROM audit ORDER BY seq").fetchall(),
    }


def _decide(store, choice: int) -> None:
    c = store.events.conflicts()[choice % len(store.events.conflicts())]
    if c["kind"] == "after-signing":
        (accept if choice % 2 else reject)(store, c["id"], "理由")
    elif choice % 3 == 0:
        resolve(store, c["id"], value=choice % 2 == 0, has_value=True)
    else:
        resolve(store, c["id"], keep=c["sides"][choice % len(c["sides"])]["event"], reason="理由")


def test_any_decisions_undone_in_turn_leave_the_database_as_it_was(team):
    """Decide and undo in any order: undoing everything gives back the very state before (hypothesis)."""
    leader = team.store("L")
    before = _state(leader)

    @settings(max_examples=12, deadline=None)
    @given(st.lists(st.one_of(st.integers(0, 5), st.none()), max_size=5))
    def run(steps):
        made = 0
        for step in steps:
            if step is None and made:
                undo(leader)
                made -= 1
            elif step is not None and leader.events.conflicts():
                _decide(leader, step)
                made += 1
        while made:
            undo(leader)
            made -= 1
        assert _state(leader) == before

    run()
