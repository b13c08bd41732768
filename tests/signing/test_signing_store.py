"""Signing locks an inspection; amending needs a reason, voids the signatures (kept) and is audited."""

from __future__ import annotations

import pytest
from sheetkit import finished_inspection, signers

from fieldcheck.ops import signing
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.store import StoreError
from fieldcheck.store.signatures import SignerInput


@pytest.fixture
def key(tmp_path):
    return DeviceKey.load_or_create("laptop1", tmp_path / "keys")


def test_signing_locks_the_inspection(store, key):
    inspection = finished_inspection(store, photos=0)
    revision = signing.sign_inspection(store, inspection, signers(), key)
    assert revision.number == 1 and len(revision.content_hash) == 64 and revision.key_id == key.key_id
    assert store.inspections.get(inspection).status == "signed"
    with pytest.raises(StoreError, match="修订"):
        store.findings.add(inspection, "2.1.2", household_id=None, note="又一处")
    with pytest.raises(StoreError):
        store.findings.set_mark(inspection, "2.1.2", "na")
    # 标为草稿 cannot unlock it silently any more, nor can "signed" be set without signatures
    with pytest.raises(StoreError, match="修订"):
        store.inspections.update(inspection, status="draft")
    with pytest.raises(StoreError):
        signing.sign_inspection(store, inspection, signers(), key)
    store.inspections.update(inspection, status="exported")  # signed → exported stays allowed
    with pytest.raises(StoreError, match="修订"):
        store.inspections.update(inspection, status="draft")
    assert [s.name for s in store.signatures.active(inspection)] == ["张三", "李四", "王村长"]


def test_update_cannot_sign(store):
    inspection = finished_inspection(store, photos=0)
    with pytest.raises(StoreError, match="签字"):
        store.inspections.update(inspection, status="signed")
    assert store.inspections.get(inspection).status == "draft"


def test_an_unfinished_inspection_cannot_be_signed(store, key):
    inspection = finished_inspection(store, photos=0, finish=False)
    missing = signing.unanswered(store, inspection)
    assert missing and all(isinstance(title, str) for _, title in missing)
    with pytest.raises(StoreError, match=f"还有 {len(missing)} 项未检查"):
        signing.sign_inspection(store, inspection, signers(), key)
    assert store.inspections.get(inspection).status == "draft"
    assert store.signatures.of(inspection) == []


@pytest.mark.parametrize("bad, message", [
    ([], "至少"),
    ([SignerInput("王村长", "representative")], "至少"),
    ([SignerInput(" ", "leader")], "姓名"),
    ([SignerInput("张三", "boss")], "角色"),
    ([SignerInput("张三", "leader"), SignerInput("李四", "leader")], "只能有一位"),
])
def test_unusable_signers_are_refused_and_nothing_is_kept(store, key, bad, message):
    inspection = finished_inspection(store, photos=0)
    with pytest.raises(StoreError, match=message):
        signing.sign_inspection(store, inspection, bad, key)
    assert store.inspections.get(inspection).status == "draft"
    assert store.signatures.of(inspection) == [] and store.signatures.revisions(inspection) == []


def test_amending_voids_keeps_and_audits(store, key):
    inspection = finished_inspection(store, photos=0)
    first = signing.sign_inspection(store, inspection, signers(), key)
    with pytest.raises(StoreError, match="原因"):
        signing.amend(store, inspection, "  ")
    assert store.inspections.get(inspection).status == "signed"
    assert signing.amend(store, inspection, "2.1.1 重复录入一户") == 2
    assert store.inspections.get(inspection).status == "draft"
    assert store.signatures.revision(inspection) == 2
    assert store.signatures.current(inspection) is None
    # the old signatures are voided, not removed: who, when, why
    old = store.signatures.of(inspection, revision=1)
    assert len(old) == 3 and all(s.voided and s.voided_by == "李明" and s.void_reason == "2.1.1 重复录入一户"
                                 for s in old)
    assert store.signatures.active(inspection) == []
    revisions = store.signatures.revisions(inspection)
    assert [(r.number, r.amend_reason, r.amended_by) for r in revisions] == [(1, "2.1.1 重复录入一户", "李明")]
    # the audit log says who signed, who amended and why, and each voided signature
    entries = store.audit.entries(inspection)
    actions = [(e.action, e.entity) for e in entries]
    assert ("sign", "inspection") in actions and ("amend", "inspection") in actions
    assert actions.count(("void", "signature")) == 3
    amend_entry = next(e for e in entries if e.action == "amend")
    assert amend_entry.who == "李明" and amend_entry.new == {"revision": 2, "reason": "2.1.1 重复录入一户"}
    assert amend_entry.old["content_hash"] == first.content_hash
    # the draft can change again, and be signed as revision 2
    store.findings.add(inspection, "2.1.2", note="又一处")
    second = signing.sign_inspection(store, inspection, signers(2)[:1], key)
    assert second.number == 2 and second.content_hash != first.content_hash
    assert [s.revision for s in store.signatures.of(inspection)] == [1, 1, 1, 2]
    with pytest.raises(StoreError, match="草稿"):
        signing.amend(store, finished_inspection(store, photos=0, village_name="桃村"), "无")


def test_signatures_survive_reopening(tmp_path, key):
    from fieldcheck.store import Store

    with Store.open(tmp_path / "a.db", device="laptop1", user="李明") as store:
        inspection = finished_inspection(store, photos=0)
        signing.sign_inspection(store, inspection, signers(), key)
    with Store.open(tmp_path / "a.db", device="laptop1", user="李明") as store:
        stored = store.signatures.active(inspection)
        assert [s.role for s in stored] == ["leader", "member", "representative"]
        assert stored[0].image.startswith(b"\x89PNG") and stored[0].strokes and stored[0].image_sha256
        assert signing.sheet_pdf(store, inspection, key).startswith(b"%PDF")
