"""Property: whatever the edits on three laptops and the order bundles travel in, the same events give the same state."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from conftest import Laptop, village_inspection
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sheetkit import lock_as_signed

from fieldcheck.ops.conflicts import set_item
from fieldcheck.ops.demo import make_photo
from fieldcheck.store import StoreError

DEVICES = ("A", "B", "C")
PHOTOS = [make_photo(random.Random(n), size=(64, 48)) for n in range(2)]
edit = st.one_of(
    st.tuples(st.just("value"), st.sampled_from(["2.5.4", "3.1.1"]), st.booleans()),
    st.tuples(st.just("mark"), st.sampled_from(["2.6.1", "2.5.4"]), st.sampled_from(["checked", "na", None])),
    st.tuples(st.just("note"), st.integers(0, 2), st.sampled_from(["甲", "乙", "丙"])),
    st.tuples(st.just("delete"), st.integers(0, 2), st.booleans()),
    st.tuples(st.just("add"), st.sampled_from(["2.1.1", "2.2.1"]), st.just(None)),
    st.tuples(st.just("photo"), st.integers(0, 2), st.integers(0, 1)),
    st.tuples(st.just("status"), st.just(None), st.sampled_from(["signed", "draft"])),
)
step = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(DEVICES), edit),
    st.tuples(st.just("send"), st.sampled_from(DEVICES), st.sampled_from(DEVICES)),
    st.tuples(st.just("resend"), st.integers(0, 50), st.sampled_from(DEVICES)),
)


def _edit(laptop: Laptop, insp: str, findings: list[str], op) -> None:
    kind, what, value = op
    s = laptop.store
    try:
        if kind == "value":
            set_item(s, insp, what, value)
        elif kind == "mark":
            s.findings.set_mark(insp, what, value)
        elif kind == "note":
            s.findings.update(findings[what], note=value)
        elif kind == "delete":
            (s.findings.delete if value else s.findings.restore)(findings[what])
        elif kind == "add":
            s.findings.add(insp, what, note=laptop.device)
        elif kind == "photo":  # two photos to choose from: the same one twice on one finding is one
            s.photos.add(findings[what], PHOTOS[value])
        elif kind == "status" and value == "signed":
            lock_as_signed(s, insp)
        elif kind == "status":  # back to a draft: 修订, which voids the signatures
            s.signatures.amend(insp, "重新检查")
    except StoreError:
        pass  # a locked inspection or a deleted finding refuses, as in the window


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(step, max_size=25), final_orders=st.permutations(range(6)))
def test_same_events_same_state_and_conflicts(steps, final_orders):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        laptops = {d: Laptop(folder, d) for d in DEVICES}
        try:
            a = laptops["A"]
            insp = village_inspection(a.store)
            findings = [a.store.findings.add(insp, "2.1.1", note=f"原{n}").id for n in range(3)]
            start = a.export(folder / "start", everything=True)
            for d in ("B", "C"):
                laptops[d].take(start)
            sent: list[Path] = [start]
            for s in steps:
                if s[0] == "edit":
                    _edit(laptops[s[1]], insp, findings, s[2])
                elif s[0] == "send" and s[1] != s[2]:
                    bundle = laptops[s[1]].export(folder / f"{s[1]}to{s[2]}")
                    if bundle:
                        sent.append(bundle)
                        laptops[s[2]].take(bundle)
                elif s[0] == "resend":  # an old bundle again, to anyone
                    laptops[s[2]].take(sent[s[1] % len(sent)])
            # everyone ends up with everyone's events, bundles taken in a random order, twice
            finals = [laptops[d].export(folder / f"final-{d}", everything=True) for d in DEVICES]
            pairs = [(src, dst) for src in range(3) for dst in range(3) if src != dst]
            for _ in range(2):
                for k in final_orders:
                    src, dst = pairs[k]
                    laptops[DEVICES[dst]].take(finals[src])
            states = [laptops[d].state() for d in DEVICES]
            assert states[0] == states[1] == states[2]
            event(f"conflicts: {min(len(states[0]['conflicts']), 2)}, held: {bool(states[0]['held'])}")
        finally:
            for laptop in laptops.values():
                laptop.close()
