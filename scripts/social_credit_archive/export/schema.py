"""The JSON Schema of ``claims.json`` itself (not of the YAML contributors write).

Its ``$id`` is the absolute URL where the site publishes it; the vocabulary comes from the
archive's own vocabulary, so the export and its schema cannot drift apart.
"""

from __future__ import annotations

import json
from typing import Any

from ..vocab import Vocabulary

_STR = {"type": "string"}


def _source() -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False,
        "required": ["key", "title", "authors", "date", "class", "url", "reference", "page"],
        "properties": {
            "key": _STR, "title": _STR, "authors": {"type": "array", "items": _STR}, "date": _STR, "class": _STR,
            "url": _STR, "reference": _STR, "page": {"type": "string", "format": "uri"},
        },
    }


def _evidence(vocab: Vocabulary) -> dict[str, Any]:
    return {
        "type": "object", "additionalProperties": False,
        "required": ["number", "source", "stance", "locator", "quote", "translation", "translated_by"],
        "properties": {
            "number": {"type": "integer", "minimum": 1}, "source": {"$ref": "#/$defs/source"},
            "stance": {"enum": list(vocab.values("stance"))}, "locator": _STR, "quote": _STR, "translation": _STR, "translated_by": _STR,
        },
    }


def claims_schema(site_url: str, vocab: Vocabulary) -> dict[str, Any]:
    status = {"enum": list(vocab.values("status"))}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url.rstrip("/") + "/data/claims.schema.json",
        "title": "Social Credit Archive: claims.json",
        "description": "Every claim of the archive with its rating, parts, evidence (sources resolved), appearances and history.",
        "type": "object", "additionalProperties": False, "required": ["$schema", "licence", "publisher", "claims"],
        "properties": {
            "$schema": _STR, "licence": {"const": "CC-BY-4.0"}, "publisher": _STR,
            "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
        },
        "$defs": {
            "source": _source(),
            "evidence": _evidence(vocab),
            "part": {
                "type": "object", "additionalProperties": False,
                "required": ["statement", "status", "material", "verdict", "missing", "evidence"],
                "properties": {
                    "statement": _STR, "status": status, "material": {"type": "boolean"}, "verdict": _STR, "missing": _STR,
                    "evidence": {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
                },
            },
            "claim": {
                "type": "object", "additionalProperties": False,
                "required": ["id", "url", "title", "summary", "statement", "kind", "family", "status", "topics", "parts", "verdict",
                             "missing", "evidence", "seen_in", "related", "entities", "reviewed", "history"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}, "url": {"type": "string", "format": "uri"},
                    "title": _STR, "summary": _STR, "statement": _STR,
                    "kind": {"enum": list(vocab.values("kind"))}, "family": {"enum": ["", *vocab.values("family")]}, "status": status,
                    "topics": {"type": "array", "items": {"enum": list(vocab.values("topic"))}},
                    "parts": {"type": "array", "items": {"$ref": "#/$defs/part"}},
                    "verdict": _STR, "missing": _STR,
                    "evidence": {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
                    "seen_in": {"type": "array", "items": {
                        "type": "object", "additionalProperties": False, "required": ["source", "locator", "quote"],
                        "properties": {"source": {"$ref": "#/$defs/source"}, "locator": _STR, "quote": _STR},
                    }},
                    "related": {"type": "array", "items": _STR},
                    "entities": {"type": "array", "items": {
                        "type": "object", "additionalProperties": False, "required": ["id", "name", "type", "url"],
                        "properties": {"id": _STR, "name": _STR, "type": {"enum": list(vocab.values("entitytype"))}, "url": _STR},
                    }},
                    "reviewed": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                    "history": {"type": "array", "minItems": 1, "items": {
                        "type": "object", "additionalProperties": False, "required": ["date", "status", "note"],
                        "properties": {"date": _STR, "status": status, "note": _STR},
                    }},
                },
            },
        },
    }


def claims_schema_json(site_url: str, vocab: Vocabulary) -> str:
    return json.dumps(claims_schema(site_url, vocab), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
