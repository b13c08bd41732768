"""Incoming values are checked against the inspection's rubric snapshot: a bundle with an event that
names an item the rubric lacks, or a value or mark the item's rule form does not take, is refused
whole, in one sentence naming the bundle, the inspection and the item, with nothing changed."""

from __future__ import annotations

import json

import pytest
from conftest import village_inspection
from test_bad_bundles import _refused, rebuild

from fieldcheck.sync.checks import verify


@pytest.fixture
def setup(laptops, tmp_path, language):
    """A has an inspection of 测试村 with a finding, a value and a mark; B already took an earlier bundle."""
    language("en")
    a, b = laptops("A", "B")
    insp = village_inspection(a.store)
    b.take(a.export(tmp_path / "usb"))
    a.store.findings.add(insp, "2.1.1", note="缺页")
    a.store.findings.set_value(insp, "2.5.5", "满意")
    a.store.findings.set_mark(insp, "2.5.4", "checked")
    good = a.export(tmp_path / "usb", everything=True)
    return a, b, good, insp


def _edit_events(change):
    """A member editor: ``change(event)`` may alter each event of events.jsonl in place."""
    def edit(data):
        out = []
        for line in data["events.jsonl"].decode().splitlines():
            e = json.loads(line)
            change(e)
            out.append(json.dumps(e, ensure_ascii=False))
        return {**data, "events.jsonl": ("\n".join(out) + "\n").encode()}
    return edit


def test_the_untouched_bundle_is_accepted(setup):
    a, b, good, insp = setup
    verify(good)
    b.take(good)
    assert sorted((f.item_id, f.value or "") for f in b.store.findings.of(insp)) == [("2.1.1", ""), ("2.5.5", "满意")]


def test_a_finding_on_an_item_the_rubric_lacks_is_refused(setup, tmp_path):
    a, b, good, insp = setup

    def change(e):
        if e["entity"] == "finding" and e["action"] == "create" and e["new"]["item_id"] == "2.1.1":
            e["new"]["item_id"] = "9.9.9"

    bad = rebuild(good, tmp_path / "unknown-item.fcbundle", a, members=_edit_events(change))
    _refused(b, bad, "unknown-item.fcbundle", "9.9.9", insp[:8], "has no such item", "nothing was imported")


def test_a_value_its_rule_form_does_not_take_is_refused(setup, tmp_path):
    a, b, good, insp = setup

    def change(e):
        if e["entity"] == "finding" and e["action"] == "update" and e["field"] == "value":
            e["new"] = "很好"  # 2.5.5 is rated 满意 / 基本满意 / 不满意

    bad = rebuild(good, tmp_path / "bad-rating.fcbundle", a, members=_edit_events(change))
    _refused(b, bad, "bad-rating.fcbundle", "2.5.5", insp[:8], "does not allow", "很好")


def test_a_count_that_is_not_a_count_is_refused_even_on_a_new_finding(setup, tmp_path):
    a, b, good, insp = setup

    def change(e):
        if e["entity"] == "finding" and e["action"] == "create" and e["new"]["item_id"] == "2.1.1":
            e["new"]["value"] = -3

    bad = rebuild(good, tmp_path / "negative.fcbundle", a, members=_edit_events(change))
    _refused(b, bad, "negative.fcbundle", "2.1.1", insp[:8], "does not allow")


@pytest.mark.parametrize("how", ["value", "item"])
def test_a_mark_that_does_not_fit_is_refused(setup, tmp_path, how):
    a, b, good, insp = setup

    def change(e):
        if e["entity"] == "mark":
            if how == "value":
                e["new"] = "maybe"
            else:
                e["field"], e["entity_id"] = "7.7", f"{insp}/7.7"

    bad = rebuild(good, tmp_path / f"mark-{how}.fcbundle", a, members=_edit_events(change))
    _refused(b, bad, f"mark-{how}.fcbundle", insp[:8], "2.5.4" if how == "value" else "7.7")


def test_a_rubric_snapshot_that_is_not_its_version_is_refused(setup, tmp_path):
    a, b, good, insp = setup

    def edit(data):
        name = next(n for n in data if n.startswith("rubrics/"))
        return {**data, name: data[name].replace(b"2.5.5", b"2.5.9")}

    bad = rebuild(good, tmp_path / "snapshot.fcbundle", a, members=edit)
    _refused(b, bad, "snapshot.fcbundle", "rubric snapshot")


def test_refusal_is_in_chinese_too(setup, tmp_path, language):
    a, b, good, insp = setup
    language("zh")

    def change(e):
        if e["entity"] == "finding" and e["action"] == "create" and e["new"]["item_id"] == "2.1.1":
            e["new"]["item_id"] = "9.9.9"

    bad = rebuild(good, tmp_path / "zh.fcbundle", a, members=_edit_events(change))
    _refused(b, bad, "同步包 zh.fcbundle", "项目 9.9.9", insp[:8], "未导入任何内容")

