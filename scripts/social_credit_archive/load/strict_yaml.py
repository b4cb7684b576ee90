"""Strict YAML: no aliases, no duplicate keys, no custom tags; dates stay strings.

Parsing uses libyaml's composer when available (fast), and the resulting node tree is turned
into plain data here, which is where the strict rules are enforced. Every value's line is kept
in a ``LineMap`` so that later checks can point at ``path:line``.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..problems import Problem

try:  # libyaml is optional; the pure-Python composer enforces the same rules below.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024

Path = tuple[str | int, ...]
LineMap = dict[Path, int]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}


class YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: str, raw: bytes, limit: int = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """Decode a data file, refusing oversized, non-UTF-8 and BOM-prefixed content."""
    if len(raw) > limit:
        return None, [Problem(path, 1, f"file is {len(raw):,} bytes; the limit is {limit:,}")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(path, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]


def load_yaml(text: str) -> tuple[Any, LineMap]:
    """Parse one YAML document into plain data and the line of every value.

    Raises ``YamlProblem`` for syntax errors and for anything the archive forbids.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        where = ""
        if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
            where = f" ({exc.context} started on line {exc.context_mark.line + 1})"
        raise YamlProblem(line, f"YAML syntax error: {exc.problem or exc.context}{where}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"YAML error: {exc}") from None
    lines: LineMap = {(): 1}
    if node is None:
        return None, lines
    return _build(node, (), lines, set(), 1), lines


def _build(node: yaml.Node, path: Path, lines: LineMap, seen: set[int], where: int) -> Any:
    """Turn ``node`` into data; ``where`` is the line that refers to it (its key or item)."""
    line = node.start_mark.line + 1
    if id(node) in seen:  # the composer shares an anchored node with every alias to it
        raise YamlProblem(where, f"YAML aliases are not allowed (anchor on line {line})")
    seen.add(id(node))
    lines.setdefault(path, line)
    if isinstance(node, yaml.MappingNode):
        if node.tag != _TAG + "map":
            raise YamlProblem(line, f"tag '{node.tag}' is not allowed")
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _TAG + "merge":
                raise YamlProblem(key_line, "mapping keys must be plain words")
            key = str(key_node.value)
            if key in first_line:
                raise YamlProblem(key_line, f"duplicate key '{key}' (first defined on line {first_line[key]})")
            first_line[key] = key_line
            lines[path + (key,)] = key_line
            result[key] = _build(value_node, path + (key,), lines, seen, key_line)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _TAG + "seq":
            raise YamlProblem(line, f"tag '{node.tag}' is not allowed")
        return [
            _build(item, path + (i,), lines, seen, max(line, item.start_mark.line + 1))
            for i, item in enumerate(node.value)
        ]
    return _scalar(node, line)


def _scalar(node: yaml.ScalarNode, line: int) -> Any:
    tag, value = node.tag, node.value
    if tag not in _SCALAR_TAGS:
        raise YamlProblem(line, f"tag '{tag}' is not allowed (only plain values, lists and mappings)")
    if node.style not in (None, "") or tag in (_TAG + "str", _TAG + "timestamp"):
        return value  # quoted scalars and dates stay text
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        return value  # YAML 1.1 yes/no/on/off stay words
    if tag == _TAG + "int":
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    try:
        return float(value)
    except ValueError:
        return value
