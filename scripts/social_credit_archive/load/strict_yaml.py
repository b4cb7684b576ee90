"""Strict YAML: no aliases, no duplicate keys, no custom tags, bounded nesting; dates stay strings.

Parsing uses libyaml's composer when available (fast), and the resulting node tree is turned
into plain data here, which is where the strict rules are enforced. Every value's line is kept
in a ``LineMap`` so that later checks can point at ``path:line``.

libyaml's composer recurses once per nesting level in C: 50,000 nested ``[`` (100 KB) overflow
its stack and kill the process with no message. ``nesting_problem`` measures the depth of flow
collections in the raw text, linearly, before libyaml sees it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # libyaml is optional; the pure-Python composer enforces the same rules below.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_DEPTH = 24

Path = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}


class YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def nesting_problem(text: str, limit: int = MAX_DEPTH) -> YamlProblem | None:
    """A problem if flow collections (``[``/``{``) nest deeper than ``limit`` anywhere.

    Counting every bracket (even inside quoted text) over-counts, never under-counts, and
    prose does not nest brackets two dozen deep.
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        if match.group(0) in "[{":
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, match.start()) + 1
                return YamlProblem(line, f"lists or mappings nest deeper than {limit} levels; the archive's records need only a few")
        elif depth:
            depth -= 1
    return None


_BRACKETS = re.compile(r"[\[\]{}]")


def load_yaml(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse one YAML document into plain data and the line of every value.

    Raises ``YamlProblem`` for syntax errors and for anything the archive forbids.
    """
    if (deep := nesting_problem(text)) is not None:
        raise deep
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
    lines: dict[Path, int] = {(): 1}
    if node is None:
        return None, lines
    return _build(node, (), lines, set(), 1), lines


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], seen: set[int], where: int) -> Any:
    """Turn ``node`` into data; ``where`` is the line that refers to it (its key or item)."""
    line = node.start_mark.line + 1
    if len(path) > MAX_DEPTH:
        raise YamlProblem(line, f"lists or mappings nest deeper than {MAX_DEPTH} levels; the archive's records need only a few")
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
    if node.style in ("|", ">"):  # block scalars: the text starts on the line after the indicator
        lines[path + ("$value",)] = line + 1
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
