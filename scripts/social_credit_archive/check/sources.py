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
