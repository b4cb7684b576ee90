"""Read the whole archive through one safe reader, apply every rule, collect every problem.

The CLI, the MkDocs hook, ``generate`` and the tests all call ``check_archive``; nothing is
published unless it returns no errors. Files are read once; each record's schema check and
text rules run on the data as parsed, then the cross-record rules on the typed records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..dates import build_date
from ..load.bibtex import parse_bibliography, source_from_record, source_record
from ..load.cache import FileCache
from ..load.canonical import canonical_bib, canonical_claim
from ..load.characters import bad_character
from ..load.characters import message as character_message
from ..load.reader import KIB, MIB, TreeReader
from ..load.records import claim_from_data, entities_from_data, events_from_data, survey_from_data, terms_from_data
from ..load.schema import Schemas, list_label
from ..load.strict_yaml import YamlProblem, load_yaml
from ..model import Archive, Claim, Entity, Event, Source, SurveyEntry, Term
from ..problems import ArchiveError, LineMap, Problem, Where
from ..site.urls import reserved_names
from ..vocab import Vocabulary
from . import docs as hand_pages
from .claims import claim_problems
from .rating import subject_warnings
from .references import entity_problems, event_problems, survey_problems, term_problems
from .sources import duplicate_sources, source_problems
from .text import text_problems

NOT_CANONICAL = "not in canonical form; run: python -m scripts fmt"
CLAIM_BYTES = 256 * KIB
LIST_BYTES = 4 * MIB
BIB_BYTES = 8 * MIB
PAGE_BYTES = 512 * KIB
LIST_FILES = {"timeline": "timeline.yaml", "glossary": "glossary.yaml", "survey": "survey.yaml", "entities": "entities.yaml"}


@dataclass(frozen=True)
class Result:
    archive: Archive | None
    problems: tuple[Problem, ...]
    schemas: Schemas | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.warning)


# The last bibliography read, by its text: `serve` checks the archive again after every edit in
# one process, and references.bib (the slowest file to read) rarely is the file edited. Sources
# and problems are immutable, so sharing them between runs is safe.
_BIBLIOGRAPHY_MEMO: dict[tuple[str, str, str], tuple[dict[str, Source], list[Problem], set[str]]] = {}
# Claims by file and text, for the same reason: an unchanged file gives the same Claim object,
# which lets the exports reuse what they wrote for it.
_CLAIM_MEMO: dict[tuple[str, str], Claim] = {}


class _Checker:
    def __init__(self, root: Path, docs_dir: Path, now: dt.date) -> None:
        self.reader = TreeReader(root)
        self.root = self.reader.root
        self.docs_dir = docs_dir.resolve() if docs_dir.is_absolute() else (self.root / docs_dir).resolve()
        self.now = now
        self.problems = self.reader.problems
        self.schemas = Schemas.load(self.reader)
        self.cache = FileCache(self.root, "".join(self.schemas.texts.values()))
        self.truncated: set[str] = set()

    # -- reading ---------------------------------------------------------------------------

    def yaml(self, path: Path, schema: str, limit: int) -> tuple[Any, LineMap, str] | None:
        text = self.reader.read_text(path, limit)
        if text is None:
            return None
        result = self.parse(self.reader.rel(path), text, schema)
        return (result[0], result[1], text) if result is not None else None

    def parse(self, rel: str, text: str, schema: str) -> tuple[Any, dict[tuple[str | int, ...], int]] | None:
        """Characters, YAML, schema and text rules for one file's text; ``None`` if it is unsound."""
        if (bad := bad_character(text)) is not None:
            self.problems.append(Problem(rel, bad[0], character_message(bad[1])))
            return None
        try:
            data, lines = load_yaml(text)
        except YamlProblem as exc:
            self.problems.append(Problem(rel, exc.line, exc.message))
            return None
        found = self.schemas.problems(schema, data, lines, rel)
        self.problems.extend(found)
        if found:
            return None
        self.text_rules(schema, data, Where(rel, lines))
        return data, lines

    def text_rules(self, schema: str, data: Any, where: Where) -> None:
        """The archive's text rules on every free-text value the schema names.

        In list files the first step of each path is the record's index: the message names
        the record by its label (its id or date) rather than by position.
        """
        for at, value, markdown in self.schemas.free_texts(schema, data):
            for why in text_problems(value, markdown=markdown):
                if at and isinstance(at[0], int) and isinstance(data, list):
                    item = Where(where.path, where.lines, (at[0],), list_label(schema, data[at[0]]), where.line(at[0]))
                    self.problems.append(item.problem(at[1:], why))
                else:
                    self.problems.append(where.problem(at, why))

    def bibliography(self) -> dict[str, Source]:
        path = self.root / "sources" / "references.bib"
        rel = self.reader.rel(path)
        if not path.exists() and not path.is_symlink():
            self.problems.append(Problem(rel, 1, "file not found: the archive needs its sources"))
            return {}
        text = self.reader.read_text(path, BIB_BYTES)
        if text is None:
            return {}
        memo_key = (rel, FileCache.digest(text), self.cache.path.name)
        if (memo := _BIBLIOGRAPHY_MEMO.get(memo_key)) is not None:  # a preview rebuild, references.bib unchanged
            sources, problems, self.truncated = memo
            self.problems.extend(problems)
            return dict(sources)
        if (cached := self._cached_sources(rel, text)) is not None:  # unchanged since a run that found nothing wrong
            sources, canonical = cached
            if not canonical:
                self.problems.append(Problem(rel, 1, NOT_CANONICAL, warning=True))
            _BIBLIOGRAPHY_MEMO.clear()
            _BIBLIOGRAPHY_MEMO[memo_key] = (dict(sources), self.problems[-1:] if not canonical else [], set())
            return sources
        before = len(self.problems)
        bib = parse_bibliography(rel, text, self.schemas)
        self.problems.extend(bib.problems)
        for key, fields in bib.fields.items():
            where = bib.sources[key].where
            self.text_rules("source", fields, where)
        if not bib.problems and bib.library is not None and not self.cache.is_canonical(text):
            if canonical_bib(text, bib.library) != text:
                self.problems.append(Problem(rel, 1, NOT_CANONICAL, warning=True))
            else:
                self.cache.mark_canonical(text)
        self.truncated = bib.truncated
        if not bib.sources and not bib.problems:
            self.problems.append(Problem(rel, 1, "holds no entries: the archive needs its sources"))
        found = self.problems[before:]
        if not found or all(p.message == NOT_CANONICAL for p in found):
            self.cache.put_sources(text, [source_record(s) for s in bib.sources.values()], canonical=not found)
        _BIBLIOGRAPHY_MEMO.clear()
        _BIBLIOGRAPHY_MEMO[memo_key] = (dict(bib.sources), found, set(bib.truncated))
        return bib.sources

    def _cached_sources(self, rel: str, text: str) -> tuple[dict[str, Source], bool] | None:
        if (cached := self.cache.sources(text)) is None:
            return None
        records, canonical = cached
        try:
            return {record["key"]: source_from_record(rel, record) for record in records}, canonical
        except (KeyError, TypeError, ValueError, AttributeError):  # a damaged cache: parse afresh
            return None

    def claims(self) -> tuple[dict[str, Claim], dict[str, str], set[str]]:
        folder = self.root / "sources" / "claims"
        rel = self.reader.rel(folder)
        if not folder.is_dir() or folder.is_symlink():
            self.problems.append(Problem(rel, 1, "folder not found: the archive needs at least one claim"))
            return {}, {}, set()
        paths = []
        for path in self.reader.walk(folder):
            if path.parent != folder:
                self.problems.append(Problem(self.reader.rel(path), 1, "claims live directly in sources/claims/; files in subfolders would be ignored, so move it up"))
            elif path.name.startswith("."):
                continue
            elif path.suffix != ".yaml":
                self.problems.append(Problem(self.reader.rel(path), 1, "claim files end in .yaml"))
            else:
                paths.append(path)
        for entry in sorted(folder.iterdir()):
            if entry.is_dir() and not entry.is_symlink() and entry.suffix == ".yaml":
                self.problems.append(Problem(self.reader.rel(entry), 1, "is a folder, not a claim file"))
        if not paths and not any(p.path.startswith(rel) for p in self.problems):
            self.problems.append(Problem(rel, 1, "holds no claim files: the archive needs at least one claim"))
        loaded: list[tuple[Claim, str]] = []
        fresh_claims: dict[tuple[str, str], Claim] = {}
        for path in paths:
            rel_path = self.reader.rel(path)
            text = self.reader.read_text(path, CLAIM_BYTES)
            if text is None:
                continue
            cached = self.cache.get(text)
            if cached is not None:
                data, lines, canonical = cached
            else:
                before = len(self.problems)
                result = self.parse(rel_path, text, "claim")
                if result is None:
                    continue
                data, lines = result
                canonical = canonical_claim(data) == text
                if len(self.problems) == before:  # only sound files are remembered
                    self.cache.put(text, data, lines, canonical)
            if not canonical:
                self.problems.append(Problem(rel_path, 1, NOT_CANONICAL, warning=True))
            memo_key = (rel_path, FileCache.digest(text))
            claim = _CLAIM_MEMO.get(memo_key) or claim_from_data(data, lines, rel_path)
            fresh_claims[memo_key] = claim
            loaded.append((claim, path.stem))
        _CLAIM_MEMO.clear()
        _CLAIM_MEMO.update(fresh_claims)
        claims, stems = self._unique(loaded)
        return claims, stems, {p.stem for p in paths}

    def _unique(self, loaded: list[tuple[Claim, str]]) -> tuple[dict[str, Claim], dict[str, str]]:
        """One claim per id; a file reusing another file's id is reported against that file."""
        owner = {claim.id: claim for claim, stem in loaded if claim.id == stem}
        claims: dict[str, Claim] = {}
        stems: dict[str, str] = {}
        for claim, stem in loaded:
            first = owner.get(claim.id) or claims.get(claim.id)
            if first is not None and first is not claim:
                self.problems.append(claim.where.problem(("id",), f"'{claim.id}' is already used by {first.path}"))
                continue
            claims[claim.id] = claim
            stems[claim.id] = stem
        return claims, stems

    def list_file(self, name: str) -> tuple[Any, LineMap, str] | None:
        path = self.root / "sources" / LIST_FILES[name]
        if not path.exists() and not path.is_symlink():
            return None
        result = self.yaml(path, name, LIST_BYTES)
        return result

    def lists(self) -> tuple[tuple[Event, ...], tuple[Term, ...], tuple[SurveyEntry, ...], tuple[Entity, ...]]:
        out: dict[str, tuple[Any, ...]] = {}
        makers = {"timeline": events_from_data, "glossary": terms_from_data, "survey": survey_from_data, "entities": entities_from_data}
        for name, make in makers.items():
            loaded = self.list_file(name)
            out[name] = make(loaded[0], loaded[1], self.reader.rel(self.root / "sources" / LIST_FILES[name])) if loaded else ()
        return out["timeline"], out["glossary"], out["survey"], out["entities"]

    def pages(self, sources: Mapping[str, Source], claim_ids: set[str], statuses: Mapping[str, str]) -> set[str]:
        """Check every file under docs/ (and CONTRIBUTING.md); return the keys they cite."""
        cited: set[str] = set()
        under_claims = reserved_names("claims")
        pages: list[tuple[Path, str]] = []
        for path in self.reader.walk(self.docs_dir):
            uri = path.relative_to(self.docs_dir).as_posix()
            if path.suffix == ".md":
                pages.append((path, uri))
            elif why := hand_pages.asset_problem(uri):
                self.problems.append(Problem(self.reader.rel(path), 1, why))
        contributing = self.root / "CONTRIBUTING.md"
        if contributing.exists() or contributing.is_symlink():
            pages.append((contributing, "about/contributing.md"))
        for path, uri in pages:
            text = self.reader.read_text(path, PAGE_BYTES)
            if text is None:
                continue
            rel = self.reader.rel(path)
            if (bad := bad_character(text)) is not None:
                self.problems.append(Problem(rel, bad[0], character_message(bad[1])))
                continue
            self.problems.extend(hand_pages.page_problems(text, uri, rel, sources, claim_ids, under_claims, statuses))
            cited |= hand_pages.cited_keys(text)
        return cited

    # -- the whole archive -----------------------------------------------------------------

    def run(self) -> Result:
        sources = self.bibliography()
        claims, stems, claim_files = self.claims()
        self.cache.save()
        events, terms, survey, entity_list = self.lists()
        entities: dict[str, Entity] = {}
        duplicates = []
        for entity in entity_list:
            if entity.id in entities:
                duplicates.append(entity)
            else:
                entities[entity.id] = entity
        claim_ids = set(claims) | claim_files
        entity_ids = set(entities)
        reserved_sources = {n.lower() for n in reserved_names("sources")}
        for source in sources.values():
            if source.key not in self.truncated:  # its missing fields are the stray brace's doing
                self.problems.extend(source_problems(source, sources, reserved_sources, self.now))
        self.problems.extend(duplicate_sources(sources))
        reserved_claims = reserved_names("claims")
        for claim in claims.values():
            self.problems.extend(claim_problems(claim, sources, claim_ids, entity_ids, stems[claim.id], reserved_claims, self.now))
        self.problems.extend(subject_warnings(claims))
        for event in events:
            self.problems.extend(event_problems(event, sources, claim_ids, entity_ids, self.now))
        for term in terms:
            self.problems.extend(term_problems(term, sources, entity_ids))
        self.problems.extend(survey_problems(survey, sources, claims))
        reserved_entities = reserved_names("entities")
        for entity in entities.values():
            if entity.id in reserved_entities:
                self.problems.append(entity.where.problem(("id",), f"'{entity.id}' is the name of a generated page; choose another id"))
        self.problems.extend(entity_problems(entities, duplicates, sources, self.now, claim_ids))
        cited = self.pages(sources, claim_ids, {c.id: c.status for c in claims.values()})
        self._unused_sources(sources, claims, events, terms, survey, entities, cited)
        problems = tuple(sorted(set(self.problems)))
        if any(not p.warning for p in problems):
            return Result(None, problems, self.schemas)
        archive = cross_reference(claims, sources, events, terms, survey, entities, self.schemas.vocabulary)
        return Result(archive, problems, self.schemas)

    def _unused_sources(self, sources: Mapping[str, Source], claims: Mapping[str, Claim], events: tuple[Event, ...], terms: tuple[Term, ...],
                        survey: tuple[SurveyEntry, ...], entities: Mapping[str, Entity], cited: set[str]) -> None:
        used = set(cited)
        for claim in claims.values():
            used |= {e.source for e in claim.all_evidence} | {a.source for a in claim.seen_in}
        for record in events:
            used |= set(record.sources)
        for term in terms:
            used |= set(term.sources)
        for entry in survey:
            used |= set(entry.seen_in)
        for entity in entities.values():
            used |= set(entity.sources) | set(entity.text) | {s.source for s in entity.says}
        used |= {s.supersededby for s in sources.values()}
        for source in sources.values():
            if source.key not in used:
                self.problems.append(source.where.problem((), "not cited by any claim, event, term, survey entry, entity or page", warning=True))


def cross_reference(
    claims: Mapping[str, Claim], sources: Mapping[str, Source], events: tuple[Event, ...], terms: tuple[Term, ...],
    survey: tuple[SurveyEntry, ...], entities: Mapping[str, Entity], vocabulary: Vocabulary,
) -> Archive:
    cited_by: dict[str, set[str]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    text_of = {key: entity.id for entity in entities.values() for key in entity.text}
    entity_claims: dict[str, set[str]] = defaultdict(set)
    for claim in claims.values():
        keys = {e.source for e in claim.all_evidence} | {a.source for a in claim.seen_in}
        for key in keys:
            cited_by[key].add(claim.id)
        for key in {e.source for e in claim.all_evidence}:
            if key in text_of:
                entity_claims[text_of[key]].add(claim.id)
        for entity_id in claim.about:
            entity_claims[entity_id].add(claim.id)
        for other in claim.related:
            related[claim.id].add(other)
            related[other].add(claim.id)
    for entity in entities.values():
        for claim_id in entity.claims:
            entity_claims[entity.id].add(claim_id)
    claim_entities: dict[str, set[str]] = defaultdict(set)
    for entity_id, ids in entity_claims.items():
        for claim_id in ids:
            claim_entities[claim_id].add(entity_id)
    source_entities: dict[str, set[str]] = defaultdict(set)
    for document in entities.values():
        for key in document.text:
            source_entities[key].add(document.id)
    frozen = lambda d: MappingProxyType({k: tuple(sorted(v)) for k, v in sorted(d.items())})  # noqa: E731
    return Archive(
        claims=MappingProxyType(dict(sorted(claims.items()))),
        sources=MappingProxyType(dict(sorted(sources.items(), key=lambda kv: kv[0].lower()))),
        events=tuple(sorted(events, key=lambda e: (e.date, e.title))),
        terms=tuple(terms),
        survey=tuple(sorted(survey, key=lambda s: (-s.recurs, s.id))),
        entities=MappingProxyType(dict(sorted(entities.items()))),
        cited_by=frozen(cited_by),
        related_to=frozen(related),
        entity_claims=frozen(entity_claims),
        claim_entities=frozen(claim_entities),
        source_entities=frozen(source_entities),
        vocabulary=vocabulary,
    )


def check_archive(root: Path, docs_dir: Path | None = None, now: dt.date | None = None) -> Result:
    """Load and check everything under ``root``; return the archive only if it is sound."""
    checker = _Checker(root, docs_dir if docs_dir is not None else Path("docs"), now or build_date())
    return checker.run()


def load_archive(root: Path, docs_dir: Path | None = None) -> Archive:
    """The archive under ``root``, or ``ArchiveError`` listing every error."""
    result = check_archive(root, docs_dir)
    if result.archive is None:
        raise ArchiveError(result.errors)
    return result.archive
