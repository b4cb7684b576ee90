"""JSON Schema checks with messages a maintainer can act on, at the offending line.

The schema files in ``sources/schema/`` are the single definition of each record's shape:
editors use them through the ``yaml-language-server`` modeline and ``check`` uses them here.
A compiled validator (fastjsonschema) answers the common case, a valid record, quickly;
only an invalid record is run through jsonschema to list every error with its path.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import fastjsonschema
from jsonschema import Draft7Validator, ValidationError

from ..problems import Problem, did_you_mean, one_of
from .strict_yaml import LineMap

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "sources" / "schema"


@lru_cache(maxsize=None)
def load_schema(name: str, schema_dir: Path = SCHEMA_DIR) -> dict[str, Any]:
    return json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _compiled(name: str, schema_dir: Path) -> Callable[[Any], Any]:
    return fastjsonschema.compile(load_schema(name, schema_dir))


def schema_problems(name: str, data: Any, lines: LineMap, path: str, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    """Every way ``data`` breaks schema ``name``, as problems at their lines."""
    try:
        _compiled(name, schema_dir)(data)
        return []
    except fastjsonschema.JsonSchemaValueException:
        pass
    validator = Draft7Validator(load_schema(name, schema_dir))
    problems = []
    for error in validator.iter_errors(data):
        problems.extend(_describe(error, lines, path))
    return sorted(set(problems))


def _line(lines: LineMap, where: tuple[Any, ...]) -> int:
    while where and where not in lines:
        where = where[:-1]
    return lines.get(where, 1)


def dotted(where: tuple[Any, ...]) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _describe(error: ValidationError, lines: LineMap, path: str) -> list[Problem]:
    where = tuple(error.absolute_path)
    name = dotted(where)
    kind = error.validator
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed]
        return [
            Problem(path, _line(lines, where + (k,)), f"{dotted(where + (k,))}: unknown field{did_you_mean(k, allowed)}")
            for k in extras
        ]
    line = _line(lines, where)
    if kind == "required":
        missing = error.message.split("'")[1]
        return [Problem(path, line, f"{dotted(where + (missing,))}: required field is missing")]
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        return [Problem(path, line, f"{name}: {error.instance!r} is not one of {one_of(choices)}{did_you_mean(str(error.instance), choices)}")]
    if kind == "type":
        expected = {"string": "text", "array": "a list", "object": "a mapping"}.get(str(error.validator_value), str(error.validator_value))
        return [Problem(path, line, f"{name}: expected {expected}, got {type(error.instance).__name__} {error.instance!r:.60}")]
    if kind == "pattern":
        hint = {
            "^[a-z0-9]+(-[a-z0-9]+)*$": "a lowercase slug (a-z, 0-9, single hyphens)",
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD",
            "^[A-Za-z0-9][A-Za-z0-9_-]*$": "a BibTeX key (ASCII letters, digits, '-', '_')",
        }.get(str(error.validator_value), f"text matching {error.validator_value}")
        return [Problem(path, line, f"{name}: {error.instance!r} is not {hint}")]
    return [Problem(path, line, f"{name}: {error.message}")]
