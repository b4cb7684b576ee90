"""Read ``sources/`` (and the citations in ``docs/``) into an ``Archive``, collecting every problem.

The CLI, the MkDocs hook and the tests all call ``check_archive``; nothing is published
unless it returns no errors.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from . import docs as docrefs, rules
from ..site import registry as pages
from ..load.bibtex import parse_bibliography
from .canonical_cache import CanonicalCache
from .canonical import canonical_bib, canonical_claim
from ..model import Archive, Claim, Event, Term
from ..problems import ArchiveError, Problem
from ..load.records import claim_from_data, events_from_data, terms_from_data
from ..load.schema import load_schema, schema_problems
from ..load.strict_yaml import YamlProblem, load_yaml, read_text


NOT_CANONICAL = "not in canonical form; run: python -m scripts fmt"


@dataclass(frozen=True)
class Result:
    archive: Archive | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.warning)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _yaml_file(path: Path, root: Path, schema: str, problems: list[Problem]) -> tuple[object, dict, str] | None:
    rel = _rel(path, root)
    text, read_problems = read_text(rel, path.read_bytes())
    problems.extend(read_problems)
    if text is None:
        return None
    try:
        data, lines = load_yaml(text)
    except YamlProblem as exc:
        problems.append(Problem(rel, exc.line, exc.message))
        return None
    found = schema_problems(schema, data, lines, rel)
    problems.extend(found)
    return (None, lines, text) if found else (data, lines, text)


def check_archive(root: Path, docs_dir: Path | None = None, now: dt.date | None = None) -> Result:
    """Load and validate everything under ``root``; return the archive only if it is sound."""
    root = root.resolve()
    now = now or rules.today()
    problems: list[Problem] = []
    cache = CanonicalCache(root)
    bib_path = root / "sources" / "references.bib"
    if bib_path.exists():
        raw = bib_path.read_bytes()
        sources, bib_problems, library = parse_bibliography(_rel(bib_path, root), raw)
        problems.extend(bib_problems)
        text = raw.decode("utf-8") if not bib_problems else ""
        if text and not cache.is_known(text):
            if canonical_bib(text, library) != text:
                problems.append(Problem(_rel(bib_path, root), 1, NOT_CANONICAL, warning=True))
            else:
                cache.add(text)
    else:
        sources = {}
        problems.append(Problem(_rel(bib_path, root), 1, "file not found"))
    for source in sources.values():
        problems.extend(rules.source_problems(source, now))

    claim_dir = root / "sources" / "claims"
    paths = sorted(claim_dir.glob("*.yaml")) if claim_dir.is_dir() else []
    for path in sorted(claim_dir.iterdir()) if claim_dir.is_dir() else []:
        if path.is_file() and path.suffix != ".yaml" and not path.name.startswith("."):
            problems.append(Problem(_rel(path, root), 1, "claim files end in .yaml"))
    loaded_claims: list[tuple[Claim, str]] = []
    for path in paths:
        loaded = _yaml_file(path, root, "claim", problems)
        if loaded is not None and loaded[0] is not None:
            if not cache.is_known(loaded[2]):
                if canonical_claim(loaded[0]) != loaded[2]:  # type: ignore[arg-type]
                    problems.append(Problem(_rel(path, root), 1, NOT_CANONICAL, warning=True))
                else:
                    cache.add(loaded[2])
            loaded_claims.append((claim_from_data(loaded[0], loaded[1], _rel(path, root)), path.stem))  # type: ignore[arg-type]
    cache.save()
    claims, stems = _unique_claims(loaded_claims, problems)
    claim_ids = {p.stem for p in paths}
    for claim in claims.values():
        problems.extend(rules.claim_problems(claim, sources, claim_ids, stems[claim.id], now))

    events, terms = _optional_lists(root, problems)
    topics = load_schema("claim")["properties"]["topics"]["items"]["enum"]
    problems.extend(rules.reference_problems((*events, *terms), sources, set(claims), now, topics))

    used = {e.source for c in claims.values() for e in c.evidence} | {a.source for c in claims.values() for a in c.seen_in}
    used |= {k for item in (*events, *terms) for k in item.sources}
    used |= {s.get("supersededby") for s in sources.values()}
    docs_dir = docs_dir if docs_dir is not None else root / "docs"
    for page in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        text = page.read_text(encoding="utf-8")
        uri = page.relative_to(docs_dir).as_posix()
        problems.extend(docrefs.reference_problems(text, uri, _rel(page, root), sources, claim_ids))
        problems.extend(pages.marker_problems(text, _rel(page, root)))
        used |= docrefs.cited_keys(text)
    for source in sources.values():
        if (target := source.get("supersededby")) and target not in sources:
            problems.append(Problem(source.path, source.field_lines.get("supersededby", source.line), f"{source.key}: supersededby: unknown source key '{target}'"))
        if source.key not in used:
            problems.append(Problem(source.path, source.line, f"{source.key}: not cited by any claim, event, term or page", warning=True))

    result_problems = tuple(sorted(set(problems)))
    if any(not p.warning for p in result_problems):
        return Result(None, result_problems)
    return Result(_cross_reference(claims, sources, events, terms), result_problems)


def _unique_claims(loaded: list[tuple[Claim, str]], problems: list[Problem]) -> tuple[dict[str, Claim], dict[str, str]]:
    """One claim per id; a file reusing another file's id is reported against that file."""
    owner = {claim.id: claim for claim, stem in loaded if claim.id == stem}
    claims: dict[str, Claim] = {}
    stems: dict[str, str] = {}
    for claim, stem in loaded:
        first = owner.get(claim.id) or claims.get(claim.id)
        if first is not None and first is not claim:
            problems.append(Problem(claim.path, claim.line_of("id"), f"id: '{claim.id}' is already used by {first.path}"))
            continue
        claims[claim.id] = claim
        stems[claim.id] = stem
    return claims, stems


def _optional_lists(root: Path, problems: list[Problem]) -> tuple[tuple[Event, ...], tuple[Term, ...]]:
    events: tuple[Event, ...] = ()
    terms: tuple[Term, ...] = ()
    timeline = root / "sources" / "timeline.yaml"
    if timeline.exists() and (loaded := _yaml_file(timeline, root, "timeline", problems)) and loaded[0] is not None:
        events = events_from_data(loaded[0], loaded[1], _rel(timeline, root))  # type: ignore[arg-type]
    glossary = root / "sources" / "glossary.yaml"
    if glossary.exists() and (loaded := _yaml_file(glossary, root, "glossary", problems)) and loaded[0] is not None:
        terms = terms_from_data(loaded[0], loaded[1], _rel(glossary, root))  # type: ignore[arg-type]
    return events, terms


def _cross_reference(claims: dict[str, Claim], sources: dict, events: tuple[Event, ...], terms: tuple[Term, ...]) -> Archive:
    cited_by: dict[str, set[str]] = defaultdict(set)
    related: dict[str, set[str]] = defaultdict(set)
    for claim in claims.values():
        for key in {e.source for e in claim.evidence} | {a.source for a in claim.seen_in}:
            cited_by[key].add(claim.id)
        for other in claim.related:
            related[claim.id].add(other)
            related[other].add(claim.id)
    return Archive(
        claims=MappingProxyType(dict(sorted(claims.items()))),
        sources=MappingProxyType(dict(sorted(sources.items(), key=lambda kv: kv[0].lower()))),
        events=tuple(sorted(events, key=lambda e: (e.date, e.title))),
        terms=tuple(sorted(terms, key=lambda t: t.pinyin.lower())),
        cited_by=MappingProxyType({k: tuple(sorted(v)) for k, v in cited_by.items()}),
        related_to=MappingProxyType({k: tuple(sorted(v)) for k, v in related.items()}),
    )


def load_archive(root: Path, docs_dir: Path | None = None) -> Archive:
    """The archive under ``root``, or ``ArchiveError`` listing every error."""
    result = check_archive(root, docs_dir)
    if result.archive is None:
        raise ArchiveError(result.errors)
    return result.archive
