"""One canonical form for claim files and references.bib, so that diffs show only real changes.

Claims: the modeline, keys in a fixed order, plain scalars where YAML allows them, the verdict
as a literal block, lists of words in flow style, lines wrapped at 100 columns (PyYAML).
BibTeX: entries sorted by key, fields in a fixed order, values braced and aligned (bibtexparser).
"""

from __future__ import annotations

import re
from typing import Any

import bibtexparser
import yaml
from bibtexparser.middlewares import AddEnclosingMiddleware

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper

MODELINE = "# yaml-language-server: $schema=../schema/claim.schema.json\n"
CLAIM_ORDER = (
    "id", "title", "statement", "summary", "kind", "family", "status", "topics", "subject", "about", "parts", "verdict",
    "evidence", "missing", "seen_in", "related", "reviewed", "history",
)
PART_ORDER = ("statement", "status", "material", "verdict", "evidence", "missing")
ITEM_ORDER = ("source", "stance", "locator", "quote", "translation", "translated_by", "date", "status", "note")
_LITERALS = ("verdict", "missing")
FIELD_ORDER = (
    "author", "editor", "title", "origtitle", "journaltitle", "journal", "booktitle", "institution", "organization",
    "publisher", "howpublished", "location", "type", "number", "volume", "pages", "date", "year", "url", "urldate",
    "translationurl", "translator", "archiveurl", "sourceclass", "langid", "supersededby", "shorttitle", "keywords", "note",
    "abstract",
)
WIDTH = 100


class _Flow(list):
    """A list written in flow style: ``[a, b]``."""


class _Literal(str):
    """A string written as a literal block: ``|``."""


class _Dumper(_BaseDumper):
    pass


# Dates and yes/no stay plain text, as the archive's loader reads them.
_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in _BaseDumper.yaml_implicit_resolvers.items()
}
_Dumper.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_SCALAR_RESOLVERS = _Dumper.yaml_implicit_resolvers
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _resolve(self: _Dumper, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    """PyYAML's resolver without path resolvers: the emitter asks once per scalar, so it is hot."""
    if kind is yaml.ScalarNode:
        if implicit[0]:
            for tag, regexp in _SCALAR_RESOLVERS.get(value[:1] if value else "", _SCALAR_RESOLVERS.get(None, [])):
                if regexp.match(value):
                    return tag
        return _STR
    return _SEQ if kind is yaml.SequenceNode else _MAP


_Dumper.resolve = _resolve
_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_Literal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style="|"))


def _ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    known = {k: mapping[k] for k in order if k in mapping}
    return known | {k: mapping[k] for k in sorted(mapping) if k not in known}


def canonical_claim(data: dict[str, Any]) -> str:
    out = _ordered(data, CLAIM_ORDER)
    for key in ("topics", "related", "about"):
        if key in out:
            out[key] = _Flow(out[key])
    _literal_blocks(out)
    for key in ("evidence", "seen_in", "history"):
        if isinstance(out.get(key), list):
            out[key] = [_ordered(item, ITEM_ORDER) if isinstance(item, dict) else item for item in out[key]]
    if isinstance(out.get("parts"), list):
        parts = []
        for part in out["parts"]:
            if isinstance(part, dict):
                part = _ordered(part, PART_ORDER)
                _literal_blocks(part)
                if isinstance(part.get("evidence"), list):
                    part["evidence"] = [_ordered(item, ITEM_ORDER) if isinstance(item, dict) else item for item in part["evidence"]]
            parts.append(part)
        out["parts"] = parts
    return MODELINE + yaml.serialize(_node(out), Dumper=_Dumper, allow_unicode=True, width=WIDTH, indent=2)


def _literal_blocks(mapping: dict[str, Any]) -> None:
    for key in _LITERALS:
        if isinstance(mapping.get(key), str):
            mapping[key] = _Literal("\n".join(line.rstrip() for line in mapping[key].strip().splitlines()) + "\n")


def _node(value: Any) -> yaml.Node:
    """The YAML node for ``value``, built directly: what PyYAML's representer would build for
    this data, without its per-object bookkeeping (this runs for every claim on every check)."""
    if isinstance(value, dict):
        return yaml.MappingNode(_MAP, [(_node(k), _node(v)) for k, v in value.items()], flow_style=False)
    if isinstance(value, list):
        return yaml.SequenceNode(_SEQ, [_node(v) for v in value], flow_style=isinstance(value, _Flow))
    if isinstance(value, _Literal):
        return yaml.ScalarNode(_STR, str(value), style="|")
    if isinstance(value, str):
        return yaml.ScalarNode(_STR, value)
    if value is None:
        return yaml.ScalarNode("tag:yaml.org,2002:null", "null")
    if isinstance(value, bool):
        return yaml.ScalarNode("tag:yaml.org,2002:bool", "true" if value else "false")
    if isinstance(value, int):
        return yaml.ScalarNode("tag:yaml.org,2002:int", str(value))
    if isinstance(value, float):
        return yaml.ScalarNode("tag:yaml.org,2002:float", repr(value))
    raise TypeError(f"cannot write {type(value).__name__} in a claim file")


def canonical_bib(text: str, library: bibtexparser.Library | None = None) -> str:
    """``text`` in canonical form; pass its already parsed ``library`` to skip a second parse."""
    library = library if library is not None else bibtexparser.parse_string(text)
    if library.failed_blocks:
        raise ValueError("references.bib has errors; run check first")
    return write_entries(sorted(library.entries, key=lambda e: e.key.lower()))


def write_entries(entries: list[Any]) -> str:
    """BibTeX for ``entries`` in the archive's one style: fields in a fixed order, braced, aligned.

    Written by bibtexparser's own writer, on copies, so parsed entries are left as they were.
    """
    order = {name: i for i, name in enumerate(FIELD_ORDER)}
    fresh = []
    for entry in entries:
        fields = [bibtexparser.model.Field(f.key.lower(), str(f.value).strip()) for f in entry.fields]
        fields.sort(key=lambda f: (order.get(f.key, len(order)), f.key))
        fresh.append(bibtexparser.model.Entry(entry.entry_type.lower(), entry.key, fields))
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.value_column = "auto"
    fmt.block_separator = "\n"
    fmt.trailing_comma = True
    written = bibtexparser.write_string(
        bibtexparser.Library(list[bibtexparser.model.Block](fresh)),
        unparse_stack=[AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{")],
        bibtex_format=fmt,
    )
    return written.strip() + "\n"
