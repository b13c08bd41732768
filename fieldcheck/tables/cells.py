"""Cell values as officials type them: full-width digits, numbers as text, headers by name.

A cell's address is written as Excel shows it ("B7"), and every problem names its sheet,
its cell and what was expected, so a person can find it and fix it in the workbook.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from fieldcheck.engine.numbers import NumberError, to_decimal
from fieldcheck.errors import UserError
from fieldcheck.i18n import t


def column_letter(col: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA"."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """The Excel address of a zero-based (row, column): (6, 1) → "B7"."""
    return f"{column_letter(col)}{row + 1}"


def sheet_label(name: str) -> str:
    """A sheet's name to quote in a message: a line break or control character a program put in it is shown
    escaped (a\\nb), since it would split the message's one line; spaces, full-width ones too, stay."""
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in name)


@dataclass(frozen=True)
class CellProblem:
    """One bad cell: where it is and what was expected there."""

    sheet: str
    cell: str
    message: str

    def __str__(self) -> str:
        sheet = sheet_label(self.sheet)
        return t(f"工作表「{sheet}」{self.cell} 单元格:{self.message}", f"sheet '{sheet}', cell {self.cell}: {self.message}")


class TableError(UserError):
    """A workbook that cannot be imported; ``problems`` lists every bad cell."""

    def __init__(self, summary: str, problems: list[CellProblem] | None = None):
        self.summary = summary
        self.problems = list(problems or [])
        lines = [summary, *(f"  {p}" for p in self.problems[:50])]
        if len(self.problems) > 50:
            lines.append(t(f"  ……另有 {len(self.problems) - 50} 处", f"  … and {len(self.problems) - 50} more"))
        super().__init__("\n".join(lines))


class CellError(str):
    """A cell whose formula failed, as Excel shows it ("#N/A", "#DIV/0!"): never a value, never blank."""


def formula_failed(sheet: str, row: int, col: int, value: object) -> CellProblem | None:
    """The problem of a cell whose formula failed, naming the error; None for any other cell."""
    if not isinstance(value, CellError):
        return None
    return CellProblem(sheet, cell_ref(row, col), t(
        f"公式出错({value}),读不出值;请改正公式,或直接填写内容后再导入",
        f"the formula fails ({value}) and gives no value; fix the formula or type the value in, and import again"))


def clean_text(value: object) -> str:
    """A cell as text: full-width forms folded (NFKC), spaces and line breaks trimmed; '' for empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        value = int(value)  # beyond 2**53 int() invents digits: 1e30 is shown as 1e+30
    text = unicodedata.normalize("NFKC", str(value))
    return text.replace("\u3000", " ").strip()


_SINGLE_HAN = re.compile(r"[\u3400-\u9fff]")


def name_text(value: object) -> str:
    """A person's or a place's name: as ``clean_text``, and spaces that align a name in its column
    ("王　芳" beside "欧阳明", "珠　晖　区") dropped, so 王芳 is one person however typed. Only when
    every part is one Chinese character: "李军 王芳" stays two names."""
    text = clean_text(value)
    parts = text.split()
    if len(parts) > 1 and all(_SINGLE_HAN.fullmatch(p) for p in parts):
        return "".join(parts)
    return text


_HEADER_DROP = re.compile(r"[\s()\[\]【】<>《》:;,.、*_\-—/\\?]+")


def header_key(value: object) -> str:
    """A header reduced for matching: '户主 姓名' and '户主姓名', '乡(镇)' and '乡镇' are one."""
    return _HEADER_DROP.sub("", clean_text(value))


_NUMBER_SUFFIXES = ("元", "分", "口人", "人", "口", "户", "个", "%")  # 口: a household's people (3口人)


def parse_number(value: object) -> Decimal | None:
    """A number from a cell typed any way: 12, 12.0, '１２', ' 12 ', '1,200', '12分'; None if empty.

    NumberError (a ValueError) when the cell holds something that is not a number, or one no
    table could mean (1e30, 1e999999, thousands of digits: the limits of ``to_decimal``), so
    no caller ever turns it into an int SQLite or int() cannot take.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise NumberError("bool", value)
    if isinstance(value, (int, float)):
        number = to_decimal(value)
        return number.normalize() if number != number.to_integral_value() else Decimal(int(number))
    text = clean_text(value).replace(",", "").replace(" ", "")
    if not text:
        return None
    for suffix in _NUMBER_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return to_decimal(text)


def is_absurd(error: ValueError) -> bool:
    """Whether ``parse_number`` refused a number for its size, not for not being a number."""
    return isinstance(error, NumberError) and error.reason in ("big", "digits")


def plain_number(number: Decimal) -> int | float:
    """An int when whole, else the float that prints as the decimal (for YAML and cells)."""
    if number == number.to_integral_value():
        return int(number)
    return float(format(number.normalize(), "f"))


def display_width(text: str) -> int:
    """Columns a text needs: a Chinese (wide) character counts as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)
