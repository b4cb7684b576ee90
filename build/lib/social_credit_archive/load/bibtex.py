"""BibTeX sources: every failed block, duplicate key and LaTeX macro is an error at its line.

bibtexparser 2 never raises: syntax errors and duplicates sit in ``library.failed_blocks``
and are only logged, so each one is turned into a ``Problem`` here. ``.bib`` files are UTF-8;
accent macros are refused rather than decoded, which also keeps parsing fast.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from types import MappingProxyType

import bibtexparser
from bibtexparser import model as bib
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

from ..model import Person, Source, unbrace
from ..problems import Problem
from .strict_yaml import read_text

MAX_BYTES = 8 * 1024 * 1024
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
LATEX = re.compile(r"\\[A-Za-z]+|\\['\"`^~=.]")

# bibtexparser logs each syntax error on its own logger; we report them ourselves.
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


def load_bibliography(path: str, raw: bytes) -> tuple[dict[str, Source], list[Problem]]:
    sources, problems, _ = parse_bibliography(path, raw)
    return sources, problems


def parse_bibliography(path: str, raw: bytes) -> tuple[dict[str, Source], list[Problem], bibtexparser.Library | None]:
    """Sources, problems, and the parsed library (for the canonical-form check)."""
    text, problems = read_text(path, raw, MAX_BYTES)
    if text is None:
        return {}, problems, None
    library = bibtexparser.parse_string(text)
    lines = text.splitlines()
    for block in library.failed_blocks:
        problems.append(Problem(path, block.start_line + 1, _failure(block)))
    for block in library.blocks:
        if isinstance(block, bib.ImplicitComment) and "@" in block.comment:
            problems.append(Problem(path, block.start_line + 1, "text outside an entry contains '@': is an entry malformed?"))
    sources: dict[str, Source] = {}
    for entry in library.entries:
        source, entry_problems = _source(path, entry, lines)
        problems.extend(entry_problems)
        if source is not None:
            sources[source.key] = source
    return sources, problems, library


def _failure(block: bib.Block) -> str:
    if isinstance(block, bib.DuplicateBlockKeyBlock):
        return f"duplicate BibTeX key '{block.key}'"
    if isinstance(block, bib.DuplicateFieldKeyBlock):
        return f"duplicate field(s) {', '.join(sorted(block.duplicate_keys))} in entry"
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or str(error or "could not be parsed")
    return f"BibTeX syntax error: {reason.strip().splitlines()[-1]}"


def _source(path: str, entry: bib.Entry, lines: list[str]) -> tuple[Source | None, list[Problem]]:
    line = entry.start_line + 1
    problems: list[Problem] = []
    if not KEY.match(entry.key):
        problems.append(Problem(path, line, f"BibTeX key '{entry.key}' must use only ASCII letters, digits, '-' and '_'"))
        return None, problems
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    for f in entry.fields:
        name = f.key.lower()
        value = unicodedata.normalize("NFC", str(f.value)).strip()
        field_lines[name] = f.start_line + 1
        if "\\" in value and LATEX.search(value):
            macro = LATEX.search(value).group(0)  # type: ignore[union-attr]
            problems.append(Problem(path, f.start_line + 1, f"{name}: LaTeX macro '{macro}' found; write the character itself in UTF-8"))
        fields[name] = value
    end = max(field_lines.values(), default=line)
    raw = "\n".join(lines[entry.start_line:end + 1]).rstrip().rstrip(",")
    if not raw.endswith("}"):
        raw += "\n}"
    source = Source(
        key=entry.key,
        entry_type=entry.entry_type.lower(),
        fields=MappingProxyType(fields),
        authors=tuple(_persons(fields.get("author", ""))),
        path=path,
        line=line,
        field_lines=MappingProxyType(field_lines),
        raw=raw,
    )
    return source, problems


def _persons(value: str) -> list[Person]:
    people = []
    for name in split_multiple_persons_names(value) if value else []:
        if name.startswith("{") and name.endswith("}"):
            people.append(Person(unbrace(name), corporate=True))
            continue
        parts = parse_single_name_into_parts(name)
        family = " ".join(parts.von + parts.last + parts.jr)
        people.append(Person(unbrace(family), unbrace(" ".join(parts.first))))
    return people
