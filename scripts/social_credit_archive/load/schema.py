"""The archive's JSON Schemas: record shapes, the vocabulary, and which fields are free text.

The files in ``sources/schema/`` are the single definition of each record's shape: editors
use them through the ``yaml-language-server`` modeline and ``check`` uses them here. They
refer to ``vocabulary.schema.json`` for every controlled word; the engine inlines those
references before compiling, so one compiled validator serves each record type.

A compiled validator (fastjsonschema) answers the common case, a valid record, quickly; only an
invalid record is run through jsonschema to list every error with its line. The schemas also
drive the text rules: every string with no ``enum``, ``pattern`` or ``const`` is free text
(``x-markdown`` marks Markdown), so a field added to a schema is checked without new code.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema import ValidationError

from ..problems import FieldPath, LineMap, Problem, Where, did_you_mean, one_of
from ..vocab import Vocabulary, Word
from .reader import KIB, TreeReader

RECORD_SCHEMAS = ("claim", "source", "timeline", "glossary", "survey", "entities")
VOCABULARY = "vocabulary"
SCHEMA_FOLDER = Path("sources") / "schema"


@dataclass
class Schemas:
    """The schemas of one archive, ready to validate records and walk their free text."""

    documents: dict[str, dict[str, Any]]
    vocabulary: Vocabulary
    texts: dict[str, str] = field(default_factory=dict)  # name -> file text (for digests and exports)
    _validators: dict[str, Callable[[Any], Any]] = field(default_factory=dict, repr=False)
    _walkers: dict[str, Walker] = field(default_factory=dict, repr=False)
    cache_dir: Path | None = None

    @classmethod
    def load(cls, reader: TreeReader) -> Schemas:
        folder = reader.root / SCHEMA_FOLDER
        raw: dict[str, dict[str, Any]] = {}
        texts: dict[str, str] = {}
        for name in (VOCABULARY, *RECORD_SCHEMAS):
            path = folder / f"{name}.schema.json"
            text = reader.read_text(path, 512 * KIB)
            if text is None:
                continue
            try:
                raw[name] = json.loads(text)
                texts[name] = text
            except json.JSONDecodeError as exc:
                reader.problems.append(Problem(reader.rel(path), exc.lineno, f"not valid JSON: {exc.msg}"))
        vocabulary = _vocabulary(raw.get(VOCABULARY, {}), reader.rel(folder / "vocabulary.schema.json"), reader.problems)
        documents = {name: _inline(doc, raw.get(VOCABULARY, {})) for name, doc in raw.items() if name != VOCABULARY}
        return cls(documents, vocabulary, texts, cache_dir=reader.root / ".cache" / "scsarchive")

    def problems(self, name: str, data: Any, lines: LineMap, path: str, *, label: str = "", prefix: FieldPath = ()) -> list[Problem]:
        """Every way ``data`` breaks schema ``name``, as problems at their lines."""
        schema = self.documents.get(name)
        if schema is None:
            return []  # the missing schema file is reported by the reader
        try:
            self._validator(name)(data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass
        from jsonschema import Draft7Validator  # only an invalid record pays for the complete validator

        where = Where(path, lines, prefix, label)
        found: list[Problem] = []
        for error in Draft7Validator(schema).iter_errors(data):
            at = tuple(error.absolute_path)
            if isinstance(data, list) and at and isinstance(at[0], int):  # an item of a list file: name it
                item = Where(path, lines, (at[0],), list_label(name, data[at[0]]), lines.get((at[0],), 1))
                found.extend(_describe(error, item, at[1:]))
            else:
                found.extend(_describe(error, where, at))
        return sorted(set(found))

    def _validator(self, name: str) -> Callable[[Any], Any]:
        if name not in self._validators:
            self._validators[name] = _compiled(json.dumps(self.documents[name], sort_keys=True), self.cache_dir)
        return self._validators[name]

    def free_texts(self, name: str, data: Any) -> Iterator[tuple[FieldPath, str, bool]]:
        """``(field path, value, is_markdown)`` for every free-text string in ``data``."""
        if name not in self._walkers:
            schema = self.documents.get(name)
            self._walkers[name] = _walker(schema, schema) if schema is not None else _NOTHING
        yield from self._walkers[name](data, ())

    def item_schema(self, name: str) -> dict[str, Any]:
        return self.documents.get(name, {})


@lru_cache(maxsize=32)
def _compiled(schema_json: str, cache_dir: Path | None) -> Callable[[Any], Any]:
    """The fast validator for a schema; its generated code is cached by the schema's digest
    (as a linter caches its results), so a run does not pay for compiling it again."""
    digest = hashlib.sha256((fastjsonschema.VERSION + schema_json).encode()).hexdigest()[:20]
    cached = cache_dir / f"schema-{digest}.py" if cache_dir is not None else None
    code = None
    if cached is not None:
        try:
            code = cached.read_text(encoding="utf-8")
        except OSError:
            code = None
    if code is None:
        code = fastjsonschema.compile_to_code(json.loads(schema_json))
        if cached is not None:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(code, encoding="utf-8")
            except OSError:
                pass
    namespace: dict[str, Any] = {}
    exec(compile(code, f"<schema {digest}>", "exec"), namespace)
    main = re.search(r"^def (validate\w*)\(", code, re.MULTILINE)  # the schema's own function comes first
    return namespace[main.group(1) if main else "validate"]


def _inline(schema: dict[str, Any], vocabulary: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with ``vocabulary.schema.json#/definitions/x`` references replaced by the definition."""
    definitions = vocabulary.get("definitions", {})

    def visit(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if isinstance(ref, str) and ref.startswith("vocabulary.schema.json#/definitions/"):
                target = definitions.get(ref.rsplit("/", 1)[1], {})
                merged = {k: v for k, v in node.items() if k != "$ref"}
                return {**copy.deepcopy(target), **merged}
            return {k: visit(v) for k, v in node.items()}
        if isinstance(node, list):
            return [visit(v) for v in node]
        return node

    return visit(schema)


def _vocabulary(document: dict[str, Any], path: str, problems: list[Problem]) -> Vocabulary:
    words: dict[str, tuple[Word, ...]] = {}
    for name, definition in document.get("definitions", {}).items():
        labels, meanings = definition.get("x-label", {}), definition.get("x-meaning", {})
        for value in definition.get("enum", []):
            if value not in labels or value not in meanings:
                problems.append(Problem(path, 1, f"definitions.{name}: '{value}' needs an x-label and an x-meaning (readers see both)"))
        words[name] = tuple(Word(v, labels.get(v, v), meanings.get(v, "")) for v in definition.get("enum", []))
    for needed in ("status", "kind", "stance", "topic", "family", "sourceclass", "entitytype", "docstatus"):
        if needed not in words:
            problems.append(Problem(path, 1, f"definitions.{needed} is missing"))
            words[needed] = ()
    return Vocabulary(words)


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node and isinstance(node["$ref"], str) and node["$ref"].startswith("#/"):
        target: Any = root
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = {**{k: v for k, v in node.items() if k != "$ref"}, **target}
    return node


Walker = Callable[[Any, FieldPath], Iterator[tuple[FieldPath, str, bool]]]


def _nothing(data: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str, bool]]:
    return iter(())


_NOTHING: Walker = _nothing


def _walker(root: dict[str, Any], node: dict[str, Any], depth: int = 0) -> Walker:
    """A function that yields the free-text values of data shaped by ``node``: the schema is
    resolved once into nested closures, not at every value of every record."""
    node = _resolve(root, node)
    if depth > 12:
        return _any_text
    free = not any(k in node for k in ("enum", "pattern", "const"))
    markdown = bool(node.get("x-markdown"))
    properties = {key: _walker(root, child, depth + 1) for key, child in node.get("properties", {}).items()}
    branches = [(set(_resolve(root, b).get("required", [])), _walker(root, b, depth + 1)) for b in node.get("oneOf", []) + node.get("anyOf", [])]
    items = node.get("items")
    item_walker = _walker(root, items, depth + 1) if isinstance(items, dict) else _any_text

    def walk(data: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str, bool]]:
        if isinstance(data, str):
            if free:
                yield path, data, markdown
        elif isinstance(data, dict):
            for required, branch in branches:
                if required <= set(data):
                    yield from branch(data, path)
                    return
            for key, value in data.items():
                yield from properties.get(key, _any_text)(value, path + (key,))
        elif isinstance(data, list):
            for i, value in enumerate(data):
                yield from item_walker(value, path + (i,))

    return walk


def _any_text(data: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str, bool]]:
    """Values the schema does not describe (refused there): still no markup may pass."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _any_text(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _any_text(value, path + (i,))


_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "a lowercase slug (a-z, 0-9, single hyphens)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date written YYYY-MM-DD",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "a date written YYYY-MM-DD (or YYYY-MM, YYYY)",
    "^[0-9]{4}$": "a year written YYYY",
    "^[A-Za-z0-9][A-Za-z0-9_-]*$": "a BibTeX key (ASCII letters, digits, '-', '_')",
    "^https?://": "an http(s) URL",
}


def list_label(schema: str, item: Any) -> str:
    """How messages name an item of a list file: its id, or its date or term."""
    if not isinstance(item, dict):
        return ""
    if schema == "timeline":
        return f"event {item.get('date', '')}"
    if schema == "glossary":
        return f"term {item.get('term', '')}"
    return str(item.get("id", ""))


def _describe(error: ValidationError, where: Where, at: FieldPath) -> list[Problem]:
    kind = error.validator
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed]
        return [where.problem(at + (k,), f"unknown field{did_you_mean(k, allowed)}") for k in extras]
    if kind == "required":
        missing = error.message.split("'")[1]
        return [where.problem(at + (missing,), "required field is missing")]
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        return [where.problem(at, f"{error.instance!r:.60} is not one of {one_of(choices)}{did_you_mean(str(error.instance), choices)}")]
    if kind == "type":
        expected = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number", "boolean": "true or false"}
        wanted = expected.get(str(error.validator_value), str(error.validator_value))
        return [where.problem(at, f"expected {wanted}, got {type(error.instance).__name__} {error.instance!r:.60}")]
    if kind == "pattern":
        hint = _HINTS.get(str(error.validator_value), f"text matching {error.validator_value}")
        return [where.problem(at, f"{error.instance!r:.80} is not {hint}")]
    if kind in ("maxLength", "minLength"):
        size = len(error.instance)
        bound = "at most" if kind == "maxLength" else "at least"
        return [where.problem(at, f"is {size:,} characters long; {bound} {error.validator_value} allowed")]
    if kind in ("maxItems", "minItems"):
        bound = "at most" if kind == "maxItems" else "at least"
        return [where.problem(at, f"has {len(error.instance)} items; {bound} {error.validator_value} allowed")]
    if kind == "oneOf":
        return [where.problem(at, "must be {claim: <claim id>} or {not_rated: <reason>}" if "not_rated" in json.dumps(error.schema) else "matches none of the allowed forms")]
    return [where.problem(at, error.message[:200])]


