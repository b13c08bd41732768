"""What a person typed for an item, read the way the item's rule form takes it.

The window's editors hand the engine its values ready-made: a tick, a number box, a list
of options. A few places take an answer as typed text instead: the compare view's 填写
and the conflicts view's value, and ``compare --answer``, ``conflicts resolve --value`` and
``inspection set`` on the command line. A team leader types 达标, ３处, 二 or 广播、微信群,
not JSON; ``read`` turns those into the engine's shapes by the item's rule form. JSON reads
as before (true, 3, {"selected": [...]}), so scripts keep working, and text it cannot read
is passed on as typed, for the rule's own check to say what is wrong with it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from fieldcheck.engine.numbers import whole_number_text
from fieldcheck.engine.rubric import Item
from fieldcheck.engine.rules import NOT_APPLICABLE
from fieldcheck.engine.rules.options import OTHER_SEPARATORS

#: the marks as the window names them
MARK_WORDS = {"已检查": "checked", "不适用": NOT_APPLICABLE}
#: a unit typed after a count: 3处, 两次, 2项, 两种
_UNITS = "处次项个户人种"


def read(item: Item, raw: Any, *, answer: bool = False) -> Any:
    """``raw`` as ``item``'s rule form takes it: a finding's value, or with ``answer`` the item's answer.

    An answer counts for the whole item (缺少 作战图、扶贫档案 → the list; 2 → two missing);
    a finding's value is one occurrence's (one missing element's name).
    """
    if not isinstance(raw, str):
        return raw
    text = raw.strip()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = text
    if not isinstance(parsed, str):
        return parsed
    text = parsed.strip()
    if text in MARK_WORDS:
        return MARK_WORDS[text]
    kind = item.rule.kind
    count = _whole(text)
    if kind in ("per_occurrence", "per_event"):
        return text if count is None else count
    if kind in ("missing_elements", "duty_checklist"):
        if not answer:
            return text  # one finding names one element
        value: Any = count if count is not None else _names(text, _listed(item))
        return {"not_done": value} if kind == "duty_checklist" else value
    if kind == "min_options":
        if count is not None:
            return {"selected": count}
        names = _names(text, _listed(item))
        listed = [n for n in names if n in _listed(item)]
        other = [n for n in names if n not in listed]
        if other and item.rule.spec.get("open"):
            return {"selected": listed, "other": other}
        return {"selected": names}  # a name not listed is refused by the rule, which names the options
    return text  # yes/no words, ratings and numbers: the rule reads its own


def _listed(item: Item) -> list[str]:
    return list(getattr(item.rule, "elements", None) or getattr(item.rule, "duties", None)
                or getattr(item.rule, "options", None) or [])


def _whole(text: str) -> int | None:
    digits = whole_number_text(text.rstrip(_UNITS).strip() if len(text) > 1 else text)
    # a count past nine digits is no count (and past 4,300 int() refuses it): left as text, the rule says why
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 9 else None


def _names(text: str, known: list[str]) -> list[str]:
    """Names as a list is typed: 宣传栏、标语, or with commas, semicolons or spaces between them (the listed
    names have no space, and 宣传栏 标语 read as one unlisted way would be counted under 其他, unseen).
    A listed name is taken whole first, since one holds a 、 itself (一张贫困村出列、贫困户脱贫作战图)."""
    found: list[tuple[int, str]] = []
    for name in sorted(known, key=len, reverse=True):
        # whole, between separators: 标语 is not taken out of 墙体标语, an unlisted way typed as one
        whole = re.compile(rf"(?:^|(?<=[\s{OTHER_SEPARATORS}])){re.escape(name)}(?=$|[\s{OTHER_SEPARATORS}])")
        found += [(m.start(), name) for m in whole.finditer(text)]
        text = whole.sub(lambda m: " " * len(m.group()), text)
    for sep in OTHER_SEPARATORS:
        text = text.replace(sep, " ")
    found += [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    return [name for _, name in sorted(found)]
