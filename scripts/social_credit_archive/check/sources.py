"""Rules for BibTeX sources beyond their schema: dates, links, issuing bodies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from ..dates import date_problem
from ..model import Source
from ..problems import Problem, did_you_mean
from .addresses import url_problem
from .rating import PRIMARY


def source_problems(source: Source, sources: Mapping[str, Source], reserved: set[str], now: dt.date) -> Iterator[Problem]:
    where = source.where
    if source.key.lower() in reserved:
        yield where.problem((), f"'{source.key}' is the name of a generated page; choose another key")
    if source.date:
        field = "date" if ("date",) in where.lines else "year"
        if why := date_problem(source.date, now):
            yield where.problem((field,), why)
    elif "not established" not in source.note.lower():
        yield where.problem((), "date is missing (or say 'Date not established.' in note)")
    if source.sourceclass in PRIMARY and not source.authors:
        yield where.problem((), f"an {source.sourceclass} source needs its issuing body as author, e.g. author = {{{{State Council}}}}")
    for field in ("url", "translationurl", "archiveurl"):
        value = getattr(source, field)
        # a non-http(s) scheme is already refused by the schema's pattern
        if value and value.lower().startswith(("http://", "https://")) and (why := url_problem(value)):
            yield where.problem((field,), why)
    if source.url or source.entry_type == "online":
        if not source.url:
            yield where.problem((), "an online source needs url")
        if not source.urldate:
            yield where.problem((), "urldate is missing (the day the link was checked, YYYY-MM-DD)")
        elif why := date_problem(source.urldate, now):
            yield where.problem(("urldate",), why)
    if source.supersededby and source.supersededby not in sources:
        yield where.problem(("supersededby",), f"unknown source key '{source.supersededby}'{did_you_mean(source.supersededby, sources)}")


def _authors(source: Source) -> tuple[str, ...]:
    return tuple(a.display.replace("\u2019", "'") for a in source.authors)


def duplicate_sources(sources: Mapping[str, Source]) -> Iterator[Problem]:
    """One document, one key: two entries with the same link and the same authors (or none) are
    the same source, and counting them as two would inflate 'two independent sources'. Distinct
    works on one page (a translated report and the translator's introduction) name different
    authors and may share a link."""
    first: dict[str, list[Source]] = {}
    for source in sources.values():
        if source.url:
            first.setdefault(source.url.rstrip("/").lower(), []).append(source)
    for same in first.values():
        for i, source in enumerate(same[1:], 1):
            for earlier in same[:i]:
                if not _authors(source) or not _authors(earlier) or _authors(source) == _authors(earlier):
                    line = earlier.where.line("url")
                    yield source.where.problem(
                        ("url",), f"same link as '{earlier.key}' ({earlier.path}:{line}); cite one document under one key"
                    )
                    break
