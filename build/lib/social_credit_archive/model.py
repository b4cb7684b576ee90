"""Typed, immutable records of the archive. Nothing downstream touches raw dicts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

_BRACES = re.compile(r"[{}]")


def unbrace(value: str) -> str:
    """BibTeX braces protect case or mark corporate names; readers never see them."""
    return _BRACES.sub("", value).strip()


@dataclass(frozen=True, slots=True)
class Person:
    """An author: a person (family, given) or an organisation (``family`` only, corporate)."""

    family: str
    given: str = ""
    corporate: bool = False

    @property
    def display(self) -> str:
        return self.family if self.corporate or not self.given else f"{self.family}, {self.given}"


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    entry_type: str
    fields: Mapping[str, str]  # as written (outer braces removed), NFC
    authors: tuple[Person, ...]
    path: str
    line: int
    field_lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    raw: str = ""

    def get(self, name: str) -> str:
        return unbrace(self.fields.get(name, ""))

    @property
    def title(self) -> str:
        return self.get("title")

    @property
    def sourceclass(self) -> str:
        return self.get("sourceclass")

    @property
    def date(self) -> str:
        return self.get("date") or self.get("year")

    @property
    def year(self) -> str:
        return self.date[:4] if self.date[:4].isdigit() else "n.d."

    @property
    def url(self) -> str:
        return self.get("url")

    @property
    def container(self) -> str:
        for name in ("journaltitle", "journal", "booktitle", "publisher", "institution", "organization", "howpublished"):
            if self.get(name):
                return self.get(name)
        return ""


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str
    stance: str
    locator: str = ""
    quote: str = ""
    translation: str = ""
    translated_by: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Appearance:
    source: str
    locator: str = ""
    quote: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Change:
    date: str
    status: str
    note: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    statement: str
    kind: str
    status: str
    topics: tuple[str, ...]
    verdict: str
    evidence: tuple[Evidence, ...]
    seen_in: tuple[Appearance, ...]
    related: tuple[str, ...]
    reviewed: str
    history: tuple[Change, ...]
    path: str
    lines: Mapping[tuple[str | int, ...], int]

    def line_of(self, *where: str | int) -> int:
        """The line of a field (or the nearest enclosing one) in the claim's file."""
        while where and where not in self.lines:
            where = where[:-1]
        return self.lines.get(where, 1)

    @property
    def first_reviewed(self) -> str:
        return self.history[0].date


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event on the timeline."""

    date: str
    title: str
    text: str
    sources: tuple[str, ...]
    claims: tuple[str, ...]
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry: a Chinese term with pinyin and an English rendering."""

    term: str
    pinyin: str
    english: str
    meaning: str
    sources: tuple[str, ...]
    topic: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Archive:
    """Every record, with the cross-references the pages need, computed once."""

    claims: Mapping[str, Claim]
    sources: Mapping[str, Source]
    events: tuple[Event, ...] = ()
    terms: tuple[Term, ...] = ()
    cited_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # source key -> claim ids
    related_to: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # claim id -> claim ids (both ways)
