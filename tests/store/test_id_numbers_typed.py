"""A whole ID number however a person types it (spaces, dashes, full-width digits, a final x, the old
15 digits) never reaches the disk; a long number that is not an ID (a phone, an amount) is kept as typed.

Each test asserts on the bytes of the database folder (the file, its WAL, its backups, the photos).
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldcheck.engine import catalog
from fieldcheck.ops.demo import make_photo
from fieldcheck.store import Store, StoreError
from fieldcheck.store.id_numbers import holds_id_number, is_id_number, mask_in_json, mask_in_text, masked_value

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def with_check_digit(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


ID = with_check_digit("43042119730419571")  # 430421197304195712: born 1973-04-19
OLD_ID = "110105491231002"  # an old card: born 1949-12-31
FULL_WIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")
TYPED = {
    "as printed": ID,
    "spaces as on the card": "430421 19730419 5712",
    "dashes": "430421-19730419-5712",
    "groups of four": "4304 2119 7304 1957 12",
    "full-width": ID.translate(FULL_WIDTH),
    "full-width dashes": "430421－19730419－5712".translate(FULL_WIDTH),
    "ideographic spaces": "430421\u300019730419\u30005712",
}


def _flat(text: str) -> str:
    """Text with JSON's escapes read, full width folded and spaces and dashes taken out, upper case."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return re.sub(r"[\s\-－]", "", unicodedata.normalize("NFKC", text)).upper()


def hidden(folder, needles=("1973041957", "491231002")) -> list[str]:
    """Files under ``folder`` that hold a whole ID number's hidden middle, in any form it was typed."""
    return [p.name for p in folder.rglob("*") if p.is_file()
            and any(n in _flat(p.read_bytes().decode("utf-8", "ignore")) for n in needles)]


@pytest.fixture
def kept(tmp_path):
    """A database with a village, a household and an inspection with one finding; its folder is checked."""
    s = Store.open(tmp_path / "fieldcheck.db", device="laptop1", user="李明")
    county = s.places.add("县", "衡阳县")
    village = s.places.add("村", "梅花村", s.places.add("乡镇", "西渡镇", county))
    household = s.households.add(village, "张三")
    inspection = s.inspections.create(catalog.find("village-work-team"), assessee_id=village, assessee_name="",
                                      inspectors=["李明"], date="2026-11-20")
    finding = s.findings.add(inspection, "2.1.1", household_id=household, note="手册漏填")
    s.ids = {"county": county, "village": village, "household": household, "inspection": inspection,
             "finding": finding.id}
    yield s
    s.close()


@pytest.mark.parametrize("typed", TYPED.values(), ids=TYPED.keys())
def test_a_note_quoting_an_id_number_however_typed_keeps_it_masked(kept, tmp_path, typed):
    kept.findings.update(kept.ids["finding"], note=f"张三 {typed} 手册未签字")
    assert kept.findings.get(kept.ids["finding"]).note == "张三 430421********5712 手册未签字"
    assert hidden(tmp_path) == []


@pytest.mark.parametrize("typed", TYPED.values(), ids=TYPED.keys())
def test_an_id_number_however_typed_is_refused_in_a_name_and_nothing_is_written(kept, tmp_path, typed):
    before = kept.connection.execute("SELECT count(*) FROM audit").fetchone()
    with pytest.raises(StoreError, match="身份证号"):
        kept.households.add(kept.ids["village"], f"王五 {typed}")
    with pytest.raises(StoreError, match="身份证号"):
        kept.households.update(kept.ids["household"], helper=f"刘强{typed}")
    assert kept.connection.execute("SELECT count(*) FROM audit").fetchone() == before
    assert hidden(tmp_path) == []


@pytest.mark.parametrize("kind", ["乡镇", "村", "单位"])
def test_a_place_named_with_an_id_number_is_refused(kept, tmp_path, kind):
    """A place's name travels in every bundle and prints on every sheet, and its id is made from it."""
    parent = {"乡镇": kept.ids["county"], "村": kept.places.add("乡镇", "西渡镇", kept.ids["county"]), "单位": None}[kind]
    with pytest.raises(StoreError, match="身份证号"):
        kept.places.add(kind, f"梅花村 {TYPED['spaces as on the card']}", parent)
    assert hidden(tmp_path) == []


def test_the_household_field_takes_an_id_number_as_typed_and_keeps_it_masked(kept, tmp_path):
    for typed in (*TYPED.values(), OLD_ID, "11010519491231002x"):
        kept.households.update(kept.ids["household"], id_number=typed)
        assert kept.households.get(kept.ids["household"]).id_masked in (
            "430421********5712", "110105*****1002", "110105********002X")
    assert hidden(tmp_path) == []


def test_a_photo_named_by_an_id_number_keeps_the_name_masked(kept, tmp_path):
    """Inspectors name a household's photo by the head's card number; the name travels with the photo."""
    photo = tmp_path / "camera" / f"{ID}.jpg"
    photo.parent.mkdir()
    photo.write_bytes(make_photo(random.Random(1), size=(320, 240)))
    kept.photos.add(kept.ids["finding"], photo)
    assert [p.original_name for p in kept.photos.of(kept.ids["finding"])] == ["430421********5712.jpg"]
    photo.unlink()
    assert hidden(tmp_path) == []


@pytest.mark.parametrize("note", [
    "村支书电话 13807341234,座机 0734-8123456",  # phone numbers
    "到户资金 123456789012345678 元",  # 18 digits: no right check digit, no birth date
    "一卡通账号 6217002870012345678",  # a 19-digit bank card
    "户籍页码 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18",  # a list of small numbers
    "档案号 2026-11-22-0001",
])
def test_a_long_number_that_is_not_an_id_is_kept_as_typed(kept, note):
    kept.findings.update(kept.ids["finding"], note=note)
    assert kept.findings.get(kept.ids["finding"]).note == note


def test_the_reading_of_which_numbers_are_ids():
    assert is_id_number(ID) and is_id_number(OLD_ID) and is_id_number("11010519491231002X")
    assert is_id_number("430421198001011234")  # a mistyped check digit: the birth date still says it is one
    assert is_id_number(with_check_digit("43042199999999999"))  # no date, but the check digit is right
    wrong = next(n for n in (f"43042199999999999{d}" for d in "0123456789X") if not is_id_number(n))
    assert not holds_id_number(wrong) and mask_in_text(wrong) == wrong
    assert not is_id_number("430421731319571")  # 15 digits with a 13th month


birth = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))


@st.composite
def typed_ids(draw):
    """A real ID number (region, birth date, sequence, check digit) as a person may type it."""
    day = draw(birth)
    region = draw(st.sampled_from(["430421", "110105", "440301", "652801", "130102"]))
    sequence = f"{draw(st.integers(0, 999)):03d}"
    if draw(st.booleans()):
        number = with_check_digit(region + day.strftime("%Y%m%d") + sequence)
        cuts = (6, 14)
    else:
        day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)))
        number = region + day.strftime("%y%m%d") + sequence
        cuts = (6, 12)
    separator = draw(st.sampled_from(["", " ", "-", "\u3000", "－"]))
    if separator:
        number = number[:cuts[0]] + separator + number[cuts[0]:cuts[1]] + separator + number[cuts[1]:]
    if draw(st.booleans()):
        number = number.translate(FULL_WIDTH)
    if number[-1] in "XＸ" and draw(st.booleans()):
        number = number[:-1] + ("x" if number[-1] == "X" else "ｘ")
    return number


around = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Nd", "No", "Nl")), max_size=12)


@given(typed=typed_ids(), before=around, after=around)
def test_no_typed_id_number_survives_in_free_text(typed, before, after):
    plain = _flat(typed)
    masked = mask_in_text(f"{before} {typed} {after}")
    assert plain not in _flat(masked) and plain[:6] + "*" * (len(plain) - 10) + plain[-4:] in masked
    assert holds_id_number(f"{before}{typed}{after}")


@given(amount=st.integers(10 ** 17, 10 ** 18 - 1), words=around)
def test_an_18_digit_number_that_is_not_an_id_is_left_as_typed(amount, words):
    number = str(amount)
    try:
        a_date = date(int(number[6:10]), int(number[10:12]), int(number[12:14])).year >= 1900
    except ValueError:
        a_date = False
    if not a_date and with_check_digit(number[:17]) != number:
        assert mask_in_text(f"{words} {number}") == f"{words} {number}"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=typed_ids(), where=st.sampled_from(["note", "head", "helper", "status", "village", "inspector"]))
def test_no_text_input_stores_a_whole_id_number(kept, tmp_path, typed, where):
    """Whatever field a typed ID number goes into, the folder never holds it whole: masked or refused."""
    text = f"李四{typed}"
    try:
        if where == "note":
            kept.findings.update(kept.ids["finding"], note=text)
        elif where == "village":
            kept.places.add("村", text, kept.places.add("乡镇", "西渡镇", kept.ids["county"]))
        elif where == "inspector":
            kept.inspections.update(kept.ids["inspection"], inspectors=[text])
        else:
            kept.households.update(kept.ids["household"], **{"head_name" if where == "head" else where: text})
    except StoreError:
        pass
    plain = _flat(typed)
    assert hidden(tmp_path, (plain[6:-3],)) == [], where  # the birth date and sequence the mask hides



@pytest.mark.parametrize("alone", ["430421197304195712", "4304-2119-7304-1957-12", "430421-19730419-5712"])
def test_a_text_that_is_an_id_number_alone_is_masked_in_an_event_too(alone):
    """An upgrade and an older laptop's events are masked through ``masked_value``, which leaves ids and
    hashes alone; an ID number typed as the whole note (with dashes, as on a copy of the card) has their
    shape, and was kept whole in the audit log's JSON."""
    assert masked_value({"note": alone, "id": "1f0c6a1e-43a4-4c2b-9b1e-3a9f6f1d2e77"}) == {
        "note": "430421********5712", "id": "1f0c6a1e-43a4-4c2b-9b1e-3a9f6f1d2e77"}
    assert mask_in_json(f'{{"note": "{alone}"}}') == '{"note": "430421********5712"}'
    stamp, sha = "001790000000000-0000-old", "ab" * 32
    assert masked_value([stamp, sha]) == [stamp, sha]
