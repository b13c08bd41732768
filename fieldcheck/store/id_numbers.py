"""ID numbers (身份证号): kept only masked, 430421********1234, wherever a person typed one.

A household's own number has its field and is masked there; one typed anywhere else is
either refused (a name column) or masked where it stands (a finding's note).
"""

from __future__ import annotations

import re

from fieldcheck.engine.numbers import halfwidth
from fieldcheck.i18n import t
from fieldcheck.store.database import StoreError


def mask_id_number(number: str | None) -> str | None:
    """Keep only the first 6 and last 4 characters of a 身份证号: 430421********1234.

    An already masked number is accepted as it is. StoreError for anything that is not a
    15- or 18-character ID number, so a typo is caught rather than stored half-masked.
    """
    if number is None:
        return None
    text = str(number).strip().upper().replace(" ", "")
    if not text:
        return None
    if len(text) in (15, 18) and text[:6].isdigit() and text[-4:-1].isdigit() and set(text[6:-4]) == {"*"}:
        return text
    digits_ok = text[:-1].isdigit() and (text[-1].isdigit() or (len(text) == 18 and text[-1] == "X"))
    if len(text) not in (15, 18) or not digits_ok:
        raise StoreError(t("身份证号应为 18 位(或旧版 15 位)数字,末位可为 X;请核对后重新输入",
                           "an ID number has 18 digits (or 15 for old cards), the last may be X; check it and enter it again"))
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


#: an ID number's shape inside other text: 18 characters (the last may be X) or the old 15 digits
#: (in ASCII or in the full-width digits a Chinese input method types: ４３０４２１…)
_ID_IN_TEXT = re.compile(r"(?<![0-9０-９])(?:[0-9０-９]{17}[0-9０-９XxＸｘ]|[0-9０-９]{15})(?![0-9０-９])")


def holds_id_number(text: str) -> bool:
    """Whether text carries a whole ID number (a name column filled with one, or a number typed after a name)."""
    return _ID_IN_TEXT.search(text) is not None


def mask_in_text(text: str) -> str:
    """Free text with every whole ID number in it masked (a note that quotes a handbook's wrong number)."""
    return _ID_IN_TEXT.sub(lambda m: mask_id_number(halfwidth(m.group(0)).upper()) or "", text)


def answer_holds_id_number(value: object) -> bool:
    """Whether a text anywhere in an answer (the names typed in 其他, a list's names) is or holds a whole ID number."""
    if isinstance(value, str):
        return holds_id_number(value)
    if isinstance(value, dict):
        return any(answer_holds_id_number(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(answer_holds_id_number(v) for v in value)
    return False
