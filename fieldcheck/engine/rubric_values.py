"""Problems with their lines, and the checks of one value's shape (a number, a whole number, a flag,
text, a list of names) that every part of a rubric file goes through."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fieldcheck.engine.numbers import NumberError, shown, to_decimal
from fieldcheck.engine.rubric_yaml import _LineDict
from fieldcheck.i18n import t


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        kind = t("错误", "error") if self.severity == "error" else t("提示", "warning")
        return f"{self.path}:{self.line}: {kind}: {self.message}"


class _Checker:
    """Collects the problems of one file; the builders (``rubric_nodes``, ``rubric_file``) add what they check."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.ids: dict[str, int] = {}
        self.incomplete = False

    def error(self, line: int, zh: str, en: str) -> None:
        self.problems.append(Problem(self.path, line, t(zh, en)))

    def warn(self, line: int, zh: str, en: str) -> None:
        self.problems.append(Problem(self.path, line, t(zh, en), "warning"))

    # -- values ------------------------------------------------------------------------------
    def number(self, line: int, value: Any, what: str, *, allow_none: bool = False) -> Decimal | None:
        if value is None and allow_none:
            return None
        try:
            result = to_decimal(value)
        except NumberError as exc:
            if exc.reason in ("big", "digits"):  # a number, but none a rubric could mean
                self.error(line, f"{what}「{shown(value)}」太大或位数太多,不是合理的数;请改成实际的数",
                           f"{what} '{shown(value)}' is too large or too long to be a sensible number; write the real one")
            else:
                self.error(line, f"{what}应是一个数,而不是「{shown(value)}」", f"{what} must be a number, not '{shown(value)}'")
            return None
        if result < 0:
            self.error(line, f"{what}不能是负数", f"{what} cannot be negative")
        return result

    def whole(self, line: int, value: Any, what: str, minimum: int = 0) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum or value > 10_000:
            self.error(line, f"{what}应是不小于 {minimum} 的整数,而不是「{shown(value)}」",
                       f"{what} must be a whole number of at least {minimum}, not '{shown(value)}'")
            return None
        return value

    def flag(self, line: int, data: dict, key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.error(line, f"「{key}」应写 true 或 false,而不是「{shown(value)}」",
                       f"'{key}' must be true or false, not '{shown(value)}'")
            return default
        return value

    def text(self, data: dict, key: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.error(data.at(key) if isinstance(data, _LineDict) else 0, f"「{key}」应是一段文字", f"'{key}' must be text")
            return ""
        return value.strip()

    def str_list(self, line: int, value: Any, what: str) -> list[str]:
        """A YAML list of names; one string (一本民情日记、一张作战图) is refused, not split into characters."""
        if value is None:
            return []
        if isinstance(value, str):
            self.error(line, f"{what}应写成列表(每项一行,以「- 」开头,或 [甲, 乙]),而不是一整串文字「{shown(value)}」",
                       f"{what} must be a list (one '- ' line per entry, or [a, b]), not one string '{shown(value)}'")
            return []
        if not isinstance(value, list):
            self.error(line, f"{what}应写成列表", f"{what} must be a list")
            return []
        out: list[str] = []
        for entry in value:
            if isinstance(entry, bool) or not isinstance(entry, (str, int, float)) or not str(entry).strip():
                self.error(line, f"{what}的每一项应是一个名称,而不是「{shown(entry)}」",
                           f"each entry of {what} must be a name, not '{shown(entry)}'")
                continue
            name = str(entry).strip()
            if name in out:
                self.error(line, f"{what}中「{name}」出现了两次", f"'{name}' appears twice in {what}")
                continue
            out.append(name)
        return out

    def unknown_keys(self, data: _LineDict, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.error(data.line, f"{what}中有未知的字段「{shown(key)}」", f"unknown field '{shown(key)}' in {what}")
