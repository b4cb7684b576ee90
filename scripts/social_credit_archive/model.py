"""Typed, immutable records of the archive. Nothing downstream touches raw dicts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .problems import Where
from .vocab import EMPTY, Vocabulary

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

    @property
    def natural(self) -> str:
        """``Given Family``: how a byline prints the name."""
        return self.family if self.corporate or not self.given else f"{self.given} {self.family}"


#: BibTeX fields that name where a source was published, most specific first.
CONTAINER_FIELDS = ("journaltitle", "journal", "booktitle", "publisher", "institution", "organization", "howpublished")


@dataclass(frozen=True, slots=True)
class Source:
    """One BibTeX entry. Text fields are NFC, braces removed; ``raw`` is the entry as BibTeX."""

    key: str
    entry_type: str
    title: str
    sourceclass: str
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    date: str = ""  # ``date``, else ``year`` (YYYY, YYYY-MM or YYYY-MM-DD)
    url: str = ""
    urldate: str = ""
    origtitle: str = ""
    shorttitle: str = ""
    journaltitle: str = ""
    booktitle: str = ""
    publisher: str = ""
    institution: str = ""
    organization: str = ""
    howpublished: str = ""
    genre: str = ""  # BibTeX ``type``: report type, document genre
    number: str = ""
    volume: str = ""
    pages: str = ""
    translator: str = ""
    translationurl: str = ""
    archiveurl: str = ""
    supersededby: str = ""
    langid: str = ""
    note: str = ""
    abstract: str = ""
    where: Where = field(default_factory=lambda: Where(""), compare=False)  # where it was read, not what it says
    entry: Any = field(default=None, repr=False, compare=False)  # the parsed BibTeX entry

    @property
    def path(self) -> str:
        return self.where.path

    @property
    def line(self) -> int:
        return self.where.line()

    @property
    def year(self) -> str:
        return self.date[:4] if self.date[:4].isdigit() else "n.d."

    @property
    def container(self) -> str:
        """Where it was published: journal, website, publisher or issuing institution."""
        for name in ("journaltitle", "booktitle", "publisher", "institution", "organization", "howpublished"):
            if value := getattr(self, name):
                return str(value)
        return ""

    @property
    def publisher_id(self) -> str:
        """Who published it, normalised: two sources are independent only if these differ."""
        who = self.container or (self.authors[0].family if self.authors and self.authors[0].corporate else "")
        if not who and self.url:
            who = self.url.split("/")[2].removeprefix("www.") if self.url.count("/") >= 2 else self.url
        who = re.sub(r"\(.*?\)", "", who.casefold())
        return " ".join(w for w in re.split(r"\W+", who) if w and w != "the") or self.key


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
class Part:
    """One atomic part of a compound claim, rated on its own evidence."""

    statement: str
    status: str
    verdict: str
    evidence: tuple[Evidence, ...]
    missing: str = ""
    material: bool = True
    where: Where = field(default_factory=lambda: Where(""))


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    statement: str
    summary: str
    kind: str
    status: str
    topics: tuple[str, ...]
    verdict: str
    evidence: tuple[Evidence, ...]
    seen_in: tuple[Appearance, ...]
    related: tuple[str, ...]
    reviewed: str
    history: tuple[Change, ...]
    where: Where
    title: str = ""
    family: str = ""
    subject: str = ""
    missing: str = ""
    parts: tuple[Part, ...] = ()
    about: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return self.where.path

    def line_of(self, *where: str | int) -> int:
        return self.where.line(*where)

    @property
    def first_reviewed(self) -> str:
        return self.history[0].date

    @property
    def heading(self) -> str:
        """The page title: the short ``title`` if given, else the summary."""
        return self.title or self.summary

    @property
    def all_evidence(self) -> tuple[Evidence, ...]:
        """Claim-level evidence, then each part's, in page order (the order of the numbers)."""
        return self.evidence + tuple(e for p in self.parts for e in p.evidence)

    @property
    def missing_texts(self) -> tuple[str, ...]:
        own = (self.missing,) if self.missing else ()
        return own + tuple(p.missing for p in self.parts if p.missing)


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event on the timeline."""

    date: str
    title: str
    text: str
    sources: tuple[str, ...]
    claims: tuple[str, ...]
    where: Where
    about: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry: a Chinese term with pinyin and an English rendering."""

    term: str
    pinyin: str
    english: str
    meaning: str
    sources: tuple[str, ...]
    topic: str
    where: Where
    about: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SurveyEntry:
    """A claim found circulating, with where it was seen and what the archive did with it."""

    id: str
    claim: str
    families: tuple[str, ...]
    seen_in: tuple[str, ...]
    recurs: int
    rated_as: str  # a claim id, or "" when not rated
    not_rated: str  # the reason, when not rated
    where: Where


@dataclass(frozen=True, slots=True)
class Saying:
    """One line of what a document says, with its article and the source it was read in."""

    text: str
    locator: str
    source: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A document, place, body or company that claims name; its page is generated."""

    id: str
    type: str  # document | place | body | company
    name: str
    summary: str
    sources: tuple[str, ...]
    where: Where
    name_zh: str = ""
    short: str = ""  # abbreviation or short name (NDRC)
    number: str = ""
    issuers: tuple[str, ...] = ()
    issued: str = ""
    effective: str = ""
    status: str = ""  # documents: in-force | superseded | draft | expired | unknown
    superseded_by: str = ""
    text: tuple[str, ...] = ()  # sources that hold the document's text or a translation
    says: tuple[Saying, ...] = ()
    within: str = ""  # places: the province; bodies: the parent body
    claims: tuple[str, ...] = ()  # claims about it, listed on the entity's side


@dataclass(frozen=True, slots=True)
class Archive:
    """Every record, with the cross-references the pages need, computed once."""

    claims: Mapping[str, Claim]
    sources: Mapping[str, Source]
    events: tuple[Event, ...] = ()
    terms: tuple[Term, ...] = ()
    survey: tuple[SurveyEntry, ...] = ()
    entities: Mapping[str, Entity] = field(default_factory=lambda: MappingProxyType({}))
    cited_by: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # source key -> claim ids
    related_to: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # claim id -> claim ids (both ways)
    entity_claims: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # entity id -> claim ids
    claim_entities: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # claim id -> entity ids
    source_entities: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # source key -> entity ids
    vocabulary: Vocabulary = EMPTY

    def inputs_of(self, claim: Claim) -> tuple[object, ...]:
        """What a claim's page and export record are made from: the claim, its sources, its
        related claims and its entities. Equal inputs give equal output (used to reuse work
        between preview rebuilds)."""
        keys = [e.source for e in claim.all_evidence] + [a.source for a in claim.seen_in]
        return (
            claim,
            tuple(self.sources[k] for k in keys),
            tuple(self.claims.get(r) for r in self.related_to.get(claim.id, ())),
            tuple((e, self.entities[e].name, self.entities[e].type) for e in self.claim_entities.get(claim.id, ()) if e in self.entities),
        )

    def updates(self) -> list[Update]:
        """Every history entry across the archive, newest first (ties broken by claim id)."""
        items = [Update(c, h, i) for c in self.claims.values() for i, h in enumerate(c.history)]
        return sorted(items, key=lambda u: (u.change.date, u.claim.id, u.index), reverse=True)


@dataclass(frozen=True, slots=True)
class Update:
    """One history entry of one claim: a first review or a change of status."""

    claim: Claim
    change: Change
    index: int

    @property
    def previous(self) -> str:
        return self.claim.history[self.index - 1].status if self.index else ""

    @property
    def is_status_change(self) -> bool:
        return bool(self.index) and self.previous != self.change.status


