"""Reading a rounds YAML file (the rules, a township's file) with the line of every entry, and checking shapes.

The office types these files by hand, so an entry of the wrong shape (a person written as
a bare name, ``units: abc``, a round that is a number) is one sentence naming the file, the
line, the entry and what it should be, as ``rubric validate`` names a rubric's problems;
never a Python error, and never PyYAML's or the codec's English.
"""

from __future__ import annotations

from typing import Any

import yaml

from fieldcheck.engine.numbers import shown
from fieldcheck.engine.rubric_yaml import BoundedLoader
from fieldcheck.errors import UserError
from fieldcheck.file_errors import cannot_read
from fieldcheck.i18n import t

#: a township's file is a few kilobytes; this is a thousand times that
MAX_BYTES = 5_000_000


class RoundsInvalid(UserError):
    pass


class Mapping(dict):
    """A YAML mapping that knows its line and the line of each key."""

    line: int = 1
    key_lines: dict[Any, int]

    def at(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A YAML list that knows its line and the line of each entry."""

    def __init__(self, items: Any = (), line: int = 1, item_lines: Any = ()):
        super().__init__(items)
        self.line, self.item_lines = line, list(item_lines)

    def at(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(BoundedLoader):  # 5,000 digits stay text, refused as an amount, not int()'s limit
    def compose_node(self, parent: Any, index: Any) -> Any:
        # an alias can make a few lines into millions of entries; nobody types one in a township's file
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "alias", self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    result = Mapping()
    result.line, result.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (dict, list)):
            key = shown(key)  # unhashable; the checks then say this name is not one they know
        result.key_lines[key] = key_node.start_mark.line + 1
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    return Sequence((loader.construct_object(item, deep=True) for item in node.value), node.start_mark.line + 1,
                    (item.start_mark.line + 1 for item in node.value))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def read(path: Any) -> Any:
    """The file's data, mappings and lists knowing their lines; RoundsInvalid in one sentence if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RoundsInvalid(cannot_read(path, exc)) from None
    if len(data) > MAX_BYTES:
        raise RoundsInvalid(t(f"{path} 超过 {MAX_BYTES // 1_000_000} MB,不是轮次文件",
                              f"{path} is over {MAX_BYTES // 1_000_000} MB; it is not a rounds file"))
    if data.startswith((b"PK\x03\x04", bytes.fromhex("D0CF11E0A1B11AE1"))):  # .xlsx/.zip, .xls: "save as UTF-8" misleads
        raise RoundsInvalid(t(f"{path} 是 Excel 工作簿(或压缩包),不是乡镇轮次文件;乡镇轮次文件是 YAML 文本"
                              "(村居、人员、各轮成绩),请选择 .yaml 文件",
                              f"{path} is an Excel workbook (or a zip), not a township rounds file; that file is YAML "
                              "text (villages, people, rounds): choose the .yaml file"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RoundsInvalid(t(f"{path} 不是 UTF-8 编码的文本;请用记事本或 WPS 另存为 UTF-8",
                              f"{path} is not UTF-8 text; save it as UTF-8 (Notepad or WPS can)")) from None
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the reader refuses a control character (a damaged byte) here, before parsing
        return loader.get_single_data()
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise RoundsInvalid(fail(path, line, "有一个控制字符,不是文本;文件可能已损坏,请检查这一行",
                                 "holds a control character, not text; the file may be damaged: check this line")) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        if exc.problem == "alias":
            raise RoundsInvalid(fail(path, line, "不能用别名(*);请把内容写出来",
                                     "aliases (*) are not allowed; write the entries out")) from None
        raise RoundsInvalid(fail(path, line, "不是有效的 YAML;请检查这一行及上一行的括号、引号、冒号和缩进",
                                 "not valid YAML; check the brackets, quotes, colons and indentation on this line and the "
                                 "one before")) from None
    except yaml.YAMLError:
        raise RoundsInvalid(t(f"{path} 不是有效的 YAML", f"{path} is not valid YAML")) from None
    except RecursionError:
        raise RoundsInvalid(t(f"{path} 嵌套太深,不是轮次文件", f"{path} is nested too deeply to be a rounds file")) from None
    finally:
        if loader is not None:
            loader.dispose()


def fail(path: Any, line: int, zh: str, en: str) -> str:
    """``town.yaml:12:…``: the sentence with its file and line, as ``rubric validate`` prints a problem."""
    return t(f"{path}:{line}:{zh}", f"{path}:{line}: {en}")


def what(value: Any) -> tuple[str, str]:
    """What was written instead, for "…, not X"."""
    if isinstance(value, dict):
        return "一个映射(名称: 值)", "a mapping (name: value)"
    if isinstance(value, list):
        return "一个列表", "a list"
    if value is None:
        return "空", "empty"
    return f"「{shown(value)}」", f"'{shown(value)}'"


def _spaced(name: str) -> str:
    """"people 应是" but "「张三」应是": a space between a Latin word and the Chinese after it."""
    return name + " " if name[-1:].isascii() and name[-1:].isalnum() else name


class Shapes:
    """The shape checks of one file: each raises RoundsInvalid naming the file, the line and the entry."""

    def __init__(self, path: Any):
        self.path = path

    def error(self, line: int, zh: str, en: str) -> RoundsInvalid:
        return RoundsInvalid(fail(self.path, line, zh, en))

    def mapping(self, value: Any, line: int, name: tuple[str, str], shape: tuple[str, str]) -> Mapping:
        """``value`` if it is a mapping, else "<name> 应是 <shape>,而不是 …"."""
        if isinstance(value, Mapping):
            return value
        zh, en = what(value)
        raise self.error(line, f"{_spaced(name[0])}应是{shape[0]},而不是{zh}", f"{name[1]} must be {shape[1]}, not {en}")

    def sequence(self, parent: Mapping, key: str, name: tuple[str, str], shape: tuple[str, str]) -> Sequence:
        """``parent[key]`` as a list (missing or empty: none), else "<key> 应是 <shape>的列表,而不是 …"."""
        value = parent.get(key)
        if value is None:
            return Sequence()
        if isinstance(value, Sequence):
            return value
        zh, en = what(value)
        raise self.error(parent.at(key), f"{_spaced(name[0])}应是{shape[0]}的列表,而不是{zh}",
                         f"{name[1]} must be a list of {shape[1]}, not {en}")

    def text(self, entry: Mapping, key: str, name: tuple[str, str], *, required: bool = True) -> str | None:
        """``entry[key]`` as text: a name, a number or a date; missing is an error when ``required``."""
        value = entry.get(key)
        if value is None or value == "":
            if required:
                raise self.error(entry.line, f"{_spaced(name[0])}缺少 {key}", f"{name[1]} has no {key}")
            return None
        if isinstance(value, (dict, list)):
            zh, en = what(value)
            raise self.error(entry.at(key), f"{_spaced(name[0])}的 {key} 应是一段文字,而不是{zh}",
                             f"the {key} of {name[1]} must be text, not {en}")
        return str(value)

    def texts(self, value: Any, line: int, name: tuple[str, str]) -> tuple[str, ...]:
        """A list of names (a single name is a list of one), each a plain value."""
        if value is None:
            return ()
        items = value if isinstance(value, Sequence) else Sequence([value])
        for i, item in enumerate(items):
            if isinstance(item, (dict, list)) or item is None:
                zh, en = what(item)
                raise self.error(items.at(i) if items is value else line,
                                 f"{_spaced(name[0])}的第 {i + 1} 项应是一个名称,而不是{zh}", f"entry {i + 1} of {name[1]} must be a name, not {en}")
        return tuple(str(item) for item in items)


def entry_name(list_name: str, index: int, entry: Any) -> tuple[str, str]:
    """"people 的第 3 项「张三」" / "entry 3 of people ('张三')": the entry, by its name when it has one."""
    name = entry.get("name") if isinstance(entry, dict) else None
    if name is None and isinstance(entry, dict):
        name = entry.get("id")
    if name is None or isinstance(name, (dict, list)):
        return f"{list_name} 的第 {index + 1} 项", f"entry {index + 1} of {list_name}"
    return f"{list_name} 的第 {index + 1} 项「{shown(name)}」", f"entry {index + 1} of {list_name} ('{shown(name)}')"
