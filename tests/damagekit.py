"""Damaged bytes for the fuzz tests: a file as a USB stick, a bad sector or a cut download leaves it."""

from __future__ import annotations

from hypothesis import strategies as st


def damaged(data, raw: bytes, *, inserts=None, cut: int | None = None, flips: int = 4, at=None) -> bytes:
    """``raw`` with bytes flipped (up to ``flips``), cut off (to the end, or up to ``cut`` bytes) or inserted (drawn
    from ``inserts``), where ``data`` (hypothesis' ``st.data()``) draws; ``at`` draws where, anywhere by default."""
    out = bytearray(raw)
    how = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    spot = data.draw(at if at is not None else st.integers(0, len(out) - 1))
    if how == "flip":
        for place in [spot, *data.draw(st.lists(st.integers(0, len(out) - 1), max_size=flips - 1))]:
            out[place] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        del out[spot:spot + data.draw(st.integers(1, cut)) if cut else None]
    else:
        out[spot:spot] = data.draw(inserts if inserts is not None else st.binary(min_size=1, max_size=32))
    return bytes(out)
