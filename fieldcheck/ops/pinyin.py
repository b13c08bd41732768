"""Pinyin initials of Chinese names, to sort households and find them by typing "zs" for 张三.

The table (resources/pinyin/initials.txt, one letter per CJK ideograph) is shipped with the
app and made by scripts/build_pinyin.py, so no pinyin package is needed at run time. A
character with several readings gets its most common one (单 → d, not the surname's s).
"""

from __future__ import annotations

from functools import cache

from fieldcheck.shipped import resource_dir

_FIRST, _LAST = 0x4E00, 0x9FFF


@cache
def _table() -> str:
    text = (resource_dir("pinyin") / "initials.txt").read_text(encoding="ascii")
    return "".join(line for line in text.splitlines() if not line.startswith("#"))


def initials(text: str) -> str:
    """"张三" → "zs"; letters and digits are kept (lowercased), other characters dropped."""
    table = _table()
    out = []
    for ch in text:
        point = ord(ch)
        if _FIRST <= point <= _LAST:
            letter = table[point - _FIRST]
            if letter != ".":
                out.append(letter)
        elif ch.isascii() and ch.isalnum():
            out.append(ch.lower())
    return "".join(out)


def sort_key(name: str) -> tuple[str, str]:
    """Sort Chinese names as a roster does: by pinyin initials, then by the characters."""
    return initials(name), name


def matches(name: str, typed: str) -> bool:
    """Whether what was typed finds ``name``: part of the name, or the start of its initials ("zs", "z")."""
    typed = typed.strip()
    if not typed:
        return True
    if typed in name:
        return True
    return initials(name).startswith(typed.lower())
