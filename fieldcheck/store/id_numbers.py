"""ID numbers (身份证号): kept only masked, 430421********1234, wherever a person typed one.

A household's own number has its field and is masked there; one typed anywhere else is
either refused (a name column) or masked where it stands (a finding's note).

Which numbers in free text are read as ID numbers (GB 11643-1999): a run of digits, in ASCII
or the full-width digits of a Chinese input method, perhaps broken by single spaces or dashes
as people copy a card (430421 19730419 5712, 4304-2119-7304-1957-12; each group but the last of
3 digits or more, so a list of small numbers is not read as one), that holds
- 18 characters, the last a digit or X, whose check digit is right, or whose 7th-14th digits
  are a real birth date (a mistyped number quoted in a note is still a person's), or
- 15 digits (an old card) whose 7th-12th digits are a real birth date (19YYMMDD).
Anything else stays as typed: a phone number (11 digits), an amount, a 16- or 19-digit bank
card, a longer run of digits, an 18-digit code with neither a right check digit nor a date.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from fieldcheck.engine.numbers import halfwidth
from fieldcheck.i18n import t
from fieldcheck.store.database import StoreError

#: what may stand between the groups of a typed ID number: one space (ASCII or ideographic) or dash
_SEPARATORS = " \u3000-\uff0d\u2010\u2011\u2012\u2013\u2014"


def _plain(number: str) -> str:
    """An ID number as one string of ASCII digits with a capital X: separators and full width undone."""
    return "".join(ch for ch in halfwidth(number) if ch not in _SEPARATORS).upper()


def mask_id_number(number: str | None) -> str | None:
    """Keep only the first 6 and last 4 characters of a 身份证号: 430421********1234.

    An already masked number is accepted as it is. StoreError for anything that is not a
    15- or 18-character ID number, so a typo is caught rather than stored half-masked.
    Full-width digits, spaces and dashes as typed are read as the digits they stand for.
    """
    if number is None:
        return None
    text = _plain(str(number).strip())
    if not text:
        return None
    if len(text) in (15, 18) and text[:6].isdigit() and text[-4:-1].isdigit() and set(text[6:-4]) == {"*"}:
        return text
    digits_ok = text[:-1].isascii() and text[:-1].isdigit() and (
        (text[-1].isascii() and text[-1].isdigit()) or (len(text) == 18 and text[-1] == "X"))
    if len(text) not in (15, 18) or not digits_ok:
        raise StoreError(t("身份证号应为 18 位(或旧版 15 位)数字,末位可为 X;请核对后重新输入",
                           "an ID number has 18 digits (or 15 for old cards), the last may be X; check it and enter it again"))
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _check_digit_right(number: str) -> bool:
    """GB 11643-1999: the 18th character is "10X98765432"[weighted sum of the first 17 mod 11]."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(number, _WEIGHTS, strict=False)) % 11] == number[17]


def _a_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2099


def is_id_number(number: str) -> bool:
    """Whether ASCII ``number`` (digits, perhaps a final X) reads as an ID number (the module's reading)."""
    if len(number) == 18 and number[:17].isdigit() and (number[17].isdigit() or number[17] == "X"):
        return _check_digit_right(number) or _a_date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    if len(number) == 15 and number.isdigit():
        return _a_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return False


#: groups of digits joined by single separators, the last group perhaps ending in X: an ID number
#: is one or more whole groups of such a run, each but the last of 3 digits or more (a phone
#: number typed before it stays its own)
_DIGIT = "0-9\uff10-\uff19"
_RUN = re.compile(rf"(?<![{_DIGIT}])[{_DIGIT}]+(?:[{re.escape(_SEPARATORS)}][{_DIGIT}]+)*(?:[XxＸｘ])?(?![{_DIGIT}])")
_GROUP = re.compile(rf"[{_DIGIT}]+(?:[XxＸｘ]$)?")


#: 15 digits with at most single separators between them: what any ID number needs (a quick test
#: first, so that a rubric's text of 60 KB full of scores is read in a blink)
_LONG = re.compile(rf"[{_DIGIT}](?:[{re.escape(_SEPARATORS)}]?[{_DIGIT}]){{14}}")


def _id_spans(text: str):
    """(start, end, ASCII number) of every ID number in ``text``, left to right."""
    if not _LONG.search(text):
        return
    for run in _RUN.finditer(text):
        groups = [(m.start() + run.start(), m.end() + run.start()) for m in _GROUP.finditer(run.group(0))]
        first = 0
        while first < len(groups):
            for last in range(first, len(groups)):
                start, end = groups[first][0], groups[last][1]
                number = _plain(text[start:end])
                if number.endswith("X") and len(number) != 18:  # an X typed after 15 or 18 digits is not theirs
                    number, end = number[:-1], end - 1
                if len(number) > 18 or (last > first and groups[last - 1][1] - groups[last - 1][0] < 3):
                    break  # too long, or a list of short numbers (1 2 3 …, 10 11 12 …) rather than a card's groups
                if len(number) in (15, 18) and is_id_number(number):
                    yield start, end, number
                    first = last
                    break
            first += 1


def holds_id_number(text: str) -> bool:
    """Whether text carries a whole ID number (a name column filled with one, or a number typed after a name)."""
    return next(_id_spans(text), None) is not None


def mask_in_text(text: str) -> str:
    """Free text with every whole ID number in it masked (a note that quotes a handbook's wrong number)."""
    spans = list(_id_spans(text))
    for start, end, number in reversed(spans):
        text = text[:start] + (mask_id_number(number) or "") + text[end:]
    return text


#: a string that names a record, not a person's text: an id, a hash, a clock stamp (never masked)
_IDENTIFIER = re.compile(r"[0-9a-fA-F-]{16,}|\d{15}-\d{4}-\S*")
#: digits and separators alone: an identifier's shape, but what a card's number copied alone looks like
_DIGITS_ALONE = re.compile(r"[0-9\s-]+[0-9Xx]")


#: what is not a person's text: a revision's signed content (its hash is what the signature covers, so
#: it stays as signed) and images and strokes (base64 and numbers, the bulk of a bundle's events)
_NOT_TEXT = frozenset({"content", "image", "thumbnail", "strokes"})


def masked_value(value: Any) -> Any:
    """A stored value (text, or JSON's lists and dicts of them) with every whole ID number in its texts
    masked; ids, hashes, clock stamps, numbers and a revision's signed content are left alone."""
    if isinstance(value, str):  # shorter than 15 characters: no ID number (most of an event's texts)
        if len(value) < 15 or _IDENTIFIER.fullmatch(value) and not _DIGITS_ALONE.fullmatch(value):
            return value  # (a note that is an ID number alone, 4304-2119-…, has an identifier's shape too)
        return mask_in_text(value)
    if isinstance(value, dict):
        return {k: v if k in _NOT_TEXT else masked_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked_value(v) for v in value]
    return value


def mask_in_json(text: str | None) -> str | None:
    """A stored JSON value with every whole ID number in its texts masked; the same text when there is none.

    Only strings are read (a number stays a number), and ids, hashes and clock stamps are left alone.
    """
    if text is None or not holds_id_number(text):
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return mask_in_text(text)
    masked = masked_value(value)
    return text if masked == value else json.dumps(masked, ensure_ascii=False)


def answer_holds_id_number(value: object) -> bool:
    """Whether a text anywhere in an answer (the names typed in 其他, a list's names) is or holds a whole ID number."""
    if isinstance(value, str):
        return holds_id_number(value)
    if isinstance(value, dict):
        return any(answer_holds_id_number(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(answer_holds_id_number(v) for v in value)
    return False
