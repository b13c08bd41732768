"""The YAML side of a rubric file: a loader that remembers the line of every mapping and key, refuses
aliases, and notes duplicate and non-text keys; and the version, SHA-256 of the canonical content."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import yaml

from fieldcheck.i18n import t


class _LineDict(dict):
    """A mapping that knows the line it starts on and the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def at(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


#: the longest integer a rubric (or a rules file) may write as a number; no score needs a dozen digits
_INT_CHARS = 40


class BoundedLoader(yaml.SafeLoader):
    """yaml.SafeLoader whose integers of more than 40 characters stay the text they were written as.

    An integer of thousands of digits makes int() raise (or, in hex, makes an int no later
    message can print); kept as text, the value checks refuse it in one sentence.
    """


def _construct_int(loader: BoundedLoader, node: yaml.ScalarNode) -> int | str:
    if len(node.value) > _INT_CHARS:
        return str(node.value)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


BoundedLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class AliasRefused(yaml.composer.ComposerError):
    """An alias in a rubric file; its problem is a sentence in the user's language."""


class _Loader(BoundedLoader):
    def __init__(self, stream: str):
        super().__init__(stream)
        self.duplicate_keys: list[tuple[str, int]] = []
        self.bad_keys: list[int] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise AliasRefused(None, None, t("细则文件中不能用别名(*)", "aliases (*) are not allowed"),
                                              event.start_mark)
        return super().compose_node(parent, index)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    result = _LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            loader.bad_keys.append(key_node.start_mark.line + 1)
            continue
        key = str(key) if not isinstance(key, str) else key
        if key in result:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
        result.key_lines[key] = key_node.start_mark.line + 1
        if key == "id" and isinstance(value_node, yaml.ScalarNode):
            # "1.1" written without quotes would read as a float; an id is its text.
            value = value_node.value
        else:
            value = loader.construct_object(value_node, deep=True)
        result[key] = value
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def canonical_version(data: Any) -> str:
    """SHA-256 of the rubric's content as sorted, compact JSON."""
    blob = json.dumps(_plain(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def _line(value: Any, default: int) -> int:
    return value.line if isinstance(value, _LineDict) else default
