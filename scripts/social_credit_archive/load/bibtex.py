"""BibTeX sources: every failed block, stray brace, duplicate field and LaTeX macro is an error.

bibtexparser 2 never raises: syntax errors and duplicates sit in ``library.failed_blocks``
and are only logged, so each one is turned into a ``Problem`` here. Two silent losses are
caught as well: a stray ``}`` closes an entry early and turns the rest of it into "implicit
comment" text (its fields vanish), and ``url`` beside ``URL`` is not a duplicate to
bibtexparser (the second wins). Field names are case-insensitive, as in BibTeX.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from types import MappingProxyType
from typing import Any

import bibtexparser
from bibtexparser import model as bib
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

from ..model import Person, Source, unbrace
from ..problems import Problem, Where
from .characters import bad_character, message
from .schema import Schemas

KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
LATEX = re.compile(r"\\[A-Za-z]+|\\['\"`^~=.]")
PERSON_FIELDS = ("author", "editor")
# Fields reference managers add that point into the exporter's own computer: never published.
LOCAL_FIELDS = {
    "file": "a path on the exporter's computer (Zotero adds it when exporting files); delete the field",
}

# bibtexparser logs each syntax error on its own logger; we report them ourselves.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


@dataclass
class Bibliography:
    sources: dict[str, Source]
    problems: list[Problem]
    library: bibtexparser.Library | None = None  # for the canonical-form check
    fields: dict[str, dict[str, str]] = dataclass_field(default_factory=dict)  # key -> fields, for the text rules
    truncated: set[str] = dataclass_field(default_factory=set)  # entries a stray brace cut short


def parse_bibliography(path: str, text: str, schemas: Schemas) -> Bibliography:
    """Every entry of ``text`` as a typed source, or the problems that keep it out."""
    if (bad := bad_character(text)) is not None:
        return Bibliography({}, [Problem(path, bad[0], message(bad[1]))])
    library = bibtexparser.parse_string(text)
    problems: list[Problem] = []
    for failed in library.failed_blocks:
        problems.append(Problem(path, (failed.start_line or 0) + 1, _failure(failed)))
    truncated: set[str] = set()
    previous: bib.Block | None = None
    for block in library.blocks:
        if isinstance(block, bib.ImplicitComment) and (stray := _stray_text(block.comment)):
            if stray[2] and isinstance(previous, bib.Entry):
                truncated.add(previous.key)
                message_text = (
                    f"a stray '}}' closed the entry '{previous.key}' early: the fields after it ({stray[1]}) would be lost; "
                    "balance the braces"
                )
            else:
                message_text = stray[1]
            problems.append(Problem(path, (block.start_line or 0) + 1 + stray[0], message_text))
        previous = block
    result = Bibliography({}, problems, library, truncated=truncated)
    for entry in library.entries:
        source, fields, entry_problems = _source(path, entry, schemas)
        if entry.key not in truncated:  # its other "problems" are the lost fields' absence
            problems.extend(entry_problems)
        if source is not None:
            result.sources[source.key] = source
            result.fields[source.key] = fields
    return result


def _stray_text(comment: str) -> tuple[int, str, bool] | None:
    """``(line offset, text, looks like lost fields)`` for text between entries other than blank
    lines and ``%`` comments."""
    lines = comment.splitlines()
    for offset, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not stripped.startswith("%"):
            lost = [m for m in (re.match(r"^,?\s*([A-Za-z]+)\s*=", rest.strip()) for rest in lines[offset:]) if m]
            if lost or stripped.startswith((",", "}")):
                names = ", ".join(m.group(1).lower() for m in lost[:6]) or "the rest of the entry"
                return offset, names, True
            return offset, f"text outside any entry ({stripped[:40]!r}); start comment lines with '%'", False
    return None


def _failure(block: bib.Block) -> str:
    if isinstance(block, bib.DuplicateBlockKeyBlock):
        return f"duplicate BibTeX key '{block.key}'"
    if isinstance(block, bib.DuplicateFieldKeyBlock):
        return f"duplicate field(s) {', '.join(sorted(block.duplicate_keys))} in entry"
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or str(error or "could not be parsed")
    return f"BibTeX syntax error: {reason.strip().splitlines()[-1]}"


def _source(path: str, entry: bib.Entry, schemas: Schemas) -> tuple[Source | None, dict[str, str], list[Problem]]:
    line = (entry.start_line or 0) + 1
    if not KEY.match(entry.key):
        return None, {}, [Problem(path, line, f"BibTeX key '{entry.key[:60]}' must use only ASCII letters, digits, '-' and '_'")]
    lines: dict[tuple[str | int, ...], int] = {(): line}
    where = Where(path, MappingProxyType(lines), label=entry.key, default_line=line)
    problems: list[Problem] = []
    fields: dict[str, str] = {}
    for f in entry.fields:
        name = f.key.lower()
        value = unicodedata.normalize("NFC", str(f.value)).strip()
        if name in fields:
            problems.append(Problem(path, (f.start_line or 0) + 1, f"{entry.key}: field '{f.key}' appears twice (field names ignore case)"))
            continue
        lines[(name,)] = (f.start_line or 0) + 1
        if name in LOCAL_FIELDS:
            problems.append(where.problem((name,), LOCAL_FIELDS[name]))
            continue
        if "\\" in value and (macro := LATEX.search(value)):
            problems.append(where.problem((name,), f"LaTeX macro '{macro.group(0)}' found; write the character itself in UTF-8"))
        fields[name] = value
    problems.extend(schemas.problems("source", {"entry_type": entry.entry_type.lower(), **fields}, lines, path, label=entry.key))
    # A faulty entry is still loaded (its problems stop the build), so that claims citing it
    # are not also reported as citing an unknown key.
    plain = {name: unbrace(value) for name, value in fields.items() if name not in PERSON_FIELDS}
    source = Source(
        key=entry.key,
        entry_type=entry.entry_type.lower(),
        title=plain.get("title", ""),
        sourceclass=plain.get("sourceclass", ""),
        authors=tuple(persons(fields.get("author", ""))),
        editors=tuple(persons(fields.get("editor", ""))),
        date=plain.get("date") or plain.get("year", ""),
        genre=plain.get("type", ""),
        where=where,
        entry=entry,
        **{name: plain.get(name, "") for name in _TEXT_FIELDS},
    )
    return source, fields, problems


_TEXT_FIELDS = (
    "url", "urldate", "origtitle", "shorttitle", "journaltitle", "booktitle", "publisher", "institution", "organization",
    "howpublished", "number", "volume", "pages", "translator", "translationurl", "archiveurl", "supersededby", "langid",
    "note", "abstract",
)


def persons(value: str) -> list[Person]:
    people = []
    for name in split_multiple_persons_names(value) if value else []:
        if name.startswith("{") and name.endswith("}"):
            people.append(Person(unbrace(name), corporate=True))
            continue
        parts = parse_single_name_into_parts(name)
        family = " ".join(parts.von + parts.last + parts.jr)
        people.append(Person(unbrace(family), unbrace(" ".join(parts.first))))
    return people




def source_record(source: Source) -> dict[str, Any]:
    """A sound source as plain JSON data, for ``check``'s cache (``source_from_record`` reads it)."""
    return {
        "key": source.key,
        "entry_type": source.entry_type,
        "title": source.title,
        "sourceclass": source.sourceclass,
        "authors": [[p.family, p.given, p.corporate] for p in source.authors],
        "editors": [[p.family, p.given, p.corporate] for p in source.editors],
        "date": source.date,
        "genre": source.genre,
        "text": {name: getattr(source, name) for name in _TEXT_FIELDS if getattr(source, name)},
        "lines": dict(source.where.lines),  # the cache stores lines its own way
        "raw": {f.key: str(f.value) for f in source.entry.fields} if source.entry is not None else {},
    }


def source_from_record(path: str, record: dict[str, Any]) -> Source:
    """The source ``source_record`` wrote: equal to a fresh parse of the same unchanged entry."""
    lines: dict[tuple[str | int, ...], int] = record["lines"]
    line = lines.get((), 1)
    return Source(
        key=record["key"],
        entry_type=record["entry_type"],
        title=record["title"],
        sourceclass=record["sourceclass"],
        authors=tuple(Person(family, given, corporate) for family, given, corporate in record["authors"]),
        editors=tuple(Person(family, given, corporate) for family, given, corporate in record["editors"]),
        date=record["date"],
        genre=record["genre"],
        where=Where(path, MappingProxyType(lines), label=record["key"], default_line=line),
        entry=bib.Entry(record["entry_type"], record["key"], [bib.Field(name, value) for name, value in record["raw"].items()]),
        **record["text"],
    )
