"""Numbers typed by a Chinese input method (full-width digits, 。 for the point) read as ASCII ones."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from fieldcheck.engine.numbers import halfwidth, to_decimal

FULL = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


def test_examples():
    assert to_decimal("２９．５") == Decimal("29.5")
    assert to_decimal("２９。５") == Decimal("29.5")
    assert to_decimal("－３") == Decimal(-3)
    assert halfwidth("４户") == "4户"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**6, max_value=10**6))
def test_a_full_width_number_reads_as_its_ascii_form(number):
    text = format(number, "f")
    assert to_decimal(text.translate(FULL)) == to_decimal(text)
