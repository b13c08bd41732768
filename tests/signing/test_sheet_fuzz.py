"""A signed sheet proves what was signed: whatever its bytes or its QR text are changed to, it is refused in one
sentence, or it verifies as exactly what was signed. Never a traceback, never another score."""

from __future__ import annotations

import pytest
from damagekit import damaged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheetkit import finished_inspection, signers

from fieldcheck.ops import signing
from fieldcheck.signing import pdf, qr
from fieldcheck.signing.keys import DeviceKey
from fieldcheck.store import Store

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    """One signed sheet, what it verifies as, and its QR text."""
    folder = tmp_path_factory.mktemp("fuzzed-sheet")
    store = Store.open(folder / "fieldcheck.db", device="laptop1", user="李明", daily_backup=False,
                       backup_on_close=False)
    key = DeviceKey.load_or_create("laptop1", folder / "keys")
    inspection = finished_inspection(store, photos=1)
    signing.sign_inspection(store, inspection, signers(), key)
    data = signing.sheet_pdf(store, inspection, key)
    store.close()
    check = signing.verify_sheet(data)
    text = str(pdf.check_pdf(data, []).attachment["qr"])
    return data, check, text


def _same_or_refused(call, expected) -> None:
    try:
        got = call()
    except (pdf.SheetInvalid, qr.PayloadInvalid) as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message, message
        return
    assert got == expected  # a change no check reads: it must still be what was signed


@FUZZ
@given(data=st.data())
def test_a_sheet_with_any_bytes_changed_is_refused_or_is_what_was_signed(sheet, data):
    signed, check, _ = sheet
    start = signed.index(b"/Contents <") + len(b"/Contents <")  # the signature itself, hex: its DER is parsed
    signature = (start, signed.index(b">", start) - 1)  # lazily, where a damaged byte once escaped as a traceback
    raw = damaged(data, signed, cut=64, flips=1, inserts=st.binary(min_size=1, max_size=16),
                  at=st.integers(0, len(signed) - 1) | st.integers(*signature))
    _same_or_refused(lambda: signing.verify_sheet(raw), check)


@FUZZ
@given(data=st.data())
def test_a_qr_text_with_any_character_changed_is_refused_or_is_what_was_signed(sheet, data):
    _, _, text = sheet
    at = data.draw(st.integers(0, len(text) - 1))
    how = data.draw(st.sampled_from(["replace", "cut", "insert"]))
    char = data.draw(st.characters(codec="utf-8"))
    changed = {"replace": text[:at] + char + text[at + 1:], "cut": text[:at] + text[at + 1:],
               "insert": text[:at] + char + text[at:]}[how]
    _same_or_refused(lambda: qr.check_payload(changed), qr.check_payload(text))


def test_every_part_of_the_signature_damaged_is_refused_in_one_sentence_or_is_what_was_signed(sheet):
    """A damaged byte in the signature's DER escaped from pyHanko as a traceback (CMSExtractionError, ValueError,
    AttributeError…) where the sheet's reader needed a sentence; every fifth hex digit of it is damaged here.
    A few parts no signature covers (the outer list of digest algorithms, a version number) still verify, as
    exactly what was signed."""
    signed, check, _ = sheet
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    der_end = start + len(signed[start:end].rstrip(b"0"))  # the zeros after it only pad the reserved room
    for at in range(start, der_end, 5):
        digit = b"0" if signed[at:at + 1] != b"0" else b"1"
        damaged = signed[:at] + digit + signed[at + 1:]
        _same_or_refused(lambda: signing.verify_sheet(damaged), check)  # noqa: B023 (called at once)


@pytest.mark.parametrize("line", ["p=", "s="])
def test_a_qr_text_with_a_stray_character_in_its_key_or_signature_is_refused(sheet, line):
    """The base64 decoder skipped characters outside its alphabet, so a changed text still checked (four of
    them, so that the padding worked out from the length stays right)."""
    _, _, text = sheet
    at = text.index(f"\n{line}") + 1 + len(line)
    with pytest.raises(qr.PayloadInvalid):
        qr.check_payload(text[:at] + "::::" + text[at:])
